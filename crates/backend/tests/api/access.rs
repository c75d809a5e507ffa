//! A session token opens only the conversations its Salesforce record names (`convs`). Every
//! operation of the OpenAPI description whose path names a `{conversation_id}` is called here
//! (walked from the description, so a new one is too): with a token for another conversation it
//! answers 403 and nothing is sent or shown; with a token of an org this backend does not know, or
//! one missing `rec` or `convs`, 401; with a token naming the conversation, it works.

use reqwest::Method;
use serde_json::{Value, json};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};

use crate::helpers::{Options, SESSION_SECRET, TestApp, mint, spawn_app, spawn_app_with};

const SEND: &str = "POST /v1/answer/send";
const TEMPLATE_SEND: &str = "POST /v1/whatsapp/send/";
/// The conversation the tokens are for, and the one they are not.
const GRANTED: i64 = 1001;
const OTHER: i64 = 1002;

/// What a path's other parameters are filled with.
struct Fixture {
    /// A file of conversation `GRANTED`.
    attachment_id: i64,
    /// A reply posted in `GRANTED` by the default test agent.
    client_id: &'static str,
}

/// Every (method, path template) of the description naming a conversation.
async fn conversation_operations(app: &TestApp) -> Vec<(Method, String)> {
    let description: Value = app
        .http
        .get(app.url("/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut operations = vec![];
    for (template, item) in description["paths"].as_object().unwrap() {
        if !template.contains("{conversation_id}") {
            continue;
        }
        for method in item.as_object().unwrap().keys() {
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            operations.push((method, template.clone()));
        }
    }
    assert!(
        operations.len() >= 5,
        "thread, replies, retry, events, attachments: {operations:?}"
    );
    operations
}

/// `template` with its parameters filled, for `conversation_id`.
fn path(template: &str, conversation_id: i64, fixture: &Fixture) -> String {
    let filled = template
        .replace("{conversation_id}", &conversation_id.to_string())
        .replace("{attachment_id}", &fixture.attachment_id.to_string())
        .replace("{client_id}", fixture.client_id);
    assert!(
        !filled.contains('{'),
        "{template}: a new path parameter; say here what fills it"
    );
    filled
}

async fn call(app: &TestApp, method: &Method, path: &str, token: &str) -> (u16, Value) {
    let mut request = app
        .http
        .request(method.clone(), app.url(path))
        .bearer_auth(token);
    if *method == Method::POST && path.ends_with("/replies") {
        request = request.json(&json!({"client_id": "not-yours", "text": "Leaked?"}));
    }
    if *method == Method::POST && path.ends_with("/engagements") {
        request = request.json(&json!({"client_id": "not-yours", "template_id": 2003,
                                       "values": {"customer_name": "Leaked?"}}));
    }
    if *method == Method::PUT && path.ends_with("/customer/link") {
        request =
            request.json(&json!({"contactId": "003000000000001AAA", "contactName": "Leaked?"}));
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let is_stream = response
        .headers()
        .get("content-type")
        .is_some_and(|value| value.to_str().unwrap().starts_with("text/event-stream"));
    // An event stream never ends: its status is the answer.
    let body = if is_stream {
        Value::Null
    } else {
        let bytes = response.bytes().await.unwrap();
        serde_json::from_slice(&bytes).unwrap_or(Value::Null)
    };
    (status, body)
}

async fn fixture(app: &TestApp) -> Fixture {
    app.replica_ready().await;
    let page = app.page(GRANTED).await;
    let attachment_id = page
        .items
        .iter()
        .flat_map(|item| &item.attachments)
        .map(|attachment| attachment.id)
        .next()
        .expect("seeded conversation 1001 carries a file");
    let client_id = "granted-1";
    let posted = app
        .post_reply_as(&app.token_for(GRANTED), GRANTED, client_id, "Hello, 1001")
        .await;
    assert_eq!(posted.status(), 201);
    app.outbox_idle().await;
    Fixture {
        attachment_id,
        client_id,
    }
}

#[tokio::test]
async fn every_conversation_endpoint_serves_only_the_conversations_the_tokens_record_names() {
    // Consent is replicated, so a re-engagement of the granted conversation goes through.
    let app = spawn_app_with(Options {
        optin_list_ids: vec![1501],
        ..Options::default()
    })
    .await;
    let fixture = fixture(&app).await;
    let operations = conversation_operations(&app).await;
    let sent_before = app.emulator_calls(SEND).await;
    let template_sends_before = app.emulator_calls(TEMPLATE_SEND).await;
    let granted = app.token_for(GRANTED);

    for (method, template) in &operations {
        let elsewhere = path(template, OTHER, &fixture);
        let (status, body) = call(&app, method, &elsewhere, &granted).await;
        assert_eq!(status, 403, "{method} {elsewhere}: {body}");
        assert_eq!(body["code"], "forbidden", "{method} {elsewhere}");
        let message = body["message"].as_str().unwrap();
        assert!(
            message.contains(&OTHER.to_string()) && message.contains("token grants"),
            "{message}"
        );
        for part in granted.split('.') {
            assert!(!message.contains(part), "the refusal shows the token");
        }
        assert_eq!(
            body.as_object().unwrap().len(),
            2,
            "code and message only: {body}"
        );
    }
    app.outbox_idle().await;
    assert_eq!(
        app.emulator_calls(SEND).await,
        sent_before,
        "nothing was sent for the conversation the token does not name"
    );
    assert_eq!(
        app.emulator_calls(TEMPLATE_SEND).await,
        template_sends_before,
        "no template either"
    );
    let other_thread = app.page(OTHER).await;
    assert!(
        other_thread
            .items
            .iter()
            .all(|item| item.client_id.as_deref() != Some("not-yours")),
        "no reply was stored in the other conversation"
    );

    for (method, template) in &operations {
        let here = path(template, GRANTED, &fixture);
        let (status, body) = call(&app, method, &here, &granted).await;
        assert!(
            (200..300).contains(&status),
            "{method} {here} with its own token: {status} {body}"
        );
    }
}

/// A file is its conversation's: naming a granted conversation does not open another's file.
#[tokio::test]
async fn a_file_is_served_only_through_its_own_conversation() {
    let app = spawn_app(0).await;
    let fixture = fixture(&app).await;
    let file_of_1001 = format!(
        "/v1/conversations/{GRANTED}/attachments/{}",
        fixture.attachment_id
    );
    let through_1002 = format!(
        "/v1/conversations/{OTHER}/attachments/{}",
        fixture.attachment_id
    );
    let (status, _) = call(&app, &Method::GET, &file_of_1001, &app.token_for(OTHER)).await;
    assert_eq!(status, 403);
    let (status, body) = call(&app, &Method::GET, &through_1002, &app.token_for(OTHER)).await;
    assert_eq!(status, 404, "{body}");
}

/// A token of an org this backend does not know, or without its record or conversations, is
/// refused like any bad token: the one 401, on every endpoint naming a conversation.
#[tokio::test]
async fn a_token_of_another_org_or_without_its_record_is_refused_on_every_conversation_endpoint() {
    let app = spawn_app(0).await;
    let fixture = fixture(&app).await;
    let aud = app.audience();
    let other_org = "00D000000000OTHRAAA";
    let another_orgs = mint(
        "the-other-orgs-own-secret-value",
        json!({"org": other_org, "iss": other_org, "aud": aud, "convs": [GRANTED]}),
    );
    let unbound = |missing: &str| mint_without(&json!({"aud": aud, "convs": [GRANTED]}), missing);
    let tokens = [
        ("another org", another_orgs),
        ("no rec", unbound("rec")),
        ("no convs", unbound("convs")),
    ];
    for (method, template) in conversation_operations(&app).await {
        let here = path(&template, GRANTED, &fixture);
        for (what, token) in &tokens {
            let (status, body) = call(&app, &method, &here, token).await;
            assert_eq!(status, 401, "{what}: {method} {here}");
            assert_eq!(
                body,
                json!({"code": "unauthenticated", "message": "the session token was refused"})
            );
        }
    }
}

/// A valid token of the test org (the helpers' defaults overridden by `claims`), without `missing`.
fn mint_without(claims: &Value, missing: &str) -> String {
    let full = mint(SESSION_SECRET, claims.clone());
    let payload = full.split('.').nth(1).unwrap();
    let bytes = URL_SAFE_NO_PAD.decode(payload).unwrap();
    let mut all: Value = serde_json::from_slice(&bytes).unwrap();
    all.as_object_mut().unwrap().remove(missing);
    encode(
        &Header::new(Algorithm::HS256),
        &all,
        &EncodingKey::from_secret(SESSION_SECRET.as_bytes()),
    )
    .unwrap()
}
