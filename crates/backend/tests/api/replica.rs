use protocol::{ItemKind, ThreadPage};

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_backend_backfills_every_seeded_action_and_serves_the_thread_from_its_replica() {
    let app = spawn_app(0).await;
    let actions = app.emulator_actions().await;
    let highest = actions
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .max()
        .unwrap();
    app.wait_for_replica("actions_read_through", highest).await;

    let response = app.get_thread(1001, Some(&app.session_token())).await;
    assert_eq!(response.status(), 200);
    let page: ThreadPage = response.json().await.unwrap();
    let of_1001 = |kind: &str| {
        actions
            .iter()
            .filter(|a| a["task"]["conversation_id"] == 1001 && a["type"] == kind)
            .count()
    };
    assert_eq!(
        page.items
            .iter()
            .filter(|i| i.kind == ItemKind::Inbound)
            .count(),
        of_1001("task-create")
    );
    assert_eq!(
        page.items
            .iter()
            .filter(|i| i.kind == ItemKind::Outbound)
            .count(),
        of_1001("answer")
    );
    assert!(
        page.items.windows(2).all(|w| w[0].id < w[1].id),
        "oldest first"
    );
    assert!(!page.conversation.customer_name.is_empty());
}

#[tokio::test]
async fn a_customer_message_reaches_the_thread_by_webhook_without_waiting_for_a_poll() {
    let app = spawn_app(0).await;
    let action_id = app
        .customer_writes(1003, "مرحبا, is my order shipped?")
        .await;
    app.wait_for_replica("latest_action_id", action_id).await;
    let page: ThreadPage = app
        .get_thread(1003, Some(&app.session_token()))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        page.items.last().unwrap().text,
        "مرحبا, is my order shipped?"
    );
}

#[tokio::test]
async fn an_unknown_conversation_is_a_not_found_error_in_the_one_error_shape() {
    let app = spawn_app(0).await;
    let response = app.get_thread(424242, Some(&app.token_for(424242))).await;
    assert_eq!(response.status(), 202, "the backend asks Alcméon first");
    let (response, _) = app.open_thread(424242).await;
    assert_eq!(response.status(), 404);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["code"], "not_found");
    assert!(body["message"].as_str().unwrap().contains("424242"));
}
