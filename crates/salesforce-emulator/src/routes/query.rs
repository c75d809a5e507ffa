//! `GET /query?q=<SOQL>`: the subset `soql.rs` defines, answered as `{totalSize, done: true,
//! records: [{attributes: {type, url}, <selected fields>}]}` in one page (no `nextRecordsUrl`).
//! A query outside the subset is 400 `MALFORMED_QUERY`; an unknown object 400 `INVALID_TYPE`; an
//! unknown field 400 `INVALID_FIELD`.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::emulator::Emulator;
use crate::error::ApiError;
use crate::routes::body;
use crate::soql::{self, QueryError};

pub async fn run(
    State(emulator): State<Emulator>,
    Path(version): Path<String>,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    let text = params.get("q").ok_or_else(|| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "MALFORMED_QUERY",
            "A query string has to be specified",
        )
    })?;
    let query = soql::parse(text).map_err(refused)?;
    let records = emulator.data.read(|data| {
        let (object, records) = soql::run(&query, data)?;
        Ok(records
            .iter()
            .map(|row| {
                let fields = row.fields.keys().map(String::as_str);
                body::shown(&version, object, &row.id, &row.fields, fields)
            })
            .collect::<Vec<Value>>())
    });
    let records = records.map_err(refused)?;
    Ok(Json(
        json!({"totalSize": records.len(), "done": true, "records": records}),
    ))
}

fn refused(error: QueryError) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, error.code(), error.message())
}
