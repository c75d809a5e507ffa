//! Engagements: template sends (initiate-conversation-api.yaml), each answer checked against the
//! spec, the filled text as `/_emulator/engagements` records it, every refusal and WhatsApp's own
//! rate limit. What the sends write into conversations: `engagement_conversations.rs`.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestEmulator, start, start_default, test_config};
use crate::spec_conformance::{Spec, json_of};

pub const SPEC: &str = "initiate-conversation-api.yaml";
pub const WHATSAPP: &str = "/v1/whatsapp/send/";
pub const OPTED_IN: &str = "33612345678";

pub fn order_update(to: &str) -> Value {
    json!({
        "to_user_phone_number": to,
        "account_id": 201,
        "template_id": 2001,
        "variables": {
            "body": {"customer_name": "Camille", "order_number": "LM-4821"},
            "buttons": {"order_number": "LM-4821"}
        }
    })
}

pub async fn send(app: &TestEmulator, path: &str, body: &Value) -> reqwest::Response {
    app.post(path).json(body).send().await.unwrap()
}

pub async fn engagements(app: &TestEmulator) -> Vec<Value> {
    let response = app
        .client
        .get(app.url("/_emulator/engagements"))
        .send()
        .await
        .unwrap();
    json_of(response, StatusCode::OK)
        .await
        .as_array()
        .unwrap()
        .clone()
}

#[tokio::test]
async fn a_whatsapp_send_fills_the_template_and_is_recorded() {
    let app = start_default().await;
    let spec = Spec::load(SPEC);
    let body = json_of(
        send(&app, WHATSAPP, &order_update(OPTED_IN)).await,
        StatusCode::OK,
    )
    .await;
    spec.assert_response(WHATSAPP, "post", 200, &body);
    assert_eq!(body["status"], "ok");
    let sent = engagements(&app).await;
    assert_eq!(sent.len(), 1);
    let engagement = &sent[0];
    assert_eq!(engagement["message_id"], body["message_id"]);
    assert_eq!(
        engagement["content"],
        "Hello Camille, this is Lumio. We have news about your order LM-4821. Reply to this message to talk with our team."
    );
    assert_eq!(
        engagement["button_urls"],
        json!(["https://lumio.example/orders/LM-4821"])
    );
    assert_eq!(
        (
            &engagement["to_user_phone_number"],
            &engagement["account_id"],
            &engagement["template_id"],
            &engagement["conversation_id"],
        ),
        (&json!(OPTED_IN), &json!(201), &json!(2001), &Value::Null)
    );
}

#[tokio::test]
async fn every_refusal_matches_the_spec_and_records_nothing() {
    let app = start_default().await;
    let spec = Spec::load(SPEC);
    let with = |change: &dyn Fn(&mut Value)| {
        let mut body = order_update(OPTED_IN);
        change(&mut body);
        body
    };
    let cases: Vec<(Value, u16, &str, &str)> = vec![
        (
            json!({"account_id": 201}),
            400,
            "invalid-request-body",
            "to_user_phone_number",
        ),
        (
            with(&|b| b["to_user_phone_number"] = json!("+33612345678")),
            400,
            "invalid-phone-number-format",
            "+33612345678",
        ),
        (
            with(&|b| b["to_user_phone_number"] = json!("123")),
            400,
            "invalid-phone-number",
            "123",
        ),
        (
            with(&|b| b["account_id"] = json!(999)),
            400,
            "account-not-found",
            "999",
        ),
        (
            with(&|b| b["template_id"] = json!(2101)),
            400,
            "template-not-found",
            "2101",
        ),
        (
            with(&|b| {
                b["variables"]["body"]
                    .as_object_mut()
                    .unwrap()
                    .remove("order_number");
            }),
            400,
            "missing-variable",
            "order_number",
        ),
        (
            with(&|b| b["variables"]["buttons"] = json!({})),
            400,
            "missing-variable",
            "order_number",
        ),
        (
            with(&|b| b["to_user_phone_number"] = json!("33611223344")),
            403,
            "ongoing-conversation",
            "ongoing",
        ),
    ];
    for (body, status, error, details) in cases {
        let response = send(&app, WHATSAPP, &body).await;
        let status = StatusCode::from_u16(status).unwrap();
        let answer = json_of(response, status).await;
        spec.assert_response(WHATSAPP, "post", status.as_u16(), &answer);
        assert_eq!(answer["error"], error, "{body}");
        assert!(
            answer["details"].as_str().unwrap().contains(details),
            "{answer}"
        );
    }
    assert!(engagements(&app).await.is_empty());
    let mut interrupting = with(&|b| b["to_user_phone_number"] = json!("33611223344"));
    interrupting["interrupt_ongoing_conversation"] = json!(true);
    json_of(send(&app, WHATSAPP, &interrupting).await, StatusCode::OK).await;
    assert_eq!(engagements(&app).await.len(), 1);
}

#[tokio::test]
async fn whatsapp_sends_have_their_own_limit_that_other_calls_do_not_spend() {
    let mut config = test_config();
    config.whatsapp_rate_limit_per_minute = 3;
    config.rate_limit_per_minute = 2;
    let app = start(config).await;
    let spec = Spec::load(SPEC);
    for _ in 0..3 {
        json_of(
            send(&app, WHATSAPP, &order_update(OPTED_IN)).await,
            StatusCode::OK,
        )
        .await;
    }
    let limited = json_of(
        send(&app, WHATSAPP, &order_update(OPTED_IN)).await,
        StatusCode::TOO_MANY_REQUESTS,
    )
    .await;
    spec.assert_response(WHATSAPP, "post", 429, &limited);
    assert!(
        limited["details"]
            .as_str()
            .unwrap()
            .contains("rate_limited_until")
    );
    assert_eq!(engagements(&app).await.len(), 3);
    let rcs_listing = json!({"account_id": 401});
    for _ in 0..2 {
        json_of(
            send(&app, "/v1/rcs/templates", &rcs_listing).await,
            StatusCode::OK,
        )
        .await;
    }
    let general = send(&app, "/v1/rcs/templates", &rcs_listing).await;
    assert_eq!(general.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn rcs_and_kakaotalk_templates_list_and_send_as_the_spec_says() {
    let app = start_default().await;
    let spec = Spec::load(SPEC);
    let rcs = json_of(
        send(
            &app,
            "/v1/rcs/templates",
            &json!({"account_id": 401, "limit": 1}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    spec.assert_response("/v1/rcs/templates", "post", 200, &rcs);
    assert_eq!(rcs["data"][0]["id"], 2101);
    assert_eq!(rcs["next"], "/v1/rcs/templates?limit=1&page=1");
    let last = json_of(
        send(
            &app,
            "/v1/rcs/templates",
            &json!({"account_id": 401, "limit": 1, "page": 1}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        (last["data"][0]["id"].clone(), last.get("next")),
        (json!(2102), None)
    );
    let kakaotalk = json_of(
        send(
            &app,
            "/v1/kakaotalk/templates",
            &json!({"account_id": 402, "status": "accepted"}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    spec.assert_response("/v1/kakaotalk/templates", "post", 200, &kakaotalk);
    let ids: Vec<&Value> = kakaotalk["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| &t["id"])
        .collect();
    assert_eq!(ids, [&json!(2201)]);
    let invalid = json_of(
        send(
            &app,
            "/v1/kakaotalk/templates",
            &json!({"account_id": 402, "limit": 101}),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    spec.assert_response("/v1/kakaotalk/templates", "post", 400, &invalid);

    let rcs_send = json!({"to_user_phone_number": OPTED_IN, "account_id": 401, "template_id": 2102,
        "variables": {"customer_name": "Camille", "slot": "demain entre 9 h et 11 h", "order_number": "LM-4821"}});
    let sent = json_of(send(&app, "/v1/rcs/send/", &rcs_send).await, StatusCode::OK).await;
    spec.assert_response("/v1/rcs/send/", "post", 200, &sent);
    let kakaotalk_send = json!({"to_user_phone_number": "821012345678", "account_id": 402, "template_id": 2201,
        "variables": {"customer_name": "민준"}});
    let missing = json_of(
        send(&app, "/v1/kakaotalk/send/", &kakaotalk_send).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    spec.assert_response("/v1/kakaotalk/send/", "post", 400, &missing);
    assert_eq!(missing["error"], "missing-variable");
    let mut complete = kakaotalk_send.clone();
    complete["variables"]["order_number"] = json!("LM-4821");
    let sent_kakaotalk = json_of(
        send(&app, "/v1/kakaotalk/send/", &complete).await,
        StatusCode::OK,
    )
    .await;
    spec.assert_response("/v1/kakaotalk/send/", "post", 200, &sent_kakaotalk);

    let recorded = engagements(&app).await;
    assert_eq!(recorded[0]["title"], "Votre livraison, Camille");
    assert_eq!(
        recorded[0]["content"],
        "Votre commande Lumio arrive demain entre 9 h et 11 h."
    );
    assert_eq!(
        recorded[1]["content"],
        "민준님, Lumio 주문 LM-4821에 대한 소식이 있습니다."
    );
    let answer = app
        .client
        .post(app.url(&format!(
            "/_emulator/engagements/{}/answer",
            recorded[1]["message_id"].as_str().unwrap()
        )))
        .json(&json!({"text": "네"}))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_call_log_counts_the_engagement_and_optin_routes() {
    let app = start_default().await;
    send(&app, WHATSAPP, &order_update(OPTED_IN)).await;
    send(&app, WHATSAPP, &json!({})).await;
    send(&app, "/v1/rcs/templates", &json!({"account_id": 401})).await;
    app.get("/v1/optins/1501/user-optins").send().await.unwrap();
    app.get("/v1/optins").send().await.unwrap();
    let response = app
        .client
        .get(app.url("/_emulator/calls"))
        .send()
        .await
        .unwrap();
    let calls = json_of(response, StatusCode::OK).await;
    assert_eq!(
        calls,
        json!({
            "POST /v1/whatsapp/send/": 2,
            "POST /v1/rcs/templates": 1,
            "GET /v1/optins/{optin_id}/user-optins": 1,
            "GET /v1/optins": 1,
        })
    );
}
