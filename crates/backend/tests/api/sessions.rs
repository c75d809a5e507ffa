use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::json;

use crate::helpers::{ORG_ID, SESSION_SECRET, mint, spawn_app};

/// Whatever the cause, a refused token gets the same bytes: the reason is only in the log.
#[tokio::test]
async fn every_refused_token_gets_the_same_answer_naming_no_cause() {
    let app = spawn_app(0).await;
    let aud = app.audience();
    let expired = mint(SESSION_SECRET, json!({ "aud": aud, "exp": 1_000_000_000 }));
    let other_backend = mint(SESSION_SECRET, json!({ "aud": "https://other.example" }));
    let wrong_secret = mint("a-different-secret-value", json!({ "aud": aud }));
    let unknown_org = mint(
        SESSION_SECRET,
        json!({ "aud": aud, "org": "00DUNKNOWNORGAAA" }),
    );
    let years_ahead = mint(
        SESSION_SECRET,
        json!({ "aud": aud, "exp": 4_000_000_000_u64 }),
    );
    let no_email = mint(
        SESSION_SECRET,
        json!({ "aud": aud, "email": "not-an-email" }),
    );
    let alg_none = {
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
        let valid = mint(SESSION_SECRET, json!({ "aud": aud }));
        let payload = valid.split('.').nth(1).unwrap().to_owned();
        format!("{header}.{payload}.")
    };
    let tokens = [
        Some("garbage"),
        Some(expired.as_str()),
        Some(other_backend.as_str()),
        Some(wrong_secret.as_str()),
        Some(unknown_org.as_str()),
        Some(no_email.as_str()),
        Some(years_ahead.as_str()),
        Some(alg_none.as_str()),
        None,
    ];
    let mut bodies = Vec::new();
    for token in tokens {
        let response = app.get_thread(1001, token).await;
        assert_eq!(response.status(), 401, "token {token:?}");
        let body = response.bytes().await.unwrap();
        let error: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(error["code"], "unauthenticated");
        bodies.push(body);
    }
    let first = &bodies[0];
    assert_eq!(
        std::str::from_utf8(first).unwrap(),
        r#"{"code":"unauthenticated","message":"the session token was refused"}"#
    );
    for body in &bodies {
        assert_eq!(body, first, "a refusal names its cause");
    }
    let text = std::str::from_utf8(first).unwrap();
    for cause in ["Signature", "alg", "org", ORG_ID, "expired", "audience"] {
        assert!(!text.contains(cause), "{text} names {cause}");
    }

    let valid = mint(SESSION_SECRET, json!({ "aud": aud }));
    // Past the session (the replica may not have read the conversation yet).
    assert_ne!(app.get_thread(1001, Some(&valid)).await.status(), 401);
}
