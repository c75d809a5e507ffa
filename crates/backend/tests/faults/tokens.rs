//! Refused session tokens (issue 14's fault list), against the real binary so that its log can
//! be read: expired, forged (another secret), `alg: none`, for another backend (audience), of an
//! org this backend does not know, living longer than Apex mints, garbage, none at all → the one
//! `401`, the same bytes whatever the cause; a valid token for another record → `403` naming
//! only the conversation. Neither the answers nor the log (standard error at `debug`, every
//! crate) show a token, a part of one, a claim of it or a secret; the log does give each refusal
//! its reason. Which routes check what is `tests/api/access.rs`'s: every route naming a
//! conversation, with tokens of another org, without `rec` or `convs`, or for another record.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};
use tempfile::TempDir;

use crate::helpers::{ALCMEON_SECRET, ORG_ID, RECORD_ID, SESSION_SECRET, free_port, mint};
use crate::process::{Backend, emulator_for};

/// The one answer to a refused token.
const REFUSED: &str = r#"{"code":"unauthenticated","message":"the session token was refused"}"#;
const OTHER_SECRET: &str = "a-different-secret-value";

/// A token with `header` (JSON) over a valid token's payload, and `signature` (base64url).
fn with_header(valid: &str, header: &str, signature: &str) -> String {
    let payload = valid.split('.').nth(1).unwrap();
    format!("{}.{payload}.{signature}", URL_SAFE_NO_PAD.encode(header))
}

/// What of a token must never be shown: the token, its payload and its signature (the header
/// is the same for every HS256 token, so it tells nothing), and the claims that identify it.
fn secrets_of(token: &str) -> Vec<String> {
    let mut parts = vec![token.to_owned()];
    let (_header, payload_and_signature) = token.split_once('.').unwrap_or_default();
    parts.extend(
        payload_and_signature
            .split('.')
            .filter(|part| part.len() >= 8)
            .map(str::to_owned),
    );
    parts
}

#[tokio::test]
async fn every_refused_token_gets_the_same_answer_and_the_log_names_its_reason_never_the_token() {
    let port = free_port();
    let emulator = emulator_for(port).await;
    let data = TempDir::new().unwrap();
    let http = reqwest::Client::new();
    let backend = Backend::start(port, &data, &emulator.base_url(), "debug");
    backend.wait_for_replica(&http, &emulator).await;
    let aud = backend.url.clone();

    let valid = mint(
        SESSION_SECRET,
        json!({ "aud": aud, "jti": "jti-valid-token" }),
    );
    let tokens: Vec<(&str, Option<String>)> = vec![
        ("garbage", Some("garbage".into())),
        (
            "expired",
            Some(mint(
                SESSION_SECRET,
                json!({ "aud": aud, "exp": 1_000_000_000 }),
            )),
        ),
        (
            "another backend's audience",
            Some(mint(
                SESSION_SECRET,
                json!({ "aud": "https://other.example" }),
            )),
        ),
        (
            "forged with another secret",
            Some(mint(OTHER_SECRET, json!({ "aud": aud }))),
        ),
        (
            "an unknown org",
            Some(mint(
                SESSION_SECRET,
                json!({ "aud": aud, "org": "00DUNKNOWNORGAAA" }),
            )),
        ),
        (
            "not an email",
            Some(mint(
                SESSION_SECRET,
                json!({ "aud": aud, "email": "not-an-email" }),
            )),
        ),
        (
            "living for years",
            Some(mint(
                SESSION_SECRET,
                json!({ "aud": aud, "exp": 4_000_000_000_u64 }),
            )),
        ),
        (
            "alg none",
            Some(with_header(&valid, r#"{"alg":"none","typ":"JWT"}"#, "")),
        ),
        (
            "alg none, signature kept",
            Some(with_header(
                &valid,
                r#"{"alg":"none","typ":"JWT"}"#,
                valid.split('.').nth(2).unwrap(),
            )),
        ),
        (
            "alg HS512 over the HS256 signature",
            Some(with_header(
                &valid,
                r#"{"alg":"HS512","typ":"JWT"}"#,
                valid.split('.').nth(2).unwrap(),
            )),
        ),
        ("no token", None),
    ];
    let mut never_shown: Vec<String> = vec![
        SESSION_SECRET.into(),
        ALCMEON_SECRET.into(),
        OTHER_SECRET.into(),
    ];
    for (_, token) in &tokens {
        never_shown.extend(token.iter().flat_map(|token| secrets_of(token)));
    }
    let reply = json!({ "client_id": "refused-1", "text": "Should never be stored" });
    for (what, token) in &tokens {
        for post in [false, true] {
            let request = if post {
                http.post(format!("{aud}/v1/conversations/1001/replies"))
                    .json(&reply)
            } else {
                http.get(format!("{aud}/v1/conversations/1001/thread"))
            };
            let request = match token {
                Some(token) => request.bearer_auth(token),
                None => request,
            };
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), 401, "{what}");
            let body = response.text().await.unwrap();
            assert_eq!(body, REFUSED, "{what}: a refusal names its cause");
        }
    }
    for cause in ["Signature", "alg", "org", ORG_ID, "expired", "audience"] {
        assert!(!REFUSED.contains(cause), "{REFUSED} names {cause}");
    }

    // A valid token for another record: refused by the record's grant, naming the conversation.
    let other_record = mint(
        SESSION_SECRET,
        json!({ "aud": aud, "rec": "500000000000002AAA", "convs": [1002], "jti": "jti-other-record" }),
    );
    never_shown.extend(secrets_of(&other_record));
    let response = http
        .get(format!("{aud}/v1/conversations/1001/thread"))
        .bearer_auth(&other_record)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], "forbidden");
    let shown = body.to_string();
    for claim in ["agent@example.com", "500000000000002AAA", RECORD_ID, "jti-"] {
        assert!(!shown.contains(claim), "the refusal shows {claim}: {shown}");
    }

    // The valid token works: the refusals were the tokens', not the backend's.
    let response = http
        .get(format!("{aud}/v1/conversations/1001/thread"))
        .bearer_auth(&valid)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        !response
            .text()
            .await
            .unwrap()
            .contains("Should never be stored")
    );

    let log = backend.log();
    let refusals = log.matches("session token refused").count();
    assert_eq!(
        refusals,
        2 * tokens.len(),
        "each refusal logged with its reason"
    );
    for reason in [
        "ExpiredSignature",
        "InvalidAudience",
        "InvalidSignature",
        "InvalidAlgorithm",
        "not configured on this backend",
        "no Authorization header",
        "malformed",
        "longer than the 300s Apex mints",
    ] {
        assert!(log.contains(reason), "no refusal logged as {reason:?}");
    }
    assert!(log.contains("conversation_id=1001"), "the 403 is logged");
    let leaks: Vec<&String> = never_shown
        .iter()
        .filter(|secret| log.contains(secret.as_str()))
        .collect();
    println!(
        "tokens: {} refused tokens × 2 routes → 401 with the same {}-byte body, 1 token for another record → 403; log: {} lines at debug, {refusals} refusals with their reason, {} of {} token parts and secrets shown",
        tokens.len(),
        REFUSED.len(),
        log.lines().count(),
        leaks.len(),
        never_shown.len(),
    );
    assert!(leaks.is_empty(), "the log shows {leaks:?}");
}
