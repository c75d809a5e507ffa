//! One org's sync: a pass takes the org's due rows (at most one collection call's worth), builds
//! their records, upserts them and notes what became of each.
//!
//! Invariants: a row leaves the queue only once its record is written (and no change came
//! since); a record Salesforce refuses waits alone, with back-off and its error kept on its row; a
//! failure of the whole call (outage, timeout, spent limit, revoked grant) gives every row back
//! and pauses the org, never the other orgs; each change of the org's status is logged once.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use super::build::{self, Environment, Link, RecordStatus};
use super::pacing;
use crate::salesforce::{
    MAX_COLLECTION_RECORDS, SalesforceClient, SalesforceError, SalesforceErrorItem, UpsertOutcome,
};
use crate::store::{OrgSyncStatus, RecordSource, Store, StoreError, TakenSync, WrittenRecord};

/// How long a taken row is the pass's before it is due again (a pass that died): longer than a
/// pass's calls may take (a token and an upsert, each twice, within the call timeout).
const LEASE: Duration = Duration::from_secs(3 * 60);

/// The org's sync status, as `/health` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    /// The daily API budget is (nearly) spent: the sync waits for room.
    Limited,
    /// Salesforce did not answer, or answered what the sync cannot use.
    Unreachable,
    GrantRevoked,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Limited => "limited",
            Status::Unreachable => "unreachable",
            Status::GrantRevoked => "grant_revoked",
        }
    }
}

pub struct OrgSync {
    pub org_id: String,
    client: SalesforceClient,
    grant_retry_after: Duration,
    /// The Queue of each mapped account that names one (`BACKEND_SALESFORCE_<orgId>`'s `accounts`).
    queues: BTreeMap<i64, String>,
    paused_until: Option<Instant>,
    /// Failures of the whole org in a row.
    failures: u32,
    status: Status,
}

impl OrgSync {
    pub fn new(
        org_id: String,
        client: SalesforceClient,
        grant_retry_after: Duration,
        queues: BTreeMap<i64, String>,
    ) -> Self {
        Self {
            org_id,
            client,
            grant_retry_after,
            queues,
            paused_until: None,
            failures: 0,
            status: Status::Ok,
        }
    }

    /// Whether the org is waiting out a failure or its budget.
    pub fn paused(&self, now: Instant) -> bool {
        self.paused_until.is_some_and(|until| now < until)
    }

    /// Syncs the org's due rows, if any.
    pub async fn pass(
        &mut self,
        store: &Store,
        environment: &Environment,
    ) -> Result<(), StoreError> {
        if self.paused(Instant::now()) {
            return Ok(());
        }
        let now_ms = chrono::Utc::now().timestamp_millis();
        if !store.has_due_record_syncs(&self.org_id, now_ms).await? {
            return Ok(());
        }
        let lease = now_ms + LEASE.as_millis() as i64;
        let limit = MAX_COLLECTION_RECORDS as i64;
        let taken = store
            .take_record_syncs(&self.org_id, now_ms, lease, limit)
            .await?;
        let sources = store.record_sources(&self.org_id, &ids(&taken)).await?;
        let unknown: Vec<i64> = ids(&taken)
            .into_iter()
            .filter(|id| !sources.iter().any(|s| s.conversation_id == *id))
            .collect();
        store
            .drop_record_syncs(&self.org_id, lease, &unknown)
            .await?;
        if sources.is_empty() {
            return Ok(());
        }
        let built = self.build(store, environment, &sources).await?;
        let records: Vec<_> = built.iter().map(|b| b.fields.clone()).collect();
        match self.client.upsert_conversations(&records).await {
            Ok(outcomes) => {
                self.note_outcomes(store, &taken, lease, built, outcomes)
                    .await?;
                self.failures = 0;
                self.after_answer(store).await
            }
            Err(error) => {
                let ids: Vec<i64> = built.iter().map(|b| b.source.conversation_id).collect();
                store
                    .release_record_syncs(&self.org_id, lease, &ids, now_ms, None)
                    .await?;
                self.after_failure(store, error).await
            }
        }
    }

    async fn build(
        &self,
        store: &Store,
        environment: &Environment,
        sources: &[RecordSource],
    ) -> Result<Vec<Built>, StoreError> {
        let mut customers: HashMap<i64, (Option<i64>, Option<Link>)> = HashMap::new();
        let mut built = Vec::with_capacity(sources.len());
        for source in sources {
            let (newest, link) = match source.customer_id {
                None => (true, None),
                Some(customer_id) => {
                    let (newest, link) = match customers.entry(customer_id) {
                        Entry::Occupied(known) => known.into_mut(),
                        Entry::Vacant(unknown) => {
                            unknown.insert(self.customer(store, customer_id).await?)
                        }
                    };
                    (*newest == Some(source.conversation_id), link.clone())
                }
            };
            let status = RecordStatus::of(source, newest);
            let queue = source
                .account_id
                .and_then(|account| self.queues.get(&account))
                .map(String::as_str);
            let (scoped_id, fields) =
                build::record(environment, source, status, link.as_ref(), queue);
            built.push(Built {
                source: source.clone(),
                scoped_id,
                status,
                fields,
            });
        }
        Ok(built)
    }

    /// The customer's newest conversation and their link in this org.
    async fn customer(
        &self,
        store: &Store,
        customer_id: i64,
    ) -> Result<(Option<i64>, Option<Link>), StoreError> {
        let conversations = store.customer_conversations(customer_id).await?;
        let newest = conversations.first().map(|c| c.conversation_id);
        let link = store
            .customer_link(&self.org_id, customer_id)
            .await?
            .map(|link| Link {
                id: link.contact_id,
                person_account: link.person_account,
            });
        Ok((newest, link))
    }

    async fn note_outcomes(
        &self,
        store: &Store,
        taken: &[TakenSync],
        lease: i64,
        built: Vec<Built>,
        outcomes: Vec<UpsertOutcome>,
    ) -> Result<(), StoreError> {
        let now_ms = chrono::Utc::now().timestamp_millis();
        let mut written = Vec::new();
        for (built, outcome) in built.into_iter().zip(outcomes) {
            let conversation_id = built.source.conversation_id;
            match outcome {
                UpsertOutcome::Created { id } | UpsertOutcome::Updated { id } => {
                    written.push(WrittenRecord {
                        conversation_id,
                        customer_id: built.source.customer_id,
                        scoped_id: built.scoped_id,
                        record_id: id,
                        status: built.status.as_str(),
                    })
                }
                UpsertOutcome::Failed { errors } => {
                    let attempts = taken
                        .iter()
                        .find(|t| t.conversation_id == conversation_id)
                        .map_or(0, |t| t.attempts);
                    let error = describe(&errors);
                    tracing::warn!(
                        org = %self.org_id,
                        conversation_id,
                        %error,
                        "Salesforce refused a conversation's record; it is tried again later"
                    );
                    let retry = pacing::record_retry(attempts + 1).as_millis() as i64;
                    store
                        .release_record_syncs(
                            &self.org_id,
                            lease,
                            &[conversation_id],
                            now_ms + retry,
                            Some(&error),
                        )
                        .await?;
                }
            }
        }
        store
            .note_records_written(&self.org_id, lease, &written)
            .await
    }

    /// Salesforce answered: the org is fine, unless its budget is (nearly) spent.
    async fn after_answer(&mut self, store: &Store) -> Result<(), StoreError> {
        match self.client.api_usage().filter(|u| pacing::near_limit(*u)) {
            Some(usage) => {
                let detail = format!(
                    "{} of {} API calls used today; the sync waits until under {} %",
                    usage.used,
                    usage.limit,
                    pacing::USAGE_CEILING_PERCENT
                );
                self.pause(pacing::USAGE_PAUSE);
                self.set_status(store, Status::Limited, Some(detail)).await
            }
            None => self.set_status(store, Status::Ok, None).await,
        }
    }

    async fn after_failure(
        &mut self,
        store: &Store,
        error: SalesforceError,
    ) -> Result<(), StoreError> {
        let detail = error.to_string();
        let status = match &error {
            SalesforceError::GrantRevoked { .. } => {
                self.pause(self.grant_retry_after);
                Status::GrantRevoked
            }
            SalesforceError::LimitExceeded { .. } => {
                self.pause(pacing::USAGE_PAUSE);
                Status::Limited
            }
            _ => {
                self.failures = self.failures.saturating_add(1);
                self.pause(pacing::org_retry(self.failures));
                Status::Unreachable
            }
        };
        self.set_status(store, status, Some(detail)).await
    }

    fn pause(&mut self, wait: Duration) {
        self.paused_until = Some(Instant::now() + wait);
    }

    /// Saves the status (and the latest API usage); logs a change once.
    async fn set_status(
        &mut self,
        store: &Store,
        status: Status,
        detail: Option<String>,
    ) -> Result<(), StoreError> {
        if status != self.status {
            let org = &self.org_id;
            let detail = detail.as_deref().unwrap_or_default();
            match status {
                Status::Ok => tracing::info!(%org, "the record sync works again"),
                Status::Limited => {
                    tracing::warn!(%org, %detail, "the record sync waits for API budget")
                }
                Status::Unreachable => {
                    tracing::warn!(%org, %detail, "Salesforce cannot be reached; records wait")
                }
                Status::GrantRevoked => tracing::error!(
                    %org,
                    %detail,
                    "the record sync stopped: Salesforce refused the integration user's grant; an \
                     admin must approve the user on the Connected App again"
                ),
            }
            self.status = status;
        }
        let usage = self
            .client
            .api_usage()
            .map(|u| (saturating_i64(u.used), saturating_i64(u.limit)));
        store
            .set_record_sync_status(
                &self.org_id,
                &OrgSyncStatus {
                    status: status.as_str(),
                    detail: detail.as_deref(),
                    api_usage: usage,
                },
            )
            .await
    }
}

/// A record built for a taken row.
struct Built {
    source: RecordSource,
    scoped_id: String,
    status: RecordStatus,
    fields: serde_json::Map<String, serde_json::Value>,
}

fn ids(taken: &[TakenSync]) -> Vec<i64> {
    taken.iter().map(|t| t.conversation_id).collect()
}

fn describe(errors: &[SalesforceErrorItem]) -> String {
    let described: Vec<String> = errors
        .iter()
        .map(|e| format!("{}: {} {:?}", e.error_code, e.message, e.fields))
        .collect();
    described.join("; ")
}

fn saturating_i64(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}
