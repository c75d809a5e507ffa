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
//!
//! How long a waiting call still waits is worked out here too ([`Governor::estimated_wait`]), for
//! the widget to say a reply is queued: calls made inside [`labelled`] carry a label it is asked
//! by.

use std::collections::HashMap;
use std::future::Future;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use governor::clock::{Clock, DefaultClock};
use governor::middleware::StateInformationMiddleware;
use governor::state::{InMemoryState, NotKeyed};
use governor::{Quota, RateLimiter};

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

tokio::task_local! {
    /// The label of the calls the current task makes (see [`labelled`]).
    static LABEL: i64;
}

/// Runs `work` with every call it makes through a governor labelled `label`, so that
/// [`Governor::estimated_wait`] can be asked about them (the outbox labels a reply's calls with
/// the reply's id).
pub async fn labelled<F: Future>(label: i64, work: F) -> F::Output {
    LABEL.scope(label, work).await
}

pub struct Governor {
    /// Alcméon's limit for the whole application.
    per_minute: NonZeroU32,
    /// This instance's share of it (see [`Governor::share_with`]).
    budget: Mutex<Budget>,
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
    /// When the budget next has room (as the last call or the last look at it found).
    free_at: Option<Instant>,
}

struct Waiter {
    ticket: u64,
    class: u8,
    party: Party,
    label: Option<i64>,
}

impl Queue {
    fn join(&mut self, class: u8, party: Party) -> u64 {
        let ticket = self.next_ticket;
        self.next_ticket += 1;
        self.waiting.push(Waiter {
            ticket,
            class,
            party,
            label: LABEL.try_with(|label| *label).ok(),
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

    /// How many calls go before the call labelled `label`, or before the one `later` places after
    /// it in its party's line (a call its party will queue behind it); `None` when no call of
    /// that label waits. Every waiter of a more urgent class goes first; within the class the
    /// parties take turns in the order [`Self::choose_turn`] gives them, so a party ahead of ours
    /// in that order has one more turn before our `n`-th call, one behind it as many, each at
    /// most as many as it has calls waiting. An account being created is for a reply, whose own
    /// call follows: counted as one call more in the line.
    fn calls_ahead(&self, label: i64, later: usize) -> Option<usize> {
        let me = self.waiting.iter().find(|w| w.label == Some(label))?;
        let own = |w: &&Waiter| w.class == me.class && w.party == me.party;
        let turns = self
            .waiting
            .iter()
            .filter(|w| own(w) && w.ticket < me.ticket)
            .count()
            + later
            + usize::from(me.party == Party::Provisioning);
        // Each party of the class: its place in the turn order, and how many calls it has waiting.
        let mut parties: HashMap<&Party, ((u64, u64), usize)> = HashMap::new();
        for w in self.waiting.iter().filter(|w| w.class == me.class) {
            let last = self.last_served.get(&w.party).copied().unwrap_or(0);
            let (place, count) = parties.entry(&w.party).or_insert(((last, w.ticket), 0));
            place.1 = place.1.min(w.ticket);
            *count += 1;
        }
        let my_place = parties[&me.party].0;
        let others: usize = parties
            .iter()
            .filter(|(party, _)| **party != &me.party)
            .map(|(_, (place, count))| (*count).min(turns + usize::from(*place < my_place)))
            .sum();
        let urgent = self.waiting.iter().filter(|w| w.class < me.class).count();
        Some(urgent + turns + others)
    }
}

/// A budget of calls in any sliding minute: a burst of a third of it, the rest spread evenly, so
/// that no 60-second window ever holds more than its calls.
struct Budget {
    limiter: RateLimiter<NotKeyed, InMemoryState, DefaultClock, StateInformationMiddleware>,
    /// The time between two calls once the burst is spent.
    period: Duration,
    /// How many instances share Alcméon's limit.
    instances: u32,
}

impl Budget {
    fn new(per_minute: NonZeroU32, instances: u32) -> Self {
        let calls = (per_minute.get() / instances.max(1)).max(1);
        let burst = (calls / 3).max(1);
        let spread = (calls - burst).max(1);
        // A millisecond of margin per period keeps the edge of Alcméon's window on our side.
        let period = Duration::from_millis(60_000 / u64::from(spread) + 1);
        let quota = Quota::with_period(period)
            .expect("the period is at least a millisecond")
            .allow_burst(NonZeroU32::new(burst).expect("burst is at least 1"));
        Self {
            limiter: RateLimiter::direct(quota).with_middleware(),
            period,
            instances,
        }
    }
}

impl Governor {
    /// A budget of `per_minute` calls in any sliding minute, for one instance.
    pub fn new(per_minute: NonZeroU32) -> Self {
        Self {
            per_minute,
            budget: Mutex::new(Budget::new(per_minute, 1)),
            clock: DefaultClock::default(),
            queue: Mutex::default(),
            held_until: Mutex::new(None),
        }
    }

    /// Shares Alcméon's limit among `instances` backend instances (at least one call a minute
    /// each). A new share starts a fresh budget, burst included; a call waiting now is counted
    /// against the new one.
    pub fn share_with(&self, instances: u32) {
        let mut budget = lock(&self.budget);
        if budget.instances != instances.max(1) {
            *budget = Budget::new(self.per_minute, instances.max(1));
        }
    }

    /// The calls a minute this instance may make, its share of Alcméon's limit.
    pub fn calls_per_minute(&self) -> u32 {
        let instances = lock(&self.budget).instances;
        (self.per_minute.get() / instances).max(1)
    }

    /// About how long the call labelled `label` (see [`labelled`]) still waits, or the call its
    /// party would queue `later` places after it; `None` when no call of that label is waiting.
    /// The calls ahead of it ([`Queue::calls_ahead`]) leave one per period once the budget has
    /// room and any 429 hold is over, so the estimate is never earlier than the hold's end. Rough:
    /// a more urgent call that comes later goes first, and a burst regained after a hold goes
    /// faster.
    pub fn estimated_wait(&self, label: i64, later: usize) -> Option<Duration> {
        let now = Instant::now();
        let held = (*lock(&self.held_until)).unwrap_or(now);
        let queue = lock(&self.queue);
        let ahead = queue.calls_ahead(label, later)?;
        let start = now.max(held).max(queue.free_at.unwrap_or(now));
        let ahead = u32::try_from(ahead).unwrap_or(u32::MAX);
        let period = lock(&self.budget).period;
        Some(start - now + period.saturating_mul(ahead))
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
            let (checked, period) = {
                let budget = lock(&self.budget);
                (budget.limiter.check(), budget.period)
            };
            match checked {
                Ok(state) => {
                    let mut queue = lock(&self.queue);
                    let spent = state.remaining_burst_capacity() == 0;
                    queue.free_at =
                        Some(Instant::now() + if spent { period } else { Duration::ZERO });
                    queue.serve(ticket.number);
                    return;
                }
                Err(not_until) => {
                    let wait = not_until.wait_time_from(self.clock.now());
                    lock(&self.queue).free_at = Some(Instant::now() + wait);
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
        assert!(
            lock(&governor.budget).limiter.check().is_err(),
            "the sixth call must wait"
        );
    }

    #[tokio::test]
    async fn three_instances_each_get_a_third_of_the_budget() {
        let governor = Governor::new(NonZeroU32::new(45).unwrap());
        governor.share_with(3);
        assert_eq!(governor.calls_per_minute(), 15);
        let start = Instant::now();
        for _ in 0..5 {
            governor
                .acquire(Priority::Backfill, Party::of(Priority::Backfill))
                .await;
        }
        assert!(start.elapsed() < Duration::from_millis(200));
        assert!(
            lock(&governor.budget).limiter.check().is_err(),
            "a third of 15 is the burst: the sixth call must wait"
        );
        governor.share_with(1);
        assert_eq!(
            governor.calls_per_minute(),
            45,
            "alone again, the whole limit"
        );
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
        while lock(&governor.budget).limiter.check().is_ok() {}
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

    /// Six calls a minute: a burst of 2, then one call every 15 s (60 s / (6 − 2)), the burst
    /// spent. Calls queued on it wait; ask how long the labelled one will.
    async fn six_a_minute_with(
        waiters: &[(Party, Option<i64>)],
    ) -> (Arc<Governor>, Vec<tokio::task::JoinHandle<()>>) {
        let governor = Arc::new(Governor::new(NonZeroU32::new(6).unwrap()));
        assert_eq!(lock(&governor.budget).period, Duration::from_millis(15_001));
        while lock(&governor.budget).limiter.check().is_ok() {}
        let tasks = waiters
            .iter()
            .cloned()
            .map(|(party, label)| {
                let governor = governor.clone();
                tokio::spawn(async move {
                    let call = governor.acquire(Priority::Reply, party);
                    match label {
                        Some(label) => labelled(label, call).await,
                        None => call.await,
                    }
                })
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(100)).await;
        (governor, tasks)
    }

    fn seconds(wait: Option<Duration>) -> f64 {
        wait.expect("the labelled call waits").as_secs_f64()
    }

    #[tokio::test]
    async fn a_reply_behind_n_others_at_q_calls_a_minute_waits_about_n_spaced_calls() {
        // Three other agents' replies, then ours: at six a minute, 3 × 15 s, and at most one more
        // 15 s for the budget's next room.
        let mut waiters: Vec<_> = (1..=3).map(|a| (Party::Advisor(a), None)).collect();
        waiters.push((Party::Advisor(9), Some(42)));
        let (governor, tasks) = six_a_minute_with(&waiters).await;
        let wait = seconds(governor.estimated_wait(42, 0));
        assert!((45.0..=60.1).contains(&wait), "{wait} s");
        // Two more of our agent's replies after it: each other agent has no second call.
        let third = seconds(governor.estimated_wait(42, 2));
        assert!(
            (third - wait - 30.0).abs() < 0.1,
            "{third} s after {wait} s"
        );
        assert_eq!(
            governor.estimated_wait(7, 0),
            None,
            "no call of that label waits"
        );
        tasks.iter().for_each(|task| task.abort());
    }

    #[tokio::test]
    async fn a_reply_behind_another_agents_queue_is_told_one_turn_not_the_whole_queue() {
        let mut waiters = vec![(Party::Advisor(1), None); 4];
        waiters.push((Party::Advisor(2), Some(42)));
        let (governor, tasks) = six_a_minute_with(&waiters).await;
        let wait = seconds(governor.estimated_wait(42, 0));
        assert!((15.0..=30.1).contains(&wait), "{wait} s");
        tasks.iter().for_each(|task| task.abort());
    }

    #[tokio::test]
    async fn a_reply_whose_account_is_being_created_waits_one_call_more() {
        let waiters = [(Party::Provisioning, Some(42))];
        let (governor, tasks) = six_a_minute_with(&waiters).await;
        let wait = seconds(governor.estimated_wait(42, 0));
        assert!(
            (15.0..=30.1).contains(&wait),
            "the account, then the reply: {wait} s"
        );
        tasks.iter().for_each(|task| task.abort());
    }

    #[tokio::test]
    async fn a_429_hold_pushes_the_estimate_past_its_end() {
        let waiters = [(Party::Advisor(1), None), (Party::Advisor(2), Some(42))];
        let (governor, tasks) = six_a_minute_with(&waiters).await;
        let before_hold = seconds(governor.estimated_wait(42, 0));
        assert!(before_hold <= 30.1, "{before_hold} s");
        governor.hold_until(Utc::now() + chrono::TimeDelta::seconds(100));
        let wait = seconds(governor.estimated_wait(42, 0));
        assert!(
            (115.0..=115.1).contains(&wait),
            "the hold, then one call ahead: {wait} s"
        );
        tasks.iter().for_each(|task| task.abort());
    }

    #[tokio::test]
    async fn a_call_that_left_the_queue_has_no_estimate() {
        let governor = Governor::new(NonZeroU32::new(1000).unwrap());
        labelled(42, governor.acquire(Priority::Reply, Party::Advisor(1))).await;
        assert_eq!(governor.estimated_wait(42, 0), None);
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
