//! Exactly once across a crash: at restart, the replies stored as sending are sent again only if
//! Alcméon does not have them, which the backend asks Alcméon before sending.

use backend::store::{NewReplyRow, ReplyId, ReplyInsert};
use protocol::{AgentEmail, ClientId, Delivery};
use serde_json::json;

use crate::helpers::{ALCMEON_SECRET, COMPANY_ID, INSTANCE_ID, ORG_ID, Options, TestApp};

const SEND: &str = "POST /v1/answer/send";
const CONVERSATION_ACTIONS: &str = "GET /actions/conversations/{conversation_id}";
const AGENT_EMAIL: &str = "agent@example.com";

/// A reply to conversation 1001 stored as sending, as the default test agent, as a post stores it.
async fn stored_reply(app: &TestApp, client_id: &str, text: &str) -> ReplyId {
    let stored = app
        .store()
        .create_reply(&NewReplyRow {
            client_id: ClientId::parse(client_id).unwrap(),
            conversation_id: 1001,
            task_id: app.task_to_answer(1001).await,
            agent_org: ORG_ID.into(),
            agent_email: AgentEmail::parse(AGENT_EMAIL).unwrap(),
            agent_name: "Test Agent".into(),
            text: text.into(),
            created_at_ms: chrono::Utc::now().timestamp_millis(),
        })
        .await
        .unwrap();
    match stored {
        ReplyInsert::Created { reply_id, .. } => reply_id,
        ReplyInsert::Existing(_) => panic!("{client_id} was stored already"),
    }
}

/// `POST /v1/answer/send` as the backend makes it: what a backend that died before recording
/// Alcméon's `started` had sent.
async fn send_at_alcmeon(app: &TestApp, advisor_id: i64, text: &str) {
    let task_id = app.task_to_answer(1001).await;
    let response = app
        .http
        .post(format!("{}/v1/answer/send", app.emulator.base_url()))
        .basic_auth(INSTANCE_ID, Some(ALCMEON_SECRET))
        .json(&json!({ "message": text, "advisor_id": advisor_id,
                       "company_id": COMPANY_ID, "task_id": task_id }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn at_restart_a_reply_alcmeon_already_has_is_not_sent_again_and_the_others_are_sent_once() {
    // No webhook reaches the backend: only what it reads from Alcméon tells it what was sent.
    let mut app = crate::helpers::spawn_app_with(Options {
        webhook_drop_percent: 100,
        ..Options::default()
    })
    .await;
    app.replica_ready().await;
    // An earlier reply gave the agent an Alcméon account.
    assert_eq!(
        app.post_reply(1001, "earlier", "An earlier reply")
            .await
            .status(),
        201
    );
    app.outbox_idle().await;
    let email = AgentEmail::parse(AGENT_EMAIL).unwrap();
    let advisor_id = app
        .store()
        .agent_account(ORG_ID, &email)
        .await
        .unwrap()
        .expect("the agent has an account")
        .account_id;
    // A backlog the replica has not read (its notifications were lost), so that reading actions
    // in order would not reach the replies' answers before the outbox decides.
    for n in 0..50 {
        app.customer_writes(1002, &format!("backlog {n}")).await;
    }

    // What the crash left: two replies of the same words, both attempted (their advisor was
    // recorded), of which Alcméon accepted the first only; and one never attempted.
    let same = "The same words twice";
    let accepted = stored_reply(&app, "crash-accepted", same).await;
    app.store()
        .set_reply_advisor(accepted, advisor_id)
        .await
        .unwrap();
    send_at_alcmeon(&app, advisor_id, same).await;
    let lost = stored_reply(&app, "crash-lost", same).await;
    app.store()
        .set_reply_advisor(lost, advisor_id)
        .await
        .unwrap();
    stored_reply(&app, "crash-unattempted", "Never attempted").await;
    app.emulator_idle().await;
    assert_eq!(app.answers_with(same).await, 1);
    assert_eq!(app.emulator_calls(SEND).await, 2);

    // 12 calls a minute after the restart: the backfill spends the burst on the backlog, and the
    // outbox's question (a reply's priority) goes before the rest of it.
    app.restart_backend_with(|config| {
        config.alcmeon_rate_limit_per_minute = std::num::NonZeroU32::new(12).unwrap();
    })
    .await;
    let accepted_item = app
        .wait_for_reply(1001, "crash-accepted", |d| *d == Delivery::Sent)
        .await;
    assert_eq!(accepted_item.text, same);
    app.outbox_idle().await;
    app.emulator_idle().await;
    assert_eq!(
        app.answers_with(same).await,
        2,
        "both replies of the same words reach the customer, once each"
    );
    assert_eq!(app.answers_with("Never attempted").await, 1);
    assert_eq!(
        app.emulator_calls(SEND).await,
        4,
        "only the two Alcméon lacked"
    );
    assert_eq!(
        app.emulator_calls(CONVERSATION_ACTIONS).await,
        1,
        "one question for the conversation"
    );
}
