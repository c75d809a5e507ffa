//! The controls that play another agent working in Alcméon itself: acting on a conversation and
//! answering it (documented with the other controls in `control.rs`).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::Utc;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::alcmeon_data::{AgentAction, AlcmeonData};
use crate::emulator::Emulator;
use crate::error::ApiError;
use crate::model::{ActionStatus, AdminUser};
use crate::routes::json_body;
use crate::seed::DEFAULT_AGENT_EMAIL;

/// The agent who acts, as the request names them.
#[derive(Deserialize)]
struct Actor {
    agent_email: Option<String>,
    agent_name: Option<String>,
}

impl Actor {
    fn resolve(&self, data: &mut AlcmeonData) -> AdminUser {
        let email = self.agent_email.as_deref().unwrap_or(DEFAULT_AGENT_EMAIL);
        data.agent_by_email_or_new(email, self.agent_name.as_deref())
    }
}

#[derive(Deserialize)]
struct AgentActionRequest {
    #[serde(rename = "type")]
    action_type: String,
    #[serde(flatten)]
    actor: Actor,
    to_email: Option<String>,
    from_email: Option<String>,
    tag: Option<String>,
    value: Option<String>,
}

/// An action whose other agent is still an email, checked before anything is recorded.
enum Requested {
    Ready(AgentAction),
    AssignTo(String),
    Steal(String),
}

impl AgentActionRequest {
    fn requested(self) -> Result<(Actor, Requested), ApiError> {
        let requested = match self.action_type.as_str() {
            "archive" => Requested::Ready(AgentAction::Archive),
            "auto-archive" => Requested::Ready(AgentAction::AutoArchive),
            "acquire" => Requested::Ready(AgentAction::Acquire),
            "release" => Requested::Ready(AgentAction::Release),
            "on-hold" => Requested::Ready(AgentAction::OnHold),
            "tag-vip" => Requested::Ready(AgentAction::TagVip),
            "untag-vip" => Requested::Ready(AgentAction::UntagVip),
            "assign-to" => Requested::AssignTo(required(self.to_email, "to_email")?),
            "steal" => Requested::Steal(required(self.from_email, "from_email")?),
            "tag" => Requested::Ready(AgentAction::Tag {
                name: required(self.tag, "tag")?,
                value: required(self.value, "value")?,
            }),
            other => {
                return Err(
                    ApiError::new(StatusCode::BAD_REQUEST, "unknown-action-type")
                        .with_details(format!("{other:?} is not an agent action")),
                );
            }
        };
        Ok((self.actor, requested))
    }
}

fn required(field: Option<String>, name: &str) -> Result<String, ApiError> {
    field
        .filter(|value| !value.trim().is_empty())
        .ok_or_else(|| {
            ApiError::new(StatusCode::BAD_REQUEST, "missing-field").with_details(name.to_owned())
        })
}

fn conversation_not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "conversation-not-found")
}

pub async fn act(
    State(emulator): State<Emulator>,
    Path(conversation_id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let request: AgentActionRequest = json_body::parse(&body, "invalid-request-body")?;
    let (actor, requested) = request.requested()?;
    let conversation_id: u64 = conversation_id
        .parse()
        .map_err(|_| conversation_not_found())?;
    let action = emulator
        .record(|data| {
            data.latest_task_id(conversation_id)?;
            let agent = actor.resolve(data);
            let action = match requested {
                Requested::Ready(action) => action,
                Requested::AssignTo(email) => AgentAction::AssignTo {
                    to: data.agent_by_email_or_new(&email, None),
                },
                Requested::Steal(email) => AgentAction::Steal {
                    from: data.agent_by_email_or_new(&email, None),
                },
            };
            data.add_agent_action(conversation_id, agent, action, Utc::now())
        })
        .ok_or_else(conversation_not_found)?;
    Ok(Json(json!({"action_id": action.id})))
}

#[derive(Deserialize)]
struct AgentReplyRequest {
    text: String,
    #[serde(flatten)]
    actor: Actor,
}

pub async fn reply(
    State(emulator): State<Emulator>,
    Path(conversation_id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let request: AgentReplyRequest = json_body::parse(&body, "invalid-request-body")?;
    if request.text.trim().is_empty() {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "empty-message"));
    }
    let conversation_id: u64 = conversation_id
        .parse()
        .map_err(|_| conversation_not_found())?;
    let actions = emulator
        .record_all(|data| {
            let task_id = data.latest_task_id(conversation_id)?;
            let agent = request.actor.resolve(data);
            let now = Utc::now();
            let answer = data.add_answer(task_id, agent, &request.text, now)?;
            let delivery = data.add_execute_answer(answer.id, ActionStatus::Ok, now)?;
            Some(vec![answer, delivery])
        })
        .ok_or_else(conversation_not_found)?;
    Ok(Json(json!({"answer_action_id": actions[0].id})))
}
