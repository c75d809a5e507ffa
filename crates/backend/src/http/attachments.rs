//! `GET /v1/conversations/{id}/attachments/{attachment_id}`: a file a message carries, as bytes.
//!
//! Files come from customers, so they are untrusted: only the image types the widget previews
//! (`protocol::Attachment::is_previewable_image`, never SVG) keep their type; anything else is an
//! `application/octet-stream` download. Nothing is sniffed, and the sandbox CSP keeps a file opened
//! directly from running script.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use protocol::ApiError;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::extract::Path;
use super::grant::Granted;
use super::{AppError, AppState};

const DOWNLOAD_TYPE: &str = "application/octet-stream";

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(download))
}

/// A file a message carries: a previewable image as itself, anything else as a download.
#[utoipa::path(
    get,
    path = "/v1/conversations/{conversation_id}/attachments/{attachment_id}",
    operation_id = "downloadAttachment",
    tag = "conversations",
    params(
        ("conversation_id" = i64, Path, description = "Alcméon's conversation id"),
        ("attachment_id" = i64, Path, description = "The `id` of one of an item's `attachments`"),
    ),
    security(("session" = [])),
    responses(
        (status = 200, description = "The file's bytes: an image the widget previews (`protocol::Attachment::is_previewable_image`, never SVG) keeps its type, anything else is an `application/octet-stream` download", content(("application/octet-stream"), ("image/*"))),
        (status = 400, description = "A malformed id", body = ApiError),
        (status = 401, description = "No valid session token", body = ApiError),
        (status = 403, description = "The session token's record does not name this conversation", body = ApiError),
        (status = 404, description = "The conversation has no such file", body = ApiError),
    )
)]
pub async fn download(
    State(state): State<AppState>,
    Granted {
        conversation_id, ..
    }: Granted,
    Path((_, attachment_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let file = state
        .store
        .attachment(conversation_id, attachment_id)
        .await?
        .ok_or_else(|| {
            AppError::NotFound(format!(
                "conversation {conversation_id} has no attachment {attachment_id}"
            ))
        })?;
    let previewable = file.attachment.is_previewable_image();
    let content_type = if previewable {
        HeaderValue::from_str(&file.attachment.mime_type.to_ascii_lowercase())
            .unwrap_or(HeaderValue::from_static(DOWNLOAD_TYPE))
    } else {
        HeaderValue::from_static(DOWNLOAD_TYPE)
    };
    let mut response = (
        [
            (header::CONTENT_TYPE, content_type),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("sandbox; default-src 'none'"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, max-age=3600"),
            ),
        ],
        file.bytes,
    )
        .into_response();
    if !previewable {
        response.headers_mut().insert(
            header::CONTENT_DISPOSITION,
            HeaderValue::from_static("attachment"),
        );
    }
    Ok(response)
}
