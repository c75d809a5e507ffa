//! The HTTP surface: Alcméon's paths, then the emulator's own controls under `/_emulator/`.

mod accounts;
mod actions;
mod agent_controls;
mod answer;
mod control;
mod json_body;
mod oauth;

use axum::Router;
use axum::http::StatusCode;
use axum::middleware;
use axum::routing::{get, post};

use crate::call_log;
use crate::emulator::Emulator;
use crate::error::ApiError;

pub fn router(emulator: Emulator) -> Router {
    Router::new()
        .route("/actions", get(actions::list))
        .route(
            "/actions/conversations/{conversation_id}",
            get(actions::of_conversation),
        )
        .route("/v1/answer/send", post(answer::send))
        .route("/v1/oauth2/token", post(oauth::token))
        .route("/roles", get(accounts::roles))
        .route("/teams", get(accounts::teams))
        .route("/accounts", post(accounts::create).get(accounts::list))
        .route("/accounts/{account_id}", post(accounts::update))
        .route_layer(middleware::from_fn_with_state(
            emulator.calls.clone(),
            call_log::record,
        ))
        .nest("/_emulator", control::router())
        .fallback(not_found)
        .with_state(emulator)
}

async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not-found")
}
