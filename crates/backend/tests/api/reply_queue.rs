//! A reply waiting for Alcméon's rate limit is reported on its conversation's stream as queued,
//! with about when it leaves (`event: queued`, no id), to a stream open then and to one opened
//! later; the report is taken back once the reply has left. The estimate is never before the
//! end of a hold Alcméon's 429 asked for.

use std::time::Duration;

use protocol::{QueuedReply, ThreadItem};
use serde_json::{Value, json};

use crate::event_stream::EventStream;
use crate::helpers::{Options, TestApp, spawn_app_with};

const SEND: &str = "POST /v1/answer/send";

/// Waits until the replica has read every action the emulator holds, asking the emulator's
/// control (reading Alcméon's API would spend the budget these tests measure).
async fn replica_ready(app: &TestApp) {
    let highest = app.emulator_get("/health").await["latest_action_id"]
        .as_i64()
        .unwrap();
    app.wait_for_replica("actions_read_through", highest).await;
}

/// Posts `count` replies to the conversation; returns their items, in order.
async fn post_replies(
    app: &TestApp,
    conversation_id: i64,
    prefix: &str,
    count: usize,
) -> Vec<ThreadItem> {
    let mut items = vec![];
    for n in 1..=count {
        let client_id = format!("{prefix}-{n}");
        let response = app
            .post_reply(conversation_id, &client_id, &format!("{prefix} {n}"))
            .await;
        assert_eq!(response.status(), 201);
        items.push(response.json().await.unwrap());
    }
    items
}

/// The next `queued` event the stream gives that `wanted` accepts, skipping every other event.
async fn next_queued(
    stream: &mut EventStream,
    wanted: impl Fn(&QueuedReply) -> bool,
) -> QueuedReply {
    loop {
        let frame = stream
            .next_frame(Duration::from_secs(60))
            .await
            .expect("a queued event came");
        if frame.event != "queued" {
            continue;
        }
        assert_eq!(frame.id, None, "never logged, so never resumed after");
        let reply: QueuedReply = serde_json::from_str(&frame.data).unwrap();
        if wanted(&reply) {
            return reply;
        }
    }
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

#[tokio::test]
async fn at_20_calls_a_minute_a_waiting_reply_is_reported_queued_until_about_when_and_cleared_once_sent()
 {
    // Alcméon allows 20 calls a minute and the backend's budget says the same: a burst of 6,
    // then one call every 60 / 14 s ≈ 4.3 s.
    let app = spawn_app_with(Options {
        emulator_rate_limit: 20,
        backend_rate_limit: 20,
        ..Options::default()
    })
    .await;
    replica_ready(&app).await;
    let mut stream = EventStream::open(&app, 1001, None).await;
    let posted = post_replies(&app, 1001, "paced", 8).await;
    let ids: Vec<i64> = posted.iter().map(|item| item.id).collect();

    let queued = next_queued(&mut stream, |reply| reply.until_ms.is_some()).await;
    let place = ids
        .iter()
        .position(|id| *id == queued.item_id)
        .expect("one of the replies posted");
    let left_ms = queued.until_ms.unwrap() - now_ms();
    assert!(
        (1_000..=8 * 4_300 + 5_000).contains(&left_ms),
        "reply {place} leaves in about {left_ms} ms"
    );

    // The reply behind it, as its agent's next call, leaves about one call (4.3 s) later.
    let next = next_queued(&mut stream, |reply| reply.item_id == ids[place + 1]).await;
    let gap = next.until_ms.expect("queued") - queued.until_ms.unwrap();
    assert!(
        (4_000..=4_600).contains(&gap),
        "{gap} ms between two replies"
    );

    // A widget opening the conversation now hears of it at once.
    let mut late = EventStream::open(&app, 1001, None).await;
    let told = next_queued(&mut late, |reply| reply.item_id == queued.item_id).await;
    assert!(told.until_ms.is_some(), "{told:?}");

    // Once it has left, the notice is taken back: Alcméon had it, and the replies before it.
    next_queued(&mut stream, |reply| {
        reply.item_id == queued.item_id && reply.until_ms.is_none()
    })
    .await;
    let sends = app.emulator_calls(SEND).await;
    assert!(
        sends > place as u64,
        "{sends} sends when reply {place} left"
    );
}

#[tokio::test]
async fn after_a_429_the_queued_replies_are_told_no_earlier_than_alcmeons_reset() {
    let app = spawn_app_with(Options::default()).await;
    replica_ready(&app).await;
    let mut stream = EventStream::open(&app, 1002, None).await;
    // Alcméon refuses every call for a while, as when other clients spent the budget.
    let held: Value = app
        .emulator_control("/rate-limits/api/hold", json!({ "seconds": 5 }))
        .await;
    let reset = chrono::DateTime::parse_from_rfc3339(held["rate_limited_until"].as_str().unwrap())
        .unwrap()
        .timestamp_millis();
    let posted = post_replies(&app, 1002, "held", 3).await;

    let mut told = vec![];
    while told.len() < posted.len() {
        let reply = next_queued(&mut stream, |reply| reply.until_ms.is_some()).await;
        assert!(
            reply.until_ms.unwrap() >= reset,
            "{reply:?} before the reset at {reset}"
        );
        if !told.contains(&reply.item_id) {
            told.push(reply.item_id);
        }
    }
    told.sort();
    let mut ids: Vec<i64> = posted.iter().map(|item| item.id).collect();
    ids.sort();
    assert_eq!(told, ids, "each reply queued behind the hold is told");
    for id in ids {
        next_queued(&mut stream, |reply| {
            reply.item_id == id && reply.until_ms.is_none()
        })
        .await;
    }
    assert_eq!(
        app.emulator_calls(SEND).await,
        3,
        "sent after the hold, once each"
    );
}
