//! A conversation the replica has never seen opens at once: fetched from Alcméon in one call
//! (however many widgets ask), a 429 waited out, and a new replica that starts at the newest
//! action of a large environment instead of action 0.

use std::time::{Duration, Instant};

use backend::ReplicaStart;
use chrono::NaiveDate;
use serde_json::Value;

use crate::helpers::{ALCMEON_SECRET, INSTANCE_ID, Options, TestApp, spawn_app_with};

const CONVERSATION_CALL: &str = "GET /actions/conversations/{conversation_id}";
const ACTIONS_CALL: &str = "GET /actions";
/// A generated conversation of the million-action history (from 1008 to 51007).
const UNSEEN: i64 = 30_000;

/// A million actions over 50,000 conversations; the replica starts at the newest.
fn big_environment() -> Options {
    Options {
        replica_start: ReplicaStart::Newest,
        bulk: Some((1_000_000, 50_000)),
        ..Options::default()
    }
}

async fn started_after(app: &TestApp) -> i64 {
    app.wait_for_health(|health| health["replica"]["started_after"].is_i64())
        .await;
    app.health().await["replica"]["started_after"]
        .as_i64()
        .unwrap()
}

async fn emulator_latest_action(app: &TestApp) -> i64 {
    app.emulator_get("/health").await["latest_action_id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn a_new_replica_starts_at_the_newest_of_a_million_actions_in_a_few_calls() {
    let app = spawn_app_with(big_environment()).await;
    let newest = emulator_latest_action(&app).await;
    assert!(newest > 1_000_000);
    assert_eq!(started_after(&app).await, newest, "not action 0");
    let calls = app.emulator_calls(ACTIONS_CALL).await;
    println!("the newest of {newest} actions was found in {calls} calls of GET /actions");
    assert!(calls <= 30, "{calls} calls");
    assert_eq!(
        app.health().await["replica"]["latest_action_id"],
        0,
        "no history was read"
    );
}

#[tokio::test]
async fn an_unseen_conversation_opens_after_exactly_one_alcmeon_call() {
    let app = spawn_app_with(big_environment()).await;
    started_after(&app).await;
    assert_eq!(app.emulator_calls(CONVERSATION_CALL).await, 0);

    let first = app.thread_page(UNSEEN, "").await;
    assert_eq!(
        first.status(),
        202,
        "the widget is told it is being fetched"
    );
    let (response, _) = app.open_thread(UNSEEN).await;
    assert_eq!(response.status(), 200);
    let page: protocol::ThreadPage = response.json().await.unwrap();
    assert_eq!(page.items.len(), 20, "the whole history: 20 messages");
    assert_eq!(
        page.items[0].text,
        format!("Message 1 in conversation {UNSEEN}")
    );
    assert!(!page.has_older);
    assert_eq!(app.emulator_calls(CONVERSATION_CALL).await, 1);

    // Fetched once: every later open, and the live stream, come from the replica.
    assert_eq!(app.page(UNSEEN).await.items.len(), 20);
    let stream = app
        .http
        .get(app.url(&format!("/v1/conversations/{UNSEEN}/events")))
        .bearer_auth(app.token_for(UNSEEN))
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), 200);
    drop(stream);
    let written = app.customer_writes(UNSEEN, "Still there?").await;
    let item = app.wait_for_item(UNSEEN, |item| item.id == written).await;
    assert_eq!(item.text, "Still there?");
    assert_eq!(app.emulator_calls(CONVERSATION_CALL).await, 1);
}

#[tokio::test]
async fn two_widgets_opening_the_same_unseen_conversation_cause_one_call() {
    let app = spawn_app_with(big_environment()).await;
    started_after(&app).await;
    let (one, two) = tokio::join!(app.open_thread(UNSEEN), app.open_thread(UNSEEN));
    assert_eq!(
        (one.0.status().as_u16(), two.0.status().as_u16()),
        (200, 200)
    );
    assert_eq!(app.emulator_calls(CONVERSATION_CALL).await, 1);
}

#[tokio::test]
async fn a_conversation_alcmeon_does_not_know_is_not_found_after_one_call() {
    let app = spawn_app_with(big_environment()).await;
    started_after(&app).await;
    let (response, _) = app.open_thread(99_999_999).await;
    assert_eq!(response.status(), 404);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], "not_found");
    assert_eq!(app.emulator_calls(CONVERSATION_CALL).await, 1);
}

#[tokio::test]
async fn a_429_window_is_waited_out_and_the_thread_still_arrives() {
    // Alcméon allows 2 calls per 3 s here; the backend's own budget would allow far more, so
    // its fetch meets Alcméon's 429.
    let app = spawn_app_with(Options {
        replica_start: ReplicaStart::AfterAction(1_000),
        emulator_rate_limit: 2,
        emulator_rate_window: Duration::from_secs(3),
        ..Options::default()
    })
    .await;
    started_after(&app).await;
    app.wait_for_emulator_calls(ACTIONS_CALL, 1).await;
    let spend = || async {
        app.http
            .get(format!(
                "{}/actions?min_action_id=0",
                app.emulator.base_url()
            ))
            .basic_auth(INSTANCE_ID, Some(ALCMEON_SECRET))
            .send()
            .await
            .unwrap()
            .status()
    };
    while spend().await != 429 {}

    let started = Instant::now();
    let (response, fetching) = app.open_thread(1003).await;
    assert_eq!(response.status(), 200, "never shown as a failure");
    let page: protocol::ThreadPage = response.json().await.unwrap();
    assert_eq!(page.conversation.id, 1003);
    assert!(fetching >= 1);
    assert_eq!(
        app.emulator_calls(CONVERSATION_CALL).await,
        2,
        "a refused call, then the one that brought the thread"
    );
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[tokio::test]
async fn a_replica_configured_from_a_date_starts_at_that_days_first_action() {
    let days_ago_3 = chrono::Utc::now().date_naive() - chrono::Days::new(3);
    let app = spawn_app_with(Options {
        replica_start: ReplicaStart::Since(days_ago_3),
        ..Options::default()
    })
    .await;
    let actions = app.emulator_actions().await;
    let date = |a: &Value| NaiveDate::parse_from_str(a["date"].as_str().unwrap(), "%Y-%m-%d");
    let first_recent = actions
        .iter()
        .find(|a| date(a).unwrap() >= days_ago_3)
        .map(|a| a["id"].as_i64().unwrap())
        .unwrap();
    assert!(first_recent > 1, "the demo history is older than that");
    assert_eq!(started_after(&app).await, first_recent - 1);
}

/// The figure in the README: with Alcméon's default limit (15 calls a minute) and the backend's
/// default budget, opening an unseen conversation of the million-action environment while a new
/// replica's search for the newest action has spent the budget's burst (the worst moment).
#[tokio::test]
async fn measured_with_the_default_rate_limit_an_unseen_conversation_opens_in_seconds() {
    let app = spawn_app_with(Options {
        emulator_rate_limit: 15,
        backend_rate_limit: 15,
        ..big_environment()
    })
    .await;
    app.wait_for_emulator_calls(ACTIONS_CALL, 5).await;
    let started = Instant::now();
    let (response, fetching) = app.open_thread(UNSEEN).await;
    let elapsed = started.elapsed();
    assert_eq!(response.status(), 200);
    let calls = app.emulator_calls(CONVERSATION_CALL).await;
    println!(
        "unseen conversation in a 1M-action environment: {calls} Alcméon call, thread in {elapsed:?} ({fetching} answers 202 first)"
    );
    assert_eq!(calls, 1);
    assert!(elapsed < Duration::from_secs(15), "{elapsed:?}");
}
