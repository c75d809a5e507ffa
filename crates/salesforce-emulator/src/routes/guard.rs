//! What every REST API call goes through before its handler, in this order:
//! 1. a scripted outage answers 503 `SERVER_UNAVAILABLE` (the token endpoint too);
//! 2. a path version other than `vNN.0` answers 404 `NOT_FOUND`;
//! 3. a missing, unknown, expired or revoked access token (`Authorization: Bearer …`, or Salesforce's
//!    older `OAuth …`) answers 401 `INVALID_SESSION_ID`;
//! 4. the org's daily budget spent answers 403 `REQUEST_LIMIT_EXCEEDED` (not counted); otherwise
//!    the call is counted and served.
//!
//! Every REST API answer, refusals included, carries `Sforce-Limit-Info: api-usage=N/M`.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use crate::emulator::Emulator;
use crate::error::ApiError;

pub const LIMIT_HEADER: &str = "sforce-limit-info";

/// Middleware of the token endpoint: only the outage applies.
pub async fn outage_only(
    State(emulator): State<Emulator>,
    request: Request,
    next: Next,
) -> Response {
    match outage(&emulator) {
        Some(refusal) => refusal.into_response(),
        None => next.run(request).await,
    }
}

/// Middleware of every `/services/data/` route.
pub async fn rest_api(State(emulator): State<Emulator>, request: Request, next: Next) -> Response {
    let mut response = match admit(&emulator, &request) {
        Ok(()) => next.run(request).await,
        Err(refusal) => refusal.into_response(),
    };
    let limit = emulator.config.daily_api_limit;
    let used = emulator.data.read(|data| data.calls_used(Utc::now()));
    if let Ok(value) = HeaderValue::from_str(&format!("api-usage={used}/{limit}")) {
        response.headers_mut().insert(LIMIT_HEADER, value);
    }
    response
}

fn admit(emulator: &Emulator, request: &Request) -> Result<(), ApiError> {
    if let Some(refusal) = outage(emulator) {
        return Err(refusal);
    }
    let version = request.uri().path().split('/').nth(3).unwrap_or_default();
    if !is_api_version(version) {
        return Err(ApiError::not_found());
    }
    let token = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| {
            value
                .strip_prefix("Bearer ")
                .or_else(|| value.strip_prefix("OAuth "))
        })
        .map(str::trim)
        .unwrap_or_default();
    let now = Utc::now();
    if emulator
        .data
        .read(|data| data.session(token, now).is_none())
    {
        return Err(ApiError::invalid_session());
    }
    let limit = emulator.config.daily_api_limit;
    emulator
        .data
        .update_unsaved(|data| data.count_call(limit, now))
        .map(|_| ())
        .map_err(|_| {
            ApiError::new(
                StatusCode::FORBIDDEN,
                "REQUEST_LIMIT_EXCEEDED",
                "TotalRequests Limit exceeded.",
            )
        })
}

fn outage(emulator: &Emulator) -> Option<ApiError> {
    emulator.outage.remaining().map(|_| {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "SERVER_UNAVAILABLE",
            "Server is temporarily unavailable. Please try again later.",
        )
    })
}

/// `v62.0` and the like.
fn is_api_version(segment: &str) -> bool {
    segment
        .strip_prefix('v')
        .and_then(|rest| rest.strip_suffix(".0"))
        .is_some_and(|major| !major.is_empty() && major.bytes().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::is_api_version;

    #[test]
    fn only_whole_api_versions_are_accepted() {
        assert!(is_api_version("v62.0"));
        assert!(is_api_version("v40.0"));
        assert!(!is_api_version("v62.1"));
        assert!(!is_api_version("62.0"));
        assert!(!is_api_version("v.0"));
    }
}
