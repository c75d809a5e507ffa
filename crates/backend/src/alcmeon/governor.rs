//! One budget for every call the backend makes to Alcméon, which allows an application a fixed
//! number of calls per sliding minute (15 by default) and answers 429 with `rate_limited_until`
//! beyond it.
//!
//! The budget itself is the `governor` crate's GCRA limiter. Only the order is written here:
//! a caller waits while a caller of a more urgent [`Priority`] is waiting, so a reply goes out
//! before an agent's account is provisioned, a conversation an agent is opening is fetched before
//! the backlog of backfill pages. Waiters re-check every [`POLL`]; at a few calls a minute
//! that costs nothing and needs no wake-up bookkeeping. After a 429, every caller holds until
//! Alcméon's `rate_limited_until`.

use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};

/// How often a waiting caller looks again.
const POLL: Duration = Duration::from_millis(20);

/// Who is calling, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    /// An agent's reply: someone is watching it.
    Reply = 0,
    /// Creating an agent's Alcméon account before their first reply.
    Provisioning = 1,
    /// Fetching a conversation the replica lacks, which a widget is waiting to show.
    OnDemand = 2,
    /// Filling gaps in the replica: nobody waits on a single page.
    Backfill = 3,
}

/// How many priorities there are.
const PRIORITIES: usize = Priority::Backfill as usize + 1;

pub struct Governor {
    budget: DefaultDirectRateLimiter,
    clock: DefaultClock,
    waiting: Mutex<[usize; PRIORITIES]>,
    held_until: Mutex<Option<Instant>>,
}

impl Governor {
    /// A budget of `per_minute` calls in any sliding minute: a burst of a third of it, the rest
    /// spread evenly, so that no 60-second window ever holds more than `per_minute` calls.
    pub fn new(per_minute: NonZeroU32) -> Self {
        let burst = (per_minute.get() / 3).max(1);
        let spread = (per_minute.get() - burst).max(1);
        // A millisecond of margin per period keeps the edge of Alcméon's window on our side.
        let period = Duration::from_millis(60_000 / u64::from(spread) + 1);
        let quota = Quota::with_period(period)
            .expect("the period is at least a millisecond")
            .allow_burst(NonZeroU32::new(burst).expect("burst is at least 1"));
        Self {
            budget: RateLimiter::direct(quota),
            clock: DefaultClock::default(),
            waiting: Mutex::new([0; PRIORITIES]),
            held_until: Mutex::new(None),
        }
    }

    /// Waits until this caller may make one call: no more urgent caller waiting, no 429 hold, and
    /// room in the budget. The call is counted when this returns.
    pub async fn acquire(&self, priority: Priority) {
        let _queued = Queued::new(self, priority);
        loop {
            let held = (*lock(&self.held_until)).and_then(|until| {
                let now = Instant::now();
                (until > now).then(|| until - now)
            });
            if let Some(wait) = held {
                tokio::time::sleep(wait.min(POLL * 25)).await;
                continue;
            }
            if self.more_urgent_waiting(priority) {
                tokio::time::sleep(POLL).await;
                continue;
            }
            match self.budget.check() {
                Ok(()) => return,
                Err(not_until) => {
                    let wait = not_until.wait_time_from(self.clock.now());
                    tokio::time::sleep(wait.min(POLL)).await;
                }
            }
        }
    }

    /// Holds every caller until Alcméon's `rate_limited_until`.
    pub fn hold_until(&self, until: DateTime<Utc>) {
        let wait = (until - Utc::now()).to_std().unwrap_or_default();
        tracing::info!(
            seconds = wait.as_secs(),
            "Alcméon's rate limit reached; holding every call"
        );
        let mut held = lock(&self.held_until);
        let until = Instant::now() + wait;
        *held = Some(held.map_or(until, |h| h.max(until)));
    }

    fn more_urgent_waiting(&self, priority: Priority) -> bool {
        lock(&self.waiting)[..priority as usize]
            .iter()
            .any(|&n| n > 0)
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Counts a waiting caller for as long as it waits (also when its future is dropped).
struct Queued<'a> {
    governor: &'a Governor,
    priority: Priority,
}

impl<'a> Queued<'a> {
    fn new(governor: &'a Governor, priority: Priority) -> Self {
        lock(&governor.waiting)[priority as usize] += 1;
        Self { governor, priority }
    }
}

impl Drop for Queued<'_> {
    fn drop(&mut self) {
        lock(&self.governor.waiting)[self.priority as usize] -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[tokio::test]
    async fn the_burst_is_a_third_of_the_budget_then_calls_are_spread() {
        let governor = Governor::new(NonZeroU32::new(15).unwrap());
        let start = Instant::now();
        for _ in 0..5 {
            governor.acquire(Priority::Backfill).await;
        }
        assert!(start.elapsed() < Duration::from_millis(200));
        assert!(governor.budget.check().is_err(), "the sixth call must wait");
    }

    #[tokio::test]
    async fn a_waiting_reply_goes_before_waiting_backfill() {
        // 60 per minute: a burst of 20, then one call a second.
        let governor = Arc::new(Governor::new(NonZeroU32::new(60).unwrap()));
        for _ in 0..20 {
            governor.acquire(Priority::Backfill).await;
        }
        let order = Arc::new(Mutex::new(vec![]));
        let backfill = {
            let (governor, order) = (governor.clone(), order.clone());
            tokio::spawn(async move {
                governor.acquire(Priority::Backfill).await;
                lock(&order).push("backfill");
            })
        };
        tokio::time::sleep(Duration::from_millis(50)).await;
        governor.acquire(Priority::Reply).await;
        lock(&order).push("reply");
        backfill.await.unwrap();
        assert_eq!(*lock(&order), ["reply", "backfill"]);
    }

    #[tokio::test]
    async fn an_on_demand_fetch_goes_after_replies_and_before_backfill() {
        // 60 per minute: a burst of 20, then one call a second.
        let governor = Arc::new(Governor::new(NonZeroU32::new(60).unwrap()));
        for _ in 0..20 {
            governor.acquire(Priority::Backfill).await;
        }
        let order = Arc::new(Mutex::new(vec![]));
        let waiter = |priority: Priority, name: &'static str| {
            let (governor, order) = (governor.clone(), order.clone());
            tokio::spawn(async move {
                governor.acquire(priority).await;
                lock(&order).push(name);
            })
        };
        let backfill = waiter(Priority::Backfill, "backfill");
        tokio::time::sleep(Duration::from_millis(50)).await;
        let on_demand = waiter(Priority::OnDemand, "on demand");
        tokio::time::sleep(Duration::from_millis(50)).await;
        governor.acquire(Priority::Reply).await;
        lock(&order).push("reply");
        on_demand.await.unwrap();
        backfill.await.unwrap();
        assert_eq!(*lock(&order), ["reply", "on demand", "backfill"]);
    }

    #[tokio::test]
    async fn a_429_holds_every_caller_until_the_reset() {
        let governor = Governor::new(NonZeroU32::new(1000).unwrap());
        governor.hold_until(Utc::now() + chrono::TimeDelta::milliseconds(300));
        let start = Instant::now();
        governor.acquire(Priority::Reply).await;
        assert!(start.elapsed() >= Duration::from_millis(250));
    }
}
