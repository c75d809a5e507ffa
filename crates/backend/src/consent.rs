//! The consent replica kept fresh: each configured opt-in list (`ALCMEON_OPTIN_LIST_IDS`) is read
//! whole from Alcméon at start-up, on a timer, and before answering a consent question when the
//! replica of that list is older than the staleness bound.
//!
//! Invariants: consent is answered only from a read of the list younger than the bound (a failed
//! refresh of a stale list is an error, never an old answer); one refresh of a list runs at a
//! time, and callers waiting on it reuse its read; every read goes through the governor at
//! backfill priority (`alcmeon::AlcmeonClient::optin_list`).

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use protocol::{ConsentState, normalize_phone};
use tokio::task::JoinHandle;

use crate::alcmeon::{AlcmeonClient, ClientError};
use crate::store::{ConsentRecord, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum ConsentError {
    #[error("{0:?} is not a phone number in international form")]
    InvalidPhone(String),
    #[error("opt-in list {0} is not one of ALCMEON_OPTIN_LIST_IDS")]
    UnknownList(i64),
    #[error("the consent of opt-in list {list_id} could not be read from Alcméon: {source}")]
    Alcmeon { list_id: i64, source: ClientError },
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Clone)]
pub struct ConsentReplica {
    store: Store,
    client: Arc<AlcmeonClient>,
    lists: Arc<[i64]>,
    max_age: Duration,
    refreshing: Arc<tokio::sync::Mutex<()>>,
}

impl ConsentReplica {
    pub fn new(store: Store, client: Arc<AlcmeonClient>, lists: &[i64], max_age: Duration) -> Self {
        Self {
            store,
            client,
            lists: lists.into(),
            max_age,
            refreshing: Default::default(),
        }
    }

    /// The consent of `phone` (any international spelling) on `list_id`, read again from Alcméon
    /// first when the replica of the list is older than the configured bound.
    pub async fn consent(&self, phone: &str, list_id: i64) -> Result<ConsentState, ConsentError> {
        self.consent_within(phone, list_id, self.max_age).await
    }

    /// As [`Self::consent`], with replica no older than `max_age`.
    pub async fn consent_within(
        &self,
        phone: &str,
        list_id: i64,
        max_age: Duration,
    ) -> Result<ConsentState, ConsentError> {
        let phone =
            normalize_phone(phone).ok_or_else(|| ConsentError::InvalidPhone(phone.into()))?;
        if !self.lists.contains(&list_id) {
            return Err(ConsentError::UnknownList(list_id));
        }
        let asked_at = Utc::now();
        if self.is_stale(list_id, max_age, asked_at).await? {
            let _one_at_a_time = self.refreshing.lock().await;
            if self.is_stale(list_id, max_age, asked_at).await? {
                self.read_list(list_id).await?;
            }
        }
        Ok(self.store.consent_state(&phone, list_id).await?)
    }

    /// Reads every configured list again.
    pub async fn refresh_all(&self) -> Result<(), ConsentError> {
        let _one_at_a_time = self.refreshing.lock().await;
        for &list_id in self.lists.iter() {
            self.read_list(list_id).await?;
        }
        Ok(())
    }

    /// Whether the last whole read of the list started before `asked_at - max_age` (or never
    /// happened): with a zero bound, only a read started after the question will do.
    async fn is_stale(
        &self,
        list_id: i64,
        max_age: Duration,
        asked_at: DateTime<Utc>,
    ) -> Result<bool, ConsentError> {
        let max_age = chrono::TimeDelta::from_std(max_age).unwrap_or(chrono::TimeDelta::MAX);
        let oldest_fresh = asked_at
            .checked_sub_signed(max_age)
            .unwrap_or(DateTime::<Utc>::MIN_UTC);
        let refreshes = self.store.consent_refreshes().await?;
        Ok(refreshes
            .iter()
            .find(|r| r.list_id == list_id)
            .is_none_or(|r| r.refreshed_at_ms < oldest_fresh.timestamp_millis()))
    }

    /// Reads the list whole from Alcméon and replaces the replica of it.
    async fn read_list(&self, list_id: i64) -> Result<(), ConsentError> {
        let started = Utc::now();
        let list = self
            .client
            .optin_list(list_id)
            .await
            .map_err(|source| ConsentError::Alcmeon { list_id, source })?;
        let record = |id, phone: &str, account_id, at: Option<DateTime<Utc>>| {
            let normalized = normalize_phone(phone);
            if normalized.is_none() {
                tracing::warn!(
                    list_id,
                    id,
                    "an opt-in record without a valid phone number is ignored"
                );
            }
            normalized.map(|phone| ConsentRecord {
                alcmeon_id: id,
                phone,
                account_id,
                at_ms: at.map(|at| at.timestamp_millis()),
            })
        };
        let optins: Vec<_> = list
            .optins
            .iter()
            .filter_map(|o| record(o.id, &o.user_phone_number, o.account_id, o.last_optin_time))
            .collect();
        let optouts: Vec<_> = list
            .optouts
            .iter()
            .filter_map(|o| record(o.id, &o.user_phone_number, o.account_id, o.output_at))
            .collect();
        self.store
            .replace_consent_list(list_id, started.timestamp_millis(), &optins, &optouts)
            .await?;
        tracing::info!(
            list_id,
            optins = optins.len(),
            optouts = optouts.len(),
            "consent replica refreshed"
        );
        Ok(())
    }
}

/// Reads every list at start-up, then every `interval`; a failed read is retried at the next turn.
pub fn spawn(replica: ConsentReplica, interval: Duration) -> JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(error) = replica.refresh_all().await {
                tracing::warn!(%error, "the consent replica was not refreshed; will retry");
            }
            tokio::time::sleep(interval).await;
        }
    })
}
