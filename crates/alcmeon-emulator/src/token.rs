//! OAuth2 access tokens: HS256 JWTs signed with the application secret.
//!
//! Being self-contained, they need no storage and stay valid across emulator restarts, like a real
//! token does during its hour.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, TimeDelta, Utc};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

pub const LIFETIME: TimeDelta = TimeDelta::seconds(3600);

const HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: String,
    iat: i64,
    exp: i64,
}

pub struct IssuedToken {
    pub access_token: String,
    pub expires_at: DateTime<Utc>,
}

pub fn issue(instance_id: &str, secret: &str, now: DateTime<Utc>) -> IssuedToken {
    let expires_at = now + LIFETIME;
    let claims = Claims {
        sub: instance_id.to_owned(),
        iat: now.timestamp(),
        exp: expires_at.timestamp(),
    };
    let claims = serde_json::to_vec(&claims).expect("claims always serialize");
    let signed_part = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(HEADER),
        URL_SAFE_NO_PAD.encode(claims)
    );
    let signature = URL_SAFE_NO_PAD.encode(mac(secret, &signed_part).finalize().into_bytes());
    IssuedToken {
        access_token: format!("{signed_part}.{signature}"),
        expires_at,
    }
}

/// True when the token was signed with `secret` for `instance_id` and has not expired.
pub fn is_valid(token: &str, instance_id: &str, secret: &str, now: DateTime<Utc>) -> bool {
    let Some((signed_part, signature)) = token.rsplit_once('.') else {
        return false;
    };
    let Ok(signature) = URL_SAFE_NO_PAD.decode(signature) else {
        return false;
    };
    if mac(secret, signed_part).verify_slice(&signature).is_err() {
        return false;
    }
    let claims = signed_part
        .split_once('.')
        .and_then(|(_, claims)| URL_SAFE_NO_PAD.decode(claims).ok())
        .and_then(|claims| serde_json::from_slice::<Claims>(&claims).ok());
    claims.is_some_and(|claims| claims.sub == instance_id && now.timestamp() < claims.exp)
}

fn mac(secret: &str, signed_part: &str) -> Hmac<Sha256> {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes keys of any length");
    mac.update(signed_part.as_bytes());
    mac
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_valid_for_one_hour_for_its_own_instance_and_secret() {
        let now = Utc::now();
        let token = issue("demo-instance", "demo-secret", now).access_token;
        assert!(is_valid(&token, "demo-instance", "demo-secret", now));
        assert!(is_valid(
            &token,
            "demo-instance",
            "demo-secret",
            now + TimeDelta::seconds(3599)
        ));
        assert!(!is_valid(
            &token,
            "demo-instance",
            "demo-secret",
            now + TimeDelta::seconds(3600)
        ));
        assert!(!is_valid(&token, "other-instance", "demo-secret", now));
        assert!(!is_valid(&token, "demo-instance", "other-secret", now));
    }

    #[test]
    fn garbage_is_not_a_token() {
        let now = Utc::now();
        for token in ["", "abc", "a.b.c", "demo-secret"] {
            assert!(!is_valid(token, "demo-instance", "demo-secret", now));
        }
    }
}
