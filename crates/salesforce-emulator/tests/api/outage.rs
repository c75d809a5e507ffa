use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{APP_KEY, assertion, claims, error_code, start_default};

#[tokio::test]
async fn during_an_outage_salesforce_answers_503_then_serves_again() {
    let org = start_default().await;
    let query = "/query?q=SELECT+Id+FROM+Contact";
    let started = org
        .control(Method::POST, "/outage", json!({"seconds": 60}))
        .await;
    assert_eq!(started.status(), StatusCode::OK);

    let down = org.api(Method::GET, query).send().await.unwrap();
    assert_eq!(down.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        error_code(&down.json::<Value>().await.unwrap()),
        "SERVER_UNAVAILABLE"
    );
    let token = org.request_token(&assertion(&claims(), APP_KEY)).await;
    assert_eq!(token.status(), StatusCode::SERVICE_UNAVAILABLE);
    let health = org.control(Method::GET, "/health", json!(null)).await;
    assert_eq!(
        health.status(),
        StatusCode::OK,
        "controls answer during an outage"
    );

    org.control(Method::POST, "/outage", json!({"seconds": 0}))
        .await;
    assert_eq!(
        org.api(Method::GET, query).send().await.unwrap().status(),
        StatusCode::OK
    );

    org.control(Method::POST, "/outage", json!({"seconds": 1}))
        .await;
    assert_eq!(
        org.api(Method::GET, query).send().await.unwrap().status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while org.api(Method::GET, query).send().await.unwrap().status() != StatusCode::OK {
        assert!(
            Instant::now() < deadline,
            "the one-second outage never ended"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
