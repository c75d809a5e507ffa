//! What can go wrong calling Salesforce, and Salesforce's error shape: the REST API answers
//! `[{"message", "errorCode", "fields"}]`; the token endpoint answers `{"error",
//! "error_description"}`.

use serde::Deserialize;

/// One item of Salesforce's error list. In an sObject collection's result Salesforce names the
/// code `statusCode`; both spellings are read into `error_code`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SalesforceErrorItem {
    #[serde(rename = "errorCode", alias = "statusCode", default)]
    pub error_code: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub fields: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum SalesforceError {
    #[error("the Connected App's private key is unusable: {0}")]
    PrivateKey(jsonwebtoken::errors::Error),
    /// `invalid_grant`: the integration user's grant was revoked, the user is not approved on
    /// the Connected App, or the assertion was refused. An admin must act; retrying will not help.
    #[error("Salesforce refused the integration user's grant: {description}")]
    GrantRevoked { description: String },
    /// Any other refusal of the token endpoint (e.g. `invalid_client_id`): the settings are wrong.
    #[error("Salesforce refused the token request: {error}: {description}")]
    TokenRefused { error: String, description: String },
    /// 403 `REQUEST_LIMIT_EXCEEDED`: the org's daily API budget is spent.
    #[error("Salesforce's daily API limit is spent: {message}")]
    LimitExceeded { message: String },
    /// A 5xx, e.g. 503 `SERVER_UNAVAILABLE` during maintenance.
    #[error("Salesforce is unavailable ({status}): {message}")]
    Unavailable { status: u16, message: String },
    /// A timeout, a connection that failed or an answer cut short.
    #[error("Salesforce could not be reached: {0}")]
    Transport(#[from] reqwest::Error),
    /// Any other refusal of a REST call, with Salesforce's reasons.
    #[error("Salesforce answered {status}: {errors:?}")]
    Api {
        status: u16,
        errors: Vec<SalesforceErrorItem>,
    },
    /// A success whose body is not what the REST API documents.
    #[error("Salesforce's answer is unreadable: {0}")]
    Unreadable(String),
}

impl SalesforceError {
    /// Whether the same call may succeed later unchanged.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            Self::LimitExceeded { .. } | Self::Unavailable { .. } | Self::Transport(_)
        )
    }

    /// The first `errorCode` of a refused REST call.
    pub fn error_code(&self) -> Option<&str> {
        match self {
            Self::Api { errors, .. } => errors.first().map(|item| item.error_code.as_str()),
            _ => None,
        }
    }

    /// The error a non-2xx REST answer stands for.
    pub(super) fn from_answer(status: u16, body: &str) -> SalesforceError {
        let errors = error_items(body);
        let message = errors
            .first()
            .map(|item| item.message.clone())
            .unwrap_or_default();
        let code = errors.first().map(|item| item.error_code.as_str());
        match (status, code) {
            (403, Some("REQUEST_LIMIT_EXCEEDED")) => Self::LimitExceeded { message },
            (500..=599, _) => Self::Unavailable { status, message },
            _ => Self::Api { status, errors },
        }
    }

    /// The error a non-200 answer of the token endpoint stands for.
    pub(super) fn from_token_answer(status: u16, body: &str) -> SalesforceError {
        #[derive(Deserialize)]
        struct OAuthError {
            error: String,
            #[serde(default)]
            error_description: String,
        }
        if (500..=599).contains(&status) {
            return Self::from_answer(status, body);
        }
        match serde_json::from_str::<OAuthError>(body) {
            Ok(refusal) if refusal.error == "invalid_grant" => Self::GrantRevoked {
                description: refusal.error_description,
            },
            Ok(refusal) => Self::TokenRefused {
                error: refusal.error,
                description: refusal.error_description,
            },
            Err(_) => Self::from_answer(status, body),
        }
    }

    pub(super) fn is_invalid_session(&self) -> bool {
        matches!(self, Self::Api { status: 401, .. })
            && self.error_code() == Some("INVALID_SESSION_ID")
    }
}

/// Salesforce's error list, or the body as one item's message when it is not one.
fn error_items(body: &str) -> Vec<SalesforceErrorItem> {
    serde_json::from_str(body).unwrap_or_else(|_| {
        vec![SalesforceErrorItem {
            error_code: String::new(),
            message: body.chars().take(500).collect(),
            fields: Vec::new(),
        }]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_answer_is_the_error_it_stands_for_and_only_outages_and_limits_are_retryable() {
        let limit = r#"[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED","fields":[]}]"#;
        let limited = SalesforceError::from_answer(403, limit);
        assert!(matches!(limited, SalesforceError::LimitExceeded { .. }));
        assert!(limited.is_retryable());

        let unavailable = SalesforceError::from_answer(503, "<html>maintenance</html>");
        assert!(matches!(
            unavailable,
            SalesforceError::Unavailable { status: 503, .. }
        ));
        assert!(unavailable.is_retryable());

        let field =
            r#"[{"message":"No such column","errorCode":"INVALID_FIELD","fields":["Foo__c"]}]"#;
        let refused = SalesforceError::from_answer(400, field);
        assert_eq!(refused.error_code(), Some("INVALID_FIELD"));
        assert!(!refused.is_retryable());

        let revoked =
            r#"{"error":"invalid_grant","error_description":"user hasn't approved this consumer"}"#;
        let revoked = SalesforceError::from_token_answer(400, revoked);
        assert!(matches!(revoked, SalesforceError::GrantRevoked { .. }));
        assert!(!revoked.is_retryable());
        let client =
            r#"{"error":"invalid_client_id","error_description":"client identifier invalid"}"#;
        assert!(matches!(
            SalesforceError::from_token_answer(400, client),
            SalesforceError::TokenRefused { .. }
        ));
    }
}
