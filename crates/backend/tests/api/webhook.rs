use backend::alcmeon::sign;
use serde_json::json;

use crate::helpers::{ALCMEON_SECRET, spawn_app};

fn notification(id: i64, action_id: i64) -> String {
    json!({ "id": id, "action": {
        "id": action_id, "type": "task-create", "date": "2026-11-24", "time": "08:00:00",
        "account": { "id": 201, "name": "Lumio", "type": "whatsapp" },
        "task": { "conversation_id": 1001, "message": { "content": "forged?", "date": "2026-11-24",
            "time": "08:00:00", "author": { "name": "Someone" } } }
    }})
    .to_string()
}

#[tokio::test]
async fn a_webhook_with_a_bad_or_missing_signature_is_refused_and_stores_nothing() {
    let app = spawn_app(0).await;
    let body = notification(900_001, 900_001);
    let forged = sign("not-the-secret", "/webhooks/alcmeon", body.as_bytes());
    let other_path = sign(ALCMEON_SECRET, "/elsewhere", body.as_bytes());
    for signature in [
        Some(forged.as_str()),
        Some(other_path.as_str()),
        Some("zz"),
        None,
    ] {
        let mut request = app
            .http
            .post(app.url("/webhooks/alcmeon"))
            .body(body.clone());
        if let Some(signature) = signature {
            request = request.header("X-Alcmeon-Webhook-Signature", signature);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 401, "signature {signature:?}");
        let error: serde_json::Value = response.json().await.unwrap();
        assert_eq!(error["code"], "unauthenticated");
    }
    assert!(
        app.health().await["replica"]["latest_action_id"]
            .as_i64()
            .unwrap()
            < 900_001
    );

    let signed = sign(ALCMEON_SECRET, "/webhooks/alcmeon", body.as_bytes());
    let response = app
        .http
        .post(app.url("/webhooks/alcmeon"))
        .header("X-Alcmeon-Webhook-Signature", signed)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(app.health().await["replica"]["latest_action_id"], 900_001);
}

#[tokio::test]
async fn with_a_third_of_webhooks_dropped_every_action_is_still_recovered() {
    let app = spawn_app(33).await;
    let mut last = 0;
    for n in 0..30 {
        last = app
            .customer_writes(1001 + n % 5, &format!("message {n}"))
            .await;
    }
    // One more message after the burst: its notification exposes any gap before it.
    last = last.max(app.customer_writes(1001, "the last one").await);
    let expected = app.emulator_actions().await;
    app.wait_for_replica("actions_read_through", last).await;
    let token = app.session_token();
    let mut replicated = 0;
    for conversation in 1001..=1005 {
        let page: protocol::ThreadPage = app
            .get_thread(conversation, Some(&token))
            .await
            .json()
            .await
            .unwrap();
        replicated += page
            .items
            .iter()
            .filter(|i| i.text.starts_with("message "))
            .count();
    }
    assert_eq!(replicated, 30);
    assert!(expected.len() as i64 >= last);
}
