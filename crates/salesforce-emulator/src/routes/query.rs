//! `GET /query?q=<SOQL>`: the subset `soql.rs` defines, answered as `{totalSize, done, records:
//! [{attributes: {type, url}, <selected fields>}]}`, in batches (`query_cursors.rs`): while
//! records remain, `done` is false and `nextRecordsUrl` names `GET /query/{locator}-{offset}`,
//! which answers the next batch the same way. A query outside the subset is 400
//! `MALFORMED_QUERY`; an unknown object 400 `INVALID_TYPE`; an unknown field 400 `INVALID_FIELD`;
//! a cursor not open 400 `INVALID_QUERY_LOCATOR`.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Value, json};

use crate::emulator::Emulator;
use crate::error::ApiError;
use crate::query_cursors::{Page, batch_size};
use crate::routes::body;
use crate::soql::{self, QueryError};

const QUERY_OPTIONS: &str = "sforce-query-options";

pub async fn run(
    State(emulator): State<Emulator>,
    Path(version): Path<String>,
    Query(params): Query<HashMap<String, String>>,
    headers: HeaderMap,
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
    let options = headers.get(QUERY_OPTIONS).and_then(|v| v.to_str().ok());
    let (page, locator) = emulator.query_cursors.first(records, batch_size(options));
    Ok(answer(&version, page, locator.as_deref()))
}

pub async fn next_page(
    State(emulator): State<Emulator>,
    Path((version, cursor)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let page = cursor
        .rsplit_once('-')
        .and_then(|(locator, offset)| Some((locator, offset.parse().ok()?)))
        .and_then(|(locator, offset)| {
            let page = emulator.query_cursors.page(locator, offset)?;
            Some((locator, page))
        });
    let Some((locator, page)) = page else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "INVALID_QUERY_LOCATOR",
            "invalid query locator",
        ));
    };
    Ok(answer(&version, page, Some(locator)))
}

fn answer(version: &str, page: Page, locator: Option<&str>) -> Json<Value> {
    let mut answer = json!({
        "totalSize": page.total,
        "done": page.next.is_none(),
        "records": page.records,
    });
    if let (Some(offset), Some(locator)) = (page.next, locator) {
        answer["nextRecordsUrl"] =
            json!(format!("/services/data/{version}/query/{locator}-{offset}"));
    }
    Json(answer)
}

fn refused(error: QueryError) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, error.code(), error.message())
}
