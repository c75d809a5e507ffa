//! Alcméon's refusal of a template send, in the widget's words: the one place its error strings
//! (initiate-conversation-api.yaml gives statuses; the strings are Alcméon's, reusing
//! optin-api.yaml's for numbers) become a [`SendFailureCode`], with Alcméon's own words kept as
//! the detail.

use protocol::SendFailureCode;
use serde_json::Value;

use crate::alcmeon::ClientError;

/// The code and the detail of a failed send (the ongoing conversation is looked up by the caller).
pub fn classify(error: &ClientError) -> (SendFailureCode, String) {
    match error {
        ClientError::Status { status, body } => {
            let (code_word, details) = words(body);
            let code = match (*status, code_word.as_deref()) {
                (403, _) | (_, Some("ongoing-conversation")) => {
                    SendFailureCode::OngoingConversation
                }
                (_, Some("invalid-phone-number" | "invalid-phone-number-format")) => {
                    SendFailureCode::InvalidPhone
                }
                (_, Some("template-not-found")) => SendFailureCode::TemplateNotFound,
                (_, Some("missing-variable")) => SendFailureCode::MissingVariable,
                (_, Some("account-not-found")) => SendFailureCode::AccountNotFound,
                (500.., _) => SendFailureCode::AlcmeonUnavailable,
                _ => SendFailureCode::AlcmeonRefused,
            };
            let detail = match (code_word, details) {
                (Some(word), Some(details)) => format!("{word}: {details}"),
                (Some(word), None) => word,
                (None, _) => format!("HTTP {status}"),
            };
            (code, detail)
        }
        ClientError::RateLimited { until } => (
            SendFailureCode::AlcmeonUnavailable,
            format!("Alcméon's rate limit kept refusing the send (until {until})"),
        ),
        ClientError::Transport(_) => (
            SendFailureCode::AlcmeonUnavailable,
            "Alcméon could not be reached".to_owned(),
        ),
    }
}

/// Alcméon's `error` and `details`, when the body is its error shape.
fn words(body: &str) -> (Option<String>, Option<String>) {
    let parsed: Option<Value> = serde_json::from_str(body).ok();
    let text = |key: &str| {
        parsed
            .as_ref()
            .and_then(|v| v.get(key)?.as_str().map(str::to_owned))
            .filter(|s| !s.trim().is_empty())
    };
    (text("error"), text("details"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(status: u16, body: &str) -> (SendFailureCode, String) {
        classify(&ClientError::Status {
            status,
            body: body.to_owned(),
        })
    }

    #[test]
    fn each_error_string_has_its_code_and_alcmeons_words_as_detail() {
        let cases = [
            (
                403,
                "ongoing-conversation",
                SendFailureCode::OngoingConversation,
            ),
            (400, "invalid-phone-number", SendFailureCode::InvalidPhone),
            (
                400,
                "invalid-phone-number-format",
                SendFailureCode::InvalidPhone,
            ),
            (400, "template-not-found", SendFailureCode::TemplateNotFound),
            (400, "missing-variable", SendFailureCode::MissingVariable),
            (400, "account-not-found", SendFailureCode::AccountNotFound),
            (400, "brand-new-reason", SendFailureCode::AlcmeonRefused),
            (503, "maintenance", SendFailureCode::AlcmeonUnavailable),
        ];
        for (status, word, code) in cases {
            let body = format!(r#"{{"error": "{word}", "details": "said so"}}"#);
            assert_eq!(
                refused(status, &body),
                (code, format!("{word}: said so")),
                "{word}"
            );
        }
    }

    #[test]
    fn a_403_without_words_is_still_the_ongoing_conversation() {
        assert_eq!(
            refused(403, "<html>"),
            (SendFailureCode::OngoingConversation, "HTTP 403".to_owned())
        );
        assert_eq!(
            refused(400, r#"{"error": "template-not-found"}"#).1,
            "template-not-found"
        );
    }
}
