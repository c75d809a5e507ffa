//! The backend's HTTP surface: one module per resource, one error type, and the session
//! extractor that makes authentication a typed argument.

mod attachments;
mod conversations;
pub mod embed;
mod error;
mod events;
mod health;
mod replies;
mod session;
mod time_zones;
mod webhook;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

pub use error::AppError;
pub use session::{Agent, Claims, Permissions, SessionVerifier};

use crate::outbox::Outbox;
use crate::store::Store;
use crate::sync::SyncTrigger;
use crate::time_zones::ZoneRulesCache;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub sessions: Arc<SessionVerifier>,
    pub webhook_secret: Arc<str>,
    pub sync: SyncTrigger,
    pub outbox: Outbox,
    pub zones: ZoneRulesCache,
}

/// The path Alcméon's webhook is configured to call.
pub const WEBHOOK_PATH: &str = "/webhooks/alcmeon";

/// The largest webhook body accepted: Alcméon sends attachments inline, in base64, and allows
/// files of up to 10 MiB; a message may carry several.
const WEBHOOK_MAX_BODY_BYTES: usize = 64 * 1024 * 1024;

pub fn routes(state: AppState) -> Router {
    Router::new()
        .route("/health", get(health::health))
        .route(
            WEBHOOK_PATH,
            post(webhook::receive).layer(DefaultBodyLimit::max(WEBHOOK_MAX_BODY_BYTES)),
        )
        .route(
            "/v1/conversations/{conversation_id}/thread",
            get(conversations::thread),
        )
        .route(
            "/v1/conversations/{conversation_id}/replies",
            post(replies::create),
        )
        .route(
            "/v1/conversations/{conversation_id}/replies/{client_id}/retry",
            post(replies::retry),
        )
        .route(
            "/v1/conversations/{conversation_id}/events",
            get(events::stream),
        )
        .route(
            "/v1/conversations/{conversation_id}/attachments/{attachment_id}",
            get(attachments::download),
        )
        .route("/v1/time-zones/{*zone}", get(time_zones::rules))
        .with_state(state)
}
