//! `POST /v1/answer/send` (answer.yaml): validate, answer `started` at once, deliver later. The
//! advisor must be an active user account with a role (403 `insufficient-permissions`).

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;

use crate::answer_request::SendAnswerRequest;
use crate::auth::ApiCaller;
use crate::emulator::Emulator;
use crate::error::ApiError;

#[derive(Serialize)]
pub struct SendAnswerResponse {
    input_data: SendAnswerRequest,
    status: &'static str,
}

pub async fn send(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    body: Bytes,
) -> Result<Json<SendAnswerResponse>, ApiError> {
    let request = SendAnswerRequest::parse(&body)?;
    if !emulator
        .data
        .read(|data| data.may_answer(request.advisor_id))
    {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "insufficient-permissions",
        ));
    }
    if !emulator.data.read(|data| data.task_exists(request.task_id)) {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "task-not-found"));
    }
    emulator.answers.push(request.clone());
    Ok(Json(SendAnswerResponse {
        input_data: request,
        status: "started",
    }))
}
