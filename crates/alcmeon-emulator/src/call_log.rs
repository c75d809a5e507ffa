//! How many times each Alcméon endpoint was called, for tests that must prove a call was or was
//! not made (`GET /_emulator/calls`). Every request to an Alcméon path counts, refused or not.

use std::collections::BTreeMap;
use std::sync::Mutex;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::app_state::AppState;

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

/// Middleware for the Alcméon routes (never the `/_emulator/` controls).
pub async fn record(State(app): State<AppState>, request: Request, next: Next) -> Response {
    let route = request.extensions().get::<MatchedPath>().map_or_else(
        || request.uri().path().to_owned(),
        |p| p.as_str().to_owned(),
    );
    app.calls.count(format!("{} {route}", request.method()));
    next.run(request).await
}
