//! The record sync: Alcméon conversations become `alcmeon__Conversation__c` records in each org
//! that has Salesforce settings (`BACKEND_SALESFORCE_<orgId>`). The store decides which
//! conversations must be written where as it records each action, and queues them
//! (`store/record_sync.rs`); this module upserts the queued ones through `crate::salesforce`:
//! `build` makes a record, `org_sync` runs one org's passes, `pacing` says how long to wait.
//!
//! Invariants:
//! - One instance runs the sync at a time ([`Lock::RecordSync`]); the others take over when it
//!   stops.
//! - A queued conversation is written at least once after its latest change, or stays queued:
//!   nothing is lost to an outage, a revoked grant or a restart; upserts by external id make a
//!   second write harmless.
//! - Rows queued are seen within [`POLL_INTERVAL`]; an idle sync only reads.
//! - Each org waits out its own failures; one org's outage never holds another back.

mod build;
mod org_sync;
mod pacing;

use std::time::Duration;

use tokio::task::JoinHandle;

use crate::config::{Config, SalesforceSettings};
use crate::salesforce::{SalesforceClient, SalesforceError, SalesforceOrg};
use crate::store::{HeldLock, Lock, Store, StoreError};
use build::Environment;
use org_sync::OrgSync;

/// How often the sync looks for due rows.
const POLL_INTERVAL: Duration = Duration::from_millis(500);
/// How often an instance not running the sync asks whether it may.
const LOCK_RETRY: Duration = Duration::from_secs(5);
/// How long one call to Salesforce may take.
const CALL_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum RecordSyncError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("BACKEND_SALESFORCE_{org_id}: {error}")]
    Salesforce {
        org_id: String,
        error: SalesforceError,
    },
}

/// Saves which orgs have a sync and which social accounts each maps, and starts the sync when
/// any org has one.
pub async fn start(
    store: Store,
    config: &Config,
) -> Result<Option<JoinHandle<()>>, RecordSyncError> {
    let mut configured = Vec::new();
    let mut not_configured = Vec::new();
    let mut orgs = Vec::new();
    for org in &config.orgs {
        match config.salesforce.of(&org.org_id) {
            Some(settings) => {
                configured.push((org.org_id.clone(), settings.accounts.clone()));
                orgs.push(org_sync(&org.org_id, settings)?);
            }
            None => not_configured.push(org.org_id.clone()),
        }
    }
    store
        .set_record_sync_orgs(&configured, &not_configured)
        .await?;
    if orgs.is_empty() {
        return Ok(None);
    }
    let environment = Environment {
        company_id: config.alcmeon_company_id,
        instance_id: config.alcmeon_instance_id.clone(),
    };
    // Asked before the server starts, so an instance starting beside a running one always waits.
    let held = store.try_lock(&Lock::RecordSync).await?;
    Ok(Some(tokio::spawn(run(store, environment, orgs, held))))
}

fn org_sync(org_id: &str, settings: &SalesforceSettings) -> Result<OrgSync, RecordSyncError> {
    let mut org = SalesforceOrg::new(
        &settings.login_url,
        &settings.consumer_key,
        &settings.username,
        &settings.private_key_pem,
    );
    if let Some(timeout) = settings.session_timeout {
        org.session_timeout = timeout;
    }
    if let Some(retry) = settings.grant_retry_after {
        org.grant_retry_after = retry;
    }
    org.token_endpoint = settings.token_endpoint.clone();
    org.instance_url = settings.instance_url.clone();
    let grant_retry_after = org.grant_retry_after;
    let client =
        SalesforceClient::new(org, CALL_TIMEOUT).map_err(|error| RecordSyncError::Salesforce {
            org_id: org_id.to_owned(),
            error,
        })?;
    Ok(OrgSync::new(
        org_id.to_owned(),
        client,
        grant_retry_after,
        settings.queues.clone(),
    ))
}

async fn run(
    store: Store,
    environment: Environment,
    mut orgs: Vec<OrgSync>,
    held: Option<HeldLock>,
) {
    let _held = match held {
        Some(held) => held,
        None => hold_lock(&store).await,
    };
    tracing::info!(orgs = orgs.len(), "this instance now runs the record sync");
    loop {
        for org in &mut orgs {
            if let Err(error) = org.pass(&store, &environment).await {
                tracing::warn!(org = %org.org_id, %error, "the record sync could not read or note its queue");
            }
        }
        tokio::time::sleep(POLL_INTERVAL).await;
    }
}

/// Waits until this instance may run the sync (another held it at start).
async fn hold_lock(store: &Store) -> HeldLock {
    loop {
        tokio::time::sleep(LOCK_RETRY).await;
        match store.try_lock(&Lock::RecordSync).await {
            Ok(Some(held)) => return held,
            Ok(None) => {}
            Err(error) => {
                tracing::warn!(%error, "could not ask whether another instance runs the record sync")
            }
        }
    }
}
