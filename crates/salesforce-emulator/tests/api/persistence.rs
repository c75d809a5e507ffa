use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{APP_KEY, USERNAME, assertion, claims, start, test_config};

#[tokio::test]
async fn records_tokens_grants_and_usage_survive_a_restart() {
    let folder = tempfile::tempdir().unwrap();
    let config = salesforce_emulator::Config {
        state_path: Some(folder.path().join("org.json")),
        usernames: vec![USERNAME.to_owned(), "second@lumio.example".to_owned()],
        ..test_config()
    };
    let first = start(config.clone()).await;
    let contact = first.create("Contact", json!({"LastName": "Moreau"})).await;
    first
        .call(
            Method::PATCH,
            "/sobjects/alcmeon__Conversation__c/alcmeon__scoped_id__c/a:b:c:d",
            Some(json!({"alcmeon__Contact__c": contact})),
            StatusCode::CREATED,
        )
        .await;
    first
        .control(
            Method::POST,
            "/grants/second@lumio.example/revoke",
            json!({}),
        )
        .await;
    let conversations_before = first.records("alcmeon__Conversation__c").await;
    let token = first.token.clone();
    drop(first);

    let mut second = start(config).await;
    let usage_after_restart_login = second.control(Method::GET, "/api-usage", json!(null)).await;
    assert_eq!(
        usage_after_restart_login.json::<Value>().await.unwrap()["used"],
        2
    );
    second.token = token;
    let read = second
        .call(
            Method::GET,
            &format!("/sobjects/Contact/{contact}"),
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!(
        read["LastName"], "Moreau",
        "the token issued before the restart still works"
    );
    assert_eq!(
        second.records("alcmeon__Conversation__c").await,
        conversations_before
    );
    let mut claims = claims();
    claims["sub"] = json!("second@lumio.example");
    let revoked = second.request_token(&assertion(&claims, APP_KEY)).await;
    assert_eq!(
        revoked.status(),
        StatusCode::BAD_REQUEST,
        "the revocation outlived the restart"
    );

    let next = second
        .create("Contact", json!({"LastName": "Fontaine"}))
        .await;
    assert!(
        next > contact,
        "ids go on after the restart: {next} after {contact}"
    );
    let upserted = second
        .call(
            Method::PATCH,
            "/sobjects/alcmeon__Conversation__c/alcmeon__scoped_id__c/a:b:c:d",
            Some(json!({"alcmeon__Status__c": "CLOSED"})),
            StatusCode::OK,
        )
        .await;
    assert_eq!(
        upserted["created"], false,
        "the restarted org finds it by its scoped id"
    );
}

#[tokio::test]
async fn a_missing_state_file_starts_from_the_demo_contacts_and_creates_the_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("fresh.json");
    let org = start(salesforce_emulator::Config {
        state_path: Some(path.clone()),
        ..test_config()
    })
    .await;
    assert!(path.exists());
    let contacts = org.records("Contact").await;
    assert_eq!(contacts.len(), salesforce_emulator::DEMO_CONTACTS.len());
    assert_eq!(contacts[0]["Name"], "Amélie Dubois");
    assert_eq!(contacts[0]["MobilePhone"], "+33611223344");
}
