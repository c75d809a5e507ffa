//! A replica written by the previous version keeps its meaning through migration 0003.

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
    sqlx::migrate!("./migrations")
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
