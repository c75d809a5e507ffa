//! Starting emulators, signing JWT bearer assertions with the test-only key pair in `keys/` (not a
//! secret: it exists for these tests), and the HTTP calls the tests repeat.

use std::net::SocketAddr;

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use salesforce_emulator::{Config, RunningEmulator, serve};
use serde_json::{Value, json};

pub const CONSUMER_KEY: &str = "test-consumer-key";
pub const USERNAME: &str = "integration@lumio.example";
pub const LOGIN_URL: &str = "https://login.salesforce.com";
pub const API: &str = "/services/data/v62.0";
/// The Connected App's private key, whose certificate the emulator is configured with.
pub const APP_KEY: &[u8] = include_bytes!("keys/connected-app.key");
/// A key the Connected App does not know.
pub const OTHER_KEY: &[u8] = include_bytes!("keys/other.key");

pub fn test_config() -> Config {
    Config {
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        consumer_key: CONSUMER_KEY.to_owned(),
        certificate_pem: Some(include_bytes!("keys/connected-app.crt").to_vec()),
        usernames: vec![USERNAME.to_owned()],
        ..Config::default()
    }
}

/// Valid claims for the test user, expiring in 2 minutes.
pub fn claims() -> Value {
    json!({
        "iss": CONSUMER_KEY,
        "sub": USERNAME,
        "aud": LOGIN_URL,
        "exp": chrono::Utc::now().timestamp() + 120,
    })
}

pub fn assertion(claims: &Value, private_key: &[u8]) -> String {
    let key = EncodingKey::from_rsa_pem(private_key).unwrap();
    jsonwebtoken::encode(&Header::new(Algorithm::RS256), claims, &key).unwrap()
}

pub struct TestOrg {
    pub emulator: RunningEmulator,
    pub client: reqwest::Client,
    /// An access token of the test user, obtained at start.
    pub token: String,
}

pub async fn start(config: Config) -> TestOrg {
    let emulator = serve(config).await.expect("the emulator starts");
    let mut org = TestOrg {
        emulator,
        client: reqwest::Client::new(),
        token: String::new(),
    };
    let response = org.request_token(&assertion(&claims(), APP_KEY)).await;
    assert_eq!(response.status(), StatusCode::OK);
    org.token = response.json::<Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    org
}

pub async fn start_default() -> TestOrg {
    start(test_config()).await
}

impl TestOrg {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.emulator.base_url())
    }

    pub async fn request_token(&self, assertion: &str) -> Response {
        self.client
            .post(self.url("/services/oauth2/token"))
            .form(&[
                ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
                ("assertion", assertion),
            ])
            .send()
            .await
            .unwrap()
    }

    /// A REST API call (`path` after `/services/data/v62.0`) with the test user's token.
    pub fn api(&self, method: Method, path: &str) -> RequestBuilder {
        self.client
            .request(method, self.url(&format!("{API}{path}")))
            .bearer_auth(&self.token)
    }

    /// A REST API call answering `status`, its body parsed (null when empty).
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        status: StatusCode,
    ) -> Value {
        let mut request = self.api(method.clone(), path);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let actual = response.status();
        let text = response.text().await.unwrap();
        assert_eq!(actual, status, "{method} {path}: {text}");
        if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap()
        }
    }

    /// Creates a record; returns its id.
    pub async fn create(&self, object: &str, fields: Value) -> String {
        let answer = self
            .call(
                Method::POST,
                &format!("/sobjects/{object}"),
                Some(fields),
                StatusCode::CREATED,
            )
            .await;
        answer["id"].as_str().unwrap().to_owned()
    }

    pub async fn query(&self, soql: &str) -> Value {
        let response = self
            .api(Method::GET, "/query")
            .query(&[("q", soql)])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{soql}");
        response.json().await.unwrap()
    }

    /// Every stored record of an object, through the emulator control.
    pub async fn records(&self, object: &str) -> Vec<Value> {
        let response = self
            .client
            .get(self.url(&format!("/_emulator/records/{object}")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }

    pub async fn control(&self, method: Method, path: &str, body: Value) -> Response {
        self.client
            .request(method, self.url(&format!("/_emulator{path}")))
            .json(&body)
            .send()
            .await
            .unwrap()
    }
}

/// The `errorCode` of a Salesforce error list.
pub fn error_code(body: &Value) -> &str {
    body[0]["errorCode"].as_str().unwrap_or_default()
}
