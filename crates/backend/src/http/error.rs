//! The one error shape. Invariant: every failure a handler or an extractor returns becomes a
//! `protocol::ApiError` here (`code`, human `message`, optional `retry_after`), with the HTTP status
//! its `ErrorCode` names; a store failure is logged and never shown.

use std::error::Error as _;

use axum::Json;
use axum::extract::rejection::{BytesRejection, JsonRejection, PathRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use protocol::{ApiError, ErrorCode, ReplyBlock};

use crate::store::StoreError;

/// Every failure a handler can return; each becomes the one JSON error shape of `protocol`.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A widget request without a valid session token; the same words whatever the cause, which
    /// only the log names (`session.rs`).
    #[error("the session token was refused")]
    SessionRefused,
    #[error("{0}")]
    Unauthenticated(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    BadRequest(String),
    #[error("the request body is larger than this backend accepts")]
    PayloadTooLarge,
    /// Alcméon answered an error or could not be reached (the cause is logged where it happened).
    #[error("{0}")]
    Upstream(String),
    /// The replica knows no Alcméon customer for the conversation: nothing to link to a Contact.
    #[error("{0}")]
    NoCustomer(String),
    #[error("{}", blocked_message(*.0))]
    ReplyBlocked(ReplyBlock),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn blocked_message(block: ReplyBlock) -> &'static str {
    match block {
        ReplyBlock::NoPermission => "this agent is not allowed to reply",
        ReplyBlock::ConversationClosed => {
            "the conversation is archived: it takes no reply until the customer writes again"
        }
        ReplyBlock::ReplyWindowClosed => {
            "the channel's reply window has closed since the customer last wrote"
        }
    }
}

/// A malformed path, query or body is a `bad_request` (a body over the limit `payload_too_large`)
/// in the one error shape, not axum's text. The extractors of `extract.rs` use these, so each
/// rejection is mapped here only.
macro_rules! bad_request_from {
    ($($rejection:ty),*) => {$(
        impl From<$rejection> for AppError {
            fn from(rejection: $rejection) -> Self {
                Self::bad_request_or_too_large(rejection.status(), rejection.body_text())
            }
        }
    )*};
}
bad_request_from!(PathRejection, QueryRejection, BytesRejection);

/// A JSON body whose fields do not fit says which field and why (e.g. `client_id: client_id must
/// be 1 to 64 characters among …`), from the protocol type's own validation.
impl From<JsonRejection> for AppError {
    fn from(rejection: JsonRejection) -> Self {
        match &rejection {
            JsonRejection::JsonDataError(error) => Self::BadRequest(format!(
                "the request body does not fit: {}",
                error
                    .source()
                    .map_or_else(|| error.body_text(), ToString::to_string)
            )),
            _ => Self::bad_request_or_too_large(rejection.status(), rejection.body_text()),
        }
    }
}

impl AppError {
    fn bad_request_or_too_large(status: StatusCode, text: String) -> Self {
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            Self::PayloadTooLarge
        } else {
            Self::BadRequest(text)
        }
    }

    fn code(&self) -> ErrorCode {
        match self {
            Self::SessionRefused | Self::Unauthenticated(_) => ErrorCode::Unauthenticated,
            Self::Forbidden(_) => ErrorCode::Forbidden,
            Self::NotFound(_) => ErrorCode::NotFound,
            Self::Conflict(_) => ErrorCode::Conflict,
            Self::BadRequest(_) => ErrorCode::BadRequest,
            Self::PayloadTooLarge => ErrorCode::PayloadTooLarge,
            Self::Upstream(_) => ErrorCode::UpstreamUnavailable,
            Self::NoCustomer(_) => ErrorCode::NoCustomer,
            Self::ReplyBlocked(block) => block.error_code(),
            Self::Store(StoreError::InvalidAction(_)) => ErrorCode::BadRequest,
            Self::Store(_) => ErrorCode::Internal,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let code = self.code();
        let message = match &self {
            Self::Store(error) if code == ErrorCode::Internal => {
                tracing::error!(%error, "store failure");
                "the backend could not read or write its data".to_owned()
            }
            other => other.to_string(),
        };
        let status =
            StatusCode::from_u16(code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (
            status,
            Json(ApiError {
                code,
                message,
                retry_after: None,
            }),
        )
            .into_response()
    }
}
