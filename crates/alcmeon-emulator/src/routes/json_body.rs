//! Reads a JSON request body into a typed value, failing with the API's error shape (axum's own
//! `Json` rejection would answer in plain text).

use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

pub fn parse<T: DeserializeOwned>(body: &[u8], error: &str) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|problem| {
        ApiError::new(StatusCode::BAD_REQUEST, error).with_details(problem.to_string())
    })
}
