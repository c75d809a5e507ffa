use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{
    TestEmulator, latest_task_id, start, start_default, test_config, webhook_receiver,
};

#[tokio::test]
async fn health_answers_without_credentials_with_the_newest_action_id() {
    let app = start_default().await;
    let health = |app: &TestEmulator| {
        let request = app.client.get(app.url("/_emulator/health")).send();
        async move {
            let response = request.await.unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            response.json::<Value>().await.unwrap()["latest_action_id"]
                .as_u64()
                .unwrap()
        }
    };
    let before = health(&app).await;
    assert!(before > 0, "the demo seed has actions");
    let response = app
        .client
        .post(app.url("/_emulator/conversations/1001/inbound"))
        .json(&json!({"text": "Still there?"}))
        .send()
        .await
        .unwrap();
    let action_id = response.json::<Value>().await.unwrap()["action_id"].as_u64();
    assert_eq!(Some(health(&app).await), action_id);
    assert!(action_id.unwrap() > before);

    let full = app.health().await;
    assert_eq!(full["status"], "ok");
    assert_eq!(full["answers_in_progress"], 0);
    assert_eq!(
        full["webhooks"],
        json!({"queued": 0, "delivered": 0, "dropped": 0, "failed": 0, "duplicated": 0}),
        "no webhook URL, nothing notified"
    );
}

#[tokio::test]
async fn health_counts_an_answer_in_progress_until_its_delivery_is_recorded() {
    let mut receiver = webhook_receiver().await;
    let app = start(alcmeon_emulator::Config {
        webhook_url: Some(receiver.url.parse().unwrap()),
        ..test_config()
    })
    .await;
    let task_id = latest_task_id(&app.conversation_actions(1001).await);
    let body = json!({"message": "Packed and sent.", "advisor_id": 11, "company_id": 1, "task_id": task_id});
    assert_eq!(app.send_answer(body).await.status(), StatusCode::OK);

    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        // Health first: if the delivery is not recorded after this read, it was not before it.
        let health = app.health().await;
        let delivered = app
            .conversation_actions(1001)
            .await
            .last()
            .is_some_and(|action| action["type"] == "execute-answer");
        let in_progress = health["answers_in_progress"].as_u64().unwrap();
        if !delivered {
            assert_eq!(in_progress, 1, "in progress until its delivery is recorded");
        }
        if in_progress == 0 {
            break;
        }
        assert_eq!(in_progress, 1, "one answer sent");
        assert!(Instant::now() < deadline, "still in progress: {health}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // Whether a read fell inside the flow's half second depends on the machine's load; the
    // answer_flow unit test proves the count rises at acceptance without relying on timing.

    let health = app.wait_until_idle().await;
    assert_eq!(
        health["webhooks"],
        json!({"queued": 0, "delivered": 2, "dropped": 0, "failed": 0, "duplicated": 0}),
        "the answer and its delivery were notified"
    );
    let notified: Vec<Value> = receiver
        .drain_when_idle(&app)
        .await
        .iter()
        .map(|webhook| webhook.json()["action"]["type"].clone())
        .collect();
    assert_eq!(notified, ["answer", "execute-answer"]);
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
    assert_eq!(conversation_id, 1009, "after the eight demo conversations");

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

async fn post_control(app: &TestEmulator, path: &str, body: Value) -> (StatusCode, Value) {
    let response = app
        .client
        .post(app.url(&format!("/_emulator{path}")))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_message_with_attachments_carries_them_inline_with_their_decoded_size() {
    let app = start_default().await;
    let (status, _) = post_control(
        &app,
        "/conversations/1001/inbound",
        json!({"text": "Invoice attached", "attachments": [
            {"mime_type": "application/pdf", "data": "JVBERi0xLjQK"}
        ]}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let actions = app.conversation_actions(1001).await;
    let attachment = &actions.last().unwrap()["task"]["message"]["attachments"][0];
    assert_eq!(attachment["mime_type"], "application/pdf");
    assert_eq!(attachment["data"], "JVBERi0xLjQK");
    assert_eq!(attachment["size"], 9);

    let (status, error) = post_control(
        &app,
        "/conversations/1001/inbound",
        json!({"text": "x", "attachments": [{"mime_type": "image/png", "data": "not base64!"}]}),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["error"], "invalid-attachment");
}

#[tokio::test]
async fn an_assignment_is_recorded_on_the_latest_task_and_notified() {
    let mut receiver = webhook_receiver().await;
    let app = start(alcmeon_emulator::Config {
        webhook_url: Some(receiver.url.parse().unwrap()),
        ..test_config()
    })
    .await;
    let (status, body) = post_control(
        &app,
        "/conversations/1005/agent-actions",
        json!({"type": "assign-to", "agent_email": "Sophie.Laurent@example.com",
               "to_email": "emma.schmidt@example.com"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let notified = receiver.next().await.json();
    let action = &notified["action"];
    assert_eq!(action["id"], body["action_id"]);
    assert_eq!(action["type"], "assign-to");
    assert_eq!(action["user"]["name"], "Sophie Laurent");
    assert_eq!(action["data"]["to"]["name"], "Emma Schmidt");
    assert_eq!(action["task"]["state"], "assigned");
    let actions = app.conversation_actions(1005).await;
    assert_eq!(action["task"]["id"], latest_task_id(&actions));
}

#[tokio::test]
async fn archiving_closes_the_task_and_an_unknown_agent_is_created_from_the_email() {
    let app = start_default().await;
    let (status, _) = post_control(
        &app,
        "/conversations/1002/agent-actions",
        json!({"type": "archive", "agent_email": "lea.martin@example.com"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let actions = app.conversation_actions(1002).await;
    let archive = actions.last().unwrap();
    assert_eq!(archive["type"], "archive");
    assert_eq!(archive["task"]["state"], "archived");
    assert_eq!(archive["user"]["name"], "Lea Martin");
    assert_eq!(archive["user"]["is_bot"], false);
}

#[tokio::test]
async fn unknown_action_types_missing_fields_and_unknown_conversations_are_refused() {
    let app = start_default().await;
    let cases = [
        (
            "/conversations/1001/agent-actions",
            json!({"type": "merge"}),
            StatusCode::BAD_REQUEST,
        ),
        (
            "/conversations/1001/agent-actions",
            json!({"type": "assign-to"}),
            StatusCode::BAD_REQUEST,
        ),
        (
            "/conversations/1001/agent-actions",
            json!({"type": "tag", "tag": "Topic"}),
            StatusCode::BAD_REQUEST,
        ),
        (
            "/conversations/4040/agent-actions",
            json!({"type": "archive"}),
            StatusCode::NOT_FOUND,
        ),
        (
            "/conversations/4040/agent-replies",
            json!({"text": "Hi"}),
            StatusCode::NOT_FOUND,
        ),
        (
            "/conversations/1001/agent-replies",
            json!({"text": "  "}),
            StatusCode::BAD_REQUEST,
        ),
    ];
    let before = app.all_actions().await.len();
    for (path, body, expected) in cases {
        let (status, _) = post_control(&app, path, body.clone()).await;
        assert_eq!(status, expected, "{path} {body}");
    }
    assert_eq!(
        app.all_actions().await.len(),
        before,
        "nothing was recorded"
    );
}

#[tokio::test]
async fn another_agents_reply_is_an_answer_then_its_delivery() {
    let app = start_default().await;
    let (status, body) = post_control(
        &app,
        "/conversations/1003/agent-replies",
        json!({"text": "Emma here, checking now", "agent_email": "emma.schmidt@example.com"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let actions = app.conversation_actions(1003).await;
    let [answer, delivery] = &actions[actions.len() - 2..] else {
        unreachable!()
    };
    assert_eq!(answer["id"], body["answer_action_id"]);
    assert_eq!(answer["type"], "answer");
    assert_eq!(answer["user"]["email"], "emma.schmidt@example.com");
    assert_eq!(
        answer["data"]["answers"][0]["content"],
        "Emma here, checking now"
    );
    assert_eq!(delivery["type"], "execute-answer");
    assert_eq!(
        delivery["data"]["answer_action_id"],
        body["answer_action_id"]
    );
    assert_eq!(delivery["data"]["answer_status"], "ok");
}
