//! Template listings (initiate-conversation-api.yaml): `POST /v1/rcs/templates` and
//! `POST /v1/kakaotalk/templates`, filtered by account, read whole page after page at
//! [`Priority::OnDemand`] (an agent's engagement page waits on them). WhatsApp has no listing.
//!
//! Invariant: a listing is returned only when every page was read; a 429 is waited out (the
//! governor holds every caller until `rate_limited_until`) and the same page asked again, a few
//! times at most.

use reqwest::Method;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::json;

use super::client::{AlcmeonClient, ClientError};
use super::governor::Priority;

/// The longest page the listings give.
const PAGE_SIZE: usize = 100;
/// Pages read at most for one account (10,000 templates).
const MAX_PAGES: usize = 100;

/// The spec's `RCSTemplate`.
#[derive(Debug, Clone, Deserialize)]
pub struct RcsTemplate {
    pub id: i64,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub buttons: Vec<RcsButton>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RcsButton {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub label: String,
    pub url: Option<String>,
}

/// The spec's `KKTTemplate`.
#[derive(Debug, Clone, Deserialize)]
pub struct KakaoTemplate {
    pub id: i64,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub body: String,
    /// `approved`, `rejected`, `in_review`.
    pub status: Option<String>,
}

impl AlcmeonClient {
    /// Every RCS template of the account (none for an account that is not RCS).
    pub async fn rcs_templates(&self, account_id: i64) -> Result<Vec<RcsTemplate>, ClientError> {
        self.all_template_pages("/v1/rcs/templates", account_id)
            .await
    }

    /// Every KakaoTalk template of the account, whatever its status.
    pub async fn kakaotalk_templates(
        &self,
        account_id: i64,
    ) -> Result<Vec<KakaoTemplate>, ClientError> {
        self.all_template_pages("/v1/kakaotalk/templates", account_id)
            .await
    }

    async fn all_template_pages<T: DeserializeOwned>(
        &self,
        path: &str,
        account_id: i64,
    ) -> Result<Vec<T>, ClientError> {
        self.every_page("template", Priority::OnDemand, MAX_PAGES, |page| {
            self.request(Method::POST, path).json(&json!({
                "account_id": account_id, "limit": PAGE_SIZE, "page": page,
            }))
        })
        .await
    }
}
