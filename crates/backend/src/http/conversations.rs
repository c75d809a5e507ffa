use axum::Json;
use axum::extract::{Path, State};
use protocol::ThreadPage;

use super::session::Agent;
use super::{AppError, AppState};

/// How many of the newest thread items the first page holds.
const FIRST_PAGE_SIZE: u32 = 50;

/// `GET /v1/conversations/{id}/thread`: the conversation and its newest messages, from the replica.
pub async fn thread(
    State(state): State<AppState>,
    _agent: Agent,
    Path(conversation_id): Path<i64>,
) -> Result<Json<ThreadPage>, AppError> {
    state
        .store
        .thread(conversation_id, FIRST_PAGE_SIZE)
        .await?
        .map(Json)
        .ok_or_else(|| {
            AppError::NotFound(format!(
                "conversation {conversation_id} is not known to the backend"
            ))
        })
}
