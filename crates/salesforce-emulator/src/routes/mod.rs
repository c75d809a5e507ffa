//! The HTTP surface: Salesforce's paths (`/services/oauth2/token`, then the REST API under
//! `/services/data/vNN.0/`, behind `guard`), and the emulator's own controls under `/_emulator/`.

mod body;
mod composite;
mod control;
mod guard;
mod oauth;
mod query;
mod sobjects;

use axum::Router;
use axum::http::{Method, StatusCode};
use axum::middleware;
use axum::routing::{get, patch, post};

use crate::emulator::Emulator;
use crate::error::ApiError;

pub fn router(emulator: Emulator) -> Router {
    let rest_api = Router::new()
        .route(
            "/services/data/{version}/sobjects/{object}",
            post(sobjects::create),
        )
        .route(
            "/services/data/{version}/sobjects/{object}/{id}",
            get(sobjects::get)
                .patch(sobjects::update)
                .delete(sobjects::delete),
        )
        .route(
            "/services/data/{version}/sobjects/{object}/{field}/{value}",
            get(sobjects::get_by_external_id).patch(sobjects::upsert),
        )
        .route("/services/data/{version}/query", get(query::run))
        .route(
            "/services/data/{version}/query/{cursor}",
            get(query::next_page),
        )
        .route(
            "/services/data/{version}/composite/sobjects",
            post(composite::create),
        )
        .route(
            "/services/data/{version}/composite/sobjects/{object}/{field}",
            patch(composite::upsert),
        )
        .route_layer(middleware::from_fn_with_state(
            emulator.clone(),
            guard::rest_api,
        ));
    Router::new()
        .route(
            "/services/oauth2/token",
            post(oauth::token).route_layer(middleware::from_fn_with_state(
                emulator.clone(),
                guard::outage_only,
            )),
        )
        .merge(rest_api)
        .nest("/_emulator", control::router())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(emulator)
}

async fn not_found() -> ApiError {
    ApiError::not_found()
}

async fn method_not_allowed(method: Method) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "METHOD_NOT_ALLOWED",
        format!("HTTP Method '{method}' not allowed"),
    )
}
