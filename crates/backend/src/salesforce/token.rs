//! The access token, from the OAuth 2.0 JWT bearer flow: `POST {login}/services/oauth2/token`
//! with `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer` and an RS256 assertion
//! `{iss: consumer key, sub: username, aud: login URL, exp}` signed with the Connected App's key.
//! The flow gives no refresh token and no expiry: the token is replaced when the org's session
//! timeout is near, or when Salesforce refuses it.
//!
//! One lock guards the token: a caller needing a new one asks while holding it, so concurrent
//! callers wait and share the answer instead of each asking.

use std::sync::Arc;
use std::time::{Duration, Instant};

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;

use super::error::SalesforceError;
use super::org::SalesforceOrg;

const JWT_BEARER: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";
/// How far ahead the assertion expires; Salesforce accepts at most 3 minutes.
const ASSERTION_LIFETIME: Duration = Duration::from_secs(150);
/// How long before the session timeout a token is replaced.
const REFRESH_MARGIN: Duration = Duration::from_secs(5 * 60);

/// A token and the instance it opens.
#[derive(Debug)]
pub(super) struct Session {
    pub access_token: String,
    pub instance_url: String,
}

pub(super) struct TokenSource {
    org: SalesforceOrg,
    key: EncodingKey,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    /// The token in use and when to replace it.
    current: Option<(Arc<Session>, Instant)>,
    /// The last `invalid_grant`: when, and Salesforce's description.
    refused: Option<(Instant, String)>,
}

#[derive(Serialize)]
struct Claims<'a> {
    iss: &'a str,
    sub: &'a str,
    aud: &'a str,
    exp: i64,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    instance_url: String,
}

impl TokenSource {
    pub fn new(org: SalesforceOrg) -> Result<Self, SalesforceError> {
        let key = EncodingKey::from_rsa_pem(org.private_key_pem.as_bytes())
            .map_err(SalesforceError::PrivateKey)?;
        Ok(Self {
            org,
            key,
            state: Mutex::default(),
        })
    }

    /// The token to use now: the current one while fresh, else a new one.
    pub async fn session(&self, http: &reqwest::Client) -> Result<Arc<Session>, SalesforceError> {
        let mut state = self.state.lock().await;
        let now = Instant::now();
        if let Some((session, replace_at)) = &state.current
            && now < *replace_at
        {
            return Ok(session.clone());
        }
        if let Some((at, description)) = &state.refused
            && now.duration_since(*at) < self.org.grant_retry_after
        {
            return Err(SalesforceError::GrantRevoked {
                description: description.clone(),
            });
        }
        state.current = None;
        match self.request(http).await {
            Ok(session) => {
                let session = Arc::new(session);
                let lifetime = self.org.session_timeout.saturating_sub(REFRESH_MARGIN);
                state.current = Some((session.clone(), now + lifetime));
                state.refused = None;
                Ok(session)
            }
            Err(error) => {
                if let SalesforceError::GrantRevoked { description } = &error {
                    state.refused = Some((Instant::now(), description.clone()));
                }
                Err(error)
            }
        }
    }

    /// Drops `refused` if it is still the current token (a concurrent caller may have replaced it).
    pub async fn forget(&self, refused: &Arc<Session>) {
        let mut state = self.state.lock().await;
        if state
            .current
            .as_ref()
            .is_some_and(|(session, _)| Arc::ptr_eq(session, refused))
        {
            state.current = None;
        }
    }

    async fn request(&self, http: &reqwest::Client) -> Result<Session, SalesforceError> {
        let assertion = self.assertion()?;
        let response = http
            .post(self.org.token_endpoint())
            .form(&[("grant_type", JWT_BEARER), ("assertion", &assertion)])
            .send()
            .await?;
        let status = response.status().as_u16();
        let body = response.text().await?;
        if status != 200 {
            return Err(SalesforceError::from_token_answer(status, &body));
        }
        let answer: TokenAnswer = serde_json::from_str(&body)
            .map_err(|error| SalesforceError::Unreadable(format!("token answer: {error}")))?;
        let instance_url = self
            .org
            .instance_url
            .as_ref()
            .unwrap_or(&answer.instance_url);
        Ok(Session {
            access_token: answer.access_token,
            instance_url: instance_url.trim_end_matches('/').to_owned(),
        })
    }

    fn assertion(&self) -> Result<String, SalesforceError> {
        let claims = Claims {
            iss: &self.org.consumer_key,
            sub: &self.org.username,
            aud: &self.org.login_url,
            exp: chrono::Utc::now().timestamp() + ASSERTION_LIFETIME.as_secs() as i64,
        };
        jsonwebtoken::encode(&Header::new(Algorithm::RS256), &claims, &self.key)
            .map_err(SalesforceError::PrivateKey)
    }
}
