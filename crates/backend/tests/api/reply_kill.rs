//! The crash probe: the real backend binary killed with SIGKILL during a burst of replies from
//! four agents, restarted on the same database, and every reply the agents got no answer for
//! posted again (as the widget does). Every reply reaches Alcméon exactly once.

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::task::JoinSet;

use crate::helpers::{
    ALCMEON_SECRET, COMPANY_ID, INSTANCE_ID, ORG_ID, SESSION_SECRET, emulator_actions, free_port,
    mint,
};

const AGENTS: usize = 4;
const REPLIES: usize = 200;
/// The conversations the seed lets an agent answer now.
const CONVERSATIONS: [i64; 5] = [1001, 1002, 1003, 1004, 1005];
/// The replies accepted before the kill.
const ACCEPTED_BEFORE_KILL: usize = 120;

/// A backend process, killed when dropped (also when the test fails).
struct Backend {
    child: Child,
    url: String,
}

impl Drop for Backend {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_backend(port: u16, data: &TempDir, emulator_url: &str) -> Backend {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(data.path().join("backend.log"))
        .unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_alcmeon-widget-backend"))
        .env_clear()
        .env("BACKEND_ADDR", format!("127.0.0.1:{port}"))
        .env(
            "BACKEND_DATABASE_URL",
            format!("sqlite://{}", data.path().join("backend.db").display()),
        )
        .env(
            "BACKEND_ORGS",
            format!("{ORG_ID}={SESSION_SECRET}@{COMPANY_ID}"),
        )
        .env("BACKEND_REPLICA_START", "0")
        .env("BACKEND_SYNC_INTERVAL_SECS", "3600")
        .env("ALCMEON_API_URL", emulator_url)
        .env("ALCMEON_INSTANCE_ID", INSTANCE_ID)
        .env("ALCMEON_APP_SECRET", ALCMEON_SECRET)
        .env("ALCMEON_COMPANY_ID", COMPANY_ID.to_string())
        .env("ALCMEON_ROLES_FOR_REPLY", "801")
        .env("ALCMEON_ROLES_FOR_MODERATE", "802")
        .env("ALCMEON_TEAMS", "901")
        .env("ALCMEON_RATE_LIMIT_PER_MINUTE", "6000")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("the backend binary runs");
    Backend {
        child,
        url: format!("http://127.0.0.1:{port}"),
    }
}

/// Waits until `/health` answers and satisfies `done`.
async fn wait_for_health(http: &reqwest::Client, backend: &Backend, done: impl Fn(&Value) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let health = match http.get(format!("{}/health", backend.url)).send().await {
            Ok(response) => response.json::<Value>().await.ok(),
            Err(_) => None,
        };
        if health.as_ref().is_some_and(&done) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the backend never got there: {health:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn agent_token(audience: &str, agent: usize) -> String {
    mint(
        SESSION_SECRET,
        json!({ "aud": audience, "sub": format!("00500000000000{agent}AAA"),
                "email": format!("agent{agent}@example.com"), "name": format!("Agent {agent}") }),
    )
}

/// One reply of the burst: who posts it, where, and its client id (also its text).
#[derive(Clone)]
struct Post {
    agent: usize,
    conversation_id: i64,
    client_id: String,
}

fn burst() -> Vec<Post> {
    (0..REPLIES)
        .map(|n| Post {
            agent: n % AGENTS,
            conversation_id: CONVERSATIONS[n % CONVERSATIONS.len()],
            client_id: format!("kill-{n}"),
        })
        .collect()
}

/// Posts the replies all at once; returns those that got no stored answer (cut by the kill, or
/// refused a connection). `kill` is called once `ACCEPTED_BEFORE_KILL` were accepted.
async fn post_all(
    http: &reqwest::Client,
    url: &str,
    posts: Vec<Post>,
    mut kill: impl FnMut(),
) -> Vec<Post> {
    let mut requests = JoinSet::new();
    for post in posts {
        let (http, url) = (http.clone(), url.to_owned());
        let token = agent_token(&url, post.agent);
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
            if accepted == ACCEPTED_BEFORE_KILL {
                kill();
            }
        } else {
            unanswered.push(post);
        }
    }
    unanswered
}

#[tokio::test]
async fn a_backend_killed_during_a_burst_of_replies_sends_each_exactly_once_after_restart() {
    let port = free_port();
    let emulator = alcmeon_emulator::serve(alcmeon_emulator::Config {
        addr: "127.0.0.1:0".parse().unwrap(),
        instance_id: INSTANCE_ID.into(),
        secret: ALCMEON_SECRET.into(),
        rate_limit_per_minute: 100_000,
        webhook_url: Some(
            format!("http://127.0.0.1:{port}/webhooks/alcmeon")
                .parse()
                .unwrap(),
        ),
        ..Default::default()
    })
    .await
    .expect("emulator starts");
    let data = TempDir::new().unwrap();
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap();
    let mut backend = start_backend(port, &data, &emulator.base_url());
    let seeded = emulator_health(&http, &emulator.base_url()).await["latest_action_id"].as_i64();
    wait_for_health(&http, &backend, |h| {
        h["replica"]["actions_read_through"].as_i64() >= seeded
    })
    .await;

    let mut child = Some(&mut backend.child);
    let unanswered = post_all(&http, &backend.url.clone(), burst(), || {
        // SIGKILL: nothing of the process runs after this.
        child.take().unwrap().kill().unwrap();
    })
    .await;
    assert!(
        child.is_none(),
        "the burst ended before {ACCEPTED_BEFORE_KILL} were accepted"
    );
    backend.child.wait().unwrap();
    assert!(!unanswered.is_empty(), "the kill came after the burst");

    let backend = start_backend(port, &data, &emulator.base_url());
    wait_for_health(&http, &backend, |_| true).await;
    let still = post_all(&http, &backend.url, unanswered.clone(), || {}).await;
    assert!(still.is_empty(), "{} posts again refused", still.len());
    wait_for_health(&http, &backend, |h| h["outbox"]["in_flight"] == 0).await;
    let deadline = Instant::now() + Duration::from_secs(30);
    while emulator_health(&http, &emulator.base_url()).await["answers_in_progress"] != 0 {
        assert!(Instant::now() < deadline, "the emulator never settled");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let mut sent: HashMap<String, usize> = HashMap::new();
    for action in emulator_actions(&http, &emulator.base_url()).await {
        if action["type"] == "answer"
            && let Some(text) = action["data"]["answers"][0]["content"].as_str()
            && text.starts_with("kill-")
        {
            *sent.entry(text.to_owned()).or_default() += 1;
        }
    }
    let lost = burst()
        .iter()
        .filter(|post| !sent.contains_key(&post.client_id))
        .count();
    let twice = sent.values().filter(|&&count| count > 1).count();
    println!(
        "crash probe: {REPLIES} replies from {AGENTS} agents, {} unanswered at the kill: {lost} lost, {twice} sent more than once",
        unanswered.len()
    );
    assert_eq!((lost, twice), (0, 0), "lost, sent more than once");
}

async fn emulator_health(http: &reqwest::Client, base_url: &str) -> Value {
    http.get(format!("{base_url}/_emulator/health"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}
