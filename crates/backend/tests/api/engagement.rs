//! Engagement mode against the emulator's seeded WhatsApp account 201 and opt-in list 1501:
//! the page of a token's `eng` record (its one block, first match wins), the one send and what
//! Alcméon received (`GET /_emulator/engagements`), idempotence on the client id (a double
//! request, a retry after a dropped connection, a 429 waited out), Alcméon's refusals in words.

use std::time::Duration;

use protocol::{EngagementBlock, EngagementPage, EngagementSend, SendFailureCode, SendState};
use serde_json::{Value, json};

use crate::helpers::{ORG_ID, Options, SESSION_SECRET, TestApp, mint, spawn_app_with};

pub const RECORD: &str = "a0X000000000001AAA";
pub const CAMILLE: &str = "+33 6 12 34 56 78";
pub const AMELIE: &str = "+33 6 11 22 33 44";
const HUGO: &str = "0033698765432";

/// The seeded opt-in list decides consent.
pub fn with_consent() -> Options {
    Options {
        optin_list_ids: vec![1501],
        ..Options::default()
    }
}

/// An engagement-mode token (no conversation) on `RECORD`, to `to` from `from`.
pub fn engagement_token(app: &TestApp, to: &str, from: &str, extra: Value) -> String {
    let mut claims = json!({
        "org": ORG_ID, "aud": app.audience(), "convs": [], "rec": "500000000000009AAA",
        "eng": {"id": RECORD, "to": to, "from": from, "name": "Camille Martin", "case": "00001234"},
    });
    for (key, value) in extra.as_object().unwrap() {
        claims[key] = value.clone();
    }
    mint(SESSION_SECRET, claims)
}

pub async fn get_page(app: &TestApp, token: &str) -> reqwest::Response {
    app.http
        .get(app.url("/v1/engagement"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

pub async fn page(app: &TestApp, token: &str) -> EngagementPage {
    let response = get_page(app, token).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

pub fn order_update(client_id: &str) -> Value {
    json!({"client_id": client_id, "template_id": 2001,
           "values": {"customer_name": "Camille", "order_number": "A-1042"}})
}

pub async fn post_send(app: &TestApp, token: &str, body: &Value) -> reqwest::Response {
    app.http
        .post(app.url("/v1/engagement/sends"))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap()
}

pub async fn sent(app: &TestApp, token: &str, body: &Value) -> EngagementSend {
    let response = post_send(app, token, body).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// What Alcméon accepted, as the emulator recorded it.
pub async fn emulator_engagements(app: &TestApp) -> Vec<Value> {
    app.emulator_get("/engagements")
        .await
        .as_array()
        .unwrap()
        .clone()
}

/// The replica knows account 201 (and conversation 1001's customer number) and consent is read.
pub async fn ready(app: &TestApp) {
    app.replica_ready().await;
    app.wait_for_health(|h| h["consent"]["lists"][0]["refreshed_at_ms"].is_i64())
        .await;
}

#[tokio::test]
async fn the_demo_recipient_may_be_sent_to_with_the_whatsapp_templates() {
    let app = spawn_app_with(with_consent()).await;
    ready(&app).await;
    let token = engagement_token(&app, CAMILLE, "201", json!({}));
    let page = page(&app, &token).await;
    assert_eq!(page.blocked, None, "{page:?}");
    assert_eq!(page.record_id, RECORD);
    assert_eq!(page.case_number, "00001234");
    assert_eq!(page.agent_name, "Test Agent");
    assert_eq!(page.recipient.phone.as_deref(), Some("33612345678"));
    assert_eq!(page.recipient.name, "Camille Martin");
    assert_eq!(page.sender.account_id, Some(201));
    assert_eq!(
        page.sender.channel,
        Some(protocol::TemplateChannel::Whatsapp)
    );
    assert!(page.sender.name.is_some_and(|name| !name.is_empty()));
    assert!(matches!(
        page.consent,
        Some(protocol::ConsentState::OptedIn { .. })
    ));
    let ids: Vec<i64> = page.templates.iter().map(|t| t.id).collect();
    assert_eq!(ids, [2001, 2002, 2003]);
    assert_eq!((page.send, page.conversation_id), (None, None));
}

#[tokio::test]
async fn a_token_without_an_engagement_has_no_engagement_page() {
    let app = spawn_app_with(Options::default()).await;
    let response = get_page(&app, &app.session_token()).await;
    assert_eq!(response.status(), 404);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], "not_found");
    let response = post_send(&app, &app.session_token(), &order_update("c-1")).await;
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn each_block_is_named_on_the_page_and_refuses_the_send() {
    let app = spawn_app_with(with_consent()).await;
    ready(&app).await;
    let cases = [
        (CAMILLE, "", json!({}), EngagementBlock::SenderMissing),
        (CAMILLE, "lumio", json!({}), EngagementBlock::SenderUnknown),
        (CAMILLE, "999", json!({}), EngagementBlock::SenderUnknown),
        ("", "201", json!({}), EngagementBlock::RecipientMissing),
        (
            "06 12 34 56 78",
            "201",
            json!({}),
            EngagementBlock::RecipientMalformed,
        ),
        (
            CAMILLE,
            "201",
            json!({"perms": {"reply": false}}),
            EngagementBlock::NotPermitted,
        ),
        (
            "+44 7700 900123",
            "201",
            json!({}),
            EngagementBlock::NoOptIn,
        ),
    ];
    for (to, from, extra, block) in cases {
        let token = engagement_token(&app, to, from, extra);
        assert_eq!(page(&app, &token).await.blocked, Some(block), "{to} {from}");
        let response = post_send(&app, &token, &order_update("blocked-1")).await;
        assert_eq!(response.status(), 409, "{to} {from}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["code"], "conflict");
        assert!(
            body["message"]
                .as_str()
                .unwrap()
                .starts_with("nothing was sent"),
            "{body}"
        );
    }
    let hugo = engagement_token(&app, HUGO, "201", json!({}));
    assert!(matches!(
        page(&app, &hugo).await.blocked,
        Some(EngagementBlock::OptedOut { since_ms }) if since_ms > 0
    ));
    assert!(
        emulator_engagements(&app).await.is_empty(),
        "nothing reached Alcméon"
    );
}

#[tokio::test]
async fn an_org_connected_to_several_environments_is_told_so_first() {
    let app = spawn_app_with(Options {
        org_environments: format!("{ORG_ID}=2"),
        ..with_consent()
    })
    .await;
    ready(&app).await;
    let token = engagement_token(&app, "", "", json!({}));
    assert_eq!(
        page(&app, &token).await.blocked,
        Some(EngagementBlock::SeveralEnvironments { count: 2 })
    );
}

#[tokio::test]
async fn without_an_opt_in_list_consent_is_unknown() {
    let app = spawn_app_with(Options::default()).await;
    app.replica_ready().await;
    let token = engagement_token(&app, CAMILLE, "201", json!({}));
    let page = page(&app, &token).await;
    assert_eq!(page.consent, None);
    assert_eq!(page.blocked, Some(EngagementBlock::ConsentUnknown));
}

#[tokio::test]
async fn a_send_goes_once_and_the_engagement_is_then_sent() {
    let app = spawn_app_with(with_consent()).await;
    ready(&app).await;
    let token = engagement_token(&app, CAMILLE, "201", json!({}));
    let send = sent(&app, &token, &order_update("send-1")).await;
    assert_eq!(send.state, SendState::Sent, "{send:?}");
    assert_eq!(send.language, "en");
    let at_alcmeon = emulator_engagements(&app).await;
    assert_eq!(at_alcmeon.len(), 1);
    assert_eq!(at_alcmeon[0]["to_user_phone_number"], "33612345678");
    assert_eq!(at_alcmeon[0]["content"], send.content.as_str());
    assert_eq!(
        at_alcmeon[0]["button_urls"],
        json!(["https://lumio.example/orders/A-1042"])
    );
    assert_eq!(
        send.message_id.as_deref(),
        at_alcmeon[0]["message_id"].as_str()
    );
    assert!(send.sent_at_ms.is_some());
    let page = page(&app, &token).await;
    assert_eq!(page.blocked, Some(EngagementBlock::AlreadySent));
    assert_eq!(page.send, Some(send.clone()));

    let again = sent(&app, &token, &order_update("send-1")).await;
    assert_eq!(again, send, "the same client id answers the stored send");
    let another = post_send(&app, &token, &order_update("send-2")).await;
    assert_eq!(another.status(), 409);
    let mut other_values = order_update("send-1");
    other_values["values"]["order_number"] = json!("B-2");
    let reused = post_send(&app, &token, &other_values).await;
    assert_eq!(reused.status(), 409);
    let body: Value = reused.json().await.unwrap();
    assert!(
        body["message"].as_str().unwrap().contains("different send"),
        "{body}"
    );
    assert_eq!(emulator_engagements(&app).await.len(), 1);
}

#[tokio::test]
async fn a_double_request_with_one_client_id_or_two_sends_once() {
    let app = spawn_app_with(with_consent()).await;
    ready(&app).await;
    let token = engagement_token(&app, CAMILLE, "201", json!({}));
    let body = order_update("double-1");
    // Many at once: some find the send stored by another while they check the blocks.
    let all = futures_util::future::join_all((0..32).map(|_| sent(&app, &token, &body))).await;
    assert!(all.iter().all(|send| *send == all[0]), "{all:?}");
    assert_eq!(all[0].state, SendState::Sent);
    assert_eq!(emulator_engagements(&app).await.len(), 1);

    let app = spawn_app_with(with_consent()).await;
    ready(&app).await;
    let token = token_for(&app);
    let (race_a, race_b) = (order_update("race-a"), order_update("race-b"));
    let (a, b) = tokio::join!(
        post_send(&app, &token, &race_a),
        post_send(&app, &token, &race_b)
    );
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort();
    assert_eq!(
        statuses,
        [200, 409],
        "two client ids for one record: one send"
    );
    assert_eq!(emulator_engagements(&app).await.len(), 1);
}

fn token_for(app: &TestApp) -> String {
    engagement_token(app, CAMILLE, "201", json!({}))
}

#[tokio::test]
async fn a_retry_after_a_dropped_connection_during_a_429_sends_once() {
    // WhatsApp's own budget is one send per 2 s here; the test spends it, so the backend's send
    // meets a 429 and waits it out while the first request is dropped.
    let app = spawn_app_with(Options {
        emulator_whatsapp_rate_limit: 1,
        emulator_rate_window: Duration::from_secs(2),
        ..with_consent()
    })
    .await;
    ready(&app).await;
    let spend = json!({"to_user_phone_number": "33611223344", "account_id": 201,
                       "template_id": 2003, "variables": {"body": {"customer_name": "A"}},
                       "interrupt_ongoing_conversation": true});
    let spent = app
        .http
        .post(format!("{}/v1/whatsapp/send/", app.emulator.base_url()))
        .basic_auth(
            crate::helpers::INSTANCE_ID,
            Some(crate::helpers::ALCMEON_SECRET),
        )
        .json(&spend)
        .send()
        .await
        .unwrap();
    assert_eq!(spent.status(), 200);
    let token = token_for(&app);
    let body = order_update("dropped-1");
    let dropped = app
        .http
        .post(app.url("/v1/engagement/sends"))
        .bearer_auth(&token)
        .json(&body)
        .timeout(Duration::from_millis(300))
        .send()
        .await;
    assert!(
        dropped.is_err(),
        "the first request is cut before its answer"
    );
    let send = sent(&app, &token, &body).await;
    assert_eq!(send.state, SendState::Sent, "{send:?}");
    const SEND: &str = "POST /v1/whatsapp/send/";
    assert!(
        app.emulator_calls(SEND).await >= 3,
        "the spend, a 429, the send"
    );
    let to_camille: Vec<_> = emulator_engagements(&app)
        .await
        .into_iter()
        .filter(|e| e["to_user_phone_number"] == "33612345678")
        .collect();
    assert_eq!(to_camille.len(), 1);
}

#[tokio::test]
async fn an_ongoing_conversation_fails_the_send_naming_it_and_a_new_client_id_may_try_again() {
    let app = spawn_app_with(with_consent()).await;
    ready(&app).await;
    let token = engagement_token(&app, AMELIE, "201", json!({}));
    assert_eq!(page(&app, &token).await.blocked, None);
    let send = sent(&app, &token, &order_update("ongoing-1")).await;
    assert_eq!(send.state, SendState::Failed);
    let failure = send.failure.unwrap();
    assert_eq!(failure.code, SendFailureCode::OngoingConversation);
    assert_eq!(failure.ongoing_conversation_id, Some(1001));
    assert!(
        failure.detail.starts_with("ongoing-conversation"),
        "{}",
        failure.detail
    );
    let page = page(&app, &token).await;
    assert_eq!(page.blocked, None, "a failed send blocks nothing");
    assert_eq!(page.send.unwrap().state, SendState::Failed);
    let again = sent(&app, &token, &order_update("ongoing-2")).await;
    assert_eq!(again.state, SendState::Failed);
    assert!(emulator_engagements(&app).await.is_empty());
}

#[tokio::test]
async fn bad_values_and_unknown_templates_are_refused_before_anything_is_stored() {
    let app = spawn_app_with(with_consent()).await;
    ready(&app).await;
    let token = token_for(&app);
    let missing = json!({"client_id": "bad-1", "template_id": 2001,
                         "values": {"customer_name": "Camille\nMartin"}});
    let response = post_send(&app, &token, &missing).await;
    assert_eq!(response.status(), 400);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], "bad_request");
    let message = body["message"].as_str().unwrap();
    assert!(
        message.contains("customer_name (holds a line break")
            && message.contains("order_number (missing)"),
        "{message}"
    );
    let unknown = json!({"client_id": "bad-2", "template_id": 2101, "values": {}});
    let response = post_send(&app, &token, &unknown).await;
    assert_eq!(response.status(), 400);
    assert_eq!(page(&app, &token).await.send, None);
    assert!(emulator_engagements(&app).await.is_empty());
}

#[tokio::test]
async fn a_send_the_backend_stopped_during_is_shown_failed_and_never_sent_unasked() {
    let mut app = spawn_app_with(with_consent()).await;
    ready(&app).await;
    let stored = app
        .store()
        .create_engagement_send(&backend::store::NewEngagementSend {
            org: ORG_ID.into(),
            record_key: RECORD.into(),
            client_id: protocol::ClientId::parse("crashed-1").unwrap(),
            one_off: true,
            agent_email: protocol::AgentEmail::parse("agent@example.com").unwrap(),
            channel: protocol::TemplateChannel::Whatsapp,
            account_id: 201,
            phone: "33612345678".into(),
            interrupt: false,
            template_id: 2003,
            language: "en".into(),
            content: "Hello Camille".into(),
            values: [("customer_name".to_owned(), "Camille".to_owned())].into(),
            requested_at_ms: 1,
        })
        .await
        .unwrap();
    assert!(matches!(stored, backend::store::SendInsert::Created(_)));
    app.restart_backend().await;
    let token = token_for(&app);
    let page = page(&app, &token).await;
    let send = page.send.unwrap();
    assert_eq!(send.state, SendState::Failed);
    assert_eq!(
        send.failure.unwrap().code,
        SendFailureCode::AlcmeonUnavailable
    );
    assert_eq!(
        page.blocked, None,
        "the agent may send again, with a new client id"
    );
    assert!(emulator_engagements(&app).await.is_empty());
}
