//! Alcméon's webhook: outside the widget API (and its description); Alcméon signs each call.

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::routing::post;

use super::extract::RawBody;
use super::{AppError, AppState};
use crate::alcmeon::{self, Notification};

/// The path Alcméon's webhook is configured to call.
pub const WEBHOOK_PATH: &str = "/webhooks/alcmeon";

/// The largest webhook body accepted: Alcméon sends attachments inline, in base64, and allows
/// files of up to 10 MiB; a message may carry several.
const WEBHOOK_MAX_BODY_BYTES: usize = 64 * 1024 * 1024;

pub fn router() -> Router<AppState> {
    Router::new().route(
        WEBHOOK_PATH,
        post(receive).layer(DefaultBodyLimit::max(WEBHOOK_MAX_BODY_BYTES)),
    )
}

/// `POST /webhooks/alcmeon`: one Alcméon notification. The signature is checked over the raw
/// body, the action is stored before the 200 goes back, and a gap in notification ids wakes the
/// backfill (Alcméon never retries a failed delivery).
pub async fn receive(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<StatusCode, AppError> {
    let signature = headers
        .get(alcmeon::SIGNATURE_HEADER)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    if !alcmeon::verify(&state.webhook_secret, uri.path(), &body, signature) {
        tracing::warn!("webhook refused: bad or missing signature");
        return Err(AppError::Unauthenticated(
            "the webhook signature does not match".into(),
        ));
    }
    let notification: Notification = serde_json::from_slice(&body).map_err(|e| {
        AppError::BadRequest(format!(
            "the notification is not valid JSON of the expected shape: {e}"
        ))
    })?;
    state.store.record_action(&notification.action).await?;
    let previous = state.store.note_notification(notification.id).await?;
    if notification.id > previous + 1 {
        tracing::info!(
            previous,
            received = notification.id,
            "gap in webhook notifications; backfilling"
        );
        state.sync.wake();
    }
    Ok(StatusCode::OK)
}
