use hmac::{Hmac, Mac};
use serde_json::json;
use sha2::Sha256;

use crate::helpers::{
    SECRET, WebhookReceiver, latest_task_id, start, test_config, webhook_receiver,
};

fn config_sending_to(receiver: &WebhookReceiver, drop_percent: u8) -> alcmeon_emulator::Config {
    alcmeon_emulator::Config {
        webhook_url: Some(receiver.url.parse().unwrap()),
        webhook_drop_percent: drop_percent,
        ..test_config()
    }
}

#[tokio::test]
async fn an_inbound_message_is_notified_with_a_valid_signature() {
    let mut receiver = webhook_receiver().await;
    let app = start(config_sending_to(&receiver, 0)).await;
    let action_id = app.inject(1002, "Is the sand sofa still there?").await;

    let webhook = receiver.next().await;
    assert_eq!(webhook.path, "/hooks/alcmeon");
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(b"/hooks/alcmeon ");
    mac.update(&webhook.body);
    let expected = hex::encode(mac.finalize().into_bytes());
    assert_eq!(webhook.signature.as_deref(), Some(expected.as_str()));

    let body = webhook.json();
    assert!(body["id"].as_u64().is_some());
    assert_eq!(body["action"]["id"], action_id);
    assert_eq!(body["action"]["type"], "task-create");
    assert_eq!(body["action"]["task"]["conversation_id"], 1002);
    assert_eq!(
        body["action"]["task"]["message"]["content"],
        "Is the sand sofa still there?"
    );
}

#[tokio::test]
async fn notification_ids_strictly_increase() {
    let mut receiver = webhook_receiver().await;
    let app = start(config_sending_to(&receiver, 0)).await;
    for n in 0..5 {
        app.inject(1001 + n, &format!("message {n}")).await;
    }
    let mut ids = Vec::new();
    for _ in 0..5 {
        ids.push(receiver.next().await.json()["id"].as_u64().unwrap());
    }
    assert!(ids.windows(2).all(|pair| pair[0] < pair[1]), "{ids:?}");
}

#[tokio::test]
async fn dropped_notifications_leave_gaps_but_every_action_stays_readable() {
    let mut receiver = webhook_receiver().await;
    let app = start(config_sending_to(&receiver, 50)).await;
    let mut injected = Vec::new();
    for n in 0..6 {
        injected.push(app.inject(1004, &format!("ping {n}")).await);
    }

    let received = receiver.drain_when_idle(&app).await;
    let ids: Vec<u64> = received
        .iter()
        .map(|webhook| webhook.json()["id"].as_u64().unwrap())
        .collect();
    assert_eq!(
        ids.len(),
        3,
        "half of six notifications are dropped: {ids:?}"
    );
    assert!(
        ids.windows(2).all(|pair| pair[1] > pair[0] + 1),
        "gaps between received ids: {ids:?}"
    );
    assert_eq!(
        app.health().await["webhooks"],
        json!({"queued": 0, "delivered": 3, "dropped": 3, "failed": 0, "duplicated": 0})
    );

    let readable: Vec<u64> = app
        .all_actions()
        .await
        .iter()
        .map(|action| action["id"].as_u64().unwrap())
        .collect();
    assert!(injected.iter().all(|id| readable.contains(id)));
}

#[tokio::test]
async fn an_answer_is_notified_as_answer_then_execute_answer() {
    let mut receiver = webhook_receiver().await;
    let app = start(config_sending_to(&receiver, 0)).await;
    let task_id = latest_task_id(&app.conversation_actions(1001).await);
    let response = app
        .send_answer(json!({"message": "On its way!", "advisor_id": 11, "company_id": 1, "task_id": task_id}))
        .await;
    assert_eq!(response.status(), reqwest::StatusCode::OK);

    let answer = receiver.next().await.json();
    let delivery = receiver.next().await.json();
    assert_eq!(answer["action"]["type"], "answer");
    assert_eq!(delivery["action"]["type"], "execute-answer");
    assert_eq!(
        delivery["action"]["data"]["answer_action_id"],
        answer["action"]["id"]
    );
    assert!(delivery["id"].as_u64() > answer["id"].as_u64());

    assert!(
        receiver.drain_when_idle(&app).await.is_empty(),
        "nothing else is notified"
    );
    let health = app.health().await;
    assert_eq!(health["answers_in_progress"], 0);
    assert_eq!(
        health["webhooks"],
        json!({"queued": 0, "delivered": 2, "dropped": 0, "failed": 0, "duplicated": 0})
    );
}

#[tokio::test]
async fn a_refused_notification_counts_as_failed() {
    let mut receiver = webhook_receiver().await;
    let refusing = receiver.url.replace("/hooks/", "/not-hooks/");
    let app = start(alcmeon_emulator::Config {
        webhook_url: Some(refusing.parse().unwrap()),
        ..test_config()
    })
    .await;
    app.inject(1001, "Anyone?").await;
    app.inject(1002, "Hello?").await;

    let health = app.wait_until_idle().await;
    assert_eq!(
        health["webhooks"],
        json!({"queued": 0, "delivered": 0, "dropped": 0, "failed": 2, "duplicated": 0})
    );
    assert!(receiver.drain_when_idle(&app).await.is_empty());
}
