//! The one error body of the emulated API: `{"error": "...", "details": "..."}` (the spec's
//! `ResponseError`, `UnsuccessfulResponse` and `RateLimitResponseError` all share it).

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiError {
    #[serde(skip)]
    pub status: StatusCode,
    pub error: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
}

impl ApiError {
    pub fn new(status: StatusCode, error: &str) -> ApiError {
        ApiError {
            status,
            error: error.to_owned(),
            details: None,
        }
    }

    pub fn with_details(mut self, details: impl Into<String>) -> ApiError {
        self.details = Some(details.into());
        self
    }

    pub fn unauthorized(details: &str) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized").with_details(details)
    }

    /// `details` is a Python dict's repr inside a string, exactly as the spec shows it.
    pub fn rate_limited(until: DateTime<Utc>) -> ApiError {
        let until = until.format("%Y-%m-%dT%H:%M:%SZ");
        ApiError::new(StatusCode::TOO_MANY_REQUESTS, "Rate limit reached")
            .with_details(format!("{{'rate_limited_until': '{until}'}}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(&self)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rate_limit_body_matches_the_spec_example() {
        let until = DateTime::parse_from_rfc3339("2024-01-22T13:05:41.5Z")
            .unwrap()
            .to_utc();
        let body = serde_json::to_value(ApiError::rate_limited(until)).unwrap();
        assert_eq!(
            body,
            serde_json::json!({
                "error": "Rate limit reached",
                "details": "{'rate_limited_until': '2024-01-22T13:05:41Z'}"
            })
        );
    }
}
