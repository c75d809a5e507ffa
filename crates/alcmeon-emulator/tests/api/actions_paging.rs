use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::start_default;

fn ids(actions: &Value) -> Vec<u64> {
    actions
        .as_array()
        .unwrap()
        .iter()
        .map(|action| action["id"].as_u64().unwrap())
        .collect()
}

#[tokio::test]
async fn a_page_holds_at_most_ten_actions_in_ascending_order() {
    let app = start_default().await;
    let page = app.get_json("/actions?min_action_id=0").await;
    assert_eq!(ids(&page), (1..=10).collect::<Vec<_>>());
}

#[tokio::test]
async fn min_is_exclusive_and_max_is_inclusive() {
    let app = start_default().await;
    assert_eq!(
        ids(&app
            .get_json("/actions?min_action_id=4&max_action_id=7")
            .await),
        vec![5, 6, 7]
    );
    assert_eq!(
        ids(&app
            .get_json("/actions?min_action_id=7&max_action_id=7")
            .await),
        Vec::<u64>::new()
    );
    assert_eq!(
        ids(&app
            .get_json("/actions?min_action_id=12&max_action_id=40")
            .await),
        (13..=22).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn paging_from_the_last_id_reads_every_action_once() {
    let app = start_default().await;
    let all = app.all_actions().await;
    let all_ids: Vec<u64> = all
        .iter()
        .map(|action| action["id"].as_u64().unwrap())
        .collect();
    assert_eq!(all_ids, (1..=all.len() as u64).collect::<Vec<_>>());
    let beyond = app
        .get_json(&format!("/actions?min_action_id={}", all.len()))
        .await;
    assert_eq!(beyond, Value::Array(vec![]));
}

#[tokio::test]
async fn a_missing_or_invalid_min_is_a_bad_request() {
    let app = start_default().await;
    for path in [
        "/actions",
        "/actions?min_action_id=",
        "/actions?min_action_id=abc",
        "/actions?min_action_id=1&max_action_id=x",
    ] {
        let response = app.get(path).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{path}");
        let body: Value = response.json().await.unwrap();
        assert!(
            body["error"].is_string() && body["details"].is_string(),
            "{path}: {body}"
        );
    }
}

#[tokio::test]
async fn a_conversation_lists_its_own_actions_wrapped_in_an_array() {
    let app = start_default().await;
    let body = app.get_json("/actions/conversations/1003").await;
    let conversations = body.as_array().unwrap();
    assert_eq!(conversations.len(), 1);
    assert_eq!(conversations[0]["id"], 1003);
    let actions = conversations[0]["actions"].as_array().unwrap();
    assert!(!actions.is_empty());
    assert!(
        actions
            .iter()
            .all(|action| action["task"]["conversation_id"] == 1003)
    );
    assert_eq!(actions[0]["task"]["message"]["author"]["name"], "ليلى حداد");

    assert_eq!(
        app.get_json("/actions/conversations/999999").await,
        Value::Array(vec![])
    );
}
