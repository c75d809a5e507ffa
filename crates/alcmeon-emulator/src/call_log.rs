//! How many times each Alcméon endpoint was called, for tests that must prove a call was or was
//! not made (`GET /_emulator/calls`). Every request to an Alcméon path counts, refused or not.
//!
//! Invariant: only the Alcméon routes are counted (the middleware is layered on them alone, never
//! on the `/_emulator/` controls), so a test's own controls never change the counts it reads.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;

#[derive(Default)]
pub struct CallLog(Mutex<BTreeMap<String, u64>>);

impl CallLog {
    /// Counts by `"{METHOD} {route}"`, e.g. `"POST /accounts/{account_id}"`.
    pub fn counts(&self) -> BTreeMap<String, u64> {
        self.lock().clone()
    }

    fn count(&self, call: String) {
        *self.lock().entry(call).or_default() += 1;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, u64>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
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
