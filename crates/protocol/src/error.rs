use serde::{Deserialize, Serialize};
use strum::VariantArray;

use crate::ReplyBlock;

/// Every error the backend returns to the widget has this one shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub code: ErrorCode,
    /// A human sentence for logs and operators; the widget shows its own translated text per code.
    pub message: String,
    /// Seconds to wait before trying again, when the error is temporary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
}

/// Stable error codes: the widget picks its translated message from these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, VariantArray)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Unauthenticated,
    Forbidden,
    NotFound,
    BadRequest,
    /// The request contradicts what the backend already holds (e.g. a client id reused for a
    /// different reply).
    Conflict,
    /// The conversation is archived: it takes no reply until the customer writes again.
    ConversationClosed,
    /// The channel's reply window has closed.
    ReplyWindowClosed,
    /// The replica knows no Alcméon customer for the conversation yet: nothing to link.
    NoCustomer,
    PayloadTooLarge,
    RateLimited,
    UpstreamUnavailable,
    Internal,
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    /// The HTTP status the backend answers with for this code.
    pub fn http_status(self) -> u16 {
        match self {
            Self::Unauthenticated => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::BadRequest => 400,
            Self::Conflict
            | Self::ConversationClosed
            | Self::ReplyWindowClosed
            | Self::NoCustomer => 409,
            Self::PayloadTooLarge => 413,
            Self::RateLimited => 429,
            Self::UpstreamUnavailable => 502,
            Self::Internal | Self::Unknown => 500,
        }
    }

    /// The Fluent message id the widget shows for this error.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Unauthenticated => "error-unauthenticated",
            Self::Forbidden => "error-forbidden",
            Self::NotFound => "error-not-found",
            Self::BadRequest => "error-bad-request",
            Self::Conflict => "error-conflict",
            Self::ConversationClosed => ReplyBlock::ConversationClosed.message_id(),
            Self::ReplyWindowClosed => ReplyBlock::ReplyWindowClosed.message_id(),
            Self::NoCustomer => "error-no-customer",
            Self::PayloadTooLarge => "error-payload-too-large",
            Self::RateLimited => "error-rate-limited",
            Self::UpstreamUnavailable => "error-upstream-unavailable",
            Self::Internal | Self::Unknown => "error-internal",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_shape_is_code_message_and_optional_retry_after() {
        let error = ApiError {
            code: ErrorCode::RateLimited,
            message: "slow down".into(),
            retry_after: Some(12),
        };
        assert_eq!(
            serde_json::to_string(&error).unwrap(),
            r#"{"code":"rate_limited","message":"slow down","retry_after":12}"#
        );
        let parsed: ApiError =
            serde_json::from_str(r#"{"code":"brand_new_code","message":"m"}"#).unwrap();
        assert_eq!(parsed.code, ErrorCode::Unknown);
        assert_eq!(parsed.retry_after, None);
    }
}
