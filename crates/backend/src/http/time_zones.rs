//! `GET /v1/time-zones/{zone}`: the offsets of an IANA time zone (e.g. `Asia/Kathmandu`), so the
//! widget shows times in the agent's Salesforce time zone. 404 for a zone the tz database lacks.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::session::Agent;
use super::{AppError, AppState};

pub async fn rules(
    State(state): State<AppState>,
    _agent: Agent,
    Path(zone): Path<String>,
) -> Result<Response, AppError> {
    let rules = state
        .zones
        .rules(&zone)
        .ok_or_else(|| AppError::NotFound(format!("no time zone is named {zone:?}")))?;
    let cache = (
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=86400"),
    );
    Ok(([cache], Json(rules.as_ref().clone())).into_response())
}
