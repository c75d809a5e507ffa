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
        if let Some(status) = item.status_it_sets() {
            self.status = status;
        }
        if item.kind == ItemKind::Inbound {
            self.last_inbound_at_ms = Some(self.last_inbound_at_ms.unwrap_or(0).max(item.at_ms));
        }
    }

    /// [`Conversation::follow`] for an item that arrived after `newer`, the items already followed
    /// whose ids are above its own (none when it arrived in order): the same as following the
    /// whole thread again in id order, without reading it. The status is the last item's to set
    /// one, and the reply window runs from the latest inbound item whatever its place.
    pub fn follow_late(&mut self, item: &ThreadItem, newer: &[ThreadItem]) {
        let status = self.status;
        self.follow(item);
        if newer.iter().any(|newer| newer.status_it_sets().is_some()) {
            self.status = status;
        }
    }
}

impl ThreadItem {
    /// The status the conversation has after this item: the customer writing opens it, an archive
    /// closes it, anything else leaves it as it was.
    fn status_it_sets(&self) -> Option<ConversationStatus> {
        match (self.kind, &self.event) {
            (ItemKind::Inbound, _) => Some(ConversationStatus::Open),
            (ItemKind::Event, Some(event)) if event.closes_conversation() => {
                Some(ConversationStatus::Closed)
            }
            _ => None,
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

    /// Every order of arrival of a thread whose items open, close and leave the status alone
    /// ends as following it in id order does.
    #[test]
    fn an_item_followed_late_ends_as_the_thread_followed_in_order() {
        let thread = [
            item(ItemKind::Inbound, 1, None),
            item(ItemKind::Event, 2, Some(ConversationEvent::Archived)),
            item(ItemKind::Outbound, 3, None),
            item(ItemKind::Inbound, 4, None),
            item(ItemKind::Event, 5, Some(ConversationEvent::AutoArchived)),
            item(ItemKind::Event, 6, Some(ConversationEvent::Released)),
        ];
        let fresh = || Conversation {
            id: 1,
            channel: Channel::Whatsapp,
            account_name: "Brand".into(),
            customer_name: "Amélie".into(),
            status: ConversationStatus::Open,
            last_inbound_at_ms: None,
        };
        let mut orders: Vec<Vec<usize>> = vec![vec![]];
        for _ in 0..thread.len() {
            let mut longer = vec![];
            for order in &orders {
                for next in (0..thread.len()).filter(|i| !order.contains(i)) {
                    longer.push([order.as_slice(), &[next]].concat());
                }
            }
            orders = longer;
        }
        for length in 1..=thread.len() {
            for order in orders.iter().map(|order| &order[..length]) {
                let mut in_order = fresh();
                let mut sorted = order.to_vec();
                sorted.sort();
                sorted.iter().for_each(|&i| in_order.follow(&thread[i]));
                let mut late = fresh();
                for (arrived, &i) in order.iter().enumerate() {
                    let newer: Vec<ThreadItem> = order[..arrived]
                        .iter()
                        .filter(|&&earlier| earlier > i)
                        .map(|&earlier| thread[earlier].clone())
                        .collect();
                    late.follow_late(&thread[i], &newer);
                }
                assert_eq!(late, in_order, "arrival order {order:?}");
            }
        }
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
