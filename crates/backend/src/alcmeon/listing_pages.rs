//! Reading every page of one of Alcméon's paged listings (opt-ins and opt-outs, RCS and KakaoTalk
//! templates): pages are numbered from 0, each request built by the caller for its page number.
//!
//! Invariants: a 429 is waited out through the governor and the same page asked again, at most
//! [`MAX_RATE_LIMITED`] times in a row; reading stops at the page that names no next one
//! (`next`, or KakaoTalk's `next_page`), or after `max_pages`.

use reqwest::RequestBuilder;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::client::{AlcmeonClient, ClientError};
use super::governor::Priority;

/// How many 429 answers in a row one listing waits out before it gives up.
const MAX_RATE_LIMITED: usize = 10;

#[derive(Debug, Deserialize)]
struct Page<T> {
    data: Vec<T>,
    /// The next page's address (opt-ins, RCS).
    next: Option<String>,
    /// The next page's number (KakaoTalk).
    next_page: Option<i64>,
}

impl AlcmeonClient {
    /// Every item of the listing `what` (named in errors), page after page, at `priority`.
    pub(super) async fn every_page<T: DeserializeOwned>(
        &self,
        what: &str,
        priority: Priority,
        max_pages: usize,
        request_for_page: impl Fn(usize) -> RequestBuilder,
    ) -> Result<Vec<T>, ClientError> {
        let mut all = vec![];
        let mut rate_limited = 0;
        let mut page = 0;
        while page < max_pages {
            let body = match self.call(priority, request_for_page(page)).await {
                Err(ClientError::RateLimited { .. }) if rate_limited < MAX_RATE_LIMITED => {
                    rate_limited += 1;
                    continue;
                }
                other => other?,
            };
            rate_limited = 0;
            let read: Page<T> = serde_json::from_str(&body).map_err(|e| ClientError::Status {
                status: 200,
                body: format!("unreadable {what} page ({e})"),
            })?;
            all.extend(read.data);
            if read.next.is_none() && read.next_page.is_none() {
                break;
            }
            page += 1;
        }
        Ok(all)
    }
}
