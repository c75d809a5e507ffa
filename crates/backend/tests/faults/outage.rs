//! Alcméon's send failing for a while (the emulator's scripted outage: 429 until the end, 500,
//! or hanging past the backend's timeout, before or after accepting the send) while several
//! agents reply in several conversations. Every reply reaches Alcméon exactly once, each
//! conversation's in the order they were posted; each shows sending during the outage (sent only
//! where Alcméon took it) and sent after; and no minute holds more calls than the backend's
//! budget. Bounded: outages of a few seconds, 20 replies; full: a minute each, 120 replies (more
//! than the budget lets through in the minute after).
//!
//! Then the two paths those runs may not take: a send that timed out after Alcméon accepted it,
//! with no webhook to tell, is found by reading the conversation and not sent again; and an
//! outage longer than the backend's patience fails the replies, truly, and a retry afterwards
//! sends each once.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use protocol::{Delivery, FailureCode, ThreadPage};
use serde_json::json;

use crate::helpers::{Options, SESSION_SECRET, TestApp, mint, spawn_app_with};
use crate::scale;

const SEND: &str = "POST /v1/answer/send";
const CONVERSATION_READ: &str = "GET /actions/conversations/{conversation_id}";
const CONVERSATIONS: [i64; 5] = [1001, 1002, 1003, 1004, 1005];
const AGENTS: usize = 4;
/// The backend's budget of calls a minute; the emulator's busiest minute must stay within it.
const QUOTA: u32 = 120;
/// The backend's timeout for one Alcméon call.
const TIMEOUT: Duration = Duration::from_secs(2);

fn agent_token(app: &TestApp, agent: usize) -> String {
    mint(
        SESSION_SECRET,
        json!({ "aud": app.audience(), "sub": format!("00500000000000{agent}AAA"),
                "email": format!("agent{agent}@example.com"), "name": format!("Agent {agent}") }),
    )
}

/// Starts the emulator's outage of the send; returns how long it lasts from now.
async fn outage(app: &TestApp, answer: &str, seconds: u64) -> Duration {
    let started = app
        .emulator_control(
            "/outages/answer-send",
            json!({ "answer": answer, "seconds": seconds }),
        )
        .await;
    let until: chrono::DateTime<chrono::Utc> = started["until"].as_str().unwrap().parse().unwrap();
    (until - chrono::Utc::now()).to_std().unwrap_or_default()
}

/// Whether the emulator's outage of the send is still under way.
async fn outage_under_way(app: &TestApp) -> bool {
    !app.emulator_get("/health").await["answer_send_outage"].is_null()
}

/// Waits until the emulator's outage of the send is over.
async fn outage_over(app: &TestApp) {
    while outage_under_way(app).await {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Every reply of ours in the conversation, by client id.
async fn deliveries(app: &TestApp, conversation_id: i64) -> HashMap<String, Delivery> {
    let page: ThreadPage = app
        .thread_page(conversation_id, "?limit=200")
        .await
        .json()
        .await
        .unwrap();
    page.items
        .into_iter()
        .filter_map(|item| Some((item.client_id?.to_string(), item.delivery?)))
        .collect()
}

/// Every reply posted so far and how it shows, over all the conversations.
async fn all_deliveries(app: &TestApp) -> HashMap<String, Delivery> {
    let mut all = HashMap::new();
    for conversation_id in CONVERSATIONS {
        all.extend(deliveries(app, conversation_id).await);
    }
    all
}

/// The texts of the emulator's `answer`s starting with `prefix`, per conversation, in the order
/// Alcméon recorded them.
async fn answers_by_conversation(app: &TestApp, prefix: &str) -> HashMap<i64, Vec<String>> {
    let mut answers: HashMap<i64, Vec<String>> = HashMap::new();
    for action in app.emulator_actions().await {
        if action["type"] == "answer"
            && let Some(text) = action["data"]["answers"][0]["content"].as_str()
            && text.starts_with(prefix)
        {
            let conversation = action["task"]["conversation_id"].as_i64().unwrap();
            answers
                .entry(conversation)
                .or_default()
                .push(text.to_owned());
        }
    }
    answers
}

/// Waits until the replica has read every action the emulator holds, asking the emulator's
/// health (a control), not its API: the test's own calls must not count in the busiest minute.
async fn replica_caught_up(app: &TestApp) {
    let latest = app.emulator_get("/health").await["latest_action_id"]
        .as_i64()
        .unwrap();
    app.wait_for_replica("actions_read_through", latest).await;
}

fn outage_options() -> Options {
    Options {
        // Alcméon's limit, with room for the test's own reads of the action log.
        emulator_rate_limit: 2 * QUOTA,
        backend_rate_limit: QUOTA,
        alcmeon_timeout: TIMEOUT,
        ..Options::default()
    }
}

/// The whole run for one kind of outage (the emulator's `answer`), with its figures printed.
async fn replies_ride_out(answer: &str, may_be_taken: bool) {
    let seconds = scale::pick(6, 60);
    let per_conversation = scale::pick(4, 24);
    let app = spawn_app_with(outage_options()).await;
    replica_caught_up(&app).await;
    let tokens: Vec<String> = (0..AGENTS).map(|agent| agent_token(&app, agent)).collect();

    let lasts = outage(&app, answer, seconds).await;
    let outage_ends = Instant::now() + lasts;
    // Each conversation's replies posted one after the other, by the agents in turn, all
    // conversations at once.
    let posted = CONVERSATIONS
        .iter()
        .enumerate()
        .map(|(c, &conversation_id)| {
            let (app, tokens) = (&app, &tokens);
            async move {
                let mut order = vec![];
                for n in 0..per_conversation {
                    let client_id = format!("{answer}-{conversation_id}-{n}");
                    let token = &tokens[(c + n) % AGENTS];
                    let response = app
                        .post_reply_as(token, conversation_id, &client_id, &client_id)
                        .await;
                    assert_eq!(response.status(), 201, "{client_id}");
                    order.push(client_id);
                }
                (conversation_id, order)
            }
        });
    let expected: HashMap<i64, Vec<String>> = futures_util::future::join_all(posted)
        .await
        .into_iter()
        .collect();
    let replies: usize = expected.values().map(Vec::len).sum();

    // During the outage: sending, never failed; sent only where Alcméon took the send.
    let mut looks = 0;
    loop {
        let shown = all_deliveries(&app).await;
        if !outage_under_way(&app).await {
            break;
        }
        // The outage lasted all through that read.
        assert_eq!(shown.len(), replies, "every reply shows");
        for (client_id, delivery) in &shown {
            let true_status = match delivery {
                Delivery::Sending => true,
                Delivery::Sent => may_be_taken,
                Delivery::Failed { .. } => false,
            };
            assert!(
                true_status,
                "{client_id} shows {delivery:?} during the outage"
            );
        }
        looks += 1;
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert!(looks >= 2, "the outage was over before it was looked at");

    // After: every reply sent.
    let deadline = outage_ends + Duration::from_secs(180);
    let all_sent = loop {
        let shown = all_deliveries(&app).await;
        let failed: Vec<_> = shown
            .iter()
            .filter(|(_, d)| matches!(d, Delivery::Failed { .. }))
            .collect();
        assert!(failed.is_empty(), "failed: {failed:?}");
        if shown.values().all(|d| *d == Delivery::Sent) {
            break Instant::now();
        }
        assert!(Instant::now() < deadline, "not all sent: {shown:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    app.outbox_idle().await;
    app.emulator_idle().await;
    // Before the test reads the emulator's actions through its API, which counts as calls.
    let busiest = app.emulator_get("/calls/busiest-minute").await["calls"]
        .as_u64()
        .unwrap();
    let sends = app.emulator_calls(SEND).await;
    let reads = app.emulator_calls(CONVERSATION_READ).await;

    let recorded = answers_by_conversation(&app, &format!("{answer}-")).await;
    let mut lost = 0;
    let mut twice = 0;
    for (conversation_id, order) in &expected {
        let answers = recorded.get(conversation_id).cloned().unwrap_or_default();
        for client_id in order {
            match answers.iter().filter(|text| *text == client_id).count() {
                0 => lost += 1,
                1 => {}
                _ => twice += 1,
            }
        }
        if lost == 0 && twice == 0 {
            assert_eq!(&answers, order, "conversation {conversation_id}'s order");
        }
    }
    println!(
        "outage {answer:>20} ({}): {:.1} s, {replies} replies from {AGENTS} agents in {} conversations; \
         all sent {:.1} s after it ended; {sends} sends, {reads} conversation reads; \
         busiest minute {busiest} calls (budget {QUOTA}); {lost} lost, {twice} sent more than once",
        scale::name(),
        lasts.as_secs_f64(),
        CONVERSATIONS.len(),
        all_sent
            .saturating_duration_since(outage_ends)
            .as_secs_f64(),
    );
    assert_eq!((lost, twice), (0, 0), "lost, sent more than once");
    assert!(busiest <= u64::from(QUOTA), "{busiest} calls in a minute");
}

#[tokio::test]
async fn replies_wait_out_a_429_outage_and_each_is_sent_once_in_order() {
    replies_ride_out("429", false).await;
}

#[tokio::test]
async fn replies_wait_out_a_500_outage_and_each_is_sent_once_in_order() {
    replies_ride_out("500", false).await;
}

#[tokio::test]
async fn replies_wait_out_sends_that_hang_past_the_timeout_and_each_is_sent_once_in_order() {
    replies_ride_out("hang", false).await;
}

#[tokio::test]
async fn replies_whose_sends_alcmeon_took_but_never_answered_are_sent_once_in_order() {
    replies_ride_out("hang-after-accepting", true).await;
}

#[tokio::test]
async fn a_send_accepted_behind_a_timeout_is_found_by_reading_the_conversation_not_sent_again() {
    // No webhook reaches the backend: only its read of the conversation can tell.
    let app = spawn_app_with(Options {
        webhook_drop_percent: 100,
        alcmeon_timeout: Duration::from_secs(1),
        ..Options::default()
    })
    .await;
    app.replica_ready().await;
    outage(&app, "hang-after-accepting", 3).await;
    let started = Instant::now();
    let text = "Taken, though the answer never came";
    assert_eq!(app.post_reply(1001, "taken-1", text).await.status(), 201);
    let item = app
        .wait_for_reply(1001, "taken-1", |d| *d == Delivery::Sent)
        .await;
    let took = started.elapsed();
    app.outbox_idle().await;
    app.emulator_idle().await;
    let (answers, sends, reads) = (
        app.answers_with(text).await,
        app.emulator_calls(SEND).await,
        app.emulator_calls(CONVERSATION_READ).await,
    );
    println!(
        "accepted behind a timeout: sent {:.1} s after it was posted, {answers} answer at Alcméon, {sends} send, {reads} conversation read",
        took.as_secs_f64()
    );
    assert_eq!(item.text, text);
    assert_eq!((answers, sends, reads), (1, 1, 1));
}

#[tokio::test]
async fn an_outage_longer_than_the_patience_fails_the_replies_and_a_retry_sends_each_once() {
    let patience = Duration::from_secs(3);
    let app = spawn_app_with(Options {
        reply_give_up_after: patience,
        ..Options::default()
    })
    .await;
    app.replica_ready().await;
    let lasts = outage(&app, "500", 8).await;
    let started = Instant::now();
    for client_id in ["patience-1", "patience-2"] {
        let posted = app.post_reply(1002, client_id, client_id).await;
        assert_eq!(posted.status(), 201);
    }
    let failed = |d: &Delivery| matches!(d, Delivery::Failed { .. });
    let first = app.wait_for_reply(1002, "patience-1", failed).await;
    let gave_up_after = started.elapsed();
    let second = app.wait_for_reply(1002, "patience-2", failed).await;
    for item in [&first, &second] {
        assert_eq!(
            item.delivery,
            Some(Delivery::Failed {
                code: FailureCode::AlcmeonUnavailable,
                detail: None
            })
        );
    }
    assert!(
        gave_up_after >= patience,
        "failed after {gave_up_after:?}, before the patience"
    );
    assert!(outage_under_way(&app).await, "failed during the outage");

    outage_over(&app).await;
    for client_id in ["patience-1", "patience-2"] {
        assert_eq!(
            app.retry_reply(1002, client_id).await.status(),
            202,
            "sent again"
        );
    }
    for client_id in ["patience-1", "patience-2"] {
        app.wait_for_reply(1002, client_id, |d| *d == Delivery::Sent)
            .await;
    }
    app.outbox_idle().await;
    app.emulator_idle().await;
    let answers = answers_by_conversation(&app, "patience-").await;
    let sends = app.emulator_calls(SEND).await;
    println!(
        "patience {:.0} s in a {:.1} s outage: first reply failed after {:.1} s, the second after one more try; retried after it, {sends} sends, answers at Alcméon {:?}",
        patience.as_secs_f64(),
        lasts.as_secs_f64(),
        gave_up_after.as_secs_f64(),
        answers.get(&1002),
    );
    assert_eq!(
        answers.get(&1002).cloned().unwrap_or_default(),
        ["patience-1", "patience-2"],
        "each once, in order"
    );
}
