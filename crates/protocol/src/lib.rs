//! The contract between the widget and the backend: the JSON types both sides exchange under
//! `/v1/`, the single error shape, and the channel rules. Pure Rust with no I/O, so it builds for
//! wasm32 (the widget) and natively (the backend) and is tested without a server or a browser.

mod agent_email;
mod channel;
mod channel_rules;
mod client_id;
mod consent;
mod conversation_event;
mod customer;
mod engagement;
mod error;
mod failure;
pub mod item_id;
mod reply_rules;
mod scoped_id;
mod template;
mod template_fill;
mod template_order;
#[cfg(test)]
mod template_tests;
mod thread;
mod validated_text;
mod zone_rules;

pub use agent_email::{AgentEmail, InvalidAgentEmail};
pub use channel::Channel;
pub use channel_rules::{ALCMEON_MAX_REPLY_CHARS, LengthUnit, ReplyLimit, TooLong, is_blank};
pub use client_id::{ClientId, InvalidClientId, MAX_CLIENT_ID_CHARS};
pub use consent::{ConsentState, normalize_phone};
pub use conversation_event::{ConversationEvent, EventKind, EventParties};
pub use customer::{
    CONTACT_NAME_MAX_CHARS, ContactLink, CustomerConversation, CustomerView, is_salesforce_id,
};
pub use engagement::{
    EngagementBlock, EngagementEvent, EngagementPage, EngagementSend, EngagementSendRequest,
    Recipient, ReengagementPage, SendFailure, SendFailureCode, SendState, Sender, TemplateChannel,
};
pub use error::{ApiError, ErrorCode};
pub use failure::FailureCode;
pub use reply_rules::{REPLY_WINDOW_COUNTDOWN_MS, ReplyBlock};
pub use scoped_id::{InvalidScopedId, MAX_SCOPED_ID_CHARS, ScopedId};
pub use strum::VariantArray;
pub use template::{
    InvalidTemplate, Template, TemplateVariable, UrlButton, WHATSAPP_BODY_MAX_CHARS,
    WHATSAPP_URL_MAX_CHARS,
};
pub use template_fill::{FilledButton, FilledTemplate, ProblemReason, VariableProblem, fill};
pub use template_order::in_language_order;
pub use thread::{
    Attachment, Conversation, ConversationFetching, ConversationStatus, Delivery, ItemKind,
    NewReply, QueuedReply, ThreadItem, ThreadPage, Viewer,
};
pub use zone_rules::{LocalDay, OffsetChange, ZoneRules};
