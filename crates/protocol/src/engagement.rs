//! Engagement mode: the one-off template message an agent sends from a Case to a customer who gave
//! consent, and the conversation it becomes when the customer answers. These are the JSON types of
//! `GET /v1/engagement`, `POST /v1/engagement/sends`, `POST /v1/conversations/{id}/engagements`
//! and the engagement's live stream.
//!
//! Invariants: whether a send may go is decided by the backend alone and stated as one
//! [`EngagementBlock`] (the widget shows it, never decides it); a page names at most one send per
//! engagement record (a one-off message), identified by the widget's [`ClientId`], so a repeated
//! request with the same id never sends twice.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use strum::VariantArray;

use crate::{ClientId, ConsentState, Template};

/// The channels Alcméon sends template messages on (initiate-conversation-api.yaml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, VariantArray)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum TemplateChannel {
    Whatsapp,
    Rcs,
    Kakaotalk,
}

/// What the engagement page shows and the send acts on: the engagement record as the session
/// token names it, what the backend knows of its recipient, and its send, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EngagementPage {
    /// The `alcmeon__Engagement__c` record id the token was minted for.
    pub record_id: String,
    /// The Case's number (the token's `eng.case`), for prefilling template variables.
    pub case_number: String,
    /// The agent's name (the token's `name`), for prefilling template variables.
    pub agent_name: String,
    pub recipient: Recipient,
    pub sender: Sender,
    /// The recipient's consent as the backend's replica of Alcméon's opt-in lists knows it; `None`
    /// when it cannot be asked (no usable number, no opt-in list configured).
    pub consent: Option<ConsentState>,
    /// The templates the sender's account may send, in the backend's order (the widget puts the
    /// agent's language first).
    pub templates: Vec<Template>,
    /// Why nothing may be sent now; `None` when a send may go.
    pub blocked: Option<EngagementBlock>,
    /// This engagement's send, once one was asked for.
    pub send: Option<EngagementSend>,
    /// The conversation the customer's answer opened, once the backend linked it: the widget
    /// switches to conversation mode on it.
    pub conversation_id: Option<i64>,
}

/// Who receives the message: what the record holds, and that number normalised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Recipient {
    /// The customer's name (the Case Contact's), possibly empty.
    pub name: String,
    /// The number as the record (or the Case Contact's mobile) holds it, possibly empty.
    pub raw_phone: String,
    /// E.164 digits without `+` ([`crate::normalize_phone`]); `None` when missing or malformed.
    pub phone: Option<String>,
}

/// The Alcméon account the message goes out from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Sender {
    /// The account id as the record holds it, possibly empty.
    pub raw_account_id: String,
    pub account_id: Option<i64>,
    /// The account's name in Alcméon, when the backend knows the account.
    pub name: Option<String>,
    pub channel: Option<TemplateChannel>,
}

/// Why an engagement cannot be sent. The widget shows a translated text per variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EngagementBlock {
    /// The org is connected to `count` Alcméon environments; engagement needs exactly one.
    SeveralEnvironments { count: u32 },
    /// The record (and the Case Contact) hold no phone number.
    RecipientMissing,
    /// The record holds something that is not a phone number in international form.
    RecipientMalformed,
    /// The record names no sender account.
    SenderMissing,
    /// The sender is not an Alcméon account this environment sends templates from.
    SenderUnknown,
    /// The recipient is on no opt-in list.
    NoOptIn,
    /// The recipient opted out at `since_ms` (milliseconds since the Unix epoch).
    OptedOut { since_ms: i64 },
    /// Consent could not be read (no opt-in list configured, or Alcméon unreachable).
    ConsentUnknown,
    /// This engagement's one message was already sent.
    AlreadySent,
    /// The agent's Salesforce permissions do not allow replying.
    NotPermitted,
}

/// What re-engaging a conversation whose reply window closed would do
/// (`GET /v1/conversations/{id}/reengagement`): the customer's consent, the templates of the
/// conversation's account, and why nothing may be sent, decided as for an engagement record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReengagementPage {
    pub consent: Option<ConsentState>,
    pub templates: Vec<Template>,
    pub blocked: Option<EngagementBlock>,
}

/// The widget's request to send: which template, filled with which values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EngagementSendRequest {
    /// Chosen by the widget once per send; a repeat with the same id returns the same send.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub client_id: ClientId,
    pub template_id: i64,
    /// Values by variable label (`protocol::fill` checks them as the preview did).
    #[serde(default)]
    pub values: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, VariantArray)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SendState {
    Sending,
    Sent,
    Failed,
}

/// One template send, as the backend stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EngagementSend {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub client_id: ClientId,
    pub state: SendState,
    pub template_id: i64,
    /// The template's language code, e.g. `fr`.
    pub language: String,
    /// The exact text the customer receives (the filled body).
    pub content: String,
    /// When the agent asked for it, in milliseconds since the Unix epoch.
    pub requested_at_ms: i64,
    /// Alcméon's `message_id`, once sent.
    pub message_id: Option<String>,
    /// When Alcméon accepted it.
    pub sent_at_ms: Option<i64>,
    pub failure: Option<SendFailure>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SendFailure {
    pub code: SendFailureCode,
    /// Alcméon's own words (its `error` and `details`), for the agent to read after the
    /// translated reason.
    pub detail: String,
    /// With [`SendFailureCode::OngoingConversation`]: the customer's ongoing conversation, when
    /// the backend knows it, which the widget offers to open instead.
    pub ongoing_conversation_id: Option<i64>,
}

/// Why Alcméon did not send a template. The widget shows a translated text per code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, VariantArray)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SendFailureCode {
    /// `403`: the customer already has an ongoing conversation with the brand on this account.
    OngoingConversation,
    /// `invalid-phone-number` / `invalid-phone-number-format`.
    InvalidPhone,
    /// `template-not-found`.
    TemplateNotFound,
    /// `missing-variable`.
    MissingVariable,
    /// `account-not-found`.
    AccountNotFound,
    /// Alcméon refused for a reason of its own, given in the detail.
    AlcmeonRefused,
    /// Alcméon answered with a server error or could not be reached.
    AlcmeonUnavailable,
    /// A code from a newer backend.
    #[serde(other)]
    Unknown,
}

impl TemplateChannel {
    /// The Fluent message id of the channel's name.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Whatsapp => "channel-whatsapp",
            Self::Rcs => "channel-rcs",
            Self::Kakaotalk => "channel-kakaotalk",
        }
    }
}

impl EngagementBlock {
    /// The Fluent message id of the reason the widget shows instead of the send.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::SeveralEnvironments { .. } => "engagement-blocked-several-environments",
            Self::RecipientMissing => "engagement-blocked-recipient-missing",
            Self::RecipientMalformed => "engagement-blocked-recipient-malformed",
            Self::SenderMissing => "engagement-blocked-sender-missing",
            Self::SenderUnknown => "engagement-blocked-sender-unknown",
            Self::NoOptIn => "engagement-blocked-no-opt-in",
            Self::OptedOut { .. } => "engagement-blocked-opted-out",
            Self::ConsentUnknown => "engagement-blocked-consent-unknown",
            Self::AlreadySent => "engagement-blocked-already-sent",
            Self::NotPermitted => "engagement-blocked-not-permitted",
        }
    }
}

impl SendFailureCode {
    /// The Fluent message id of the reason the widget shows for a failed send.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::OngoingConversation => "failure-ongoing-conversation",
            Self::InvalidPhone => "failure-invalid-phone",
            Self::TemplateNotFound => "failure-template-not-found",
            Self::MissingVariable => "failure-missing-variable",
            Self::AccountNotFound => "failure-account-not-found",
            Self::AlcmeonRefused => "failure-message-refused",
            Self::AlcmeonUnavailable => "failure-alcmeon-unavailable",
            Self::Unknown => "failure-unknown",
        }
    }
}

impl EngagementSend {
    /// Whether the send has ended, sent or failed (it will not change again).
    pub fn has_ended(&self) -> bool {
        self.state != SendState::Sending
    }
}

/// A live-stream event of the engagement (`GET /v1/engagement/events`, `event: engagement`): the
/// page as it is now, sent whenever its send or its link changes.
pub type EngagementEvent = EngagementPage;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_reads_as_its_kind_with_its_details() {
        let block = EngagementBlock::OptedOut { since_ms: 5 };
        let json = serde_json::to_string(&block).unwrap();
        assert_eq!(json, r#"{"kind":"opted_out","since_ms":5}"#);
        assert_eq!(
            serde_json::from_str::<EngagementBlock>(&json).unwrap(),
            block
        );
    }

    #[test]
    fn a_failure_code_from_a_newer_backend_reads_as_unknown() {
        let code: SendFailureCode = serde_json::from_str(r#""brand_new""#).unwrap();
        assert_eq!(code, SendFailureCode::Unknown);
    }
}
