use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{start, test_config};

#[tokio::test]
async fn the_call_over_the_limit_gets_429_with_a_python_dict_string() {
    let app = start(alcmeon_emulator::Config {
        rate_limit_per_minute: 3,
        ..test_config()
    })
    .await;
    for _ in 0..3 {
        assert_eq!(
            app.get("/actions?min_action_id=0")
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::OK
        );
    }
    let response = app.get("/actions/conversations/1001").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);

    let body: Value = response.json().await.unwrap();
    let object = body.as_object().unwrap();
    assert_eq!(object.len(), 2, "{body}");
    assert_eq!(body["error"], "Rate limit reached");
    let details = body["details"].as_str().unwrap();
    let until = details
        .strip_prefix("{'rate_limited_until': '")
        .and_then(|rest| rest.strip_suffix("'}"))
        .unwrap_or_else(|| panic!("unexpected details {details:?}"));
    assert!(
        until.ends_with('Z') && until.len() == "2024-01-22T13:05:41Z".len(),
        "{until}"
    );
    let until: DateTime<Utc> = until.parse().unwrap();
    assert!(until > Utc::now());
    assert!(until <= Utc::now() + chrono::TimeDelta::seconds(61));
}

#[tokio::test]
async fn refused_credentials_and_control_calls_do_not_use_the_budget() {
    let app = start(alcmeon_emulator::Config {
        rate_limit_per_minute: 1,
        ..test_config()
    })
    .await;
    for _ in 0..3 {
        let response = app
            .client
            .get(app.url("/actions?min_action_id=0"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        app.inject(1001, "hello").await;
    }
    assert_eq!(
        app.get("/actions?min_action_id=0")
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        app.get("/actions?min_action_id=0")
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::TOO_MANY_REQUESTS
    );
}
