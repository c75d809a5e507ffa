//! Action synchronization (synchronize.yaml): `GET /actions` and
//! `GET /actions/conversations/{conversation_id}`.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;

use crate::auth::ApiCaller;
use crate::emulator::Emulator;
use crate::error::ApiError;
use crate::model::{Action, Conversation};

/// "this endpoint will return at most 10 events"
const MAX_ACTIONS_PER_CALL: usize = 10;

#[derive(Deserialize)]
pub struct ActionsQuery {
    min_action_id: Option<String>,
    max_action_id: Option<String>,
}

/// Actions with `min_action_id < id <= max_action_id`, ascending by id.
pub async fn list(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    query: Result<Query<ActionsQuery>, QueryRejection>,
) -> Result<Json<Vec<Action>>, ApiError> {
    let Query(query) = query.map_err(|rejection| invalid_parameter(rejection.body_text()))?;
    let min = match query.min_action_id {
        Some(min) => integer("min_action_id", &min)?,
        None => return Err(invalid_parameter("min_action_id is required".to_owned())),
    };
    let max = query
        .max_action_id
        .map(|max| integer("max_action_id", &max))
        .transpose()?;
    Ok(Json(emulator.data.read(|data| {
        data.actions_between(min, max, MAX_ACTIONS_PER_CALL)
    })))
}

/// Every action of one conversation, wrapped in a one-element array as the spec shows; an empty
/// array when the conversation does not exist.
pub async fn of_conversation(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    Path(conversation_id): Path<String>,
) -> Result<Json<Vec<Conversation>>, ApiError> {
    let id = integer("conversation_id", &conversation_id)?;
    let actions = u64::try_from(id)
        .ok()
        .and_then(|id| emulator.data.read(|data| data.conversation_actions(id)));
    let conversations = actions
        .map(|actions| Conversation {
            id: id.unsigned_abs(),
            actions,
        })
        .into_iter()
        .collect();
    Ok(Json(conversations))
}

fn integer(name: &str, text: &str) -> Result<i64, ApiError> {
    text.trim()
        .parse()
        .map_err(|_| invalid_parameter(format!("{name} must be an integer, got {text:?}")))
}

fn invalid_parameter(details: String) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "invalid-parameter").with_details(details)
}
