//! A token in engagement mode (`eng`, no `convs`) opens the conversations its recipient has on
//! its sender account, as the replica knows them, through every operation naming a
//! `{conversation_id}` (walked from the OpenAPI description): the conversation the customer's
//! answer opened, and the ongoing one a 403 offers. Another recipient's token, or the same number
//! from another account, gets 403 there and nothing is shown.

use reqwest::Method;
use serde_json::{Value, json};

use crate::engagement::{
    AMELIE, CAMILLE, engagement_token, order_update, ready, sent, with_consent,
};
use crate::helpers::{TestApp, spawn_app_with};

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
    let paths = description["paths"].as_object().unwrap();
    paths
        .iter()
        .filter(|(template, _)| template.contains("{conversation_id}"))
        .flat_map(|(template, item)| {
            item.as_object().unwrap().keys().map(|method| {
                let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
                (method, template.clone())
            })
        })
        .collect()
}

async fn status(app: &TestApp, method: &Method, template: &str, id: i64, token: &str) -> u16 {
    let path = template
        .replace("{conversation_id}", &id.to_string())
        .replace("{attachment_id}", "1")
        .replace("{client_id}", "someone-elses");
    let mut request = app
        .http
        .request(method.clone(), app.url(&path))
        .bearer_auth(token);
    if *method == Method::POST {
        request = request.json(&json!({"client_id": "not-yours", "text": "Leaked?",
                                       "template_id": 2003, "values": {"customer_name": "x"}}));
    }
    request.send().await.unwrap().status().as_u16()
}

/// Sends Camille's engagement, makes her answer, and waits until the replica holds the
/// conversation her answer opened; returns its id.
pub async fn camille_answers(app: &TestApp, token: &str) -> i64 {
    let send = sent(app, token, &order_update("answered-1")).await;
    let message_id = send.message_id.expect("sent");
    let answer = app
        .emulator_control(
            &format!("/engagements/{message_id}/answer"),
            json!({"text": "Yes, what about my order?"}),
        )
        .await;
    app.wait_for_replica("latest_action_id", answer["action_id"].as_i64().unwrap())
        .await;
    answer["conversation_id"].as_i64().unwrap()
}

#[tokio::test]
async fn an_engagement_token_opens_its_recipients_conversations_and_no_one_elses() {
    let app = spawn_app_with(with_consent()).await;
    ready(&app).await;
    let camille = engagement_token(&app, CAMILLE, "201", json!({}));
    let amelie = engagement_token(&app, AMELIE, "201", json!({}));
    let hugo = engagement_token(&app, "+33 6 98 76 54 32", "201", json!({}));
    let camille_elsewhere = engagement_token(&app, CAMILLE, "202", json!({}));
    let opened = camille_answers(&app, &camille).await;

    let thread = app.get_thread(opened, Some(&camille)).await;
    assert_eq!(thread.status(), 200);
    let page: protocol::ThreadPage = thread.json().await.unwrap();
    assert!(
        page.items
            .iter()
            .any(|i| i.text == "Yes, what about my order?")
    );
    assert_eq!(
        app.get_thread(1001, Some(&amelie)).await.status(),
        200,
        "the ongoing one"
    );

    let operations = conversation_operations(&app).await;
    assert!(operations.len() >= 5, "{operations:?}");
    for (method, template) in &operations {
        for (who, token, id) in [
            ("Camille's token on Amélie's conversation", &camille, 1001),
            ("Amélie's token on Camille's conversation", &amelie, opened),
            ("another recipient's token", &hugo, opened),
            (
                "Camille's number from another account",
                &camille_elsewhere,
                opened,
            ),
        ] {
            assert_eq!(
                status(&app, method, template, id, token).await,
                403,
                "{who}: {method} {template}"
            );
        }
    }
    let page: protocol::ThreadPage = app.page(opened).await;
    assert!(
        page.items
            .iter()
            .all(|i| i.client_id.as_deref() != Some("not-yours")),
        "nothing was stored by a refused request"
    );
}
