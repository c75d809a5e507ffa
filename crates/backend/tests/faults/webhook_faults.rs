//! Alcméon's webhooks as an unreliable sender delivers them: 5 % never sent, 1 % sent twice. Every
//! action still reaches the replica (a gap in notification ids wakes the backfill), each once, on
//! one SQLite instance and on PostgreSQL. `FAULTS=full` sends 10,000 customer messages; by
//! default 1,000.

use std::time::{Duration, Instant};

use crate::helpers::{Options, spawn_app_with};
use crate::scale;

fn messages() -> usize {
    scale::pick(1_000, 10_000)
}

async fn every_action_arrives_once(postgres: bool) {
    let app = spawn_app_with(Options {
        postgres,
        webhook_drop_percent: 5,
        webhook_duplicate_percent: 1,
        // The backend's budget for a busy environment; the emulator's own limit is out of the way
        // of the test's reads of every action.
        emulator_rate_limit: 100_000,
        backend_rate_limit: 600,
        ..Options::default()
    })
    .await;
    app.replica_ready().await;
    let messages = messages();
    let started = Instant::now();
    let mut last = 0;
    for n in 0..messages {
        let conversation = 1001 + (n % 7) as i64;
        last = app
            .customer_writes(conversation, &format!("fault {n}"))
            .await;
    }
    let written = started.elapsed();
    // One more message after the burst: its notification exposes any gap before it.
    last = last.max(app.customer_writes(1001, "the last one").await);
    let deadline = Instant::now() + Duration::from_secs(600);
    while app.store().actions_read_through().await.unwrap() < last
        && app.store().latest_action_id().await.unwrap() < last
    {
        assert!(Instant::now() < deadline, "the replica catches up");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Before the test reads every action itself through the same endpoint.
    let backfill_reads = app.emulator_calls("GET /actions").await;
    let emulator_actions = app.emulator_actions().await.len() as i64;
    let deadline = Instant::now() + Duration::from_secs(600);
    while app.store().action_count().await.unwrap() < emulator_actions {
        assert!(
            Instant::now() < deadline,
            "{} of {emulator_actions} actions in the replica",
            app.store().action_count().await.unwrap()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        app.store().action_count().await.unwrap(),
        emulator_actions,
        "every action, each once"
    );
    let webhooks = app.emulator_get("/health").await["webhooks"].clone();
    assert!(webhooks["dropped"].as_u64().unwrap() >= messages as u64 / 20);
    assert!(webhooks["duplicated"].as_u64().unwrap() >= messages as u64 / 100);
    println!(
        "webhook faults ({}, {}): {messages} messages written in {:.1} s, {} webhooks dropped, {} sent twice, {} not acknowledged within Alcméon's 1 s; \
         replica whole {:.1} s after the last write, {} reads of the history (the replica's start included)",
        if postgres { "PostgreSQL" } else { "SQLite" },
        scale::name(),
        written.as_secs_f64(),
        webhooks["dropped"],
        webhooks["duplicated"],
        webhooks["failed"],
        (started.elapsed() - written).as_secs_f64(),
        backfill_reads,
    );
}

#[tokio::test]
async fn with_webhooks_dropped_and_duplicated_every_action_arrives_once() {
    every_action_arrives_once(false).await;
}

#[tokio::test]
async fn on_postgres_with_webhooks_dropped_and_duplicated_every_action_arrives_once() {
    every_action_arrives_once(true).await;
}
