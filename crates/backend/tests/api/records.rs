//! The record sync over real HTTP: the backend reads the Alcméon emulator and upserts
//! `alcmeon__Conversation__c` records in the Salesforce stand-in, both started in-process
//! (`salesforce_stand_in.rs`).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use backend::SalesforceSettings;
use backend::store::NewCustomerLink;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{COMPANY_ID, ORG_ID, Options, TestApp, spawn_app, spawn_app_with};
use crate::salesforce_stand_in::{
    APP_KEY, CONSUMER_KEY, DAILY_LIMIT, LOGIN_URL, StandIn, USERNAME, start_stand_in,
};

/// The seeded WhatsApp account ("Lumio WhatsApp": conversations 1001, 1006, 1008), mapped to the
/// org; Messenger's (202: 1002) is not.
const MAPPED_ACCOUNT: i64 = 201;
/// The Salesforce Queue the mapped account's open conversations are handed to.
const QUEUE_ID: &str = "00G5g000004XyZaEAK";
/// How long a revoked grant is not asked again, in these tests.
const GRANT_RETRY_SECS: u64 = 2;

struct Synced {
    app: TestApp,
    salesforce: StandIn,
}

async fn start(postgres: bool) -> Synced {
    let salesforce = start_stand_in().await;
    let settings = SalesforceSettings {
        login_url: LOGIN_URL.to_owned(),
        consumer_key: CONSUMER_KEY.to_owned(),
        username: USERNAME.to_owned(),
        private_key_pem: APP_KEY.to_owned(),
        accounts: vec![MAPPED_ACCOUNT],
        queues: BTreeMap::from([(MAPPED_ACCOUNT, QUEUE_ID.to_owned())]),
        session_timeout: None,
        grant_retry_after: Some(Duration::from_secs(GRANT_RETRY_SECS)),
        token_endpoint: Some(salesforce.token_endpoint()),
        instance_url: None,
    };
    let app = spawn_app_with(Options {
        salesforce: Some(settings),
        postgres,
        ..Options::default()
    })
    .await;
    Synced { app, salesforce }
}

impl Synced {
    async fn control(&self, method: Method, path: &str, body: Value) -> Value {
        self.salesforce.control(method, path, body).await
    }

    /// Every conversation record the org holds.
    async fn records(&self) -> Vec<Value> {
        let path = "/records/alcmeon__Conversation__c";
        let records = self.control(Method::GET, path, json!({})).await;
        records.as_array().unwrap().clone()
    }

    /// The records of the conversation (its scoped id's last part).
    async fn records_of(&self, conversation_id: i64) -> Vec<Value> {
        let suffix = format!(":{conversation_id}");
        let records = self.records().await.into_iter();
        records
            .filter(|r| {
                r["alcmeon__scoped_id__c"]
                    .as_str()
                    .unwrap()
                    .ends_with(&suffix)
            })
            .collect()
    }

    /// Waits until the conversation has a record `done` accepts; returns it.
    async fn wait_for_record(&self, conversation_id: i64, done: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let records = self.records_of(conversation_id).await;
            assert!(
                records.len() <= 1,
                "one record per conversation: {records:#?}"
            );
            if let Some(record) = records.into_iter().find(|r| done(r)) {
                return record;
            }
            assert!(
                Instant::now() < deadline,
                "conversation {conversation_id} never got the record expected: {:#?}",
                self.records_of(conversation_id).await
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The test org's part of `/health`'s `salesforce`.
    async fn health(&self) -> Value {
        self.app.health().await["salesforce"][ORG_ID].clone()
    }

    async fn wait_for_health(&self, done: impl Fn(&Value) -> bool) {
        self.app
            .wait_for_health(|health| done(&health["salesforce"][ORG_ID]))
            .await;
    }

    /// Waits until every queued conversation was written.
    async fn settled(&self) {
        self.wait_for_health(|org| org["queued"] == 0 && org["status"] == "ok")
            .await;
    }

    async fn contact_id(&self, last_name: &str) -> String {
        let contacts = self
            .control(Method::GET, "/records/Contact", json!({}))
            .await;
        let contact = contacts
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["LastName"] == last_name);
        contact.unwrap()["Id"].as_str().unwrap().to_owned()
    }
}

fn url_of(record: &Value) -> String {
    record["alcmeon__url__c"].as_str().unwrap().to_owned()
}

/// A customer message of `customer` (`author.group.id`) in a conversation, as Alcméon notifies it.
fn customer_message(id: i64, conversation: i64, account: i64, customer: i64, time: &str) -> Value {
    json!({
        "id": id, "type": "task-create", "date": "2026-11-20", "time": time,
        "account": {"id": account, "name": format!("Lumio {account}"), "type": "whatsapp"},
        "task": {"id": id, "conversation_id": conversation, "message": {
            "content": "Hello", "date": "2026-11-20", "time": time,
            "author": {"name": "Camille Petit", "group": {"id": customer, "custom_fields": []}}}}
    })
}

async fn a_mapped_accounts_conversation_becomes_a_record_kept_up_to_date(postgres: bool) {
    let synced = start(postgres).await;
    synced.app.replica_ready().await;
    let record = synced.wait_for_record(1001, |_| true).await;

    let scoped_id = record["alcmeon__scoped_id__c"].as_str().unwrap();
    let parts: Vec<&str> = scoped_id.split(':').collect();
    let company_and_account = format!("{}:{}", parts[0], parts[1]);
    assert_eq!(
        company_and_account,
        format!("{COMPANY_ID}:{MAPPED_ACCOUNT}")
    );
    assert_ne!(parts[2], "0", "the customer is known: {scoped_id}");
    assert_eq!(parts[3], "1001");
    assert_eq!(record["alcmeon__Social_media_type__c"], "whatsapp");
    assert_eq!(record["alcmeon__Social_media_account__c"], "Lumio WhatsApp");
    assert_eq!(record["alcmeon__User_name__c"], "Amélie Dubois");
    assert_eq!(record["alcmeon__Status__c"], "OPENED");
    let first_url = url_of(&record);
    assert!(first_url.contains("/conversations/1001"), "{first_url}");

    synced
        .app
        .customer_writes(1002, "Messenger, not mapped")
        .await;
    let message = synced.app.customer_writes(1001, "Any news?").await;
    let updated = synced
        .wait_for_record(1001, |r| url_of(r) != first_url)
        .await;
    assert!(
        url_of(&updated).ends_with(&format!("?message={message}")),
        "{updated}"
    );
    assert_eq!(updated["Id"], record["Id"], "the same record, updated");
    synced.settled().await;
    assert_eq!(
        synced.records_of(1002).await,
        Vec::<Value>::new(),
        "an unmapped account"
    );
    assert!(
        !synced.records_of(1008).await.is_empty(),
        "every conversation of the mapped account"
    );
    let health = synced.health().await;
    assert_eq!(health["apiUsage"]["limit"], DAILY_LIMIT, "{health}");
    assert!(health["apiUsage"]["used"].as_u64().unwrap() > 0, "{health}");
}

#[tokio::test]
async fn a_customer_message_on_a_mapped_account_becomes_a_record_and_the_next_one_updates_its_url()
{
    a_mapped_accounts_conversation_becomes_a_record_kept_up_to_date(false).await;
}

#[tokio::test]
async fn the_record_sync_runs_on_postgresql_too() {
    a_mapped_accounts_conversation_becomes_a_record_kept_up_to_date(true).await;
}

#[tokio::test]
async fn a_linked_customers_conversations_are_written_with_the_contact_the_newest_opened() {
    let synced = start(false).await;
    synced.app.replica_ready().await;
    synced.settled().await;
    let store = synced.app.store();
    // Camille writes on an account no org maps: nothing is written for her yet.
    for (id, conversation, time) in [(900_001, 9001, "08:00:00"), (900_002, 9002, "09:00:00")] {
        let message = customer_message(id, conversation, 777, 7001, time);
        store.record_action(&message).await.unwrap();
    }
    synced.settled().await;
    assert!(synced.records_of(9001).await.is_empty());

    let contact_id = synced.contact_id("Petit").await;
    store
        .link_customer(&NewCustomerLink {
            org_id: ORG_ID.to_owned(),
            customer_id: 7001,
            contact_id: contact_id.clone(),
            contact_name: "Camille Petit".to_owned(),
            person_account: false,
            linked_by: "sophie.laurent@example.com".to_owned(),
        })
        .await
        .unwrap();

    let older = synced.wait_for_record(9001, |_| true).await;
    let newest = synced.wait_for_record(9002, |_| true).await;
    assert_eq!(older["alcmeon__Status__c"], "CLOSED");
    assert_eq!(newest["alcmeon__Status__c"], "OPENED");
    assert_eq!(older["alcmeon__Contact__c"], contact_id.as_str());
    assert_eq!(newest["alcmeon__Contact__c"], contact_id.as_str());
    assert_eq!(newest["alcmeon__scoped_id__c"], "1:777:7001:9002");
    assert!(
        newest["alcmeon__To_SF_Queue_Id__c"].is_null(),
        "an account mapped with no Queue: {newest}"
    );

    // She writes again in a new conversation: it is the newest now, the other is closed.
    let message = customer_message(900_003, 9003, 777, 7001, "10:00:00");
    store.record_action(&message).await.unwrap();
    synced
        .wait_for_record(9003, |r| r["alcmeon__Status__c"] == "OPENED")
        .await;
    synced
        .wait_for_record(9002, |r| r["alcmeon__Status__c"] == "CLOSED")
        .await;
}

#[tokio::test]
async fn an_open_conversation_is_handed_to_its_accounts_queue_until_alcmeon_closes_it() {
    let synced = start(false).await;
    synced.app.replica_ready().await;
    let record = synced
        .wait_for_record(1001, |r| r["alcmeon__To_SF_Queue_Id__c"] == QUEUE_ID)
        .await;
    assert_eq!(record["alcmeon__Status__c"], "OPENED");

    let archive = synced
        .app
        .emulator_control(
            "/conversations/1001/agent-actions",
            json!({"type": "archive", "agent_email": "karim.benali@example.com"}),
        )
        .await;
    assert!(archive["action_id"].is_i64(), "{archive}");
    let closed = synced
        .wait_for_record(1001, |r| r["alcmeon__Status__c"] == "CLOSED")
        .await;
    assert!(
        closed["alcmeon__To_SF_Queue_Id__c"].is_null(),
        "a closed conversation leaves the Queue: {closed}"
    );

    synced.app.customer_writes(1001, "Back again").await;
    synced
        .wait_for_record(1001, |r| r["alcmeon__To_SF_Queue_Id__c"] == QUEUE_ID)
        .await;
}

#[tokio::test]
async fn a_customer_first_eligible_has_their_older_conversations_written_closed() {
    let synced = start(false).await;
    synced.app.replica_ready().await;
    synced.settled().await;
    let store = synced.app.store();
    let older = customer_message(900_011, 9011, 777, 7002, "08:00:00");
    store.record_action(&older).await.unwrap();
    let mapped = customer_message(900_012, 9012, MAPPED_ACCOUNT, 7002, "09:00:00");
    store.record_action(&mapped).await.unwrap();

    let newest = synced.wait_for_record(9012, |_| true).await;
    let older = synced.wait_for_record(9011, |_| true).await;
    assert_eq!(newest["alcmeon__Status__c"], "OPENED");
    assert_eq!(older["alcmeon__Status__c"], "CLOSED");
    assert!(
        older["alcmeon__Contact__c"].is_null(),
        "not linked: {older}"
    );
}

#[tokio::test]
async fn records_wait_out_a_salesforce_outage_and_the_health_shows_the_lag() {
    let synced = start(false).await;
    synced.app.replica_ready().await;
    synced.settled().await;
    let before = url_of(&synced.wait_for_record(1001, |_| true).await);

    synced
        .control(Method::POST, "/outage", json!({"seconds": 3}))
        .await;
    synced.app.customer_writes(1001, "Are you there?").await;
    synced
        .wait_for_health(|org| {
            org["status"] == "unreachable"
                && org["queued"] == 1
                && org["lag_seconds"].as_f64().unwrap() > 0.5
        })
        .await;
    assert_eq!(
        url_of(&synced.records_of(1001).await[0]),
        before,
        "not written during the outage"
    );

    let after = synced.wait_for_record(1001, |r| url_of(r) != before).await;
    assert_ne!(url_of(&after), before);
    synced.settled().await;
    assert_eq!(synced.health().await["lag_seconds"], 0.0);
}

#[tokio::test]
async fn a_revoked_grant_stops_the_orgs_sync_without_asking_in_a_loop_and_it_resumes_once_restored()
{
    let synced = start(false).await;
    synced.app.replica_ready().await;
    synced.settled().await;
    let before = url_of(&synced.wait_for_record(1001, |_| true).await);

    let path = format!("/grants/{USERNAME}/revoke");
    synced.control(Method::POST, &path, json!({})).await;
    synced.app.customer_writes(1001, "Hello?").await;
    synced
        .wait_for_health(|org| org["status"] == "grant_revoked")
        .await;
    let detail = synced.health().await["detail"].as_str().unwrap().to_owned();
    assert!(detail.contains("grant"), "{detail}");
    let (_, refused_then) = synced.salesforce.token_requests().await;
    // Three grant retry periods while the row waits: the stand-in is asked about once a period.
    let wait = 3.0 * GRANT_RETRY_SECS as f64;
    synced
        .wait_for_health(|org| org["lag_seconds"].as_f64().unwrap() > wait)
        .await;
    let (_, refused_now) = synced.salesforce.token_requests().await;
    assert!(
        refused_now - refused_then <= 5,
        "{refused_then} then {refused_now} refusals"
    );
    assert_eq!(url_of(&synced.records_of(1001).await[0]), before);

    synced
        .control(
            Method::POST,
            &format!("/grants/{USERNAME}/restore"),
            json!({}),
        )
        .await;
    synced.wait_for_record(1001, |r| url_of(r) != before).await;
    synced.settled().await;
}

#[tokio::test]
async fn the_sync_stops_near_the_orgs_daily_api_limit() {
    let synced = start(false).await;
    synced.app.replica_ready().await;
    synced.settled().await;
    let before = url_of(&synced.wait_for_record(1001, |_| true).await);

    let almost = DAILY_LIMIT * 9 / 10 - 1;
    synced
        .control(Method::PUT, "/api-usage", json!({"used": almost}))
        .await;
    let message = synced.app.customer_writes(1006, "One more").await;
    synced
        .wait_for_record(1006, |r| {
            url_of(r).ends_with(&format!("?message={message}"))
        })
        .await;
    synced
        .wait_for_health(|org| org["status"] == "limited")
        .await;
    let health = synced.health().await;
    assert!(
        health["apiUsage"]["used"].as_u64().unwrap() >= DAILY_LIMIT * 9 / 10,
        "{health}"
    );

    synced.app.customer_writes(1001, "And another").await;
    synced
        .wait_for_health(|org| org["queued"] == 1 && org["lag_seconds"].as_f64().unwrap() > 2.0)
        .await;
    assert_eq!(
        url_of(&synced.records_of(1001).await[0]),
        before,
        "the budget is left alone"
    );
}

#[tokio::test]
async fn an_org_without_salesforce_settings_has_no_sync() {
    let app = spawn_app(0).await;
    let org = app.health().await["salesforce"][ORG_ID].clone();
    assert_eq!(org["status"], "not_configured");
    assert_eq!(org["queued"], 0);
}

#[tokio::test]
async fn on_postgresql_one_instance_runs_the_sync_and_another_takes_over_when_it_stops() {
    let mut synced = start(true).await;
    synced.app.replica_ready().await;
    synced.settled().await;
    let other = synced.app.start_instance().await;
    let record = synced.wait_for_record(1001, |_| true).await;
    let scoped_id = record["alcmeon__scoped_id__c"].as_str().unwrap().to_owned();
    let customer: i64 = scoped_id.split(':').nth(2).unwrap().parse().unwrap();

    synced.app.stop_backend();
    let message = customer_message(900_021, 1001, MAPPED_ACCOUNT, customer, "11:00:00");
    other.store.record_action(&message).await.unwrap();
    let updated = synced
        .wait_for_record(1001, |r| url_of(r).ends_with("?message=900021"))
        .await;
    assert_eq!(updated["alcmeon__scoped_id__c"], scoped_id.as_str());
    let health = synced
        .app
        .health_at(&format!("http://{}", other.addr))
        .await;
    assert_eq!(health["salesforce"][ORG_ID]["queued"], 0, "{health}");
}

#[tokio::test]
async fn a_record_salesforce_refuses_waits_alone_and_the_others_are_written() {
    let synced = start(false).await;
    synced.app.replica_ready().await;
    synced.settled().await;
    let store = synced.app.store();
    // Its external id, `1:201:99999999999999:9999999031`, is longer than the field's 30
    // characters.
    let refused = customer_message(
        900_031,
        9_999_999_031,
        MAPPED_ACCOUNT,
        99_999_999_999_999,
        "08:00:00",
    );
    store.record_action(&refused).await.unwrap();
    let accepted = customer_message(900_032, 9032, MAPPED_ACCOUNT, 7003, "08:00:00");
    store.record_action(&accepted).await.unwrap();

    synced.wait_for_record(9032, |_| true).await;
    synced
        .wait_for_health(|org| org["refused"] == 1 && org["queued"] == 1)
        .await;
    assert!(synced.records_of(9_999_999_031).await.is_empty());
    assert_eq!(
        synced.health().await["status"],
        "ok",
        "one record's refusal is not the org's"
    );
}
