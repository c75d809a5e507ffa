use protocol::{ConversationEvent, ConversationStatus, Delivery, ItemKind, ThreadPage};
use serde_json::{Value, json};

use crate::helpers::{SESSION_SECRET, mint, spawn_app};

async fn error_code(response: reqwest::Response) -> (u16, String) {
    let status = response.status().as_u16();
    let body: Value = response.json().await.unwrap();
    (status, body["code"].as_str().unwrap().to_owned())
}

#[tokio::test]
async fn seeded_agent_actions_show_as_events_signed_by_the_agent_who_acted() {
    let app = spawn_app(0).await;
    app.replica_ready().await;
    let page = app.page(1001).await;
    let events: Vec<_> = page
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Event)
        .collect();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].author, "Sophie Laurent");
    assert_eq!(
        events[0].event,
        Some(ConversationEvent::Assigned {
            to: "Karim Benali".into()
        })
    );
    let tagged = app.page(1004).await.items.into_iter().find_map(|i| i.event);
    assert_eq!(
        tagged,
        Some(ConversationEvent::Tagged {
            tag: "Topic".into(),
            value: "Delivery delay".into()
        })
    );
}

#[tokio::test]
async fn archived_and_out_of_window_conversations_refuse_replies_and_say_why() {
    let app = spawn_app(0).await;
    app.replica_ready().await;

    let archived = app.page(1007).await;
    assert_eq!(archived.conversation.status, ConversationStatus::Closed);
    let response = app.post_reply(1007, "closed-1", "Anything else?").await;
    assert_eq!(
        error_code(response).await,
        (409, "conversation_closed".into())
    );

    let quiet = app.page(1006).await;
    assert_eq!(quiet.conversation.status, ConversationStatus::Open);
    let wrote = quiet.conversation.last_inbound_at_ms.unwrap();
    assert!(chrono::Utc::now().timestamp_millis() - wrote > 48 * 3600 * 1000);
    let response = app.post_reply(1006, "late-1", "Sorry for the wait").await;
    assert_eq!(
        error_code(response).await,
        (409, "reply_window_closed".into())
    );

    let reopened = app.page(1004).await;
    assert_eq!(
        reopened.conversation.status,
        ConversationStatus::Open,
        "the customer wrote after the archive"
    );
    for conversation in [1006, 1007] {
        let items = app.page(conversation).await.items;
        assert!(
            items.iter().all(|i| i.client_id.is_none()),
            "nothing stored"
        );
    }
}

/// Karim archives conversation 1002 in Alcméon; returns the archive's action id.
async fn karim_archives_1002(app: &crate::helpers::TestApp) -> i64 {
    let archive = app
        .emulator_control(
            "/conversations/1002/agent-actions",
            json!({"type": "archive", "agent_email": "karim.benali@example.com"}),
        )
        .await;
    archive["action_id"].as_i64().unwrap()
}

/// A post sent again (its answer was lost) after the conversation closed is answered with the
/// reply it stored, not refused as if it were new: the agent sees it was taken, once.
#[tokio::test]
async fn a_reply_posted_again_after_the_conversation_closed_is_the_one_stored() {
    let app = spawn_app(0).await;
    app.replica_ready().await;
    let first = app.post_reply(1002, "before-archive", "See you soon").await;
    assert_eq!(first.status(), 201);
    let first: protocol::ThreadItem = first.json().await.unwrap();
    let archive_id = karim_archives_1002(&app).await;
    app.wait_for_item(1002, |i| i.id == archive_id).await;
    let again = app.post_reply(1002, "before-archive", "See you soon").await;
    assert_eq!(again.status(), 200);
    let again: protocol::ThreadItem = again.json().await.unwrap();
    assert_eq!(again.client_id, first.client_id);
    assert_eq!(again.text, "See you soon");
    let response = app.post_reply(1002, "after-archive", "Hello?").await;
    assert_eq!(
        error_code(response).await,
        (409, "conversation_closed".into())
    );
}

#[tokio::test]
async fn an_agent_archiving_live_closes_the_conversation_until_the_customer_writes_again() {
    let app = spawn_app(0).await;
    app.replica_ready().await;
    let archive_id = karim_archives_1002(&app).await;
    let item = app.wait_for_item(1002, |i| i.id == archive_id).await;
    assert_eq!(
        (item.kind, item.author.as_str(), item.event),
        (
            ItemKind::Event,
            "Karim Benali",
            Some(ConversationEvent::Archived)
        )
    );
    assert_eq!(
        app.page(1002).await.conversation.status,
        ConversationStatus::Closed
    );
    let response = app.post_reply(1002, "after-archive", "Hello?").await;
    assert_eq!(
        error_code(response).await,
        (409, "conversation_closed".into())
    );

    let again = app.customer_writes(1002, "One more question").await;
    app.wait_for_replica("latest_action_id", again).await;
    assert_eq!(
        app.page(1002).await.conversation.status,
        ConversationStatus::Open
    );
    let response = app.post_reply(1002, "after-reopen", "Sure!").await;
    assert_eq!(response.status(), 201);
}

#[tokio::test]
async fn the_page_names_its_viewer_and_tells_their_replies_from_a_colleagues() {
    let app = spawn_app(0).await;
    app.replica_ready().await;
    let camille = mint(
        SESSION_SECRET,
        json!({"aud": app.audience(), "email": "Camille.Martin@Example.com",
               "name": "Camille Martin", "perms": {"reply": false}}),
    );
    let page: ThreadPage = app
        .get_thread(1003, Some(&camille))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page.viewer.email, "camille.martin@example.com");
    assert!(!page.viewer.may_reply);

    let writer = mint(
        SESSION_SECRET,
        json!({"aud": app.audience(), "email": "Agent@Example.com"}),
    );
    let response = app.post_reply_as(&writer, 1003, "mine-1", "On it").await;
    assert_eq!(response.status(), 201);
    let mine = app
        .wait_for_reply(1003, "mine-1", |d| *d == Delivery::Sent)
        .await;
    assert_eq!(mine.agent_email.as_deref(), Some("agent@example.com"));

    let colleague = app
        .emulator_control(
            "/conversations/1003/agent-replies",
            json!({"text": "Emma here, I have the tracking number",
                   "agent_email": "Emma.Schmidt@example.com"}),
        )
        .await;
    let answer_id = colleague["answer_action_id"].as_i64().unwrap();
    let theirs = app.wait_for_item(1003, |i| i.id == answer_id).await;
    assert_eq!(theirs.kind, ItemKind::Outbound);
    assert_eq!(theirs.author, "Emma Schmidt");
    assert_eq!(
        theirs.agent_email.as_deref(),
        Some("emma.schmidt@example.com")
    );
    assert_eq!(theirs.client_id, None);
}
