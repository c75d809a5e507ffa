use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::Value;

/// A client for Alcméon's public REST API, authenticated with the application's Basic credentials.
/// After a 429 it holds every call until Alcméon's `rate_limited_until`.
pub struct AlcmeonClient {
    http: reqwest::Client,
    base_url: String,
    instance_id: String,
    secret: String,
    blocked_until: Mutex<Option<DateTime<Utc>>>,
}

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("Alcméon rate limit reached until {until}")]
    RateLimited { until: DateTime<Utc> },
    #[error("Alcméon answered {status}: {body}")]
    Status { status: u16, body: String },
    #[error("Alcméon could not be reached: {0}")]
    Transport(#[from] reqwest::Error),
}

/// The longest page `GET /actions` returns.
pub const ACTIONS_PAGE_SIZE: usize = 10;

impl AlcmeonClient {
    pub fn new(base_url: &str, instance_id: &str, secret: &str) -> Self {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .build()
            .expect("the HTTP client configuration is static");
        Self {
            http,
            base_url: base_url.trim_end_matches('/').to_owned(),
            instance_id: instance_id.to_owned(),
            secret: secret.to_owned(),
            blocked_until: Mutex::new(None),
        }
    }

    /// `GET /actions?min_action_id=`: at most ten actions with an id above `min_action_id`.
    pub async fn list_actions(&self, min_action_id: i64) -> Result<Vec<Value>, ClientError> {
        self.wait_for_rate_limit().await;
        let response = self
            .http
            .get(format!("{}/actions", self.base_url))
            .query(&[("min_action_id", min_action_id)])
            .basic_auth(&self.instance_id, Some(&self.secret))
            .send()
            .await?;
        let status = response.status().as_u16();
        let body = response.text().await?;
        match status {
            200 => serde_json::from_str(&body).map_err(|e| ClientError::Status {
                status,
                body: format!("unreadable actions list ({e})"),
            }),
            429 => {
                let until = rate_limited_until(&body)
                    .unwrap_or_else(|| Utc::now() + Duration::from_secs(60));
                *self.blocked_until.lock().expect("lock") = Some(until);
                Err(ClientError::RateLimited { until })
            }
            _ => Err(ClientError::Status { status, body }),
        }
    }

    async fn wait_for_rate_limit(&self) {
        let until = *self.blocked_until.lock().expect("lock");
        if let Some(wait) = until.and_then(|until| (until - Utc::now()).to_std().ok()) {
            tracing::info!(
                seconds = wait.as_secs(),
                "waiting for Alcméon's rate limit to reset"
            );
            tokio::time::sleep(wait).await;
        }
    }
}

/// Reads the reset time from a 429 body. Alcméon's `details` is a string holding a Python-style
/// dict: `{'rate_limited_until': '2024-01-22T13:05:41Z'}`.
fn rate_limited_until(body: &str) -> Option<DateTime<Utc>> {
    let details: Value = serde_json::from_str(body).ok()?;
    let details = details.get("details")?.as_str()?;
    let after_key = details.split("rate_limited_until").nth(1)?;
    let timestamp = after_key.split('\'').find(|part| part.contains('T'))?;
    DateTime::parse_from_rfc3339(timestamp.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reset_time_is_read_from_the_python_style_details_string() {
        let body = r#"{"error": "Rate limit reached", "details": "{'rate_limited_until': '2024-01-22T13:05:41Z'}"}"#;
        assert_eq!(
            rate_limited_until(body).unwrap().to_rfc3339(),
            "2024-01-22T13:05:41+00:00"
        );
        assert_eq!(
            rate_limited_until(r#"{"error": "x", "details": "soon"}"#),
            None
        );
        assert_eq!(rate_limited_until("<html>"), None);
    }
}
