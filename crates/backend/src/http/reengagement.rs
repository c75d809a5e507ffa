//! `GET /v1/conversations/{conversation_id}/reengagement` (whether it may be re-engaged, with which
//! templates) and `POST /v1/conversations/{conversation_id}/engagements`: re-engaging a
//! conversation from conversation mode once WhatsApp's 24-hour window has closed. The recipient is the
//! conversation's customer number and the sender its account, both as the replica holds them;
//! consent, permission and templates are checked as for an engagement record, and the template is
//! sent with `interrupt_ongoing_conversation`. Idempotent on the client id as the engagement send
//! (`crate::engagement`); only a conversation the token grants (`grant.rs`).

use axum::extract::State;
use protocol::{ApiError, EngagementSend, EngagementSendRequest, ReengagementPage};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::engagement::refused;
use super::extract::Json;
use super::grant::Granted;
use super::session::Claims;
use super::{AppError, AppState};
use crate::engagement::Reengagement;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(page))
        .routes(routes!(reengage))
}

/// Whether the conversation's customer may be sent a template now (`blocked` says why not: no
/// consent, no permission, several environments, no known number…), their consent, and the
/// templates of the conversation's account.
#[utoipa::path(
    get,
    path = "/v1/conversations/{conversation_id}/reengagement",
    operation_id = "getReengagement",
    tag = "engagement",
    params(("conversation_id" = i64, Path, description = "Alcméon's conversation id")),
    security(("session" = [])),
    responses(
        (status = 200, description = "What re-engaging would do", body = ReengagementPage),
        (status = 400, description = "A malformed conversation id", body = ApiError),
        (status = 401, description = "No valid session token", body = ApiError),
        (status = 403, description = "The session token's record does not name this conversation", body = ApiError),
    )
)]
pub async fn page(
    State(state): State<AppState>,
    Granted {
        agent,
        conversation_id,
    }: Granted,
) -> Result<Json<ReengagementPage>, AppError> {
    let page = state
        .engagements
        .reengagement_page(&asker(&agent, conversation_id))
        .await;
    Ok(Json(page.map_err(|e| refused(&agent, e))?))
}

/// Sends a template message to the conversation's customer from its account, interrupting the
/// conversation, once per client id: the answer is the send once `sent` or `failed`, or still
/// `sending` after 25 s.
#[utoipa::path(
    post,
    path = "/v1/conversations/{conversation_id}/engagements",
    operation_id = "reengageConversation",
    tag = "engagement",
    params(("conversation_id" = i64, Path, description = "Alcméon's conversation id")),
    request_body = EngagementSendRequest,
    security(("session" = [])),
    responses(
        (status = 200, description = "The send: sending, sent or failed", body = EngagementSend),
        (status = 400, description = "A malformed id or body, a template the account may not send, or variable values that cannot be sent", body = ApiError),
        (status = 401, description = "No valid session token", body = ApiError),
        (status = 403, description = "The session token's record does not name this conversation", body = ApiError),
        (status = 409, description = "Blocked (no consent, no permission, an account without templates, several environments; the message names why), the replica knows no customer number for the conversation, or the client id was used for another send", body = ApiError),
    )
)]
pub async fn reengage(
    State(state): State<AppState>,
    Granted {
        agent,
        conversation_id,
    }: Granted,
    Json(request): Json<EngagementSendRequest>,
) -> Result<Json<EngagementSend>, AppError> {
    let sent = state
        .engagements
        .reengage(&asker(&agent, conversation_id), &request)
        .await;
    Ok(Json(sent.map_err(|e| refused(&agent, e))?))
}

fn asker(agent: &Claims, conversation_id: i64) -> Reengagement {
    Reengagement {
        org: agent.org.clone(),
        agent_email: agent.email.clone(),
        may_reply: agent.perms.reply,
        conversation_id,
    }
}
