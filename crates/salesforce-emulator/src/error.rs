//! Salesforce's error shapes. The REST API answers a list, `[{"message", "errorCode",
//! "fields"}]` ([`ApiError`]); an sObject collection reports each record's problems inside its
//! result as `{"statusCode", "message", "fields"}` ([`RecordError`]); the OAuth token endpoint
//! answers `{"error", "error_description"}` ([`OAuthError`]).

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::json;

/// One problem with one record, as the data layer reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordError {
    #[serde(rename = "statusCode")]
    pub code: &'static str,
    pub message: String,
    pub fields: Vec<String>,
}

impl RecordError {
    pub fn new(code: &'static str, message: impl Into<String>) -> RecordError {
        RecordError {
            code,
            message: message.into(),
            fields: Vec::new(),
        }
    }

    pub fn on(mut self, field: &str) -> RecordError {
        self.fields.push(field.to_owned());
        self
    }
}

/// A REST API error answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub error: RecordError,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            error: RecordError::new(code, message),
        }
    }

    pub fn bad_request(error: RecordError) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            error,
        }
    }

    pub fn not_found() -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "NOT_FOUND",
            "The requested resource does not exist",
        )
    }

    pub fn invalid_session() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "INVALID_SESSION_ID",
            "Session expired or invalid",
        )
    }

    pub fn json_parser(problem: impl std::fmt::Display) -> ApiError {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "JSON_PARSER_ERROR",
            problem.to_string(),
        )
    }
}

impl From<RecordError> for ApiError {
    fn from(error: RecordError) -> ApiError {
        ApiError::bad_request(error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!([{
            "message": self.error.message,
            "errorCode": self.error.code,
            "fields": self.error.fields,
        }]);
        (self.status, Json(body)).into_response()
    }
}

/// An OAuth token endpoint refusal, always 400.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OAuthError {
    pub error: &'static str,
    pub error_description: &'static str,
}

impl OAuthError {
    pub fn invalid_grant(error_description: &'static str) -> OAuthError {
        OAuthError {
            error: "invalid_grant",
            error_description,
        }
    }
}

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        (StatusCode::BAD_REQUEST, Json(self)).into_response()
    }
}
