//! The send endpoint and the profile and conversation custom fields during a scripted outage (`outage.rs` says
//! what each kind answers), and the controls that start one.

use std::time::Duration;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::emulator::Emulator;
use crate::error::ApiError;
use crate::outage::{Outage, OutageKind, Outages};
use crate::routes::json_body;

/// An outage beyond this is a typo (an hour).
const MAX_SECONDS: u64 = 3600;

/// Middleware for `POST /v1/answer/send`: serves the send, unless an outage is under way.
pub async fn answer_send(
    State(emulator): State<Emulator>,
    request: Request,
    next: Next,
) -> Response {
    during(emulator.outages.current(), request, next).await
}

/// Middleware for `GET`/`PUT /custom-field/users/{custom_field_user_id}`: serves the profile,
/// unless its outage is under way.
pub async fn custom_field_profile(
    State(emulator): State<Emulator>,
    request: Request,
    next: Next,
) -> Response {
    during(emulator.profile_outages.current(), request, next).await
}

/// Middleware for `GET`/`PUT /custom-field/conversations/{conversation_id}`: serves the
/// conversation's fields, unless their outage is under way.
pub async fn custom_field_conversation(
    State(emulator): State<Emulator>,
    request: Request,
    next: Next,
) -> Response {
    during(emulator.conversation_field_outages.current(), request, next).await
}

async fn during(outage: Option<Outage>, request: Request, next: Next) -> Response {
    let Some(outage) = outage else {
        return next.run(request).await;
    };
    match outage.kind {
        OutageKind::RateLimited => ApiError::rate_limited(outage.until_utc).into_response(),
        OutageKind::ServerError => {
            ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal-server-error")
                .into_response()
        }
        OutageKind::Hang => {
            tokio::time::sleep_until(outage.until.into()).await;
            ApiError::new(StatusCode::GATEWAY_TIMEOUT, "gateway-timeout").into_response()
        }
        OutageKind::HangAfterAccepting => {
            let response = next.run(request).await;
            tokio::time::sleep_until(outage.until.into()).await;
            response
        }
    }
}

#[derive(Deserialize)]
struct OutageRequest {
    answer: OutageKind,
    seconds: u64,
}

/// `POST /_emulator/outages/answer-send`: starts an outage of the send endpoint.
pub async fn start(State(emulator): State<Emulator>, body: Bytes) -> Result<Json<Value>, ApiError> {
    start_of(&emulator.outages, &body)
}

/// `POST /_emulator/outages/custom-field-profile`: starts an outage of the profile custom fields.
pub async fn start_profile(
    State(emulator): State<Emulator>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    start_of(&emulator.profile_outages, &body)
}

/// `POST /_emulator/outages/custom-field-conversation`: starts an outage of the conversation
/// custom fields.
pub async fn start_conversation_fields(
    State(emulator): State<Emulator>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    start_of(&emulator.conversation_field_outages, &body)
}

fn start_of(outages: &Outages, body: &Bytes) -> Result<Json<Value>, ApiError> {
    let request: OutageRequest = json_body::parse(body, "invalid-request-body")?;
    if !(1..=MAX_SECONDS).contains(&request.seconds) {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "invalid-seconds")
            .with_details(format!("seconds must be 1 to {MAX_SECONDS}")));
    }
    let outage = outages.start(request.answer, Duration::from_secs(request.seconds));
    Ok(Json(json!({
        "until": outage.until_utc.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    })))
}
