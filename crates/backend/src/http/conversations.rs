//! `GET /v1/conversations/{id}/thread`: a conversation and a page of its thread, from the replica.
//! A conversation the replica does not hold whole (never seen, or only its newer actions read
//! since the replica started) is fetched from Alcméon on demand (`on_demand.rs`): the first
//! request answers `202` with `ConversationFetching` at once, a request while the fetch runs waits
//! for it (25 s at most) and answers the thread as soon as it arrives.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use protocol::{ApiError, ConversationFetching, ThreadPage, Viewer};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::extract::{Json, Query};
use super::grant::Granted;
use super::on_demand::{Arrival, fetch_missing};
use super::{AppError, AppState};
use axum::extract::State;

/// How many items a page holds unless the widget asks otherwise, and at most.
const DEFAULT_PAGE_SIZE: u32 = 50;
const MAX_PAGE_SIZE: u32 = 200;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(thread))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Only items older than this item id (the first item of the page the widget has).
    before: Option<i64>,
    /// How many items, 1 to 200; 50 when absent.
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u32>,
    /// An IANA time zone (the agent's, e.g. `Europe/Paris`): the page carries its offsets in
    /// `zone_rules`, as `GET /v1/time-zones/{zone}` gives them.
    zone: Option<String>,
}

/// The conversation and a page of its thread, oldest first: the newest items, or those older than
/// `before`. `has_older` says whether an older page exists; `viewer` is the session's agent.
///
/// A conversation the backend's replica does not hold yet is fetched from Alcméon: the request
/// that starts the fetch answers `202` at once (show a loading state and ask again); a request
/// made while it runs waits for it, up to 25 s, then answers the thread, `404` if Alcméon does not
/// know the conversation, or `202` again while Alcméon's rate limit delays the fetch.
#[utoipa::path(
    get,
    path = "/v1/conversations/{conversation_id}/thread",
    operation_id = "getThread",
    tag = "conversations",
    params(("conversation_id" = i64, Path, description = "Alcméon's conversation id"), PageQuery),
    security(("session" = [])),
    responses(
        (status = 200, description = "The conversation and a page of its thread", body = ThreadPage),
        (status = 202, description = "The conversation is being fetched from Alcméon: ask again, the next answer waits for it", body = ConversationFetching),
        (status = 400, description = "A malformed id or query", body = ApiError),
        (status = 401, description = "No valid session token", body = ApiError),
        (status = 403, description = "The session token's record does not name this conversation", body = ApiError),
        (status = 404, description = "Alcméon does not know the conversation", body = ApiError),
        (status = 502, description = "Alcméon could not be reached to fetch the conversation", body = ApiError),
    )
)]
pub async fn thread(
    State(state): State<AppState>,
    Granted {
        agent,
        conversation_id,
    }: Granted,
    Query(query): Query<PageQuery>,
) -> Result<Response, AppError> {
    let limit = query.limit.unwrap_or(DEFAULT_PAGE_SIZE);
    if !(1..=MAX_PAGE_SIZE).contains(&limit) {
        return Err(AppError::BadRequest(format!(
            "limit must be between 1 and {MAX_PAGE_SIZE}"
        )));
    }
    let viewer = || Viewer {
        email: agent.email.clone(),
        may_reply: agent.perms.reply,
    };
    let page = state
        .store
        .thread(conversation_id, query.before, limit, viewer())
        .await?;
    let answer = |mut page: ThreadPage| {
        page.zone_rules = query
            .zone
            .as_deref()
            .and_then(|zone| state.zones.rules(zone))
            .map(|rules| Box::new(rules.as_ref().clone()));
        Json(page).into_response()
    };
    if let Some(page) = page {
        return Ok(answer(page));
    }
    match fetch_missing(&state, conversation_id).await? {
        Arrival::Fetching => {
            let fetching = ConversationFetching { conversation_id };
            Ok((StatusCode::ACCEPTED, Json(fetching)).into_response())
        }
        Arrival::Arrived => state
            .store
            .thread(conversation_id, query.before, limit, viewer())
            .await?
            .map(answer)
            .ok_or_else(|| not_found(conversation_id)),
    }
}

pub fn not_found(conversation_id: i64) -> AppError {
    AppError::NotFound(format!(
        "conversation {conversation_id} is not known to the backend"
    ))
}
