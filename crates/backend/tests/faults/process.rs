//! The real backend binary as a process of its own, for the faults an in-process server cannot
//! show: a SIGKILL, and what it writes to its log.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use alcmeon_emulator::RunningEmulator;
use serde_json::Value;
use tempfile::TempDir;

use crate::helpers::{ALCMEON_SECRET, COMPANY_ID, INSTANCE_ID, ORG_ID, SESSION_SECRET, free_port};

/// A backend process, killed when dropped (also when the test fails). Its standard error, the
/// log, goes to a file of its data folder (appended to across restarts).
pub struct Backend {
    child: Child,
    pub url: String,
    log: PathBuf,
}

impl Drop for Backend {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Backend {
    /// Starts the binary on `port` with its database in `data`, against the emulator at
    /// `emulator_url`, logging with the filter `rust_log`.
    pub fn start(port: u16, data: &TempDir, emulator_url: &str, rust_log: &str) -> Backend {
        Self::start_with(port, data, emulator_url, rust_log, &[])
    }

    /// As [`Self::start`], with `env` set last (e.g. another `BACKEND_DATABASE_URL`).
    pub fn start_with(
        port: u16,
        data: &TempDir,
        emulator_url: &str,
        rust_log: &str,
        env: &[(&str, &str)],
    ) -> Backend {
        let log = data.path().join("backend.log");
        let log_file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
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
            .env("RUST_LOG", rust_log)
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(log_file)
            .spawn()
            .expect("the backend binary runs");
        Backend {
            child,
            url: format!("http://127.0.0.1:{port}"),
            log,
        }
    }

    /// SIGKILL: nothing of the process runs after this.
    pub fn kill(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// Everything the process (and those before it on the same data) logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Waits until `/health` answers and satisfies `done` (a minute at most).
    pub async fn wait_for_health(&self, http: &reqwest::Client, done: impl Fn(&Value) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let health = match http.get(format!("{}/health", self.url)).send().await {
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

    /// Waits until the backend answers and its replica has read what the emulator holds.
    pub async fn wait_for_replica(&self, http: &reqwest::Client, emulator: &RunningEmulator) {
        let seeded = emulator_health(http, &emulator.base_url()).await["latest_action_id"].as_i64();
        self.wait_for_health(http, |h| {
            h["replica"]["actions_read_through"].as_i64() >= seeded
        })
        .await;
    }
}

/// An emulator whose webhooks go to a backend on `backend_port`, with room for any burst.
pub async fn emulator_for(backend_port: u16) -> RunningEmulator {
    alcmeon_emulator::serve(alcmeon_emulator::Config {
        addr: "127.0.0.1:0".parse().unwrap(),
        instance_id: INSTANCE_ID.into(),
        secret: ALCMEON_SECRET.into(),
        rate_limit_per_minute: 100_000,
        webhook_url: Some(
            format!("http://127.0.0.1:{backend_port}/webhooks/alcmeon")
                .parse()
                .unwrap(),
        ),
        ..Default::default()
    })
    .await
    .expect("emulator starts")
}

pub async fn emulator_health(http: &reqwest::Client, base_url: &str) -> Value {
    emulator_read(http, base_url, "/health").await
}

/// An emulator introspection control (`GET /_emulator{path}`).
pub async fn emulator_read(http: &reqwest::Client, base_url: &str, path: &str) -> Value {
    http.get(format!("{base_url}/_emulator{path}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Waits until the emulator has recorded every answer it accepted (30 s at most).
pub async fn emulator_idle(http: &reqwest::Client, base_url: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while emulator_health(http, base_url).await["answers_in_progress"] != 0 {
        assert!(Instant::now() < deadline, "the emulator never settled");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// An HTTP client that waits up to 30 s for an answer, as the widget's retries do.
pub fn patient_client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

/// The address the instances' session tokens are for, as behind a load balancer.
pub const AUDIENCE: &str = "http://alcmeon-widget.balanced.test";

/// Two instances on one fresh PostgreSQL database, behind a load balancer ([`AUDIENCE`]);
/// Alcméon's webhooks go to the first (the second reads what it misses).
pub struct PostgresPair {
    pub emulator: RunningEmulator,
    pub first: Backend,
    pub second: Backend,
    pub http: reqwest::Client,
    _data: [TempDir; 2],
}

impl PostgresPair {
    pub async fn start() -> Self {
        let database_url = test_postgres::fresh_database().await;
        let (first_port, second_port) = (free_port(), free_port());
        let emulator = emulator_for(first_port).await;
        let env = [
            ("BACKEND_DATABASE_URL", database_url.as_str()),
            ("BACKEND_PUBLIC_URL", AUDIENCE),
            ("BACKEND_SYNC_INTERVAL_SECS", "1"),
        ];
        let data = [TempDir::new().unwrap(), TempDir::new().unwrap()];
        let http = patient_client();
        let url = emulator.base_url();
        let first = Backend::start_with(first_port, &data[0], &url, "warn", &env);
        first.wait_for_replica(&http, &emulator).await;
        let second = Backend::start_with(second_port, &data[1], &url, "warn", &env);
        second.wait_for_health(&http, |_| true).await;
        Self {
            emulator,
            first,
            second,
            http,
            _data: data,
        }
    }
}
