//! A scripted outage of `POST /v1/answer/send` (or, alike, of the user profile custom fields,
//! `/custom-field/users/{id}`), for tests of a client that must wait one out (emulator controls,
//! `POST /_emulator/outages/answer-send` and `…/custom-field-profile`): for the next N seconds every
//! call is answered as a struggling Alcméon would answer it, then calls are served again.
//!
//! What each kind does to a send made during the outage:
//! - [`OutageKind::RateLimited`]: the spec's 429 (`RateLimitResponseError`), whose
//!   `rate_limited_until` is the end of the outage; nothing is recorded and the budget is not
//!   spent, as when other clients of the application spent it;
//! - [`OutageKind::ServerError`]: 500 in the spec's error shape (`{"error":
//!   "internal-server-error"}`); nothing is recorded;
//! - [`OutageKind::Hang`]: no answer until the outage ends (past a client's timeout, which then
//!   gives up), then 504 `gateway-timeout`; nothing is recorded;
//! - [`OutageKind::HangAfterAccepting`]: the send is served at once (accepted and recorded as
//!   usual, or refused) but its answer is held until the outage ends: a client that gave up does
//!   not know Alcméon has its message.
//!
//! The spec names no 500 or 504 for the send (no spec names an outage); their bodies keep the
//! spec's one error shape.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

/// How the send endpoint fails during an outage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum OutageKind {
    #[serde(rename = "429")]
    RateLimited,
    #[serde(rename = "500")]
    ServerError,
    #[serde(rename = "hang")]
    Hang,
    #[serde(rename = "hang-after-accepting")]
    HangAfterAccepting,
}

/// An outage under way.
#[derive(Debug, Clone, Copy)]
pub struct Outage {
    pub kind: OutageKind,
    /// When sends are served again.
    pub until: Instant,
    /// The same moment in UTC, a whole second (what a 429 announces).
    pub until_utc: DateTime<Utc>,
}

/// The send endpoint's scripted outage, if one is under way.
#[derive(Default)]
pub struct Outages(Mutex<Option<Outage>>);

impl Outages {
    /// Starts an outage of `kind` lasting `duration` (to the next whole UTC second), replacing
    /// any under way; returns it.
    pub fn start(&self, kind: OutageKind, duration: Duration) -> Outage {
        let (now, now_utc) = (Instant::now(), Utc::now());
        let until_utc =
            round_up_to_second(now_utc + TimeDelta::from_std(duration).unwrap_or(TimeDelta::MAX));
        let lasts = (until_utc - now_utc).to_std().unwrap_or(duration);
        let outage = Outage {
            kind,
            until: now + lasts,
            until_utc,
        };
        *self.lock() = Some(outage);
        outage
    }

    /// The outage under way now, if any.
    pub fn current(&self) -> Option<Outage> {
        let now = Instant::now();
        (*self.lock()).filter(|outage| outage.until > now)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Outage>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn round_up_to_second(at: DateTime<Utc>) -> DateTime<Utc> {
    let whole = at.timestamp() + i64::from(at.timestamp_subsec_nanos() > 0);
    DateTime::from_timestamp(whole, 0).unwrap_or(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outage_lasts_to_the_whole_second_it_announces_then_ends() {
        let outages = Outages::default();
        assert!(outages.current().is_none());
        let outage = outages.start(OutageKind::ServerError, Duration::from_millis(1500));
        assert_eq!(outage.until_utc.timestamp_subsec_nanos(), 0);
        let lasts = outage.until - Instant::now();
        assert!(
            lasts > Duration::from_millis(1400) && lasts <= Duration::from_millis(2500),
            "{lasts:?}"
        );
        assert_eq!(outages.current().unwrap().kind, OutageKind::ServerError);
        let short = outages.start(OutageKind::Hang, Duration::ZERO);
        std::thread::sleep(short.until.saturating_duration_since(Instant::now()));
        assert!(outages.current().is_none(), "the newer outage replaced it");
    }
}
