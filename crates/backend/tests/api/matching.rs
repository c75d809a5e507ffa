//! Matches to Alcméon and from Salesforce: a customer linked to a Contact is written to Alcméon's
//! user custom field "Salesforce Contact Id" (read back from the emulator), also after Alcméon
//! answered 429 or 500 for a while; the org's signed callout (`POST /v1/salesforce/links`) links
//! a record's customer and the field is written; a token that is not the org's is refused with one
//! fixed 401; links that cannot be taken are ignored with their reason, the others taken.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use backend::store::NewCustomerLink;
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use serde_json::{Value, json};

use crate::helpers::{
    ALCMEON_SECRET, COMPANY_ID, INSTANCE_ID, ORG_ID, SESSION_SECRET, TestApp, spawn_app,
};

/// The emulator's seeded "Salesforce Contact Id" field.
const CONTACT_FIELD_ID: i64 = 5002;
const LINKS: &str = "/v1/salesforce/links";
const AMELIE: &str = "003000000000001AAA";
const BRUNO: &str = "003000000000002AAA";

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// The token Apex's `AlcmeonContactLinkCallout` signs, with `changes` made to its claims.
pub fn callout_token(secret: &str, changes: Value) -> String {
    let now = now();
    let mut claims = json!({
        "iss": ORG_ID, "aud": "alcmeon-backend/links", "iat": now, "exp": now + 300,
        "jti": format!("callout-{}", SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos()),
    });
    for (key, value) in changes.as_object().unwrap() {
        claims[key] = value.clone();
    }
    encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

pub async fn post_links(app: &TestApp, token: &str, links: Value) -> reqwest::Response {
    app.http
        .post(app.url(LINKS))
        .bearer_auth(token)
        .json(&json!({ "links": links }))
        .send()
        .await
        .unwrap()
}

/// The scoped id of a seeded conversation's record, as the record sync writes it.
pub async fn scoped_id(app: &TestApp, conversation_id: i64) -> (String, i64) {
    let customer = customer_of(app, conversation_id).await;
    (
        format!("{COMPANY_ID}:201:{customer}:{conversation_id}"),
        customer,
    )
}

async fn customer_of(app: &TestApp, conversation_id: i64) -> i64 {
    app.replica_ready().await;
    app.store()
        .conversation_customer_id(conversation_id)
        .await
        .unwrap()
        .expect("the replica knows the conversation's customer")
}

/// The customer's profile values as Alcméon holds them (none while it cannot be read).
async fn profile_values(app: &TestApp, customer: i64) -> Vec<Value> {
    let response = app
        .http
        .get(format!(
            "{}/custom-field/users/{customer}",
            app.emulator.base_url()
        ))
        .basic_auth(INSTANCE_ID, Some(ALCMEON_SECRET))
        .send()
        .await
        .unwrap();
    if response.status() != 200 {
        return vec![];
    }
    response.json().await.unwrap()
}

/// The customer's "Salesforce Contact Id" as Alcméon holds it.
async fn alcmeon_contact_of(app: &TestApp, customer: i64) -> Option<String> {
    profile_values(app, customer)
        .await
        .iter()
        .find(|value| value["field_id"] == CONTACT_FIELD_ID)
        .and_then(|value| value["field_value"].as_str().map(str::to_owned))
}

/// Waits until Alcméon holds `contact` for the customer and the backend noted it written.
async fn wait_for_written(app: &TestApp, customer: i64, contact: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let link = app.store().customer_link(ORG_ID, customer).await.unwrap();
        let noted = link.is_some_and(|link| link.alcmeon_written_at_ms.is_some());
        if noted && alcmeon_contact_of(app, customer).await.as_deref() == Some(contact) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "Alcméon never got {contact} for customer {customer}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_link_stored_while_the_backend_was_down_is_written_to_the_customers_profile() {
    let mut app = spawn_app(0).await;
    let customer = customer_of(&app, 1001).await;
    assert_eq!(alcmeon_contact_of(&app, customer).await, None);
    app.store()
        .link_customer(&NewCustomerLink {
            org_id: ORG_ID.into(),
            customer_id: customer,
            contact_id: AMELIE.into(),
            contact_name: "Amélie Dubois".into(),
            person_account: false,
            linked_by: "agent@example.com".into(),
        })
        .await
        .unwrap();
    app.restart_backend().await;
    wait_for_written(&app, customer, AMELIE).await;
    // The profile's other values (Amélie's WhatsApp number) are kept.
    let values = profile_values(&app, customer).await;
    assert!(
        values.iter().any(|value| value["field_id"] == 5001),
        "{values:?}"
    );
}

#[tokio::test]
async fn a_contact_set_on_a_record_in_salesforce_links_the_customer_and_reaches_alcmeon() {
    let app = spawn_app(0).await;
    let (scoped, customer) = scoped_id(&app, 1002).await;
    let token = callout_token(SESSION_SECRET, json!({}));
    let links = json!([{"scopedId": scoped, "contactId": BRUNO, "contactName": " Bruno Keller ",
                        "personAccount": false}]);
    let response = post_links(&app, &token, links).await;
    assert_eq!(response.status(), 200);
    let taken: Value = response.json().await.unwrap();
    assert_eq!(taken, json!({"accepted": 1, "ignored": []}));

    let link = app
        .store()
        .customer_link(ORG_ID, customer)
        .await
        .unwrap()
        .expect("the customer is linked");
    assert_eq!(
        (
            link.contact_id.as_str(),
            link.contact_name.as_str(),
            link.linked_by.as_str()
        ),
        (BRUNO, "Bruno Keller", "salesforce")
    );
    wait_for_written(&app, customer, BRUNO).await;

    // Another Contact set later replaces it, in Alcméon too.
    let links = json!([{"scopedId": scoped, "contactId": AMELIE, "contactName": "Amélie Dubois"}]);
    let token = callout_token(SESSION_SECRET, json!({}));
    assert_eq!(post_links(&app, &token, links).await.status(), 200);
    wait_for_written(&app, customer, AMELIE).await;
}

#[tokio::test]
async fn a_match_alcmeon_could_not_take_for_a_while_is_written_once_it_can() {
    let app = spawn_app(0).await;
    for (conversation_id, answer) in [(1003, "500"), (1004, "429")] {
        let (scoped, customer) = scoped_id(&app, conversation_id).await;
        let writes = "PUT /custom-field/users/{custom_field_user_id}";
        let before = app.emulator_calls(writes).await;
        app.emulator_control(
            "/outages/custom-field-profile",
            json!({"answer": answer, "seconds": 2}),
        )
        .await;
        let token = callout_token(SESSION_SECRET, json!({}));
        let links = json!([{"scopedId": scoped, "contactId": AMELIE, "contactName": "A"}]);
        assert_eq!(post_links(&app, &token, links).await.status(), 200);
        app.wait_for_emulator_calls(writes, before + 1).await;
        let link = app.store().customer_link(ORG_ID, customer).await.unwrap();
        assert_eq!(
            link.unwrap().alcmeon_written_at_ms,
            None,
            "refused with {answer}: not noted written"
        );
        wait_for_written(&app, customer, AMELIE).await;
        assert!(
            app.emulator_calls(writes).await >= before + 2,
            "after {answer}, written by a later try"
        );
    }
}

#[tokio::test]
async fn a_token_that_is_not_the_orgs_callout_token_is_refused_alike_and_links_nothing() {
    let app = spawn_app(0).await;
    let (scoped, customer) = scoped_id(&app, 1005).await;
    let links = json!([{"scopedId": scoped, "contactId": AMELIE, "contactName": "A"}]);
    let now = now();
    let unsigned = {
        use base64::Engine;
        let encode =
            |part: Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(part.to_string());
        let claims =
            json!({"iss": ORG_ID, "aud": "alcmeon-backend/links", "iat": now, "exp": now + 300});
        format!(
            "{}.{}.",
            encode(json!({"alg": "none", "typ": "JWT"})),
            encode(claims)
        )
    };
    let refused = [
        (
            "forged",
            callout_token("another-secret-0123456789", json!({})),
        ),
        (
            "expired",
            callout_token(SESSION_SECRET, json!({"iat": now - 400, "exp": now - 100})),
        ),
        (
            "long-lived",
            callout_token(SESSION_SECRET, json!({"exp": now + 3600})),
        ),
        (
            "the widget's audience",
            callout_token(SESSION_SECRET, json!({"aud": app.audience()})),
        ),
        (
            "another org",
            callout_token(SESSION_SECRET, json!({"iss": "00D000000000OTHERAA"})),
        ),
        ("alg none", unsigned),
        ("garbage", "not-a-token".to_owned()),
    ];
    let mut bodies = vec![];
    for (what, token) in refused {
        let response = post_links(&app, &token, links.clone()).await;
        assert_eq!(response.status(), 401, "{what}");
        bodies.push(response.text().await.unwrap());
    }
    let without = app
        .http
        .post(app.url(LINKS))
        .json(&json!({ "links": links }))
        .send()
        .await
        .unwrap();
    assert_eq!(without.status(), 401);
    bodies.push(without.text().await.unwrap());
    bodies.dedup();
    assert_eq!(bodies.len(), 1, "one fixed answer: {bodies:?}");
    assert!(bodies[0].contains("\"unauthenticated\""), "{}", bodies[0]);
    assert_eq!(
        app.store().customer_link(ORG_ID, customer).await.unwrap(),
        None
    );
    // The org's own token is taken.
    let token = callout_token(SESSION_SECRET, json!({}));
    assert_eq!(post_links(&app, &token, links).await.status(), 200);
}

#[tokio::test]
async fn links_that_cannot_be_taken_are_ignored_with_their_reason_and_the_others_taken() {
    let app = spawn_app(0).await;
    let (scoped, customer) = scoped_id(&app, 1001).await;
    let link = |scoped_id: &str, contact_id: &str| json!({"scopedId": scoped_id, "contactId": contact_id, "contactName": "Amélie Dubois"});
    let links = json!([
        link("a-record-of-alcmeons-own", AMELIE),
        link("1:201:0:999999", AMELIE),
        link(&scoped.replacen("1:", "2:", 1), AMELIE),
        link(&scoped, "003 or a name"),
        link(&scoped, AMELIE),
    ]);
    let token = callout_token(SESSION_SECRET, json!({}));
    let response = post_links(&app, &token, links).await;
    assert_eq!(response.status(), 200);
    let taken: Value = response.json().await.unwrap();
    assert_eq!(taken["accepted"], 1);
    let reasons: Vec<(&str, &str)> = taken["ignored"]
        .as_array()
        .unwrap()
        .iter()
        .map(|ignored| {
            (
                ignored["scopedId"].as_str().unwrap(),
                ignored["reason"].as_str().unwrap(),
            )
        })
        .collect();
    let other_environment = scoped.replacen("1:", "2:", 1);
    assert_eq!(
        reasons,
        [
            ("a-record-of-alcmeons-own", "not_a_scoped_id"),
            ("1:201:0:999999", "no_customer_known"),
            (other_environment.as_str(), "another_alcmeon_environment"),
            (scoped.as_str(), "not_a_salesforce_id"),
        ]
    );
    wait_for_written(&app, customer, AMELIE).await;

    let too_many: Vec<Value> = (0..201).map(|_| link(&scoped, AMELIE)).collect();
    let response = post_links(&app, &token, json!(too_many)).await;
    assert_eq!(response.status(), 400);
    let huge = "x".repeat(200 * 1024);
    let response = post_links(&app, &token, json!([link(&huge, AMELIE)])).await;
    assert_eq!(response.status(), 413);
}

#[tokio::test]
async fn a_customer_alcmeon_has_no_profile_for_is_set_aside_not_retried_hot_nor_blocking_others() {
    let mut app = spawn_app(0).await;
    let known = customer_of(&app, 1001).await;
    let writes = "PUT /custom-field/users/{custom_field_user_id}";
    for (customer_id, contact_id) in [(999_999, BRUNO), (known, AMELIE)] {
        app.store()
            .link_customer(&NewCustomerLink {
                org_id: ORG_ID.into(),
                customer_id,
                contact_id: contact_id.into(),
                contact_name: "Someone".into(),
                person_account: false,
                linked_by: "agent@example.com".into(),
            })
            .await
            .unwrap();
    }
    app.restart_backend().await;
    // Oldest first: the unknown profile's 404, then the known customer's write.
    wait_for_written(&app, known, AMELIE).await;
    assert_eq!(app.emulator_calls(writes).await, 2);

    // A later link wakes the writer: it writes that one and leaves the 404 alone.
    let (scoped, customer) = scoped_id(&app, 1002).await;
    let token = callout_token(SESSION_SECRET, json!({}));
    let links = json!([{"scopedId": scoped, "contactId": BRUNO, "contactName": "Bruno Keller"}]);
    assert_eq!(post_links(&app, &token, links).await.status(), 200);
    wait_for_written(&app, customer, BRUNO).await;
    assert_eq!(
        app.emulator_calls(writes).await,
        3,
        "the 404 was not asked again"
    );
    let gone = app.store().customer_link(ORG_ID, 999_999).await.unwrap();
    assert_eq!(gone.unwrap().alcmeon_written_at_ms, None);
}

#[tokio::test]
async fn a_contact_set_in_salesforce_reaches_alcmeon_on_postgresql() {
    let app = crate::helpers::spawn_app_with(crate::helpers::Options {
        postgres: true,
        ..Default::default()
    })
    .await;
    let (scoped, customer) = scoped_id(&app, 1001).await;
    let token = callout_token(SESSION_SECRET, json!({}));
    let links = json!([{"scopedId": scoped, "contactId": AMELIE, "contactName": "Amélie Dubois",
                        "personAccount": true}]);
    let taken: Value = post_links(&app, &token, links).await.json().await.unwrap();
    assert_eq!(taken["accepted"], 1);
    let link = app.store().customer_link(ORG_ID, customer).await.unwrap();
    assert!(link.unwrap().person_account);
    wait_for_written(&app, customer, AMELIE).await;
}
