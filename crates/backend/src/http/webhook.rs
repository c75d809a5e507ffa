//! Alcméon's webhook: outside the widget API (and its description); Alcméon signs each call.
//!
//! Invariant: an unsigned post costs nothing. What can be checked before the body is read is
//! checked first (a signature header of the right shape, a `Content-Length` within the cap), and
//! at most [`LARGE_BODIES_AT_ONCE`] large bodies (over [`LARGE_BODY_BYTES`], or of unknown length)
//! are read at a time; the others wait their turn. A body is read into one buffer sized from its
//! declared length, so it is held once, never twice while its chunks are joined: memory stays
//! about two bodies under a flood (`tests/api/webhook_flood.rs` measures it).

use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::extract::{Request, State};
use axum::http::header::CONTENT_LENGTH;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use futures_util::StreamExt;
use serde_json::{Value, json};
use tokio::sync::{Semaphore, SemaphorePermit};

use super::{AppError, AppState};
use crate::alcmeon::{self, Notification};

/// The path Alcméon's webhook is configured to call.
pub const WEBHOOK_PATH: &str = "/webhooks/alcmeon";

/// The largest webhook body accepted: Alcméon sends attachments inline, in base64, and allows
/// files of up to 10 MiB; a message may carry several.
const WEBHOOK_MAX_BODY_BYTES: usize = 64 * 1024 * 1024;

/// A body above this (a message with files) is large: only a few are read at once.
const LARGE_BODY_BYTES: u64 = 1024 * 1024;

/// How many large webhook bodies are read and checked at once.
pub const LARGE_BODIES_AT_ONCE: usize = 2;

/// The gate large webhook bodies pass one permit at a time; `/health` reports it.
#[derive(Debug)]
pub struct LargeBodies {
    permits: Semaphore,
    waiting: AtomicUsize,
}

impl Default for LargeBodies {
    fn default() -> Self {
        Self {
            permits: Semaphore::new(LARGE_BODIES_AT_ONCE),
            waiting: AtomicUsize::new(0),
        }
    }
}

/// Counts a post waiting at the gate, until it enters or its connection goes.
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

impl LargeBodies {
    /// Waits for a turn to read a large body; the turn ends when the permit is dropped.
    async fn enter(&self) -> SemaphorePermit<'_> {
        self.waiting.fetch_add(1, Ordering::Relaxed);
        let _waiting = Waiting(&self.waiting);
        self.permits
            .acquire()
            .await
            .expect("the gate is never closed")
    }

    /// `{reading, waiting}`: large bodies being read now, and posts waiting to be read.
    pub fn health(&self) -> Value {
        json!({
            "large_bodies_reading": LARGE_BODIES_AT_ONCE - self.permits.available_permits(),
            "large_bodies_waiting": self.waiting.load(Ordering::Relaxed),
        })
    }
}

pub fn router() -> Router<AppState> {
    Router::new().route(WEBHOOK_PATH, post(receive))
}

/// `POST /webhooks/alcmeon`: one Alcméon notification. The signature is checked over the raw
/// body, the action is stored before the 200 goes back, and a gap in notification ids wakes the
/// backfill (Alcméon never retries a failed delivery).
pub async fn receive(
    State(state): State<AppState>,
    request: Request,
) -> Result<StatusCode, AppError> {
    let Some(signature) = signature_of_shape(request.headers()) else {
        tracing::warn!("webhook refused before its body: no signature, or not one of Alcméon's");
        return Err(refused());
    };
    let length = declared_length(request.headers())?;
    let large = length.is_none_or(|length| length > LARGE_BODY_BYTES);
    let permit = if large {
        Some(state.large_webhook_bodies.enter().await)
    } else {
        None
    };
    let path = request.uri().path().to_owned();
    let body = read_body(request, length).await?;
    if !alcmeon::verify(&state.webhook_secret, &path, &body, &signature) {
        tracing::warn!("webhook refused: bad signature");
        return Err(refused());
    }
    drop(permit);
    let notification: Notification = serde_json::from_slice(&body).map_err(|e| {
        AppError::BadRequest(format!(
            "the notification is not valid JSON of the expected shape: {e}"
        ))
    })?;
    let previous = state
        .store
        .record_notified_action(&notification.action, notification.id)
        .await?;
    if notification.id > previous + 1 {
        tracing::info!(
            previous,
            received = notification.id,
            "gap in webhook notifications; backfilling"
        );
        state.store.ask_for_backfill();
    }
    Ok(StatusCode::OK)
}

/// The body's exact bytes, in one buffer allocated once from the declared length; a body that
/// turns out longer than the cap is refused as it arrives.
async fn read_body(request: Request, declared: Option<u64>) -> Result<Vec<u8>, AppError> {
    let capacity = declared.map_or(0, |length| length as usize);
    let mut body = Vec::with_capacity(capacity);
    let mut chunks = request.into_body().into_data_stream();
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk.map_err(|error| {
            AppError::BadRequest(format!("the body could not be read: {error}"))
        })?;
        if body.len() + chunk.len() > WEBHOOK_MAX_BODY_BYTES {
            tracing::warn!("webhook refused while reading: over the size cap");
            return Err(AppError::PayloadTooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn refused() -> AppError {
    AppError::Unauthenticated("the webhook signature does not match".into())
}

/// The signature header, if it has the shape of Alcméon's: 64 hex digits (an HMAC-SHA256).
fn signature_of_shape(headers: &HeaderMap) -> Option<String> {
    let value = headers
        .get(alcmeon::SIGNATURE_HEADER)?
        .to_str()
        .ok()?
        .trim();
    (value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit())).then(|| value.to_owned())
}

/// The declared body length: over the cap is refused before a byte is read; `None` when unknown
/// (chunked), which is read as a large body, still under the cap.
fn declared_length(headers: &HeaderMap) -> Result<Option<u64>, AppError> {
    let Some(value) = headers.get(CONTENT_LENGTH) else {
        return Ok(None);
    };
    let length: u64 = value
        .to_str()
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| AppError::BadRequest("the Content-Length is not a number".into()))?;
    if length > WEBHOOK_MAX_BODY_BYTES as u64 {
        tracing::warn!(length, "webhook refused before its body: over the size cap");
        return Err(AppError::PayloadTooLarge);
    }
    Ok(Some(length))
}
