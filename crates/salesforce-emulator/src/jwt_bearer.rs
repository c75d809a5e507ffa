//! The OAuth 2.0 JWT bearer flow's assertion check, as Salesforce documents it: an RS256 JWT
//! whose `iss` is the Connected App's consumer key, `sub` the username, `aud` the login URL and
//! `exp` at most 3 minutes ahead, signed with the private key of the certificate uploaded to the
//! Connected App.
//!
//! Refusals, in the order checked (all 400):
//! - `iss` not the consumer key, or no certificate configured: `invalid_client_id` "client
//!   identifier invalid";
//! - not an RS256 JWT, or a signature the certificate does not verify: `invalid_grant` "invalid
//!   assertion";
//! - `aud` not the login URL: `invalid_grant` "audience is invalid";
//! - `exp` missing, past, or more than 3 minutes (plus [`LEEWAY_SECS`] of clock skew) ahead:
//!   `invalid_grant` "expired authorization code";
//! - `sub` not a configured user, or one whose grant is revoked: `invalid_grant` "user hasn't
//!   approved this consumer".
//!
//! The users and their grants live in `org_data`; this module checks the assertion itself and
//! returns its `sub`.

use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;

use crate::error::OAuthError;

/// How far ahead `exp` may be: Salesforce's 3 minutes.
pub const MAX_LIFETIME_SECS: i64 = 180;
/// Clock skew tolerated on `exp`, both ways.
pub const LEEWAY_SECS: i64 = 10;

/// The Connected App the flow authenticates against.
pub struct ConnectedApp {
    pub consumer_key: String,
    /// The uploaded certificate's public key; `None` refuses every assertion.
    pub key: Option<DecodingKey>,
    pub login_url: String,
}

#[derive(Deserialize)]
struct Claims {
    iss: Option<String>,
    sub: Option<String>,
    aud: Option<Audience>,
    exp: Option<i64>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Audience {
    One(String),
    Many(Vec<String>),
}

impl ConnectedApp {
    /// Checks an assertion at `now` (Unix seconds); returns the username it names.
    pub fn verify(&self, assertion: &str, now: i64) -> Result<String, OAuthError> {
        let invalid_assertion = OAuthError::invalid_grant("invalid assertion");
        let claims: Claims = jsonwebtoken::dangerous::insecure_decode_claims(assertion)
            .map_err(|_| invalid_assertion.clone())?;
        let key = match &self.key {
            Some(key) if claims.iss.as_deref() == Some(self.consumer_key.as_str()) => key,
            _ => {
                return Err(OAuthError {
                    error: "invalid_client_id",
                    error_description: "client identifier invalid",
                });
            }
        };
        let mut signature_only = Validation::new(Algorithm::RS256);
        signature_only.validate_exp = false;
        signature_only.validate_aud = false;
        signature_only.required_spec_claims.clear();
        jsonwebtoken::decode::<serde_json::Value>(assertion, key, &signature_only)
            .map_err(|_| invalid_assertion)?;
        let login_url = self.login_url.trim_end_matches('/');
        let audience_ok = match &claims.aud {
            Some(Audience::One(aud)) => aud.trim_end_matches('/') == login_url,
            Some(Audience::Many(auds)) => auds
                .iter()
                .any(|aud| aud.trim_end_matches('/') == login_url),
            None => false,
        };
        if !audience_ok {
            return Err(OAuthError::invalid_grant("audience is invalid"));
        }
        let exp_ok = claims.exp.is_some_and(|exp| {
            exp > now - LEEWAY_SECS && exp <= now + MAX_LIFETIME_SECS + LEEWAY_SECS
        });
        if !exp_ok {
            return Err(OAuthError::invalid_grant("expired authorization code"));
        }
        claims
            .sub
            .ok_or_else(|| OAuthError::invalid_grant("user hasn't approved this consumer"))
    }
}
