//! The extractors handlers take, in place of axum's: the same extraction, with the rejection
//! mapped once, here, to [`AppError`] (axum's `customize-extractor-error` habit). Invariant: no
//! handler takes an axum `Path`, `Query`, `Json` or `Bytes` nor a `Result` of one, so a malformed
//! path, query or body is always a `bad_request` (a body over the limit `payload_too_large`) in
//! the one error shape, never axum's plain text.

use axum::extract::{FromRequest, FromRequestParts};
use axum::response::{IntoResponse, Response};

use super::AppError;

/// A path's parameters, e.g. `Path<(i64, ClientId)>`.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(AppError))]
pub struct Path<T>(pub T);

/// A query string.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(AppError))]
pub struct Query<T>(pub T);

/// A JSON body, and a JSON answer.
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Json), rejection(AppError))]
pub struct Json<T>(pub T);

impl<T> IntoResponse for Json<T>
where
    axum::Json<T>: IntoResponse,
{
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}
