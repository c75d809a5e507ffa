//! Emulator-only controls for engagements (documented with the others in `routes/control.rs`):
//! the sent template messages, a customer answering one, a conversation aged past its reply
//! window, and a rate limit held so that a client's wait for a 429 can be shown.

use std::time::Duration;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::TimeDelta;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::alcmeon_data::{AnswerRefusal, SentEngagement};
use crate::emulator::Emulator;
use crate::error::ApiError;
use crate::routes::json_body;

/// A hold or an age beyond this is a typo (a year).
const MAX_SECONDS: u64 = 366 * 24 * 3600;

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
    match emulator.answer_engagement(&message_id, request.text) {
        Ok(actions) => {
            let answer = actions.last().expect("an answer records its task-create");
            Ok(Json(json!({
                "conversation_id": answer.conversation_id(),
                "action_id": answer.id,
            })))
        }
        Err(AnswerRefusal::NoConversationsOnChannel) => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "not-a-conversation-channel",
        )
        .with_details("Only WhatsApp engagements open conversations")),
        Err(AnswerRefusal::UnknownEngagement) => {
            Err(ApiError::new(StatusCode::NOT_FOUND, "engagement-not-found"))
        }
    }
}

#[derive(Deserialize)]
struct SecondsRequest {
    seconds: u64,
}

fn seconds(body: &[u8]) -> Result<u64, ApiError> {
    let request: SecondsRequest = json_body::parse(body, "invalid-request-body")?;
    if !(1..=MAX_SECONDS).contains(&request.seconds) {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "invalid-seconds")
            .with_details(format!("seconds must be 1 to {MAX_SECONDS}")));
    }
    Ok(request.seconds)
}

pub async fn age(
    State(emulator): State<Emulator>,
    Path(conversation_id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let by = TimeDelta::seconds(i64::try_from(seconds(&body)?).unwrap_or(i64::MAX));
    let last = conversation_id
        .parse()
        .ok()
        .and_then(|id| emulator.data.update(|data| data.age_conversation(id, by)))
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "conversation-not-found"))?;
    Ok(Json(json!({
        "last_customer_message_at": last.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    })))
}

pub async fn hold_rate_limit(
    State(emulator): State<Emulator>,
    Path(budget): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let limiter = match budget.as_str() {
        "whatsapp-send" => &emulator.whatsapp_rate_limiter,
        "api" => &emulator.rate_limiter,
        _ => return Err(ApiError::new(StatusCode::NOT_FOUND, "not-found")),
    };
    let until = limiter.hold_for(Duration::from_secs(seconds(&body)?));
    Ok(Json(json!({
        "rate_limited_until": until.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    })))
}
