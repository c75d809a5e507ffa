//! Replies from the widget. `POST /v1/conversations/{id}/replies` stores the reply as sending,
//! then sends it to Alcméon in the background; posting the same client id again returns the
//! stored reply and never sends twice. `POST …/replies/{client_id}/retry` re-sends a failed reply,
//! once. Each reply is sent as the agent's own Alcméon account (see `provisioning.rs`); an
//! agent without reply permission is refused before anything is stored. Delivery changes reach the widget over the conversation's event stream.

use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use protocol::{Conversation, NewReply, ThreadItem, is_blank};

use super::conversations::not_found;
use super::session::{Agent, Claims};
use super::{AppError, AppState};
use crate::outbox::Sender;
use crate::provisioning::AgentIdentity;
use crate::store::{ExistingReply, NewReplyRow, ReplyInsert, RetryOutcome};

/// The longest client id accepted, in characters.
const MAX_CLIENT_ID_CHARS: usize = 64;

/// 201 with the new reply's item (sending); 200 with the stored item when the client id was
/// already posted (even if the conversation has closed since).
pub async fn create(
    State(state): State<AppState>,
    Agent(agent): Agent,
    path: Result<Path<i64>, PathRejection>,
    body: Result<Json<NewReply>, JsonRejection>,
) -> Result<(StatusCode, Json<ThreadItem>), AppError> {
    let Path(conversation_id) = path?;
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
    if let Some(existing) = state.store.existing_reply(client_id).await? {
        return already_posted(existing, conversation_id, &reply);
    }
    let conversation = answerable(&state, &agent, conversation_id).await?;
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
        agent_org: agent.org.clone(),
        agent_email: agent.email.to_lowercase(),
        agent_name: agent.name.clone(),
        text: reply.text.clone(),
        created_at_ms: chrono::Utc::now().timestamp_millis(),
    };
    match state.store.create_reply(&row).await? {
        ReplyInsert::Created(item) => {
            let sender = Sender::Agent(identity(&agent));
            state.outbox.send(row.client_id, task_id, row.text, sender);
            Ok((StatusCode::CREATED, Json(item)))
        }
        ReplyInsert::Existing(existing) => already_posted(existing, conversation_id, &reply),
    }
}

/// Who the reply is sent as: the agent's own Alcméon account, by their Salesforce email.
fn identity(agent: &Claims) -> AgentIdentity {
    AgentIdentity {
        org_id: agent.org.clone(),
        email: agent.email.to_lowercase(),
        name: agent.name.clone(),
        may_reply: agent.perms.reply,
        may_moderate: agent.perms.moderate,
    }
}

/// The stored reply, unless its client id was used for a different reply.
fn already_posted(
    existing: ExistingReply,
    conversation_id: i64,
    reply: &NewReply,
) -> Result<(StatusCode, Json<ThreadItem>), AppError> {
    if existing.conversation_id != conversation_id || existing.text != reply.text {
        return Err(AppError::Conflict(format!(
            "client id {} was already used for a different reply",
            reply.client_id
        )));
    }
    Ok((StatusCode::OK, Json(existing.item)))
}

/// The conversation, if the agent may answer it now (`protocol::Conversation::reply_block`).
async fn answerable(
    state: &AppState,
    agent: &Claims,
    conversation_id: i64,
) -> Result<Conversation, AppError> {
    let conversation = state
        .store
        .conversation(conversation_id)
        .await?
        .ok_or_else(|| not_found(conversation_id))?;
    let now_ms = chrono::Utc::now().timestamp_millis();
    match conversation.reply_block(agent.perms.reply, now_ms) {
        Some(block) => Err(AppError::ReplyBlocked(block)),
        None => Ok(conversation),
    }
}

/// Re-sends a failed reply (202 with its item, sending again); a reply that is sending or sent is
/// returned unchanged (200), so a double click never sends twice. Refused like a new reply when
/// the conversation cannot be answered now.
pub async fn retry(
    State(state): State<AppState>,
    Agent(agent): Agent,
    path: Result<Path<(i64, String)>, PathRejection>,
) -> Result<(StatusCode, Json<ThreadItem>), AppError> {
    let Path((conversation_id, client_id)) = path?;
    answerable(&state, &agent, conversation_id).await?;
    match state.store.retry_reply(conversation_id, &client_id).await? {
        RetryOutcome::Resend {
            item,
            task_id,
            text,
        } => {
            let sender = Sender::Agent(identity(&agent));
            state.outbox.send(client_id, task_id, text, sender);
            Ok((StatusCode::ACCEPTED, Json(item)))
        }
        RetryOutcome::Unchanged(item) => Ok((StatusCode::OK, Json(item))),
        RetryOutcome::NotFound => Err(AppError::NotFound(format!(
            "no reply {client_id} in conversation {conversation_id}"
        ))),
    }
}
