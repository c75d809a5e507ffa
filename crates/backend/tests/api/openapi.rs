//! The widget API's description (`GET /v1/openapi.json`) says what the routes do. Every documented
//! operation is called on the running backend, with and without a session, and each answer's status
//! is one the description lists for that operation, its media type one listed for that status, and
//! a JSON answer fits the schema given for it. An operation documented without a call here fails
//! the test; a route served without a description cannot exist (routes and description are built
//! by the same `OpenApiRouter`s).

use std::collections::BTreeSet;

use jsonschema::Validator;
use protocol::ClientId;
use reqwest::Method;
use serde_json::{Value, json};

use crate::engagement;
use crate::helpers::{SESSION_SECRET, TestApp, mint, spawn_app, spawn_app_with};

const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

struct Description(Value);

/// What the backend answered.
struct Answer {
    status: u16,
    media_type: String,
    body: Vec<u8>,
}

impl Description {
    async fn fetch(app: &TestApp) -> Self {
        let response = app.http.get(app.url("/v1/openapi.json")).send();
        let response = response.await.unwrap();
        assert_eq!(response.status(), 200);
        Self(response.json().await.unwrap())
    }

    /// Every documented (method, path template).
    fn operations(&self) -> BTreeSet<(String, String)> {
        let paths = self.0["paths"].as_object().unwrap();
        paths
            .iter()
            .flat_map(|(path, item)| {
                let methods = item.as_object().unwrap().keys();
                methods.map(|method| (method.to_uppercase(), path.clone()))
            })
            .collect()
    }

    /// A validator whose root holds the description's schemas, so `#/components/…` refs resolve.
    fn validator(&self, schema: &Value) -> Validator {
        let root = json!({"allOf": [schema], "components": self.0["components"].clone()});
        jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&root)
            .unwrap()
    }

    /// Checks an answer against what the description says `method template` answers.
    fn check(&self, method: &str, template: &str, answer: &Answer) {
        let what = format!("{method} {template} → {}", answer.status);
        let operation = &self.0["paths"][template][method.to_lowercase()];
        assert!(
            operation.is_object(),
            "{method} {template} is not documented"
        );
        let response = &operation["responses"][answer.status.to_string()];
        assert!(response.is_object(), "{what}: the status is not documented");
        let content = response["content"].as_object().unwrap();
        let documented = content
            .keys()
            .find(|range| media_in(&answer.media_type, range));
        let Some(documented) = documented else {
            panic!(
                "{what}: {} is not a documented media type",
                answer.media_type
            );
        };
        if documented == "application/json" {
            let body: Value = serde_json::from_slice(&answer.body).unwrap();
            let validator = self.validator(&content[documented]["schema"]);
            let errors: Vec<String> = validator
                .iter_errors(&body)
                .take(10)
                .map(|error| format!("  at {}: {error}", error.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{what}: {body}\n{}", errors.join("\n"));
        }
    }
}

/// Whether `media_type` (`image/png`) is in `range` (`image/*`, `image/png`).
fn media_in(media_type: &str, range: &str) -> bool {
    match range.strip_suffix("/*") {
        Some(kind) => media_type.split('/').next() == Some(kind),
        None => media_type == range,
    }
}

async fn call(
    app: &TestApp,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> Answer {
    let method = Method::from_bytes(method.as_bytes()).unwrap();
    let mut request = app.http.request(method, app.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let media_type = response
        .headers()
        .get("content-type")
        .map_or("", |v| v.to_str().unwrap())
        .split(';')
        .next()
        .unwrap()
        .trim()
        .to_owned();
    // An event stream never ends: its headers are the answer.
    let body = if media_type == "text/event-stream" {
        vec![]
    } else {
        response.bytes().await.unwrap().to_vec()
    };
    Answer {
        status,
        media_type,
        body,
    }
}

/// One call: the operation it exercises, the concrete path, whether it has a session, its body,
/// and the status it must get.
struct Case {
    method: &'static str,
    template: &'static str,
    path: String,
    session: bool,
    /// A token of its own (an engagement's) instead of the test's.
    token: Option<String>,
    body: Option<Value>,
    status: u16,
}

fn case(method: &'static str, template: &'static str, path: &str, status: u16) -> Case {
    Case {
        method,
        template,
        path: path.to_owned(),
        session: true,
        token: None,
        body: None,
        status,
    }
}

impl Case {
    fn without_session(self) -> Self {
        Self {
            session: false,
            ..self
        }
    }

    fn with_token(self, token: &str) -> Self {
        Self {
            token: Some(token.to_owned()),
            ..self
        }
    }

    fn with_body(self, body: Value) -> Self {
        Self {
            body: Some(body),
            ..self
        }
    }
}

const THREAD: &str = "/v1/conversations/{conversation_id}/thread";
const REPLIES: &str = "/v1/conversations/{conversation_id}/replies";
const RETRY: &str = "/v1/conversations/{conversation_id}/replies/{client_id}/retry";
const EVENTS: &str = "/v1/conversations/{conversation_id}/events";
const ATTACHMENT: &str = "/v1/conversations/{conversation_id}/attachments/{attachment_id}";
const TIME_ZONE: &str = "/v1/time-zones/{zone}";
const DESCRIPTION: &str = "/v1/openapi.json";
const TEMPLATES: &str = "/v1/engagement-templates";
const ENGAGEMENT: &str = "/v1/engagement";
const ENGAGEMENT_SENDS: &str = "/v1/engagement/sends";
const ENGAGEMENT_EVENTS: &str = "/v1/engagement/events";
const REENGAGE: &str = "/v1/conversations/{conversation_id}/engagements";
const REENGAGEMENT: &str = "/v1/conversations/{conversation_id}/reengagement";
const CUSTOMER: &str = "/v1/conversations/{conversation_id}/customer";
const CUSTOMER_LINK: &str = "/v1/conversations/{conversation_id}/customer/link";

#[tokio::test]
async fn every_documented_operation_answers_as_described_on_the_running_backend() {
    let app = spawn_app_with(engagement::with_consent()).await;
    engagement::ready(&app).await;
    let description = Description::fetch(&app).await;
    let camille = engagement::engagement_token(&app, engagement::CAMILLE, "201", json!({}));
    let sent = app
        .emulator_control(
            "/conversations/1001/inbound",
            json!({"text": "a photo", "attachments": [{"mime_type": "image/png", "data": PNG}]}),
        )
        .await;
    let photo = app
        .wait_for_item(1001, |item| item.id == sent["action_id"].as_i64().unwrap())
        .await;
    let file = format!(
        "/v1/conversations/1001/attachments/{}",
        photo.attachments[0].id
    );
    let reply = json!({"client_id": "described-1", "text": "Hello from the description test"});
    let big = json!({"client_id": "big", "text": "a".repeat(300 * 1024)});
    let contact = json!({"contactId": "003000000000001AAA", "contactName": "Amélie Dubois"});

    let cases = [
        case("GET", THREAD, "/v1/conversations/1001/thread", 200),
        case("GET", THREAD, "/v1/conversations/1001/thread?limit=0", 400),
        // Unknown to the replica: fetched from Alcméon (202), which does not know it either (404).
        case("GET", THREAD, "/v1/conversations/424242/thread", 202),
        case("GET", THREAD, "/v1/conversations/424242/thread", 404),
        case("GET", THREAD, "/v1/conversations/1001/thread", 401).without_session(),
        case("POST", REPLIES, "/v1/conversations/1001/replies", 201).with_body(reply.clone()),
        case("POST", REPLIES, "/v1/conversations/1001/replies", 200).with_body(reply),
        case("POST", REPLIES, "/v1/conversations/1001/replies", 409)
            .with_body(json!({"client_id": "described-1", "text": "Another text"})),
        case("POST", REPLIES, "/v1/conversations/1001/replies", 400)
            .with_body(json!({"client_id": "not valid", "text": "hi"})),
        case("POST", REPLIES, "/v1/conversations/1001/replies", 413).with_body(big),
        case("POST", REPLIES, "/v1/conversations/424242/replies", 404)
            .with_body(json!({"client_id": "nowhere", "text": "hi"})),
        case("POST", REPLIES, "/v1/conversations/1001/replies", 401).without_session(),
        case(
            "POST",
            RETRY,
            "/v1/conversations/1001/replies/described-1/retry",
            200,
        ),
        case(
            "POST",
            RETRY,
            "/v1/conversations/1001/replies/never-posted/retry",
            404,
        ),
        case(
            "POST",
            RETRY,
            "/v1/conversations/1001/replies/not%20valid/retry",
            400,
        ),
        case("POST", RETRY, "/v1/conversations/1001/replies/x/retry", 401).without_session(),
        case("GET", EVENTS, "/v1/conversations/1001/events", 200),
        case("GET", EVENTS, "/v1/conversations/424242/events", 404),
        case("GET", EVENTS, "/v1/conversations/1001/events", 401).without_session(),
        case("GET", ATTACHMENT, &file, 200),
        case(
            "GET",
            ATTACHMENT,
            "/v1/conversations/1001/attachments/999999",
            404,
        ),
        case(
            "GET",
            ATTACHMENT,
            "/v1/conversations/1001/attachments/one",
            400,
        ),
        case("GET", ATTACHMENT, &file, 401).without_session(),
        case("GET", TIME_ZONE, "/v1/time-zones/Asia/Kathmandu", 200),
        case("GET", TIME_ZONE, "/v1/time-zones/Nowhere/Atlantis", 404),
        case("GET", TIME_ZONE, "/v1/time-zones/Europe/Paris", 401).without_session(),
        case("GET", TEMPLATES, TEMPLATES, 200),
        case("GET", TEMPLATES, TEMPLATES, 401).without_session(),
        case("GET", DESCRIPTION, DESCRIPTION, 200).without_session(),
        case("GET", ENGAGEMENT, ENGAGEMENT, 200).with_token(&camille),
        case("GET", ENGAGEMENT, ENGAGEMENT, 404),
        case("GET", ENGAGEMENT, ENGAGEMENT, 401).without_session(),
        case("POST", ENGAGEMENT_SENDS, ENGAGEMENT_SENDS, 400)
            .with_token(&camille)
            .with_body(json!({"client_id": "e-0", "template_id": 2001, "values": {}})),
        case("POST", ENGAGEMENT_SENDS, ENGAGEMENT_SENDS, 200)
            .with_token(&camille)
            .with_body(engagement::order_update("e-1")),
        case("POST", ENGAGEMENT_SENDS, ENGAGEMENT_SENDS, 409)
            .with_token(&camille)
            .with_body(engagement::order_update("e-2")),
        case("POST", ENGAGEMENT_SENDS, ENGAGEMENT_SENDS, 404)
            .with_body(engagement::order_update("e-3")),
        case("POST", ENGAGEMENT_SENDS, ENGAGEMENT_SENDS, 401).without_session(),
        case("GET", ENGAGEMENT_EVENTS, ENGAGEMENT_EVENTS, 200).with_token(&camille),
        case("GET", ENGAGEMENT_EVENTS, ENGAGEMENT_EVENTS, 404),
        case("GET", ENGAGEMENT_EVENTS, ENGAGEMENT_EVENTS, 401).without_session(),
        case("POST", REENGAGE, "/v1/conversations/1001/engagements", 200)
            .with_body(json!({"client_id": "re-1", "template_id": 2003, "values": {"customer_name": "Amélie"}})),
        case("POST", REENGAGE, "/v1/conversations/1001/engagements", 409)
            .with_body(json!({"client_id": "re-1", "template_id": 2003, "values": {"customer_name": "Someone"}})),
        case("POST", REENGAGE, "/v1/conversations/1001/engagements", 400)
            .with_body(json!({"client_id": "re-2", "template_id": 2003, "values": {}})),
        case("POST", REENGAGE, "/v1/conversations/1002/engagements", 403)
            .with_body(json!({"client_id": "re-3", "template_id": 2003, "values": {"customer_name": "x"}})),
        case("POST", REENGAGE, "/v1/conversations/1001/engagements", 401).without_session(),
        case("GET", REENGAGEMENT, "/v1/conversations/1001/reengagement", 200),
        case("GET", REENGAGEMENT, "/v1/conversations/1002/reengagement", 403),
        case("GET", REENGAGEMENT, "/v1/conversations/x/reengagement", 400),
        case("GET", REENGAGEMENT, "/v1/conversations/1001/reengagement", 401).without_session(),
        case("GET", CUSTOMER, "/v1/conversations/1001/customer", 200),
        case("GET", CUSTOMER, "/v1/conversations/1002/customer", 403),
        case("GET", CUSTOMER, "/v1/conversations/x/customer", 400),
        case("GET", CUSTOMER, "/v1/conversations/1001/customer", 401).without_session(),
        case("PUT", CUSTOMER_LINK, "/v1/conversations/1001/customer/link", 200).with_body(contact.clone()),
        case("PUT", CUSTOMER_LINK, "/v1/conversations/424242/customer/link", 409).with_body(contact.clone()),
        case("PUT", CUSTOMER_LINK, "/v1/conversations/1001/customer/link", 400)
            .with_body(json!({"contactId": "x", "contactName": "Amélie"})),
        case("PUT", CUSTOMER_LINK, "/v1/conversations/1002/customer/link", 403).with_body(contact.clone()),
        case("PUT", CUSTOMER_LINK, "/v1/conversations/1001/customer/link", 401).without_session(),
        // The session's record names 1001 and 424242, not 1002.
        case("GET", THREAD, "/v1/conversations/1002/thread", 403),
        case("POST", REPLIES, "/v1/conversations/1002/replies", 403)
            .with_body(json!({"client_id": "elsewhere", "text": "hi"})),
        case("POST", RETRY, "/v1/conversations/1002/replies/x/retry", 403),
        case("GET", EVENTS, "/v1/conversations/1002/events", 403),
        case(
            "GET",
            ATTACHMENT,
            "/v1/conversations/1002/attachments/1",
            403,
        ),
    ];
    let token = mint(
        SESSION_SECRET,
        json!({"aud": app.audience(), "convs": [1001, 424242]}),
    );
    let mut exercised = BTreeSet::new();
    for case in cases {
        let own = case.token.as_deref().unwrap_or(token.as_str());
        let session = case.session.then_some(own);
        let answer = call(&app, case.method, &case.path, session, case.body).await;
        assert_eq!(
            answer.status,
            case.status,
            "{} {}: {}",
            case.method,
            case.path,
            String::from_utf8_lossy(&answer.body)
        );
        description.check(case.method, case.template, &answer);
        exercised.insert((case.method.to_owned(), case.template.to_owned()));
    }
    assert_eq!(
        exercised,
        description.operations(),
        "every documented operation is called here, and nothing undocumented"
    );

    let reader = mint(
        SESSION_SECRET,
        json!({"aud": app.audience(), "perms": {"reply": false}}),
    );
    let body = json!({"client_id": "reader-1", "text": "hi"});
    let path = "/v1/conversations/1001/replies";
    let refused = call(&app, "POST", path, Some(&reader), Some(body)).await;
    assert_eq!(refused.status, 403);
    description.check("POST", REPLIES, &refused);
}

#[tokio::test]
async fn a_bad_client_id_is_refused_with_the_rule_and_the_description_states_the_same_rule() {
    let app = spawn_app(0).await;
    let description = Description::fetch(&app).await;
    let response = app.post_reply(1001, "not valid", "hi").await;
    assert_eq!(response.status(), 400);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["code"], "bad_request");
    let message = error["message"].as_str().unwrap();
    assert!(
        message.starts_with(
            "the request body does not fit: client_id: client_id must be 1 to 64 characters among A-Z a-z 0-9 - . _ ~"
        ),
        "{message}"
    );

    let schema = json!({"$ref": "#/components/schemas/ClientId"});
    let validator = description.validator(&schema);
    let too_long = "a".repeat(65);
    for sample in ["c-1", "A.b_c~9", "", "a b", "é", "a/b", &too_long] {
        assert_eq!(
            validator.is_valid(&json!(sample)),
            ClientId::parse(sample).is_ok(),
            "{sample:?}"
        );
    }
}
