use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use alcmeon_emulator::RunningEmulator;
use backend::store::Store;
use backend::{Config, OrgSecret, ReplicaStart, RunningServer};
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use serde_json::{Value, json};
use tempfile::TempDir;

pub const ORG_ID: &str = "00D000000000TESTAAA";
pub const SESSION_SECRET: &str = "test-session-secret-0123456789";
pub const ALCMEON_SECRET: &str = "test-alcmeon-secret";
pub const INSTANCE_ID: &str = "test-instance";
/// The Alcméon company (environment) the emulator answers for, and so the test org's.
pub const COMPANY_ID: i64 = 1;
/// The emulator's seeded conversation custom field "Salesforce owner".
pub const SF_OWNER_FIELD_ID: i64 = 6001;
/// The conversations the emulator seeds; the default test agent's record names them all, so tests
/// about other things need not mint a token per conversation (`tests/api/access.rs` does).
/// A webhook signature of Alcméon's shape (64 hex digits) that is not a valid one.
pub const SHAPED_SIGNATURE: &str =
    "0000000000000000000000000000000000000000000000000000000000000000";
/// The backend's cap on a webhook's body (`http/webhook.rs`).
pub const WEBHOOK_BODY_CAP: usize = 64 * 1024 * 1024;

pub const SEEDED_CONVERSATIONS: [i64; 7] = [1007, 1006, 1005, 1004, 1003, 1002, 1001];
/// The record the default test agent's token was minted on.
pub const RECORD_ID: &str = "500000000000001AAA";

pub struct TestApp {
    /// `None` only while the backend restarts.
    backend: Option<RunningServer>,
    backend_config: Config,
    addr: SocketAddr,
    pub emulator: RunningEmulator,
    pub http: reqwest::Client,
    _data: TempDir,
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// How a test's emulator and backend are set up.
#[derive(Debug, Clone)]
pub struct Options {
    pub webhook_drop_percent: u8,
    /// `ALCMEON_EMULATOR_WEBHOOK_DUPLICATE_PERCENT`.
    pub webhook_duplicate_percent: u8,
    /// Alcméon's limit, in calls per sliding minute.
    pub emulator_rate_limit: u32,
    /// The emulator's sliding window for that limit (a minute, as Alcméon's, unless shortened).
    pub emulator_rate_window: Duration,
    /// The backend's own budget of Alcméon calls per minute.
    pub backend_rate_limit: u32,
    /// How long the backend keeps logged thread changes.
    pub event_retention: Duration,
    /// `BACKEND_ALLOWED_ORIGINS`.
    pub allowed_origins: Vec<String>,
    /// `BACKEND_WIDGET_DIR`.
    pub widget_dir: Option<PathBuf>,
    /// `BACKEND_REPLICA_START`: most tests read the demo's few actions from the beginning.
    pub replica_start: ReplicaStart,
    /// `ALCMEON_EMULATOR_BULK_ACTIONS` and `_BULK_CONVERSATIONS`: generated history after the demo.
    pub bulk: Option<(u64, u64)>,
    /// `ALCMEON_OPTIN_LIST_IDS`: none, as in production unless set, so the consent worker spends
    /// none of the budget that tests of other calls count.
    pub optin_list_ids: Vec<i64>,
    /// `BACKEND_CONSENT_REFRESH_SECS`: long, so a test sees only the start-up read and its own.
    pub consent_refresh_interval: Duration,
    /// `BACKEND_CONSENT_MAX_AGE_SECS`.
    pub consent_max_age: Duration,
    /// `BACKEND_ORG_ENVIRONMENTS` (`orgId=N,…`; empty: every org has one).
    pub org_environments: String,
    /// `BACKEND_ENGAGEMENT_LINK_WINDOW_SECS`.
    pub link_window: Duration,
    /// `ALCMEON_EMULATOR_WHATSAPP_RATE_LIMIT_PER_MINUTE` (WhatsApp's own send budget, in the
    /// emulator's window).
    pub emulator_whatsapp_rate_limit: u32,
    /// The store on a fresh PostgreSQL database instead of a SQLite file.
    pub postgres: bool,
    /// `ALCMEON_TIMEOUT_SECS`.
    pub alcmeon_timeout: Duration,
    /// `BACKEND_REPLY_GIVE_UP_SECS`.
    pub reply_give_up_after: Duration,
    /// `BACKEND_SALESFORCE_<ORG_ID>`: the test org's record sync (none by default).
    pub salesforce: Option<backend::SalesforceSettings>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            webhook_drop_percent: 0,
            webhook_duplicate_percent: 0,
            emulator_rate_limit: 1000,
            emulator_rate_window: Duration::from_secs(60),
            backend_rate_limit: 1000,
            event_retention: Duration::from_secs(24 * 3600),
            allowed_origins: vec![],
            widget_dir: None,
            replica_start: ReplicaStart::AfterAction(0),
            bulk: None,
            optin_list_ids: vec![],
            consent_refresh_interval: Duration::from_secs(3600),
            consent_max_age: Duration::from_secs(3600),
            org_environments: String::new(),
            link_window: Duration::from_secs(604_800),
            emulator_whatsapp_rate_limit: 3_000,
            postgres: false,
            alcmeon_timeout: Duration::from_secs(20),
            reply_give_up_after: Duration::from_secs(600),
            salesforce: None,
        }
    }
}

/// Starts the emulator (seeded with the demo data, webhooks pointed at the backend) and the
/// backend on a fresh SQLite file.
pub async fn spawn_app(webhook_drop_percent: u8) -> TestApp {
    spawn_app_with(Options {
        webhook_drop_percent,
        ..Options::default()
    })
    .await
}

pub async fn spawn_app_with(options: Options) -> TestApp {
    let Options {
        webhook_drop_percent,
        webhook_duplicate_percent,
        emulator_rate_limit,
        emulator_rate_window,
        backend_rate_limit,
        event_retention,
        allowed_origins,
        widget_dir,
        replica_start,
        bulk,
        optin_list_ids,
        consent_refresh_interval,
        consent_max_age,
        org_environments,
        link_window,
        emulator_whatsapp_rate_limit,
        postgres,
        alcmeon_timeout,
        reply_give_up_after,
        salesforce,
    } = options;
    // The port stays taken until the backend binds it: other tests running meanwhile, and the
    // servers they start, would otherwise be free to take it.
    let reservation = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let backend_port = reservation.local_addr().unwrap().port();
    let emulator = alcmeon_emulator::serve(alcmeon_emulator::Config {
        addr: "127.0.0.1:0".parse().unwrap(),
        instance_id: INSTANCE_ID.into(),
        secret: ALCMEON_SECRET.into(),
        rate_limit_per_minute: emulator_rate_limit,
        whatsapp_rate_limit_per_minute: emulator_whatsapp_rate_limit,
        rate_limit_window: emulator_rate_window,
        webhook_url: Some(
            format!("http://127.0.0.1:{backend_port}/webhooks/alcmeon")
                .parse()
                .unwrap(),
        ),
        webhook_drop_percent,
        webhook_duplicate_percent,
        bulk_actions: bulk.map_or(0, |(actions, _)| actions),
        bulk_conversations: bulk.map_or(0, |(_, conversations)| conversations),
        ..Default::default()
    })
    .await
    .expect("emulator starts");
    let data = TempDir::new().unwrap();
    let backend_config = Config {
        addr: format!("127.0.0.1:{backend_port}").parse().unwrap(),
        public_url: None,
        database_url: if postgres {
            test_postgres::fresh_database().await
        } else {
            format!("sqlite://{}", data.path().join("backend.db").display())
        },
        orgs: vec![OrgSecret {
            org_id: ORG_ID.into(),
            secret: SESSION_SECRET.into(),
            alcmeon_company_id: COMPANY_ID,
        }],
        allowed_origins,
        widget_dir,
        alcmeon_url: emulator.base_url(),
        alcmeon_instance_id: INSTANCE_ID.into(),
        alcmeon_secret: ALCMEON_SECRET.into(),
        sync_interval: Duration::from_secs(3600),
        replica_start,
        account_mapping: backend::AccountMapping {
            roles_for_reply: vec![801],
            roles_for_moderate: vec![802],
            teams: vec![901],
        },
        alcmeon_company_id: COMPANY_ID,
        alcmeon_rate_limit_per_minute: std::num::NonZeroU32::new(backend_rate_limit).unwrap(),
        alcmeon_timeout,
        reply_give_up_after,
        event_retention,
        engagement: backend::EngagementConfig {
            whatsapp_templates: backend::read_whatsapp_templates(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../tests/support/whatsapp-templates.json"
            ))
            .unwrap(),
            optin_list_ids,
            consent_refresh_interval,
            consent_max_age,
            org_environments: backend::OrgEnvironments::parse(&org_environments).unwrap(),
            customer_phone_field_id: Some(5001),
            link_window,
        },
        salesforce: backend::SalesforceSync(
            salesforce
                .map(|settings| [(ORG_ID.to_owned(), settings)].into())
                .unwrap_or_default(),
        ),
        sf_owner_field_id: Some(SF_OWNER_FIELD_ID),
    };
    drop(reservation);
    let backend = backend::start(backend_config.clone())
        .await
        .expect("backend starts");
    TestApp {
        addr: backend.addr,
        backend: Some(backend),
        backend_config,
        emulator,
        http: reqwest::Client::new(),
        _data: data,
    }
}

impl TestApp {
    /// The conversation's newest task, the one a new reply answers.
    pub async fn task_to_answer(&self, conversation_id: i64) -> i64 {
        let any_client_id = protocol::ClientId::parse("task-to-answer").unwrap();
        let target = self
            .store()
            .reply_target(conversation_id, &any_client_id)
            .await;
        target.unwrap().unwrap().latest_task.unwrap()
    }

    /// Another backend instance on the same database and Alcméon (Alcméon's webhooks still go to
    /// the first); it stops when dropped.
    pub async fn start_instance(&self) -> RunningServer {
        self.start_instance_with(|_| {}).await
    }

    /// As [`Self::start_instance`], with `change` made to its configuration.
    pub async fn start_instance_with(&self, change: impl FnOnce(&mut Config)) -> RunningServer {
        let mut config = self.backend_config.clone();
        config.addr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
        config.public_url = Some(self.audience());
        change(&mut config);
        backend::start(config)
            .await
            .expect("the other instance starts")
    }

    /// Stops the first backend instance, as a crash would (its tasks end where they are).
    pub fn stop_backend(&mut self) {
        drop(self.backend.take());
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn audience(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The backend's replica, to set up what no HTTP call can (e.g. a reply stored just before a
    /// crash).
    pub fn store(&self) -> &Store {
        &self.backend.as_ref().expect("the backend runs").store
    }

    /// The backend's consent replica, as the send asks it.
    pub fn consent(&self) -> &backend::ConsentReplica {
        &self.backend.as_ref().expect("the backend runs").consent
    }

    /// Stops the backend and starts it again on the same address and database, as after a crash.
    pub async fn restart_backend(&mut self) {
        self.restart_backend_with(|_| {}).await;
    }

    /// As [`Self::restart_backend`], with `change` made to the backend's configuration first.
    pub async fn restart_backend_with(&mut self, change: impl FnOnce(&mut Config)) {
        drop(self.backend.take());
        change(&mut self.backend_config);
        tokio::time::sleep(Duration::from_millis(50)).await;
        let restarted = backend::start(self.backend_config.clone())
            .await
            .expect("backend restarts");
        self.backend = Some(restarted);
    }

    pub async fn health(&self) -> Value {
        self.health_at(&self.url("")).await
    }

    /// `/health` of the backend instance at `base_url` (e.g. one of [`Self::start_instance`]).
    pub async fn health_at(&self, base_url: &str) -> Value {
        self.http
            .get(format!("{base_url}/health"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// Waits until `/health` satisfies `done` (30 s at most).
    pub async fn wait_for_health(&self, done: impl Fn(&Value) -> bool) {
        self.wait_for_health_within(Duration::from_secs(30), done)
            .await;
    }

    /// Waits until `/health` satisfies `done`, `patience` at most.
    pub async fn wait_for_health_within(&self, patience: Duration, done: impl Fn(&Value) -> bool) {
        let deadline = Instant::now() + patience;
        loop {
            let health = self.health().await;
            if done(&health) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "health never got there: {health}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the outbox sends nothing more: every reply handed to it was accepted or
    /// refused by Alcméon. After this, Alcméon's answer count can only change if a test posts.
    /// Tests at one call a second queue up to 30 replies: two minutes at most.
    pub async fn outbox_idle(&self) {
        self.wait_for_health_within(Duration::from_secs(120), |health| {
            health["outbox"]["in_flight"] == 0
        })
        .await;
    }

    /// Waits until the emulator has recorded every answer it accepted, and its delivery.
    pub async fn emulator_idle(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.emulator_get("/health").await["answers_in_progress"] != 0 {
            assert!(Instant::now() < deadline, "the emulator never settled");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the replica's `field` (`actions_read_through` or `latest_action_id`) reaches
    /// `action_id`.
    pub async fn wait_for_replica(&self, field: &str, action_id: i64) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let health = self.health().await;
            if health["replica"][field].as_i64().unwrap() >= action_id {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "replica stuck at {health}, wanted {field} ≥ {action_id}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the replica has read every action the emulator holds.
    pub async fn replica_ready(&self) {
        let highest = self.emulator_highest_action_id().await;
        self.wait_for_replica("actions_read_through", highest).await;
    }

    /// Calls an emulator control (`/_emulator{path}`); returns its JSON answer.
    pub async fn emulator_control(&self, path: &str, body: Value) -> Value {
        let response = self
            .http
            .post(format!("{}/_emulator{path}", self.emulator.base_url()))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "emulator control {path}");
        response.json().await.unwrap()
    }

    /// Reads an emulator introspection control (`GET /_emulator{path}`).
    pub async fn emulator_get(&self, path: &str) -> Value {
        let response = self
            .http
            .get(format!("{}/_emulator{path}", self.emulator.base_url()))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "emulator control {path}");
        response.json().await.unwrap()
    }

    /// How many times the backend called `call` (e.g. `POST /v1/answer/send`) on the emulator.
    pub async fn emulator_calls(&self, call: &str) -> u64 {
        self.emulator_get("/calls").await[call]
            .as_u64()
            .unwrap_or(0)
    }

    /// Waits until the emulator has received `count` calls of `call` (30 s at most).
    pub async fn wait_for_emulator_calls(&self, call: &str, count: u64) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.emulator_calls(call).await < count {
            assert!(
                Instant::now() < deadline,
                "{call} never reached {count} calls"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Delivers a notification to the webhook as Alcméon would, signed.
    pub async fn deliver_webhook(&self, notification: &Value) -> reqwest::StatusCode {
        let body = notification.to_string();
        let signature =
            backend::alcmeon::sign(ALCMEON_SECRET, "/webhooks/alcmeon", body.as_bytes());
        self.http
            .post(self.url("/webhooks/alcmeon"))
            .header("X-Alcmeon-Webhook-Signature", signature)
            .body(body)
            .send()
            .await
            .unwrap()
            .status()
    }

    /// Opens a conversation as the widget does: asks for its thread again while the backend answers
    /// `202` (fetching it from Alcméon); returns the first other answer and how many `202`s came.
    pub async fn open_thread(&self, conversation_id: i64) -> (reqwest::Response, usize) {
        let deadline = Instant::now() + Duration::from_secs(120);
        let mut fetching = 0;
        loop {
            let response = self.thread_page(conversation_id, "").await;
            if response.status() != 202 {
                return (response, fetching);
            }
            let body: Value = response.json().await.unwrap();
            assert_eq!(body, json!({ "conversation_id": conversation_id }));
            fetching += 1;
            assert!(Instant::now() < deadline, "still fetching after 2 minutes");
        }
    }

    /// The newest page of a conversation, read as the default test agent.
    pub async fn page(&self, conversation_id: i64) -> protocol::ThreadPage {
        let response = self.thread_page(conversation_id, "").await;
        assert_eq!(response.status(), 200);
        response.json().await.unwrap()
    }

    /// Waits until the newest page of a conversation holds an item `wanted` accepts; returns it.
    pub async fn wait_for_item(
        &self,
        conversation_id: i64,
        wanted: impl Fn(&protocol::ThreadItem) -> bool,
    ) -> protocol::ThreadItem {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if self.thread_page(conversation_id, "").await.status() == 200
                && let Some(item) = self
                    .page(conversation_id)
                    .await
                    .items
                    .into_iter()
                    .find(|item| wanted(item))
            {
                return item;
            }
            assert!(
                Instant::now() < deadline,
                "conversation {conversation_id} never showed the expected item"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The id of the newest action the emulator holds.
    pub async fn emulator_highest_action_id(&self) -> i64 {
        let actions = self.emulator_actions().await;
        actions
            .iter()
            .map(|a| a["id"].as_i64().unwrap())
            .max()
            .unwrap()
    }

    /// Every action the emulator holds, read through its public API.
    pub async fn emulator_actions(&self) -> Vec<Value> {
        emulator_actions(&self.http, &self.emulator.base_url()).await
    }

    /// How many `answer` actions the emulator holds with `text` as their content.
    pub async fn answers_with(&self, text: &str) -> usize {
        self.emulator_actions()
            .await
            .iter()
            .filter(|a| a["type"] == "answer" && a["data"]["answers"][0]["content"] == text)
            .count()
    }

    /// Makes the emulated customer write in a conversation; returns the new action's id.
    pub async fn customer_writes(&self, conversation_id: i64, text: &str) -> i64 {
        let response: Value = self
            .http
            .post(format!(
                "{}/_emulator/conversations/{conversation_id}/inbound",
                self.emulator.base_url()
            ))
            .json(&json!({ "text": text }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        response["action_id"].as_i64().unwrap()
    }

    /// The default test agent's token, on a record naming every seeded conversation.
    pub fn session_token(&self) -> String {
        mint(
            SESSION_SECRET,
            json!({ "org": ORG_ID, "aud": self.audience() }),
        )
    }

    /// The default test agent's token, on a record naming only `conversation_id`.
    pub fn token_for(&self, conversation_id: i64) -> String {
        mint(
            SESSION_SECRET,
            json!({ "org": ORG_ID, "aud": self.audience(), "convs": [conversation_id] }),
        )
    }

    /// Posts a reply as the default test agent.
    pub async fn post_reply(
        &self,
        conversation_id: i64,
        client_id: &str,
        text: &str,
    ) -> reqwest::Response {
        self.post_reply_as(
            &self.token_for(conversation_id),
            conversation_id,
            client_id,
            text,
        )
        .await
    }

    pub async fn post_reply_as(
        &self,
        token: &str,
        conversation_id: i64,
        client_id: &str,
        text: &str,
    ) -> reqwest::Response {
        self.http
            .post(self.url(&format!("/v1/conversations/{conversation_id}/replies")))
            .bearer_auth(token)
            .json(&json!({ "client_id": client_id, "text": text }))
            .send()
            .await
            .unwrap()
    }

    pub async fn retry_reply(&self, conversation_id: i64, client_id: &str) -> reqwest::Response {
        self.retry_reply_as(&self.token_for(conversation_id), conversation_id, client_id)
            .await
    }

    pub async fn retry_reply_as(
        &self,
        token: &str,
        conversation_id: i64,
        client_id: &str,
    ) -> reqwest::Response {
        self.http
            .post(self.url(&format!(
                "/v1/conversations/{conversation_id}/replies/{client_id}/retry"
            )))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
    }

    pub async fn thread_page(&self, conversation_id: i64, query: &str) -> reqwest::Response {
        self.http
            .get(self.url(&format!(
                "/v1/conversations/{conversation_id}/thread{query}"
            )))
            .bearer_auth(self.token_for(conversation_id))
            .send()
            .await
            .unwrap()
    }

    /// Waits until the thread holds the reply `client_id` in a state `done` accepts; returns it.
    pub async fn wait_for_reply(
        &self,
        conversation_id: i64,
        client_id: &str,
        done: impl Fn(&protocol::Delivery) -> bool,
    ) -> protocol::ThreadItem {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let page: protocol::ThreadPage = self
                .thread_page(conversation_id, "")
                .await
                .json()
                .await
                .unwrap();
            let item = page
                .items
                .into_iter()
                .find(|i| i.client_id.as_deref() == Some(client_id));
            if let Some(item) = item.filter(|i| i.delivery.as_ref().is_some_and(&done)) {
                return item;
            }
            assert!(
                Instant::now() < deadline,
                "reply {client_id} never reached the expected state"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn get_thread(&self, conversation_id: i64, token: Option<&str>) -> reqwest::Response {
        let request = self
            .http
            .get(self.url(&format!("/v1/conversations/{conversation_id}/thread")));
        let request = match token {
            Some(token) => request.bearer_auth(token),
            None => request,
        };
        request.send().await.unwrap()
    }
}

/// An HS256 session token with valid defaults, overridden by `claims`.
pub fn mint(secret: &str, claims: Value) -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let mut all = json!({
        "iss": ORG_ID, "sub": "005000000000001AAA", "org": ORG_ID, "email": "agent@example.com",
        "name": "Test Agent", "perms": { "reply": true, "moderate": false },
        "iat": now, "exp": now + 300, "jti": format!("jti-{now}-{}", rand_suffix()),
        "rec": RECORD_ID, "convs": SEEDED_CONVERSATIONS,
    });
    for (key, value) in claims.as_object().unwrap() {
        all[key] = value.clone();
    }
    encode(
        &Header::new(Algorithm::HS256),
        &all,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

fn rand_suffix() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

/// Every action the emulator at `base_url` holds, read through its public API.
pub async fn emulator_actions(http: &reqwest::Client, base_url: &str) -> Vec<Value> {
    let mut all: Vec<Value> = vec![];
    loop {
        let after = all.last().map_or(0, |a| a["id"].as_i64().unwrap());
        let page: Vec<Value> = http
            .get(format!("{base_url}/actions?min_action_id={after}"))
            .basic_auth(INSTANCE_ID, Some(ALCMEON_SECRET))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if page.is_empty() {
            return all;
        }
        all.extend(page);
    }
}
