//! Engagement mode's widget API: `GET /v1/engagement` (the page of the session token's engagement
//! record, its `eng` claim) and `POST /v1/engagement/sends` (its one message). The work is
//! `crate::engagement`'s; here the token becomes an [`EngagementTarget`] and each refusal the one
//! error shape, logged without the token.
//!
//! Invariant: a token without `eng` gets `404 not_found` from every engagement route; nothing
//! here decides whether a send may go (`engagement::block` does).

use axum::extract::State;
use protocol::{ApiError, EngagementPage, EngagementSend, EngagementSendRequest};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::extract::Json;
use super::session::{Agent, Claims};
use super::{AppError, AppState};
use crate::engagement::{EngagementError, EngagementTarget};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(page))
        .routes(routes!(send))
}

/// The engagement the session token names: who receives the message and from which account, the
/// recipient's consent, the templates, why nothing may be sent (`blocked`), the send, and the
/// conversation the customer's answer opened.
#[utoipa::path(
    get,
    path = "/v1/engagement",
    operation_id = "getEngagement",
    tag = "engagement",
    security(("session" = [])),
    responses(
        (status = 200, description = "The engagement page", body = EngagementPage),
        (status = 401, description = "No valid session token", body = ApiError),
        (status = 404, description = "The session token names no engagement", body = ApiError),
    )
)]
pub async fn page(
    State(state): State<AppState>,
    Agent(agent): Agent,
) -> Result<Json<EngagementPage>, AppError> {
    let target = target(&agent)?;
    Ok(Json(
        state
            .engagements
            .page(&target)
            .await
            .map_err(|e| refused(&agent, e))?,
    ))
}

/// Sends the engagement's one template message. A client id posted before answers its stored
/// send and never sends again (a send still `sending` is waited for, 25 s at most); otherwise the
/// send is stored `sending`, Alcméon is called once, and the answer is the send once `sent` or
/// `failed` (with Alcméon's reason), or still `sending` after 25 s (the engagement's stream tells
/// the rest).
#[utoipa::path(
    post,
    path = "/v1/engagement/sends",
    operation_id = "sendEngagement",
    tag = "engagement",
    request_body = EngagementSendRequest,
    security(("session" = [])),
    responses(
        (status = 200, description = "The send: sending, sent or failed", body = EngagementSend),
        (status = 400, description = "A malformed body, a template the sender may not send, or variable values that cannot be sent (the message lists them)", body = ApiError),
        (status = 401, description = "No valid session token", body = ApiError),
        (status = 404, description = "The session token names no engagement", body = ApiError),
        (status = 409, description = "The engagement is blocked (the message names why; the page's `blocked` says it), or the client id was used for another send", body = ApiError),
    )
)]
pub async fn send(
    State(state): State<AppState>,
    Agent(agent): Agent,
    Json(request): Json<EngagementSendRequest>,
) -> Result<Json<EngagementSend>, AppError> {
    let target = target(&agent)?;
    let sent = state.engagements.send(&target, &request).await;
    Ok(Json(sent.map_err(|e| refused(&agent, e))?))
}

/// The engagement of the token's `eng` claim, with the agent asking.
pub fn target(agent: &Claims) -> Result<EngagementTarget, AppError> {
    let Some(engagement) = &agent.engagement else {
        return Err(AppError::NotFound(
            "this session token names no engagement".into(),
        ));
    };
    Ok(EngagementTarget {
        org: agent.org.clone(),
        record_id: engagement.id.clone(),
        raw_phone: engagement.to.clone(),
        raw_sender: engagement.from.clone(),
        customer_name: engagement.name.clone(),
        case_number: engagement.case.clone(),
        agent_name: agent.name.clone(),
        agent_email: agent.email.clone(),
        may_reply: agent.perms.reply,
    })
}

/// An engagement refusal in the one error shape, logged with who asked (never the token).
pub fn refused(agent: &Claims, error: EngagementError) -> AppError {
    let record = agent.engagement.as_ref().map(|e| e.id.as_str());
    match error {
        EngagementError::Store(error) => AppError::Store(error),
        refusal => {
            tracing::warn!(org = %agent.org, user = %agent.sub, record, reason = %refusal,
                "an engagement request was refused");
            let message = refusal.to_string();
            match refusal {
                EngagementError::UnknownTemplate(_) | EngagementError::BadValues(_) => {
                    AppError::BadRequest(message)
                }
                _ => AppError::Conflict(message),
            }
        }
    }
}
