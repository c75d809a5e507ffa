//! Replies from the widget. `POST /v1/conversations/{id}/replies` stores the reply as sending,
//! then sends it to Alcméon in the background; posting the same client id again returns the
//! stored reply and never sends twice. `POST …/replies/{client_id}/retry` re-sends a failed reply,
//! once. Each reply is sent as the agent's own Alcméon account (see `provisioning.rs`); an
//! agent without reply permission is refused before anything is stored. Delivery changes reach
//! the widget over the conversation's event stream.
//!
//! A reply is its author's (the session's org and email): only they may retry it (anyone else
//! gets `403`, and nothing is sent), and a client id already used by another agent, in another
//! conversation or for another text is `409 conflict`, with the same words in each case and
//! nothing of the stored reply. 409 rather than 403: the id is taken, whoever took it; one answer
//! for every kind of reuse tells a caller guessing ids nothing about whose they are.
//!
//! Only a conversation the session token's record names is answered (`grant.rs`: 403 otherwise,
//! before anything is stored or sent).
//!
//! Invariant: the client id and the agent's email arrive here already valid (`protocol::ClientId`
//! from the body or path, `protocol::AgentEmail` from the session); nothing here re-checks or
//! re-normalises them.

use axum::extract::State;
use axum::http::StatusCode;
use protocol::{ApiError, ClientId, Conversation, NewReply, ThreadItem, is_blank};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::conversations::not_found;
use super::extract::{Json, Path};
use super::grant::Granted;
use super::session::Claims;
use super::{AppError, AppState};
use crate::outbox::{OutgoingReply, Sender};
use crate::provisioning::AgentIdentity;
use crate::store::{Author, ExistingReply, NewReplyRow, ReplyInsert, RetryOutcome};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create))
        .routes(routes!(retry))
}

/// Sends a reply. 201 with the new reply's item (sending); 200 with the stored item when the
/// client id was already posted (even if the conversation has closed since).
#[utoipa::path(
    post,
    path = "/v1/conversations/{conversation_id}/replies",
    operation_id = "sendReply",
    tag = "replies",
    params(("conversation_id" = i64, Path, description = "Alcméon's conversation id")),
    request_body = NewReply,
    security(("session" = [])),
    responses(
        (status = 201, description = "Stored and being sent", body = ThreadItem),
        (status = 200, description = "This client id was posted before: the stored reply", body = ThreadItem),
        (status = 400, description = "A malformed body or client id, a blank reply, or one too long for the channel", body = ApiError),
        (status = 401, description = "No valid session token", body = ApiError),
        (status = 403, description = "The agent may not reply, or the session token's record does not name this conversation", body = ApiError),
        (status = 404, description = "The conversation, or a task to answer, is unknown", body = ApiError),
        (status = 409, description = "The client id was used for another reply (another agent's, another conversation's, another text), or the conversation takes no reply now (`conversation_closed`, `reply_window_closed`)", body = ApiError),
        (status = 413, description = "The body is over the size limit", body = ApiError),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    Granted {
        agent,
        conversation_id,
    }: Granted,
    Json(reply): Json<NewReply>,
) -> Result<(StatusCode, Json<ThreadItem>), AppError> {
    if is_blank(&reply.text) {
        return Err(AppError::BadRequest("the reply is empty".into()));
    }
    let target = state
        .store
        .reply_target(conversation_id, &reply.client_id)
        .await?;
    if target.as_ref().is_none_or(|target| target.client_id_taken)
        && let Some(existing) = state.store.existing_reply(&reply.client_id).await?
    {
        return already_posted(existing, &agent, conversation_id, &reply);
    }
    let target = target.ok_or_else(|| not_found(conversation_id))?;
    may_answer(&agent, &target.conversation)?;
    target
        .conversation
        .channel
        .reply_limit()
        .check(&reply.text)
        .map_err(|too_long| AppError::BadRequest(too_long.to_string()))?;
    let task_id = target.latest_task.ok_or_else(|| {
        AppError::NotFound(format!(
            "conversation {conversation_id} has no task to answer yet"
        ))
    })?;
    let row = NewReplyRow {
        client_id: reply.client_id.clone(),
        conversation_id,
        task_id,
        agent_org: agent.org.clone(),
        agent_email: agent.email.clone(),
        agent_name: agent.name.clone(),
        text: reply.text.clone(),
        created_at_ms: chrono::Utc::now().timestamp_millis(),
    };
    let admission = state.outbox.admission(conversation_id).await;
    match state.store.create_reply(&row).await? {
        ReplyInsert::Created { reply_id, item } => {
            admission.send(OutgoingReply {
                reply_id,
                conversation_id,
                task_id,
                text: row.text,
                sender: Sender::Agent(identity(&agent)),
            });
            Ok((StatusCode::CREATED, Json(item)))
        }
        ReplyInsert::Existing(existing) => {
            already_posted(existing, &agent, conversation_id, &reply)
        }
    }
}

/// Who the reply is sent as: the agent's own Alcméon account, by their Salesforce email.
fn identity(agent: &Claims) -> AgentIdentity {
    AgentIdentity {
        org_id: agent.org.clone(),
        email: agent.email.clone(),
        name: agent.name.clone(),
        may_reply: agent.perms.reply,
        may_moderate: agent.perms.moderate,
    }
}

/// The session's agent, as a reply's author.
fn author(agent: &Claims) -> Author {
    Author {
        org: agent.org.clone(),
        email: agent.email.clone(),
    }
}

/// The stored reply, unless its client id was used for a different reply: by another agent, in
/// another conversation or with another text.
fn already_posted(
    existing: ExistingReply,
    agent: &Claims,
    conversation_id: i64,
    reply: &NewReply,
) -> Result<(StatusCode, Json<ThreadItem>), AppError> {
    if existing.author != Some(author(agent))
        || existing.conversation_id != conversation_id
        || existing.text != reply.text
    {
        return Err(AppError::Conflict(format!(
            "client id {} was already used for a different reply",
            reply.client_id
        )));
    }
    Ok((StatusCode::OK, Json(existing.item)))
}

/// Whether the agent may answer the conversation now (`protocol::Conversation::reply_block`).
fn may_answer(agent: &Claims, conversation: &Conversation) -> Result<(), AppError> {
    let now_ms = chrono::Utc::now().timestamp_millis();
    match conversation.reply_block(agent.perms.reply, now_ms) {
        Some(block) => Err(AppError::ReplyBlocked(block)),
        None => Ok(()),
    }
}

/// Re-sends a failed reply (202 with its item, sending again); a reply that is sending or sent is
/// returned unchanged (200), so a double click never sends twice. Refused like a new reply when
/// the conversation cannot be answered now, and with 403 (nothing sent or shown) for anyone but
/// the reply's author.
#[utoipa::path(
    post,
    path = "/v1/conversations/{conversation_id}/replies/{client_id}/retry",
    operation_id = "retryReply",
    tag = "replies",
    params(
        ("conversation_id" = i64, Path, description = "Alcméon's conversation id"),
        ("client_id" = ClientId, Path, description = "The id the widget gave the reply"),
    ),
    security(("session" = [])),
    responses(
        (status = 202, description = "The failed reply is being sent again", body = ThreadItem),
        (status = 200, description = "The reply had not failed: unchanged", body = ThreadItem),
        (status = 400, description = "A malformed conversation or client id", body = ApiError),
        (status = 401, description = "No valid session token", body = ApiError),
        (status = 403, description = "The agent may not reply, is not the reply's author, or the session token's record does not name this conversation", body = ApiError),
        (status = 404, description = "No such reply in this conversation", body = ApiError),
        (status = 409, description = "The conversation takes no reply now", body = ApiError),
    )
)]
pub async fn retry(
    State(state): State<AppState>,
    Granted {
        agent,
        conversation_id,
    }: Granted,
    Path((_, client_id)): Path<(i64, ClientId)>,
) -> Result<(StatusCode, Json<ThreadItem>), AppError> {
    let conversation = state
        .store
        .conversation(conversation_id)
        .await?
        .ok_or_else(|| not_found(conversation_id))?;
    may_answer(&agent, &conversation)?;
    let admission = state.outbox.admission(conversation_id).await;
    match state
        .store
        .retry_reply(conversation_id, &client_id, &author(&agent))
        .await?
    {
        RetryOutcome::Resend {
            reply_id,
            item,
            task_id,
            text,
        } => {
            admission.send(OutgoingReply {
                reply_id,
                conversation_id,
                task_id,
                text,
                sender: Sender::Agent(identity(&agent)),
            });
            Ok((StatusCode::ACCEPTED, Json(item)))
        }
        RetryOutcome::Unchanged(item) => Ok((StatusCode::OK, Json(item))),
        RetryOutcome::NotAuthor => Err(AppError::Forbidden(
            "only the agent who wrote a reply may retry it".into(),
        )),
        RetryOutcome::NotFound => Err(AppError::NotFound(format!(
            "no reply {client_id} in conversation {conversation_id}"
        ))),
    }
}
