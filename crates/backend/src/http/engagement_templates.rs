//! `GET /v1/engagement-templates`: the WhatsApp templates an agent may send to start a
//! conversation, as the environment declares them (`BACKEND_WHATSAPP_TEMPLATES`, checked at
//! start-up). The widget fills them with `protocol::fill` for its preview, as the send will.

use axum::extract::State;
use protocol::{ApiError, Template};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppState;
use super::extract::Json;
use super::session::Agent;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list))
}

/// The environment's WhatsApp templates, in the order configured; empty when none is.
#[utoipa::path(
    get,
    path = "/v1/engagement-templates",
    operation_id = "listEngagementTemplates",
    tag = "engagement",
    security(("session" = [])),
    responses(
        (status = 200, description = "The templates", body = Vec<Template>),
        (status = 401, description = "No valid session token", body = ApiError),
    )
)]
pub async fn list(State(state): State<AppState>, _agent: Agent) -> Json<Vec<Template>> {
    Json(state.whatsapp_templates.to_vec())
}
