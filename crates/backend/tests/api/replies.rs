use protocol::{Delivery, FailureCode, ItemKind, ThreadItem, ThreadPage};
use serde_json::{Value, json};

use crate::helpers::{Options, SESSION_SECRET, TestApp, mint, spawn_app, spawn_app_with};

/// Waits until the replica has read every action the emulator was seeded with.
async fn replica_ready(app: &TestApp) {
    app.replica_ready().await;
}

/// Alcméon's send endpoint, as the emulator counts its calls.
const SEND: &str = "POST /v1/answer/send";

async fn page(app: &TestApp, conversation_id: i64) -> ThreadPage {
    app.thread_page(conversation_id, "")
        .await
        .json()
        .await
        .unwrap()
}

fn items_of<'a>(page: &'a ThreadPage, client_id: &str) -> Vec<&'a ThreadItem> {
    page.items
        .iter()
        .filter(|i| i.client_id.as_deref() == Some(client_id))
        .collect()
}

#[tokio::test]
async fn a_reply_is_sending_at_once_then_sent_and_shows_as_one_outbound_item() {
    let app = spawn_app(0).await;
    replica_ready(&app).await;
    let response = app.post_reply(1001, "c-1", "Your order ships today").await;
    assert_eq!(response.status(), 201);
    let item: ThreadItem = response.json().await.unwrap();
    assert_eq!(item.kind, ItemKind::Outbound);
    assert_eq!(item.delivery, Some(Delivery::Sending));
    assert_eq!(item.client_id.as_deref(), Some("c-1"));
    assert_eq!(item.author, "Test Agent");

    let sent = app
        .wait_for_reply(1001, "c-1", |d| *d == Delivery::Sent)
        .await;
    assert_eq!(sent.text, "Your order ships today");
    assert_eq!(sent.author, "Test Agent");
    let page = page(&app, 1001).await;
    let same_text = page
        .items
        .iter()
        .filter(|i| i.text == "Your order ships today")
        .count();
    assert_eq!(same_text, 1, "the reply and its answer action are one item");
    assert_eq!(app.answers_with("Your order ships today").await, 1);
}

#[tokio::test]
async fn the_same_client_id_posted_twice_sends_once() {
    let app = spawn_app(0).await;
    replica_ready(&app).await;
    let (first, second) = tokio::join!(
        app.post_reply(1002, "twice", "Only once please"),
        app.post_reply(1002, "twice", "Only once please"),
    );
    let mut statuses = [first.status().as_u16(), second.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 201]);
    app.wait_for_reply(1002, "twice", |d| *d == Delivery::Sent)
        .await;
    let again = app.post_reply(1002, "twice", "Only once please").await;
    assert_eq!(again.status(), 200);
    let again: ThreadItem = again.json().await.unwrap();
    assert_eq!(again.delivery, Some(Delivery::Sent));
    app.outbox_idle().await;
    assert_eq!(app.answers_with("Only once please").await, 1);
    assert_eq!(app.emulator_calls(SEND).await, 1, "calls to Alcméon's send");
    assert_eq!(items_of(&page(&app, 1002).await, "twice").len(), 1);
}

#[tokio::test]
async fn a_client_id_reused_for_another_text_is_a_conflict() {
    let app = spawn_app(0).await;
    replica_ready(&app).await;
    assert_eq!(app.post_reply(1001, "k", "first").await.status(), 201);
    let response = app.post_reply(1001, "k", "second").await;
    assert_eq!(response.status(), 409);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["code"], "conflict");
}

#[tokio::test]
async fn a_reply_the_channel_refuses_fails_with_the_reason_and_a_double_retry_sends_once() {
    let app = spawn_app(0).await;
    replica_ready(&app).await;
    let text = "This one will [fail]";
    assert_eq!(app.post_reply(1001, "f-1", text).await.status(), 201);
    let failed = app
        .wait_for_reply(1001, "f-1", |d| matches!(d, Delivery::Failed { .. }))
        .await;
    assert_eq!(
        failed.delivery,
        Some(Delivery::Failed {
            code: FailureCode::ChannelRefused,
            detail: None
        })
    );

    let (a, b) = tokio::join!(app.retry_reply(1001, "f-1"), app.retry_reply(1001, "f-1"));
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 202], "only one retry re-sends");
    // The retry fails on the channel again (same text); it must have been sent exactly once more.
    app.outbox_idle().await;
    app.wait_for_reply(1001, "f-1", |d| matches!(d, Delivery::Failed { .. }))
        .await;
    assert_eq!(app.answers_with(text).await, 2);
    assert_eq!(app.emulator_calls(SEND).await, 2, "calls to Alcméon's send");
    assert_eq!(items_of(&page(&app, 1001).await, "f-1").len(), 1);
}

#[tokio::test]
async fn retrying_a_sent_reply_sends_nothing() {
    let app = spawn_app(0).await;
    replica_ready(&app).await;
    app.post_reply(1004, "s-1", "Thanks for writing").await;
    app.wait_for_reply(1004, "s-1", |d| *d == Delivery::Sent)
        .await;
    let response = app.retry_reply(1004, "s-1").await;
    assert_eq!(response.status(), 200);
    app.outbox_idle().await;
    assert_eq!(app.answers_with("Thanks for writing").await, 1);
    assert_eq!(app.emulator_calls(SEND).await, 1, "calls to Alcméon's send");
    assert_eq!(app.retry_reply(1004, "unknown").await.status(), 404);
}

#[tokio::test]
async fn a_reply_over_the_instagram_byte_limit_is_refused_with_the_limit_named() {
    let app = spawn_app(0).await;
    replica_ready(&app).await;
    let instagram = page(&app, 1003).await;
    assert_eq!(instagram.conversation.channel, protocol::Channel::Instagram);
    // 251 emoji: 251 characters but 1004 bytes.
    let response = app.post_reply(1003, "big", &"😀".repeat(251)).await;
    assert_eq!(response.status(), 400);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["code"], "bad_request");
    let message = error["message"].as_str().unwrap();
    assert!(message.contains("1000 bytes"), "{message}");
    assert!(items_of(&page(&app, 1003).await, "big").is_empty());
}

#[tokio::test]
async fn blank_replies_bad_client_ids_and_agents_without_the_reply_permission_are_refused() {
    let app = spawn_app(0).await;
    replica_ready(&app).await;
    for (client_id, text) in [("b", " \n "), ("", "hi"), (&*"x".repeat(65), "hi")] {
        let response = app.post_reply(1001, client_id, text).await;
        assert_eq!(response.status(), 400, "{client_id:?} {text:?}");
        let error: Value = response.json().await.unwrap();
        assert_eq!(error["code"], "bad_request");
    }
    let not_json = app
        .http
        .post(app.url("/v1/conversations/1001/replies"))
        .bearer_auth(app.session_token())
        .body("{")
        .header("content-type", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(not_json.status(), 400);
    let reader = mint(
        SESSION_SECRET,
        json!({ "aud": app.audience(), "perms": { "reply": false } }),
    );
    let response = app.post_reply_as(&reader, 1001, "r", "hello").await;
    assert_eq!(response.status(), 403);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["code"], "forbidden");
    assert_eq!(app.post_reply(424242, "n", "hello").await.status(), 404);
}

#[tokio::test]
async fn with_alcmeon_limited_to_5_a_minute_a_reply_overtakes_the_backfill_backlog() {
    let app = spawn_app_with(Options {
        emulator_rate_limit: 5,
        backend_rate_limit: 5,
        ..Options::default()
    })
    .await;
    // The webhook makes the conversation known while the seeded actions still wait to be read.
    let inbound = app.customer_writes(1005, "Is anyone there?").await;
    app.wait_for_replica("latest_action_id", inbound).await;
    assert_eq!(
        app.post_reply(1005, "urgent", "Yes, here!").await.status(),
        201
    );
    app.wait_for_reply(1005, "urgent", |d| *d == Delivery::Sent)
        .await;
    let read_through = app.health().await["replica"]["actions_read_through"]
        .as_i64()
        .unwrap();
    assert!(
        read_through < inbound,
        "the backfill ({read_through}) finished before the reply went out"
    );
}

#[tokio::test]
async fn a_reply_alcmeon_refuses_is_failed_with_alcmeons_error() {
    let app = spawn_app(0).await;
    // A conversation whose task Alcméon does not know: `POST /v1/answer/send` answers 404.
    let now = chrono::Utc::now();
    let (date, time) = (
        now.format("%Y-%m-%d").to_string(),
        now.format("%H:%M:%S").to_string(),
    );
    let body = json!({ "id": 990_001, "action": {
        "id": 990_001, "type": "task-create", "date": date, "time": time,
        "account": { "id": 201, "name": "Lumio", "type": "whatsapp" },
        "task": { "id": 990_001, "conversation_id": 990_001, "message": { "content": "hello",
            "date": date, "time": time, "author": { "name": "Ghost" } } }
    }});
    assert_eq!(app.deliver_webhook(&body).await, 200);
    assert_eq!(
        app.post_reply(990_001, "g-1", "Hello ghost").await.status(),
        201
    );
    let failed = app
        .wait_for_reply(990_001, "g-1", |d| matches!(d, Delivery::Failed { .. }))
        .await;
    assert_eq!(
        failed.delivery,
        Some(Delivery::Failed {
            code: FailureCode::TaskNotFound,
            detail: None
        })
    );
}

#[tokio::test]
async fn a_reply_stored_but_never_sent_before_a_crash_is_sent_once_at_restart() {
    let mut app = spawn_app(0).await;
    replica_ready(&app).await;
    let text = "Stored just before the crash";
    // What a post leaves behind when the backend dies between storing the reply and sending it.
    let stored = app
        .store()
        .create_reply(&backend::store::NewReplyRow {
            client_id: protocol::ClientId::parse("crash-1").unwrap(),
            conversation_id: 1001,
            task_id: app.task_to_answer(1001).await,
            agent_org: crate::helpers::ORG_ID.into(),
            agent_email: protocol::AgentEmail::parse("agent@example.com").unwrap(),
            agent_name: "Test Agent".into(),
            text: text.into(),
            created_at_ms: chrono::Utc::now().timestamp_millis(),
        })
        .await
        .unwrap();
    assert!(matches!(
        stored,
        backend::store::ReplyInsert::Created { .. }
    ));
    app.outbox_idle().await;
    assert_eq!(app.answers_with(text).await, 0, "nothing sent before");
    assert_eq!(app.emulator_calls(SEND).await, 0, "calls to Alcméon's send");

    app.restart_backend().await;
    let sent = app
        .wait_for_reply(1001, "crash-1", |d| *d == Delivery::Sent)
        .await;
    assert_eq!(sent.text, text);
    app.restart_backend().await;
    app.outbox_idle().await;
    assert_eq!(app.answers_with(text).await, 1, "sent exactly once");
    assert_eq!(app.emulator_calls(SEND).await, 1, "calls to Alcméon's send");
}

#[tokio::test]
async fn a_body_over_the_size_limit_is_refused_in_the_one_error_shape() {
    let app = spawn_app(0).await;
    let response = app.post_reply(1001, "huge", &"a".repeat(300 * 1024)).await;
    assert_eq!(response.status(), 413);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["code"], "payload_too_large");
    assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()));
}

/// Another agent of the same org, with reply permission.
fn other_agent(app: &TestApp) -> String {
    mint(
        SESSION_SECRET,
        json!({ "aud": app.audience(), "sub": "005000000000002AAA",
                "email": "dominique.other@example.com", "name": "Dominique" }),
    )
}

#[tokio::test]
async fn only_the_author_retries_a_failed_reply_and_another_agents_retry_sends_nothing() {
    let app = spawn_app(0).await;
    replica_ready(&app).await;
    let text = "Mine to [fail]";
    assert_eq!(app.post_reply(1001, "mine-1", text).await.status(), 201);
    app.wait_for_reply(1001, "mine-1", |d| matches!(d, Delivery::Failed { .. }))
        .await;
    app.outbox_idle().await;
    assert_eq!(app.emulator_calls(SEND).await, 1);

    let response = app.retry_reply_as(&other_agent(&app), 1001, "mine-1").await;
    assert_eq!(response.status(), 403);
    let body = response.text().await.unwrap();
    let error: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(error["code"], "forbidden");
    assert!(!body.contains("fail"), "nothing of the reply: {body}");
    app.outbox_idle().await;
    assert_eq!(
        app.emulator_calls(SEND).await,
        1,
        "another agent's retry sends nothing"
    );
    let thread = page(&app, 1001).await;
    let item = items_of(&thread, "mine-1")[0];
    assert!(
        matches!(item.delivery, Some(Delivery::Failed { .. })),
        "unchanged"
    );

    // The author's own retry goes out.
    assert_eq!(app.retry_reply(1001, "mine-1").await.status(), 202);
    app.outbox_idle().await;
    assert_eq!(app.emulator_calls(SEND).await, 2);
}

#[tokio::test]
async fn a_client_id_taken_by_another_agent_or_conversation_is_a_conflict_showing_nothing_of_it() {
    let app = spawn_app(0).await;
    replica_ready(&app).await;
    let text = "Our private answer";
    assert_eq!(app.post_reply(1001, "taken-1", text).await.status(), 201);
    let other = other_agent(&app);

    let mut bodies = Vec::new();
    for (token, conversation) in [(&other, 1001), (&other, 1004), (&app.session_token(), 1004)] {
        let response = app
            .post_reply_as(token, conversation, "taken-1", text)
            .await;
        assert_eq!(response.status(), 409, "conversation {conversation}");
        let body = response.text().await.unwrap();
        assert!(!body.contains(text), "{body}");
        assert!(
            !body.contains("sending") && !body.contains("sent"),
            "{body}"
        );
        let error: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(error["code"], "conflict");
        bodies.push(body);
    }
    assert!(
        bodies.iter().all(|b| *b == bodies[0]),
        "the same words whoever took the id: {bodies:?}"
    );
    // The author posting it again still gets the stored reply (idempotent).
    assert_eq!(app.post_reply(1001, "taken-1", text).await.status(), 200);
    app.wait_for_reply(1001, "taken-1", |d| *d == Delivery::Sent)
        .await;
    assert_eq!(app.answers_with(text).await, 1);
}
