//! The crash probe: the real backend binary killed with SIGKILL during a burst of replies from
//! several agents, restarted on the same database, and every reply the agents got no answer for
//! posted again (as the widget does). Every reply reaches Alcméon exactly once.
//!
//! Bounded: 200 replies from 4 agents, one kill once 120 were accepted. Full (`FAULTS=full`):
//! 1,000 replies from 8 agents, four kills, each once a random share (10 to 90 %) of the posts
//! still unanswered were accepted, so some land while the restarted backend is still reconciling
//! what the last kill left (`FAULTS_SEED` replays a run's draws; each run prints its seed).

use std::collections::HashMap;
use std::time::Instant;

use serde_json::json;
use tempfile::TempDir;
use tokio::task::JoinSet;

use crate::helpers::{SESSION_SECRET, emulator_actions, free_port, mint};
use crate::process::{Backend, emulator_for, emulator_idle, patient_client};
use crate::scale;

/// The conversations the seed lets an agent answer now.
pub const CONVERSATIONS: [i64; 5] = [1001, 1002, 1003, 1004, 1005];

pub fn agent_token(audience: &str, agent: usize) -> String {
    mint(
        SESSION_SECRET,
        json!({ "aud": audience, "sub": format!("00500000000000{agent}AAA"),
                "email": format!("agent{agent}@example.com"), "name": format!("Agent {agent}") }),
    )
}

/// One reply of the burst: who posts it, where, and its client id (also its text).
#[derive(Clone)]
pub struct Post {
    pub agent: usize,
    pub conversation_id: i64,
    pub client_id: String,
}

pub fn burst(replies: usize, agents: usize) -> Vec<Post> {
    (0..replies)
        .map(|n| Post {
            agent: n % agents,
            conversation_id: CONVERSATIONS[n % CONVERSATIONS.len()],
            client_id: format!("kill-{n}"),
        })
        .collect()
}

/// Every burst reply's text, with how many times Alcméon recorded it.
pub async fn sent_texts(http: &reqwest::Client, emulator_url: &str) -> HashMap<String, usize> {
    let mut sent = HashMap::new();
    for action in emulator_actions(http, emulator_url).await {
        if action["type"] == "answer"
            && let Some(text) = action["data"]["answers"][0]["content"].as_str()
            && text.starts_with("kill-")
        {
            *sent.entry(text.to_owned()).or_default() += 1;
        }
    }
    sent
}

/// Posts the replies all at once, spread over the instances at `urls` (all answering to
/// `audience`); returns those that got no stored answer (cut by the kill, or refused a
/// connection). `kill` is called once `kill_after` were accepted.
pub async fn post_all(
    http: &reqwest::Client,
    urls: &[&str],
    audience: &str,
    posts: Vec<Post>,
    kill_after: Option<usize>,
    mut kill: impl FnMut(),
) -> Vec<Post> {
    let mut requests = JoinSet::new();
    for (n, post) in posts.into_iter().enumerate() {
        let (http, url) = (http.clone(), urls[n % urls.len()].to_owned());
        let token = agent_token(audience, post.agent);
        requests.spawn(async move {
            let response = http
                .post(format!(
                    "{url}/v1/conversations/{}/replies",
                    post.conversation_id
                ))
                .bearer_auth(token)
                .json(&json!({ "client_id": post.client_id, "text": post.client_id }))
                .send()
                .await;
            let stored = response.is_ok_and(|r| r.status() == 201 || r.status() == 200);
            (post, stored)
        });
    }
    let mut unanswered = vec![];
    let mut accepted = 0;
    while let Some(outcome) = requests.join_next().await {
        let (post, stored) = outcome.unwrap();
        if stored {
            accepted += 1;
            if Some(accepted) == kill_after {
                kill();
            }
        } else {
            unanswered.push(post);
        }
    }
    unanswered
}

/// A small xorshift generator: the kills' moments, reproducible from the printed seed.
struct Draws(u64);

impl Draws {
    fn seeded() -> (Self, u64) {
        let seed = std::env::var("FAULTS_SEED")
            .ok()
            .and_then(|seed| seed.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
            });
        (Self(seed | 1), seed)
    }

    /// A share of `count` between 10 and 90 %, at least 1.
    fn share_of(&mut self, count: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        let percent = 10 + (self.0 % 81) as usize;
        (count * percent / 100).max(1)
    }
}

#[tokio::test]
async fn a_backend_killed_during_a_burst_of_replies_sends_each_exactly_once_after_restart() {
    let replies = scale::pick(200, 1_000);
    let agents = scale::pick(4, 8);
    let kills = scale::pick(1, 4);
    let (mut draws, seed) = Draws::seeded();
    let port = free_port();
    let emulator = emulator_for(port).await;
    let data = TempDir::new().unwrap();
    let http = patient_client();
    let started = Instant::now();

    let mut pending = burst(replies, agents);
    let mut unanswered_at_kills = vec![];
    let mut backend = Backend::start(port, &data, &emulator.base_url(), "warn");
    backend.wait_for_replica(&http, &emulator).await;
    for _ in 0..kills {
        if pending.is_empty() {
            break;
        }
        let kill_after = scale::pick(120, draws.share_of(pending.len()));
        let mut killed = false;
        let url = backend.url.clone();
        let unanswered = post_all(&http, &[&url], &url, pending, Some(kill_after), || {
            backend.kill();
            killed = true;
        })
        .await;
        assert!(killed, "the burst ended before {kill_after} were accepted");
        unanswered_at_kills.push(unanswered.len());
        pending = unanswered;
        backend = Backend::start(port, &data, &emulator.base_url(), "warn");
        backend.wait_for_health(&http, |_| true).await;
    }
    assert!(
        unanswered_at_kills.iter().all(|&n| n > 0),
        "a kill came after its burst: {unanswered_at_kills:?}"
    );
    let still = post_all(&http, &[&backend.url], &backend.url, pending, None, || {}).await;
    assert!(still.is_empty(), "{} posts again refused", still.len());
    backend
        .wait_for_health(&http, |h| h["outbox"]["in_flight"] == 0)
        .await;
    emulator_idle(&http, &emulator.base_url()).await;

    let sent = sent_texts(&http, &emulator.base_url()).await;
    let lost = burst(replies, agents)
        .iter()
        .filter(|post| !sent.contains_key(&post.client_id))
        .count();
    let twice = sent.values().filter(|&&count| count > 1).count();
    let drawn = if scale::full() {
        format!(", seed {seed}")
    } else {
        String::new()
    };
    println!(
        "crash probe ({}): {replies} replies from {agents} agents, {} SIGKILL (unanswered at each: {unanswered_at_kills:?}{drawn}), {:.1} s: {lost} lost, {twice} sent more than once",
        scale::name(),
        unanswered_at_kills.len(),
        started.elapsed().as_secs_f64(),
    );
    assert_eq!((lost, twice), (0, 0), "lost, sent more than once");
}
