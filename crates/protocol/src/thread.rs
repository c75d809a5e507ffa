use serde::{Deserialize, Serialize};

use crate::Channel;

/// What the widget shows at the top of a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    /// Alcméon's conversation id (`task.conversation_id`).
    pub id: i64,
    pub channel: Channel,
    /// The social account the customer wrote to (the brand's page or number).
    pub account_name: String,
    /// The customer's display name as the channel gives it; may be empty (e.g. on X).
    pub customer_name: String,
}

/// Who an item in the thread comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A message the customer sent.
    Inbound,
    /// A reply an agent sent.
    Outbound,
}

/// One message in a conversation's thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadItem {
    /// Alcméon's action id: unique, and increasing in the order Alcméon recorded the actions.
    /// A reply Alcméon has not recorded yet has a provisional id above every action id (2^52 +
    /// n); once Alcméon records it, the same reply comes back under its `answer` action's id.
    /// So the widget recognises a reply by `client_id` first, and any other item by `id`.
    pub id: i64,
    pub kind: ItemKind,
    pub author: String,
    /// Untrusted text, shown as text only.
    pub text: String,
    /// When it was written, in milliseconds since the Unix epoch (UTC).
    pub at_ms: i64,
    /// For a reply sent from the widget: how its delivery is going. `None` for everything else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<Delivery>,
    /// The id the widget generated for a reply it sent (its idempotency key); stable for the
    /// reply's whole life, across retries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
}

/// Where a reply sent from the widget stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Delivery {
    /// Accepted by the backend, not yet confirmed by Alcméon.
    Sending,
    /// Alcméon reports it delivered on the channel (`execute-answer` `ok`).
    Sent,
    /// Not delivered; `reason` says why, in words Alcméon or the backend gave.
    Failed { reason: String },
}

/// The body of `POST /v1/conversations/{id}/replies`. Sending the same `client_id` twice never
/// sends the reply twice: the second call returns the first one's item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewReply {
    pub client_id: String,
    pub text: String,
}

/// The newest items of a conversation, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadPage {
    pub conversation: Conversation,
    pub items: Vec<ThreadItem>,
    /// Whether items older than the first one exist (ask with `?before=<first item id>`).
    #[serde(default)]
    pub has_older: bool,
}
