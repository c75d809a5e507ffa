//! A request that changes something runs to its end even when its client hangs up (a closed
//! tab, a dropped connection, a proxy's timeout). Without this the handler stops at whatever it
//! awaits: a reply or an engagement send stored but not yet handed to the task that sends it
//! would stay sending until the backend restarts. Reads (`GET`, and the live streams) stop with
//! their client.

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tracing::Instrument;

pub async fn to_completion(request: Request, next: Next) -> Response {
    if request.method().is_safe() {
        return next.run(request).await;
    }
    // In the request's span, so what the handler logs still names the request.
    match tokio::spawn(next.run(request).in_current_span()).await {
        Ok(response) => response,
        Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
        // Only when the runtime shuts down.
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}
