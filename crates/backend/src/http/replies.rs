//! Replies from the widget. `POST /v1/conversations/{id}/replies` stores the reply as sending,
//! then sends it to Alcméon in the background; posting the same client id again returns the
//! stored reply and never sends twice. `POST …/replies/{client_id}/retry` re-sends a failed reply,
//! once. Delivery changes reach the widget over the conversation's event stream.

use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use protocol::{NewReply, ThreadItem, is_blank};

use super::conversations::not_found;
use super::session::Agent;
use super::{AppError, AppState};
use crate::alcmeon::{ClientError, SendAnswer};
use crate::store::{NewReplyRow, ReplyInsert, RetryOutcome};

/// The longest client id accepted, in characters.
const MAX_CLIENT_ID_CHARS: usize = 64;
/// How many times a reply is offered again after Alcméon's rate limit refused it.
const RATE_LIMITED_ATTEMPTS: usize = 5;

/// 201 with the new reply's item (sending); 200 with the stored item when the client id was
/// already posted.
pub async fn create(
    State(state): State<AppState>,
    Agent(agent): Agent,
    path: Result<Path<i64>, PathRejection>,
    body: Result<Json<NewReply>, JsonRejection>,
) -> Result<(StatusCode, Json<ThreadItem>), AppError> {
    let Path(conversation_id) = path?;
    if !agent.perms.reply {
        return Err(AppError::Forbidden(
            "this agent is not allowed to reply".into(),
        ));
    }
    let Json(reply) = body?;
    let client_id = reply.client_id.as_str();
    if is_blank(client_id) || client_id.chars().count() > MAX_CLIENT_ID_CHARS {
        return Err(AppError::BadRequest(format!(
            "client_id must be 1 to {MAX_CLIENT_ID_CHARS} characters"
        )));
    }
    if is_blank(&reply.text) {
        return Err(AppError::BadRequest("the reply is empty".into()));
    }
    let conversation = state
        .store
        .conversation(conversation_id)
        .await?
        .ok_or_else(|| not_found(conversation_id))?;
    conversation
        .channel
        .reply_limit()
        .check(&reply.text)
        .map_err(|too_long| AppError::BadRequest(too_long.to_string()))?;
    let task_id = state
        .store
        .latest_task(conversation_id)
        .await?
        .ok_or_else(|| {
            AppError::NotFound(format!(
                "conversation {conversation_id} has no task to answer yet"
            ))
        })?;
    let row = NewReplyRow {
        client_id: client_id.to_owned(),
        conversation_id,
        task_id,
        agent_email: agent.email.clone(),
        agent_name: agent.name.clone(),
        text: reply.text.clone(),
        created_at_ms: chrono::Utc::now().timestamp_millis(),
    };
    match state.store.create_reply(&row).await? {
        ReplyInsert::Created(item) => {
            spawn_send(state, row.client_id, task_id, row.text);
            Ok((StatusCode::CREATED, Json(item)))
        }
        ReplyInsert::Existing {
            item,
            conversation_id: stored_conversation,
            text,
        } => {
            if stored_conversation != conversation_id || text != reply.text {
                return Err(AppError::Conflict(format!(
                    "client id {client_id} was already used for a different reply"
                )));
            }
            Ok((StatusCode::OK, Json(item)))
        }
    }
}

/// Re-sends a failed reply (202 with its item, sending again); a reply that is sending or sent is
/// returned unchanged (200), so a double click never sends twice.
pub async fn retry(
    State(state): State<AppState>,
    Agent(agent): Agent,
    path: Result<Path<(i64, String)>, PathRejection>,
) -> Result<(StatusCode, Json<ThreadItem>), AppError> {
    let Path((conversation_id, client_id)) = path?;
    if !agent.perms.reply {
        return Err(AppError::Forbidden(
            "this agent is not allowed to reply".into(),
        ));
    }
    match state.store.retry_reply(conversation_id, &client_id).await? {
        RetryOutcome::Resend {
            item,
            task_id,
            text,
        } => {
            spawn_send(state, client_id, task_id, text);
            Ok((StatusCode::ACCEPTED, Json(item)))
        }
        RetryOutcome::Unchanged(item) => Ok((StatusCode::OK, Json(item))),
        RetryOutcome::NotFound => Err(AppError::NotFound(format!(
            "no reply {client_id} in conversation {conversation_id}"
        ))),
    }
}

/// Sends in a task of its own, so that a widget closing its request never abandons a stored reply.
fn spawn_send(state: AppState, client_id: String, task_id: i64, text: String) {
    tokio::spawn(async move {
        let answer = SendAnswer {
            message: &text,
            advisor_id: state.advisor_id,
            company_id: state.company_id,
            task_id,
        };
        let mut outcome = state.alcmeon.send_answer(&answer).await;
        for _ in 1..RATE_LIMITED_ATTEMPTS {
            if !matches!(outcome, Err(ClientError::RateLimited { .. })) {
                break;
            }
            outcome = state.alcmeon.send_answer(&answer).await;
        }
        let Err(error) = outcome else {
            return;
        };
        let reason = match &error {
            ClientError::Status { status, .. } if (400..500).contains(status) => {
                error.alcmeon_error().unwrap_or_else(|| error.to_string())
            }
            ClientError::Status { status, .. } => {
                format!("Alcméon failed to take the reply (HTTP {status})")
            }
            ClientError::RateLimited { .. } => {
                "Alcméon's rate limit kept refusing the reply".to_owned()
            }
            ClientError::Transport(_) => "Alcméon could not be reached".to_owned(),
        };
        tracing::warn!(%error, client_id, "reply not sent");
        if let Err(error) = state.store.fail_reply(&client_id, &reason).await {
            tracing::error!(%error, client_id, "could not record a failed reply");
        }
    });
}
