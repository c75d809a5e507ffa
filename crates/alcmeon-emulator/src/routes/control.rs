//! Emulator-only control endpoints, for tests and demos. They are not part of Alcméon's API, need
//! no credentials and do not count against the rate limit.
//!
//! - `POST /_emulator/conversations/{conversation_id}/inbound` with `{"text": "...", "author":
//!   "optional display name"}`: the conversation's customer writes a message (a `task-create`
//!   action, notified by webhook). `author` replaces the customer's name on this message only.
//!   Returns `{"action_id": n}`; 404 for an unknown conversation.
//! - `POST /_emulator/conversations` with `{"channel": "whatsapp", "account_name": "...",
//!   "customer_name": "...", "messages": N, "notify": true}`: opens a conversation whose customer
//!   has already written N messages ("Message 1 of N", …, one a minute up to now). Only `channel`
//!   (synchronize.yaml's `Account.type`) is required; with `"notify": false` the generated
//!   messages are not sent to the webhook. An existing account with the same channel and name is
//!   reused. Returns `{"conversation_id": n}`.
//! - `GET /_emulator/health`: 200 `{"status": "ok"}`.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::app_state::{AppState, GeneratedConversation};
use crate::error::ApiError;
use crate::model::Channel;
use crate::routes::json_body;
use crate::state::{InboundMessage, NewConversation};

/// Keeps a typo from filling the disk.
const MAX_GENERATED_MESSAGES: usize = 100_000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route("/conversations", post(open_conversation))
        .route("/conversations/{conversation_id}/inbound", post(inbound))
}

async fn health() -> Json<Value> {
    Json(json!({"status": "ok"}))
}

#[derive(Deserialize)]
struct InboundRequest {
    text: String,
    author: Option<String>,
}

async fn inbound(
    State(app): State<AppState>,
    Path(conversation_id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let request: InboundRequest = json_body::parse(&body, "invalid-request-body")?;
    let inbound = InboundMessage {
        text: request.text,
        author_name: request.author,
        rating_value: None,
        at: Utc::now(),
    };
    let action = conversation_id
        .parse()
        .ok()
        .and_then(|conversation_id| app.receive_inbound(conversation_id, inbound))
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "conversation-not-found"))?;
    Ok(Json(json!({"action_id": action.id})))
}

#[derive(Deserialize)]
struct OpenConversationRequest {
    channel: Channel,
    account_name: Option<String>,
    customer_name: Option<String>,
    #[serde(default)]
    messages: usize,
    #[serde(default = "notify_by_default")]
    notify: bool,
}

fn notify_by_default() -> bool {
    true
}

async fn open_conversation(
    State(app): State<AppState>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let request: OpenConversationRequest = json_body::parse(&body, "invalid-request-body")?;
    if request.messages > MAX_GENERATED_MESSAGES {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "too-many-messages")
            .with_details(format!("at most {MAX_GENERATED_MESSAGES}")));
    }
    let channel_name = serde_json::to_value(request.channel).unwrap_or_default();
    let new = NewConversation {
        channel: request.channel,
        account_name: request
            .account_name
            .unwrap_or_else(|| format!("Lumio {}", channel_name.as_str().unwrap_or_default())),
        customer_name: request
            .customer_name
            .unwrap_or_else(|| "Test Customer".to_owned()),
    };
    let generated = GeneratedConversation {
        new,
        messages: request.messages,
        notify: request.notify,
    };
    let conversation_id = tokio::task::spawn_blocking(move || app.open_conversation(generated))
        .await
        .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal-error"))?;
    Ok(Json(json!({"conversation_id": conversation_id})))
}
