//! User provisioning (user.yaml): creating, finding, updating and reactivating accounts.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestEmulator, latest_task_id, start_default};

async fn create(app: &TestEmulator, email: &str) -> reqwest::Response {
    app.post("/accounts")
        .json(&json!({"email": email, "name": "Léa Martin"}))
        .send()
        .await
        .unwrap()
}

async fn update(app: &TestEmulator, account_id: u64, body: Value) -> reqwest::Response {
    app.post(&format!("/accounts/{account_id}"))
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn details(app: &TestEmulator, account_id: u64) -> Value {
    let all: Value = app
        .client
        .get(app.url("/_emulator/accounts"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    all.as_array()
        .unwrap()
        .iter()
        .find(|account| account["id"] == account_id)
        .cloned()
        .unwrap()
}

#[tokio::test]
async fn a_new_account_then_the_same_email_in_another_case_is_refused() {
    let app = start_default().await;
    let response = create(&app, "lea.martin@example.com").await;
    assert_eq!(response.status(), StatusCode::OK);
    let account: Value = response.json().await.unwrap();
    assert_eq!(account["email"], "lea.martin@example.com");
    assert_eq!(account["name"], "Léa Martin");
    let id = account["id"].as_u64().unwrap();
    assert_eq!(
        details(&app, id).await,
        json!({"id": id, "email": "lea.martin@example.com", "name": "Léa Martin",
               "roles": [], "teams": [], "is_active": true})
    );

    let again = create(&app, "Lea.Martin@Example.com").await;
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    let error: Value = again.json().await.unwrap();
    assert_eq!(error["error"]["reason"], "account-already-exists");
}

#[tokio::test]
async fn accounts_are_listed_by_active_flag_which_is_required() {
    let app = start_default().await;
    let active = app.get_json("/accounts?is_active=true").await;
    let emails: Vec<&str> = active
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["email"].as_str().unwrap())
        .collect();
    assert_eq!(
        emails,
        [
            "sophie.laurent@example.com",
            "karim.benali@example.com",
            "emma.schmidt@example.com"
        ]
    );
    let inactive = app.get_json("/accounts?is_active=false").await;
    assert_eq!(
        inactive,
        json!([{"id": 14, "email": "lucas.martin@example.com", "name": "Lucas Martin"}])
    );
    for query in ["", "?is_active=maybe"] {
        let response = app.get(&format!("/accounts{query}")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
        let error: Value = response.json().await.unwrap();
        assert!(error["error"]["reason"].is_string());
    }
}

#[tokio::test]
async fn an_update_replaces_roles_and_teams_and_reactivates() {
    let app = start_default().await;
    let response = update(
        &app,
        14,
        json!({"roles": [801, 802], "teams": [901], "is_active": true}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.bytes().await.unwrap().len(), 0, "no body");
    let lucas = details(&app, 14).await;
    assert_eq!(
        (&lucas["roles"], &lucas["teams"], &lucas["is_active"]),
        (&json!([801, 802]), &json!([901]), &json!(true))
    );
    update(&app, 14, json!({"roles": [802]})).await;
    let lucas = details(&app, 14).await;
    assert_eq!(
        (&lucas["roles"], &lucas["teams"]),
        (&json!([802]), &json!([901]))
    );

    let task_id = latest_task_id(&app.conversation_actions(1001).await);
    let answer = app
        .send_answer(
            json!({"message": "Back!", "advisor_id": 14, "company_id": 1, "task_id": task_id}),
        )
        .await;
    assert_eq!(
        answer.status(),
        StatusCode::OK,
        "a reactivated account answers"
    );
}

#[tokio::test]
async fn unknown_accounts_roles_and_teams_are_refused() {
    let app = start_default().await;
    for (account_id, body, reason) in [
        (4242, json!({"roles": [801]}), "invalid-account-id"),
        (1, json!({"roles": [801]}), "invalid-account-id"),
        (11, json!({"roles": [801, 5]}), "invalid-role-id"),
        (11, json!({"teams": [5]}), "invalid-team-id"),
    ] {
        let response = update(&app, account_id, body).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let error: Value = response.json().await.unwrap();
        assert_eq!(error["error"]["reason"], reason);
    }
    assert_eq!(details(&app, 11).await["roles"], json!([801]));
}

#[tokio::test]
async fn roles_and_teams_are_listed_and_every_call_is_counted() {
    let app = start_default().await;
    let roles = app.get_json("/roles").await;
    assert_eq!(roles[0], json!({"id": 801, "name": "Agent"}));
    assert_eq!(app.get_json("/teams").await.as_array().unwrap().len(), 2);
    create(&app, "counted@example.com").await;
    create(&app, "counted@example.com").await;
    let unauthenticated = app.client.get(app.url("/roles")).send().await.unwrap();
    assert_eq!(unauthenticated.status(), StatusCode::UNAUTHORIZED);
    let calls: Value = app
        .client
        .get(app.url("/_emulator/calls"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        calls,
        json!({"GET /roles": 2, "GET /teams": 1, "POST /accounts": 2})
    );
}
