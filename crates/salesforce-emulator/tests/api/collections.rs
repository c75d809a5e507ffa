use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{error_code, start_default};

const UPSERT: &str = "/composite/sobjects/alcmeon__Conversation__c/alcmeon__scoped_id__c";

fn conversation(scoped_id: &str, status: &str) -> Value {
    json!({
        "attributes": {"type": "alcmeon__Conversation__c"},
        "alcmeon__scoped_id__c": scoped_id,
        "alcmeon__Status__c": status,
    })
}

/// Three conversations for an upsert: the first already exists, the second is new, the third
/// links a Contact that does not exist.
async fn upsert_with_a_bad_record(all_or_none: bool) -> (crate::helpers::TestOrg, Value) {
    let org = start_default().await;
    org.call(
        Method::PATCH,
        "/sobjects/alcmeon__Conversation__c/alcmeon__scoped_id__c/a:1:c:d",
        Some(json!({"alcmeon__Status__c": "OPENED"})),
        StatusCode::CREATED,
    )
    .await;
    let mut bad = conversation("a:3:c:d", "OPENED");
    bad["alcmeon__Contact__c"] = json!("0035g0000000zzz");
    let body = json!({
        "allOrNone": all_or_none,
        "records": [conversation("a:1:c:d", "CLOSED"), conversation("a:2:c:d", "OPENED"), bad],
    });
    let results = org
        .call(Method::PATCH, UPSERT, Some(body), StatusCode::OK)
        .await;
    (org, results)
}

fn status_of(records: &[Value], scoped_id: &str) -> Option<Value> {
    records
        .iter()
        .find(|record| record["alcmeon__scoped_id__c"] == scoped_id)
        .map(|record| record["alcmeon__Status__c"].clone())
}

#[tokio::test]
async fn a_collection_upsert_without_all_or_none_keeps_the_good_records() {
    let (org, results) = upsert_with_a_bad_record(false).await;
    let results = results.as_array().unwrap();
    assert_eq!(results.len(), 3);
    assert_eq!(
        (results[0]["success"].clone(), results[0]["created"].clone()),
        (json!(true), json!(false))
    );
    assert_eq!(
        (results[1]["success"].clone(), results[1]["created"].clone()),
        (json!(true), json!(true))
    );
    assert_eq!(results[2]["success"], false);
    assert_eq!(
        results[2]["errors"][0]["statusCode"],
        "INVALID_CROSS_REFERENCE_KEY"
    );
    assert_eq!(
        results[2]["errors"][0]["fields"],
        json!(["alcmeon__Contact__c"])
    );

    let records = org.records("alcmeon__Conversation__c").await;
    assert_eq!(records.len(), 2);
    assert_eq!(status_of(&records, "a:1:c:d"), Some(json!("CLOSED")));
    assert_eq!(status_of(&records, "a:2:c:d"), Some(json!("OPENED")));
    assert_eq!(status_of(&records, "a:3:c:d"), None);
}

#[tokio::test]
async fn a_collection_upsert_with_all_or_none_rolls_every_record_back() {
    let (org, results) = upsert_with_a_bad_record(true).await;
    let results = results.as_array().unwrap();
    assert!(
        results.iter().all(|result| result["success"] == false),
        "{results:?}"
    );
    assert_eq!(
        results[0]["errors"][0]["statusCode"],
        "ALL_OR_NONE_OPERATION_ROLLED_BACK"
    );
    assert_eq!(
        results[1]["errors"][0]["statusCode"],
        "ALL_OR_NONE_OPERATION_ROLLED_BACK"
    );
    assert_eq!(
        results[2]["errors"][0]["statusCode"],
        "INVALID_CROSS_REFERENCE_KEY"
    );

    let records = org.records("alcmeon__Conversation__c").await;
    assert_eq!(records.len(), 1);
    assert_eq!(status_of(&records, "a:1:c:d"), Some(json!("OPENED")));
    let next = org
        .create(
            "alcmeon__Conversation__c",
            json!({"alcmeon__scoped_id__c": "a:4:c:d"}),
        )
        .await;
    let next = org
        .call(
            Method::GET,
            &format!("/sobjects/alcmeon__Conversation__c/{next}"),
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!(
        next["Name"], "C-000002",
        "a rolled-back create leaves no gap in the numbering"
    );
    let retried = org
        .call(
            Method::PATCH,
            UPSERT,
            Some(json!({"records": [conversation("a:2:c:d", "OPENED")]})),
            StatusCode::OK,
        )
        .await;
    assert_eq!(
        retried[0]["created"], true,
        "the rolled-back record is created anew"
    );
}

#[tokio::test]
async fn a_collection_create_writes_records_of_several_objects() {
    let org = start_default().await;
    let body = json!({
        "allOrNone": false,
        "records": [
            {"attributes": {"type": "Contact"}, "LastName": "Petit", "FirstName": "Camille"},
            {"attributes": {"type": "Case"}, "Subject": "Conversation with: Camille Petit"},
            {"attributes": {"type": "Contact"}, "FirstName": "No last name"},
            {"LastName": "No type"},
        ],
    });
    let results = org
        .call(
            Method::POST,
            "/composite/sobjects",
            Some(body),
            StatusCode::OK,
        )
        .await;
    assert!(results[0]["id"].as_str().unwrap().starts_with("003"));
    assert!(results[1]["id"].as_str().unwrap().starts_with("500"));
    assert_eq!(results[2]["success"], false);
    assert_eq!(
        results[2]["errors"][0]["statusCode"],
        "REQUIRED_FIELD_MISSING"
    );
    assert_eq!(results[3]["errors"][0]["statusCode"], "INVALID_TYPE");
    assert_eq!(org.records("Case").await.len(), 1);
}

#[tokio::test]
async fn a_collection_of_more_than_200_records_is_refused_whole() {
    let org = start_default().await;
    let records: Vec<Value> = (0..201)
        .map(|n| conversation(&format!("a:{n}:c:d"), "OPENED"))
        .collect();
    let answer = org
        .call(
            Method::PATCH,
            UPSERT,
            Some(json!({"records": records})),
            StatusCode::BAD_REQUEST,
        )
        .await;
    assert_eq!(error_code(&answer), "EXCEEDED_ID_LIMIT");
    assert!(org.records("alcmeon__Conversation__c").await.is_empty());
    let two_hundred = json!({"records": records[..200]});
    let results = org
        .call(Method::PATCH, UPSERT, Some(two_hundred), StatusCode::OK)
        .await;
    assert!(
        results
            .as_array()
            .unwrap()
            .iter()
            .all(|result| result["created"] == true)
    );
}
