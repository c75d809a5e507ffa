//! User custom fields (custom-field.yaml) over HTTP: the seeded definitions, values set on a social
//! media user or a profile and read back (and carried by the next actions), the errors, the
//! credentials, and a restart. Their bodies against the spec: `spec_conformance.rs`.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{INSTANCE_ID, TestEmulator, start, start_default, test_config};

/// Amélie Dubois, the customer of conversation 1001 on WhatsApp account 201.
const AMELIE: &str = "/custom-field/accounts/201/users/33611223344";
const CONTACT_FIELD: u64 = 5002;
const CONTACT_ID: &str = "003000000000001AAA";

impl TestEmulator {
    fn put(&self, path: &str) -> reqwest::RequestBuilder {
        self.client
            .put(self.url(path))
            .basic_auth(INSTANCE_ID, Some(crate::helpers::SECRET))
    }

    async fn set_contact_of(&self, user_id: &str, contact_id: &str) -> reqwest::Response {
        self.post("/custom-field/accounts/201/users")
            .json(&json!({"user_id": user_id, "fields": [
                {"field_id": CONTACT_FIELD, "field_value": contact_id}
            ]}))
            .send()
            .await
            .unwrap()
    }

    /// `author.group.id` of a conversation's customer: their `custom_field_user_id`.
    async fn profile_id_of(&self, conversation_id: u64) -> u64 {
        let actions = self.conversation_actions(conversation_id).await;
        actions[0]["task"]["message"]["author"]["group"]["id"]
            .as_u64()
            .unwrap()
    }
}

async fn error_of(response: reqwest::Response, status: StatusCode) -> String {
    assert_eq!(response.status(), status);
    let body: Value = response.json().await.unwrap();
    body["error"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn the_seeded_user_fields_are_the_phone_and_the_salesforce_contact_id() {
    let app = start_default().await;
    let fields = app.get_json("/custom-field/users/fields").await;
    let described: Vec<(u64, &str, &str)> = fields
        .as_array()
        .unwrap()
        .iter()
        .map(|field| {
            (
                field["id"].as_u64().unwrap(),
                field["label"].as_str().unwrap(),
                field["type"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        described,
        [
            (5001, "Phone", "phone"),
            (CONTACT_FIELD, "Salesforce Contact Id", "string")
        ]
    );
    let one = app.get_json("/custom-field/users/fields/5002").await;
    assert_eq!(one, fields[1]);
    let missing = app
        .get("/custom-field/users/fields/5999")
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_of(missing, StatusCode::NOT_FOUND).await,
        "field-not-found"
    );
}

#[tokio::test]
async fn a_contact_id_set_on_a_social_user_is_read_back_and_carried_by_their_next_message() {
    let app = start_default().await;
    let before = app.get_json(AMELIE).await;
    assert_eq!(
        before,
        json!([{"field_id": 5001, "field_value": {"country_prefix": "33", "number": "611223344"}}])
    );

    let set = app.set_contact_of("33611223344", CONTACT_ID).await;
    assert_eq!(set.status(), StatusCode::OK);
    assert_eq!(set.json::<Value>().await.unwrap(), json!("ok"));

    let after = app.get_json(AMELIE).await;
    assert_eq!(after[0], before[0], "the phone stays");
    assert_eq!(
        after[1],
        json!({"field_id": CONTACT_FIELD, "field_value": CONTACT_ID})
    );
    let profile = app.profile_id_of(1001).await;
    assert_eq!(
        app.get_json(&format!("/custom-field/users/{profile}"))
            .await,
        after
    );
    app.inject(1001, "Any news?").await;
    let newest = app.conversation_actions(1001).await.pop().unwrap();
    assert_eq!(
        newest["task"]["message"]["author"]["group"]["custom_fields"],
        after
    );
}

#[tokio::test]
async fn a_profile_set_by_its_id_replaces_the_value_of_that_field_only() {
    let app = start_default().await;
    let profile = app.profile_id_of(1002).await;
    let path = format!("/custom-field/users/{profile}");
    for contact_id in ["003000000000001AAA", "003000000000002AAA"] {
        let set = app
            .put(&path)
            .json(&json!([{"field_id": CONTACT_FIELD, "field_value": contact_id}]))
            .send()
            .await
            .unwrap();
        assert_eq!(set.status(), StatusCode::OK);
    }
    assert_eq!(
        app.get_json(&path).await,
        json!([{"field_id": CONTACT_FIELD, "field_value": "003000000000002AAA"}])
    );
    let other = app.profile_id_of(1003).await;
    assert_eq!(
        app.get_json(&format!("/custom-field/users/{other}")).await,
        json!([])
    );
}

#[tokio::test]
async fn setting_fields_of_an_unknown_social_user_creates_them() {
    let app = start_default().await;
    let path = "/custom-field/accounts/201/users/33700000001";
    let unknown = app.get(path).send().await.unwrap();
    assert_eq!(
        error_of(unknown, StatusCode::NOT_FOUND).await,
        "user-not-found"
    );
    let set = app.set_contact_of("33700000001", CONTACT_ID).await;
    assert_eq!(set.status(), StatusCode::OK);
    assert_eq!(
        app.get_json(path).await,
        json!([{"field_id": CONTACT_FIELD, "field_value": CONTACT_ID}])
    );
}

#[tokio::test]
async fn unknown_profiles_fields_and_values_of_another_type_are_refused() {
    let app = start_default().await;
    let profile = app.profile_id_of(1001).await;
    let put = |path: String, body: Value| app.put(&path).json(&body).send();
    let contact = json!([{"field_id": CONTACT_FIELD, "field_value": CONTACT_ID}]);

    let unknown_profile = put("/custom-field/users/999999".into(), contact)
        .await
        .unwrap();
    assert_eq!(
        error_of(unknown_profile, StatusCode::NOT_FOUND).await,
        "user-not-found"
    );
    let path = format!("/custom-field/users/{profile}");
    let unknown_field = put(
        path.clone(),
        json!([{"field_id": 5999, "field_value": "x"}]),
    )
    .await
    .unwrap();
    assert_eq!(
        error_of(unknown_field, StatusCode::FORBIDDEN).await,
        "field-not-editable"
    );
    let wrong_type = put(
        path.clone(),
        json!([{"field_id": CONTACT_FIELD, "field_value": 3}]),
    )
    .await
    .unwrap();
    assert_eq!(
        error_of(wrong_type, StatusCode::BAD_REQUEST).await,
        "invalid-field-value"
    );
    let not_a_list = put(path, json!({"field_id": CONTACT_FIELD})).await.unwrap();
    assert_eq!(
        error_of(not_a_list, StatusCode::BAD_REQUEST).await,
        "invalid-request-body"
    );
    let no_fields = app
        .post("/custom-field/accounts/201/users")
        .json(&json!({"user_id": "33611223344"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_of(no_fields, StatusCode::BAD_REQUEST).await,
        "invalid-request-body"
    );
    let unknown_account = app
        .post("/custom-field/accounts/299/users")
        .json(&json!({"user_id": "33611223344", "fields": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_of(unknown_account, StatusCode::BAD_REQUEST).await,
        "invalid-request-body"
    );
    assert_eq!(
        app.get_json(AMELIE).await.as_array().unwrap().len(),
        1,
        "nothing refused was stored"
    );
}

#[tokio::test]
async fn custom_fields_need_the_applications_credentials() {
    let app = start_default().await;
    let anonymous = app
        .client
        .get(app.url("/custom-field/users/fields"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let wrong_secret = app
        .client
        .post(app.url("/custom-field/accounts/201/users"))
        .basic_auth(INSTANCE_ID, Some("not-the-secret"))
        .json(&json!({"user_id": "33611223344", "fields": [
            {"field_id": CONTACT_FIELD, "field_value": CONTACT_ID}
        ]}))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_secret.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(app.get_json(AMELIE).await.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn values_survive_a_restart() {
    let folder = tempfile::tempdir().unwrap();
    let config = alcmeon_emulator::Config {
        state_path: Some(folder.path().join("state.json")),
        ..test_config()
    };
    let first = start(config.clone()).await;
    assert_eq!(
        first
            .set_contact_of("33611223344", CONTACT_ID)
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        first
            .set_contact_of("33700000002", CONTACT_ID)
            .await
            .status(),
        StatusCode::OK
    );
    let before = first.get_json(AMELIE).await;
    drop(first);

    let second = start(config).await;
    assert_eq!(second.get_json(AMELIE).await, before);
    assert_eq!(
        second
            .get_json("/custom-field/accounts/201/users/33700000002")
            .await,
        json!([{"field_id": CONTACT_FIELD, "field_value": CONTACT_ID}])
    );
}
