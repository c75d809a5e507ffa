use serde::{Deserialize, Serialize};
use strum::VariantArray;

use crate::{AgentEmail, Channel, ClientId, ConversationEvent, FailureCode, ZoneRules};

/// What the widget shows at the top of a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Conversation {
    /// Alcméon's conversation id (`task.conversation_id`).
    pub id: i64,
    pub channel: Channel,
    /// The social account the customer wrote to (the brand's page or number).
    pub account_name: String,
    /// The customer's display name as the channel gives it; may be empty (e.g. on X).
    pub customer_name: String,
    #[serde(default)]
    pub status: ConversationStatus,
    /// When the customer last wrote, in milliseconds since the Unix epoch (UTC): the channel's
    /// reply window runs from here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_inbound_at_ms: Option<i64>,
}

/// Whether agents can still answer in the conversation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, VariantArray)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConversationStatus {
    #[default]
    Open,
    /// Archived in Alcméon; the customer writing again opens it.
    Closed,
}

impl ConversationStatus {
    /// The Fluent message id of the status as the agent reads it.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Open => "conversation-status-open",
            Self::Closed => "conversation-status-closed",
        }
    }
}

impl Conversation {
    /// Brings the status and the reply window up to date with an item that arrived after the
    /// conversation was read. Backend and widget both follow the thread with this one rule.
    pub fn follow(&mut self, item: &ThreadItem) {
        match (item.kind, &item.event) {
            (ItemKind::Inbound, _) => {
                self.status = ConversationStatus::Open;
                self.last_inbound_at_ms =
                    Some(self.last_inbound_at_ms.unwrap_or(0).max(item.at_ms));
            }
            (ItemKind::Event, Some(event)) if event.closes_conversation() => {
                self.status = ConversationStatus::Closed;
            }
            _ => {}
        }
    }
}

/// Who an item in the thread comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A message the customer sent.
    Inbound,
    /// A reply an agent sent.
    Outbound,
    /// Something an agent or a bot did to the conversation (archived, assigned…): see `event`.
    Event,
}

/// One message in a conversation's thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThreadItem {
    /// Alcméon's action id: unique, and increasing in the order Alcméon recorded the actions.
    /// A reply Alcméon has not recorded yet has a provisional id above every action id
    /// ([`crate::item_id`]); once Alcméon records it, the same reply comes back under its
    /// `answer` action's id.
    /// So the widget recognises a reply by `client_id` first, and any other item by `id`.
    pub id: i64,
    pub kind: ItemKind,
    pub author: String,
    /// Untrusted text, shown as text only.
    pub text: String,
    /// When it was written, in milliseconds since the Unix epoch (UTC).
    pub at_ms: i64,
    /// For every outbound item, whoever wrote it (the viewer, a colleague in another widget,
    /// another agent in Alcméon's own inbox, a bot): how its delivery is going. `None` for
    /// customer messages and events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<Delivery>,
    /// The id the widget generated for a reply it sent (its idempotency key); stable for the
    /// reply's whole life, across retries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<ClientId>,
    /// For an outbound item: the email of the agent who sent it, so the widget can tell the
    /// viewer's own replies from other agents'. `None` when a bot sent it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_email: Option<AgentEmail>,
    /// For an event item: what happened. `author` is who did it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<ConversationEvent>,
    /// Files the message carries, fetched from the backend one by one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

/// A file attached to a message. Its bytes are at
/// `GET /v1/conversations/{conversation id}/attachments/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attachment {
    /// The replica's id for the file (unique across conversations).
    pub id: i64,
    pub mime_type: String,
    /// Size in bytes.
    pub size: u64,
}

/// Image types a browser shows inline without running anything. SVG is left out on purpose: it
/// can carry script, so it is only ever offered as a download.
const PREVIEWABLE_IMAGES: [&str; 6] = [
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "image/avif",
    "image/bmp",
];

impl Attachment {
    /// Whether the widget shows the file as an image preview (otherwise as a download link).
    pub fn is_previewable_image(&self) -> bool {
        PREVIEWABLE_IMAGES.contains(&self.mime_type.to_ascii_lowercase().as_str())
    }
}

/// Where an outbound message stands, whoever sent it. Only the author of a reply sent from the
/// widget (it has a `client_id`) may retry a failed one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Delivery {
    /// Accepted by the backend or recorded by Alcméon (`answer`), not yet reported delivered.
    Sending,
    /// Alcméon reports it delivered on the channel (`execute-answer` `ok`).
    Sent,
    /// Not delivered. `code` says why, in terms the widget translates; `detail` is Alcméon's own
    /// word for it when it gave one that has no code of ours (shown as is: it is data).
    Failed {
        code: FailureCode,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        detail: Option<String>,
    },
}

/// A reply waiting for Alcméon's rate limit, and about when it leaves: the data of an
/// `event: queued` of `GET /v1/conversations/{id}/events`. Only true now, so never logged and
/// without an event id: a stream opens with one for each reply queued then, and tells each change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueuedReply {
    /// The reply's item id (Alcméon has not recorded it yet: a provisional id).
    pub item_id: i64,
    /// About when it leaves, in milliseconds since the Unix epoch (UTC); never before the end of
    /// a hold Alcméon's 429 asked for. `None`: it is no longer queued (it left, or was failed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_ms: Option<i64>,
}

/// The body of `POST /v1/conversations/{id}/replies`. Sending the same `client_id` twice never
/// sends the reply twice: the second call returns the first one's item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewReply {
    pub client_id: ClientId,
    pub text: String,
}

/// Who is reading the thread, from their session: the widget shows their own replies as theirs
/// and, without reply permission, a read-only composer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Viewer {
    pub email: AgentEmail,
    pub may_reply: bool,
}

/// The newest items of a conversation, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThreadPage {
    pub conversation: Conversation,
    pub viewer: Viewer,
    pub items: Vec<ThreadItem>,
    /// Whether items older than the first one exist (ask with `?before=<first item id>`).
    #[serde(default)]
    pub has_older: bool,
    /// The position in the conversation's event log (an event id of
    /// `GET /v1/conversations/{id}/events`) the newest page reflects: read before its items, so
    /// opening the stream with `Last-Event-ID` set to it misses no change (one in both the page
    /// and the stream replaces its item by id). `None` on an older page (`?before=`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream_position: Option<i64>,
    /// The offsets of the time zone asked with `?zone=` (the agent's), so that opening a
    /// conversation costs no request of its own for them; `None` when none was asked or the tz
    /// database has no zone by that name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone_rules: Option<Box<ZoneRules>>,
}

/// The answer (`202 Accepted`) of the thread route while the backend fetches, from Alcméon, a
/// conversation its replica does not hold yet: ask again; the next answer waits for the fetch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConversationFetching {
    pub conversation_id: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(kind: ItemKind, at_ms: i64, event: Option<ConversationEvent>) -> ThreadItem {
        ThreadItem {
            id: at_ms,
            kind,
            author: "someone".into(),
            text: String::new(),
            at_ms,
            delivery: None,
            client_id: None,
            agent_email: None,
            event,
            attachments: vec![],
        }
    }

    #[test]
    fn archiving_closes_and_the_customer_writing_again_reopens() {
        let mut conversation = Conversation {
            id: 1,
            channel: Channel::Whatsapp,
            account_name: "Brand".into(),
            customer_name: "Amélie".into(),
            status: ConversationStatus::Open,
            last_inbound_at_ms: Some(100),
        };
        conversation.follow(&item(
            ItemKind::Event,
            200,
            Some(ConversationEvent::Archived),
        ));
        assert_eq!(conversation.status, ConversationStatus::Closed);
        conversation.follow(&item(ItemKind::Outbound, 300, None));
        assert_eq!(conversation.status, ConversationStatus::Closed);
        conversation.follow(&item(ItemKind::Inbound, 400, None));
        assert_eq!(conversation.status, ConversationStatus::Open);
        assert_eq!(conversation.last_inbound_at_ms, Some(400));
        conversation.follow(&item(ItemKind::Inbound, 50, None));
        assert_eq!(conversation.last_inbound_at_ms, Some(400));
    }

    #[test]
    fn svg_is_never_previewed_inline() {
        let file = |mime: &str| Attachment {
            id: 1,
            mime_type: mime.into(),
            size: 10,
        };
        assert!(file("image/PNG").is_previewable_image());
        assert!(!file("image/svg+xml").is_previewable_image());
        assert!(!file("application/pdf").is_previewable_image());
    }
}
