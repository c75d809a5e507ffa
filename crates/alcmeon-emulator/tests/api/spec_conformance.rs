//! The emulator's real responses, validated against the published OpenAPI response schemas.
//!
//! The test copy of each spec is made stricter than the published one so that an invented or
//! misspelled field fails (see [`tighten`]); nothing is relaxed except `Action.data`'s `oneOf`.

use jsonschema::Validator;
use reqwest::{Response, StatusCode};
use serde_json::{Map, Value, json};

use crate::helpers::{
    INSTANCE_ID, SECRET, TestEmulator, latest_task_id, start, test_config, webhook_receiver,
};

const SPEC_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi");

/// Fields the emulator always sends, made `required` in the test copy.
const ALWAYS_SENT: &[(&str, &[&str])] = &[
    ("Conversation", &["id", "actions"]),
    (
        "Action",
        &[
            "id", "type", "date", "time", "status", "user", "task", "account",
        ],
    ),
    ("AdminUser", &["id", "email", "name", "is_bot"]),
    ("Account", &["id", "name", "type"]),
    (
        "Task",
        &[
            "id",
            "tags",
            "url",
            "conversation_id",
            "conversation",
            "state",
            "message",
        ],
    ),
    (
        "Message",
        &[
            "id",
            "is_private",
            "content",
            "external_id",
            "date",
            "time",
            "attachments",
            "author",
        ],
    ),
    ("Author", &["id", "name", "group"]),
    ("AnswerData", &["is_private", "answers"]),
    ("Answer", &["content", "pictures"]),
    ("ExecuteAnswerData", &["answer_action_id", "answer_status"]),
    ("Attachment", &["id", "mime_type", "data", "size"]),
    ("Tag", &["id", "name", "value"]),
    ("TagValue", &["id", "value"]),
    ("TranslatedString", &["value"]),
    ("StealData", &["from"]),
    ("AssignToData", &["to"]),
    ("TagData", &["next"]),
    ("RateLimitResponseError", &["error", "details"]),
    ("SendAnswerResponse", &["input_data", "status"]),
    ("ResponseError", &["error"]),
    ("UnsuccessfulResponse", &["error", "details"]),
    ("SendWhatsappMessageResponse", &["status", "message_id"]),
    ("SendRCSMessageResponse", &["status", "message_id"]),
    ("SendKakaoTalkMessageResponse", &["status", "message_id"]),
    ("OngoingConversationError", &["error", "details"]),
    (
        "RCSTemplate",
        &[
            "id",
            "name",
            "language",
            "title",
            "body",
            "created_at",
            "last_modified_at",
            "buttons",
        ],
    ),
    (
        "KKTTemplate",
        &[
            "id",
            "name",
            "language",
            "body",
            "created_at",
            "last_modified_at",
            "status",
        ],
    ),
];

pub struct Spec {
    name: &'static str,
    document: Value,
}

impl Spec {
    pub fn load(name: &'static str) -> Spec {
        let text = std::fs::read_to_string(format!("{SPEC_DIR}/{name}"))
            .unwrap_or_else(|error| panic!("{SPEC_DIR}/{name}: {error}"));
        let mut document: Value = serde_yaml::from_str(&text).unwrap();
        tighten(&mut document);
        Spec { name, document }
    }

    /// Makes `fields` required in `schema`, for a schema whose name other specs use differently
    /// (user.yaml's `Account` is not synchronize.yaml's).
    fn require(&mut self, schema: &str, fields: &[&str]) {
        self.document["components"]["schemas"][schema]["required"] = json!(fields);
    }

    fn response_schema(&self, path: &str, method: &str, status: u16) -> Value {
        let schema = &self.document["paths"][path][method]["responses"][status.to_string()]["content"]
            ["application/json"]["schema"];
        assert!(
            !schema.is_null(),
            "{}: no {status} response schema for {method} {path}",
            self.name
        );
        schema.clone()
    }

    pub fn webhook_body_schema(&self) -> Value {
        self.document["paths"]["/notify"]["post"]["requestBody"]["content"]["application/json"]["schema"].clone()
    }

    /// A validator whose root holds the spec's schemas, so `#/components/schemas/…` refs resolve.
    pub fn validator(&self, schema: Value) -> Validator {
        let root = json!({
            "allOf": [schema],
            "components": {"schemas": self.document["components"]["schemas"].clone()},
        });
        jsonschema::draft7::options()
            .should_validate_formats(true)
            .build(&root)
            .unwrap()
    }

    pub fn assert_response(&self, path: &str, method: &str, status: u16, body: &Value) {
        let validator = self.validator(self.response_schema(path, method, status));
        assert_valid(
            &validator,
            body,
            &format!("{}: {method} {path} {status}", self.name),
        );
    }
}

pub fn assert_valid(validator: &Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .take(10)
        .map(|error| format!("  at {}: {error}", error.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match the spec:\n{}",
        errors.join("\n")
    );
}

/// Makes the test copy of a spec strict enough to catch emulator mistakes:
/// - every object schema with `properties` gets `additionalProperties: false`;
/// - the fields the emulator always sends become `required` ([`ALWAYS_SENT`]);
/// - `nullable: true` (OpenAPI 3.0) lets the schema's type be `null` too, as the spec means;
/// - `format: time` (which JSON Schema reads as RFC 3339 with an offset) becomes the `HH:MM:SS`
///   pattern the spec's examples use; `datetime` and `url` become the standard `date-time`, `uri`;
/// - `Action.data` must be the variant of its `type`.
///
/// And two relaxations: `Action.data` is a `oneOf` of eight schemas without required fields, so
/// any object matches several of them and strict `oneOf` would reject valid data; it becomes
/// `anyOf` (the type-to-variant rule above keeps it precise). custom-field.yaml's
/// `PrimitiveFieldValues` is a `oneOf` whose string forms overlap (a plain string and strings of
/// a format), so no string value could pass; it becomes `anyOf` too (the emulator's own tests
/// check a value against its field's type).
fn tighten(document: &mut Value) {
    forbid_unknown_fields_and_fix_formats(document);
    let Some(schemas) = document
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    for (name, fields) in ALWAYS_SENT {
        if let Some(schema) = schemas.get_mut(*name) {
            schema["required"] = json!(fields);
        }
    }
    if let Some(values) = schemas.get_mut("PrimitiveFieldValues")
        && let Some(forms) = values
            .as_object_mut()
            .and_then(|values| values.remove("oneOf"))
    {
        values["anyOf"] = forms;
    }
    if let Some(action) = schemas.get_mut("Action") {
        let data = &mut action["properties"]["data"];
        if let Some(variants) = data.as_object_mut().and_then(|data| data.remove("oneOf")) {
            data["anyOf"] = variants;
        }
        action["allOf"] = json!([
            data_rule(
                "answer",
                json!({"required": ["data"], "properties": {"data": {"$ref": "#/components/schemas/AnswerData"}}})
            ),
            data_rule(
                "execute-answer",
                json!({"required": ["data"], "properties": {"data": {"$ref": "#/components/schemas/ExecuteAnswerData"}}})
            ),
            data_rule(
                "steal",
                json!({"required": ["data"], "properties": {"data": {"$ref": "#/components/schemas/StealData"}}})
            ),
            data_rule(
                "assign-to",
                json!({"required": ["data"], "properties": {"data": {"$ref": "#/components/schemas/AssignToData"}}})
            ),
            data_rule(
                "tag",
                json!({"required": ["data"], "properties": {"data": {"$ref": "#/components/schemas/TagData"}}})
            ),
            json!({
                "if": {"properties": {"type": {"enum": [
                    "task-create", "archive", "auto-archive", "acquire", "release", "on-hold",
                    "tag-vip", "untag-vip"
                ]}}},
                "then": {"not": {"required": ["data"]}}
            }),
        ]);
    }
}

fn data_rule(action_type: &str, then: Value) -> Value {
    json!({"if": {"properties": {"type": {"const": action_type}}}, "then": then})
}

fn forbid_unknown_fields_and_fix_formats(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if object.contains_key("properties") && !object.contains_key("additionalProperties") {
                object.insert("additionalProperties".to_owned(), Value::Bool(false));
            }
            fix_format(object);
            object
                .values_mut()
                .for_each(forbid_unknown_fields_and_fix_formats);
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(forbid_unknown_fields_and_fix_formats),
        _ => {}
    }
}

fn fix_format(schema: &mut Map<String, Value>) {
    // OpenAPI 3.0's `nullable: true` is JSON Schema's `null` type.
    if schema.get("nullable") == Some(&Value::Bool(true))
        && let Some(Value::String(kind)) = schema.get("type").cloned()
    {
        schema.insert("type".to_owned(), json!([kind, "null"]));
    }
    match schema.get("format").and_then(Value::as_str) {
        Some("time") => {
            schema.remove("format");
            schema.insert("pattern".to_owned(), json!("^[0-9]{2}:[0-9]{2}:[0-9]{2}$"));
        }
        Some("datetime") => {
            schema.insert("format".to_owned(), json!("date-time"));
        }
        Some("url") => {
            schema.insert("format".to_owned(), json!("uri"));
        }
        _ => {}
    }
}

pub async fn json_of(response: Response, expected: StatusCode) -> Value {
    assert_eq!(response.status(), expected);
    response.json().await.unwrap()
}

/// A 1×1 PNG.
const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

/// Every agent action type the controls offer, as request bodies.
fn every_agent_action() -> Vec<Value> {
    let mut bodies: Vec<Value> = [
        "acquire",
        "release",
        "on-hold",
        "tag-vip",
        "untag-vip",
        "archive",
        "auto-archive",
    ]
    .iter()
    .map(|kind| json!({"type": kind}))
    .collect();
    bodies.push(json!({"type": "assign-to", "to_email": "karim.benali@example.com"}));
    bodies.push(json!({"type": "steal", "from_email": "new.agent@example.com"}));
    bodies.push(json!({"type": "tag", "tag": "Topic", "value": "Refund"}));
    bodies.push(json!({"type": "tag", "tag": "Topic", "value": "Delivery"}));
    bodies
}

/// Adds one conversation per channel not in the demo, an answered and a failed answer, an answer
/// by another agent, a message with attachments and every agent action.
async fn add_variety(app: &TestEmulator) {
    let attachments = json!([{"mime_type": "image/png", "data": PNG}]);
    let inbound = app
        .client
        .post(app.url("/_emulator/conversations/1002/inbound"))
        .json(&json!({"text": "Photo attached", "attachments": attachments}))
        .send()
        .await
        .unwrap();
    assert_eq!(inbound.status(), StatusCode::OK);
    for body in every_agent_action() {
        let response = app
            .client
            .post(app.url("/_emulator/conversations/1003/agent-actions"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{body}");
    }
    let reply = app
        .client
        .post(app.url("/_emulator/conversations/1005/agent-replies"))
        .json(&json!({"text": "Thanks Marco!", "agent_email": "emma.schmidt@example.com"}))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), StatusCode::OK);
    for channel in ["inmessage", "bzc", "critizr", "wechat"] {
        let response = app
            .client
            .post(app.url("/_emulator/conversations"))
            .json(&json!({"channel": channel, "customer_name": "Kim Lee", "messages": 1}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
    }
    for (conversation_id, message) in [(1001, "Ships tomorrow."), (1004, "Sorry! [fail]")] {
        let task_id = latest_task_id(&app.conversation_actions(conversation_id).await);
        let body =
            json!({"message": message, "advisor_id": 13, "company_id": 1, "task_id": task_id});
        let started = json_of(app.send_answer(body).await, StatusCode::OK).await;
        Spec::load("answer.yaml").assert_response("/v1/answer/send", "post", 200, &started);
        app.wait_for_conversation(conversation_id, |actions| {
            actions
                .last()
                .is_some_and(|action| action["type"] == "execute-answer")
        })
        .await;
    }
}

#[tokio::test]
async fn action_listings_match_synchronize_yaml() {
    let spec = Spec::load("synchronize.yaml");
    let app = start(test_config()).await;
    add_variety(&app).await;

    let mut last = 0;
    loop {
        let page = app
            .get_json(&format!("/actions?min_action_id={last}"))
            .await;
        spec.assert_response("/actions", "get", 200, &page);
        let Some(id) = page
            .as_array()
            .unwrap()
            .last()
            .map(|action| action["id"].as_u64().unwrap())
        else {
            break;
        };
        last = id;
    }
    assert!(last > 40, "every page was read");

    for conversation_id in 1001..=1011 {
        let body = app
            .get_json(&format!("/actions/conversations/{conversation_id}"))
            .await;
        assert_eq!(
            body.as_array().unwrap().len(),
            1,
            "conversation {conversation_id} exists"
        );
        spec.assert_response(
            "/actions/conversations/{conversation_id}",
            "get",
            200,
            &body,
        );
    }
}

#[tokio::test]
async fn webhook_bodies_match_the_notify_request_schema() {
    let spec = Spec::load("synchronize.yaml");
    let validator = spec.validator(spec.webhook_body_schema());
    let mut receiver = webhook_receiver().await;
    let config = alcmeon_emulator::Config {
        webhook_url: Some(receiver.url.parse().unwrap()),
        ..test_config()
    };
    let app = start(config).await;
    app.inject(1003, "Hello from the webhook test").await;
    add_variety(&app).await;

    let received = receiver.drain_when_idle(&app).await;
    assert_eq!(
        app.health().await["webhooks"],
        json!({"queued": 0, "delivered": received.len(), "dropped": 0, "failed": 0, "duplicated": 0}),
        "every notification reached the receiver"
    );
    assert!(
        received.len() >= 23,
        "task-creates, answers, deliveries and agent actions: {}",
        received.len()
    );
    for webhook in received {
        assert_valid(
            &validator,
            &webhook.json(),
            "synchronize.yaml: POST /notify body",
        );
    }
}

#[tokio::test]
async fn token_responses_match_oauth_yaml() {
    let spec = Spec::load("oauth.yaml");
    let app = start(test_config()).await;
    let ask = |body: Value| {
        app.client
            .post(app.url("/v1/oauth2/token"))
            .json(&body)
            .send()
    };

    let good = json!({"grant_type": "client_credentials", "client_id": INSTANCE_ID, "client_secret": SECRET});
    let token = json_of(ask(good).await.unwrap(), StatusCode::OK).await;
    spec.assert_response("/v1/oauth2/token", "post", 200, &token);
    let expires_at = token["expires_at"].as_str().unwrap();
    assert!(
        expires_at.ends_with("+00:00") && expires_at.contains('.'),
        "{expires_at}"
    );

    let bad_secret =
        json!({"grant_type": "client_credentials", "client_id": INSTANCE_ID, "client_secret": "x"});
    let refused = json_of(ask(bad_secret).await.unwrap(), StatusCode::UNAUTHORIZED).await;
    spec.assert_response("/v1/oauth2/token", "post", 401, &refused);

    let incomplete = json!({"grant_type": "client_credentials"});
    let invalid = json_of(ask(incomplete).await.unwrap(), StatusCode::BAD_REQUEST).await;
    spec.assert_response("/v1/oauth2/token", "post", 400, &invalid);
}

#[tokio::test]
async fn answer_errors_match_answer_yaml() {
    let spec = Spec::load("answer.yaml");
    let app = start(test_config()).await;
    let task_id = latest_task_id(&app.conversation_actions(1002).await);
    let cases = [
        (
            json!({"message": " ", "advisor_id": 11, "company_id": 1, "task_id": task_id}),
            StatusCode::BAD_REQUEST,
        ),
        (
            json!({"message": "Hi", "advisor_id": 11, "company_id": 1, "task_id": 3}),
            StatusCode::NOT_FOUND,
        ),
        (
            json!({"message": "Hi", "advisor_id": 11, "company_id": 1, "task_id": task_id, "attachment": {"access_token": "t"}}),
            StatusCode::FORBIDDEN,
        ),
    ];
    for (body, status) in cases {
        let error = json_of(app.send_answer(body).await, status).await;
        spec.assert_response("/v1/answer/send", "post", status.as_u16(), &error);
    }
}

#[tokio::test]
async fn user_provisioning_matches_user_yaml() {
    let mut spec = Spec::load("user.yaml");
    spec.require("Account", &["id", "email", "name"]);
    spec.require("Role", &["id", "name"]);
    spec.require("Team", &["id", "name"]);
    let app = start(test_config()).await;
    spec.assert_response("/roles", "get", 200, &app.get_json("/roles").await);
    spec.assert_response("/teams", "get", 200, &app.get_json("/teams").await);

    let create = || {
        app.post("/accounts")
            .json(&json!({"email": "new.agent@example.com", "name": "New Agent"}))
            .send()
    };
    let created = json_of(create().await.unwrap(), StatusCode::OK).await;
    spec.assert_response("/accounts", "post", 200, &created);
    let duplicate = json_of(create().await.unwrap(), StatusCode::BAD_REQUEST).await;
    spec.assert_response("/accounts", "post", 400, &duplicate);

    for is_active in ["true", "false"] {
        let listed = app
            .get_json(&format!("/accounts?is_active={is_active}"))
            .await;
        assert!(!listed.as_array().unwrap().is_empty(), "{is_active}");
        spec.assert_response("/accounts", "get", 200, &listed);
    }
    let missing = json_of(
        app.get("/accounts").send().await.unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    spec.assert_response("/accounts", "get", 400, &missing);

    let update = |id: u64, body: Value| app.post(&format!("/accounts/{id}")).json(&body).send();
    let updated = update(
        14,
        json!({"roles": [801], "teams": [901], "is_active": true}),
    )
    .await
    .unwrap();
    assert_eq!(updated.status(), StatusCode::OK);
    assert!(
        updated.bytes().await.unwrap().is_empty(),
        "the spec defines no body"
    );
    for (id, body) in [(4242, json!({"roles": []})), (11, json!({"roles": [7]}))] {
        let refused = json_of(update(id, body).await.unwrap(), StatusCode::BAD_REQUEST).await;
        spec.assert_response("/accounts/{account_id}", "post", 400, &refused);
    }
}

#[tokio::test]
async fn rate_limit_bodies_match_every_spec() {
    let app = start(alcmeon_emulator::Config {
        rate_limit_per_minute: 1,
        ..test_config()
    })
    .await;
    app.get_json("/actions?min_action_id=0").await;

    let limited = json_of(
        app.get("/actions?min_action_id=0").send().await.unwrap(),
        StatusCode::TOO_MANY_REQUESTS,
    )
    .await;
    Spec::load("synchronize.yaml").assert_response("/actions", "get", 429, &limited);
    let limited = json_of(
        app.get("/actions/conversations/1001").send().await.unwrap(),
        StatusCode::TOO_MANY_REQUESTS,
    )
    .await;
    Spec::load("synchronize.yaml").assert_response(
        "/actions/conversations/{conversation_id}",
        "get",
        429,
        &limited,
    );

    let body = json!({"message": "Hi", "advisor_id": 11, "company_id": 1, "task_id": 50001});
    let limited = json_of(app.send_answer(body).await, StatusCode::TOO_MANY_REQUESTS).await;
    Spec::load("answer.yaml").assert_response("/v1/answer/send", "post", 429, &limited);

    let user_spec = Spec::load("user.yaml");
    let limited = json_of(
        app.get("/accounts?is_active=true").send().await.unwrap(),
        StatusCode::TOO_MANY_REQUESTS,
    )
    .await;
    user_spec.assert_response("/accounts", "get", 429, &limited);
    let limited = json_of(
        app.post("/accounts/11")
            .json(&json!({"roles": [801]}))
            .send()
            .await
            .unwrap(),
        StatusCode::TOO_MANY_REQUESTS,
    )
    .await;
    user_spec.assert_response("/accounts/{account_id}", "post", 429, &limited);

    let token_request = json!({"grant_type": "client_credentials", "client_id": INSTANCE_ID, "client_secret": SECRET});
    let response = app
        .client
        .post(app.url("/v1/oauth2/token"))
        .json(&token_request)
        .send()
        .await
        .unwrap();
    let limited = json_of(response, StatusCode::TOO_MANY_REQUESTS).await;
    Spec::load("oauth.yaml").assert_response("/v1/oauth2/token", "post", 429, &limited);

    let optin_spec = Spec::load("optin-api.yaml");
    for (route, path) in [
        ("/v1/optins", "/v1/optins"),
        (
            "/v1/optins/{optin_id}/user-optins",
            "/v1/optins/1501/user-optins",
        ),
    ] {
        let limited = json_of(
            app.get(path).send().await.unwrap(),
            StatusCode::TOO_MANY_REQUESTS,
        )
        .await;
        optin_spec.assert_response(route, "get", 429, &limited);
    }
    let initiate_spec = Spec::load("initiate-conversation-api.yaml");
    for (route, body) in [
        ("/v1/rcs/templates", json!({"account_id": 401})),
        ("/v1/kakaotalk/templates", json!({"account_id": 402})),
        ("/v1/rcs/send/", json!({})),
        ("/v1/kakaotalk/send/", json!({})),
    ] {
        let limited = json_of(
            app.post(route).json(&body).send().await.unwrap(),
            StatusCode::TOO_MANY_REQUESTS,
        )
        .await;
        initiate_spec.assert_response(route, "post", 429, &limited);
    }
    let custom_field_spec = Spec::load("custom-field.yaml");
    let limited = json_of(
        app.get("/custom-field/users/fields").send().await.unwrap(),
        StatusCode::TOO_MANY_REQUESTS,
    )
    .await;
    custom_field_spec.assert_response("/custom-field/users/fields", "get", 429, &limited);
    let limited = json_of(
        app.post("/custom-field/accounts/201/users")
            .json(&json!({"user_id": "33611223344", "fields": []}))
            .send()
            .await
            .unwrap(),
        StatusCode::TOO_MANY_REQUESTS,
    )
    .await;
    custom_field_spec.assert_response(
        "/custom-field/accounts/{social_media_account_id}/users",
        "post",
        429,
        &limited,
    );
}

#[tokio::test]
async fn custom_field_responses_match_custom_field_yaml() {
    let mut spec = Spec::load("custom-field.yaml");
    spec.require(
        "FieldMetadata",
        &[
            "id",
            "label",
            "description",
            "type",
            "teams",
            "optional",
            "last_updater_admin_user_email",
            "last_modified_on",
        ],
    );
    let app = start(test_config()).await;
    let fields = app.get_json("/custom-field/users/fields").await;
    spec.assert_response("/custom-field/users/fields", "get", 200, &fields);
    let by_id = "/custom-field/users/fields/{custom_field_id}";
    let field = app.get_json("/custom-field/users/fields/5002").await;
    spec.assert_response(by_id, "get", 200, &field);
    let missing = app
        .get("/custom-field/users/fields/5999")
        .send()
        .await
        .unwrap();
    spec.assert_response(
        by_id,
        "get",
        404,
        &json_of(missing, StatusCode::NOT_FOUND).await,
    );

    let social = "/custom-field/accounts/{social_media_account_id}/users";
    let set = |user_id: &'static str, fields: Value| {
        app.post("/custom-field/accounts/201/users")
            .json(&json!({"user_id": user_id, "fields": fields}))
            .send()
    };
    let contact = json!([{"field_id": 5002, "field_value": "003000000000001AAA"}]);
    let ok = json_of(
        set("33611223344", contact.clone()).await.unwrap(),
        StatusCode::OK,
    )
    .await;
    spec.assert_response(social, "post", 200, &ok);
    let wrong_type = json!([{"field_id": 5002, "field_value": 3}]);
    let refused = set("33611223344", wrong_type).await.unwrap();
    spec.assert_response(
        social,
        "post",
        400,
        &json_of(refused, StatusCode::BAD_REQUEST).await,
    );
    let not_editable = json!([{"field_id": 5999, "field_value": "x"}]);
    let refused = set("33611223344", not_editable.clone()).await.unwrap();
    spec.assert_response(
        social,
        "post",
        403,
        &json_of(refused, StatusCode::FORBIDDEN).await,
    );

    let social_user =
        "/custom-field/accounts/{social_media_account_id}/users/{social_media_user_id}";
    // The phone (an object) and the Contact id (a string): two of PrimitiveFieldValues' forms.
    let values = app
        .get_json("/custom-field/accounts/201/users/33611223344")
        .await;
    assert_eq!(values.as_array().unwrap().len(), 2);
    spec.assert_response(social_user, "get", 200, &values);
    let unknown = app
        .get("/custom-field/accounts/201/users/33700000009")
        .send()
        .await
        .unwrap();
    spec.assert_response(
        social_user,
        "get",
        404,
        &json_of(unknown, StatusCode::NOT_FOUND).await,
    );

    let profile_path = "/custom-field/users/{custom_field_user_id}";
    let actions = app.conversation_actions(1001).await;
    let profile = &actions[0]["task"]["message"]["author"]["group"]["id"];
    let path = format!("/custom-field/users/{profile}");
    spec.assert_response(profile_path, "get", 200, &app.get_json(&path).await);
    let put = |path: String, body: Value| {
        app.client
            .put(app.url(&path))
            .basic_auth(INSTANCE_ID, Some(SECRET))
            .json(&body)
            .send()
    };
    let ok = json_of(
        put(path.clone(), contact.clone()).await.unwrap(),
        StatusCode::OK,
    )
    .await;
    spec.assert_response(profile_path, "put", 200, &ok);
    let refused = put(path.clone(), json!({})).await.unwrap();
    spec.assert_response(
        profile_path,
        "put",
        400,
        &json_of(refused, StatusCode::BAD_REQUEST).await,
    );
    let refused = put(path, not_editable).await.unwrap();
    spec.assert_response(
        profile_path,
        "put",
        403,
        &json_of(refused, StatusCode::FORBIDDEN).await,
    );
    let refused = put("/custom-field/users/999999".into(), contact)
        .await
        .unwrap();
    spec.assert_response(
        profile_path,
        "put",
        404,
        &json_of(refused, StatusCode::NOT_FOUND).await,
    );

    let conversation_path = "/custom-field/conversations/{conversation_id}";
    let owner = json!([{"field_id": 6001, "field_value": "00G000000000001AAA"}]);
    let ok = json_of(
        put("/custom-field/conversations/1001".into(), owner)
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    spec.assert_response(conversation_path, "put", 200, &ok);
    let values = app.get_json("/custom-field/conversations/1001").await;
    assert_eq!(values.as_array().unwrap().len(), 1);
    spec.assert_response(conversation_path, "get", 200, &values);
}

#[test]
fn the_strict_copy_rejects_an_invented_field() {
    let spec = Spec::load("synchronize.yaml");
    let validator = spec.validator(json!({"$ref": "#/components/schemas/AdminUser"}));
    let agent = json!({"id": 1, "email": "a@example.com", "name": "A", "is_bot": false});
    assert!(validator.is_valid(&agent));
    let mut invented = agent.clone();
    invented["nickname"] = json!("Al");
    assert!(!validator.is_valid(&invented));
    let mut renamed = agent;
    renamed.as_object_mut().unwrap().remove("is_bot");
    renamed["isBot"] = json!(false);
    assert!(!validator.is_valid(&renamed));
}

/// The specs the tests load, and every file they `$ref`, are carried in the crate with their
/// licence, so a fresh clone checks the emulator with nothing beside it.
#[test]
fn the_carried_specs_are_complete() {
    const CHECKED: [&str; 7] = [
        "synchronize.yaml",
        "answer.yaml",
        "oauth.yaml",
        "user.yaml",
        "initiate-conversation-api.yaml",
        "optin-api.yaml",
        "custom-field.yaml",
    ];
    let mut referenced = std::collections::BTreeSet::new();
    for name in CHECKED {
        let text = std::fs::read_to_string(format!("{SPEC_DIR}/{name}"))
            .unwrap_or_else(|error| panic!("{SPEC_DIR}/{name}: {error}"));
        let document: Value = serde_yaml::from_str(&text).unwrap();
        collect_file_refs(&document, &mut referenced);
    }
    assert!(referenced.contains("shared-security.yaml"));
    for file in referenced.iter().map(String::as_str).chain(["LICENSE"]) {
        assert!(
            std::path::Path::new(SPEC_DIR).join(file).is_file(),
            "{SPEC_DIR}/{file} is referenced but not carried"
        );
    }
}

/// The file part of every `$ref` that points into another file (`other.yaml#/…`).
fn collect_file_refs(value: &Value, files: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Object(object) => {
            if let Some(Value::String(target)) = object.get("$ref") {
                let file = target.split('#').next().unwrap_or_default();
                if !file.is_empty() {
                    files.insert(file.to_owned());
                }
            }
            object
                .values()
                .for_each(|child| collect_file_refs(child, files));
        }
        Value::Array(items) => items
            .iter()
            .for_each(|child| collect_file_refs(child, files)),
        _ => {}
    }
}

/// A million generated actions over 50,000 conversations: seeded in seconds (the figure is
/// printed), and every listing of them as synchronize.yaml says, a conversation's whole history
/// in one call included.
#[tokio::test]
async fn a_million_generated_actions_seed_in_seconds_and_list_as_the_spec_says() {
    let spec = Spec::load("synchronize.yaml");
    let started = std::time::Instant::now();
    let app = start(alcmeon_emulator::Config {
        bulk_actions: 1_000_000,
        bulk_conversations: 50_000,
        ..test_config()
    })
    .await;
    let seeding = started.elapsed();
    println!("seeded 1,000,000 actions over 50,000 conversations in {seeding:?}");
    assert!(seeding < std::time::Duration::from_secs(10), "{seeding:?}");

    let health: Value = app
        .client
        .get(app.url("/_emulator/health"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let latest = health["latest_action_id"].as_u64().unwrap();
    assert!(latest > 1_000_000, "{health}");
    for min in [0, 500_000, latest - 3] {
        let page = app.get_json(&format!("/actions?min_action_id={min}")).await;
        spec.assert_response("/actions", "get", 200, &page);
        let ids: Vec<u64> = page
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_u64().unwrap())
            .collect();
        let expected = (min + 1..=latest).take(10).collect::<Vec<_>>();
        assert_eq!(ids, expected, "after {min}");
    }
    let body = app.get_json("/actions/conversations/30000").await;
    spec.assert_response(
        "/actions/conversations/{conversation_id}",
        "get",
        200,
        &body,
    );
    let actions = body[0]["actions"].as_array().unwrap();
    assert_eq!(
        actions.len(),
        20,
        "a million messages over 50,000 conversations"
    );
    assert!(
        actions
            .iter()
            .all(|a| a["task"]["conversation_id"] == 30000)
    );
    assert_eq!(
        app.get_json("/actions/conversations/51009").await,
        Value::Array(vec![]),
        "after the last generated conversation"
    );
}
