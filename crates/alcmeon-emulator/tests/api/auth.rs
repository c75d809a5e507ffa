use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{INSTANCE_ID, SECRET, start_default};

#[tokio::test]
async fn a_call_without_credentials_is_refused_with_the_error_shape() {
    let app = start_default().await;
    let response = app
        .client
        .get(app.url("/actions?min_action_id=0"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let body: Value = response.json().await.unwrap();
    assert!(
        body["error"].is_string() && body["details"].is_string(),
        "{body}"
    );
}

#[tokio::test]
async fn a_wrong_secret_is_refused() {
    let app = start_default().await;
    let response = app
        .client
        .get(app.url("/actions?min_action_id=0"))
        .basic_auth(INSTANCE_ID, Some("not-the-secret"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn basic_credentials_are_accepted() {
    let app = start_default().await;
    let response = app.get("/actions?min_action_id=0").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_bearer_token_from_the_token_endpoint_is_accepted() {
    let app = start_default().await;
    let response = app
        .client
        .post(app.url("/v1/oauth2/token"))
        .json(&json!({"grant_type": "client_credentials", "client_id": INSTANCE_ID, "client_secret": SECRET}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let token: Value = response.json().await.unwrap();
    assert_eq!(token["token_type"], "Bearer");
    assert_eq!(token["expires_in"], 3600);
    let access_token = token["access_token"].as_str().unwrap();

    let response = app
        .client
        .get(app.url("/actions/conversations/1001"))
        .bearer_auth(access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);

    let forged = format!("{access_token}x");
    let response = app
        .client
        .get(app.url("/actions/conversations/1001"))
        .bearer_auth(forged)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_token_endpoint_refuses_bad_secrets_and_grant_types() {
    let app = start_default().await;
    let ask = |body: Value| {
        app.client
            .post(app.url("/v1/oauth2/token"))
            .json(&body)
            .send()
    };

    let response = ask(
        json!({"grant_type": "client_credentials", "client_id": INSTANCE_ID, "client_secret": "x"}),
    )
    .await
    .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);

    let response =
        ask(json!({"grant_type": "password", "client_id": INSTANCE_ID, "client_secret": SECRET}))
            .await
            .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    let response = ask(json!({"grant_type": "client_credentials", "client_id": INSTANCE_ID}))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.unwrap();
    assert!(
        body["details"].as_str().unwrap().contains("client_secret"),
        "{body}"
    );
}
