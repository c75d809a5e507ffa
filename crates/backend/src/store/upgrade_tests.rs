//! A replica written by an earlier version keeps its meaning through the migrations that changed
//! what its values mean (0003: failure codes; 0005: the reply state; 0006: the outcome of every
//! answer, whoever wrote it).

use protocol::{AgentEmail, Delivery, FailureCode, Viewer};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool};
use std::str::FromStr;

use super::Store;

/// The previous version's replica: one conversation, one customer message, and replies in every
/// state it could leave them in, with its English failure reasons.
const PREVIOUS_VERSION_DATA: &str = r#"
INSERT INTO actions (id, conversation_id, kind, body) VALUES (1, 100, 'task-create', '{}');
INSERT INTO conversations (id, channel, account_name, customer_name) VALUES (100, 'whatsapp', 'Shop', 'Ana');
INSERT INTO thread_items (action_id, conversation_id, kind, author, text, at_ms)
    VALUES (1, 100, 'inbound', 'Ana', 'hi', 1700000000000);
INSERT INTO tasks (id, conversation_id) VALUES (10, 100);
INSERT INTO replies (client_id, conversation_id, task_id, agent_email, agent_name, text, state, failure_reason, created_at_ms) VALUES
    ('channel', 100, 10, 'Ann@Example.com', 'Ann', 'a', 'failed', 'Alcméon could not deliver the reply on the channel', 1),
    ('unknown-word', 100, 10, 'ann@example.com', 'Ann', 'b', 'failed', 'invalid-attachment-access-token', 2),
    ('no-task', 100, 10, 'ann@example.com', 'Ann', 'c', 'failed', 'task-not-found', 3),
    ('limited', 100, 10, 'ann@example.com', 'Ann', 'd', 'failed', 'Alcméon''s rate limit kept refusing the reply', 4),
    ('in-flight', 100, 10, 'ann@example.com', 'Ann', 'e', 'sending', NULL, 5);
INSERT INTO events (conversation_id, item) VALUES (100, '{"id":1,"delivery":{"state":"failed","reason":"old"}}');
"#;

#[tokio::test]
async fn old_failure_reasons_become_codes_and_a_reply_caught_mid_send_can_be_retried() {
    let dir = tempfile::TempDir::new().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let options = SqliteConnectOptions::from_str(&url)
        .unwrap()
        .create_if_missing(true);
    let pool = SqlitePool::connect_with(options).await.unwrap();
    sqlx::migrate!("./migrations/sqlite")
        .run_to(2, &pool)
        .await
        .unwrap();
    sqlx::raw_sql(PREVIOUS_VERSION_DATA)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;

    let store = Store::open(&url).await.unwrap();
    let viewer = Viewer {
        email: AgentEmail::parse("ann@example.com").unwrap(),
        may_reply: true,
    };
    let page = store.thread(100, None, 50, viewer).await.unwrap().unwrap();
    let delivery = |client_id: &str| {
        let item = page
            .items
            .iter()
            .find(|i| i.client_id.as_deref() == Some(client_id));
        item.unwrap().delivery.clone().unwrap()
    };
    let failed = |code, detail: Option<&str>| Delivery::Failed {
        code,
        detail: detail.map(str::to_owned),
    };
    assert_eq!(
        delivery("channel"),
        failed(FailureCode::ChannelRefused, None)
    );
    assert_eq!(
        delivery("unknown-word"),
        failed(
            FailureCode::AlcmeonRefused,
            Some("invalid-attachment-access-token")
        )
    );
    assert_eq!(delivery("no-task"), failed(FailureCode::TaskNotFound, None));
    assert_eq!(delivery("limited"), failed(FailureCode::RateLimited, None));
    assert_eq!(
        delivery("in-flight"),
        failed(FailureCode::AlcmeonUnavailable, None)
    );
    assert!(store.unsubmitted_replies().await.unwrap().is_empty());
    assert_eq!(
        page.items[1].agent_email.as_deref(),
        Some("ann@example.com")
    );
    assert_eq!(
        page.conversation.last_inbound_at_ms,
        Some(1_700_000_000_000)
    );
    assert!(store.events_after(100, 0, 10).await.unwrap().is_empty());
}

/// Version 4's replica: replies still sending in every way it told them apart (the `submitted`
/// flag, a linked `answer`), and one sent and one failed.
const VERSION_4_DATA: &str = r#"
INSERT INTO actions (id, conversation_id, kind, body) VALUES
    (1, 100, 'task-create', '{}'),
    (2, 100, 'answer', '{}');
INSERT INTO conversations (id, channel, account_name, customer_name, status, last_inbound_at_ms)
    VALUES (100, 'whatsapp', 'Shop', 'Ana', 'open', 1700000000000);
INSERT INTO thread_items (action_id, conversation_id, kind, author, text, at_ms) VALUES
    (1, 100, 'inbound', 'Ana', 'hi', 1700000000000),
    (2, 100, 'outbound', 'Agent', 'linked', 1700000001000);
INSERT INTO tasks (id, conversation_id) VALUES (10, 100);
INSERT INTO replies (client_id, conversation_id, task_id, agent_org, agent_email, agent_name, text, state, submitted, advisor_id, answer_action_id, created_at_ms) VALUES
    ('stored', 100, 10, '00D1', 'ann@example.com', 'Ann', 'stored', 'sending', 0, NULL, NULL, 1),
    ('accepted', 100, 10, '00D1', 'ann@example.com', 'Ann', 'accepted', 'sending', 1, 7, NULL, 2),
    ('linked', 100, 10, '00D1', 'ann@example.com', 'Ann', 'linked', 'sending', 1, 7, 2, 3),
    ('failed', 100, 10, '00D1', 'ann@example.com', 'Ann', 'failed', 'failed', 0, 7, NULL, 4);
INSERT INTO reply_answers (answer_action_id, reply_id) VALUES (2, 3);
"#;

fn action(id: i64, kind: &str, data: serde_json::Value) -> serde_json::Value {
    serde_json::json!({"id": id, "type": kind, "date": "2026-11-20", "time": "10:00:00",
        "user": {"id": 7, "name": "Agent"}, "task": {"id": 10, "conversation_id": 100},
        "data": data})
}

#[tokio::test]
async fn replies_sending_before_the_state_column_keep_their_place_in_the_lifecycle() {
    let dir = tempfile::TempDir::new().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let options = SqliteConnectOptions::from_str(&url)
        .unwrap()
        .create_if_missing(true);
    let pool = SqlitePool::connect_with(options).await.unwrap();
    sqlx::migrate!("./migrations/sqlite")
        .run_to(4, &pool)
        .await
        .unwrap();
    sqlx::raw_sql(VERSION_4_DATA).execute(&pool).await.unwrap();
    pool.close().await;

    let store = Store::open(&url).await.unwrap();
    let states: Vec<(String, String)> =
        sqlx::query_as("SELECT client_id, state FROM replies ORDER BY id")
            .fetch_all(&store.pool)
            .await
            .unwrap();
    let expected = [
        ("stored", "sending"),
        ("accepted", "submitted"),
        ("linked", "recorded"),
        ("failed", "failed"),
    ];
    let states: Vec<(&str, &str)> = states
        .iter()
        .map(|(c, s)| (c.as_str(), s.as_str()))
        .collect();
    assert_eq!(states, expected);
    let unsent = store.unsubmitted_replies().await.unwrap();
    assert_eq!(
        unsent.len(),
        1,
        "only the reply Alcméon never accepted is sent again"
    );
    assert_eq!(unsent[0].text, "stored");

    // The linked reply's delivery and the accepted reply's answer are still applied.
    let answers = serde_json::json!({"answers": [{"content": "accepted"}]});
    store
        .record_action(&action(3, "answer", answers))
        .await
        .unwrap();
    for (id, answer) in [(4, 2), (5, 3)] {
        let outcome = serde_json::json!({"answer_action_id": answer, "answer_status": "ok"});
        store
            .record_action(&action(id, "execute-answer", outcome))
            .await
            .unwrap();
    }
    let viewer = Viewer {
        email: AgentEmail::parse("ann@example.com").unwrap(),
        may_reply: true,
    };
    let page = store.thread(100, None, 50, viewer).await.unwrap().unwrap();
    let delivery = |client_id: &str| {
        let item = page
            .items
            .iter()
            .find(|i| i.client_id.as_deref() == Some(client_id));
        item.unwrap().delivery.clone().unwrap()
    };
    assert_eq!(delivery("linked"), Delivery::Sent);
    assert_eq!(delivery("accepted"), Delivery::Sent);
    assert_eq!(delivery("stored"), Delivery::Sending);
    assert!(matches!(delivery("failed"), Delivery::Failed { .. }));
}

/// Version 5's replica: three answers written in Alcméon itself (one delivered, one refused, one
/// not executed yet) and a widget reply refused on the channel, with their actions as received.
const VERSION_5_DATA: &str = r#"
INSERT INTO actions (id, conversation_id, kind, body) VALUES
    (1, 100, 'task-create', '{}'),
    (2, 100, 'answer', '{"id":2,"type":"answer"}'),
    (3, 100, 'answer', '{"id":3,"type":"answer"}'),
    (4, 100, 'execute-answer', '{"id":4,"type":"execute-answer","data":{"answer_action_id":2,"answer_status":"ok"}}'),
    (5, 100, 'execute-answer', '{"id":5,"type":"execute-answer","data":{"answer_action_id":3,"answer_status":"fail"}}'),
    (6, 100, 'answer', '{"id":6,"type":"answer"}'),
    (7, 100, 'answer', '{"id":7,"type":"answer"}'),
    (8, 100, 'execute-answer', '{"id":8,"type":"execute-answer","data":{"answer_action_id":7,"answer_status":"fail"}}'),
    (9, 100, 'execute-answer', '{"id":9,"type":"execute-answer","data":{"answer_action_id":3,"answer_status":"ok"}}'),
    (10, 100, 'execute-answer', '{"id":10,"type":"execute-answer","data":{}}');
INSERT INTO conversations (id, channel, account_name, customer_name, status, last_inbound_at_ms)
    VALUES (100, 'whatsapp', 'Shop', 'Ana', 'open', 1700000000000);
INSERT INTO thread_items (action_id, conversation_id, kind, author, text, at_ms, agent_email) VALUES
    (1, 100, 'inbound', 'Ana', 'hi', 1700000000000, NULL),
    (2, 100, 'outbound', 'Emma', 'delivered', 1700000001000, 'emma@example.com'),
    (3, 100, 'outbound', 'Emma', 'refused', 1700000002000, 'emma@example.com'),
    (6, 100, 'outbound', 'Bot', 'pending', 1700000003000, NULL),
    (7, 100, 'outbound', 'Agent', 'mine', 1700000004000, NULL);
INSERT INTO tasks (id, conversation_id) VALUES (10, 100);
INSERT INTO replies (client_id, conversation_id, task_id, agent_org, agent_email, agent_name, text, state, failure_reason, advisor_id, answer_action_id, created_at_ms) VALUES
    ('mine', 100, 10, '00D1', 'ann@example.com', 'Ann', 'mine', 'failed', 'channel_refused', 7, 7, 4);
INSERT INTO reply_answers (answer_action_id, reply_id) VALUES (7, 1);
"#;

#[tokio::test]
async fn answers_already_in_the_replica_get_the_delivery_their_stored_actions_tell() {
    let dir = tempfile::TempDir::new().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let options = SqliteConnectOptions::from_str(&url)
        .unwrap()
        .create_if_missing(true);
    let pool = SqlitePool::connect_with(options).await.unwrap();
    sqlx::migrate!("./migrations/sqlite")
        .run_to(5, &pool)
        .await
        .unwrap();
    sqlx::raw_sql(VERSION_5_DATA).execute(&pool).await.unwrap();
    pool.close().await;

    let store = Store::open(&url).await.unwrap();
    let viewer = Viewer {
        email: AgentEmail::parse("ann@example.com").unwrap(),
        may_reply: true,
    };
    let page = store.thread(100, None, 50, viewer).await.unwrap().unwrap();
    let deliveries: Vec<(&str, Option<Delivery>)> = page
        .items
        .iter()
        .map(|item| (item.text.as_str(), item.delivery.clone()))
        .collect();
    let refused = Some(Delivery::Failed {
        code: FailureCode::ChannelRefused,
        detail: None,
    });
    assert_eq!(
        deliveries,
        [
            ("hi", None),
            ("delivered", Some(Delivery::Sent)),
            ("refused", refused.clone()),
            ("pending", Some(Delivery::Sending)),
            ("mine", refused),
        ],
        "the first execute-answer of each answer is its outcome"
    );
}
