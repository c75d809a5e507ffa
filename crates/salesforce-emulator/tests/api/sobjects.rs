use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{error_code, start_default};

#[tokio::test]
async fn a_contact_is_created_read_updated_and_deleted() {
    let org = start_default().await;
    let id = org
        .create(
            "Contact",
            json!({"FirstName": "Inès", "LastName": "Garnier", "Email": "ines@example.com"}),
        )
        .await;
    assert_eq!(id.len(), 18);
    assert!(id.starts_with("003"), "{id}");

    let path = format!("/sobjects/Contact/{id}");
    let read = org.call(Method::GET, &path, None, StatusCode::OK).await;
    assert_eq!(read["Name"], "Inès Garnier");
    assert_eq!(read["Email"], "ines@example.com");
    assert_eq!(read["Phone"], Value::Null);
    assert_eq!(read["attributes"]["type"], "Contact");
    assert_eq!(
        read["attributes"]["url"],
        format!("/services/data/v62.0/sobjects/Contact/{id}")
    );
    let short_id_read = org
        .call(
            Method::GET,
            &format!("/sobjects/contact/{}?fields=lastname", &id[..15]),
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!(short_id_read["LastName"], "Garnier");
    assert!(short_id_read.get("Email").is_none());
    assert_eq!(
        short_id_read["attributes"]["url"],
        format!("/services/data/v62.0/sobjects/Contact/{id}"),
        "the url names the 18-character id"
    );

    let updated = org
        .call(
            Method::PATCH,
            &path,
            Some(json!({"Phone": "+33 1 23 45 67 89", "Email": ""})),
            StatusCode::NO_CONTENT,
        )
        .await;
    assert_eq!(updated, Value::Null);
    let read = org.call(Method::GET, &path, None, StatusCode::OK).await;
    assert_eq!(read["Phone"], "+33 1 23 45 67 89");
    assert_eq!(
        read["Email"],
        Value::Null,
        "an empty text is stored as null"
    );

    org.call(Method::DELETE, &path, None, StatusCode::NO_CONTENT)
        .await;
    let gone = org
        .call(Method::GET, &path, None, StatusCode::NOT_FOUND)
        .await;
    assert_eq!(error_code(&gone), "NOT_FOUND");
    org.call(
        Method::PATCH,
        &path,
        Some(json!({"Phone": "1"})),
        StatusCode::NOT_FOUND,
    )
    .await;
}

#[tokio::test]
async fn an_upsert_by_scoped_id_creates_then_updates_the_same_conversation() {
    let org = start_default().await;
    let contact = org.create("Contact", json!({"LastName": "Weber"})).await;
    let path = "/sobjects/alcmeon__Conversation__c/alcmeon__scoped_id__c/lumio:1002:facebook:77";
    let created = org
        .call(
            Method::PATCH,
            path,
            Some(json!({"alcmeon__Status__c": "OPENED", "alcmeon__Social_media_type__c": "facebook"})),
            StatusCode::CREATED,
        )
        .await;
    assert_eq!(created["created"], true);
    assert_eq!(created["success"], true);
    assert_eq!(created["errors"], json!([]));
    let id = created["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("a0A"), "{id}");

    let updated = org
        .call(
            Method::PATCH,
            path,
            Some(json!({"alcmeon__Status__c": "CLOSED", "alcmeon__Contact__c": contact})),
            StatusCode::OK,
        )
        .await;
    assert_eq!(
        updated,
        json!({"id": id, "success": true, "errors": [], "created": false})
    );

    let records = org.records("alcmeon__Conversation__c").await;
    assert_eq!(records.len(), 1);
    let record = &records[0];
    assert_eq!(record["alcmeon__scoped_id__c"], "lumio:1002:facebook:77");
    assert_eq!(record["alcmeon__Status__c"], "CLOSED");
    assert_eq!(record["alcmeon__Social_media_type__c"], "facebook");
    assert_eq!(record["alcmeon__Contact__c"], contact.as_str());
    assert_eq!(record["Name"], "C-000001");
    let by_scoped_id = org
        .call(
            Method::GET,
            &format!("{path}?fields=alcmeon__Status__c"),
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!(by_scoped_id["alcmeon__Status__c"], "CLOSED");
    assert_eq!(
        by_scoped_id["attributes"]["url"],
        format!("/services/data/v62.0/sobjects/alcmeon__Conversation__c/{id}")
    );

    let not_external = org
        .call(
            Method::PATCH,
            "/sobjects/alcmeon__Conversation__c/alcmeon__Status__c/OPENED",
            Some(json!({})),
            StatusCode::NOT_FOUND,
        )
        .await;
    assert_eq!(error_code(&not_external), "NOT_FOUND");

    let by_id = format!("/sobjects/alcmeon__Conversation__c/{id}");
    org.call(
        Method::PATCH,
        &by_id,
        Some(json!({"alcmeon__scoped_id__c": "lumio:1002:facebook:78"})),
        StatusCode::NO_CONTENT,
    )
    .await;
    let old_scoped_id = org
        .call(Method::PATCH, path, Some(json!({})), StatusCode::CREATED)
        .await;
    let renamed = "/sobjects/alcmeon__Conversation__c/alcmeon__scoped_id__c/lumio:1002:facebook:78";
    org.call(Method::PATCH, renamed, Some(json!({})), StatusCode::OK)
        .await;
    let old_id = old_scoped_id["id"].as_str().unwrap();
    org.call(
        Method::DELETE,
        &format!("/sobjects/alcmeon__Conversation__c/{old_id}"),
        None,
        StatusCode::NO_CONTENT,
    )
    .await;
    org.call(Method::PATCH, path, Some(json!({})), StatusCode::CREATED)
        .await;
}

#[tokio::test]
async fn refused_writes_answer_salesforce_errors_and_store_nothing() {
    let org = start_default().await;
    let contact = org.create("Contact", json!({"LastName": "Rossi"})).await;
    let account = org.create("Account", json!({"Name": "Lumio"})).await;
    let conversation = |fields: Value| {
        let mut body = json!({"alcmeon__scoped_id__c": "a:b:c:d"});
        body.as_object_mut()
            .unwrap()
            .extend(fields.as_object().unwrap().clone());
        body
    };
    let cases = [
        (
            "Contact",
            json!({"LastName": "X", "Shoe_size__c": "42"}),
            "INVALID_FIELD",
            vec![],
        ),
        (
            "Contact",
            json!({"FirstName": "No last name"}),
            "REQUIRED_FIELD_MISSING",
            vec!["LastName"],
        ),
        (
            "Contact",
            json!({"LastName": "X", "Name": "Y"}),
            "INVALID_FIELD_FOR_INSERT_UPDATE",
            vec!["Name"],
        ),
        (
            "Contact",
            json!({"LastName": "X", "HasOptedOutOfEmail": "yes"}),
            "JSON_PARSER_ERROR",
            vec!["HasOptedOutOfEmail"],
        ),
        (
            "Account",
            json!({"Phone": "1"}),
            "REQUIRED_FIELD_MISSING",
            vec!["Name"],
        ),
        (
            "alcmeon__Conversation__c",
            json!({"alcmeon__Status__c": "OPENED"}),
            "REQUIRED_FIELD_MISSING",
            vec!["alcmeon__scoped_id__c"],
        ),
        (
            "alcmeon__Conversation__c",
            conversation(json!({"alcmeon__Contact__c": "003-bogus"})),
            "MALFORMED_ID",
            vec!["alcmeon__Contact__c"],
        ),
        (
            "alcmeon__Conversation__c",
            conversation(json!({"alcmeon__Contact__c": "0035g0000000zzz"})),
            "INVALID_CROSS_REFERENCE_KEY",
            vec!["alcmeon__Contact__c"],
        ),
        (
            "alcmeon__Conversation__c",
            conversation(json!({"alcmeon__Contact__c": account})),
            "INVALID_CROSS_REFERENCE_KEY",
            vec!["alcmeon__Contact__c"],
        ),
        (
            "alcmeon__Conversation__c",
            json!({"alcmeon__scoped_id__c": "x".repeat(31)}),
            "STRING_TOO_LONG",
            vec!["alcmeon__scoped_id__c"],
        ),
    ];
    for (object, body, code, fields) in cases {
        let answer = org
            .call(
                Method::POST,
                &format!("/sobjects/{object}"),
                Some(body.clone()),
                StatusCode::BAD_REQUEST,
            )
            .await;
        assert_eq!(error_code(&answer), code, "{object} {body}");
        assert_eq!(answer[0]["fields"], json!(fields), "{object} {body}");
        assert!(
            answer[0]["message"]
                .as_str()
                .is_some_and(|message| !message.is_empty())
        );
    }
    assert!(org.records("alcmeon__Conversation__c").await.is_empty());
    assert_eq!(org.records("Account").await.len(), 1);

    org.create(
        "alcmeon__Conversation__c",
        conversation(json!({"alcmeon__Contact__c": contact})),
    )
    .await;
    let duplicate = org
        .call(
            Method::POST,
            "/sobjects/alcmeon__Conversation__c",
            Some(conversation(json!({}))),
            StatusCode::BAD_REQUEST,
        )
        .await;
    assert_eq!(error_code(&duplicate), "DUPLICATE_VALUE");
    let unknown_object = org
        .call(
            Method::POST,
            "/sobjects/Opportunity",
            Some(json!({"Name": "x"})),
            StatusCode::NOT_FOUND,
        )
        .await;
    assert_eq!(error_code(&unknown_object), "NOT_FOUND");
    let not_json = org
        .api(Method::POST, "/sobjects/Contact")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(not_json.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        error_code(&not_json.json().await.unwrap()),
        "JSON_PARSER_ERROR"
    );
    let wrong_method = org
        .call(
            Method::PUT,
            &format!("/sobjects/Contact/{contact}"),
            Some(json!({})),
            StatusCode::METHOD_NOT_ALLOWED,
        )
        .await;
    assert_eq!(error_code(&wrong_method), "METHOD_NOT_ALLOWED");
    let unknown_path = org
        .call(
            Method::GET,
            "/no-such-resource",
            None,
            StatusCode::NOT_FOUND,
        )
        .await;
    assert_eq!(error_code(&unknown_path), "NOT_FOUND");
}

#[tokio::test]
async fn a_person_account_gets_a_hidden_contact_that_follows_its_names() {
    let org = start_default().await;
    let account = org
        .create(
            "Account",
            json!({"FirstName": "Nadia", "LastName": "Kaci", "PersonMobilePhone": "+33600000001"}),
        )
        .await;
    assert!(account.starts_with("001"));
    let read = org
        .call(
            Method::GET,
            &format!("/sobjects/Account/{account}"),
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!(read["IsPersonAccount"], true);
    assert_eq!(read["Name"], "Nadia Kaci");
    let contact = read["PersonContactId"].as_str().unwrap().to_owned();
    let person = org
        .call(
            Method::GET,
            &format!("/sobjects/Contact/{contact}"),
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!(person["IsPersonAccount"], true);
    assert_eq!(person["AccountId"], account.as_str());
    assert_eq!(person["MobilePhone"], "+33600000001");

    org.call(
        Method::PATCH,
        &format!("/sobjects/Account/{account}"),
        Some(json!({"LastName": "Kaci-Martin"})),
        StatusCode::NO_CONTENT,
    )
    .await;
    let person = org
        .call(
            Method::GET,
            &format!("/sobjects/Contact/{contact}"),
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!(person["Name"], "Nadia Kaci-Martin");

    let business = org.create("Account", json!({"Name": "Lumio"})).await;
    let read = org
        .call(
            Method::GET,
            &format!("/sobjects/Account/{business}"),
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!(read["IsPersonAccount"], false);
    assert_eq!(read["PersonContactId"], Value::Null);

    org.create(
        "alcmeon__Conversation__c",
        json!({"alcmeon__scoped_id__c": "a:b:c:1", "alcmeon__Account__c": account}),
    )
    .await;
    org.call(
        Method::DELETE,
        &format!("/sobjects/Account/{account}"),
        None,
        StatusCode::NO_CONTENT,
    )
    .await;
    org.call(
        Method::GET,
        &format!("/sobjects/Contact/{contact}"),
        None,
        StatusCode::NOT_FOUND,
    )
    .await;
    let conversation = &org.records("alcmeon__Conversation__c").await[0];
    assert_eq!(
        conversation["alcmeon__Account__c"],
        Value::Null,
        "a lookup to a deleted record is cleared"
    );
}

#[tokio::test]
async fn a_record_made_or_changed_in_the_orgs_own_pages_is_read_through_the_api() {
    let org = start_default().await;
    let made = org
        .control(
            Method::POST,
            "/records/Contact",
            json!({"FirstName": "Noé", "LastName": "Lambert", "MobilePhone": "+33600000001"}),
        )
        .await;
    assert_eq!(made.status(), StatusCode::OK);
    let id = made.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let changed = org
        .control(
            Method::PATCH,
            &format!("/records/Contact/{id}"),
            json!({"Email": "noe@example.com"}),
        )
        .await;
    assert_eq!(changed.status(), StatusCode::OK);
    let read = org
        .call(
            Method::GET,
            &format!("/sobjects/Contact/{id}"),
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!(
        (&read["Name"], &read["Email"]),
        (&json!("Noé Lambert"), &json!("noe@example.com"))
    );

    let refused = org
        .control(Method::POST, "/records/Contact", json!({"Nickname": "x"}))
        .await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let unknown = org
        .control(
            Method::PATCH,
            "/records/Contact/003000000000000AAA",
            json!({"Email": "a@example.com"}),
        )
        .await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}
