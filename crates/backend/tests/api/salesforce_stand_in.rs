//! The Salesforce stand-in as the backend's tests start it: in-process, with its test-only
//! Connected App key pair (not a secret), and its `/_emulator/` controls.

use reqwest::Method;
use salesforce_emulator::{Config, RunningEmulator, serve};
use serde_json::{Value, json};

pub const CONSUMER_KEY: &str = "test-consumer-key";
pub const USERNAME: &str = "integration@lumio.example";
pub const LOGIN_URL: &str = "https://login.salesforce.com";
pub const APP_KEY: &str =
    include_str!("../../../salesforce-emulator/tests/api/keys/connected-app.key");
const APP_CERTIFICATE: &[u8] =
    include_bytes!("../../../salesforce-emulator/tests/api/keys/connected-app.crt");
/// The org's REST calls a day.
pub const DAILY_LIMIT: u64 = 1_000;

pub struct StandIn {
    pub emulator: RunningEmulator,
    http: reqwest::Client,
}

/// A fresh org whose Connected App trusts the test key and pre-authorizes [`USERNAME`].
pub async fn start_stand_in() -> StandIn {
    let config = Config {
        addr: ([127, 0, 0, 1], 0).into(),
        consumer_key: CONSUMER_KEY.to_owned(),
        certificate_pem: Some(APP_CERTIFICATE.to_vec()),
        usernames: vec![USERNAME.to_owned()],
        daily_api_limit: DAILY_LIMIT,
        ..Config::default()
    };
    StandIn {
        emulator: serve(config).await.expect("the stand-in starts"),
        http: reqwest::Client::new(),
    }
}

impl StandIn {
    pub fn base_url(&self) -> String {
        self.emulator.base_url()
    }

    pub fn token_endpoint(&self) -> String {
        format!("{}/services/oauth2/token", self.base_url())
    }

    /// Calls an `/_emulator/` control; panics unless it answers 2xx.
    pub async fn control(&self, method: Method, path: &str, body: Value) -> Value {
        let url = format!("{}/_emulator{path}", self.base_url());
        let response = self.http.request(method, url).json(&body).send().await;
        let response = response.unwrap().error_for_status().unwrap();
        response.json().await.unwrap()
    }

    /// `(granted, refused)` token requests since the stand-in started.
    pub async fn token_requests(&self) -> (u64, u64) {
        let counts = self
            .control(Method::GET, "/token-requests", json!({}))
            .await;
        (
            counts["granted"].as_u64().unwrap(),
            counts["refused"].as_u64().unwrap(),
        )
    }
}
