//! The crash probe with two instances on one PostgreSQL database behind a load balancer: replies
//! from several agents are spread over both, one instance is SIGKILLed mid-burst and never comes
//! back, and the posts it left unanswered are posted again to the survivor (as the balancer would
//! route them). The survivor takes over the replies the dead instance had stored but not sent,
//! and every reply reaches Alcméon exactly once.
//!
//! Bounded: 200 replies from 4 agents. Full (`FAULTS=full`): 1,000 replies from 8 agents.
//!
//! And the order: a reply the killed instance left still sending goes to Alcméon before a reply to
//! the same conversation posted to the survivor after the kill.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::helpers::emulator_actions;
use crate::process::{AUDIENCE, PostgresPair, emulator_idle, emulator_read};
use crate::reply_kill::{agent_token, burst, post_all, sent_texts};
use crate::scale;

#[tokio::test]
async fn an_instance_killed_mid_burst_leaves_its_replies_to_the_other_each_sent_once() {
    let replies = scale::pick(200, 1_000);
    let agents = scale::pick(4, 8);
    let mut pair = PostgresPair::start().await;
    let (http, emulator_url) = (pair.http.clone(), pair.emulator.base_url());
    let started = Instant::now();

    let (doomed_url, survivor_url) = (pair.first.url.clone(), pair.second.url.clone());
    let mut killed = false;
    let unanswered = post_all(
        &http,
        &[&doomed_url, &survivor_url],
        AUDIENCE,
        burst(replies, agents),
        Some(replies / 2),
        || {
            pair.first.kill();
            killed = true;
        },
    )
    .await;
    assert!(killed, "the burst ended before the kill");
    let unanswered_at_kill = unanswered.len();
    let still = post_all(&http, &[&survivor_url], AUDIENCE, unanswered, None, || {}).await;
    assert!(
        still.is_empty(),
        "{} posts refused by the survivor",
        still.len()
    );

    // The survivor takes the dead instance's replies over within its takeover interval.
    let deadline = Instant::now() + Duration::from_secs(120);
    while sent_texts(&http, &emulator_url).await.len() < replies {
        assert!(
            Instant::now() < deadline,
            "{} of {replies} replies reached Alcméon; survivor's log:\n{}",
            sent_texts(&http, &emulator_url).await.len(),
            pair.second.log()
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let delivered_in = started.elapsed();
    pair.second
        .wait_for_health(&http, |h| h["outbox"]["in_flight"] == 0)
        .await;
    emulator_idle(&http, &emulator_url).await;

    let sent = sent_texts(&http, &emulator_url).await;
    let lost = burst(replies, agents)
        .iter()
        .filter(|post| !sent.contains_key(&post.client_id))
        .count();
    let twice = sent.values().filter(|&&count| count > 1).count();
    println!(
        "instance kill ({}): {replies} replies from {agents} agents over two instances on PostgreSQL, one SIGKILLed \
         ({unanswered_at_kill} posts unanswered, posted again to the other); all at Alcméon after {:.1} s: {lost} lost, \
         {twice} sent more than once",
        scale::name(),
        delivered_in.as_secs_f64(),
    );
    assert_eq!((lost, twice), (0, 0), "lost, sent more than once");
}

/// How many sends Alcméon was asked for, answered or not.
async fn sends_tried(http: &reqwest::Client, emulator_url: &str) -> u64 {
    emulator_read(http, emulator_url, "/calls").await["POST /v1/answer/send"]
        .as_u64()
        .unwrap_or(0)
}

/// The texts of this test's answers in conversation 1001, in the order Alcméon recorded them.
async fn answers_in_1001(http: &reqwest::Client, emulator_url: &str) -> Vec<String> {
    emulator_actions(http, emulator_url)
        .await
        .iter()
        .filter(|a| a["type"] == "answer" && a["task"]["conversation_id"] == 1001)
        .filter_map(|a| a["data"]["answers"][0]["content"].as_str())
        .filter(|text| text.starts_with("order-"))
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn a_reply_the_killed_instance_left_leaves_before_one_posted_to_the_other_after_it() {
    let mut pair = PostgresPair::start().await;
    let (http, emulator_url) = (pair.http.clone(), pair.emulator.base_url());
    let post = |url: &str, text: &str| {
        http.post(format!("{url}/v1/conversations/1001/replies"))
            .bearer_auth(agent_token(AUDIENCE, 1))
            .json(&json!({ "client_id": text, "text": text }))
            .send()
    };

    // Alcméon answers sends with a 500 for a few seconds: the first reply is still sending when
    // its instance is killed.
    let outage = http
        .post(format!("{emulator_url}/_emulator/outages/answer-send"))
        .json(&json!({ "answer": "500", "seconds": 5 }))
        .send()
        .await
        .unwrap();
    assert_eq!(outage.status(), 200);
    let first = post(&pair.first.url, "order-1").await.unwrap();
    assert_eq!(first.status(), 201);
    let deadline = Instant::now() + Duration::from_secs(30);
    while sends_tried(&http, &emulator_url).await == 0 {
        assert!(
            Instant::now() < deadline,
            "the first reply is tried during the outage"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    pair.first.kill();
    let second = post(&pair.second.url, "order-2").await.unwrap();
    assert_eq!(second.status(), 201);

    let deadline = Instant::now() + Duration::from_secs(120);
    while answers_in_1001(&http, &emulator_url).await.len() < 2 {
        assert!(
            Instant::now() < deadline,
            "both replies reach Alcméon; survivor's log:\n{}",
            pair.second.log()
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert_eq!(
        answers_in_1001(&http, &emulator_url).await,
        ["order-1", "order-2"],
        "the reply posted first leaves first, though another instance took it over"
    );
}
