//! User custom fields (custom-field.yaml): `GET /custom-field/users/fields`,
//! `GET /custom-field/users/fields/{custom_field_id}`, `GET`/`PUT
//! /custom-field/users/{custom_field_user_id}`, `GET
//! /custom-field/accounts/{social_media_account_id}/users/{social_media_user_id}` and `POST
//! /custom-field/accounts/{social_media_account_id}/users` (which creates the user if missing).
//!
//! The spec names status codes but no error strings; these are the emulator's: 400
//! `invalid-request-body` and `invalid-field-value`, 403 `field-not-editable`, 404
//! `user-not-found` and `field-not-found`. `GET /custom-field/users/{id}` defines no error, so an
//! unknown profile has no values (`[]`). Conversation fields are not emulated.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;

use super::json_body;
use crate::alcmeon_data::{FieldMetadata, FieldRefusal, FieldValue};
use crate::auth::ApiCaller;
use crate::emulator::Emulator;
use crate::error::ApiError;

/// custom-field.yaml's `ResponseOk`.
const OK: &str = "ok";

pub async fn definitions(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
) -> Json<Vec<FieldMetadata>> {
    Json(
        emulator
            .data
            .read(|data| data.user_field_definitions().to_vec()),
    )
}

pub async fn definition(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    Path(field_id): Path<String>,
) -> Result<Json<FieldMetadata>, ApiError> {
    let not_found = || ApiError::new(StatusCode::NOT_FOUND, "field-not-found");
    let field_id: u64 = field_id.parse().map_err(|_| not_found())?;
    emulator
        .data
        .read(|data| data.user_field_definition(field_id).cloned())
        .map(Json)
        .ok_or_else(not_found)
}

pub async fn profile(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    Path(user_id): Path<String>,
) -> Json<Vec<FieldValue>> {
    let values = user_id
        .parse()
        .ok()
        .and_then(|id| emulator.data.read(|data| data.profile_fields(id)));
    Json(values.unwrap_or_default())
}

pub async fn set_profile(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    Path(user_id): Path<String>,
    body: Bytes,
) -> Result<Json<&'static str>, ApiError> {
    let user_id: u64 = user_id
        .parse()
        .map_err(|_| refused(FieldRefusal::UserNotFound))?;
    let values: Vec<FieldValue> = json_body::parse(&body, "invalid-request-body")?;
    emulator
        .data
        .update(|data| data.set_profile_fields(user_id, &values))
        .map_err(refused)?;
    Ok(Json(OK))
}

pub async fn social_user(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    Path((account_id, user_id)): Path<(String, String)>,
) -> Result<Json<Vec<FieldValue>>, ApiError> {
    account_id
        .parse()
        .ok()
        .and_then(|account_id| {
            emulator
                .data
                .read(|data| data.social_user_fields(account_id, &user_id))
        })
        .map(Json)
        .ok_or_else(|| refused(FieldRefusal::UserNotFound))
}

#[derive(Deserialize)]
struct SetSocialUserFields {
    user_id: String,
    fields: Vec<FieldValue>,
}

pub async fn set_social_user(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    Path(account_id): Path<String>,
    body: Bytes,
) -> Result<Json<&'static str>, ApiError> {
    let account_id: u64 = account_id.parse().map_err(|_| {
        ApiError::new(StatusCode::BAD_REQUEST, "invalid-request-body")
            .with_details("social_media_account_id is not an integer")
    })?;
    let request: SetSocialUserFields = json_body::parse(&body, "invalid-request-body")?;
    emulator
        .data
        .update(|data| data.set_social_user_fields(account_id, &request.user_id, &request.fields))
        .map_err(refused)?;
    Ok(Json(OK))
}

pub async fn conversation(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    Path(conversation_id): Path<String>,
) -> Json<Vec<FieldValue>> {
    let values = conversation_id
        .parse()
        .ok()
        .map(|id| emulator.data.read(|data| data.conversation_fields(id)));
    Json(values.unwrap_or_default())
}

pub async fn set_conversation(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    Path(conversation_id): Path<String>,
    body: Bytes,
) -> Result<Json<&'static str>, ApiError> {
    let conversation_id: u64 = conversation_id
        .parse()
        .map_err(|_| refused(FieldRefusal::ConversationNotFound))?;
    let values: Vec<FieldValue> = json_body::parse(&body, "invalid-request-body")?;
    emulator
        .data
        .update(|data| data.set_conversation_fields(conversation_id, &values))
        .map_err(refused)?;
    Ok(Json(OK))
}

fn refused(refusal: FieldRefusal) -> ApiError {
    match refusal {
        FieldRefusal::UserNotFound => ApiError::new(StatusCode::NOT_FOUND, "user-not-found"),
        FieldRefusal::ConversationNotFound => {
            ApiError::new(StatusCode::NOT_FOUND, "conversation-not-found")
        }
        FieldRefusal::NotEditable(field_id) => {
            ApiError::new(StatusCode::FORBIDDEN, "field-not-editable").with_details(format!(
                "field {field_id} is not an editable custom field of this kind"
            ))
        }
        FieldRefusal::InvalidValue(field_id) => {
            ApiError::new(StatusCode::BAD_REQUEST, "invalid-field-value")
                .with_details(format!("the value of field {field_id} is not of its type"))
        }
        FieldRefusal::UnknownAccount(account_id) => {
            ApiError::new(StatusCode::BAD_REQUEST, "invalid-request-body")
                .with_details(format!("no social media account {account_id}"))
        }
    }
}
