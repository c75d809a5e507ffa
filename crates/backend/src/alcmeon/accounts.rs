//! User provisioning (user.yaml, no `/v1` prefix): creating, finding and updating the Alcméon
//! accounts agents reply as. Every call waits its turn at [`Priority::Provisioning`].

use protocol::AgentEmail;
use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::client::{AlcmeonClient, ClientError};
use super::governor::Priority;

/// user.yaml's `Account`. Its email is kept as Alcméon sent it: one account with an odd email
/// must not make the whole list unreadable.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Account {
    pub id: i64,
    pub email: String,
}

impl Account {
    /// The account's email as agents' emails compare, if it is one.
    pub fn email(&self) -> Option<AgentEmail> {
        AgentEmail::parse(&self.email).ok()
    }
}

/// A `POST /accounts/{account_id}` body: the sets given replace the account's.
#[derive(Debug, Clone, Serialize)]
pub struct AccountUpdate<'a> {
    pub roles: &'a [i64],
    pub teams: &'a [i64],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
}

impl AlcmeonClient {
    /// `POST /accounts`. Alcméon answers 400 when the email already has an account.
    pub async fn create_account(&self, email: &str, name: &str) -> Result<Account, ClientError> {
        let request = self
            .request(Method::POST, "/accounts")
            .json(&serde_json::json!({"email": email, "name": name}));
        let body = self.call(Priority::Provisioning, request).await?;
        unreadable_as(200, &body)
    }

    /// `GET /accounts?is_active=`: the active or the inactive accounts.
    pub async fn list_accounts(&self, is_active: bool) -> Result<Vec<Account>, ClientError> {
        let request = self
            .request(Method::GET, "/accounts")
            .query(&[("is_active", is_active)]);
        let body = self.call(Priority::Provisioning, request).await?;
        unreadable_as(200, &body)
    }

    /// `POST /accounts/{account_id}`.
    pub async fn update_account(
        &self,
        account_id: i64,
        update: &AccountUpdate<'_>,
    ) -> Result<(), ClientError> {
        let request = self
            .request(Method::POST, &format!("/accounts/{account_id}"))
            .json(update);
        self.call(Priority::Provisioning, request).await.map(drop)
    }
}

fn unreadable_as<T: serde::de::DeserializeOwned>(
    status: u16,
    body: &str,
) -> Result<T, ClientError> {
    serde_json::from_str(body).map_err(|e| ClientError::Status {
        status,
        body: format!("unreadable account answer ({e})"),
    })
}

/// The `reason` of user.yaml's error shape, `{"error": {"reason": "..."}}`.
pub fn user_error_reason(body: &str) -> Option<String> {
    let body: Value = serde_json::from_str(body).ok()?;
    body.get("error")?
        .get("reason")?
        .as_str()
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reason_is_read_from_the_nested_error() {
        assert_eq!(
            user_error_reason(r#"{"error": {"reason": "account-already-exists"}}"#).as_deref(),
            Some("account-already-exists")
        );
        assert_eq!(user_error_reason(r#"{"error": "flat"}"#), None);
    }
}
