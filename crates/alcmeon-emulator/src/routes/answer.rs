//! `POST /v1/answer/send` (answer.yaml): validate, answer `started` at once, deliver later. The
//! advisor must be an active user account with a role (403 `insufficient-permissions`).

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;

use crate::answer_request::SendAnswerRequest;
use crate::app_state::AppState;
use crate::auth::ApiCaller;
use crate::error::ApiError;

#[derive(Serialize)]
pub struct SendAnswerResponse {
    input_data: SendAnswerRequest,
    status: &'static str,
}

pub async fn send(
    _caller: ApiCaller,
    State(app): State<AppState>,
    body: Bytes,
) -> Result<Json<SendAnswerResponse>, ApiError> {
    let request = SendAnswerRequest::parse(&body)?;
    if !app.store.read(|state| state.may_answer(request.advisor_id)) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "insufficient-permissions",
        ));
    }
    if !app.store.read(|state| state.task_exists(request.task_id)) {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "task-not-found"));
    }
    app.answers.push(request.clone());
    Ok(Json(SendAnswerResponse {
        input_data: request,
        status: "started",
    }))
}
