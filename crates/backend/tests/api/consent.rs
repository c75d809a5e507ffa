//! The consent replica against the emulator's seeded opt-in list 1501: what it answers for the
//! three seeded customers, when it reads Alcméon again, how many calls a read spends, and that a
//! 429 in the middle of a read is waited out.

use std::time::Duration;

use protocol::ConsentState;
use serde_json::{Value, json};

use crate::helpers::{ALCMEON_SECRET, INSTANCE_ID, Options, TestApp, spawn_app_with};

const LIST: i64 = 1501;
const OPTINS_CALL: &str = "GET /v1/optins/{optin_id}/user-optins";
const OPTOUTS_CALL: &str = "GET /v1/optins/{optin_id}/user-optouts";
const CAMILLE: &str = "+33 6 12 34 56 78";
const AMELIE: &str = "33611223344";
const HUGO: &str = "0033698765432";
const FRESH: Duration = Duration::from_secs(3600);

/// Waits for the start-up read of the list and returns when it started.
async fn first_read(app: &TestApp) -> i64 {
    app.wait_for_health(|h| h["consent"]["lists"][0]["refreshed_at_ms"].is_i64())
        .await;
    let health = app.health().await;
    assert_eq!(health["consent"]["lists"][0]["list_id"], LIST);
    health["consent"]["lists"][0]["refreshed_at_ms"]
        .as_i64()
        .unwrap()
}

async fn consent(app: &TestApp, phone: &str, max_age: Duration) -> ConsentState {
    app.consent()
        .consent_within(phone, LIST, max_age)
        .await
        .unwrap()
}

/// Calls Alcméon's opt-in API as another application of the environment would.
async fn alcmeon(app: &TestApp, path: &str, body: Value) -> reqwest::StatusCode {
    let response = app
        .http
        .post(format!("{}{path}", app.emulator.base_url()))
        .basic_auth(INSTANCE_ID, Some(ALCMEON_SECRET))
        .json(&body)
        .send()
        .await
        .unwrap();
    response.status()
}

/// The emulator's seeded list as the environment's opt-in list.
fn with_list() -> Options {
    Options {
        optin_list_ids: vec![LIST],
        ..Options::default()
    }
}

#[tokio::test]
async fn the_seeded_customers_read_opted_in_opted_in_and_opted_out_from_one_read() {
    let app = spawn_app_with(with_list()).await;
    first_read(&app).await;
    assert!(matches!(
        consent(&app, CAMILLE, FRESH).await,
        ConsentState::OptedIn { .. }
    ));
    assert!(matches!(
        consent(&app, AMELIE, FRESH).await,
        ConsentState::OptedIn { .. }
    ));
    let ConsentState::OptedOut { since_ms } = consent(&app, HUGO, FRESH).await else {
        panic!("Hugo Bernard opted out");
    };
    let three_days_ago = chrono::Utc::now().timestamp_millis() - 3 * 24 * 3600 * 1000;
    assert!((since_ms - three_days_ago).abs() < 60_000, "{since_ms}");
    assert_eq!(
        consent(&app, "+44 7700 900123", FRESH).await,
        ConsentState::NoOptIn
    );
    assert_eq!(
        (
            app.emulator_calls(OPTINS_CALL).await,
            app.emulator_calls(OPTOUTS_CALL).await
        ),
        (1, 1),
        "one page of each at start-up, none for questions on a fresh replica"
    );
    let unknown = app.consent().consent_within(CAMILLE, 1502, FRESH).await;
    assert!(
        unknown
            .unwrap_err()
            .to_string()
            .contains("ALCMEON_OPTIN_LIST_IDS")
    );
    let invalid = app
        .consent()
        .consent_within("06 12 34 56 78", LIST, FRESH)
        .await;
    assert!(
        invalid
            .unwrap_err()
            .to_string()
            .contains("not a phone number")
    );
}

#[tokio::test]
async fn an_opt_out_after_the_read_is_seen_once_the_replica_is_older_than_the_bound() {
    let app = spawn_app_with(with_list()).await;
    let first = first_read(&app).await;
    let body = json!({"account_id": 201, "user_phone_numbers": ["+33612345678"]});
    assert_eq!(alcmeon(&app, "/v1/optins/1501/optout", body).await, 200);
    assert!(
        matches!(
            consent(&app, CAMILLE, FRESH).await,
            ConsentState::OptedIn { .. }
        ),
        "a replica younger than the bound answers without reading Alcméon"
    );
    assert!(matches!(
        consent(&app, CAMILLE, Duration::ZERO).await,
        ConsentState::OptedOut { .. }
    ));
    assert_eq!(app.emulator_calls(OPTINS_CALL).await, 2);
    let refreshed = app.health().await["consent"]["lists"][0]["refreshed_at_ms"].as_i64();
    assert!(refreshed.unwrap() > first, "/health reports the new read");
}

#[tokio::test]
async fn a_list_longer_than_a_page_is_read_page_after_page() {
    let app = spawn_app_with(with_list()).await;
    first_read(&app).await;
    let numbers: Vec<String> = (0..1000).map(|n| format!("3370000{n:04}")).collect();
    let body = json!({"account_id": 201, "user_phone_numbers": numbers});
    assert_eq!(
        alcmeon(&app, "/v1/optins/1501/user-optins", body).await,
        200
    );
    assert!(matches!(
        consent(&app, "+33700000999", Duration::ZERO).await,
        ConsentState::OptedIn { .. }
    ));
    assert!(matches!(
        consent(&app, CAMILLE, FRESH).await,
        ConsentState::OptedIn { .. }
    ));
    assert_eq!(
        app.emulator_calls(OPTINS_CALL).await,
        1 + 2,
        "1003 opt-ins are two pages of 1000"
    );
    assert_eq!(app.emulator_calls(OPTOUTS_CALL).await, 2);
}

#[tokio::test]
async fn a_429_during_the_read_is_waited_out() {
    // Alcméon allows 6 calls per 3 s here, more than the backend's start-up spends (one page of
    // actions, one of opt-ins, one of opt-outs), so the backend holds no 429 of its own when the
    // test spends the rest; its own budget would allow far more.
    let app = spawn_app_with(Options {
        replica_start: backend::ReplicaStart::AfterAction(1_000),
        emulator_rate_limit: 6,
        emulator_rate_window: Duration::from_secs(3),
        ..with_list()
    })
    .await;
    first_read(&app).await;
    app.wait_for_emulator_calls("GET /actions", 1).await;
    let before = app.emulator_calls(OPTINS_CALL).await;
    // Hugo Bernard's opt-out again: changes nothing, spends Alcméon's window.
    let body = json!({"account_id": 201, "user_phone_numbers": [HUGO]});
    while alcmeon(&app, "/v1/optins/1501/optout", body.clone()).await != 429 {}
    assert!(
        matches!(
            consent(&app, HUGO, Duration::ZERO).await,
            ConsentState::OptedOut { .. }
        ),
        "read again, never an error"
    );
    assert_eq!(
        app.emulator_calls(OPTINS_CALL).await - before,
        2,
        "a refused call, then the page"
    );
}
