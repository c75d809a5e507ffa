use serde_json::json;

use crate::helpers::{SESSION_SECRET, mint, spawn_app};

#[tokio::test]
async fn the_widget_api_requires_a_valid_session_token() {
    let app = spawn_app(0).await;
    let expired = mint(
        SESSION_SECRET,
        json!({ "aud": app.audience(), "exp": 1_000_000_000 }),
    );
    let other_backend = mint(SESSION_SECRET, json!({ "aud": "https://other.example" }));
    let wrong_secret = mint("a-different-secret-value", json!({ "aud": app.audience() }));
    let tokens = [
        None,
        Some("garbage"),
        Some(expired.as_str()),
        Some(other_backend.as_str()),
        Some(wrong_secret.as_str()),
    ];
    for token in tokens {
        let response = app.get_thread(1001, token).await;
        assert_eq!(response.status(), 401, "token {token:?}");
        let error: serde_json::Value = response.json().await.unwrap();
        assert_eq!(error["code"], "unauthenticated");
    }
}
