//! Replies to one conversation reach Alcméon in the order they were stored, even when they wait
//! for the rate limit together or reach different instances sharing the database; a retried reply goes after what its conversation had queued; two
//! conversations' replies go out side by side. Read at the emulator: its `answer` actions, in id
//! order (it records answers in the order it accepted them).

use protocol::{Delivery, ThreadItem};
use serde_json::{Value, json};
use tokio::task::JoinSet;

use crate::helpers::{ORG_ID, Options, SESSION_SECRET, TestApp, mint, spawn_app_with};

/// The texts of the emulator's `answer` actions on `conversation_id` that start with `prefix`, in
/// the order Alcméon recorded them, once the outbox has sent everything it was given.
async fn answers_in_order(app: &TestApp, conversation_id: i64, prefix: &str) -> Vec<String> {
    app.outbox_idle().await;
    app.emulator_idle().await;
    app.emulator_actions()
        .await
        .iter()
        .filter(|a| a["type"] == "answer" && a["task"]["conversation_id"] == conversation_id)
        .filter_map(|a| a["data"]["answers"][0]["content"].as_str())
        .filter(|text| text.starts_with(prefix))
        .map(str::to_owned)
        .collect()
}

/// The backend's budget at 60 calls a minute: a burst of 20, then one a second. (Alcméon's is
/// left wide, for the test's own reads.)
fn one_call_a_second() -> Options {
    Options {
        backend_rate_limit: 60,
        ..Options::default()
    }
}

#[tokio::test]
async fn thirty_replies_posted_at_once_leave_in_the_order_they_were_stored() {
    let app = spawn_app_with(one_call_a_second()).await;
    app.replica_ready().await;
    let url = app.url("/v1/conversations/1001/replies");
    let token = app.token_for(1001);
    let mut posts = JoinSet::new();
    for n in 0..30 {
        let (http, url, token) = (app.http.clone(), url.clone(), token.clone());
        posts.spawn(async move {
            let response = http
                .post(url)
                .bearer_auth(token)
                .json(&json!({ "client_id": format!("burst-{n}"), "text": format!("burst {n}") }))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 201);
            response.json::<ThreadItem>().await.unwrap()
        });
    }
    let mut stored: Vec<ThreadItem> = posts.join_all().await;
    // The item id of a reply Alcméon has not recorded yet grows with the stored reply's id.
    stored.sort_by_key(|item| item.id);
    let stored_order: Vec<String> = stored.into_iter().map(|item| item.text).collect();

    let sent_order = answers_in_order(&app, 1001, "burst ").await;
    assert_eq!(sent_order, stored_order);
}

#[tokio::test]
async fn two_conversations_replies_go_out_side_by_side_each_in_its_own_order() {
    let app = spawn_app_with(one_call_a_second()).await;
    app.replica_ready().await;
    for n in 0..12 {
        for conversation in [1001, 1002] {
            let text = format!("side {conversation} {n}");
            let response = app
                .post_reply(conversation, &format!("side-{conversation}-{n}"), &text)
                .await;
            assert_eq!(response.status(), 201);
        }
    }
    let first = answers_in_order(&app, 1001, "side ").await;
    let second = answers_in_order(&app, 1002, "side ").await;
    let posted = |conversation: i64| -> Vec<String> {
        (0..12)
            .map(|n| format!("side {conversation} {n}"))
            .collect()
    };
    assert_eq!(first, posted(1001));
    assert_eq!(second, posted(1002));

    let answer_ids: Vec<(i64, String)> = app
        .emulator_actions()
        .await
        .iter()
        .filter(|a| a["type"] == "answer")
        .filter_map(|a| {
            let text = a["data"]["answers"][0]["content"].as_str()?;
            text.starts_with("side ")
                .then(|| (a["id"].as_i64().unwrap(), text.to_owned()))
        })
        .collect();
    let id_of = |text: &str| answer_ids.iter().find(|(_, t)| t == text).unwrap().0;
    assert!(
        id_of("side 1002 0") < id_of("side 1001 11"),
        "conversation 1002 waited for all of 1001: {answer_ids:?}"
    );
}

#[tokio::test]
async fn a_retried_reply_goes_after_the_replies_its_conversation_had_queued() {
    let app = spawn_app_with(one_call_a_second()).await;
    app.replica_ready().await;
    assert_eq!(
        app.post_reply(1004, "q-1", "queue 1 [fail]").await.status(),
        201
    );
    app.wait_for_reply(1004, "q-1", |d| matches!(d, Delivery::Failed { .. }))
        .await;
    // Alcméon refuses every call for a while, as when other clients spent the budget: the next
    // replies wait in the queue, more than the budget's burst, and the retry joins them there.
    let held: Value = app
        .emulator_control("/rate-limits/api/hold", json!({ "seconds": 3 }))
        .await;
    assert!(held["rate_limited_until"].is_string());
    let mut expected = vec!["queue 1 [fail]".to_owned()];
    for n in 2..=25 {
        let text = format!("queue {n}");
        let posted = app.post_reply(1004, &format!("q-{n}"), &text).await;
        assert_eq!(posted.status(), 201);
        expected.push(text);
    }
    assert_eq!(app.retry_reply(1004, "q-1").await.status(), 202);
    expected.push("queue 1 [fail]".to_owned());

    assert_eq!(answers_in_order(&app, 1004, "queue ").await, expected);
}

#[tokio::test]
async fn replies_posted_to_two_instances_in_turn_leave_in_the_order_they_were_posted() {
    let app = spawn_app_with(Options {
        postgres: true,
        ..one_call_a_second()
    })
    .await;
    app.replica_ready().await;
    let other = app.start_instance().await;
    let instances = [app.url(""), format!("http://{}", other.addr)];
    let post = |instance: usize, email: &str, n: usize| {
        let token = mint(
            SESSION_SECRET,
            json!({"org": ORG_ID, "aud": app.audience(), "email": email, "name": email,
                   "perms": {"reply": true, "moderate": false}, "convs": [1001]}),
        );
        let url = format!("{}/v1/conversations/1001/replies", instances[instance]);
        let http = app.http.clone();
        async move {
            let text = format!("turn {n}");
            let response = http
                .post(url)
                .bearer_auth(token)
                .json(&json!({ "client_id": format!("turn-{n}"), "text": text }))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 201, "{text}");
            text
        }
    };
    // Each reply on A is a new agent's, whose account A must create first; each reply on B is from
    // an agent B knows: B could send its reply before A's, which was posted first.
    let mut posted = vec![];
    for n in 0..8 {
        let (instance, email) = if n % 2 == 0 {
            (0, format!("new.agent{n}@example.com"))
        } else {
            (1, "camille.martin@example.com".to_owned())
        };
        posted.push(post(instance, &email, n).await);
    }
    for n in 0..8 {
        app.wait_for_reply(1001, &format!("turn-{n}"), |d| *d == Delivery::Sent)
            .await;
    }
    assert_eq!(answers_in_order(&app, 1001, "turn ").await, posted);
}
