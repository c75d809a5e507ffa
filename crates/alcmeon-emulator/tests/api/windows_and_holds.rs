//! The seeded conversation whose WhatsApp window is closing (1008) and the controls that let
//! tests close a window or spend a rate limit on demand, every Alcméon answer checked against
//! its spec.

use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::engagements::{OPTED_IN, SPEC, WHATSAPP, engagements, order_update, send};
use crate::helpers::{TestEmulator, start, start_default, test_config};
use crate::spec_conformance::{Spec, json_of};

/// When the customer last wrote in the conversation, as `/actions/conversations/{id}` says.
async fn last_customer_message_at(app: &TestEmulator, conversation_id: u64) -> DateTime<Utc> {
    let actions = app.conversation_actions(conversation_id).await;
    let last = actions
        .iter()
        .rev()
        .find(|action| action["type"] == "task-create")
        .unwrap();
    let message = &last["task"]["message"];
    let date: NaiveDate = message["date"].as_str().unwrap().parse().unwrap();
    let time: NaiveTime = message["time"].as_str().unwrap().parse().unwrap();
    date.and_time(time).and_utc()
}

fn phone_field(action: &Value) -> &Value {
    &action["task"]["message"]["author"]["group"]["custom_fields"]
}

async fn control(app: &TestEmulator, path: &str, body: Value) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .json(&body)
        .send()
        .await
        .unwrap()
}

fn assert_near(at: DateTime<Utc>, expected: DateTime<Utc>) {
    assert!(
        (at - expected).abs() < TimeDelta::minutes(1),
        "{at} is not within a minute of {expected}"
    );
}

#[tokio::test]
async fn conversation_1008_is_an_opted_in_whatsapp_customer_whose_window_closes_in_30_minutes() {
    let app = start_default().await;
    let actions = app.conversation_actions(1008).await;
    Spec::load("synchronize.yaml").assert_response(
        "/actions/conversations/{conversation_id}",
        "get",
        200,
        &app.get_json("/actions/conversations/1008").await,
    );
    assert_eq!(actions[0]["account"]["id"], 201);
    assert_eq!(
        phone_field(&actions[0]),
        &json!([{"field_id": 5001, "field_value": {"country_prefix": "33", "number": "623456789"}}])
    );
    let last = last_customer_message_at(&app, 1008).await;
    assert_near(last, Utc::now() - TimeDelta::minutes(23 * 60 + 30));

    let optins = app.get_json("/v1/optins/1501/user-optins").await;
    let opted_in: Vec<&str> = optins["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["user_phone_number"].as_str().unwrap())
        .collect();
    assert!(opted_in.contains(&"33623456789"), "{opted_in:?}");
    assert!(!opted_in.contains(&"33687654321"), "{opted_in:?}");
    assert_eq!(
        phone_field(&app.conversation_actions(1006).await[0])[0]["field_value"]["number"],
        "687654321",
        "1006's customer, never opted in, carries a number"
    );
}

#[tokio::test]
async fn the_closing_window_is_configurable() {
    let mut config = test_config();
    config.closing_window = Duration::from_secs(20);
    let app = start(config).await;
    let last = last_customer_message_at(&app, 1008).await;
    assert_near(
        last,
        Utc::now() - TimeDelta::hours(24) + TimeDelta::seconds(20),
    );
}

#[tokio::test]
async fn aging_a_conversation_moves_its_messages_back_past_the_window() {
    let app = start_default().await;
    let before = app.conversation_actions(1008).await;
    let last = last_customer_message_at(&app, 1008).await;
    let aged = json_of(
        control(
            &app,
            "/_emulator/conversations/1008/age",
            json!({"seconds": 3600}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let expected = last - TimeDelta::hours(1);
    assert_eq!(
        aged,
        json!({"last_customer_message_at": expected.format("%Y-%m-%dT%H:%M:%SZ").to_string()})
    );
    assert_eq!(last_customer_message_at(&app, 1008).await, expected);
    let after = app.conversation_actions(1008).await;
    let ids = |actions: &[Value]| actions.iter().map(|a| a["id"].clone()).collect::<Vec<_>>();
    assert_eq!(ids(&after), ids(&before), "the same actions, only earlier");
    Spec::load("synchronize.yaml").assert_response(
        "/actions/conversations/{conversation_id}",
        "get",
        200,
        &app.get_json("/actions/conversations/1008").await,
    );

    let missing = control(
        &app,
        "/_emulator/conversations/9999/age",
        json!({"seconds": 60}),
    )
    .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let zero = json_of(
        control(
            &app,
            "/_emulator/conversations/1008/age",
            json!({"seconds": 0}),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(zero["error"], "invalid-seconds");
}

#[tokio::test]
async fn a_held_whatsapp_limit_answers_429_until_it_ends_and_a_waiting_client_sends_once() {
    let app = start_default().await;
    let spec = Spec::load(SPEC);
    let held = json_of(
        control(
            &app,
            "/_emulator/rate-limits/whatsapp-send/hold",
            json!({"seconds": 1}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let until = held["rate_limited_until"].as_str().unwrap();

    let limited = json_of(
        send(&app, WHATSAPP, &order_update(OPTED_IN)).await,
        StatusCode::TOO_MANY_REQUESTS,
    )
    .await;
    spec.assert_response(WHATSAPP, "post", 429, &limited);
    assert_eq!(
        limited["details"],
        format!("{{'rate_limited_until': '{until}'}}")
    );
    let listing = send(&app, "/v1/rcs/templates", &json!({"account_id": 401})).await;
    assert_eq!(
        listing.status(),
        StatusCode::OK,
        "the general budget is not held"
    );

    let deadline = Instant::now() + Duration::from_secs(5);
    let sent = loop {
        let response = send(&app, WHATSAPP, &order_update(OPTED_IN)).await;
        if response.status() != StatusCode::TOO_MANY_REQUESTS {
            break json_of(response, StatusCode::OK).await;
        }
        assert!(Instant::now() < deadline, "still held after 5 s");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    spec.assert_response(WHATSAPP, "post", 200, &sent);
    let recorded = engagements(&app).await;
    assert_eq!(recorded.len(), 1, "the refused sends recorded nothing");
    assert_eq!(recorded[0]["message_id"], sent["message_id"]);
}

#[tokio::test]
async fn the_general_budget_can_be_held_too_and_other_budgets_are_unknown() {
    let app = start_default().await;
    json_of(
        control(
            &app,
            "/_emulator/rate-limits/api/hold",
            json!({"seconds": 30}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let limited = json_of(
        app.get("/actions?min_action_id=0").send().await.unwrap(),
        StatusCode::TOO_MANY_REQUESTS,
    )
    .await;
    Spec::load("synchronize.yaml").assert_response("/actions", "get", 429, &limited);
    json_of(
        send(&app, WHATSAPP, &order_update(OPTED_IN)).await,
        StatusCode::OK,
    )
    .await;
    let unknown = control(
        &app,
        "/_emulator/rate-limits/rcs/hold",
        json!({"seconds": 30}),
    )
    .await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}
