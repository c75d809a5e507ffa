//! Alcméon's opt-in API (optin-api.yaml), read only: every user-optin and user-optout of one
//! opt-in list, page after page, at [`Priority::Backfill`] (nobody waits on a single page).
//!
//! Invariant: a list is returned only when every page was read; a 429 is waited out (the
//! governor holds every caller until `rate_limited_until`) and the same page asked again.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::client::{AlcmeonClient, ClientError};
use super::governor::Priority;

/// The longest page the opt-in API gives (its `limit` maximum).
pub const OPTIN_PAGE_SIZE: usize = 1000;

/// optin-api.yaml's `UserOptin`.
#[derive(Debug, Clone, Deserialize)]
pub struct UserOptin {
    pub id: i64,
    pub user_phone_number: String,
    pub account_id: i64,
    pub last_optin_time: Option<DateTime<Utc>>,
}

/// optin-api.yaml's `UserOptout` (`output_at` is the spec's name for the opt-out time).
#[derive(Debug, Clone, Deserialize)]
pub struct UserOptout {
    pub id: i64,
    pub user_phone_number: String,
    pub account_id: i64,
    pub output_at: Option<DateTime<Utc>>,
}

/// Every opt-in and opt-out of one list.
#[derive(Debug, Clone, Default)]
pub struct OptinList {
    pub optins: Vec<UserOptin>,
    pub optouts: Vec<UserOptout>,
}

impl AlcmeonClient {
    /// Reads every page of `GET /v1/optins/{id}/user-optins` and `…/user-optouts`.
    pub async fn optin_list(&self, list_id: i64) -> Result<OptinList, ClientError> {
        Ok(OptinList {
            optins: self.all_pages(list_id, "user-optins").await?,
            optouts: self.all_pages(list_id, "user-optouts").await?,
        })
    }

    async fn all_pages<T: DeserializeOwned>(
        &self,
        list_id: i64,
        kind: &str,
    ) -> Result<Vec<T>, ClientError> {
        let path = format!("/v1/optins/{list_id}/{kind}");
        self.every_page(kind, Priority::Backfill, usize::MAX, |page| {
            self.request(reqwest::Method::GET, &path)
                .query(&[("limit", OPTIN_PAGE_SIZE), ("page", page)])
        })
        .await
    }
}
