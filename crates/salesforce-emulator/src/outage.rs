//! A scripted outage (an emulator control): for the next N seconds every Salesforce endpoint
//! answers 503 `SERVER_UNAVAILABLE`, as Salesforce does during maintenance, then serves again.
//! Kept in memory only: a restart ends it.

use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Default)]
pub struct Outage(Mutex<Option<Instant>>);

impl Outage {
    /// Starts an outage lasting `duration` from now, replacing any under way (zero ends it).
    pub fn start(&self, duration: Duration) {
        *self.lock() = Some(Instant::now() + duration);
    }

    /// How long the outage under way still lasts, if one is.
    pub fn remaining(&self) -> Option<Duration> {
        let until = (*self.lock())?;
        let remaining = until.saturating_duration_since(Instant::now());
        (!remaining.is_zero()).then_some(remaining)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Instant>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
