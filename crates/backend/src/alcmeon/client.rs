use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::governor::{Governor, Party, Priority};

/// A client for Alcméon's public REST API, authenticated with the application's Basic credentials.
/// Every call first takes its turn from the shared [`Governor`]; a 429 holds every caller until
/// Alcméon's `rate_limited_until`.
pub struct AlcmeonClient {
    http: reqwest::Client,
    base_url: String,
    instance_id: String,
    secret: String,
    governor: Arc<Governor>,
    /// WhatsApp template sends have their own budget at Alcméon (3,000 a minute), apart from the
    /// application's; a 429 on one holds only its own callers.
    whatsapp_governor: Arc<Governor>,
}

/// The body of `POST /v1/answer/send` (answer.yaml `SendAnswerRequest`, without attachment).
#[derive(Debug, Clone, Serialize)]
pub struct SendAnswer<'a> {
    pub message: &'a str,
    pub advisor_id: i64,
    pub company_id: i64,
    pub task_id: i64,
}

/// synchronize.yaml's `Conversation`: the answer of `GET /actions/conversations/{id}`.
#[derive(Debug, Deserialize)]
struct ConversationActions {
    id: Option<i64>,
    #[serde(default)]
    actions: Vec<Value>,
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

/// Alcméon's own budget for `POST /v1/whatsapp/send/` (initiate-conversation-api.yaml).
const WHATSAPP_SENDS_PER_MINUTE: std::num::NonZeroU32 = std::num::NonZeroU32::new(3_000).unwrap();

/// The longest page `GET /actions` returns.
pub const ACTIONS_PAGE_SIZE: usize = 10;

impl AlcmeonClient {
    /// `timeout` bounds each call, from sending the request to reading the whole answer.
    pub fn new(
        base_url: &str,
        instance_id: &str,
        secret: &str,
        timeout: Duration,
        governor: Arc<Governor>,
    ) -> Self {
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .build()
            .expect("the HTTP client configuration is static");
        Self {
            http,
            base_url: base_url.trim_end_matches('/').to_owned(),
            instance_id: instance_id.to_owned(),
            secret: secret.to_owned(),
            governor,
            whatsapp_governor: Arc::new(Governor::new(WHATSAPP_SENDS_PER_MINUTE)),
        }
    }

    /// `GET /actions?min_action_id=`: at most ten actions with an id above `min_action_id`.
    pub async fn list_actions(&self, min_action_id: i64) -> Result<Vec<Value>, ClientError> {
        self.governor
            .acquire(Priority::Backfill, Party::Backend)
            .await;
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
            429 => Err(self.rate_limited(&body)),
            _ => Err(ClientError::Status { status, body }),
        }
    }

    /// `GET /actions/conversations/{conversation_id}`: every action of one conversation, in one
    /// call, at [`Priority::OnDemand`]. `None` when Alcméon does not know the conversation (the
    /// spec answers an empty list then, and defines no 404).
    pub async fn conversation_actions(
        &self,
        conversation_id: i64,
    ) -> Result<Option<Vec<Value>>, ClientError> {
        self.conversation_actions_at(Priority::OnDemand, conversation_id)
            .await
    }

    /// [`Self::conversation_actions`] at [`Priority::Reply`]: the outbox asking which of a
    /// conversation's replies Alcméon already has before it sends any again.
    pub async fn conversation_actions_for_replies(
        &self,
        conversation_id: i64,
    ) -> Result<Option<Vec<Value>>, ClientError> {
        self.conversation_actions_at(Priority::Reply, conversation_id)
            .await
    }

    async fn conversation_actions_at(
        &self,
        priority: Priority,
        conversation_id: i64,
    ) -> Result<Option<Vec<Value>>, ClientError> {
        let request = self.request(
            reqwest::Method::GET,
            &format!("/actions/conversations/{conversation_id}"),
        );
        let body = self.call(priority, request).await?;
        let conversations: Vec<ConversationActions> =
            serde_json::from_str(&body).map_err(|e| ClientError::Status {
                status: 200,
                body: format!("unreadable conversation actions ({e})"),
            })?;
        Ok(conversations
            .into_iter()
            .find(|c| c.id == Some(conversation_id))
            .map(|c| c.actions)
            .filter(|actions| !actions.is_empty()))
    }

    /// `POST /v1/answer/send`, ahead of every other kind of call, in turn with other agents'.
    /// `Ok` means Alcméon answered `started`: the outcome comes later as `answer` and
    /// `execute-answer` actions.
    pub async fn send_answer(&self, answer: &SendAnswer<'_>) -> Result<(), ClientError> {
        let request = self
            .request(reqwest::Method::POST, "/v1/answer/send")
            .json(answer);
        let party = Party::Advisor(answer.advisor_id);
        self.call_within(&self.governor, Priority::Reply, party, request)
            .await
            .map(drop)
    }

    /// Shares the application's limits among `instances` backend instances
    /// ([`Governor::share_with`]).
    pub fn share_budget_with(&self, instances: u32) {
        self.governor.share_with(instances);
        self.whatsapp_governor.share_with(instances);
    }

    /// The calls a minute this instance may make to Alcméon, its share of the application's.
    pub fn calls_per_minute(&self) -> u32 {
        self.governor.calls_per_minute()
    }

    /// About how long the labelled call still waits for the application's budget
    /// ([`Governor::estimated_wait`]).
    pub fn estimated_wait(&self, label: i64, later: usize) -> Option<Duration> {
        self.governor.estimated_wait(label, later)
    }

    /// A request to `path` with the application's credentials.
    pub(super) fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.http
            .request(method, format!("{}{path}", self.base_url))
            .basic_auth(&self.instance_id, Some(&self.secret))
    }

    /// Takes a turn at `priority`, sends, and returns a 2xx answer's body.
    pub(super) async fn call(
        &self,
        priority: Priority,
        request: reqwest::RequestBuilder,
    ) -> Result<String, ClientError> {
        self.call_within(&self.governor, priority, Party::of(priority), request)
            .await
    }

    /// As [`Self::call`], within WhatsApp's own send budget.
    pub(super) async fn call_whatsapp_send(
        &self,
        request: reqwest::RequestBuilder,
    ) -> Result<String, ClientError> {
        let party = Party::of(Priority::Reply);
        self.call_within(&self.whatsapp_governor, Priority::Reply, party, request)
            .await
    }

    async fn call_within(
        &self,
        governor: &Governor,
        priority: Priority,
        party: Party,
        request: reqwest::RequestBuilder,
    ) -> Result<String, ClientError> {
        governor.acquire(priority, party).await;
        let response = request.send().await?;
        let status = response.status().as_u16();
        let body = response.text().await?;
        match status {
            200..=299 => Ok(body),
            429 => Err(rate_limited(governor, &body)),
            _ => Err(ClientError::Status { status, body }),
        }
    }

    fn rate_limited(&self, body: &str) -> ClientError {
        rate_limited(&self.governor, body)
    }
}

impl ClientError {
    /// Whether Alcméon could not take the call for now, so the same call may succeed later: a
    /// 429, a 5xx, a timeout or a connection that failed. A 4xx is Alcméon's answer, not an outage.
    pub fn is_outage(&self) -> bool {
        match self {
            Self::RateLimited { .. } | Self::Transport(_) => true,
            Self::Status { status, .. } => (500..600).contains(status),
        }
    }

    /// Whether Alcméon may have served the call although no success came back: a 5xx (a proxy's,
    /// or a failure after the work was done), or a transport failure once the request could
    /// have left (a timeout, a connection lost mid-way, an answer that could not be read). Not a
    /// 429 or a 4xx, and not a connection never made.
    pub fn may_have_been_served(&self) -> bool {
        match self {
            Self::RateLimited { .. } => false,
            Self::Status { status, .. } => (500..600).contains(status),
            Self::Transport(error) => !(error.is_connect() || error.is_builder()),
        }
    }

    /// Alcméon's own `error` string for a refused call (e.g. `task-not-found`), else the body.
    pub fn alcmeon_error(&self) -> Option<String> {
        let Self::Status { body, .. } = self else {
            return None;
        };
        let parsed: Option<String> = serde_json::from_str::<Value>(body)
            .ok()
            .and_then(|v| v.get("error")?.as_str().map(str::to_owned));
        Some(parsed.unwrap_or_else(|| body.clone()))
    }
}

/// Holds `governor`'s callers until the reset time a 429 body gives (a minute when it gives none).
fn rate_limited(governor: &Governor, body: &str) -> ClientError {
    let until = rate_limited_until(body).unwrap_or_else(|| Utc::now() + Duration::from_secs(60));
    governor.hold_until(until);
    ClientError::RateLimited { until }
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
    fn a_429_or_a_5xx_is_an_outage_and_only_the_5xx_may_have_been_served() {
        let status = |status: u16| ClientError::Status {
            status,
            body: String::new(),
        };
        let limited = ClientError::RateLimited { until: Utc::now() };
        assert!(limited.is_outage() && !limited.may_have_been_served());
        for code in [500, 502, 503, 504] {
            assert!(status(code).is_outage(), "{code}");
            assert!(status(code).may_have_been_served(), "{code}");
        }
        for code in [400, 401, 403, 404, 409] {
            assert!(!status(code).is_outage(), "{code}");
            assert!(!status(code).may_have_been_served(), "{code}");
        }
    }

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
