//! Forgets logged thread changes older than the retention (`Config::event_retention`), so the
//! event log does not grow forever. Safe because a widget refetches the newest page of its thread
//! whenever its event stream opens.

use std::time::Duration;

use tokio::task::JoinHandle;

use crate::store::Store;

/// How often the log is pruned at most; a short retention prunes more often.
const LONGEST_PAUSE: Duration = Duration::from_secs(15 * 60);

pub fn spawn(store: Store, retention: Duration) -> JoinHandle<()> {
    let pause = (retention / 4).min(LONGEST_PAUSE);
    tokio::spawn(async move {
        loop {
            let cutoff = chrono::Utc::now() - retention;
            match store.prune_events(cutoff.timestamp_millis()).await {
                Ok(0) => {}
                Ok(count) => tracing::info!(count, "pruned old thread events"),
                Err(error) => tracing::warn!(%error, "could not prune old thread events"),
            }
            tokio::time::sleep(pause).await;
        }
    })
}
