use crate::helpers::{start, test_config};

#[tokio::test]
async fn an_injected_message_survives_a_restart() {
    let folder = tempfile::tempdir().unwrap();
    let config = alcmeon_emulator::Config {
        state_path: Some(folder.path().join("state.json")),
        ..test_config()
    };

    let first = start(config.clone()).await;
    let action_id = first.inject(1003, "Still there after a restart?").await;
    let conversation_before = first.conversation_actions(1003).await;
    drop(first);

    let second = start(config).await;
    let conversation_after = second.conversation_actions(1003).await;
    assert_eq!(conversation_after, conversation_before);
    let last = conversation_after.last().unwrap();
    assert_eq!(last["id"], action_id);
    assert_eq!(
        last["task"]["message"]["content"],
        "Still there after a restart?"
    );
    let next_id = second.inject(1003, "and the ids go on").await;
    assert_eq!(next_id, action_id + 1);
}

#[tokio::test]
async fn a_missing_state_file_starts_from_the_demo_and_creates_the_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("fresh.json");
    let app = start(alcmeon_emulator::Config {
        state_path: Some(path.clone()),
        ..test_config()
    })
    .await;
    assert!(path.exists());
    assert!(!app.conversation_actions(1005).await.is_empty());
}

#[tokio::test]
async fn a_sent_engagement_survives_a_restart_and_can_then_be_answered() {
    let folder = tempfile::tempdir().unwrap();
    let config = alcmeon_emulator::Config {
        state_path: Some(folder.path().join("state.json")),
        ..test_config()
    };
    let first = start(config.clone()).await;
    let body = serde_json::json!({"to_user_phone_number": "33612345678", "account_id": 201,
        "template_id": 2003, "variables": {"body": {"customer_name": "Camille"}}});
    let response = first
        .post("/v1/whatsapp/send/")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    let message_id = response.json::<serde_json::Value>().await.unwrap()["message_id"].clone();
    drop(first);

    let second = start(config).await;
    let answer = second
        .client
        .post(second.url(&format!(
            "/_emulator/engagements/{}/answer",
            message_id.as_str().unwrap()
        )))
        .json(&serde_json::json!({"text": "It was great"}))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), reqwest::StatusCode::OK);
    let conversation_id = answer.json::<serde_json::Value>().await.unwrap()["conversation_id"]
        .as_u64()
        .unwrap();
    let actions = second.conversation_actions(conversation_id).await;
    assert_eq!(
        actions[0]["data"]["answers"][0]["content"],
        "Hi Camille, how was your experience with Lumio? Just reply to this message."
    );
    assert_eq!(
        actions.last().unwrap()["task"]["message"]["content"],
        "It was great"
    );
}

/// A running emulator writes its changes out by itself, soon: a crash later keeps them.
#[tokio::test]
async fn a_change_reaches_the_state_file_while_the_emulator_runs() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("state.json");
    let app = start(alcmeon_emulator::Config {
        state_path: Some(path.clone()),
        ..test_config()
    })
    .await;
    for n in 1..=5 {
        app.inject(1003, &format!("saved while running {n}")).await;
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let saved = std::fs::read_to_string(&path).unwrap();
        if (1..=5).all(|n| saved.contains(&format!("saved while running {n}"))) {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the state file lacks the burst 10 s after it"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    drop(app);
}
