//! Template sends that start a conversation (initiate-conversation-api.yaml):
//! `POST /v1/whatsapp/send/` (its own 3,000-a-minute budget), `POST /v1/rcs/send/`,
//! `POST /v1/kakaotalk/send/` (trailing slashes as published). 200 `{"status": "ok",
//! "message_id": "<uuid>"}`; the accepted send is recorded for `GET /_emulator/engagements`.
//!
//! The spec gives the statuses (400 invalid input or unknown template, 403 ongoing conversation
//! for WhatsApp and KakaoTalk, 429) but no error strings; these are the emulator's, reusing
//! optin-api.yaml's for phone numbers: `invalid-request-body`, `invalid-phone-number-format`,
//! `invalid-phone-number`, `account-not-found`, `template-not-found`, `missing-variable` (the
//! details name the placeholder), 403 `ongoing-conversation`. A WhatsApp send with
//! `interrupt_ongoing_conversation` to a number with an ongoing conversation writes the template
//! message into it at once, notified as an agent's reply is (`answer`, `execute-answer`).

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::Utc;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::alcmeon_data::{SendRefusal, TemplateChannel, TemplateSend};
use crate::auth::{ApiCaller, WhatsappSendCaller};
use crate::customer_traffic;
use crate::emulator::Emulator;
use crate::error::ApiError;

/// `SendWhatsappMessageRequest`.
#[derive(Deserialize)]
struct WhatsappRequest {
    to_user_phone_number: String,
    account_id: u64,
    template_id: u64,
    #[serde(default)]
    variables: WhatsappVariables,
    #[serde(default)]
    interrupt_ongoing_conversation: bool,
}

#[derive(Deserialize, Default)]
struct WhatsappVariables {
    #[serde(default)]
    body: BTreeMap<String, String>,
    #[serde(default)]
    buttons: BTreeMap<String, String>,
}

/// `SendRCSMessageRequest` and `SendKakaoTalkMessageRequest`: one flat `variables` map.
#[derive(Deserialize)]
struct FlatRequest {
    to_user_phone_number: String,
    account_id: u64,
    template_id: u64,
    #[serde(default)]
    variables: BTreeMap<String, String>,
    #[serde(default)]
    interrupt_ongoing_conversation: bool,
}

pub async fn whatsapp(
    _caller: WhatsappSendCaller,
    State(emulator): State<Emulator>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let request: WhatsappRequest = parse(&body)?;
    let send = TemplateSend {
        channel: TemplateChannel::Whatsapp,
        to_user_phone_number: request.to_user_phone_number,
        account_id: request.account_id,
        template_id: request.template_id,
        variables: request.variables.body,
        button_variables: request.variables.buttons,
        interrupt_ongoing_conversation: request.interrupt_ongoing_conversation,
    };
    record(&emulator, send)
}

pub async fn rcs(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    flat(&emulator, TemplateChannel::Rcs, &body)
}

pub async fn kakaotalk(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    flat(&emulator, TemplateChannel::Kakaotalk, &body)
}

fn flat(
    emulator: &Emulator,
    channel: TemplateChannel,
    body: &[u8],
) -> Result<Json<Value>, ApiError> {
    let request: FlatRequest = parse(body)?;
    let send = TemplateSend {
        channel,
        to_user_phone_number: request.to_user_phone_number,
        account_id: request.account_id,
        template_id: request.template_id,
        button_variables: request.variables.clone(),
        variables: request.variables,
        interrupt_ongoing_conversation: request.interrupt_ongoing_conversation,
    };
    record(emulator, send)
}

fn parse<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|problem| {
        ApiError::new(StatusCode::BAD_REQUEST, "invalid-request-body")
            .with_details(problem.to_string())
    })
}

/// Records an accepted send (and notifies the template message it wrote into an interrupted
/// conversation); with `ALCMEON_EMULATOR_ENGAGEMENT_AUTO_ANSWER_SECS`, schedules the recipient's
/// answer to a WhatsApp send.
fn record(emulator: &Emulator, send: TemplateSend) -> Result<Json<Value>, ApiError> {
    let raw_number = send.to_user_phone_number.clone();
    let (channel, account_id, template_id) = (send.channel, send.account_id, send.template_id);
    let mut outcome = Err(SendRefusal::UnknownTemplate);
    emulator.record_all(|data| {
        outcome = data.send_template(send, Utc::now());
        outcome
            .as_ref()
            .ok()
            .map(|accepted| accepted.actions.clone())
    });
    let sent = outcome
        .map_err(|refusal| refused(refusal, &raw_number, account_id, template_id))?
        .sent;
    if let (TemplateChannel::Whatsapp, Some(delay)) =
        (channel, emulator.config.engagement_auto_answer)
    {
        let answer = customer_traffic::answer_engagement_later(
            emulator.clone(),
            sent.message_id.clone(),
            delay,
        );
        tokio::spawn(answer);
    }
    Ok(Json(json!({"status": "ok", "message_id": sent.message_id})))
}

fn refused(refusal: SendRefusal, number: &str, account_id: u64, template_id: u64) -> ApiError {
    let bad = |error: &str, details: String| {
        ApiError::new(StatusCode::BAD_REQUEST, error).with_details(details)
    };
    match refusal {
        SendRefusal::Phone(problem) => bad(problem.code(), problem.details(number)),
        SendRefusal::UnknownAccount => bad(
            "account-not-found",
            format!("No account {account_id} on this channel"),
        ),
        SendRefusal::UnknownTemplate => bad(
            "template-not-found",
            format!("No template {template_id} on account {account_id}"),
        ),
        SendRefusal::MissingVariable(label) => bad(
            "missing-variable",
            format!("No value for the placeholder {label}"),
        ),
        SendRefusal::OngoingConversation { .. } => {
            ApiError::new(StatusCode::FORBIDDEN, "ongoing-conversation")
                .with_details("The user has an ongoing conversation with the brand")
        }
    }
}
