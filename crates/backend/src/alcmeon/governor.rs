//! One budget for every call the backend makes to Alcméon, which allows an application a fixed
//! number of calls per sliding minute (15 by default) and answers 429 with `rate_limited_until`
//! beyond it.
//!
//! The budget itself is the `governor` crate's GCRA limiter. Only the order is written here:
//! - a caller waits while a caller of a more urgent [`Priority`] class is waiting: agents' replies
//!   and the creation of their accounts first, then a conversation an agent is opening, then the
//!   backlog of backfill pages;
//! - within a class, [`Party`]s take turns: the next call goes to the waiting party served least
//!   recently, so an agent with one reply (or an account being created) is never stuck behind
//!   another agent's queue; each party's own calls go in the order they came.
//!
//! Waiters re-check every [`POLL`]; at a few calls a minute that costs nothing and needs no
//! wake-up bookkeeping. After a 429, every caller holds until Alcméon's `rate_limited_until`.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};

/// How often a waiting caller looks again.
const POLL: Duration = Duration::from_millis(20);

/// What a call is for, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    /// An agent's reply: someone is watching it.
    Reply,
    /// Creating an agent's Alcméon account before their first reply: as urgent as a reply.
    Provisioning,
    /// Fetching a conversation the replica lacks, which a widget is waiting to show.
    OnDemand,
    /// Filling gaps in the replica: nobody waits on a single page.
    Backfill,
}

impl Priority {
    /// Calls of one class wait for no other call of their class but the parties' turns.
    fn class(self) -> u8 {
        match self {
            Priority::Reply | Priority::Provisioning => 0,
            Priority::OnDemand => 1,
            Priority::Backfill => 2,
        }
    }
}

/// Whose call it is, for taking turns within a class.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Party {
    /// The Alcméon account an agent replies as.
    Advisor(i64),
    /// Agents' accounts being found, created or updated.
    Provisioning,
    /// The backend's own work.
    Backend,
}

impl Party {
    /// The party of a call made at `priority` for no one in particular.
    pub fn of(priority: Priority) -> Self {
        match priority {
            Priority::Provisioning => Party::Provisioning,
            _ => Party::Backend,
        }
    }
}

pub struct Governor {
    budget: DefaultDirectRateLimiter,
    clock: DefaultClock,
    queue: Mutex<Queue>,
    held_until: Mutex<Option<Instant>>,
}

/// The callers waiting, and when each party was last served. Whose turn it is is worked out when
/// the queue changes, not each time a waiter looks.
#[derive(Default)]
struct Queue {
    waiting: Vec<Waiter>,
    next_ticket: u64,
    /// Counts the calls served; a party's entry is the count when it was last served.
    served: u64,
    last_served: HashMap<Party, u64>,
    /// The waiter whose turn it is.
    turn: Option<u64>,
}

struct Waiter {
    ticket: u64,
    class: u8,
    party: Party,
}

impl Queue {
    fn join(&mut self, class: u8, party: Party) -> u64 {
        let ticket = self.next_ticket;
        self.next_ticket += 1;
        self.waiting.push(Waiter {
            ticket,
            class,
            party,
        });
        self.choose_turn();
        ticket
    }

    fn leave(&mut self, ticket: u64) {
        self.waiting.retain(|w| w.ticket != ticket);
        self.choose_turn();
    }

    fn serve(&mut self, ticket: u64) {
        if let Some(at) = self.waiting.iter().position(|w| w.ticket == ticket) {
            let waiter = self.waiting.remove(at);
            self.served += 1;
            self.last_served.insert(waiter.party, self.served);
        }
        self.choose_turn();
    }

    /// The most urgent class, then the party served least recently, then the first come.
    fn choose_turn(&mut self) {
        self.turn = self
            .waiting
            .iter()
            .min_by_key(|w| {
                let last = self.last_served.get(&w.party).copied().unwrap_or(0);
                (w.class, last, w.ticket)
            })
            .map(|w| w.ticket);
    }
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
            queue: Mutex::default(),
            held_until: Mutex::new(None),
        }
    }

    /// Waits until `party` may make one call at `priority`: no 429 hold, its turn (see the module
    /// doc), and room in the budget. The call is counted when this returns.
    pub async fn acquire(&self, priority: Priority, party: Party) {
        let ticket = Ticket::new(self, priority, party);
        loop {
            let held = (*lock(&self.held_until)).and_then(|until| {
                let now = Instant::now();
                (until > now).then(|| until - now)
            });
            if let Some(wait) = held {
                tokio::time::sleep(wait.min(POLL * 25)).await;
                continue;
            }
            if lock(&self.queue).turn != Some(ticket.number) {
                tokio::time::sleep(POLL).await;
                continue;
            }
            match self.budget.check() {
                Ok(()) => {
                    lock(&self.queue).serve(ticket.number);
                    return;
                }
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
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A caller's place in the queue, for as long as it waits (also when its future is dropped).
struct Ticket<'a> {
    governor: &'a Governor,
    number: u64,
}

impl<'a> Ticket<'a> {
    fn new(governor: &'a Governor, priority: Priority, party: Party) -> Self {
        let number = lock(&governor.queue).join(priority.class(), party);
        Self { governor, number }
    }
}

impl Drop for Ticket<'_> {
    fn drop(&mut self) {
        lock(&self.governor.queue).leave(self.number);
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
            governor
                .acquire(Priority::Backfill, Party::of(Priority::Backfill))
                .await;
        }
        assert!(start.elapsed() < Duration::from_millis(200));
        assert!(governor.budget.check().is_err(), "the sixth call must wait");
    }

    #[tokio::test]
    async fn a_waiting_reply_goes_before_waiting_backfill() {
        // 60 per minute: a burst of 20, then one call a second.
        let governor = Arc::new(Governor::new(NonZeroU32::new(60).unwrap()));
        for _ in 0..20 {
            governor
                .acquire(Priority::Backfill, Party::of(Priority::Backfill))
                .await;
        }
        let order = Arc::new(Mutex::new(vec![]));
        let backfill = {
            let (governor, order) = (governor.clone(), order.clone());
            tokio::spawn(async move {
                governor
                    .acquire(Priority::Backfill, Party::of(Priority::Backfill))
                    .await;
                lock(&order).push("backfill");
            })
        };
        tokio::time::sleep(Duration::from_millis(50)).await;
        governor
            .acquire(Priority::Reply, Party::of(Priority::Reply))
            .await;
        lock(&order).push("reply");
        backfill.await.unwrap();
        assert_eq!(*lock(&order), ["reply", "backfill"]);
    }

    #[tokio::test]
    async fn an_on_demand_fetch_goes_after_replies_and_before_backfill() {
        // 60 per minute: a burst of 20, then one call a second.
        let governor = Arc::new(Governor::new(NonZeroU32::new(60).unwrap()));
        for _ in 0..20 {
            governor
                .acquire(Priority::Backfill, Party::of(Priority::Backfill))
                .await;
        }
        let order = Arc::new(Mutex::new(vec![]));
        let waiter = |priority: Priority, name: &'static str| {
            let (governor, order) = (governor.clone(), order.clone());
            tokio::spawn(async move {
                governor.acquire(priority, Party::of(priority)).await;
                lock(&order).push(name);
            })
        };
        let backfill = waiter(Priority::Backfill, "backfill");
        tokio::time::sleep(Duration::from_millis(50)).await;
        let on_demand = waiter(Priority::OnDemand, "on demand");
        tokio::time::sleep(Duration::from_millis(50)).await;
        governor
            .acquire(Priority::Reply, Party::of(Priority::Reply))
            .await;
        lock(&order).push("reply");
        on_demand.await.unwrap();
        backfill.await.unwrap();
        assert_eq!(*lock(&order), ["reply", "on demand", "backfill"]);
    }

    /// A governor of 1,200 calls a minute whose burst is spent: one call every 76 ms.
    async fn spent_governor() -> Arc<Governor> {
        let governor = Arc::new(Governor::new(NonZeroU32::new(1200).unwrap()));
        while governor.budget.check().is_ok() {}
        governor
    }

    /// Queues one call per `(priority, party, name)`, in that order, and gives the names in the
    /// order the calls were let through.
    async fn served_order(
        governor: Arc<Governor>,
        calls: Vec<(Priority, Party, String)>,
    ) -> Vec<String> {
        let order = Arc::new(Mutex::new(vec![]));
        let tasks: Vec<_> = calls
            .into_iter()
            .map(|(priority, party, name)| {
                let (governor, order) = (governor.clone(), order.clone());
                // The test runtime runs one task at a time, in the order they were spawned: the
                // calls queue in this order.
                tokio::spawn(async move {
                    governor.acquire(priority, party).await;
                    lock(&order).push(name);
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap();
        }
        Arc::try_unwrap(order).unwrap().into_inner().unwrap()
    }

    #[tokio::test]
    async fn an_account_being_created_waits_one_turn_not_for_another_agents_whole_queue() {
        let mut calls: Vec<_> = (0..8)
            .map(|i| (Priority::Reply, Party::Advisor(1), format!("reply {i}")))
            .collect();
        calls.push((
            Priority::Provisioning,
            Party::Provisioning,
            "new agent's account".into(),
        ));
        let order = served_order(spent_governor().await, calls).await;
        let at = order.iter().position(|n| n == "new agent's account");
        assert_eq!(at, Some(1), "{order:?}");
    }

    #[tokio::test]
    async fn two_agents_queued_replies_take_turns_and_each_keeps_its_order() {
        let calls: Vec<_> = [1, 1, 1, 1, 2, 2, 2, 2]
            .into_iter()
            .enumerate()
            .map(|(i, advisor)| {
                let name = format!("{advisor}:{i}");
                (Priority::Reply, Party::Advisor(advisor), name)
            })
            .collect();
        let order = served_order(spent_governor().await, calls).await;
        assert_eq!(
            order,
            ["1:0", "2:4", "1:1", "2:5", "1:2", "2:6", "1:3", "2:7"]
        );
    }

    #[tokio::test]
    async fn a_429_holds_every_caller_until_the_reset() {
        let governor = Governor::new(NonZeroU32::new(1000).unwrap());
        governor.hold_until(Utc::now() + chrono::TimeDelta::milliseconds(300));
        let start = Instant::now();
        governor
            .acquire(Priority::Reply, Party::of(Priority::Reply))
            .await;
        assert!(start.elapsed() >= Duration::from_millis(250));
    }
}
