//! Where a new replica starts reading `GET /actions` (`BACKEND_REPLICA_START`), decided once.
//!
//! `GET /actions` offers no ordering, cursor or date parameter: only `min_action_id` (exclusive)
//! and `max_action_id` (inclusive), and it answers the (at most ten) lowest ids above
//! `min_action_id`, ascending. So the newest action is found by search on `min_action_id`
//! (`newest_search.rs`: it extrapolates ids at the recent pace of the dated actions it sees and
//! halves when the guess misses), starting from the newest action the replica already holds (a
//! webhook's, re-read before every call: one call when it brought the newest). A date start
//! halves `[0, newest]` again, on the date of the first action after each probe (action ids
//! follow time in Alcméon). Every call is a backfill call: an agent's reply or a
//! conversation being opened goes first.

use chrono::NaiveDate;

use super::newest_search::{Look, NewestSearch, Step};
use super::{BackfillError, action_id, page_after};
use crate::alcmeon::{ACTIONS_PAGE_SIZE, Action, AlcmeonClient};
use crate::config::ReplicaStart;
use crate::store::Store;

/// The action id the replica reads after: the decided one, else the configured start (decided
/// now, searching Alcméon if needed).
pub(super) async fn decide(
    store: &Store,
    client: &AlcmeonClient,
    start: ReplicaStart,
) -> Result<i64, BackfillError> {
    if let Some(after) = decide_without_alcmeon(store, start).await? {
        return Ok(after);
    }
    let after = match start {
        ReplicaStart::AfterAction(id) => id,
        ReplicaStart::Newest => newest_action_id(store, client).await?,
        ReplicaStart::Since(date) => {
            let newest = newest_action_id(store, client).await?;
            last_action_before(client, date, newest).await?
        }
    };
    let after = store.start_replica_after(after).await?;
    tracing::info!(after, "a new replica starts reading Alcméon's actions");
    Ok(after)
}

/// The start when it needs no call: already decided, or a configured action id (decided now, at
/// start-up, before any webhook is taken in).
pub async fn decide_without_alcmeon(
    store: &Store,
    start: ReplicaStart,
) -> Result<Option<i64>, crate::store::StoreError> {
    if let Some(after) = store.replica_started_after().await? {
        return Ok(Some(after));
    }
    match start {
        ReplicaStart::AfterAction(after) => Ok(Some(store.start_replica_after(after).await?)),
        ReplicaStart::Newest | ReplicaStart::Since(_) => Ok(None),
    }
}

/// The id of the newest action Alcméon holds (0 when it holds none).
async fn newest_action_id(store: &Store, client: &AlcmeonClient) -> Result<i64, BackfillError> {
    let mut search = NewestSearch::new(chrono::Utc::now());
    loop {
        search.knows(store.latest_action_id().await?);
        let probe = match search.next() {
            Step::Found(newest) => return Ok(newest),
            Step::LookAfter(probe) => probe,
        };
        let page = page_after(client, probe).await?;
        let look = match page.iter().filter_map(action_id).max() {
            None => Look::Empty,
            Some(last) if page.len() < ACTIONS_PAGE_SIZE => Look::Short { last },
            Some(last) => Look::Full {
                last,
                at: page.last().and_then(occurred_at),
            },
        };
        if let Some(newest) = search.saw(probe, look) {
            return Ok(newest);
        }
    }
}

fn occurred_at(raw: &serde_json::Value) -> Option<chrono::DateTime<chrono::Utc>> {
    serde_json::from_value::<Action>(raw.clone())
        .ok()?
        .occurred_at()
}

/// The id after which the actions dated `since` or later begin: the last action before that
/// date, or `newest` when none is that recent.
async fn last_action_before(
    client: &AlcmeonClient,
    since: NaiveDate,
    newest: i64,
) -> Result<i64, BackfillError> {
    let is_recent = |raw: &serde_json::Value| {
        serde_json::from_value::<Action>(raw.clone())
            .ok()
            .and_then(|action| action.date)
            .is_some_and(|date| date >= since)
    };
    // Invariant: the first action after `after_old` is older than `since` (-1 stands before the
    // first action); the first action after `after_recent` is recent or absent.
    let (mut after_old, mut after_recent) = (-1, newest);
    while after_recent - after_old > 1 {
        let probe = after_old + (after_recent - after_old) / 2;
        let page = page_after(client, probe).await?;
        match page.iter().position(is_recent) {
            None if page.is_empty() => after_recent = probe,
            Some(0) => after_recent = probe,
            Some(first_recent) => return Ok(action_id(&page[first_recent - 1]).unwrap_or(probe)),
            None if page.len() < ACTIONS_PAGE_SIZE => return Ok(newest),
            None => {
                let second_last = page.len().checked_sub(2).and_then(|i| action_id(&page[i]));
                after_old = probe.max(second_last.unwrap_or(probe));
            }
        }
    }
    Ok(after_recent.max(0))
}
