//! A conversation's customer through the widget API: the customer's other conversations, a link
//! to a Salesforce Contact that reaches every conversation of theirs (and opens them to a token
//! naming one), the reply permission it needs, another record's token refused, and `no_customer`
//! while the replica knows no customer.

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{ORG_ID, Options, TestApp, mint, spawn_app, spawn_app_with};

const AMELIE_CONTACT: &str = "003000000000001AAA";

/// Amélie (1001, WhatsApp) writes again on Messenger: a second conversation of the same customer,
/// held by the replica; returns its id.
async fn amelie_on_messenger(app: &TestApp) -> i64 {
    let (opened, _) = app.open_thread(1001).await;
    assert_eq!(opened.status(), 200);
    let other = app
        .emulator_control(
            "/conversations",
            json!({"channel": "facebook", "customer_name": "Amélie Dubois", "messages": 1,
                   "customer_of": 1001}),
        )
        .await["conversation_id"]
        .as_i64()
        .unwrap();
    let highest = app.emulator_highest_action_id().await;
    app.wait_for_replica("latest_action_id", highest).await;
    other
}

async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = app.http.request(method, app.url(path)).bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn amelie() -> Value {
    json!({"contactId": AMELIE_CONTACT, "contactName": "Amélie Dubois", "personAccount": false})
}

#[tokio::test]
async fn a_link_made_on_one_conversation_reaches_every_conversation_of_the_customer() {
    let app = spawn_app(0).await;
    let other = amelie_on_messenger(&app).await;
    let token = app.token_for(1001);

    let (status, before) = call(
        &app,
        Method::GET,
        "/v1/conversations/1001/customer",
        &token,
        None,
    )
    .await;
    assert_eq!(status, 200, "{before}");
    assert!(before["customerId"].is_i64(), "{before}");
    assert_eq!(before["link"], Value::Null);
    let others = before["conversations"].as_array().unwrap();
    assert_eq!(others.len(), 1, "only the other conversation: {before}");
    assert_eq!(others[0]["id"], other);
    assert_eq!(others[0]["channel"], "facebook");
    assert_eq!(others[0]["status"], "open");
    assert!(others[0]["lastActivityAt"].as_str().unwrap().ends_with('Z'));

    let path = "/v1/conversations/1001/customer/link";
    let (status, linked) = call(&app, Method::PUT, path, &token, Some(amelie())).await;
    assert_eq!(status, 200, "{linked}");
    assert_eq!(linked["link"], amelie());

    let other_token = app.token_for(other);
    let (status, seen) = call(
        &app,
        Method::GET,
        &format!("/v1/conversations/{other}/customer"),
        &other_token,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        seen["link"],
        amelie(),
        "the customer's other conversation is linked too"
    );
    assert_eq!(seen["conversations"][0]["id"], 1001);
    let stored = app
        .store()
        .customer_link(ORG_ID, seen["customerId"].as_i64().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.linked_by, "agent@example.com");

    let (status, _) = call(
        &app,
        Method::GET,
        &format!("/v1/conversations/{other}/thread"),
        &token,
        None,
    )
    .await;
    assert_eq!(
        status, 200,
        "a token naming 1001 opens its customer's other conversation (360°)"
    );
    let (status, _) = call(
        &app,
        Method::GET,
        &format!("/v1/conversations/{other}/thread"),
        &app.token_for(1002),
        None,
    )
    .await;
    assert_eq!(status, 403, "another customer's token does not");
}

#[tokio::test]
async fn linking_needs_the_reply_permission_and_a_salesforce_id() {
    let app = spawn_app(0).await;
    let (opened, _) = app.open_thread(1001).await;
    assert_eq!(opened.status(), 200);
    let path = "/v1/conversations/1001/customer/link";
    let reader = mint(
        crate::helpers::SESSION_SECRET,
        json!({"aud": app.audience(), "convs": [1001], "perms": {"reply": false}}),
    );
    let (status, refused) = call(&app, Method::PUT, path, &reader, Some(amelie())).await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (403, Some("forbidden")),
        "{refused}"
    );
    let (status, read) = call(
        &app,
        Method::GET,
        "/v1/conversations/1001/customer",
        &reader,
        None,
    )
    .await;
    assert_eq!(
        (status, &read["link"]),
        (200, &Value::Null),
        "a reader sees the customer, unlinked"
    );

    let token = app.token_for(1001);
    let bad = json!({"contactId": "003'; DELETE", "contactName": "x"});
    let (status, refused) = call(&app, Method::PUT, path, &token, Some(bad)).await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (400, Some("bad_request")),
        "{refused}"
    );
}

#[tokio::test]
async fn another_records_token_is_refused_and_an_unknown_customer_cannot_be_linked() {
    let app = spawn_app(0).await;
    let (opened, _) = app.open_thread(1001).await;
    assert_eq!(opened.status(), 200);
    let elsewhere = app.token_for(1002);
    for (method, path, body) in [
        (Method::GET, "/v1/conversations/1001/customer", None),
        (
            Method::PUT,
            "/v1/conversations/1001/customer/link",
            Some(amelie()),
        ),
    ] {
        let (status, refused) = call(&app, method, path, &elsewhere, body).await;
        assert_eq!(
            (status, refused["code"].as_str()),
            (403, Some("forbidden")),
            "{path}"
        );
    }

    // A conversation the token names but the replica has never held: no customer known.
    let token = app.token_for(9999);
    let (status, view) = call(
        &app,
        Method::GET,
        "/v1/conversations/9999/customer",
        &token,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        view,
        json!({"customerId": null, "link": null, "conversations": []})
    );
    let (status, refused) = call(
        &app,
        Method::PUT,
        "/v1/conversations/9999/customer/link",
        &token,
        Some(amelie()),
    )
    .await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (409, Some("no_customer")),
        "{refused}"
    );
}

#[tokio::test]
async fn the_lightning_origin_may_put_a_link() {
    let origin = "https://acme.lightning.force.com";
    let app = spawn_app_with(Options {
        allowed_origins: vec![origin.into()],
        ..Options::default()
    })
    .await;
    let preflight = app
        .http
        .request(
            Method::OPTIONS,
            app.url("/v1/conversations/1001/customer/link"),
        )
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "PUT")
        .header(
            "Access-Control-Request-Headers",
            "authorization, content-type",
        )
        .send()
        .await
        .unwrap();
    let allowed = preflight.headers()["access-control-allow-methods"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(allowed.contains("PUT"), "{allowed}");
}
