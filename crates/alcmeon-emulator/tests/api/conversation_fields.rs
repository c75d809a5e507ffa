//! Conversation custom fields (custom-field.yaml's `GET`/`PUT
//! /custom-field/conversations/{conversation_id}`) over HTTP: the seeded "Salesforce owner" field
//! set and read back, the other fields kept, the refusals, a restart, and their scripted outage.
//! Their bodies against the spec: `spec_conformance.rs`.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{INSTANCE_ID, SECRET, TestEmulator, start, start_default, test_config};
use crate::spec_conformance::{Spec, json_of};

/// The seeded conversation field "Salesforce owner".
const OWNER_FIELD: u64 = 6001;
const QUEUE: &str = "00G000000000001AAA";

async fn set(app: &TestEmulator, conversation: &str, values: Value) -> reqwest::Response {
    app.client
        .put(app.url(&format!("/custom-field/conversations/{conversation}")))
        .basic_auth(INSTANCE_ID, Some(SECRET))
        .json(&values)
        .send()
        .await
        .unwrap()
}

fn owner(value: Value) -> Value {
    json!([{"field_id": OWNER_FIELD, "field_value": value}])
}

async fn error_of(response: reqwest::Response, status: StatusCode) -> String {
    json_of(response, status).await["error"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn an_owner_set_on_a_conversation_is_read_back_there_only() {
    let app = start_default().await;
    assert_eq!(
        app.get_json("/custom-field/conversations/1001").await,
        json!([])
    );
    let ok = set(&app, "1001", owner(json!(QUEUE))).await;
    assert_eq!(json_of(ok, StatusCode::OK).await, "ok");
    assert_eq!(
        app.get_json("/custom-field/conversations/1001").await,
        owner(json!(QUEUE))
    );
    assert_eq!(
        app.get_json("/custom-field/conversations/1002").await,
        json!([])
    );
    // An empty body changes nothing; a new value replaces the old one.
    assert_eq!(set(&app, "1001", json!([])).await.status(), StatusCode::OK);
    set(&app, "1001", owner(json!("005000000000001AAA"))).await;
    assert_eq!(
        app.get_json("/custom-field/conversations/1001").await,
        owner(json!("005000000000001AAA"))
    );
}

#[tokio::test]
async fn unknown_conversations_user_fields_and_values_of_another_type_are_refused() {
    let app = start_default().await;
    let unknown = set(&app, "999999", owner(json!(QUEUE))).await;
    assert_eq!(
        error_of(unknown, StatusCode::NOT_FOUND).await,
        "conversation-not-found"
    );
    let user_field = json!([{"field_id": 5002, "field_value": QUEUE}]);
    let refused = set(&app, "1001", user_field).await;
    assert_eq!(
        error_of(refused, StatusCode::FORBIDDEN).await,
        "field-not-editable"
    );
    let refused = set(&app, "1001", owner(json!(42))).await;
    assert_eq!(
        error_of(refused, StatusCode::BAD_REQUEST).await,
        "invalid-field-value"
    );
    let refused = set(&app, "1001", json!({"field_id": OWNER_FIELD})).await;
    assert_eq!(
        error_of(refused, StatusCode::BAD_REQUEST).await,
        "invalid-request-body"
    );
    assert_eq!(
        app.get_json("/custom-field/conversations/1001").await,
        json!([]),
        "nothing refused was kept"
    );
}

#[tokio::test]
async fn an_owner_survives_a_restart() {
    let folder = tempfile::tempdir().unwrap();
    let config = alcmeon_emulator::Config {
        state_path: Some(folder.path().join("state.json")),
        ..test_config()
    };
    let first = start(config.clone()).await;
    assert_eq!(
        set(&first, "1003", owner(json!(QUEUE))).await.status(),
        StatusCode::OK
    );
    drop(first);
    let second = start(config).await;
    assert_eq!(
        second.get_json("/custom-field/conversations/1003").await,
        owner(json!(QUEUE))
    );
}

#[tokio::test]
async fn an_outage_of_the_conversation_fields_refuses_in_the_specs_shapes_and_ends() {
    let app = start_default().await;
    let spec = Spec::load("custom-field.yaml");
    let start_outage = |answer: &'static str| {
        app.client
            .post(app.url("/_emulator/outages/custom-field-conversation"))
            .json(&json!({"answer": answer, "seconds": 1}))
            .send()
    };
    json_of(start_outage("429").await.unwrap(), StatusCode::OK).await;
    let limited = set(&app, "1001", owner(json!(QUEUE))).await;
    let limited = json_of(limited, StatusCode::TOO_MANY_REQUESTS).await;
    spec.assert_response(
        "/custom-field/conversations/{conversation_id}",
        "put",
        429,
        &limited,
    );
    json_of(start_outage("500").await.unwrap(), StatusCode::OK).await;
    let failed = set(&app, "1001", owner(json!(QUEUE))).await;
    assert_eq!(
        error_of(failed, StatusCode::INTERNAL_SERVER_ERROR).await,
        "internal-server-error"
    );
    let started = Instant::now();
    loop {
        let response = set(&app, "1001", owner(json!(QUEUE))).await;
        if response.status() == StatusCode::OK {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the outage never ended"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        app.get_json("/custom-field/conversations/1001").await,
        owner(json!(QUEUE))
    );
}
