use std::time::Instant;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::start_default;

#[tokio::test]
async fn health_answers_without_credentials() {
    let app = start_default().await;
    let response = app
        .client
        .get(app.url("/_emulator/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_inbound_message_becomes_a_pending_task_create_from_the_customer() {
    let app = start_default().await;
    let response = app
        .client
        .post(app.url("/_emulator/conversations/1001/inbound"))
        .json(&json!({"text": "Any news?", "author": "Amélie D."}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let action_id = response.json::<Value>().await.unwrap()["action_id"].clone();

    let actions = app.conversation_actions(1001).await;
    let action = actions.last().unwrap();
    assert_eq!(action["id"], action_id);
    assert_eq!(action["type"], "task-create");
    assert_eq!(action["user"]["is_bot"], true);
    assert_eq!(action["task"]["state"], "pending");
    assert_eq!(action["task"]["message"]["content"], "Any news?");
    assert_eq!(action["task"]["message"]["author"]["name"], "Amélie D.");
    assert_eq!(action["account"]["type"], "whatsapp");
}

#[tokio::test]
async fn an_unknown_conversation_is_404() {
    let app = start_default().await;
    let response = app
        .client
        .post(app.url("/_emulator/conversations/4040/inbound"))
        .json(&json!({"text": "hello"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_ten_thousand_message_conversation_is_built_quickly() {
    let app = start_default().await;
    let started = Instant::now();
    let response = app
        .client
        .post(app.url("/_emulator/conversations"))
        .json(&json!({"channel": "whatsapp", "account_name": "Load test", "customer_name": "Big Talker", "messages": 10_000}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let conversation_id = response.json::<Value>().await.unwrap()["conversation_id"]
        .as_u64()
        .unwrap();
    assert_eq!(conversation_id, 1006);

    let actions = app.conversation_actions(conversation_id).await;
    assert_eq!(actions.len(), 10_000);
    assert_eq!(
        actions[0]["task"]["message"]["content"],
        "Message 1 of 10000"
    );
    assert_eq!(actions[9_999]["account"]["name"], "Load test");
    assert_eq!(
        actions[9_999]["task"]["message"]["author"]["name"],
        "Big Talker"
    );
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn an_unknown_channel_is_a_bad_request() {
    let app = start_default().await;
    let response = app
        .client
        .post(app.url("/_emulator/conversations"))
        .json(&json!({"channel": "carrier-pigeon"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}
