//! Keeps the replica complete: reads `GET /actions` from where it left off, at start-up, on a
//! timer, and whenever the webhook sees a gap in notification ids.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;
use tokio::task::JoinHandle;

use crate::alcmeon::{AlcmeonClient, ClientError};
use crate::store::Store;

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
) -> JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match backfill(&store, &client).await {
                Ok(0) => {}
                Ok(count) => tracing::info!(count, "backfilled actions from Alcméon"),
                Err(error) => tracing::warn!(%error, "backfill stopped; will retry"),
            }
            tokio::select! {
                _ = trigger.0.notified() => {}
                _ = tokio::time::sleep(interval) => {}
            }
        }
    })
}

#[derive(Debug, thiserror::Error)]
enum BackfillError {
    #[error(transparent)]
    Alcmeon(#[from] ClientError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// Reads every action after the replica's cursor; returns how many were new.
async fn backfill(store: &Store, client: &AlcmeonClient) -> Result<usize, BackfillError> {
    let mut cursor = store.actions_read_through().await?;
    let mut new_actions = 0;
    loop {
        let page = match client.list_actions(cursor).await {
            Err(ClientError::RateLimited { .. }) => continue,
            other => other?,
        };
        for action in &page {
            if store.record_action(action).await? {
                new_actions += 1;
            }
        }
        let highest = page.iter().filter_map(|a| a.get("id")?.as_i64()).max();
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
