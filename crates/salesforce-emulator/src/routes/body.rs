//! Request bodies in, records out: the JSON parsing every write shares, and a record as the REST
//! API shows it (with its `attributes`).

use axum::body::Bytes;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::error::ApiError;
use crate::org_data::Record;
use crate::schema::{self, Object};

/// A JSON body, or Salesforce's 400 `JSON_PARSER_ERROR`.
pub fn parse<T: DeserializeOwned>(body: &Bytes) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(ApiError::json_parser)
}

/// The object named in a path, or 404 `NOT_FOUND` (Salesforce's answer for an unknown sObject).
pub fn object(name: &str) -> Result<&'static Object, ApiError> {
    schema::object(name).ok_or_else(ApiError::not_found)
}

/// `/services/data/{version}/sobjects/{Object}/{id}`.
pub fn record_url(version: &str, object: &Object, id: &str) -> String {
    format!("/services/data/{version}/sobjects/{}/{id}", object.name)
}

/// A record with its `attributes` (`type`, `url`) and the given fields, null when unset.
pub fn shown<'a>(
    version: &str,
    object: &Object,
    id: &str,
    record: &Record,
    fields: impl IntoIterator<Item = &'a str>,
) -> Value {
    let mut shown = Record::new();
    shown.insert(
        "attributes".to_owned(),
        json!({"type": object.name, "url": record_url(version, object, id)}),
    );
    for field in fields {
        let value = record.get(field).cloned().unwrap_or(Value::Null);
        shown.insert(field.to_owned(), value);
    }
    Value::Object(shown)
}
