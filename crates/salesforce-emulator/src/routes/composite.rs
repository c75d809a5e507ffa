//! sObject collections: `POST /composite/sobjects` creates up to 200 records of any objects
//! (each names its own in `attributes.type`); `PATCH /composite/sobjects/{Object}/{ExternalIdField}`
//! upserts up to 200 records of one object by External ID. Both take `{"allOrNone": bool,
//! "records": [...]}` and answer 200 with one result per record, in order: `{id, success: true,
//! errors: []}` (upserts add `created`), or `{success: false, errors: [{statusCode, message,
//! fields}]}`. With `allOrNone`, one failure undoes every write of the request. More than 200
//! records is 400 `EXCEEDED_ID_LIMIT` for the whole request.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::Utc;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::emulator::Emulator;
use crate::error::{ApiError, RecordError};
use crate::org_data::{Record, Upserted};
use crate::routes::{body, sobjects};
use crate::schema::{self, Object};

/// Salesforce's cap on a collection request.
pub const MAX_RECORDS: usize = 200;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Collection {
    #[serde(default)]
    all_or_none: bool,
    records: Vec<Record>,
}

fn parsed(request: &Bytes) -> Result<Collection, ApiError> {
    let collection: Collection = body::parse(request)?;
    if collection.records.len() > MAX_RECORDS {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "EXCEEDED_ID_LIMIT",
            format!(
                "record limit reached. cannot submit more than {MAX_RECORDS} records into this call"
            ),
        ));
    }
    Ok(collection)
}

/// The object a record names in `attributes.type`.
fn record_type(record: &Record) -> Result<&'static Object, RecordError> {
    let named = record
        .get("attributes")
        .and_then(|attributes| attributes.get("type"))
        .and_then(Value::as_str);
    match named {
        Some(name) => schema::object(name).ok_or_else(|| {
            RecordError::new(
                "INVALID_TYPE",
                format!("sObject type '{name}' is not supported."),
            )
        }),
        None => Err(RecordError::new(
            "INVALID_TYPE",
            "Must send a concrete entity type.",
        )),
    }
}

pub async fn create(
    State(emulator): State<Emulator>,
    request: Bytes,
) -> Result<Json<Vec<Value>>, ApiError> {
    let collection = parsed(&request)?;
    let records = &collection.records;
    let results = emulator.data.update(|data| {
        data.write_all(collection.all_or_none, records.len(), |data, n| {
            let object = record_type(&records[n])?;
            data.create(object, &records[n], Utc::now())
        })
    });
    Ok(Json(
        results
            .into_iter()
            .map(|result| shown(result.map(|id| (id, None))))
            .collect(),
    ))
}

pub async fn upsert(
    State(emulator): State<Emulator>,
    Path((_version, object, field)): Path<(String, String, String)>,
    request: Bytes,
) -> Result<Json<Vec<Value>>, ApiError> {
    let object = body::object(&object)?;
    let field = sobjects::external_id_field(object, &field)?;
    let collection = parsed(&request)?;
    let records = &collection.records;
    let results = emulator.data.update(|data| {
        data.write_all(collection.all_or_none, records.len(), |data, n| {
            let record = &records[n];
            if record_type(record)?.name != object.name {
                return Err(RecordError::new(
                    "INVALID_TYPE",
                    format!("Every record must be of type {}", object.name),
                ));
            }
            let value = record
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(field.name))
                .and_then(|(_, value)| value.as_str())
                .filter(|value| !value.is_empty())
                .ok_or_else(|| {
                    RecordError::new("MISSING_ARGUMENT", format!("{} not specified", field.name))
                        .on(field.name)
                })?;
            data.upsert(object, field, value, record, Utc::now())
        })
    });
    Ok(Json(
        results
            .into_iter()
            .map(|result| shown(result.map(|Upserted { id, created }| (id, Some(created)))))
            .collect(),
    ))
}

fn shown(result: Result<(String, Option<bool>), RecordError>) -> Value {
    match result {
        Ok((id, created)) => {
            let mut shown = json!({"id": id, "success": true, "errors": []});
            if let Some(created) = created {
                shown["created"] = Value::Bool(created);
            }
            shown
        }
        Err(error) => json!({"success": false, "errors": [error]}),
    }
}
