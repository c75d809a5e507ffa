//! Which conversation a request may touch. Invariant: every widget route whose path names a
//! `{conversation_id}` takes [`Granted`] instead of [`Agent`], so it serves that conversation only
//! when the session token's record names it (`Claims::may_open`), or, for a token in engagement
//! mode (`eng`), when the replica holds it as a conversation of the engagement's recipient
//! (normalised number) on its sender account (how the widget switches in place to the
//! conversation the customer's answer opened, or opens the ongoing one a 403 offers, before
//! Salesforce knows it), or when the replica holds it as a conversation of the customer of one
//! the token names (how the widget opens the customer's other conversations, the 360° list);
//! anything else is `403 forbidden` in the one error shape, before the
//! handler reads or sends anything. The refusal is
//! logged with the path, org, user and conversation id, never the token.
//! `tests/api/access.rs` walks every such path of the OpenAPI description to keep it so.

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;

use super::session::{Agent, Claims};
use super::{AppError, AppState};

/// The path parameter naming Alcméon's conversation id, in every route that has one.
const CONVERSATION_PARAM: &str = "conversation_id";

/// The session's agent and the conversation the path names, which the agent's token opens.
#[derive(Debug, Clone)]
pub struct Granted {
    pub agent: Claims,
    pub conversation_id: i64,
}

impl FromRequestParts<AppState> for Granted {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Agent(agent) = Agent::from_request_parts(parts, state).await?;
        let conversation_id = conversation_in_path(parts, state).await?;
        if !agent.may_open(conversation_id)
            && !recipients_conversation(&agent, conversation_id, state).await?
            && !customers_conversation(&agent, conversation_id, state).await?
        {
            tracing::warn!(
                path = %parts.uri.path(),
                org = %agent.org,
                user = %agent.sub,
                conversation_id,
                "a session token asked for a conversation its record does not name"
            );
            return Err(AppError::Forbidden(format!(
                "conversation {conversation_id} is not one this record's session token grants"
            )));
        }
        Ok(Granted {
            agent,
            conversation_id,
        })
    }
}

/// Whether the token's engagement recipient has this conversation on its sender account.
async fn recipients_conversation(
    agent: &Claims,
    conversation_id: i64,
    state: &AppState,
) -> Result<bool, AppError> {
    let Some(engagement) = &agent.engagement else {
        return Ok(false);
    };
    let (Some(phone), Ok(account_id)) = (
        protocol::normalize_phone(&engagement.to),
        engagement.from.trim().parse::<i64>(),
    ) else {
        return Ok(false);
    };
    let conversations = state
        .store
        .recipient_conversations(account_id, &phone)
        .await?;
    Ok(conversations
        .iter()
        .any(|c| c.conversation_id == conversation_id))
}

/// Whether the conversation's customer is the customer of a conversation the token names.
async fn customers_conversation(
    agent: &Claims,
    conversation_id: i64,
    state: &AppState,
) -> Result<bool, AppError> {
    Ok(state
        .store
        .shares_customer_with(conversation_id, &agent.conversations)
        .await?)
}

async fn conversation_in_path(parts: &mut Parts, state: &AppState) -> Result<i64, AppError> {
    let params = RawPathParams::from_request_parts(parts, state)
        .await
        .map_err(|rejection| AppError::BadRequest(rejection.body_text()))?;
    let raw = params
        .iter()
        .find_map(|(name, value)| (name == CONVERSATION_PARAM).then_some(value))
        .ok_or_else(|| AppError::BadRequest("the path names no conversation".into()))?;
    raw.parse()
        .map_err(|_| AppError::BadRequest(format!("{raw:?} is not a conversation id")))
}
