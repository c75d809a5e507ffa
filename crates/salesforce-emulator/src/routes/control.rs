//! Emulator-only controls, for tests and demos. Salesforce has none of them; they need no token,
//! are not counted against the API budget, and answer even during an outage. Errors keep
//! Salesforce's shape.
//!
//! - `GET /_emulator/health`: `{"status": "ok"}`.
//! - `POST /_emulator/grants/{username}/revoke`: the user's grant to the Connected App is
//!   revoked (as an admin does under Connected Apps OAuth Usage): the access tokens issued to the
//!   user stop working at once, and the JWT bearer flow refuses the user. Returns
//!   `{"sessions_ended": n}`; 404 `NOT_FOUND` for an unknown user.
//! - `POST /_emulator/grants/{username}/restore`: the user authorizes the app again (tokens ended
//!   by the revocation stay ended). Returns `{}`; 404 as above.
//! - `POST /_emulator/outage` with `{"seconds": n}`: every Salesforce endpoint answers 503 for n
//!   seconds (0 ends an outage, at most 3,600). Returns `{"seconds": n}`.
//! - `GET /_emulator/api-usage`: `{"used": n, "limit": m}`, today's count;
//!   `PUT /_emulator/api-usage` with `{"used": n}` sets it (0 resets it).
//! - `GET /_emulator/token-requests`: `{"granted": n, "refused": m}`, the answers of the token
//!   endpoint since start (those an outage refused aside).
//! - `GET /_emulator/records/{Object}`: every record of the object, oldest first, with every
//!   field it holds (as stored, without `attributes`); 404 for an unknown object.
//! - `POST /_emulator/records/{Object}` with the fields: a user of the org creates the record in
//!   Salesforce's own pages (same field checks as the API, no token, not counted). Returns
//!   `{"id"}`; `PATCH /_emulator/records/{Object}/{Id}` changes fields the same way (`{}`).

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, patch, post};
use axum::{Json, Router};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::emulator::Emulator;
use crate::error::ApiError;
use crate::ids;
use crate::org_data::Record;
use crate::routes::body;

/// An outage beyond this is a typo (an hour).
const MAX_OUTAGE_SECONDS: u64 = 3600;

pub fn router() -> Router<Emulator> {
    Router::new()
        .route("/health", get(|| async { Json(json!({"status": "ok"})) }))
        .route("/grants/{username}/revoke", post(revoke))
        .route("/grants/{username}/restore", post(restore))
        .route("/outage", post(outage))
        .route("/api-usage", get(api_usage).put(set_api_usage))
        .route("/token-requests", get(token_requests))
        .route("/records/{object}", get(records).post(create_record))
        .route("/records/{object}/{id}", patch(update_record))
}

async fn revoke(
    State(emulator): State<Emulator>,
    Path(username): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let ended = emulator.data.update(|data| data.revoke(&username));
    let ended = ended.ok_or_else(|| unknown_user(&username))?;
    Ok(Json(json!({"sessions_ended": ended})))
}

async fn restore(
    State(emulator): State<Emulator>,
    Path(username): Path<String>,
) -> Result<Json<Value>, ApiError> {
    if emulator.data.update(|data| data.restore(&username)) {
        Ok(Json(json!({})))
    } else {
        Err(unknown_user(&username))
    }
}

fn unknown_user(username: &str) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "NOT_FOUND",
        format!("No user {username}"),
    )
}

#[derive(Deserialize)]
struct OutageRequest {
    seconds: u64,
}

async fn outage(State(emulator): State<Emulator>, request: Bytes) -> Result<Json<Value>, ApiError> {
    let OutageRequest { seconds } = body::parse(&request)?;
    if seconds > MAX_OUTAGE_SECONDS {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "INVALID_SECONDS",
            format!("seconds must be 0 to {MAX_OUTAGE_SECONDS}"),
        ));
    }
    emulator.outage.start(Duration::from_secs(seconds));
    Ok(Json(json!({"seconds": seconds})))
}

async fn api_usage(State(emulator): State<Emulator>) -> Json<Value> {
    let used = emulator.data.read(|data| data.calls_used(Utc::now()));
    Json(json!({"used": used, "limit": emulator.config.daily_api_limit}))
}

#[derive(Deserialize)]
struct UsageRequest {
    used: u64,
}

async fn set_api_usage(
    State(emulator): State<Emulator>,
    request: Bytes,
) -> Result<Json<Value>, ApiError> {
    let UsageRequest { used } = body::parse(&request)?;
    emulator
        .data
        .update(|data| data.set_calls_used(used, Utc::now()));
    Ok(api_usage(State(emulator)).await)
}

async fn token_requests(State(emulator): State<Emulator>) -> Json<Value> {
    let (granted, refused) = emulator.token_requests.counts();
    Json(json!({"granted": granted, "refused": refused}))
}

async fn records(
    State(emulator): State<Emulator>,
    Path(object): Path<String>,
) -> Result<Json<Vec<Value>>, ApiError> {
    let object = body::object(&object)?;
    let records = emulator.data.read(|data| {
        data.records(object)
            .map(|record| Value::Object(record.clone()))
            .collect()
    });
    Ok(Json(records))
}

async fn create_record(
    State(emulator): State<Emulator>,
    Path(object): Path<String>,
    request: Bytes,
) -> Result<Json<Value>, ApiError> {
    let object = body::object(&object)?;
    let fields: Record = body::parse(&request)?;
    let id = emulator
        .data
        .update(|data| data.create(object, &fields, Utc::now()))?;
    Ok(Json(json!({"id": id})))
}

async fn update_record(
    State(emulator): State<Emulator>,
    Path((object, id)): Path<(String, String)>,
    request: Bytes,
) -> Result<Json<Value>, ApiError> {
    let object = body::object(&object)?;
    let fields: Record = body::parse(&request)?;
    emulator.data.update(|data| {
        let Some(full) = ids::full(&id).filter(|full| data.get(object, full).is_some()) else {
            return Err(ApiError::new(
                StatusCode::NOT_FOUND,
                "NOT_FOUND",
                format!("No {} {id}", object.name),
            ));
        };
        Ok(data.update(object, &full, &fields, Utc::now())?)
    })?;
    Ok(Json(json!({})))
}
