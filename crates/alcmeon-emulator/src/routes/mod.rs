//! The HTTP surface: Alcméon's paths, then the emulator's own controls under `/_emulator/`.

mod accounts;
mod actions;
mod agent_controls;
mod answer;
mod control;
mod custom_fields;
mod engagement_controls;
mod json_body;
mod oauth;
mod optins;
mod outage;
mod template_lists;
mod template_sends;

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
        .route(
            "/v1/answer/send",
            post(answer::send).route_layer(middleware::from_fn_with_state(
                emulator.clone(),
                outage::answer_send,
            )),
        )
        .route("/v1/oauth2/token", post(oauth::token))
        .route("/roles", get(accounts::roles))
        .route("/teams", get(accounts::teams))
        .route("/accounts", post(accounts::create).get(accounts::list))
        .route("/accounts/{account_id}", post(accounts::update))
        .route("/v1/optins", get(optins::list).post(optins::create))
        .route(
            "/v1/optins/{optin_id}",
            get(optins::get).delete(optins::delete),
        )
        .route(
            "/v1/optins/{optin_id}/user-optins",
            get(optins::user_optins).post(optins::opt_in),
        )
        .route(
            "/v1/optins/{optin_id}/user-optins/{user_optin_id}",
            get(optins::user_optin),
        )
        .route(
            "/v1/optins/{optin_id}/user-optouts",
            get(optins::user_optouts),
        )
        .route(
            "/v1/optins/{optin_id}/user-optouts/{user_optout_id}",
            get(optins::user_optout),
        )
        .route("/v1/optins/{optin_id}/optout", post(optins::opt_out))
        .route("/v1/whatsapp/send/", post(template_sends::whatsapp))
        .route("/v1/rcs/send/", post(template_sends::rcs))
        .route("/v1/kakaotalk/send/", post(template_sends::kakaotalk))
        .route("/v1/rcs/templates", post(template_lists::rcs))
        .route("/v1/kakaotalk/templates", post(template_lists::kakaotalk))
        .route(
            "/custom-field/users/fields",
            get(custom_fields::definitions),
        )
        .route(
            "/custom-field/users/fields/{custom_field_id}",
            get(custom_fields::definition),
        )
        .route(
            "/custom-field/users/{custom_field_user_id}",
            get(custom_fields::profile)
                .put(custom_fields::set_profile)
                .route_layer(middleware::from_fn_with_state(
                    emulator.clone(),
                    outage::custom_field_profile,
                )),
        )
        .route(
            "/custom-field/conversations/{conversation_id}",
            get(custom_fields::conversation)
                .put(custom_fields::set_conversation)
                .route_layer(middleware::from_fn_with_state(
                    emulator.clone(),
                    outage::custom_field_conversation,
                )),
        )
        .route(
            "/custom-field/accounts/{social_media_account_id}/users",
            post(custom_fields::set_social_user),
        )
        .route(
            "/custom-field/accounts/{social_media_account_id}/users/{social_media_user_id}",
            get(custom_fields::social_user),
        )
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
