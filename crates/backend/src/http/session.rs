//! The agent's session: an HS256 JWT minted by Apex in the agent's Salesforce org. The backend
//! accepts only HS256, signed with the secret of a configured org, for its own audience, unexpired.
//!
//! Invariant: a refused token is answered with one fixed `401` body, whatever the cause (no token,
//! bad signature, expired, unknown org, wrong audience, `alg: none`, garbage); the precise reason
//! goes to the log, never the token.
//!
//! A token lives no longer than Apex mints it for (`AlcmeonSessionController.TOKEN_LIFETIME_SECONDS`,
//! 300 s; the host page's `session-token.mjs` mints the same or shorter): `iat` is required (Apex,
//! the host page and the shared vector always carry it), and a token is refused when `exp - iat`
//! exceeds that lifetime, or when `iat` or `nbf` (optional) is in the future beyond the clock skew;
//! so `exp` is never more than that lifetime plus the skew ahead.
//!
//! A token is bound to the Salesforce record it was minted on: `rec` (the record id) and `convs`
//! (the Alcméon conversation ids Apex read from that record as the agent, newest first) are
//! required, and [`Claims::may_open`] says which conversations a token's record names. Endpoints
//! naming a conversation take [`Granted`] (`grant.rs`), which applies it and, for a token in
//! engagement mode (`eng`), also opens its recipient's conversations on its sender account.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, DecodingKey, Validation, decode};
use protocol::AgentEmail;
use serde::Deserialize;

use super::{AppError, AppState};
use crate::config::OrgSecret;

/// Clock difference tolerated between Salesforce and the backend, in seconds.
pub(super) const CLOCK_SKEW_SECS: u64 = 30;

/// The longest lifetime Apex gives a token (`TOKEN_LIFETIME_SECONDS` in AlcmeonSessionController).
const MAX_TOKEN_LIFETIME_SECS: u64 = 300;

/// The claims Apex puts in a session token.
#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub org: String,
    pub email: AgentEmail,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub perms: Permissions,
    pub exp: u64,
    /// When Apex minted the token; required.
    pub iat: u64,
    /// Not before; Apex does not set it, but one in the future is refused.
    #[serde(default)]
    pub nbf: Option<u64>,
    pub jti: String,
    /// The Salesforce record (Case or `alcmeon__Conversation__c`, 18 characters) Apex minted the
    /// token on; required.
    pub rec: String,
    /// The Alcméon conversation ids that record names, newest first; required. The only
    /// conversations this token may read or answer.
    #[serde(rename = "convs")]
    pub conversations: Vec<i64>,
    /// Present when Apex minted the token on a Case in engagement mode (its `convs` then empty):
    /// the engagement record and what it names, read by Apex as the agent.
    #[serde(default, rename = "eng")]
    pub engagement: Option<EngagementClaim>,
}

/// The `eng` claim: the `alcmeon__Engagement__c` record a token is bound to, with its recipient
/// and sender as the record holds them (Apex reads the App Builder–mapped fields, the recipient
/// falling back to the Case Contact's mobile phone). Raw text: the backend normalises and refuses.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct EngagementClaim {
    /// The engagement record id (18 characters).
    pub id: String,
    /// The recipient's phone number as held, possibly empty.
    #[serde(default)]
    pub to: String,
    /// The sender Alcméon account id as held, possibly empty.
    #[serde(default)]
    pub from: String,
    /// The customer's name (the Case Contact's), possibly empty.
    #[serde(default)]
    pub name: String,
    /// The Case's number, for prefilling template variables.
    #[serde(default)]
    pub case: String,
}

impl Claims {
    /// Whether this token opens the conversation: only those its record names.
    pub fn may_open(&self, conversation_id: i64) -> bool {
        self.conversations.contains(&conversation_id)
    }

    /// How long until the token expires (zero once it has).
    pub fn expires_in(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.exp.saturating_sub(now_secs()))
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Permissions {
    #[serde(default)]
    pub reply: bool,
    #[serde(default)]
    pub moderate: bool,
}

/// An authenticated agent; taking it as a handler argument makes the endpoint require a session.
#[derive(Debug, Clone)]
pub struct Agent(pub Claims);

pub struct SessionVerifier {
    orgs: Vec<OrgSecret>,
    validation: Validation,
}

impl SessionVerifier {
    pub fn new(orgs: Vec<OrgSecret>, audience: &str) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_audience(&[audience]);
        validation.set_required_spec_claims(&["exp", "aud", "sub"]);
        validation.leeway = CLOCK_SKEW_SECS;
        Self { orgs, validation }
    }

    /// The configured orgs (their callouts are signed with the same secrets).
    pub fn orgs(&self) -> &[OrgSecret] {
        &self.orgs
    }

    /// The token's claims, or why it was refused: a reason for the log, never for the caller.
    pub fn verify(&self, token: &str) -> Result<Claims, String> {
        let claimed = unverified_org(token).ok_or("the session token is malformed")?;
        // The caller's own words reach the log only, bounded and quoted.
        let org_id: String = claimed.chars().take(40).collect();
        let org = self
            .orgs
            .iter()
            .find(|org| org.org_id == claimed)
            .ok_or_else(|| {
                format!("Salesforce org {org_id:?} is not configured on this backend")
            })?;
        let data = decode::<Claims>(
            token,
            &DecodingKey::from_secret(org.secret.as_bytes()),
            &self.validation,
        )
        .map_err(|e| format!("the session token of org {org_id:?} did not verify: {e}"))?;
        let claims = data.claims;
        within_lifetime(claims.iat, claims.exp, claims.nbf, now_secs())?;
        Ok(claims)
    }
}

pub(super) fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

/// Whether a signed token's times are ones Apex could have minted, seen at `now` (the callouts'
/// tokens of `salesforce_links.rs` too).
pub(super) fn within_lifetime(
    iat: u64,
    exp: u64,
    nbf: Option<u64>,
    now: u64,
) -> Result<(), String> {
    if iat > now + CLOCK_SKEW_SECS {
        return Err(format!("the token is issued {}s in the future", iat - now));
    }
    if let Some(nbf) = nbf.filter(|nbf| *nbf > now + CLOCK_SKEW_SECS) {
        return Err(format!("the token is valid only in {}s", nbf - now));
    }
    if exp.saturating_sub(iat) > MAX_TOKEN_LIFETIME_SECS {
        return Err(format!(
            "the token lives {}s, longer than the {MAX_TOKEN_LIFETIME_SECS}s Apex mints",
            exp.saturating_sub(iat)
        ));
    }
    // With `iat` at most the skew ahead, `exp` is at most lifetime + skew ahead of now.
    Ok(())
}

/// Reads the `org` claim before the signature is checked, only to pick the org's secret.
fn unverified_org(token: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct OrgOnly {
        org: String,
    }
    let payload = token.split('.').nth(1)?;
    let bytes = URL_SAFE_NO_PAD.decode(payload).ok()?;
    serde_json::from_slice::<OrgOnly>(&bytes)
        .ok()
        .map(|o| o.org)
}

impl FromRequestParts<AppState> for Agent {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let verified = match parts
            .headers
            .get(AUTHORIZATION)
            .map(|value| value.to_str().ok().and_then(|h| h.strip_prefix("Bearer ")))
        {
            None => Err("no Authorization header".to_owned()),
            Some(None) => Err("the Authorization header is not a bearer token".to_owned()),
            Some(Some(token)) => state.sessions.verify(token),
        };
        verified.map(Agent).map_err(|reason| {
            tracing::info!(%reason, path = %parts.uri.path(), "session token refused");
            AppError::SessionRefused
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jsonwebtoken::{EncodingKey, Header, encode};
    use serde_json::json;

    const SECRET: &str = "demo-session-secret";
    const AUDIENCE: &str = "http://127.0.0.1:8080";

    fn verifier() -> SessionVerifier {
        SessionVerifier::new(
            vec![OrgSecret {
                org_id: "00D000000000DEMOAAA".into(),
                secret: SECRET.into(),
                alcmeon_company_id: 1,
            }],
            AUDIENCE,
        )
    }

    fn now() -> u64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs()
    }

    fn token_with(alg: Algorithm, secret: &str, claims: serde_json::Value) -> String {
        encode(
            &Header::new(alg),
            &claims,
            &EncodingKey::from_secret(secret.as_bytes()),
        )
        .unwrap()
    }

    fn claims(exp: u64, aud: &str, org: &str) -> serde_json::Value {
        json!({"sub": "005A", "org": org, "email": "a@example.com", "name": "A", "aud": aud,
               "iat": now(), "exp": exp, "jti": "j1", "perms": {"reply": true},
               "rec": "500000000000001AAA", "convs": [1001, 1008]})
    }

    #[test]
    fn a_token_for_this_backend_from_a_configured_org_is_accepted() {
        let token = token_with(
            Algorithm::HS256,
            SECRET,
            claims(now() + 300, AUDIENCE, "00D000000000DEMOAAA"),
        );
        let claims = verifier().verify(&token).unwrap();
        assert_eq!(claims.email, "a@example.com");
        assert!(claims.perms.reply && !claims.perms.moderate);
    }

    #[test]
    fn expired_foreign_audience_unknown_org_and_wrong_secret_are_refused() {
        let org = "00D000000000DEMOAAA";
        let expired = token_with(Algorithm::HS256, SECRET, claims(now() - 120, AUDIENCE, org));
        let foreign = token_with(
            Algorithm::HS256,
            SECRET,
            claims(now() + 300, "https://evil.example", org),
        );
        let unknown_org = token_with(
            Algorithm::HS256,
            SECRET,
            claims(now() + 300, AUDIENCE, "00DOTHER"),
        );
        let wrong_secret = token_with(
            Algorithm::HS256,
            "another-secret-value",
            claims(now() + 300, AUDIENCE, org),
        );
        let other_alg = token_with(Algorithm::HS384, SECRET, claims(now() + 300, AUDIENCE, org));
        for token in [expired, foreign, unknown_org, wrong_secret, other_alg] {
            assert!(verifier().verify(&token).is_err(), "accepted {token}");
        }
    }

    #[test]
    fn the_session_hands_out_the_agents_email_normalised_and_refuses_one_that_is_not_an_email() {
        let org = "00D000000000DEMOAAA";
        let mut spelled = claims(now() + 300, AUDIENCE, org);
        spelled["email"] = json!("  Camille.Martin@Example.COM ");
        let token = token_with(Algorithm::HS256, SECRET, spelled);
        let verified = verifier().verify(&token).unwrap();
        assert_eq!(verified.email, "camille.martin@example.com");

        let mut not_an_email = claims(now() + 300, AUDIENCE, org);
        not_an_email["email"] = json!("camille");
        let token = token_with(Algorithm::HS256, SECRET, not_an_email);
        let refused = verifier().verify(&token).unwrap_err();
        assert!(refused.contains("agent's email"), "{refused}");
    }

    fn signed(claims: serde_json::Value) -> String {
        token_with(Algorithm::HS256, SECRET, claims)
    }

    fn timed(iat: Option<u64>, exp: u64, nbf: Option<u64>) -> serde_json::Value {
        let mut claims = claims(exp, AUDIENCE, "00D000000000DEMOAAA");
        match iat {
            Some(iat) => claims["iat"] = json!(iat),
            None => drop(claims.as_object_mut().unwrap().remove("iat")),
        }
        if let Some(nbf) = nbf {
            claims["nbf"] = json!(nbf);
        }
        claims
    }

    #[test]
    fn a_token_living_longer_than_apex_mints_is_refused() {
        let now = now();
        let years_ahead = verifier()
            .verify(&signed(timed(Some(now), now + 5 * 365 * 86_400, None)))
            .unwrap_err();
        assert!(years_ahead.contains("lives"), "{years_ahead}");
        // Issued long ago yet still valid: a lifetime Apex never mints.
        let long_lived = verifier()
            .verify(&signed(timed(Some(now - 3600), now + 60, None)))
            .unwrap_err();
        assert!(long_lived.contains("lives"), "{long_lived}");
        // iat within the skew ahead, yet a lifetime past 300 s.
        let ahead = verifier()
            .verify(&signed(timed(Some(now + 25), now + 25 + 300 + 10, None)))
            .unwrap_err();
        assert!(ahead.contains("lives"), "{ahead}");

        // Exactly Apex's lifetime, and a clock 20 s ahead of ours, are accepted.
        verifier()
            .verify(&signed(timed(Some(now), now + 300, None)))
            .unwrap();
        verifier()
            .verify(&signed(timed(Some(now + 20), now + 320, None)))
            .unwrap();
    }

    #[test]
    fn a_token_issued_or_valid_only_in_the_future_is_refused() {
        let now = now();
        let future_iat = verifier()
            .verify(&signed(timed(Some(now + 200), now + 400, None)))
            .unwrap_err();
        assert!(future_iat.contains("issued"), "{future_iat}");
        let future_nbf = verifier()
            .verify(&signed(timed(Some(now), now + 300, Some(now + 120))))
            .unwrap_err();
        assert!(future_nbf.contains("valid only in"), "{future_nbf}");
        verifier()
            .verify(&signed(timed(Some(now), now + 300, Some(now))))
            .unwrap();
    }

    /// Apex, the host page and the shared vector all carry `iat`, so a token without it is refused.
    #[test]
    fn a_token_without_iat_is_refused() {
        let now = now();
        let refused = verifier()
            .verify(&signed(timed(None, now + 300, None)))
            .unwrap_err();
        assert!(refused.contains("iat"), "{refused}");
    }

    /// A token names its record and the conversations it opens; one without either is refused.
    #[test]
    fn a_token_without_its_record_or_conversations_is_refused() {
        for missing in ["rec", "convs"] {
            let mut unbound = claims(now() + 300, AUDIENCE, "00D000000000DEMOAAA");
            unbound.as_object_mut().unwrap().remove(missing);
            let refused = verifier().verify(&signed(unbound)).unwrap_err();
            assert!(refused.contains(missing), "{refused}");
        }
        let mut not_ids = claims(now() + 300, AUDIENCE, "00D000000000DEMOAAA");
        not_ids["convs"] = json!(["https://app.alcmeon.com/conversations/1001"]);
        assert!(verifier().verify(&signed(not_ids)).is_err());
    }

    #[test]
    fn a_token_opens_only_the_conversations_its_record_names() {
        let token = signed(claims(now() + 300, AUDIENCE, "00D000000000DEMOAAA"));
        let claims = verifier().verify(&token).unwrap();
        assert_eq!(claims.rec, "500000000000001AAA");
        assert!(claims.may_open(1001) && claims.may_open(1008));
        assert!(!claims.may_open(1002));
    }

    /// The reason goes to the log: it names the cause, never any part of the token.
    #[test]
    fn a_refusal_reason_names_the_cause_and_no_part_of_the_token() {
        let org = "00D000000000DEMOAAA";
        let now = now();
        let cases = [
            (signed(claims(now - 120, AUDIENCE, org)), "ExpiredSignature"),
            (
                token_with(
                    Algorithm::HS256,
                    "another-secret-value",
                    claims(now + 300, AUDIENCE, org),
                ),
                "InvalidSignature",
            ),
            (
                signed(claims(now + 300, "https://evil.example", org)),
                "InvalidAudience",
            ),
            (
                signed(claims(now + 300, AUDIENCE, "00DOTHER")),
                "not configured",
            ),
            ("garbage".to_owned(), "malformed"),
        ];
        for (token, cause) in cases {
            let reason = verifier().verify(&token).unwrap_err();
            assert!(reason.contains(cause), "{reason}");
            for part in token.split('.').filter(|part| part.len() > 8) {
                assert!(!reason.contains(part), "{reason} shows the token");
            }
        }
    }

    #[test]
    fn an_unsigned_alg_none_token_is_refused() {
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
        let payload = URL_SAFE_NO_PAD
            .encode(claims(now() + 300, AUDIENCE, "00D000000000DEMOAAA").to_string());
        assert!(verifier().verify(&format!("{header}.{payload}.")).is_err());
    }

    /// The vector Apex's test class and the Lightning-like page's minting are checked against too.
    #[test]
    fn the_shared_test_vector_verifies_with_the_claims_apex_signs() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../lwc-wrapper/host/session-token.vector.json"
        );
        let vector: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let text = |key: &str| vector[key].as_str().unwrap().to_owned();
        let claims = &vector["claims"];
        let mut verifier = SessionVerifier::new(
            vec![OrgSecret {
                org_id: claims["org"].as_str().unwrap().into(),
                secret: text("secret"),
                alcmeon_company_id: 1,
            }],
            claims["aud"].as_str().unwrap(),
        );
        // The vector was minted once, long ago: only its expiry is not checked here.
        verifier.validation.validate_exp = false;
        let verified = verifier.verify(&text("token")).unwrap();
        assert_eq!(verified.email, claims["email"].as_str().unwrap());
        assert_eq!(verified.sub, claims["sub"].as_str().unwrap());
        assert_eq!(verified.jti, claims["jti"].as_str().unwrap());
        assert_eq!(
            verified.perms.reply,
            claims["perms"]["reply"].as_bool().unwrap()
        );
        assert_eq!(Some(verified.exp), claims["exp"].as_u64());
        assert_eq!(verified.rec, claims["rec"].as_str().unwrap());
        assert_eq!(
            serde_json::to_value(&verified.conversations).unwrap(),
            claims["convs"]
        );
        assert_eq!(verified.rec.len(), 18, "the record id has 18 characters");
        assert!(
            verified.conversations.len() >= 2,
            "the vector's record names several conversations, newest first"
        );

        assert!(
            verified.engagement.is_none(),
            "a conversation token has no eng"
        );

        let engagement_vector = &vector["engagement"];
        let engaged = verifier
            .verify(engagement_vector["token"].as_str().unwrap())
            .unwrap();
        let expected = &engagement_vector["claims"]["eng"];
        let eng = engaged
            .engagement
            .expect("the engagement token carries eng");
        assert!(
            engaged.conversations.is_empty(),
            "and names no conversation"
        );
        assert_eq!(
            [eng.id, eng.to, eng.from, eng.name, eng.case].map(serde_json::Value::from),
            ["id", "to", "from", "name", "case"].map(|key| expected[key].clone())
        );

        let mut tampered = text("token");
        tampered.pop();
        tampered.push('A');
        assert!(
            verifier.verify(&tampered).is_err(),
            "a changed signature is refused"
        );
    }
}
