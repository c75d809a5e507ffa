use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{
    APP_KEY, OTHER_KEY, USERNAME, assertion, claims, error_code, start, start_default, test_config,
};

#[tokio::test]
async fn a_signed_assertion_gets_a_bearer_token_that_opens_the_api() {
    let org = start_default().await;
    let response = org.request_token(&assertion(&claims(), APP_KEY)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let answer: Value = response.json().await.unwrap();
    assert_eq!(answer["token_type"], "Bearer");
    assert_eq!(answer["instance_url"], org.emulator.base_url());
    let id = answer["id"].as_str().unwrap();
    assert!(
        id.starts_with("https://login.salesforce.com/id/00D"),
        "{id}"
    );
    assert!(answer["issued_at"].as_str().unwrap().parse::<i64>().is_ok());

    let token = answer["access_token"].as_str().unwrap();
    let with_token = org
        .client
        .get(org.url("/services/data/v62.0/query?q=SELECT+Id+FROM+Contact"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(with_token.status(), StatusCode::OK);

    let without = org
        .client
        .get(org.url("/services/data/v62.0/query?q=SELECT+Id+FROM+Contact"))
        .send()
        .await
        .unwrap();
    assert_eq!(without.status(), StatusCode::UNAUTHORIZED);
    let body: Value = without.json().await.unwrap();
    assert_eq!(
        body,
        json!([{"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID", "fields": []}])
    );
}

#[tokio::test]
async fn each_bad_assertion_is_refused_in_the_oauth_error_shape() {
    let org = start_default().await;
    let now = chrono::Utc::now().timestamp();
    let with = |field: &str, value: Value| {
        let mut claims = claims();
        claims[field] = value;
        claims
    };
    let cases = [
        (
            "a key the app does not know",
            assertion(&claims(), OTHER_KEY),
            "invalid_grant",
            "invalid assertion",
        ),
        (
            "a sandbox audience",
            assertion(&with("aud", json!("https://test.salesforce.com")), APP_KEY),
            "invalid_grant",
            "audience is invalid",
        ),
        (
            "an expired assertion",
            assertion(&with("exp", json!(now - 60)), APP_KEY),
            "invalid_grant",
            "expired authorization code",
        ),
        (
            "an expiry 10 minutes ahead",
            assertion(&with("exp", json!(now + 600)), APP_KEY),
            "invalid_grant",
            "expired authorization code",
        ),
        (
            "an unknown consumer key",
            assertion(&with("iss", json!("someone-else")), APP_KEY),
            "invalid_client_id",
            "client identifier invalid",
        ),
        (
            "an unknown user",
            assertion(&with("sub", json!("nobody@lumio.example")), APP_KEY),
            "invalid_grant",
            "user hasn't approved this consumer",
        ),
        (
            "not a JWT",
            "not-a-jwt".to_owned(),
            "invalid_grant",
            "invalid assertion",
        ),
    ];
    for (case, assertion, error, description) in cases {
        let response = org.request_token(&assertion).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{case}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(
            body,
            json!({"error": error, "error_description": description}),
            "{case}"
        );
    }

    let other_grant = org
        .client
        .post(org.url("/services/oauth2/token"))
        .form(&[("grant_type", "password"), ("username", USERNAME)])
        .send()
        .await
        .unwrap();
    assert_eq!(other_grant.status(), StatusCode::BAD_REQUEST);
    let body: Value = other_grant.json().await.unwrap();
    assert_eq!(body["error"], "unsupported_grant_type");
}

#[tokio::test]
async fn a_revoked_grant_ends_the_tokens_issued_before_and_refuses_new_ones() {
    let org = start_default().await;
    org.call(
        Method::GET,
        "/query?q=SELECT+Id+FROM+Contact",
        None,
        StatusCode::OK,
    )
    .await;

    let revoked = org
        .control(
            Method::POST,
            &format!("/grants/{USERNAME}/revoke"),
            json!({}),
        )
        .await;
    assert_eq!(revoked.status(), StatusCode::OK);
    assert_eq!(revoked.json::<Value>().await.unwrap()["sessions_ended"], 1);

    let old_token = org
        .call(
            Method::GET,
            "/query?q=SELECT+Id+FROM+Contact",
            None,
            StatusCode::UNAUTHORIZED,
        )
        .await;
    assert_eq!(error_code(&old_token), "INVALID_SESSION_ID");
    let again = org.request_token(&assertion(&claims(), APP_KEY)).await;
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        again.json::<Value>().await.unwrap()["error"],
        "invalid_grant"
    );

    let restored = org
        .control(
            Method::POST,
            &format!("/grants/{USERNAME}/restore"),
            json!({}),
        )
        .await;
    assert_eq!(restored.status(), StatusCode::OK);
    let after = org.request_token(&assertion(&claims(), APP_KEY)).await;
    assert_eq!(after.status(), StatusCode::OK);
    org.call(
        Method::GET,
        "/query?q=SELECT+Id+FROM+Contact",
        None,
        StatusCode::UNAUTHORIZED,
    )
    .await;
}

#[tokio::test]
async fn an_access_token_stops_working_when_its_lifetime_is_over() {
    let org = start(salesforce_emulator::Config {
        token_lifetime: Duration::from_secs(2),
        ..test_config()
    })
    .await;
    let query = "/query?q=SELECT+Id+FROM+Contact";
    let first = org.api(Method::GET, query).send().await.unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let status = org.api(Method::GET, query).send().await.unwrap().status();
        if status == StatusCode::UNAUTHORIZED {
            break;
        }
        assert_eq!(status, StatusCode::OK);
        assert!(
            Instant::now() < deadline,
            "the token still works after 10 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn the_token_endpoint_counts_the_tokens_it_granted_and_the_requests_it_refused() {
    let org = start_default().await;
    let counts = async || -> Value {
        let response = org.control(Method::GET, "/token-requests", json!({})).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    };
    assert_eq!(counts().await, json!({"granted": 1, "refused": 0}));

    org.request_token(&assertion(&claims(), APP_KEY)).await;
    org.request_token(&assertion(&claims(), OTHER_KEY)).await;
    org.request_token("not a jwt").await;
    assert_eq!(counts().await, json!({"granted": 2, "refused": 2}));
}
