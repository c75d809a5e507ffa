//! Agents' Alcméon accounts: provisioned on the first reply from the Salesforce email and
//! permissions, remembered, and the one every reply is sent as.

use protocol::{Delivery, ThreadItem};
use serde_json::{Value, json};

use crate::helpers::{
    ALCMEON_SECRET, INSTANCE_ID, ORG_ID, SESSION_SECRET, TestApp, mint, spawn_app,
};

fn token(app: &TestApp, email: &str, perms: Value) -> String {
    mint(
        SESSION_SECRET,
        json!({"org": ORG_ID, "aud": app.audience(), "email": email, "name": "Léa Martin", "perms": perms}),
    )
}

fn replier() -> Value {
    json!({"reply": true, "moderate": false})
}

/// Posts a reply and waits until Alcméon delivered it.
async fn reply_sent(app: &TestApp, token: &str, client_id: &str, text: &str) -> ThreadItem {
    let response = app.post_reply_as(token, 1001, client_id, text).await;
    assert_eq!(response.status(), 201, "{client_id}");
    app.wait_for_reply(1001, client_id, |d| *d == Delivery::Sent)
        .await
}

async fn calls(app: &TestApp, call: &str) -> u64 {
    app.emulator_calls(call).await
}

async fn account(app: &TestApp, email: &str) -> Option<Value> {
    let accounts = app.emulator_get("/accounts").await;
    let mut matching: Vec<Value> = accounts
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["email"].as_str().unwrap().eq_ignore_ascii_case(email))
        .cloned()
        .collect();
    assert!(matching.len() <= 1, "one account per email: {matching:?}");
    matching.pop()
}

/// The `user` of the emulator's `answer` action carrying `text`.
async fn answered_by(app: &TestApp, text: &str) -> Value {
    let actions = app.emulator_actions().await;
    actions
        .iter()
        .find(|a| a["type"] == "answer" && a["data"]["answers"][0]["content"] == text)
        .map(|a| a["user"].clone())
        .expect("the answer was recorded")
}

#[tokio::test]
async fn a_new_agent_gets_an_account_with_the_mapped_access_and_replies_as_it() {
    let app = spawn_app(0).await;
    app.replica_ready().await;
    let token = token(&app, "Lea.Martin@Example.com", replier());
    reply_sent(&app, &token, "p-1", "First reply as myself").await;

    let created = account(&app, "lea.martin@example.com").await.unwrap();
    assert_eq!(created["email"], "lea.martin@example.com");
    assert_eq!(created["name"], "Léa Martin");
    assert_eq!(
        (&created["roles"], &created["teams"], &created["is_active"]),
        (&json!([801]), &json!([901]), &json!(true))
    );
    let user = answered_by(&app, "First reply as myself").await;
    assert_eq!(
        (&user["id"], &user["email"]),
        (&created["id"], &created["email"])
    );
    let provisioning_calls = (
        calls(&app, "POST /accounts").await,
        calls(&app, "POST /accounts/{account_id}").await,
    );
    assert_eq!(provisioning_calls, (1, 1));

    let second = reply_sent(&app, &token, "p-2", "Second reply, no provisioning").await;
    assert_eq!(
        second.agent_email.as_deref(),
        Some("lea.martin@example.com"),
        "the answer names the agent's own account"
    );
    assert_eq!(
        (
            calls(&app, "POST /accounts").await,
            calls(&app, "POST /accounts/{account_id}").await,
            calls(&app, "GET /accounts").await,
        ),
        (1, 1, 0),
        "a remembered account costs no provisioning call"
    );
}

#[tokio::test]
async fn an_email_alcmeon_already_knows_is_found_and_reused() {
    let app = spawn_app(0).await;
    app.replica_ready().await;
    // Karim (12) is a seeded active account with the role Agent and no team.
    let token = token(&app, "karim.benali@example.com", replier());
    reply_sent(&app, &token, "k-1", "Karim from Salesforce").await;
    let karim = account(&app, "karim.benali@example.com").await.unwrap();
    assert_eq!(karim["id"], 12, "no second account");
    assert_eq!(karim["teams"], json!([901]));
    assert_eq!(answered_by(&app, "Karim from Salesforce").await["id"], 12);
    assert_eq!(calls(&app, "POST /accounts").await, 1);
    assert_eq!(
        calls(&app, "GET /accounts").await,
        1,
        "found among the active accounts"
    );
}

#[tokio::test]
async fn an_inactive_account_is_reactivated() {
    let app = spawn_app(0).await;
    app.replica_ready().await;
    // Lucas (14) is a seeded inactive account.
    let token = token(&app, "lucas.martin@example.com", replier());
    reply_sent(&app, &token, "l-1", "Back at work").await;
    let lucas = account(&app, "lucas.martin@example.com").await.unwrap();
    assert_eq!(
        (&lucas["id"], &lucas["is_active"]),
        (&json!(14), &json!(true))
    );
    assert_eq!(answered_by(&app, "Back at work").await["id"], 14);
    assert_eq!(
        calls(&app, "GET /accounts").await,
        2,
        "active, then inactive"
    );
}

#[tokio::test]
async fn moderators_get_the_moderation_roles_and_a_change_of_permissions_is_applied_once() {
    let app = spawn_app(0).await;
    app.replica_ready().await;
    let email = "mod@example.com";
    let moderator = token(&app, email, json!({"reply": true, "moderate": true}));
    reply_sent(&app, &moderator, "m-1", "As a moderator").await;
    assert_eq!(
        account(&app, email).await.unwrap()["roles"],
        json!([801, 802])
    );

    let demoted = token(&app, email, replier());
    reply_sent(&app, &demoted, "m-2", "No longer moderating").await;
    reply_sent(&app, &demoted, "m-3", "Still not moderating").await;
    assert_eq!(account(&app, email).await.unwrap()["roles"], json!([801]));
    assert_eq!(
        (
            calls(&app, "POST /accounts").await,
            calls(&app, "POST /accounts/{account_id}").await
        ),
        (1, 2),
        "one update when the permissions changed, none after"
    );
}

#[tokio::test]
async fn many_simultaneous_first_replies_by_one_agent_create_one_account() {
    let app = spawn_app(0).await;
    app.replica_ready().await;
    let token = token(&app, "burst@example.com", replier());
    let posts = (0..10).map(|n| {
        let token = token.clone();
        let app = &app;
        async move {
            app.post_reply_as(&token, 1001, &format!("b-{n}"), &format!("Burst {n}"))
                .await
                .status()
        }
    });
    let statuses = futures_util::future::join_all(posts).await;
    assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
    for n in 0..10 {
        app.wait_for_reply(1001, &format!("b-{n}"), |d| *d == Delivery::Sent)
            .await;
    }
    assert_eq!(calls(&app, "POST /accounts").await, 1);
    assert_eq!(calls(&app, "POST /accounts/{account_id}").await, 1);
    let burst = account(&app, "burst@example.com").await.unwrap();
    assert_eq!(answered_by(&app, "Burst 7").await["id"], burst["id"]);
}

#[tokio::test]
async fn an_agent_without_reply_permission_is_refused_and_gets_no_account() {
    let app = spawn_app(0).await;
    app.replica_ready().await;
    let reader = token(
        &app,
        "reader@example.com",
        json!({"reply": false, "moderate": true}),
    );
    let response = app.post_reply_as(&reader, 1001, "r-1", "Let me in").await;
    assert_eq!(response.status(), 403);
    app.outbox_idle().await;
    assert!(account(&app, "reader@example.com").await.is_none());
    assert_eq!(calls(&app, "POST /accounts").await, 0);
}

/// An account Alcméon already has, with more roles than the agent's Salesforce permissions map
/// to, is found by email in this backend's environment and left with exactly what the token
/// grants: a reply-only agent never replies as a moderator or supervisor.
#[tokio::test]
async fn an_existing_account_gets_exactly_what_the_token_grants_never_more() {
    let app = spawn_app(0).await;
    app.replica_ready().await;
    // An Alcméon admin made Karim (12) a moderator and supervisor.
    let raised = app
        .http
        .post(format!("{}/accounts/12", app.emulator.base_url()))
        .basic_auth(INSTANCE_ID, Some(ALCMEON_SECRET))
        .json(&json!({"roles": [801, 802, 803], "teams": [902]}))
        .send()
        .await
        .unwrap();
    assert_eq!(raised.status(), 200);

    let token = token(&app, "karim.benali@example.com", replier());
    reply_sent(&app, &token, "k-exact", "Karim, reply-only").await;
    let karim = account(&app, "karim.benali@example.com").await.unwrap();
    assert_eq!(karim["id"], 12, "the existing account, not a new one");
    assert_eq!(
        (&karim["roles"], &karim["teams"]),
        (&json!([801]), &json!([901])),
        "the reply roles only: no moderation or supervision kept from before"
    );
    assert_eq!(answered_by(&app, "Karim, reply-only").await["id"], 12);
}
