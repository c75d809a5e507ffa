//! `/embed/`: the widget in a frame served from the backend's own origin, the fallback for
//! Salesforce pages that cannot run WebAssembly (a CSP without `wasm-unsafe-eval`, Lightning
//! Locker). The page, its script and the widget files are public code, served without a session;
//! the widget inside asks its parent for session tokens by `postMessage` (`embed/frame.js`).
//!
//! - `GET /embed/frame.html`: the page, framable only by `BACKEND_ALLOWED_ORIGINS`;
//! - `GET /embed/frame.js`, `GET /embed/frame.css`: its script and layout;
//! - `GET /embed/config.json`: `{"allowedOrigins": [...]}`, the parents the frame listens to;
//! - `GET /embed/widget/*`: the files of `BACKEND_WIDGET_DIR`.
//!
//! Without `BACKEND_WIDGET_DIR` every `/embed/` path is a 404.

use std::path::Path;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::handler::HandlerWithoutStateExt;
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};
use tower_http::services::ServeDir;

use super::AppError;

const FRAME_HTML: &str = include_str!("../../embed/frame.html");
const FRAME_JS: &str = include_str!("../../embed/frame.js");
const FRAME_CSS: &str = include_str!("../../embed/frame.css");

/// Scripts only from here, plus WebAssembly compilation; images also from object URLs (attachment
/// previews) and https (avatars).
const FRAME_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; connect-src 'self'; img-src 'self' data: blob: https:; \
    object-src 'none'; base-uri 'none'; form-action 'none'";

struct Frame {
    policy: HeaderValue,
    config: Value,
}

/// The `/embed/` routes; `allowed_origins` are the pages allowed to frame the widget.
pub fn routes(allowed_origins: &[String], widget_dir: Option<&Path>) -> Router {
    let Some(widget_dir) = widget_dir else {
        return Router::new().route("/embed/{*path}", get(disabled));
    };
    let ancestors = if allowed_origins.is_empty() {
        "'none'".to_owned()
    } else {
        allowed_origins.join(" ")
    };
    let frame = Arc::new(Frame {
        policy: HeaderValue::from_str(&format!("{FRAME_POLICY}; frame-ancestors {ancestors}"))
            .expect("allowed origins are validated by Config"),
        config: json!({ "allowedOrigins": allowed_origins }),
    });
    let widget_files = ServeDir::new(widget_dir)
        .append_index_html_on_directories(false)
        .not_found_service(widget_file_missing.into_service());
    Router::new()
        .route("/embed/frame.html", get(frame_html))
        .route(
            "/embed/frame.js",
            get(|| async { code("text/javascript; charset=utf-8", FRAME_JS) }),
        )
        .route(
            "/embed/frame.css",
            get(|| async { code("text/css; charset=utf-8", FRAME_CSS) }),
        )
        .route("/embed/config.json", get(config))
        .nest_service("/embed/widget", widget_files)
        .layer(middleware::from_fn(file_headers))
        .with_state(frame)
}

async fn disabled() -> AppError {
    AppError::NotFound(
        "the widget frame is off on this backend: BACKEND_WIDGET_DIR is not set".into(),
    )
}

async fn widget_file_missing() -> AppError {
    AppError::NotFound("the widget has no such file".into())
}

async fn frame_html(State(frame): State<Arc<Frame>>) -> Response {
    let mut response = code("text/html; charset=utf-8", FRAME_HTML);
    response
        .headers_mut()
        .insert(header::CONTENT_SECURITY_POLICY, frame.policy.clone());
    response
}

async fn config(State(frame): State<Arc<Frame>>) -> Json<Value> {
    Json(frame.config.clone())
}

fn code(content_type: &'static str, body: &'static str) -> Response {
    (
        [(header::CONTENT_TYPE, HeaderValue::from_static(content_type))],
        body,
    )
        .into_response()
}

/// Every `/embed/` answer: never sniffed, revalidated on each use (the widget files keep their
/// names across releases); Fluent files are text.
async fn file_headers(request: Request, next: Next) -> Response {
    let fluent = request.uri().path().ends_with(".ftl");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if fluent && response.status().is_success() {
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
    }
    response
}
