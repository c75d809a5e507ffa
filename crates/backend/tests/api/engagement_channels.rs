//! Engagement on other routes and channels: re-engaging a conversation whose window closed
//! (`POST /v1/conversations/{id}/engagements`, to its customer from its account, interrupting it),
//! and RCS and KakaoTalk senders, whose templates come from Alcméon's listings.

use protocol::{ConsentState, EngagementBlock, EngagementSend, ReengagementPage, SendState};
use serde_json::{Value, json};

use crate::engagement::{
    CAMILLE, emulator_engagements, engagement_token, page, ready, sent, with_consent,
};
use crate::helpers::{ORG_ID, SESSION_SECRET, mint, spawn_app_with};

#[tokio::test]
async fn a_conversation_is_re_engaged_from_its_account_to_its_customer_once_interrupting_it() {
    let app = spawn_app_with(with_consent()).await;
    ready(&app).await;
    let path = "/v1/conversations/1001/engagements";
    let body = json!({"client_id": "re-1", "template_id": 2003,
                      "values": {"customer_name": "Amélie"}});
    let post = || {
        app.http
            .post(app.url(path))
            .bearer_auth(app.token_for(1001))
            .json(&body)
            .send()
    };
    let (first, second) = tokio::join!(post(), post());
    let first: EngagementSend = first.unwrap().json().await.unwrap();
    let second: EngagementSend = second.unwrap().json().await.unwrap();
    assert_eq!(first, second);
    assert_eq!(first.state, SendState::Sent, "{first:?}");
    let at_alcmeon = emulator_engagements(&app).await;
    assert_eq!(
        at_alcmeon.len(),
        1,
        "sent once, through the ongoing conversation"
    );
    assert_eq!(at_alcmeon[0]["to_user_phone_number"], "33611223344");
    assert_eq!(at_alcmeon[0]["account_id"], 201);

    let reader = crate::helpers::mint(
        SESSION_SECRET,
        json!({"aud": app.audience(), "convs": [1001], "perms": {"reply": false}}),
    );
    let refused = app
        .http
        .post(app.url(path))
        .bearer_auth(reader)
        .json(&json!({"client_id": "re-2", "template_id": 2003,
                      "values": {"customer_name": "Amélie"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 409);
    let body: Value = refused.json().await.unwrap();
    assert!(
        body["message"].as_str().unwrap().contains("not allowed"),
        "{body}"
    );
}

#[tokio::test]
async fn a_conversation_says_before_any_send_whether_its_customer_may_be_re_engaged_and_why_not() {
    let app = spawn_app_with(with_consent()).await;
    ready(&app).await;
    let read = |conversation_id: i64| {
        let app = &app;
        async move {
            let response = app
                .http
                .get(app.url(&format!("/v1/conversations/{conversation_id}/reengagement")))
                .bearer_auth(app.token_for(conversation_id))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200);
            response.json::<ReengagementPage>().await.unwrap()
        }
    };
    // Amélie (1001) opted in: the account's WhatsApp templates are offered.
    let amelie = read(1001).await;
    assert_eq!(amelie.blocked, None);
    assert!(matches!(amelie.consent, Some(ConsentState::OptedIn { .. })));
    assert!(amelie.templates.iter().any(|t| t.id == 2003));
    // Thomas (1006) never opted in: blocked, with the reason, before anything is sent.
    let thomas = read(1006).await;
    assert_eq!(thomas.blocked, Some(EngagementBlock::NoOptIn));
    assert!(
        emulator_engagements(&app).await.is_empty(),
        "reading sends nothing"
    );
}

#[tokio::test]
async fn rcs_and_kakaotalk_senders_offer_alcmeons_listed_templates_and_send_on_their_channel() {
    let app = spawn_app_with(with_consent()).await;
    ready(&app).await;
    let rcs = engagement_token(&app, CAMILLE, "401", json!({}));
    let page_401 = page(&app, &rcs).await;
    assert_eq!(page_401.blocked, None, "{page_401:?}");
    assert_eq!(
        page_401.sender.channel,
        Some(protocol::TemplateChannel::Rcs)
    );
    let ids: Vec<i64> = page_401.templates.iter().map(|t| t.id).collect();
    assert_eq!(ids, [2101, 2102]);
    let slot = &page_401.templates[0];
    let labels: Vec<&str> = slot.variables.iter().map(|v| v.label.as_str()).collect();
    assert_eq!(labels, ["customer_name", "slot", "order_number"]);
    let body = json!({"client_id": "rcs-1", "template_id": 2101, "values":
        {"customer_name": "Camille", "slot": "Tuesday 9-12", "order_number": "A-1042"}});
    let send = sent(&app, &rcs, &body).await;
    assert_eq!(send.state, SendState::Sent, "{send:?}");
    let at_alcmeon = emulator_engagements(&app).await;
    assert_eq!(at_alcmeon[0]["channel"], "rcs");
    let preview = protocol::fill(
        slot,
        &serde_json::from_value(body["values"].clone()).unwrap(),
    )
    .unwrap();
    assert_eq!(
        preview.body,
        format!(
            "{}\n\n{}",
            at_alcmeon[0]["title"].as_str().unwrap(),
            at_alcmeon[0]["content"].as_str().unwrap()
        ),
        "the preview is what the customer receives"
    );
    assert_eq!(send.content, preview.body);

    let kakao = mint(
        SESSION_SECRET,
        json!({"org": ORG_ID, "aud": app.audience(), "convs": [],
               "eng": {"id": "a0X000000000002AAA", "to": CAMILLE, "from": "402"}}),
    );
    let page_402 = page(&app, &kakao).await;
    assert_eq!(
        page_402.sender.channel,
        Some(protocol::TemplateChannel::Kakaotalk)
    );
    let ids: Vec<i64> = page_402.templates.iter().map(|t| t.id).collect();
    assert_eq!(ids, [2201], "only the approved template");
    const LISTINGS: [&str; 2] = ["POST /v1/rcs/templates", "POST /v1/kakaotalk/templates"];
    let before = [
        app.emulator_calls(LISTINGS[0]).await,
        app.emulator_calls(LISTINGS[1]).await,
    ];
    page(&app, &kakao).await;
    page(&app, &rcs).await;
    let after = [
        app.emulator_calls(LISTINGS[0]).await,
        app.emulator_calls(LISTINGS[1]).await,
    ];
    assert_eq!(
        before, after,
        "listings are reused, not read for every page"
    );
}
