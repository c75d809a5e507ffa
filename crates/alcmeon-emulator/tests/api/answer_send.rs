use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestEmulator, latest_task_id, start_default};

async fn answer_and_wait(
    app: &TestEmulator,
    conversation_id: u64,
    message: &str,
) -> (Value, Vec<Value>) {
    let task_id = latest_task_id(&app.conversation_actions(conversation_id).await);
    let before = app.conversation_actions(conversation_id).await.len();
    let body = json!({"message": message, "advisor_id": 12, "company_id": 7, "task_id": task_id});
    let response = app.send_answer(body.clone()).await;
    assert_eq!(response.status(), StatusCode::OK);
    let started: Value = response.json().await.unwrap();
    assert_eq!(started, json!({"input_data": body, "status": "started"}));
    let actions = app
        .wait_for_conversation(conversation_id, |actions| actions.len() >= before + 2)
        .await;
    (started, actions[before..].to_vec())
}

#[tokio::test]
async fn a_started_answer_is_recorded_then_delivered() {
    let app = start_default().await;
    let (_, new_actions) = answer_and_wait(&app, 1001, "The replacement ships tomorrow.").await;
    let [answer, delivery] = new_actions.as_slice() else {
        panic!("{new_actions:?}")
    };

    assert_eq!(answer["type"], "answer");
    assert_eq!(answer["user"]["id"], 12);
    assert_eq!(answer["user"]["name"], "Karim Benali");
    assert_eq!(answer["task"]["state"], "answered");
    assert_eq!(
        answer["data"],
        json!({"is_private": true, "answers": [{"content": "The replacement ships tomorrow.", "pictures": []}]})
    );

    assert_eq!(delivery["type"], "execute-answer");
    assert_eq!(delivery["status"], "ok");
    assert_eq!(
        delivery["data"],
        json!({"answer_action_id": answer["id"], "answer_status": "ok"})
    );
}

#[tokio::test]
async fn the_fail_marker_makes_the_delivery_fail() {
    let app = start_default().await;
    let (_, new_actions) = answer_and_wait(&app, 1002, "This one will bounce [fail]").await;
    let delivery = &new_actions[1];
    assert_eq!(delivery["type"], "execute-answer");
    assert_eq!(delivery["status"], "fail");
    assert_eq!(delivery["data"]["answer_status"], "fail");
}

#[tokio::test]
async fn the_fail_once_marker_fails_the_first_send_and_delivers_the_second() {
    let app = start_default().await;
    let text = "Retry me [fail-once]";
    let (_, first) = answer_and_wait(&app, 1003, text).await;
    assert_eq!(first[1]["data"]["answer_status"], "fail");
    let (_, second) = answer_and_wait(&app, 1003, text).await;
    assert_eq!(second[1]["data"]["answer_status"], "ok");
}

#[tokio::test]
async fn only_an_active_account_with_a_role_may_answer() {
    let app = start_default().await;
    let task_id = latest_task_id(&app.conversation_actions(1005).await);
    let created: Value = app
        .post("/accounts")
        .json(&json!({"email": "new.agent@example.com", "name": "New Agent"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // 4242: no such account; 14: the seeded inactive account; the new account has no role yet.
    for advisor_id in [4242, 14, created["id"].as_u64().unwrap()] {
        let body = json!({"message": "Thanks!", "advisor_id": advisor_id, "company_id": 1, "task_id": task_id});
        let response = app.send_answer(body).await;
        assert_eq!(
            response.status(),
            StatusCode::FORBIDDEN,
            "advisor {advisor_id}"
        );
        let error: Value = response.json().await.unwrap();
        assert_eq!(error["error"], "insufficient-permissions");
    }
}

#[tokio::test]
async fn invalid_bodies_get_the_spec_errors() {
    let app = start_default().await;
    let task_id = latest_task_id(&app.conversation_actions(1001).await);
    let cases = [
        (
            json!({"message": "", "advisor_id": 11, "company_id": 1, "task_id": task_id}),
            400,
            "empty-message",
        ),
        (
            json!({"message": "x".repeat(10_001), "advisor_id": 11, "company_id": 1, "task_id": task_id}),
            400,
            "message-too-long",
        ),
        (
            json!({"message": "Hi", "advisor_id": 11, "company_id": 1}),
            400,
            "invalid-request-body",
        ),
        (
            json!({"message": "Hi", "advisor_id": 11, "company_id": 1, "task_id": 1}),
            404,
            "task-not-found",
        ),
        (
            json!({"message": "Hi", "advisor_id": 11, "company_id": 1, "task_id": task_id, "attachment": {"access_token": "abc"}}),
            403,
            "invalid-attachment-access-token",
        ),
    ];
    for (body, status, error) in cases {
        let response = app.send_answer(body).await;
        assert_eq!(response.status().as_u16(), status, "{error}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"], error);
    }
    let response = app
        .post("/v1/answer/send")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}
