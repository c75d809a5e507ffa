//! What engagements write into conversations, each action checked against synchronize.yaml: the
//! conversation a customer's answer opens starts with the template message; an interrupting send
//! writes it into the ongoing conversation, where the answer follows; the demo's scripted
//! recipient answers by itself.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::engagements::{OPTED_IN, WHATSAPP, engagements, order_update, send};
use crate::helpers::{
    ReceivedWebhook, TestEmulator, WebhookReceiver, start, test_config, webhook_receiver,
};
use crate::spec_conformance::{Spec, assert_valid, json_of};

const TEMPLATE_TEXT: &str = "Hello Camille, this is Lumio. We have news about your order LM-4821. Reply to this message to talk with our team.";
const PHONE_FIELD: &str = "/task/message/author/group/custom_fields";

async fn notifying() -> (TestEmulator, WebhookReceiver) {
    let receiver = webhook_receiver().await;
    let mut config = test_config();
    config.webhook_url = Some(receiver.url.parse().unwrap());
    (start(config).await, receiver)
}

/// The actions of every webhook received until `app` is idle, each checked against the spec.
async fn notified_actions(app: &TestEmulator, receiver: &mut WebhookReceiver) -> Vec<Value> {
    let synchronize = Spec::load("synchronize.yaml");
    let validator = synchronize.validator(synchronize.webhook_body_schema());
    let webhooks = receiver.drain_when_idle(app).await;
    webhooks
        .iter()
        .map(ReceivedWebhook::json)
        .map(|webhook| {
            assert_valid(&validator, &webhook, "an engagement's webhook");
            webhook["action"].clone()
        })
        .collect()
}

/// The conversation's actions, the response checked against the spec.
async fn conversation(app: &TestEmulator, conversation_id: u64) -> Vec<Value> {
    let path = format!("/actions/conversations/{conversation_id}");
    let body = app.get_json(&path).await;
    Spec::load("synchronize.yaml").assert_response(
        "/actions/conversations/{conversation_id}",
        "get",
        200,
        &body,
    );
    body[0]["actions"].as_array().unwrap().clone()
}

fn kinds(actions: &[Value]) -> Vec<&str> {
    actions
        .iter()
        .map(|action| action["type"].as_str().unwrap())
        .collect()
}

/// `2026-11-26T09:30:00Z` → (`2026-11-26`, `09:30:00`), as actions split it.
fn date_and_time(at: &Value) -> (String, String) {
    let at = at.as_str().unwrap();
    (at[..10].to_owned(), at[11..19].to_owned())
}

/// The template message as the bot's `answer` and its `execute-answer` `ok`, at the send time.
fn assert_template_message(actions: &[Value], engagement: &Value) {
    let (answer, executed) = (&actions[0], &actions[1]);
    assert_eq!(answer["type"], "answer");
    assert_eq!(
        answer["user"],
        json!({"id": 1, "email": "bot@alcmeon.com", "name": "Alcméon", "is_bot": true})
    );
    assert_eq!(
        answer["data"]["answers"],
        json!([{"content": engagement["content"], "pictures": []}])
    );
    let sent_at = date_and_time(&engagement["sent_at"]);
    assert_eq!(
        (answer["date"].as_str(), answer["time"].as_str()),
        (Some(sent_at.0.as_str()), Some(sent_at.1.as_str()))
    );
    assert_eq!(executed["type"], "execute-answer");
    assert_eq!(executed["status"], "ok");
    assert_eq!(executed["data"]["answer_action_id"], answer["id"]);
    assert_eq!(executed["data"]["answer_status"], "ok");
}

#[tokio::test]
async fn an_answer_opens_a_conversation_starting_with_the_template_message_then_the_answer() {
    let (app, mut receiver) = notifying().await;
    let sent = json_of(
        send(&app, WHATSAPP, &order_update(OPTED_IN)).await,
        StatusCode::OK,
    )
    .await;
    assert!(
        notified_actions(&app, &mut receiver).await.is_empty(),
        "a send without a conversation writes nowhere yet"
    );
    let message_id = sent["message_id"].as_str().unwrap();
    let answer = |text: &'static str| {
        app.client
            .post(app.url(&format!("/_emulator/engagements/{message_id}/answer")))
            .json(&json!({ "text": text }))
            .send()
    };
    let opened = json_of(
        answer("Yes, when does it arrive?").await.unwrap(),
        StatusCode::OK,
    )
    .await;
    let conversation_id = opened["conversation_id"].as_u64().unwrap();
    assert!(conversation_id > 1008, "a new conversation: {opened}");

    let notified = notified_actions(&app, &mut receiver).await;
    assert_eq!(
        kinds(&notified),
        ["answer", "execute-answer", "task-create"]
    );
    let engagement = engagements(&app).await[0].clone();
    assert_eq!(engagement["content"], TEMPLATE_TEXT);
    assert_eq!(engagement["conversation_id"], conversation_id);
    assert_template_message(&notified, &engagement);
    let customer = &notified[2];
    assert_eq!(customer["id"], opened["action_id"]);
    assert_eq!(
        customer["task"]["message"]["content"],
        "Yes, when does it arrive?"
    );
    assert_eq!(
        customer["task"]["message"]["author"]["name"],
        "Camille Petit"
    );
    for action in &notified {
        assert_eq!(action["task"]["conversation_id"], conversation_id);
        assert_eq!(
            action["account"],
            json!({"id": 201, "name": "Lumio WhatsApp", "type": "whatsapp"})
        );
        assert_eq!(
            action.pointer(PHONE_FIELD).unwrap(),
            &json!([{"field_id": 5001, "field_value": {"country_prefix": "33", "number": "612345678"}}]),
            "every action's customer carries the phone"
        );
    }
    assert_eq!(conversation(&app, conversation_id).await, notified);

    let again = json_of(answer("Thanks!").await.unwrap(), StatusCode::OK).await;
    assert_eq!(again["conversation_id"], conversation_id);
    assert_eq!(
        kinds(&notified_actions(&app, &mut receiver).await),
        ["task-create"]
    );
    let refused = json_of(
        send(&app, WHATSAPP, &order_update(OPTED_IN)).await,
        StatusCode::FORBIDDEN,
    )
    .await;
    assert_eq!(refused["error"], "ongoing-conversation");
    let unknown = app
        .client
        .post(app.url("/_emulator/engagements/nope/answer"))
        .json(&json!({"text": "Hi"}))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_interrupting_send_writes_into_the_ongoing_conversation_where_the_answer_follows() {
    let (app, mut receiver) = notifying().await;
    let before = conversation(&app, 1001).await;
    let mut interrupting = order_update("33611223344");
    interrupting["variables"]["body"]["customer_name"] = json!("Amélie");
    interrupting["interrupt_ongoing_conversation"] = json!(true);
    let sent = json_of(send(&app, WHATSAPP, &interrupting).await, StatusCode::OK).await;

    let notified = notified_actions(&app, &mut receiver).await;
    assert_eq!(kinds(&notified), ["answer", "execute-answer"]);
    let engagement = engagements(&app).await[0].clone();
    assert_eq!(engagement["message_id"], sent["message_id"]);
    assert_eq!(engagement["conversation_id"], 1001);
    assert!(
        engagement["content"]
            .as_str()
            .unwrap()
            .starts_with("Hello Amélie, this is Lumio.")
    );
    assert_template_message(&notified, &engagement);
    assert!(
        notified
            .iter()
            .all(|a| a["task"]["conversation_id"] == 1001)
    );
    let latest_task = before.last().unwrap()["task"]["id"].clone();
    assert_eq!(notified[0]["task"]["id"], latest_task);

    let answered = json_of(
        app.client
            .post(app.url(&format!(
                "/_emulator/engagements/{}/answer",
                sent["message_id"].as_str().unwrap()
            )))
            .json(&json!({"text": "Oh, thanks for the news!"}))
            .send()
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    assert_eq!(answered["conversation_id"], 1001);
    let after = conversation(&app, 1001).await;
    assert_eq!(after.len(), before.len() + 3);
    assert_eq!(
        kinds(&after[before.len()..]),
        ["answer", "execute-answer", "task-create"]
    );
    assert_eq!(
        after.last().unwrap()["task"]["message"]["content"],
        "Oh, thanks for the news!"
    );
}

#[tokio::test]
async fn the_scripted_recipient_answers_each_whatsapp_engagement_in_its_language() {
    let mut config = test_config();
    config.engagement_auto_answer = Some(Duration::from_millis(50));
    let app = start(config).await;
    let mut french = order_update(OPTED_IN);
    french["template_id"] = json!(2002);
    json_of(send(&app, WHATSAPP, &french).await, StatusCode::OK).await;

    let deadline = Instant::now() + Duration::from_secs(5);
    let conversation_id = loop {
        if let Some(id) = engagements(&app).await[0]["conversation_id"].as_u64() {
            break id;
        }
        assert!(Instant::now() < deadline, "nobody answered within 5 s");
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let actions = conversation(&app, conversation_id).await;
    assert_eq!(kinds(&actions), ["answer", "execute-answer", "task-create"]);
    assert!(
        actions[0]["data"]["answers"][0]["content"]
            .as_str()
            .unwrap()
            .starts_with("Bonjour Camille, ici Lumio.")
    );
    assert_eq!(
        actions[2]["task"]["message"]["content"],
        "Bonjour, merci pour le message ! Quand est-ce que ma commande arrive ?"
    );
}
