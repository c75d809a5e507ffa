//! sObject rows: `POST /sobjects/{Object}` (201 `{id, success, errors}`), `GET`, `PATCH` (204) and
//! `DELETE` (204) `/sobjects/{Object}/{Id}`, and by External ID `GET` and `PATCH
//! /sobjects/{Object}/{ExternalIdField}/{value}`, an upsert (201 `created: true`, or 200
//! `created: false`). `GET` takes `?fields=a,b`. An unknown object or record is 404
//! `NOT_FOUND`; a refused write is 400 with the field check's error (`org_data/writes.rs`).

use std::collections::HashMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde_json::{Value, json};

use crate::emulator::Emulator;
use crate::error::{ApiError, RecordError};
use crate::org_data::Record;
use crate::routes::body;
use crate::schema::{Field, Object};

pub async fn create(
    State(emulator): State<Emulator>,
    Path((_version, object)): Path<(String, String)>,
    request: Bytes,
) -> Result<Response, ApiError> {
    let object = body::object(&object)?;
    let fields: Record = body::parse(&request)?;
    let id = emulator
        .data
        .update(|data| data.create(object, &fields, Utc::now()))?;
    let answer = json!({"id": id, "success": true, "errors": []});
    Ok((StatusCode::CREATED, Json(answer)).into_response())
}

pub async fn get(
    State(emulator): State<Emulator>,
    Path((version, object, id)): Path<(String, String, String)>,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    let object = body::object(&object)?;
    let fields = selected(object, params.get("fields"))?;
    shown(&emulator, &version, object, &id, fields)
}

/// `GET /sobjects/{Object}/{ExternalIdField}/{value}`: the record by External ID.
pub async fn get_by_external_id(
    State(emulator): State<Emulator>,
    Path((version, object, field, value)): Path<(String, String, String, String)>,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    let object = body::object(&object)?;
    let field = external_id_field(object, &field)?;
    let fields = selected(object, params.get("fields"))?;
    let id = emulator
        .data
        .read(|data| data.find_by_external_id(object, field.name, &value))
        .ok_or_else(ApiError::not_found)?;
    shown(&emulator, &version, object, &id, fields)
}

/// The fields `?fields=` names, or every field.
fn selected(object: &Object, names: Option<&String>) -> Result<Vec<&'static str>, ApiError> {
    let Some(names) = names else {
        return Ok(object.all_fields().map(|field| field.name).collect());
    };
    names
        .split(',')
        .map(str::trim)
        .map(|name| {
            object.field(name).map(|field| field.name).ok_or_else(|| {
                ApiError::bad_request(RecordError::new(
                    "INVALID_FIELD",
                    format!("No such column '{name}' on entity '{}'", object.name),
                ))
            })
        })
        .collect()
}

fn shown(
    emulator: &Emulator,
    version: &str,
    object: &Object,
    id: &str,
    fields: Vec<&str>,
) -> Result<Json<Value>, ApiError> {
    emulator
        .data
        .read(|data| {
            let record = data.get(object, id)?;
            let id = record.get("Id").and_then(Value::as_str).unwrap_or(id);
            Some(body::shown(version, object, id, record, fields))
        })
        .map(Json)
        .ok_or_else(ApiError::not_found)
}

pub async fn update(
    State(emulator): State<Emulator>,
    Path((_version, object, id)): Path<(String, String, String)>,
    request: Bytes,
) -> Result<StatusCode, ApiError> {
    let object = body::object(&object)?;
    let fields: Record = body::parse(&request)?;
    emulator.data.update(|data| {
        if data.get(object, &id).is_none() {
            return Err(ApiError::not_found());
        }
        Ok(data.update(object, &id, &fields, Utc::now())?)
    })?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn delete(
    State(emulator): State<Emulator>,
    Path((_version, object, id)): Path<(String, String, String)>,
) -> Result<StatusCode, ApiError> {
    let object = body::object(&object)?;
    if emulator.data.update(|data| data.delete(object, &id)) {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found())
    }
}

pub async fn upsert(
    State(emulator): State<Emulator>,
    Path((_version, object, field, value)): Path<(String, String, String, String)>,
    request: Bytes,
) -> Result<Response, ApiError> {
    let object = body::object(&object)?;
    let field = external_id_field(object, &field)?;
    let fields: Record = body::parse(&request)?;
    let upserted = emulator
        .data
        .update(|data| data.upsert(object, field, &value, &fields, Utc::now()))?;
    let status = if upserted.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let answer =
        json!({"id": upserted.id, "success": true, "errors": [], "created": upserted.created});
    Ok((status, Json(answer)).into_response())
}

/// The object's External ID field named `name`, or 404 as Salesforce answers.
pub fn external_id_field(object: &Object, name: &str) -> Result<&'static Field, ApiError> {
    object
        .field(name)
        .filter(|field| field.external_id)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "NOT_FOUND",
                format!("Provided external ID field does not exist or is not accessible: {name}"),
            )
        })
}
