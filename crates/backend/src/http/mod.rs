//! The backend's HTTP surface: one module per resource, one error type, and the session
//! extractor that makes authentication a typed argument.

mod conversations;
mod error;
mod events;
mod health;
mod replies;
mod session;
mod webhook;

use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};

pub use error::AppError;
pub use session::{Agent, Claims, Permissions, SessionVerifier};

use crate::alcmeon::AlcmeonClient;
use crate::store::Store;
use crate::sync::SyncTrigger;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub sessions: Arc<SessionVerifier>,
    pub webhook_secret: Arc<str>,
    pub sync: SyncTrigger,
    pub alcmeon: Arc<AlcmeonClient>,
    /// The Alcméon advisor and company every reply is sent as (see `Config::alcmeon_advisor_id`).
    pub advisor_id: i64,
    pub company_id: i64,
}

/// The path Alcméon's webhook is configured to call.
pub const WEBHOOK_PATH: &str = "/webhooks/alcmeon";

pub fn routes(state: AppState) -> Router {
    Router::new()
        .route("/health", get(health::health))
        .route(WEBHOOK_PATH, post(webhook::receive))
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
        .with_state(state)
}
