//! The token on the org's callout (`AlcmeonContactLinkCallout` in the Apex): an HS256 JWT signed
//! with the org's session secret, `iss` the org id, `aud` [`LINKS_AUDIENCE`], `iat` and `exp` at
//! most the session tokens' lifetime apart (`session::within_lifetime`, the one rule).
//!
//! Invariant: only HS256 (no `alg: none`, no other algorithm), only a configured org's secret,
//! only this audience, unexpired; the reason of a refusal goes to the log, never to the caller.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, DecodingKey, Validation, decode};
use serde::Deserialize;

use super::super::session::{CLOCK_SKEW_SECS, now_secs, within_lifetime};
use crate::config::OrgSecret;

/// The audience the callout's token names: this endpoint, not the widget API.
pub const LINKS_AUDIENCE: &str = "alcmeon-backend/links";

#[derive(Deserialize)]
struct CalloutClaims {
    exp: u64,
    iat: u64,
    #[serde(default)]
    nbf: Option<u64>,
}

/// The org whose secret signed `token`, or why it was refused (for the log).
pub fn verify<'a>(orgs: &'a [OrgSecret], token: &str) -> Result<&'a OrgSecret, String> {
    let claimed = unverified_issuer(token).ok_or("the callout token is malformed")?;
    // The caller's own words reach the log only, bounded and quoted.
    let shown: String = claimed.chars().take(40).collect();
    let org = orgs
        .iter()
        .find(|org| org.org_id == claimed)
        .ok_or_else(|| format!("Salesforce org {shown:?} is not configured on this backend"))?;
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_audience(&[LINKS_AUDIENCE]);
    validation.set_issuer(&[&org.org_id]);
    validation.set_required_spec_claims(&["exp", "aud", "iss"]);
    validation.leeway = CLOCK_SKEW_SECS;
    let claims = decode::<CalloutClaims>(
        token,
        &DecodingKey::from_secret(org.secret.as_bytes()),
        &validation,
    )
    .map_err(|e| format!("the callout token of org {shown:?} did not verify: {e}"))?
    .claims;
    within_lifetime(claims.iat, claims.exp, claims.nbf, now_secs())?;
    Ok(org)
}

/// Reads `iss` before the signature is checked, only to pick the org's secret.
fn unverified_issuer(token: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct IssuerOnly {
        iss: String,
    }
    let payload = token.split('.').nth(1)?;
    let bytes = URL_SAFE_NO_PAD.decode(payload).ok()?;
    serde_json::from_slice::<IssuerOnly>(&bytes)
        .ok()
        .map(|claims| claims.iss)
}
