//! Clients that hang up mid-request (a closed tab, a dropped connection, a proxy's timeout): the
//! backend stops each request wherever it was, waiting for a connection, for the thread writers'
//! turn or for a statement. Nothing a request left behind may hold the others up: with two
//! instances on PostgreSQL, every reply posted again is accepted on either instance and reaches
//! Alcméon exactly once. The same on one instance on SQLite.
//!
//! Bounded: 300 replies from 4 agents, each first posted by a client that gives up after 1 to
//! 300 ms. Full (`FAULTS=full`): 2,000.

use std::time::{Duration, Instant};

use serde_json::json;
use tempfile::TempDir;
use tokio::task::JoinSet;

use crate::helpers::free_port;
use crate::process::{
    AUDIENCE, Backend, PostgresPair, emulator_for, emulator_idle, patient_client,
};
use crate::reply_kill::{CONVERSATIONS, agent_token, burst, post_all, sent_texts};
use crate::scale;

/// How long the client of the `n`th post waits before it hangs up: 1 to 300 ms, spread over the
/// burst, so that requests are cut at every step, some after their reply was stored.
fn patience(n: usize) -> Duration {
    Duration::from_millis(1 + (n as u64 * 7) % 300)
}

#[tokio::test]
async fn replies_whose_clients_hang_up_mid_request_hold_nothing_up_and_are_each_sent_once() {
    let pair = PostgresPair::start().await;
    hang_up_then_post_again(
        &pair.http,
        &pair.emulator.base_url(),
        [&pair.first, &pair.second],
        AUDIENCE,
        "two instances on PostgreSQL",
    )
    .await;
}

#[tokio::test]
async fn on_sqlite_replies_whose_clients_hang_up_mid_request_are_each_sent_once() {
    let port = free_port();
    let emulator = emulator_for(port).await;
    let data = TempDir::new().unwrap();
    let http = patient_client();
    let backend = Backend::start(port, &data, &emulator.base_url(), "warn");
    backend.wait_for_replica(&http, &emulator).await;
    let audience = backend.url.clone();
    hang_up_then_post_again(
        &http,
        &emulator.base_url(),
        [&backend, &backend],
        &audience,
        "one instance on SQLite",
    )
    .await;
}

/// Posts the burst once with clients that hang up, alternating between `instances`, then again
/// with patient ones, and checks that every reply reaches Alcméon once.
async fn hang_up_then_post_again(
    http: &reqwest::Client,
    emulator_url: &str,
    instances: [&Backend; 2],
    audience: &str,
    setting: &str,
) {
    let replies = scale::pick(300, 2_000);
    let agents = 4;
    let urls = instances.map(|instance| instance.url.clone());

    let mut impatient = JoinSet::new();
    for (n, post) in burst(replies, agents).into_iter().enumerate() {
        let (http, url, token) = (
            http.clone(),
            urls[n % 2].clone(),
            agent_token(audience, post.agent),
        );
        impatient.spawn(async move {
            http.post(format!(
                "{url}/v1/conversations/{}/replies",
                post.conversation_id
            ))
            .bearer_auth(token)
            .json(&json!({ "client_id": post.client_id, "text": post.client_id }))
            .timeout(patience(n))
            .send()
            .await
            .is_err()
        });
    }
    let hung_up = impatient
        .join_all()
        .await
        .into_iter()
        .filter(|&hung_up| hung_up)
        .count();
    assert!(hung_up > replies / 10, "only {hung_up} clients hung up");

    // A reply stored before its client hung up is sent without being posted again.
    let deadline = Instant::now() + Duration::from_secs(30);
    let stored = loop {
        let stored = stored_replies(http, &urls[0], audience).await;
        let sent = sent_texts(http, emulator_url).await;
        let unsent: Vec<&String> = stored.iter().filter(|id| !sent.contains_key(*id)).collect();
        if unsent.is_empty() {
            break stored.len();
        }
        assert!(
            Instant::now() < deadline,
            "{} of the {} replies stored before their clients hung up were never sent: {unsent:?}",
            unsent.len(),
            stored.len()
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    };

    // As the widget does: every reply posted again, to either instance, by a patient client.
    let started = Instant::now();
    let refused = post_all(
        http,
        &[&urls[1], &urls[0]],
        audience,
        burst(replies, agents),
        None,
        || {},
    )
    .await;
    let posted_again_in = started.elapsed();
    assert!(
        refused.is_empty(),
        "{} posts refused after the hang-ups; first instance's log:\n{}",
        refused.len(),
        instances[0].log()
    );

    let deadline = Instant::now() + Duration::from_secs(120);
    while sent_texts(http, emulator_url).await.len() < replies {
        assert!(
            Instant::now() < deadline,
            "{} of {replies} replies reached Alcméon",
            sent_texts(http, emulator_url).await.len()
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let delivered_in = started.elapsed();
    for instance in instances {
        instance
            .wait_for_health(http, |h| h["outbox"]["in_flight"] == 0)
            .await;
    }
    emulator_idle(http, emulator_url).await;

    let sent = sent_texts(http, emulator_url).await;
    let twice = sent.values().filter(|&&count| count > 1).count();
    println!(
        "hang-ups ({}): {replies} replies from {agents} agents, {setting}, {hung_up} clients hung up after 1 to 300 ms, \
         {stored} stored at the first post, each sent without being posted again; all posted again in {:.1} s, all at Alcméon after {:.1} s: {} lost, {twice} sent more than once",
        scale::name(),
        posted_again_in.as_secs_f64(),
        delivered_in.as_secs_f64(),
        replies - sent.len(),
    );
    assert_eq!(
        (replies - sent.len(), twice),
        (0, 0),
        "lost, sent more than once"
    );
}

/// The client ids of the burst's replies the backend stored, read from the conversations' threads.
async fn stored_replies(http: &reqwest::Client, url: &str, audience: &str) -> Vec<String> {
    let mut stored = vec![];
    for conversation_id in CONVERSATIONS {
        let page: serde_json::Value = http
            .get(format!(
                "{url}/v1/conversations/{conversation_id}/thread?limit=200"
            ))
            .bearer_auth(agent_token(audience, 0))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let items = page["items"].as_array().expect("a thread page");
        stored.extend(
            items
                .iter()
                .filter_map(|item| item["client_id"].as_str())
                .filter(|id| id.starts_with("kill-"))
                .map(str::to_owned),
        );
    }
    stored
}
