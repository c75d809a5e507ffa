//! The backend's HTTP surface: one module per resource, each owning its router; one error type
//! (`error.rs`) with every extractor rejection mapped to it once (`extract.rs`); the session
//! extractor that makes authentication a typed argument (`session.rs`). Invariant: the widget
//! routes are only ever added through `widget_api`, whose `OpenApiRouter`s also produce the OpenAPI
//! description (`openapi.rs`), so the two cannot drift.

mod attachments;
mod conversations;
mod customer;
pub mod embed;
mod engagement;
mod engagement_events;
mod engagement_templates;
mod error;
mod events;
mod extract;
mod grant;
mod health;
mod on_demand;
mod openapi;
mod reengagement;
mod replies;
mod salesforce_links;
mod session;
mod time_zones;
mod to_completion;
mod webhook;

use std::sync::Arc;
use std::sync::atomic::AtomicU32;

use tokio::sync::Notify;

use axum::Router;
use utoipa_axum::router::OpenApiRouter;

pub use error::AppError;
pub use session::{Agent, Claims, Permissions, SessionVerifier};

use crate::engagement::Engagements;
use crate::outbox::Outbox;
use crate::store::Store;
use crate::sync::ConversationFetcher;
use crate::time_zones::ZoneRulesCache;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub sessions: Arc<SessionVerifier>,
    pub webhook_secret: Arc<str>,
    /// Large webhook bodies are read a few at a time (`webhook.rs`).
    pub large_webhook_bodies: Arc<webhook::LargeBodies>,
    /// This instance's share of Alcméon's limit, in calls a minute (kept by `startup.rs`).
    pub alcmeon_calls_per_minute: Arc<AtomicU32>,
    /// Fetches the conversations the replica does not hold whole when a widget opens them.
    pub fetcher: ConversationFetcher,
    pub outbox: Outbox,
    pub zones: ZoneRulesCache,
    /// The WhatsApp templates agents may send (`BACKEND_WHATSAPP_TEMPLATES`).
    pub whatsapp_templates: Arc<[protocol::Template]>,
    /// Engagement mode: pages, sends and their links.
    pub engagements: Engagements,
    /// Wakes the writer of matches to Alcméon (`matching`) after a customer link is stored.
    pub links_to_write: Arc<Notify>,
}

/// The widget API under `/v1/`: each resource module's router, routes and description together.
fn widget_api() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::base())
        .merge(conversations::router())
        .merge(replies::router())
        .merge(events::router())
        .merge(attachments::router())
        .merge(time_zones::router())
        .merge(engagement_templates::router())
        .merge(engagement::router())
        .merge(engagement_events::router())
        .merge(reengagement::router())
        .merge(customer::router())
        .merge(openapi::router())
}

/// The widget API's OpenAPI description, as `GET /v1/openapi.json` serves it.
pub fn widget_api_description() -> utoipa::openapi::OpenApi {
    openapi::finish(widget_api().split_for_parts().1)
}

/// Every route but `/embed/` (see `embed::routes`): the widget API, the webhook, the org's links
/// callout, the health check.
pub fn routes(state: AppState) -> Router {
    let (widget_api, _) = widget_api().split_for_parts();
    widget_api
        .merge(webhook::router())
        .merge(salesforce_links::router())
        .merge(health::router())
        .layer(axum::middleware::from_fn(to_completion::to_completion))
        .with_state(state)
}
