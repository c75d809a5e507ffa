//! `GET /v1/openapi.json`: the widget API's description, generated from the handlers' own
//! annotations and the `protocol` types (utoipa). Invariant: the description and the routes come
//! from the same `OpenApiRouter`s (`super::widget_api`), so a widget route cannot be served
//! undocumented nor documented unserved; `tests/api/openapi.rs` checks that real answers fit it.

use std::sync::LazyLock;

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use utoipa::openapi::OpenApi;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi as _};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppState;

const DESCRIPTION: &str = "The API the Alcméon conversation widget calls from Salesforce. \
Every operation but this description needs a session token: an HS256 JWT that Apex mints for the \
agent, sent as `Authorization: Bearer <token>`. Every error is one JSON shape, `ApiError` \
(`code`, `message`, optional `retry_after`); the widget shows its own translated text per `code`. \
Not described here: Alcméon's webhook (`POST /webhooks/alcmeon`, signed by Alcméon), the \
operators' `GET /health`, and the widget-in-a-frame files under `/embed/`.";

#[derive(utoipa::OpenApi)]
#[openapi(
    info(title = "Alcméon widget backend", description = DESCRIPTION),
    modifiers(&SessionToken),
    tags(
        (name = "conversations", description = "A conversation's thread, its live changes and its files"),
        (name = "replies", description = "Sending an agent's replies, once"),
        (name = "engagement", description = "Starting a conversation: the engagement page, its templates, its one send and its live changes; re-engaging a conversation"),
        (name = "customer", description = "A conversation's customer: their Salesforce Contact, linking them to one, and their other conversations"),
        (name = "time zones", description = "The agent's time zone rules"),
        (name = "description", description = "This description"),
    )
)]
struct ApiDoc;

/// The bearer session token every operation but [`document`] declares (bound to the record it was
/// minted on: an operation naming another conversation answers 403); no licence is claimed
/// (the crate is not published).
struct SessionToken;

impl Modify for SessionToken {
    fn modify(&self, openapi: &mut OpenApi) {
        let scheme = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .bearer_format("JWT")
            .description(Some(
                "An HS256 JWT minted by Apex for the agent and the record (a few minutes long)",
            ))
            .build();
        openapi.info.license = None;
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme("session", SecurityScheme::Http(scheme));
    }
}

/// The description's start: its title, security scheme and tags; the routers add the paths.
pub fn base() -> OpenApi {
    ApiDoc::openapi()
}

/// What the routers produced, as clients read it: an axum catch-all (`{*zone}`) is an ordinary
/// path parameter (`{zone}`) in OpenAPI.
pub fn finish(mut openapi: OpenApi) -> OpenApi {
    openapi.paths.paths = std::mem::take(&mut openapi.paths.paths)
        .into_iter()
        .map(|(path, item)| (path.replace("{*", "{"), item))
        .collect();
    openapi
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(document))
}

static DOCUMENT: LazyLock<String> = LazyLock::new(|| {
    super::widget_api_description()
        .to_pretty_json()
        .expect("the description is plain JSON")
});

/// This description, as OpenAPI 3.1 JSON. No session needed.
#[utoipa::path(
    get,
    path = "/v1/openapi.json",
    operation_id = "getDescription",
    tag = "description",
    responses((status = 200, description = "The widget API's OpenAPI description", content_type = "application/json", body = Object))
)]
pub async fn document() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        DOCUMENT.as_str(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    /// Every operation but the description itself needs the session and says what its absence
    /// gives: a 401 in the one error shape.
    #[test]
    fn every_operation_but_the_description_needs_a_session_and_documents_its_refusal() {
        let spec: Value = serde_json::from_str(&super::DOCUMENT).unwrap();
        let operations = spec["paths"]
            .as_object()
            .unwrap()
            .values()
            .flat_map(|item| {
                item.as_object()
                    .unwrap()
                    .values()
                    .cloned()
                    .collect::<Vec<_>>()
            });
        let mut count = 0;
        for operation in operations {
            count += 1;
            let id = operation["operationId"].as_str().unwrap();
            if id == "getDescription" {
                assert!(operation.get("security").is_none());
                continue;
            }
            assert_eq!(
                operation["security"][0]["session"],
                Value::Array(vec![]),
                "{id}"
            );
            let refused = &operation["responses"]["401"]["content"]["application/json"]["schema"];
            assert_eq!(refused["$ref"], "#/components/schemas/ApiError", "{id}");
        }
        for (path, item) in spec["paths"].as_object().unwrap() {
            if !path.contains("{conversation_id}") {
                continue;
            }
            for operation in item.as_object().unwrap().values() {
                let forbidden =
                    &operation["responses"]["403"]["content"]["application/json"]["schema"];
                assert_eq!(
                    forbidden["$ref"], "#/components/schemas/ApiError",
                    "{path} documents the 403 for a conversation its token does not grant"
                );
            }
        }
        assert_eq!(count, 15, "the widget API has fifteen operations");
        let scheme = &spec["components"]["securitySchemes"]["session"];
        assert_eq!(
            (scheme["type"].as_str(), scheme["scheme"].as_str()),
            (Some("http"), Some("bearer"))
        );
        let paths = spec["paths"].as_object().unwrap();
        assert!(
            paths.contains_key("/v1/time-zones/{zone}"),
            "a catch-all is a plain parameter"
        );
    }
}
