//! One org's connection settings, built by the caller.

use std::time::Duration;

/// Salesforce's default session timeout (Setup → Session Settings): an access token lasts this
/// long unless the org's admin changed it.
pub const DEFAULT_SESSION_TIMEOUT: Duration = Duration::from_secs(2 * 60 * 60);

/// How long after an `invalid_grant` the client asks again, unless told otherwise.
pub const DEFAULT_GRANT_RETRY_AFTER: Duration = Duration::from_secs(10 * 60);

#[derive(Clone)]
pub struct SalesforceOrg {
    /// `https://login.salesforce.com`, or `https://test.salesforce.com` for a sandbox: where the
    /// token is asked for, and the audience of the assertion.
    pub login_url: String,
    /// The Connected App's consumer key (the assertion's `iss`).
    pub consumer_key: String,
    /// The integration user pre-authorized on the Connected App (the assertion's `sub`).
    pub username: String,
    /// The Connected App's private key, PEM (RS256), whose certificate the app holds.
    pub private_key_pem: String,
    /// The org's session timeout; the token is replaced a little before it ends.
    pub session_timeout: Duration,
    /// How long an `invalid_grant` is answered from memory before Salesforce is asked again.
    pub grant_retry_after: Duration,
    /// Where to ask for tokens instead of `{login_url}/services/oauth2/token` (a stand-in).
    pub token_endpoint: Option<String>,
    /// The instance to call instead of the token answer's `instance_url` (a stand-in).
    pub instance_url: Option<String>,
}

impl SalesforceOrg {
    pub fn new(login_url: &str, consumer_key: &str, username: &str, private_key_pem: &str) -> Self {
        Self {
            login_url: login_url.trim_end_matches('/').to_owned(),
            consumer_key: consumer_key.to_owned(),
            username: username.to_owned(),
            private_key_pem: private_key_pem.to_owned(),
            session_timeout: DEFAULT_SESSION_TIMEOUT,
            grant_retry_after: DEFAULT_GRANT_RETRY_AFTER,
            token_endpoint: None,
            instance_url: None,
        }
    }

    pub(super) fn token_endpoint(&self) -> String {
        match &self.token_endpoint {
            Some(endpoint) => endpoint.clone(),
            None => format!("{}/services/oauth2/token", self.login_url),
        }
    }
}

impl std::fmt::Debug for SalesforceOrg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SalesforceOrg")
            .field("login_url", &self.login_url)
            .field("consumer_key", &self.consumer_key)
            .field("username", &self.username)
            .field("private_key_pem", &"<redacted>")
            .field("session_timeout", &self.session_timeout)
            .field("grant_retry_after", &self.grant_retry_after)
            .field("token_endpoint", &self.token_endpoint)
            .field("instance_url", &self.instance_url)
            .finish()
    }
}
