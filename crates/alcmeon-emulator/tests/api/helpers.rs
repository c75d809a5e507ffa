//! Starting emulators and webhook receivers, and the HTTP calls the tests repeat.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use alcmeon_emulator::{Config, RunningEmulator, serve};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::routing::post;
use reqwest::{RequestBuilder, Response};
use serde_json::{Value, json};
use tokio::sync::mpsc;

pub const INSTANCE_ID: &str = "demo-instance";
pub const SECRET: &str = "demo-secret";

/// A configuration for tests: any free port, and a rate limit no test reaches by accident.
pub fn test_config() -> Config {
    Config {
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        rate_limit_per_minute: 10_000,
        ..Config::default()
    }
}

pub struct TestEmulator {
    pub emulator: RunningEmulator,
    pub client: reqwest::Client,
}

pub async fn start(config: Config) -> TestEmulator {
    let emulator = serve(config).await.expect("the emulator starts");
    TestEmulator {
        emulator,
        client: reqwest::Client::new(),
    }
}

pub async fn start_default() -> TestEmulator {
    start(test_config()).await
}

impl TestEmulator {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.emulator.base_url())
    }

    /// A GET authenticated with HTTP Basic.
    pub fn get(&self, path: &str) -> RequestBuilder {
        self.client
            .get(self.url(path))
            .basic_auth(INSTANCE_ID, Some(SECRET))
    }

    pub fn post(&self, path: &str) -> RequestBuilder {
        self.client
            .post(self.url(path))
            .basic_auth(INSTANCE_ID, Some(SECRET))
    }

    pub async fn get_json(&self, path: &str) -> Value {
        let response = self.get(path).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        response.json().await.unwrap()
    }

    pub async fn all_actions(&self) -> Vec<Value> {
        let mut actions = Vec::new();
        loop {
            let last = actions
                .last()
                .map_or(0, |action: &Value| action["id"].as_u64().unwrap());
            let page = self
                .get_json(&format!("/actions?min_action_id={last}"))
                .await;
            let page = page.as_array().unwrap().clone();
            if page.is_empty() {
                return actions;
            }
            actions.extend(page);
        }
    }

    pub async fn conversation_actions(&self, conversation_id: u64) -> Vec<Value> {
        let body = self
            .get_json(&format!("/actions/conversations/{conversation_id}"))
            .await;
        body[0]["actions"].as_array().cloned().unwrap_or_default()
    }

    /// Makes the conversation's customer write `text`; returns the new action id.
    pub async fn inject(&self, conversation_id: u64, text: &str) -> u64 {
        let response = self
            .client
            .post(self.url(&format!(
                "/_emulator/conversations/{conversation_id}/inbound"
            )))
            .json(&json!({"text": text}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        response.json::<Value>().await.unwrap()["action_id"]
            .as_u64()
            .unwrap()
    }

    pub async fn send_answer(&self, body: Value) -> Response {
        self.post("/v1/answer/send")
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// `GET /_emulator/health`, which needs no credentials.
    pub async fn health(&self) -> Value {
        let response = self
            .client
            .get(self.url("/_emulator/health"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "GET /_emulator/health");
        response.json().await.unwrap()
    }

    /// Polls the health until the emulator is idle (no answer in progress, no webhook queued or
    /// being sent), for at most ten seconds; returns that health.
    pub async fn wait_until_idle(&self) -> Value {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let health = self.health().await;
            let answers = health["answers_in_progress"].as_u64().unwrap();
            let webhooks = health["webhooks"]["queued"].as_u64().unwrap();
            if answers == 0 && webhooks == 0 {
                return health;
            }
            assert!(
                Instant::now() < deadline,
                "the emulator is still busy after ten seconds: {health}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Polls a conversation until `done` holds for its actions, for at most five seconds.
    pub async fn wait_for_conversation(
        &self,
        conversation_id: u64,
        done: impl Fn(&[Value]) -> bool,
    ) -> Vec<Value> {
        for _ in 0..100 {
            let actions = self.conversation_actions(conversation_id).await;
            if done(&actions) {
                return actions;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("conversation {conversation_id} never reached the expected state");
    }
}

/// The task id of the latest customer message of a conversation.
pub fn latest_task_id(actions: &[Value]) -> u64 {
    actions
        .iter()
        .rev()
        .find(|action| action["type"] == "task-create")
        .unwrap()["task"]["id"]
        .as_u64()
        .unwrap()
}

/// One webhook call as the receiver saw it.
pub struct ReceivedWebhook {
    pub path: String,
    pub signature: Option<String>,
    pub body: Bytes,
}

impl ReceivedWebhook {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

pub struct WebhookReceiver {
    pub url: String,
    received: mpsc::UnboundedReceiver<ReceivedWebhook>,
    _server: tokio::task::JoinHandle<()>,
}

/// A tiny receiver on a free port that records every POST under `/hooks/`.
pub async fn webhook_receiver() -> WebhookReceiver {
    let (sender, received) = mpsc::unbounded_channel();
    let router = axum::Router::new()
        .route("/hooks/{*rest}", post(record_webhook))
        .with_state(sender);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!(
        "http://{}/hooks/alcmeon?source=emulator",
        listener.local_addr().unwrap()
    );
    let server = tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    WebhookReceiver {
        url,
        received,
        _server: server,
    }
}

async fn record_webhook(
    State(sender): State<mpsc::UnboundedSender<ReceivedWebhook>>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let signature = headers
        .get("X-Alcmeon-Webhook-Signature")
        .map(|value| value.to_str().unwrap().to_owned());
    let _ = sender.send(ReceivedWebhook {
        path: uri.path().to_owned(),
        signature,
        body,
    });
    StatusCode::OK
}

impl WebhookReceiver {
    pub async fn next(&mut self) -> ReceivedWebhook {
        tokio::time::timeout(Duration::from_secs(5), self.received.recv())
            .await
            .expect("a webhook arrives within five seconds")
            .unwrap()
    }

    /// Waits until `app` (which sends to this receiver) is idle, then returns every webhook
    /// received and not yet taken by [`WebhookReceiver::next`]: all that `app` will send until it
    /// is asked for more.
    pub async fn drain_when_idle(&mut self, app: &TestEmulator) -> Vec<ReceivedWebhook> {
        app.wait_until_idle().await;
        let mut all = Vec::new();
        while let Ok(webhook) = self.received.try_recv() {
            all.push(webhook);
        }
        all
    }
}
