use serde::{Deserialize, Serialize};
use strum::VariantArray;

/// Why a reply was not delivered. The widget shows a translated message per code; Alcméon's
/// documented `POST /v1/answer/send` errors each have their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, VariantArray)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FailureCode {
    /// Alcméon took the reply but the channel refused it (`execute-answer` with `fail`).
    ChannelRefused,
    /// Alcméon's `empty-message`.
    EmptyMessage,
    /// Alcméon's `message-too-long`.
    MessageTooLong,
    /// Alcméon's `insufficient-permissions`: the agent's Alcméon account may not answer.
    InsufficientPermissions,
    /// Alcméon's `task-not-found`.
    TaskNotFound,
    /// Alcméon refused the reply for a reason of its own, given in the failure's `detail`.
    AlcmeonRefused,
    /// Alcméon answered with a server error or could not be reached.
    AlcmeonUnavailable,
    /// Alcméon's rate limit kept refusing the reply.
    RateLimited,
    /// A code from a newer backend.
    #[serde(other)]
    Unknown,
}

impl FailureCode {
    /// The code for an `error` string of Alcméon's answer API; unknown strings are
    /// [`FailureCode::AlcmeonRefused`], to be shown with the string as detail.
    pub fn from_alcmeon_error(error: &str) -> Self {
        match error {
            "empty-message" => Self::EmptyMessage,
            "message-too-long" => Self::MessageTooLong,
            "insufficient-permissions" => Self::InsufficientPermissions,
            "task-not-found" => Self::TaskNotFound,
            _ => Self::AlcmeonRefused,
        }
    }

    /// The Fluent message id the widget shows for this failure.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::ChannelRefused => "failure-channel-refused",
            Self::EmptyMessage => "failure-empty-message",
            Self::MessageTooLong => "failure-message-too-long",
            Self::InsufficientPermissions => "failure-insufficient-permissions",
            Self::TaskNotFound => "failure-task-not-found",
            Self::AlcmeonRefused => "failure-alcmeon-refused",
            Self::AlcmeonUnavailable => "failure-alcmeon-unavailable",
            Self::RateLimited => "failure-rate-limited",
            Self::Unknown => "failure-unknown",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_alcmeon_errors_have_codes_and_others_keep_their_words() {
        assert_eq!(
            FailureCode::from_alcmeon_error("task-not-found"),
            FailureCode::TaskNotFound
        );
        assert_eq!(
            FailureCode::from_alcmeon_error("brand-new-error"),
            FailureCode::AlcmeonRefused
        );
        let parsed: FailureCode = serde_json::from_str("\"from_the_future\"").unwrap();
        assert_eq!(parsed, FailureCode::Unknown);
    }
}
