//! Live changes across backend instances sharing one PostgreSQL database.
//!
//! On PostgreSQL a transaction that appends to the event log also sends `NOTIFY` on
//! [`THREAD_CHANNEL`] (delivered when it commits), and an engagement change is sent on
//! [`ENGAGEMENT_CHANNEL`], and a webhook that saw a gap asks for a backfill on
//! [`BACKFILL_CHANNEL`]. Every instance, the writer included, runs one relay that `LISTEN`s on
//! them: a thread notification wakes its reader, which reads the log after the last event it
//! relayed and publishes each to its own subscribers; an engagement notification is published as
//! it came; a backfill request wakes its backfill worker (which reads only if it holds the
//! backfill). So a reply accepted by instance A reaches a widget streaming from instance B, and a
//! gap seen by A is read at once by B when B runs the backfill.
//!
//! Invariant: the log is the truth and a thread notification only a wake-up, so one lost while the
//! relay's connection was down costs nothing: after reconnecting, the relay reads the log again.
//! An engagement change has no log: one sent while the relay reconnects is not relayed (engagement
//! pages are read again when their stream next wakes or reconnects). On SQLite (one instance) the
//! store publishes directly and no relay runs.

use std::time::Duration;

use sqlx::AnyPool;
use sqlx::postgres::PgListener;
use std::sync::Arc;

use tokio::sync::{Notify, broadcast};
use tokio::task::JoinHandle;

use super::{EngagementChange, StoreError, ThreadEvent, thread};

pub(super) const THREAD_CHANNEL: &str = "alcmeon_thread_events";
pub(super) const ENGAGEMENT_CHANNEL: &str = "alcmeon_engagement_changes";
pub(super) const BACKFILL_CHANNEL: &str = "alcmeon_backfill_asked";
/// How long the relay waits before connecting again after PostgreSQL refused it.
const RECONNECT_PAUSE: Duration = Duration::from_secs(1);
/// The most events read from the log at once.
const READ_BATCH: u32 = 500;

/// Where the relay publishes: the store's own subscribers.
pub(super) struct Subscribers {
    pub events: broadcast::Sender<ThreadEvent>,
    pub engagements: broadcast::Sender<EngagementChange>,
    pub backfill_asked: Arc<Notify>,
}

/// Stops the relay when the last clone of its store is dropped.
pub(super) struct RelayTask {
    listening: JoinHandle<()>,
    reading: JoinHandle<()>,
}

impl Drop for RelayTask {
    fn drop(&mut self) {
        self.listening.abort();
        self.reading.abort();
    }
}

/// Relays the events logged after `relayed_through` and every later one. One task listens; another
/// reads the log when woken, so the notifications that arrive during a read cost one more read,
/// not one each.
pub(super) fn spawn(
    pool: AnyPool,
    url: String,
    subscribers: Subscribers,
    mut relayed_through: i64,
) -> RelayTask {
    let logged = Arc::new(Notify::new());
    let events = subscribers.events.clone();
    let reading = tokio::spawn({
        let logged = logged.clone();
        async move {
            loop {
                logged.notified().await;
                while let Err(error) =
                    relay_thread_events(&pool, &events, &mut relayed_through).await
                {
                    tracing::warn!(%error, "live relay: could not read the event log; trying again");
                    tokio::time::sleep(RECONNECT_PAUSE).await;
                }
            }
        }
    });
    let listening = tokio::spawn(async move {
        loop {
            if let Err(error) = listen(&url, &subscribers, &logged).await {
                tracing::warn!(%error, "live relay: connection to PostgreSQL lost; reconnecting");
                tokio::time::sleep(RECONNECT_PAUSE).await;
            }
        }
    });
    RelayTask { listening, reading }
}

async fn listen(url: &str, subscribers: &Subscribers, logged: &Notify) -> Result<(), StoreError> {
    let mut listener = PgListener::connect(url).await?;
    listener
        .listen_all([THREAD_CHANNEL, ENGAGEMENT_CHANNEL, BACKFILL_CHANNEL])
        .await?;
    loop {
        // Whatever was appended while not listening (first connection, or a lost one).
        logged.notify_one();
        while let Some(notification) = listener.try_recv().await? {
            match notification.channel() {
                ENGAGEMENT_CHANNEL => {
                    if let Some(change) = EngagementChange::from_payload(notification.payload()) {
                        let _ = subscribers.engagements.send(change);
                    }
                }
                BACKFILL_CHANNEL => subscribers.backfill_asked.notify_one(),
                _ => logged.notify_one(),
            }
        }
    }
}

async fn relay_thread_events(
    pool: &AnyPool,
    events_to: &broadcast::Sender<ThreadEvent>,
    relayed_through: &mut i64,
) -> Result<(), StoreError> {
    loop {
        let events = thread::events_after_everywhere(pool, *relayed_through, READ_BATCH).await?;
        let Some(last) = events.last() else {
            return Ok(());
        };
        *relayed_through = last.seq;
        let full = events.len() == READ_BATCH as usize;
        for event in events {
            let _ = events_to.send(event);
        }
        if !full {
            return Ok(());
        }
    }
}
