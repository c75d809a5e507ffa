use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{error_code, start_default};

fn names(answer: &Value) -> Vec<String> {
    answer["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|record| record["LastName"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn the_seeded_contacts_answer_a_filtered_ordered_limited_query() {
    let org = start_default().await;
    let answer = org
        .query("SELECT Id, FirstName, LastName FROM Contact WHERE MobilePhone != null ORDER BY LastName DESC LIMIT 3")
        .await;
    assert_eq!(answer["totalSize"], 3);
    assert_eq!(answer["done"], true);
    assert_eq!(names(&answer), ["Petit", "Moreau", "Fontaine"]);
    let first = &answer["records"][0];
    assert_eq!(first["FirstName"], "Camille");
    assert_eq!(first["attributes"]["type"], "Contact");
    let id = first["Id"].as_str().unwrap();
    assert_eq!(
        first["attributes"]["url"],
        format!("/services/data/v62.0/sobjects/Contact/{id}")
    );
    assert!(
        first.get("MobilePhone").is_none(),
        "only the selected fields"
    );

    let by_phone = org
        .query("select FirstName, LastName from contact where MobilePhone = '+33611223344'")
        .await;
    assert_eq!(by_phone["records"][0]["FirstName"], "Amélie");
    assert_eq!(by_phone["records"][0]["LastName"], "Dubois");
}

#[tokio::test]
async fn like_or_in_and_parentheses_select_as_soql_does() {
    let org = start_default().await;
    let answer = org
        .query("SELECT LastName FROM Contact WHERE LastName LIKE 'd%' OR FirstName = 'JONAS' ORDER BY LastName")
        .await;
    assert_eq!(names(&answer), ["Dubois", "Weber"]);

    let answer = org
        .query("SELECT LastName FROM Contact WHERE (LastName LIKE '%o%' OR LastName = 'Petit') AND MobilePhone != null ORDER BY LastName")
        .await;
    assert_eq!(names(&answer), ["Dubois", "Fontaine", "Moreau", "Petit"]);

    let answer = org
        .query(
            "SELECT LastName FROM Contact WHERE LastName IN ('Rossi', 'Bernard') ORDER BY LastName",
        )
        .await;
    assert_eq!(names(&answer), ["Bernard", "Rossi"]);
}

#[tokio::test]
async fn conversations_are_found_by_their_contact_with_either_id_form() {
    let org = start_default().await;
    let contact = org.create("Contact", json!({"LastName": "Haddad"})).await;
    for (scoped_id, linked) in [("a:1:c:d", true), ("a:2:c:d", false), ("a:3:c:d", true)] {
        let mut fields =
            json!({"alcmeon__scoped_id__c": scoped_id, "alcmeon__Status__c": "OPENED"});
        if linked {
            fields["alcmeon__Contact__c"] = json!(contact);
        }
        org.create("alcmeon__Conversation__c", fields).await;
    }
    for id in [contact.clone(), contact[..15].to_owned()] {
        let answer = org
            .query(&format!("SELECT alcmeon__scoped_id__c FROM alcmeon__Conversation__c WHERE alcmeon__Contact__c = '{id}' ORDER BY alcmeon__scoped_id__c DESC"))
            .await;
        let scoped: Vec<&Value> = answer["records"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| &r["alcmeon__scoped_id__c"])
            .collect();
        assert_eq!(scoped, [&json!("a:3:c:d"), &json!("a:1:c:d")], "{id}");
    }
}

#[tokio::test]
async fn a_query_outside_the_subset_is_refused_in_salesforce_shape() {
    let org = start_default().await;
    let cases = [
        (
            "SELECT COUNT() FROM Contact",
            StatusCode::BAD_REQUEST,
            "MALFORMED_QUERY",
        ),
        (
            "SELECT Id FROM Contact WHERE LastName = 'a' AND FirstName = 'b' OR Email = 'c'",
            StatusCode::BAD_REQUEST,
            "MALFORMED_QUERY",
        ),
        (
            "SELECT Id FROM Contact OFFSET 2",
            StatusCode::BAD_REQUEST,
            "MALFORMED_QUERY",
        ),
        (
            "SELECT Id, Account.Name FROM Contact",
            StatusCode::BAD_REQUEST,
            "INVALID_FIELD",
        ),
        (
            "SELECT Id FROM Contact WHERE Shoe_size__c = '42'",
            StatusCode::BAD_REQUEST,
            "INVALID_FIELD",
        ),
        (
            "SELECT Id FROM Opportunity",
            StatusCode::BAD_REQUEST,
            "INVALID_TYPE",
        ),
    ];
    for (soql, status, code) in cases {
        let response = org
            .api(Method::GET, "/query")
            .query(&[("q", soql)])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), status, "{soql}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(error_code(&body), code, "{soql}");
        assert!(
            body[0]["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{soql}"
        );
    }
}

#[tokio::test]
async fn ordering_by_id_follows_the_order_records_were_created_in() {
    let org = start_default().await;
    let records: Vec<Value> = (0..40)
        .map(|n| json!({"attributes": {"type": "Contact"}, "LastName": format!("Bulk {n}")}))
        .collect();
    org.call(
        Method::POST,
        "/composite/sobjects",
        Some(json!({"records": records})),
        StatusCode::OK,
    )
    .await;
    let answer = org.query("SELECT Id FROM Contact ORDER BY Id DESC").await;
    let queried: Vec<&Value> = answer["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|record| &record["Id"])
        .collect();
    let stored = org.records("Contact").await;
    let newest_first: Vec<&Value> = stored.iter().rev().map(|record| &record["Id"]).collect();
    assert_eq!(queried.len(), 48);
    assert_eq!(queried, newest_first);
    assert_eq!(
        stored[47]["LastName"], "Bulk 39",
        "the control lists records oldest first"
    );
}

#[tokio::test]
async fn a_long_answer_comes_in_the_batches_asked_each_naming_the_next() {
    let org = start_default().await;
    for batch in [200, 200, 42] {
        let records: Vec<Value> = (0..batch)
            .map(|n| json!({"attributes": {"type": "Contact"}, "LastName": format!("Bulk {n}")}))
            .collect();
        org.call(
            Method::POST,
            "/composite/sobjects",
            Some(json!({"records": records})),
            StatusCode::OK,
        )
        .await;
    }
    let page = |path: String| {
        let request = org.client.get(org.url(&path)).bearer_auth(&org.token);
        async move {
            let response = request
                .header("Sforce-Query-Options", "batchSize=200")
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            response.json::<Value>().await.unwrap()
        }
    };

    let mut answer =
        page("/services/data/v62.0/query?q=SELECT+Id+FROM+Contact+ORDER+BY+Id".to_owned()).await;
    let mut sizes = vec![];
    let mut queried = vec![];
    loop {
        assert_eq!(answer["totalSize"], 450);
        let records = answer["records"].as_array().unwrap();
        sizes.push(records.len());
        queried.extend(records.iter().map(|record| record["Id"].clone()));
        let Some(next) = answer["nextRecordsUrl"].as_str() else {
            assert_eq!(answer["done"], true);
            break;
        };
        assert_eq!(answer["done"], false);
        answer = page(next.to_owned()).await;
    }
    assert_eq!(sizes, [200, 200, 50]);
    let stored: Vec<Value> = org
        .records("Contact")
        .await
        .iter()
        .map(|record| record["Id"].clone())
        .collect();
    assert_eq!(queried, stored);

    let unknown = org
        .call(
            Method::GET,
            "/query/01gEMU000000000099-200",
            None,
            StatusCode::BAD_REQUEST,
        )
        .await;
    assert_eq!(error_code(&unknown), "INVALID_QUERY_LOCATOR");
}
