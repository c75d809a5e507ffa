//! Whether a customer may receive a one-off template message, and the one way phone numbers are
//! written. Invariant: consent is decided here, from Alcméon's opt-in and opt-out times only, and
//! an opt-out at or after the last opt-in always wins; a phone number is compared only once
//! normalised by [`normalize_phone`].

use serde::{Deserialize, Serialize};

/// A customer's consent on one opt-in list, as the backend's replica of Alcméon holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ConsentState {
    /// Opted in at `since_ms` (milliseconds since the Unix epoch; 0 when Alcméon gave no time).
    OptedIn { since_ms: i64 },
    /// Opted out at `since_ms`, after any opt-in.
    OptedOut { since_ms: i64 },
    /// The list holds neither an opt-in nor an opt-out for the number.
    NoOptIn,
}

impl ConsentState {
    /// Decides from the latest opt-in and opt-out times (`Some(0)` for a record without a time).
    /// An opt-out wins unless an opt-in came strictly later.
    pub fn decide(opted_in_ms: Option<i64>, opted_out_ms: Option<i64>) -> Self {
        match (opted_in_ms, opted_out_ms) {
            (Some(optin), Some(optout)) if optin > optout => Self::OptedIn { since_ms: optin },
            (_, Some(optout)) => Self::OptedOut { since_ms: optout },
            (Some(optin), None) => Self::OptedIn { since_ms: optin },
            (None, None) => Self::NoOptIn,
        }
    }

    pub fn may_send(self) -> bool {
        matches!(self, Self::OptedIn { .. })
    }

    /// The Fluent message id of the state as the engagement page shows it (with `$date`).
    pub fn message_id(self) -> &'static str {
        match self {
            Self::OptedIn { .. } => "consent-opted-in",
            Self::OptedOut { .. } => "consent-opted-out",
            Self::NoOptIn => "consent-no-opt-in",
        }
    }
}

/// The E.164 digits of a phone number, without `+` (the form Alcméon's opt-in API lists):
/// `+33 6 12-34.56 (78)` and `0033612345678` both give `33612345678`. `None` unless 8 to 15
/// digits remain (E.164 allows 15) after dropping spaces, dots, dashes, parentheses and a leading
/// `+` or `00`.
pub fn normalize_phone(raw: &str) -> Option<String> {
    let kept: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')' | '\u{a0}'))
        .collect();
    let digits = kept
        .strip_prefix('+')
        .or_else(|| kept.strip_prefix("00"))
        .unwrap_or(&kept);
    let valid = (8..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    valid.then(|| digits.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_opt_out_at_or_after_the_last_opt_in_wins() {
        assert_eq!(
            ConsentState::decide(Some(10), Some(20)),
            ConsentState::OptedOut { since_ms: 20 }
        );
        assert_eq!(
            ConsentState::decide(Some(20), Some(20)),
            ConsentState::OptedOut { since_ms: 20 }
        );
        assert_eq!(
            ConsentState::decide(Some(30), Some(20)),
            ConsentState::OptedIn { since_ms: 30 }
        );
        assert_eq!(
            ConsentState::decide(None, Some(5)),
            ConsentState::OptedOut { since_ms: 5 }
        );
        assert_eq!(ConsentState::decide(None, None), ConsentState::NoOptIn);
        assert!(ConsentState::decide(Some(1), None).may_send());
        assert!(!ConsentState::NoOptIn.may_send());
    }

    #[test]
    fn consent_crosses_the_wire_tagged_by_state() {
        let json = serde_json::to_string(&ConsentState::OptedOut { since_ms: 7 }).unwrap();
        assert_eq!(json, r#"{"state":"opted_out","since_ms":7}"#);
        assert_eq!(
            serde_json::to_string(&ConsentState::NoOptIn).unwrap(),
            r#"{"state":"no_opt_in"}"#
        );
    }

    #[test]
    fn phone_numbers_are_e164_digits_without_plus() {
        for raw in [
            "33612345678",
            "+33612345678",
            "+33 6 12 34 56 78",
            "0033612345678",
            " +33 (6) 12-34.56.78 ",
        ] {
            assert_eq!(
                normalize_phone(raw).as_deref(),
                Some("33612345678"),
                "{raw}"
            );
        }
        for bad in [
            "",
            "+",
            "0612345678",
            "12345",
            "+33 6 12 34 56 7a",
            "1234567890123456",
        ] {
            assert_eq!(normalize_phone(bad), None, "{bad}");
        }
    }
}
