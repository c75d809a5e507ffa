//! The session token the host (Apex, in Salesforce) mints for the agent. The widget reads the
//! token's expiry, without verifying anything (the backend does that), only to ask the host for
//! a fresh token before the current one runs out instead of after a refused call.

use serde::Deserialize;

/// How long before its expiry a token is replaced.
const REFRESH_MARGIN_MS: f64 = 60_000.0;

#[derive(Debug, Clone, PartialEq)]
pub struct SessionToken {
    pub value: String,
    /// `None` when the token's payload cannot be read: it is then used until a call is refused.
    expires_at_ms: Option<f64>,
}

impl SessionToken {
    pub fn new(value: String) -> Self {
        let expires_at_ms = payload_json(&value).and_then(|json| expiry_ms(&json));
        Self {
            value,
            expires_at_ms,
        }
    }

    /// Whether the token can still be sent at `now_ms` without risking its expiry on the way.
    pub fn is_usable_at(&self, now_ms: f64) -> bool {
        self.expires_at_ms
            .is_none_or(|expires_at_ms| now_ms + REFRESH_MARGIN_MS < expires_at_ms)
    }
}

/// The JWT `exp` claim (seconds) in milliseconds.
fn expiry_ms(payload_json: &str) -> Option<f64> {
    #[derive(Deserialize)]
    struct Expiry {
        exp: f64,
    }
    let expiry: Expiry = serde_json::from_str(payload_json).ok()?;
    Some(expiry.exp * 1000.0)
}

/// The token's middle part, decoded with the browser's own base64 (`atob`).
#[cfg(target_arch = "wasm32")]
fn payload_json(token: &str) -> Option<String> {
    let payload = token.split('.').nth(1)?;
    let mut base64: String = payload
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    while !base64.len().is_multiple_of(4) {
        base64.push('=');
    }
    let binary = web_sys::window()?.atob(&base64).ok()?;
    // `atob` yields one char per byte; the claims are UTF-8.
    let bytes: Vec<u8> = binary.chars().map(|c| c as u32 as u8).collect();
    String::from_utf8(bytes).ok()
}

#[cfg(not(target_arch = "wasm32"))]
fn payload_json(_token: &str) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expiring_at(expires_at_ms: f64) -> SessionToken {
        SessionToken {
            value: "t".into(),
            expires_at_ms: Some(expires_at_ms),
        }
    }

    #[test]
    fn a_token_is_replaced_a_minute_before_it_expires() {
        let token = expiring_at(1_000_000.0);
        assert!(token.is_usable_at(1_000_000.0 - 61_000.0));
        assert!(!token.is_usable_at(1_000_000.0 - 60_000.0));
        assert!(!token.is_usable_at(2_000_000.0));
    }

    #[test]
    fn the_expiry_is_the_exp_claim_in_milliseconds() {
        assert_eq!(
            expiry_ms(r#"{"sub":"005","exp":1767225900}"#),
            Some(1_767_225_900_000.0)
        );
        assert_eq!(expiry_ms(r#"{"sub":"005"}"#), None);
        assert_eq!(expiry_ms("not json"), None);
    }

    #[test]
    fn a_token_whose_expiry_cannot_be_read_is_kept_until_refused() {
        assert!(SessionToken::new("opaque".into()).is_usable_at(f64::MAX));
    }
}
