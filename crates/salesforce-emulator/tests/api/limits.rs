use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{start, start_default, test_config};

fn usage(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("Sforce-Limit-Info")
        .expect("every REST API answer carries Sforce-Limit-Info")
        .to_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn every_answer_carries_the_usage_header_and_each_call_counts() {
    let org = start_default().await;
    let first = org
        .api(Method::GET, "/query?q=SELECT+Id+FROM+Contact")
        .send()
        .await
        .unwrap();
    assert_eq!(usage(&first), "api-usage=1/15000");
    let refused = org
        .api(Method::GET, "/sobjects/Contact/0035g0000000zzz")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    assert_eq!(usage(&refused), "api-usage=2/15000");
    let no_session = org
        .client
        .get(org.url("/services/data/v58.0/query?q=SELECT+Id+FROM+Contact"))
        .send()
        .await
        .unwrap();
    assert_eq!(no_session.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        usage(&no_session),
        "api-usage=2/15000",
        "a call without a session is not counted"
    );
    let usage_control = org.control(Method::GET, "/api-usage", json!(null)).await;
    assert_eq!(
        usage_control.json::<Value>().await.unwrap(),
        json!({"used": 2, "limit": 15000})
    );
}

#[tokio::test]
async fn past_the_daily_limit_calls_are_refused_until_the_usage_is_reset() {
    let org = start(salesforce_emulator::Config {
        daily_api_limit: 3,
        ..test_config()
    })
    .await;
    let query = "/query?q=SELECT+Id+FROM+Contact";
    for n in 1..=3 {
        let response = org.api(Method::GET, query).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(usage(&response), format!("api-usage={n}/3"));
    }
    let refused = org.api(Method::GET, query).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(usage(&refused), "api-usage=3/3");
    let body: Value = refused.json().await.unwrap();
    assert_eq!(
        body,
        json!([{"message": "TotalRequests Limit exceeded.", "errorCode": "REQUEST_LIMIT_EXCEEDED", "fields": []}])
    );

    let reset = org
        .control(Method::PUT, "/api-usage", json!({"used": 0}))
        .await;
    assert_eq!(reset.status(), StatusCode::OK);
    let again = org.api(Method::GET, query).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(usage(&again), "api-usage=1/3");
}
