//! The send endpoint's scripted outage (`POST /_emulator/outages/answer-send`): each kind answers
//! as documented, in the spec's shapes, records nothing it should not, and ends on time; the same
//! for the profile custom fields (`…/custom-field-profile`); and the busiest minute of calls (`GET /_emulator/calls/busiest-minute`).

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestEmulator, latest_task_id, start_default};
use crate::spec_conformance::{Spec, assert_valid, json_of};

const SEND: &str = "/v1/answer/send";

async fn outage(app: &TestEmulator, answer: &str, seconds: u64) -> Value {
    let response = app
        .client
        .post(app.url("/_emulator/outages/answer-send"))
        .json(&json!({"answer": answer, "seconds": seconds}))
        .send()
        .await
        .unwrap();
    json_of(response, StatusCode::OK).await
}

async fn answer_body(app: &TestEmulator, message: &str) -> Value {
    let task_id = latest_task_id(&app.conversation_actions(1001).await);
    json!({"message": message, "advisor_id": 11, "company_id": 1, "task_id": task_id})
}

async fn answers_with(app: &TestEmulator, message: &str) -> usize {
    app.wait_until_idle().await;
    app.conversation_actions(1001)
        .await
        .iter()
        .filter(|a| a["type"] == "answer" && a["data"]["answers"][0]["content"] == message)
        .count()
}

/// Sends until the outage is over; returns how long that took.
async fn served_again(app: &TestEmulator, body: &Value) -> Duration {
    let start = Instant::now();
    loop {
        if app.send_answer(body.clone()).await.status() == StatusCode::OK {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the outage never ended"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_429_or_500_outage_answers_in_the_specs_shapes_records_nothing_and_ends_on_time() {
    let app = start_default().await;
    let spec = Spec::load("answer.yaml");
    let body = answer_body(&app, "During the outage").await;

    let until = outage(&app, "429", 2).await["until"].clone();
    assert_eq!(
        app.health().await["answer_send_outage"],
        json!({"answer": "429", "until": until})
    );
    let limited = json_of(
        app.send_answer(body.clone()).await,
        StatusCode::TOO_MANY_REQUESTS,
    )
    .await;
    spec.assert_response(SEND, "post", 429, &limited);
    assert_eq!(
        limited["details"],
        format!("{{'rate_limited_until': '{}'}}", until.as_str().unwrap())
    );
    // Two seconds, to the next whole second, and the 50 ms between tries.
    assert!(served_again(&app, &body).await <= Duration::from_millis(3_200));

    outage(&app, "500", 1).await;
    let failed = json_of(
        app.send_answer(body.clone()).await,
        StatusCode::INTERNAL_SERVER_ERROR,
    )
    .await;
    assert_eq!(failed, json!({"error": "internal-server-error"}));
    let error_shape = spec.validator(json!({"$ref": "#/components/schemas/ResponseError"}));
    assert_valid(&error_shape, &failed, "a 500's body");
    assert!(served_again(&app, &body).await <= Duration::from_millis(2_200));
    assert_eq!(app.health().await["answer_send_outage"], Value::Null);

    assert_eq!(
        answers_with(&app, "During the outage").await,
        2,
        "only the two sends made after each outage"
    );
    let calls = app.client.get(app.url("/_emulator/calls")).send().await;
    let calls: Value = calls.unwrap().json().await.unwrap();
    assert!(
        calls["POST /v1/answer/send"].as_u64().unwrap() >= 4,
        "{calls}"
    );
}

#[tokio::test]
async fn a_hang_past_the_clients_timeout_records_nothing_unless_it_accepted_first() {
    let app = start_default().await;
    let impatient = reqwest::Client::builder()
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let send = |body: Value| {
        impatient
            .post(app.url(SEND))
            .basic_auth(crate::helpers::INSTANCE_ID, Some(crate::helpers::SECRET))
            .json(&body)
            .send()
    };

    outage(&app, "hang", 1).await;
    let lost = answer_body(&app, "Lost in the hang").await;
    let error = send(lost.clone()).await.unwrap_err();
    assert!(error.is_timeout(), "{error}");
    // A client still waiting at the end gets a 504 in the spec's error shape.
    let waited = json_of(app.send_answer(lost).await, StatusCode::GATEWAY_TIMEOUT).await;
    assert_eq!(waited, json!({"error": "gateway-timeout"}));

    outage(&app, "hang-after-accepting", 2).await;
    let kept = answer_body(&app, "Accepted, then the answer was lost").await;
    let error = send(kept.clone()).await.unwrap_err();
    assert!(error.is_timeout(), "{error}");
    // A patient client gets the usual answer once the outage ends.
    let started = json_of(app.send_answer(kept).await, StatusCode::OK).await;
    assert_eq!(started["status"], "started");

    assert_eq!(answers_with(&app, "Lost in the hang").await, 0);
    assert_eq!(
        answers_with(&app, "Accepted, then the answer was lost").await,
        2,
        "the one whose client gave up, and the one whose client waited"
    );
}

#[tokio::test]
async fn an_outage_control_refuses_a_bad_kind_or_length() {
    let app = start_default().await;
    for body in [
        json!({"answer": "503", "seconds": 5}),
        json!({"answer": "429", "seconds": 0}),
        json!({"answer": "429", "seconds": 3601}),
    ] {
        let response = app
            .client
            .post(app.url("/_emulator/outages/answer-send"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{body}");
    }
    let body = answer_body(&app, "No outage").await;
    assert_eq!(app.send_answer(body).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_busiest_minute_counts_every_alcmeon_call_and_no_control() {
    let app = start_default().await;
    let busiest = || async {
        let response = app
            .client
            .get(app.url("/_emulator/calls/busiest-minute"))
            .send()
            .await
            .unwrap();
        json_of(response, StatusCode::OK).await["calls"].clone()
    };
    assert_eq!(busiest().await, 0);
    for _ in 0..3 {
        app.get_json("/actions?min_action_id=0").await;
    }
    app.health().await;
    outage(&app, "500", 1).await;
    let body = answer_body(&app, "Refused").await;
    assert_eq!(
        app.send_answer(body).await.status(),
        StatusCode::INTERNAL_SERVER_ERROR
    );
    // Three listings, the read of the task, the refused send.
    assert_eq!(busiest().await, 5);
}

/// The profile custom fields' outage (`POST /_emulator/outages/custom-field-profile`): a Contact id
/// written during it is refused in custom-field.yaml's shapes and not kept; once it ends, the same
/// write is served.
#[tokio::test]
async fn a_profile_outage_refuses_writes_in_the_specs_shapes_keeps_nothing_and_ends() {
    let app = start_default().await;
    let spec = Spec::load("custom-field.yaml");
    let actions = app.conversation_actions(1001).await;
    let profile = &actions[0]["task"]["message"]["author"]["group"]["id"];
    let path = format!("/custom-field/users/{profile}");
    let contact = json!([{"field_id": 5002, "field_value": "003000000000001AAA"}]);
    let put = || {
        app.client
            .put(app.url(&path))
            .basic_auth(crate::helpers::INSTANCE_ID, Some(crate::helpers::SECRET))
            .json(&contact)
            .send()
    };
    let app = &app;
    let start = |answer: &'static str| async move {
        let response = app
            .client
            .post(app.url("/_emulator/outages/custom-field-profile"))
            .json(&json!({"answer": answer, "seconds": 1}))
            .send()
            .await
            .unwrap();
        json_of(response, StatusCode::OK).await
    };

    start("429").await;
    let limited = json_of(put().await.unwrap(), StatusCode::TOO_MANY_REQUESTS).await;
    spec.assert_response(
        "/custom-field/users/{custom_field_user_id}",
        "put",
        429,
        &limited,
    );
    start("500").await;
    let failed = json_of(put().await.unwrap(), StatusCode::INTERNAL_SERVER_ERROR).await;
    assert_eq!(failed["error"], "internal-server-error");
    // Reads are in the outage too: the first one served comes after it.
    let started = Instant::now();
    let kept = loop {
        let read = app.get(&path).send().await.unwrap();
        if read.status() == StatusCode::OK {
            break read.json::<Value>().await.unwrap();
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the outage never ended"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(
        !kept.to_string().contains("003000000000001AAA"),
        "a refused write was kept: {kept}"
    );
    assert_eq!(put().await.unwrap().status(), StatusCode::OK);
    assert!(
        app.get_json(&path)
            .await
            .to_string()
            .contains("003000000000001AAA")
    );
    let body = answer_body(app, "Sends are not in the profile's outage").await;
    assert_eq!(app.send_answer(body).await.status(), StatusCode::OK);
}
