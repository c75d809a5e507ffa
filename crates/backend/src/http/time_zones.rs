//! `GET /v1/time-zones/{zone}`: the offsets of an IANA time zone (e.g. `Asia/Kathmandu`), so the
//! widget shows times in the agent's Salesforce time zone. 404 for a zone the tz database lacks.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use protocol::{ApiError, ZoneRules};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::extract::{Json, Path};
use super::session::Agent;
use super::{AppError, AppState};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(rules))
}

/// The offsets of an IANA time zone from 2000 to 2040. The zone's name keeps its slash unescaped
/// (`/v1/time-zones/Europe/Paris`): axum matches the rest of the path (`{*zone}`), which the
/// description lists as `{zone}`.
#[utoipa::path(
    get,
    path = "/v1/time-zones/{*zone}",
    operation_id = "getTimeZoneRules",
    tag = "time zones",
    params(("zone" = String, Path, description = "An IANA zone name, e.g. `Asia/Kathmandu`", example = "Europe/Paris")),
    security(("session" = [])),
    responses(
        (status = 200, description = "The zone's offsets", body = ZoneRules),
        (status = 401, description = "No valid session token", body = ApiError),
        (status = 404, description = "The tz database has no zone by that name", body = ApiError),
    )
)]
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
