//! How many times each Alcméon endpoint was called, for tests that must prove a call was or was
//! not made (`GET /_emulator/calls`), and the most calls received in any one minute, for tests
//! that must prove a client kept within its budget (`GET /_emulator/calls/busiest-minute`).
//! Every request to an Alcméon path counts, refused or not.
//!
//! Invariant: only the Alcméon routes are counted (the middleware is layered on them alone, never
//! on the `/_emulator/` controls), so a test's own controls never change the counts it reads.

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;

/// The window of [`CallLog::busiest_minute`]: a real minute, whatever the rate limiter's window.
const MINUTE: Duration = Duration::from_secs(60);

#[derive(Default)]
pub struct CallLog {
    counts: Mutex<BTreeMap<String, u64>>,
    minutes: Mutex<Busiest>,
}

/// The calls of the last minute, and the most any minute held.
#[derive(Default)]
struct Busiest {
    recent: VecDeque<Instant>,
    most: usize,
}

impl Busiest {
    fn count(&mut self, now: Instant) {
        while self
            .recent
            .front()
            .is_some_and(|&call| now.duration_since(call) >= MINUTE)
        {
            self.recent.pop_front();
        }
        self.recent.push_back(now);
        self.most = self.most.max(self.recent.len());
    }
}

impl CallLog {
    /// Counts by `"{METHOD} {route}"`, e.g. `"POST /accounts/{account_id}"`.
    pub fn counts(&self) -> BTreeMap<String, u64> {
        lock(&self.counts).clone()
    }

    /// The most calls, of every Alcméon route together, received within any 60 seconds since the
    /// emulator started.
    pub fn busiest_minute(&self) -> usize {
        lock(&self.minutes).most
    }

    fn count(&self, call: String) {
        *lock(&self.counts).entry(call).or_default() += 1;
        lock(&self.minutes).count(Instant::now());
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Middleware for the Alcméon routes: counts the call in `calls`, then serves it.
pub async fn record(State(calls): State<Arc<CallLog>>, request: Request, next: Next) -> Response {
    let route = request.extensions().get::<MatchedPath>().map_or_else(
        || request.uri().path().to_owned(),
        |p| p.as_str().to_owned(),
    );
    calls.count(format!("{} {route}", request.method()));
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_busiest_minute_is_the_most_calls_any_sliding_minute_held() {
        let mut busiest = Busiest::default();
        let start = Instant::now();
        let at = |secs: u64| start + Duration::from_secs(secs);
        for secs in [0, 10, 20, 50] {
            busiest.count(at(secs));
        }
        assert_eq!(busiest.most, 4);
        // At 65 s the calls of 0 s left the minute; at 75 s those of 10 s.
        for secs in [65, 66, 75] {
            busiest.count(at(secs));
        }
        assert_eq!(busiest.most, 5, "20, 50, 65, 66, 75");
        busiest.count(at(200));
        assert_eq!((busiest.most, busiest.recent.len()), (5, 1));
    }
}
