//! Several backend instances on one PostgreSQL database, as behind a load balancer: live changes
//! reach a widget whichever instance it streams from, an agent's account is provisioned once
//! whichever instances their first replies reach, and when the instance reading Alcméon's history
//! dies another finishes it with no gap.

use std::time::Duration;

use protocol::Delivery;
use serde_json::json;

use crate::event_stream::{EventStream, wait_for_conversation};
use crate::helpers::{ALCMEON_SECRET, ORG_ID, Options, SESSION_SECRET, mint, spawn_app_with};

fn on_postgres() -> Options {
    Options {
        postgres: true,
        ..Options::default()
    }
}

#[tokio::test]
async fn a_reply_posted_to_one_instance_and_a_customer_message_reach_a_widget_streaming_from_another()
 {
    let app = spawn_app_with(on_postgres()).await;
    wait_for_conversation(&app, 1002).await;
    let other = app.start_instance().await;
    let other_url = format!("http://{}", other.addr);
    let (a, b) = (
        app.health().await["store"].clone(),
        app.health_at(&other_url).await["store"].clone(),
    );
    assert_eq!(
        (&a["database"], &b["database"]),
        (&json!("postgresql"), &json!("postgresql"))
    );
    assert_ne!(
        a["instance"], b["instance"],
        "each instance tells which it is"
    );
    let mut stream = EventStream::open_on(&app, &other_url, &app.session_token(), 1002, None).await;

    let response = app.post_reply(1002, "across-1", "Sent through A").await;
    assert_eq!(response.status(), 201);
    let deliveries = stream
        .deliveries_until_sent("across-1", "the reply reaches the other instance's stream")
        .await;
    assert_eq!(deliveries.first(), Some(&Delivery::Sending));

    app.customer_writes(1002, "Seen from B?").await;
    loop {
        let (_, item) = stream
            .next_item(Duration::from_secs(20))
            .await
            .expect("the customer's message reaches the other instance's stream");
        if item.text == "Seen from B?" {
            break;
        }
    }
}

#[tokio::test]
async fn an_agents_first_replies_on_two_instances_at_once_provision_one_account() {
    let app = spawn_app_with(on_postgres()).await;
    app.replica_ready().await;
    let other = app.start_instance().await;
    let instances = [app.url(""), format!("http://{}", other.addr)];
    let post = |agent: usize, instance: usize| {
        let http = app.http.clone();
        let token = mint(
            SESSION_SECRET,
            json!({"org": ORG_ID, "aud": app.audience(), "email": format!("new.agent{agent}@example.com"),
                   "name": format!("Agent {agent}"), "perms": {"reply": true, "moderate": false}}),
        );
        let url = format!("{}/v1/conversations/1001/replies", instances[instance]);
        async move {
            let client_id = format!("agent-{agent}-on-{instance}");
            let response = http
                .post(url)
                .bearer_auth(token)
                .json(&json!({"client_id": client_id, "text": client_id}))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 201, "{client_id}");
            client_id
        }
    };
    const AGENTS: usize = 6;
    let posts = (0..AGENTS).flat_map(|agent| [post(agent, 0), post(agent, 1)]);
    let client_ids = futures_util::future::join_all(posts).await;
    for client_id in &client_ids {
        app.wait_for_reply(1001, client_id, |d| *d == Delivery::Sent)
            .await;
    }
    assert_eq!(
        app.emulator_calls("POST /accounts").await,
        AGENTS as u64,
        "one account per agent, whichever instance provisioned it"
    );
}

#[tokio::test]
async fn when_the_instance_reading_alcmeons_history_dies_another_finishes_it_with_no_gap() {
    let mut app = spawn_app_with(Options {
        postgres: true,
        bulk: Some((600, 20)),
        // Slow enough for the history to take several seconds.
        backend_rate_limit: 240,
        ..Options::default()
    })
    .await;
    let highest = app.emulator_highest_action_id().await;
    // Reading the emulator's actions, as the test just did, is counted too.
    let calls_before = app.emulator_calls("GET /actions").await;
    let started = std::time::Instant::now();
    while app.store().actions_read_through().await.unwrap() == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the backfill starts"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let other = app
        .start_instance_with(|config| config.sync_interval = Duration::from_millis(500))
        .await;
    let read_by_the_first = app.store().actions_read_through().await.unwrap();
    assert!(read_by_the_first < highest, "killed mid-backfill");
    app.stop_backend();

    let started = std::time::Instant::now();
    loop {
        let read_through = other.store.actions_read_through().await.unwrap();
        if read_through >= highest {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(90),
            "the other instance finishes the history: read through {read_through} of {highest}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let history_reads = app.emulator_calls("GET /actions").await - calls_before;
    assert_eq!(other.store.latest_action_id().await.unwrap(), highest);
    assert_eq!(
        other.store.action_count().await.unwrap(),
        app.emulator_actions().await.len() as i64,
        "every action of Alcméon's history, each once"
    );
    let pages = app.emulator_actions().await.len() as u64 / 10 + 1;
    assert!(
        history_reads <= pages + 2,
        "one instance at a time read the history: {history_reads} reads for {pages} pages"
    );
}

#[tokio::test]
async fn a_gap_seen_by_the_instance_that_does_not_backfill_is_read_at_once_by_the_one_that_does() {
    // The first instance holds the backfill; every instance's timer is an hour away.
    let app = spawn_app_with(on_postgres()).await;
    app.replica_ready().await;
    let other = app.start_instance().await;
    let other_url = format!("http://{}", other.addr);
    // Messages Alcméon holds and never notified: only a backfill reads them.
    let unnotified = app
        .emulator_control(
            "/conversations",
            json!({"channel": "whatsapp", "customer_name": "Never notified", "messages": 3, "notify": false}),
        )
        .await;
    assert!(unnotified["conversation_id"].is_i64(), "{unnotified}");
    let highest = app.emulator_highest_action_id().await;

    // A webhook whose notification id leaves a gap reaches the instance that does not backfill.
    let body = json!({ "id": 1_000_000, "action": {
        "id": 1_000_000, "type": "task-create", "date": "2026-11-24", "time": "08:00:00",
        "account": { "id": 201, "name": "Lumio", "type": "whatsapp" },
        "task": { "conversation_id": 1001, "message": { "content": "after a gap", "date": "2026-11-24",
            "time": "08:00:00", "author": { "name": "Amélie Dubois" } } }
    }})
    .to_string();
    let signature = backend::alcmeon::sign(ALCMEON_SECRET, "/webhooks/alcmeon", body.as_bytes());
    let response = app
        .http
        .post(format!("{other_url}/webhooks/alcmeon"))
        .header("X-Alcmeon-Webhook-Signature", signature)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);

    app.wait_for_replica("actions_read_through", highest).await;
}

#[tokio::test]
async fn instances_share_alcmeons_limit_and_the_survivor_takes_it_all_back() {
    let app = spawn_app_with(on_postgres()).await;
    let whole = app.health().await["alcmeon"]["calls_per_minute"].clone();
    assert_eq!(whole, json!(1000), "alone, an instance has the whole limit");
    let other = app.start_instance().await;
    let other_url = format!("http://{}", other.addr);
    app.wait_for_health(|health| health["alcmeon"]["calls_per_minute"] == json!(500))
        .await;
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let health = app.health_at(&other_url).await;
        if health["alcmeon"]["calls_per_minute"] == json!(500) {
            assert_eq!(health["store"]["instances"], json!(2));
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the other instance keeps {health}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    drop(other);
    app.wait_for_health(|health| {
        health["alcmeon"]["calls_per_minute"] == json!(1000)
            && health["store"]["instances"] == json!(1)
    })
    .await;
}
