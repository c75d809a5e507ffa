//! Emulator-only controls for engagements (documented with the others in `routes/control.rs`):
//! the sent template messages, and a customer answering one.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::Utc;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::alcmeon_data::{AnswerRefusal, SentEngagement};
use crate::emulator::Emulator;
use crate::error::ApiError;
use crate::routes::json_body;

pub async fn list(State(emulator): State<Emulator>) -> Json<Vec<SentEngagement>> {
    Json(emulator.data.read(|data| data.sent_engagements().to_vec()))
}

#[derive(Deserialize)]
struct AnswerRequest {
    text: String,
}

pub async fn answer(
    State(emulator): State<Emulator>,
    Path(message_id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let request: AnswerRequest = json_body::parse(&body, "invalid-request-body")?;
    if request.text.trim().is_empty() {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "empty-message"));
    }
    let mut refusal = None;
    let action = emulator.record(|data| {
        data.answer_engagement(&message_id, request.text, Utc::now())
            .map_err(|problem| refusal = Some(problem))
            .ok()
    });
    match (action, refusal) {
        (Some(action), _) => Ok(Json(json!({
            "conversation_id": action.conversation_id(),
            "action_id": action.id,
        }))),
        (None, Some(AnswerRefusal::NoConversationsOnChannel)) => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "not-a-conversation-channel",
        )
        .with_details("Only WhatsApp engagements open conversations")),
        (None, _) => Err(ApiError::new(StatusCode::NOT_FOUND, "engagement-not-found")),
    }
}
