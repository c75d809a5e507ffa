//! Alcméon's per-application request budget: at most N calls in any sliding minute (a shorter
//! window only when a test configures one, to see a 429 waited out without waiting a minute).
//!
//! Only accepted calls count; a refused call tells when the oldest counted call leaves the window.
//! A hold (an emulator control) refuses every call until it ends, whatever the budget, as
//! Alcméon's limit does when other clients of the application spent it.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};

pub struct RateLimiter {
    per_minute: usize,
    window: Duration,
    calls: Mutex<HashMap<String, VecDeque<Instant>>>,
    held_until: Mutex<Option<Instant>>,
}

impl RateLimiter {
    /// At most `per_minute` calls in any sliding `window` (Alcméon's: a minute).
    pub fn new(per_minute: u32, window: Duration) -> RateLimiter {
        RateLimiter {
            per_minute: per_minute as usize,
            window,
            calls: Mutex::new(HashMap::new()),
            held_until: Mutex::new(None),
        }
    }

    /// Refuses every call for `duration` from now; returns the UTC second calls are accepted again.
    pub fn hold_for(&self, duration: Duration) -> DateTime<Utc> {
        let until = Instant::now() + duration;
        *self
            .held_until
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(until);
        round_up_to_second(Utc::now() + TimeDelta::from_std(duration).unwrap_or(TimeDelta::MAX))
    }

    /// Counts a call by `caller`, or returns the UTC second from which it would be accepted.
    pub fn admit(&self, caller: &str) -> Result<(), DateTime<Utc>> {
        self.admit_at(caller, Instant::now()).map_err(|wait| {
            let wait = TimeDelta::from_std(wait).unwrap_or(TimeDelta::MAX);
            round_up_to_second(Utc::now() + wait)
        })
    }

    fn admit_at(&self, caller: &str, now: Instant) -> Result<(), Duration> {
        let held = *self
            .held_until
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(until) = held.filter(|&until| until > now) {
            return Err(until - now);
        }
        let mut calls = self
            .calls
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let recent = calls.entry(caller.to_owned()).or_default();
        while recent
            .front()
            .is_some_and(|&call| now.duration_since(call) >= self.window)
        {
            recent.pop_front();
        }
        if recent.len() < self.per_minute {
            recent.push_back(now);
            return Ok(());
        }
        let oldest = recent.front().copied().unwrap_or(now);
        Err(self.window.saturating_sub(now.duration_since(oldest)))
    }
}

fn round_up_to_second(at: DateTime<Utc>) -> DateTime<Utc> {
    let whole = at.timestamp() + i64::from(at.timestamp_subsec_nanos() > 0);
    DateTime::from_timestamp(whole, 0).unwrap_or(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTE: Duration = Duration::from_secs(60);

    #[test]
    fn the_call_over_the_limit_waits_for_the_oldest_to_leave_the_window() {
        let limiter = RateLimiter::new(2, MINUTE);
        let start = Instant::now();
        assert!(limiter.admit_at("app", start).is_ok());
        assert!(
            limiter
                .admit_at("app", start + Duration::from_secs(10))
                .is_ok()
        );
        let wait = limiter
            .admit_at("app", start + Duration::from_secs(20))
            .unwrap_err();
        assert_eq!(wait, Duration::from_secs(40));
        assert!(
            limiter
                .admit_at("app", start + Duration::from_secs(60))
                .is_ok()
        );
    }

    #[test]
    fn a_hold_refuses_every_call_until_it_ends_without_spending_the_budget() {
        let limiter = RateLimiter::new(1, MINUTE);
        limiter.hold_for(Duration::from_secs(5));
        let start = Instant::now();
        let wait = limiter.admit_at("app", start).unwrap_err();
        assert!(wait <= Duration::from_secs(5) && wait > Duration::from_secs(4));
        assert!(
            limiter
                .admit_at("app", start + Duration::from_secs(6))
                .is_ok()
        );
    }

    #[test]
    fn callers_have_separate_budgets() {
        let limiter = RateLimiter::new(1, MINUTE);
        let now = Instant::now();
        assert!(limiter.admit_at("a", now).is_ok());
        assert!(limiter.admit_at("b", now).is_ok());
        assert!(limiter.admit_at("a", now).is_err());
    }

    #[test]
    fn the_reset_time_is_rounded_up_to_a_whole_second() {
        let at = DateTime::parse_from_rfc3339("2024-01-22T13:05:40.2Z")
            .unwrap()
            .to_utc();
        assert_eq!(
            round_up_to_second(at).to_rfc3339(),
            "2024-01-22T13:05:41+00:00"
        );
    }
}
