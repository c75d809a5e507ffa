//! The session token the host (Apex, in Salesforce) mints for the agent. The widget reads the
//! token's expiry, without verifying anything (the backend does that), only to ask the host for
//! a fresh token before the current one runs out instead of after a refused call. The caller
//! gives the JSON reader of the token's claims (the browser's, in the widget).

use serde::Deserialize;

/// How long before its expiry a token is replaced.
const REFRESH_MARGIN_MS: f64 = 60_000.0;

#[derive(Debug, Clone, PartialEq)]
pub struct SessionToken {
    pub value: String,
    /// `None` when the token's payload cannot be read: it is then used until a call is refused.
    expires_at_ms: Option<f64>,
}

/// The only claim the widget reads.
#[derive(Deserialize)]
pub struct Expiry {
    /// Seconds since the epoch.
    exp: f64,
}

impl SessionToken {
    /// The token `value`, whose claims `read_claims` reads from their JSON.
    pub fn new(value: String, read_claims: impl FnOnce(&str) -> Option<Expiry>) -> Self {
        let expires_at_ms = payload_json(&value)
            .and_then(|json| read_claims(&json))
            .map(|expiry| expiry.exp * 1000.0);
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

/// The token's middle part: the claims' JSON, written in base64url without padding.
fn payload_json(token: &str) -> Option<String> {
    let payload = token.split('.').nth(1)?;
    let mut bytes = Vec::with_capacity(payload.len() * 3 / 4);
    let (mut bits, mut held) = (0u32, 0);
    for c in payload.bytes() {
        let sextet = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            b'=' => break,
            _ => return None,
        };
        bits = (bits << 6 | u32::from(sextet)) & 0x3fff;
        held += 6;
        if held >= 8 {
            held -= 8;
            bytes.push((bits >> held) as u8);
        }
    }
    String::from_utf8(bytes).ok()
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

    fn read(token: &str) -> SessionToken {
        SessionToken::new(token.into(), |json| serde_json::from_str(json).ok())
    }

    #[test]
    fn the_expiry_is_read_from_the_tokens_base64url_payload() {
        // {"sub":"005","name":"Léa","exp":1767225900}, as a JWT writes it (no padding).
        let token =
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMDUiLCJuYW1lIjoiTMOpYSIsImV4cCI6MTc2NzIyNTkwMH0.sig";
        assert_eq!(
            payload_json(token).as_deref(),
            Some(r#"{"sub":"005","name":"Léa","exp":1767225900}"#)
        );
        let read = read(token);
        assert!(read.is_usable_at(1_767_225_900_000.0 - 61_000.0));
        assert!(!read.is_usable_at(1_767_225_900_000.0 - 60_000.0));
        assert_eq!(payload_json("a.not*base64.c"), None);
    }

    #[test]
    fn a_token_whose_expiry_cannot_be_read_is_kept_until_refused() {
        assert!(read("opaque").is_usable_at(f64::MAX));
        // {"sub":"005"}: no expiry.
        assert!(read("h.eyJzdWIiOiIwMDUifQ.s").is_usable_at(f64::MAX));
    }
}
