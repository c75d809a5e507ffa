//! Keeps the replica current and fills it on demand.
//!
//! - The backfill worker reads `GET /actions` forward from the replica's cursor, at start-up, on a
//!   timer, and whenever the webhook sees a gap in notification ids. A new replica first decides
//!   where it starts (`replica_start.rs`: by default after the newest action Alcméon holds), so it
//!   never reads a large environment's history from action 0; an existing replica keeps its cursor.
//! - A conversation the replica does not hold whole is fetched in one call when a widget opens it
//!   (`on_demand.rs`), ahead of backfill in the governor's order.
//!
//! Both record actions through the same idempotent `Store::record_action`, so an action read by
//! both paths (or by a webhook too) is stored once.
//!
//! Several instances on one database: one of them at a time runs the backfill worker's reads, the
//! one holding `store::Lock::Backfill`; the others try again at each wake-up and take over within
//! one interval when the holder dies (its lock goes with its connection).

mod newest_search;
mod on_demand;
mod replica_start;

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;
use tokio::task::JoinHandle;

use crate::alcmeon::{AlcmeonClient, ClientError};
use crate::config::ReplicaStart;
use crate::store::{HeldLock, Lock, Store};

pub use on_demand::{ConversationFetcher, Fetched};
pub use replica_start::decide_without_alcmeon;

/// Wakes the backfill worker.
#[derive(Clone, Default)]
pub struct SyncTrigger(Arc<Notify>);

impl SyncTrigger {
    pub fn wake(&self) {
        self.0.notify_one();
    }
}

pub fn spawn(
    store: Store,
    client: Arc<AlcmeonClient>,
    trigger: SyncTrigger,
    interval: Duration,
    start: ReplicaStart,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut lease: Option<HeldLock> = None;
        loop {
            if lease.is_none() {
                lease = match store.try_lock(&Lock::Backfill).await {
                    Ok(lease) => lease,
                    Err(error) => {
                        tracing::warn!(%error, "could not ask whether another instance backfills");
                        None
                    }
                };
                if lease.is_some() {
                    tracing::info!("this instance now runs the backfill");
                }
            }
            if lease.is_some() {
                read_forward(&store, &client, start).await;
            }
            tokio::select! {
                _ = trigger.0.notified() => {}
                _ = tokio::time::sleep(interval) => {}
            }
        }
    })
}

/// Decides where a new replica starts, then reads every action after its cursor.
async fn read_forward(store: &Store, client: &AlcmeonClient, start: ReplicaStart) {
    match replica_start::decide(store, client, start).await {
        Ok(_) => match backfill(store, client).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "backfilled actions from Alcméon"),
            Err(error) => tracing::warn!(%error, "backfill stopped; will retry"),
        },
        Err(error) => {
            tracing::warn!(%error, "the replica's start is not decided; will retry")
        }
    }
}

#[derive(Debug, thiserror::Error)]
enum BackfillError {
    #[error(transparent)]
    Alcmeon(#[from] ClientError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// One page of `GET /actions` after `min_action_id`; a 429 is waited out (the governor holds every
/// caller until Alcméon's reset), never returned.
async fn page_after(
    client: &AlcmeonClient,
    min_action_id: i64,
) -> Result<Vec<serde_json::Value>, ClientError> {
    loop {
        match client.list_actions(min_action_id).await {
            Err(ClientError::RateLimited { .. }) => continue,
            other => return other,
        }
    }
}

fn action_id(action: &serde_json::Value) -> Option<i64> {
    action.get("id")?.as_i64()
}

/// Reads every action after the replica's cursor; returns how many were new.
async fn backfill(store: &Store, client: &AlcmeonClient) -> Result<usize, BackfillError> {
    let mut cursor = store.actions_read_through().await?;
    let mut new_actions = 0;
    loop {
        let page = page_after(client, cursor).await?;
        for action in &page {
            if store.record_action(action).await? {
                new_actions += 1;
            }
        }
        let highest = page.iter().filter_map(action_id).max();
        match highest {
            Some(highest) if highest > cursor => {
                cursor = highest;
                store.set_actions_read_through(cursor).await?;
            }
            _ => return Ok(new_actions),
        }
        if page.len() < crate::alcmeon::ACTIONS_PAGE_SIZE {
            return Ok(new_actions);
        }
    }
}
