use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use protocol::{ThreadPage, Viewer};
use serde::Deserialize;

use super::session::Agent;
use super::{AppError, AppState};

/// How many items a page holds unless the widget asks otherwise, and at most.
const DEFAULT_PAGE_SIZE: u32 = 50;
const MAX_PAGE_SIZE: u32 = 200;

#[derive(Debug, Deserialize)]
pub struct PageQuery {
    /// Only items older than this item id.
    before: Option<i64>,
    /// 1..=200, default 50.
    limit: Option<u32>,
}

/// `GET /v1/conversations/{id}/thread?before=<item id>&limit=<1..200>`: the conversation and a
/// page of its thread from the replica, oldest first: the newest items, or those older than
/// `before`. `has_older` says whether an older page exists; `viewer` is the session's agent.
pub async fn thread(
    State(state): State<AppState>,
    Agent(agent): Agent,
    path: Result<Path<i64>, PathRejection>,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> Result<Json<ThreadPage>, AppError> {
    let Path(conversation_id) = path?;
    let Query(query) = query?;
    let limit = query.limit.unwrap_or(DEFAULT_PAGE_SIZE);
    if !(1..=MAX_PAGE_SIZE).contains(&limit) {
        return Err(AppError::BadRequest(format!(
            "limit must be between 1 and {MAX_PAGE_SIZE}"
        )));
    }
    let viewer = Viewer {
        email: agent.email.clone(),
        may_reply: agent.perms.reply,
    };
    state
        .store
        .thread(conversation_id, query.before, limit, viewer)
        .await?
        .map(Json)
        .ok_or_else(|| not_found(conversation_id))
}

pub fn not_found(conversation_id: i64) -> AppError {
    AppError::NotFound(format!(
        "conversation {conversation_id} is not known to the backend"
    ))
}
