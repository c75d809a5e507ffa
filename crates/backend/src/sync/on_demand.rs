//! Fetching, on demand, a conversation the replica does not hold whole (`store::replica_origin`):
//! one call to `GET /actions/conversations/{id}` at `Priority::OnDemand` (after replies and
//! provisioning, before backfill), its actions recorded as backfill records them (idempotent, in
//! id order), then the conversation marked whole.
//!
//! Invariants:
//! - Single flight: while a conversation is being fetched, every further request for it joins
//!   that fetch; no second call is made.
//! - A fetch runs in its own task, so a widget that goes away does not cancel it.
//! - A 429 is waited out (the governor holds every caller until Alcméon's reset) and the call made
//!   again; it is never an outcome.
//! - An outcome is remembered for [`REMEMBER`], so a widget asking again just after a fetch ended
//!   (whole, unknown to Alcméon, failed) gets that outcome instead of causing a new call.
//! - Only the HTTP edge starts a fetch, after it has accepted the request.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::watch;

use super::action_id;
use crate::alcmeon::{AlcmeonClient, ClientError};
use crate::store::{Store, StoreError};

/// How long a finished fetch's outcome answers for the conversation.
const REMEMBER: Duration = Duration::from_secs(30);

/// How a fetch ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fetched {
    /// Every action is recorded: the replica holds the conversation whole.
    Whole,
    /// Alcméon has no such conversation (or no action in it).
    Unknown,
    /// Alcméon answered an error or could not be reached, or the store failed (logged).
    Failed,
}

/// Where the fetch of a conversation stands for one request.
pub enum Fetch {
    /// This request started it.
    Started,
    /// One was under way: wait for it with [`Fetch::outcome`].
    Running(watch::Receiver<Option<Fetched>>),
    /// One ended a moment ago.
    Finished(Fetched),
}

impl Fetch {
    /// The fetch's outcome, waiting at most `limit` for it; `None` while it still runs.
    pub async fn outcome(self, limit: Duration) -> Option<Fetched> {
        match self {
            Self::Started => None,
            Self::Finished(outcome) => Some(outcome),
            Self::Running(mut running) => {
                let outcome = tokio::time::timeout(limit, running.wait_for(Option::is_some)).await;
                match outcome {
                    Ok(Ok(outcome)) => *outcome,
                    Ok(Err(_closed)) => Some(Fetched::Failed),
                    Err(_elapsed) => None,
                }
            }
        }
    }
}

#[derive(Clone)]
pub struct ConversationFetcher {
    store: Store,
    client: Arc<AlcmeonClient>,
    flights: Arc<Mutex<Flights>>,
}

#[derive(Default)]
struct Flights {
    running: HashMap<i64, watch::Receiver<Option<Fetched>>>,
    finished: HashMap<i64, (Instant, Fetched)>,
}

impl ConversationFetcher {
    pub fn new(store: Store, client: Arc<AlcmeonClient>) -> Self {
        Self {
            store,
            client,
            flights: Arc::default(),
        }
    }

    /// Joins the fetch of `conversation_id` under way, or the outcome of one that just ended, or
    /// starts one.
    pub fn fetch(&self, conversation_id: i64) -> Fetch {
        let mut flights = self.lock();
        flights
            .finished
            .retain(|_, (ended, _)| ended.elapsed() < REMEMBER);
        if let Some(running) = flights.running.get(&conversation_id) {
            return Fetch::Running(running.clone());
        }
        if let Some(&(_, outcome)) = flights.finished.get(&conversation_id) {
            return Fetch::Finished(outcome);
        }
        let (done, running) = watch::channel(None);
        flights.running.insert(conversation_id, running);
        let fetcher = self.clone();
        tokio::spawn(async move {
            let outcome = fetcher.fetch_whole(conversation_id).await;
            let mut flights = fetcher.lock();
            flights.running.remove(&conversation_id);
            flights
                .finished
                .insert(conversation_id, (Instant::now(), outcome));
            done.send_replace(Some(outcome));
        });
        Fetch::Started
    }

    async fn fetch_whole(&self, conversation_id: i64) -> Fetched {
        let actions = loop {
            match self.client.conversation_actions(conversation_id).await {
                Err(ClientError::RateLimited { .. }) => continue,
                Err(error) => {
                    tracing::warn!(conversation_id, %error, "the conversation could not be fetched");
                    return Fetched::Failed;
                }
                Ok(None) => return Fetched::Unknown,
                Ok(Some(actions)) => break actions,
            }
        };
        match self.record_whole(conversation_id, actions).await {
            Ok(new) => {
                tracing::info!(conversation_id, new, "fetched a conversation on demand");
                Fetched::Whole
            }
            Err(error) => {
                tracing::warn!(conversation_id, %error, "a fetched conversation could not be stored");
                Fetched::Failed
            }
        }
    }

    /// Records the actions in id order and marks the conversation whole; returns how many were new.
    async fn record_whole(
        &self,
        conversation_id: i64,
        mut actions: Vec<serde_json::Value>,
    ) -> Result<usize, StoreError> {
        actions.sort_by_key(action_id);
        let mut new = 0;
        for action in &actions {
            if self.store.record_action(action).await? {
                new += 1;
            }
        }
        self.store
            .mark_conversation_fetched(conversation_id)
            .await?;
        Ok(new)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Flights> {
        self.flights
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
