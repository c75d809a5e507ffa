//! Opt-in lists (optin-api.yaml): the seeded consent, every operation and every listed error,
//! each answer checked against the spec.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestEmulator, start_default};
use crate::spec_conformance::{Spec, json_of};

const SPEC: &str = "optin-api.yaml";

async fn get(
    app: &TestEmulator,
    spec: &Spec,
    route: &str,
    path: &str,
    status: StatusCode,
) -> Value {
    let body = json_of(app.get(path).send().await.unwrap(), status).await;
    spec.assert_response(route, "get", status.as_u16(), &body);
    body
}

async fn post(
    app: &TestEmulator,
    spec: &Spec,
    route: &str,
    path: &str,
    body: Value,
    status: StatusCode,
) -> Value {
    let answer = json_of(app.post(path).json(&body).send().await.unwrap(), status).await;
    spec.assert_response(route, "post", status.as_u16(), &answer);
    answer
}

#[tokio::test]
async fn the_seed_holds_an_opted_in_and_an_opted_out_customer() {
    let app = start_default().await;
    let spec = Spec::load(SPEC);
    let lists = get(&app, &spec, "/v1/optins", "/v1/optins", StatusCode::OK).await;
    assert_eq!(lists[0]["id"], 1501);
    assert_eq!(lists[0]["name"], "Lumio order updates");
    let one = get(
        &app,
        &spec,
        "/v1/optins/{optin_id}",
        "/v1/optins/1501",
        StatusCode::OK,
    )
    .await;
    assert_eq!(one, lists[0]);
    let optins = get(
        &app,
        &spec,
        "/v1/optins/{optin_id}/user-optins",
        "/v1/optins/1501/user-optins",
        StatusCode::OK,
    )
    .await;
    let numbers: Vec<&Value> = optins["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["user_phone_number"])
        .collect();
    assert_eq!(
        numbers,
        [
            &json!("33612345678"),
            &json!("33611223344"),
            &json!("33623456789")
        ]
    );
    assert_eq!(
        (&optins["total"], &optins["next"]),
        (&json!(3), &Value::Null)
    );
    assert!(
        optins["data"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["account_id"] == 201)
    );
    let optouts = get(
        &app,
        &spec,
        "/v1/optins/{optin_id}/user-optouts",
        "/v1/optins/1501/user-optouts",
        StatusCode::OK,
    )
    .await;
    assert_eq!(optouts["data"][0]["user_phone_number"], "33698765432");
    assert_eq!(optouts["data"][0]["id"], 1701);
    let optout = get(
        &app,
        &spec,
        "/v1/optins/{optin_id}/user-optouts/{user_optout_id}",
        "/v1/optins/1501/user-optouts/1701",
        StatusCode::OK,
    )
    .await;
    assert_eq!(optout, optouts["data"][0]);
    let optin = get(
        &app,
        &spec,
        "/v1/optins/{optin_id}/user-optins/{user_optin_id}",
        "/v1/optins/1501/user-optins/1601",
        StatusCode::OK,
    )
    .await;
    assert_eq!(optin["user_phone_number"], "33612345678");
}

#[tokio::test]
async fn lists_are_created_filled_paged_emptied_and_deleted() {
    let app = start_default().await;
    let spec = Spec::load(SPEC);
    let created = post(
        &app,
        &spec,
        "/v1/optins",
        "/v1/optins",
        json!({"name": "Promotions", "type": "default"}),
        StatusCode::OK,
    )
    .await;
    let id = created["id"].as_u64().unwrap();
    let duplicate = post(
        &app,
        &spec,
        "/v1/optins",
        "/v1/optins",
        json!({"name": "Promotions", "type": "default"}),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(duplicate["error"], "optin-name-already-exists");
    let invalid = post(
        &app,
        &spec,
        "/v1/optins",
        "/v1/optins",
        json!({"name": "X", "type": "weekly"}),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(invalid["error"], "invalid-request-body");

    let route = "/v1/optins/{optin_id}/user-optins";
    let path = format!("/v1/optins/{id}/user-optins");
    let added = post(&app, &spec, route, &path, json!({"account_id": 201, "user_phone_numbers": ["+33611111111", "33622222222", "33611111111"]}), StatusCode::OK).await;
    assert_eq!(
        added,
        json!({"created": 2, "already_existed": 1, "total_requested": 3})
    );
    for (numbers, error) in [
        (json!([]), "empty-phone-number-list"),
        (json!(["abc123"]), "invalid-phone-number-format"),
        (json!(["123"]), "invalid-phone-number"),
    ] {
        let refused = post(
            &app,
            &spec,
            route,
            &path,
            json!({"account_id": 201, "user_phone_numbers": numbers}),
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(refused["error"], error);
    }
    let first = get(
        &app,
        &spec,
        route,
        &format!("{path}?limit=1"),
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        first["next"],
        format!("/v1/optins/{id}/user-optins?limit=1&page=1")
    );
    assert_eq!(
        (&first["total"], &first["limit"], &first["page"]),
        (&json!(2), &json!(1), &json!(0))
    );
    let bad_page = get(
        &app,
        &spec,
        route,
        &format!("{path}?limit=0"),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(bad_page["error"], "invalid-pagination-params");

    let out = post(
        &app,
        &spec,
        "/v1/optins/{optin_id}/optout",
        &format!("/v1/optins/{id}/optout"),
        json!({"account_id": 201, "user_phone_numbers": ["33611111111", "33699999999"]}),
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        out,
        json!({"deleted": 1, "not_found": 1, "total_requested": 2})
    );
    let remaining = get(&app, &spec, route, &path, StatusCode::OK).await;
    assert_eq!(remaining["data"][0]["user_phone_number"], "33622222222");

    let response = app
        .client
        .delete(app.url(&format!("/v1/optins/{id}")))
        .basic_auth("demo-instance", Some("demo-secret"))
        .send()
        .await
        .unwrap();
    let deleted = json_of(response, StatusCode::OK).await;
    spec.assert_response("/v1/optins/{optin_id}", "delete", 200, &deleted);
    let gone = get(
        &app,
        &spec,
        "/v1/optins/{optin_id}",
        &format!("/v1/optins/{id}"),
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(gone["error"], "optin-not-found");
}

#[tokio::test]
async fn unknown_lists_and_entries_are_404_with_the_spec_strings() {
    let app = start_default().await;
    let spec = Spec::load(SPEC);
    let missing_list = get(
        &app,
        &spec,
        "/v1/optins/{optin_id}/user-optins",
        "/v1/optins/9/user-optins",
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(missing_list["error"], "optin-not-found");
    let missing_optin = get(
        &app,
        &spec,
        "/v1/optins/{optin_id}/user-optins/{user_optin_id}",
        "/v1/optins/1501/user-optins/1701",
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(missing_optin["error"], "user-optin-not-found");
    let missing_optout = get(
        &app,
        &spec,
        "/v1/optins/{optin_id}/user-optouts/{user_optout_id}",
        "/v1/optins/1501/user-optouts/1601",
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(missing_optout["error"], "user-optout-not-found");
    let not_listed = post(
        &app,
        &spec,
        "/v1/optins/{optin_id}/optout",
        "/v1/optins/9/optout",
        json!({"account_id": 201, "user_phone_numbers": ["33612345678"]}),
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(not_listed["error"], "optin-not-found");
}
