//! The Salesforce client over real HTTP, against the Salesforce stand-in started in-process
//! (`salesforce_stand_in.rs`).

use std::time::Duration;

use backend::salesforce::{
    ApiUsage, SalesforceClient, SalesforceError, SalesforceOrg, UpsertOutcome,
};
use futures_util::future::join_all;
use reqwest::Method;
use serde_json::{Map, Value, json};

use crate::salesforce_stand_in::{
    APP_KEY, CONSUMER_KEY, DAILY_LIMIT, LOGIN_URL, StandIn, USERNAME, start_stand_in,
};

const CONTACTS: &str = "SELECT Id FROM Contact";

struct Org(StandIn);

async fn start_org() -> Org {
    Org(start_stand_in().await)
}

impl std::ops::Deref for Org {
    type Target = StandIn;

    fn deref(&self) -> &StandIn {
        &self.0
    }
}

impl Org {
    fn settings(&self) -> SalesforceOrg {
        let mut org = SalesforceOrg::new(LOGIN_URL, CONSUMER_KEY, USERNAME, APP_KEY);
        org.token_endpoint = Some(self.token_endpoint());
        org
    }

    fn client(&self) -> SalesforceClient {
        client_of(self.settings())
    }

    async fn calls_counted(&self) -> u64 {
        let usage = self.control(Method::GET, "/api-usage", json!({})).await;
        usage["used"].as_u64().unwrap()
    }

    async fn grant(&self, action: &str) {
        let path = format!("/grants/{USERNAME}/{action}");
        self.control(Method::POST, &path, json!({})).await;
    }

    async fn conversations_stored(&self) -> usize {
        let records = self
            .control(Method::GET, "/records/alcmeon__Conversation__c", json!({}))
            .await;
        records.as_array().unwrap().len()
    }
}

fn client_of(org: SalesforceOrg) -> SalesforceClient {
    SalesforceClient::new(org, Duration::from_secs(10)).unwrap()
}

fn conversation(n: usize, status: &str) -> Map<String, Value> {
    let record = json!({"alcmeon__scoped_id__c": format!("tw-{n}"), "alcmeon__Status__c": status});
    record.as_object().unwrap().clone()
}

fn ids(outcomes: &[UpsertOutcome]) -> Vec<&str> {
    outcomes
        .iter()
        .filter_map(|outcome| match outcome {
            UpsertOutcome::Created { id } | UpsertOutcome::Updated { id } => Some(id.as_str()),
            UpsertOutcome::Failed { .. } => None,
        })
        .collect()
}

#[tokio::test]
async fn concurrent_calls_share_one_token_request_and_later_calls_reuse_the_token() {
    let org = start_org().await;
    let client = org.client();

    let answers = join_all((0..8).map(|_| client.query(CONTACTS))).await;
    for answer in answers {
        assert_eq!(answer.unwrap().len(), 8, "the demo Contacts");
    }
    client.query(CONTACTS).await.unwrap();
    assert_eq!(org.token_requests().await, (1, 0));
}

#[tokio::test]
async fn a_token_near_the_org_session_timeout_is_replaced_before_it_is_used() {
    let org = start_org().await;
    let mut settings = org.settings();
    settings.session_timeout = Duration::from_secs(60);
    let client = client_of(settings);

    for _ in 0..3 {
        client.query(CONTACTS).await.unwrap();
    }
    assert_eq!(org.token_requests().await, (3, 0));
}

#[tokio::test]
async fn a_token_salesforce_ended_is_replaced_once_and_the_call_succeeds() {
    let org = start_org().await;
    let client = org.client();
    client.query(CONTACTS).await.unwrap();

    // Revoking ends the token; restoring lets the user have a new one.
    org.grant("revoke").await;
    org.grant("restore").await;
    let contacts = client.query(CONTACTS).await.unwrap();

    assert_eq!(contacts.len(), 8);
    assert_eq!(org.token_requests().await, (2, 0));
}

#[tokio::test]
async fn a_revoked_grant_is_grant_revoked_and_not_asked_again_until_the_retry_delay() {
    let org = start_org().await;
    let client = org.client();
    client.query(CONTACTS).await.unwrap();

    org.grant("revoke").await;
    for _ in 0..5 {
        let error = client.query(CONTACTS).await.unwrap_err();
        assert!(
            matches!(error, SalesforceError::GrantRevoked { .. }),
            "{error}"
        );
        assert!(!error.is_retryable());
    }
    assert_eq!(
        org.token_requests().await,
        (1, 1),
        "asked once, not in a loop"
    );

    org.grant("restore").await;
    let mut settings = org.settings();
    settings.grant_retry_after = Duration::ZERO;
    let after_the_delay = client_of(settings);
    after_the_delay.query(CONTACTS).await.unwrap();
    assert_eq!(org.token_requests().await, (2, 1));
}

#[tokio::test]
async fn upserting_250_conversations_takes_two_calls_and_tells_created_from_updated() {
    let org = start_org().await;
    let client = org.client();
    let first: Vec<_> = (0..50).map(|n| conversation(n, "OPENED")).collect();
    let created = client.upsert_conversations(&first).await.unwrap();
    assert!(
        created
            .iter()
            .all(|outcome| matches!(outcome, UpsertOutcome::Created { .. }))
    );

    let before = org.calls_counted().await;
    let all: Vec<_> = (0..250).map(|n| conversation(n, "CLOSED")).collect();
    let outcomes = client.upsert_conversations(&all).await.unwrap();

    assert_eq!(org.calls_counted().await - before, 2, "200 + 50");
    assert_eq!(outcomes.len(), 250);
    assert!(
        outcomes[..50]
            .iter()
            .all(|outcome| matches!(outcome, UpsertOutcome::Updated { .. }))
    );
    assert!(
        outcomes[50..]
            .iter()
            .all(|outcome| matches!(outcome, UpsertOutcome::Created { .. }))
    );
    assert_eq!(ids(&outcomes)[..50], ids(&created)[..]);
    assert_eq!(org.conversations_stored().await, 250);
}

#[tokio::test]
async fn one_bad_record_among_good_ones_fails_alone_with_salesforce_reason() {
    let org = start_org().await;
    let client = org.client();
    let records = [
        conversation(1, "OPENED"),
        conversation(2, &"x".repeat(256)),
        conversation(3, "OPENED"),
    ];

    let outcomes = client.upsert_conversations(&records).await.unwrap();

    assert!(matches!(outcomes[0], UpsertOutcome::Created { .. }));
    assert!(matches!(outcomes[2], UpsertOutcome::Created { .. }));
    let UpsertOutcome::Failed { errors } = &outcomes[1] else {
        panic!("{outcomes:?}");
    };
    assert_eq!(errors[0].error_code, "STRING_TOO_LONG");
    assert_eq!(errors[0].fields, ["alcmeon__Status__c"]);
    assert!(!errors[0].message.is_empty());
    assert_eq!(org.conversations_stored().await, 2);
}

#[tokio::test]
async fn a_record_is_read_by_id_or_external_id_a_missing_one_is_none_and_a_refusal_has_its_code() {
    let org = start_org().await;
    let client = org.client();
    let outcomes = client
        .upsert_conversations(&[conversation(7, "OPENED")])
        .await
        .unwrap();
    let id = ids(&outcomes)[0];
    let object = "alcmeon__Conversation__c";
    let fields = ["alcmeon__Status__c"];

    let by_id = client.get_record(object, id, &fields).await.unwrap();
    assert_eq!(by_id.unwrap()["alcmeon__Status__c"], "OPENED");
    let by_external_id = client
        .get_record_by_external_id(object, "alcmeon__scoped_id__c", "tw-7", &["Id"])
        .await
        .unwrap();
    assert_eq!(by_external_id.unwrap()["Id"], id);
    let missing = client
        .get_record_by_external_id(object, "alcmeon__scoped_id__c", "tw/8 ?", &fields)
        .await
        .unwrap();
    assert_eq!(missing, None);

    let refused = client.query("SELECT Nope__c FROM Contact").await;
    let error = refused.unwrap_err();
    assert_eq!(error.error_code(), Some("INVALID_FIELD"), "{error}");
    assert!(!error.is_retryable());
}

#[tokio::test]
async fn every_answer_tells_the_api_usage_and_a_spent_limit_is_its_own_retryable_error() {
    let org = start_org().await;
    let client = org.client();
    assert_eq!(client.api_usage(), None);
    org.control(Method::PUT, "/api-usage", json!({"used": 500}))
        .await;

    client.query(CONTACTS).await.unwrap();
    let usage = ApiUsage {
        used: 501,
        limit: DAILY_LIMIT,
    };
    assert_eq!(client.api_usage(), Some(usage));

    org.control(Method::PUT, "/api-usage", json!({"used": DAILY_LIMIT}))
        .await;
    let error = client.query(CONTACTS).await.unwrap_err();
    assert!(
        matches!(error, SalesforceError::LimitExceeded { .. }),
        "{error}"
    );
    assert!(error.is_retryable());
    let spent = ApiUsage {
        used: DAILY_LIMIT,
        limit: DAILY_LIMIT,
    };
    assert_eq!(client.api_usage(), Some(spent));
}

#[tokio::test]
async fn an_outage_or_a_timeout_is_a_retryable_error_and_the_client_serves_again_after() {
    let org = start_org().await;
    let client = org.client();
    client.query(CONTACTS).await.unwrap();
    org.control(Method::POST, "/outage", json!({"seconds": 600}))
        .await;

    let during = client.query(CONTACTS).await.unwrap_err();
    assert!(
        matches!(during, SalesforceError::Unavailable { status: 503, .. }),
        "{during}"
    );
    assert!(during.is_retryable());
    let without_token = org.client().query(CONTACTS).await.unwrap_err();
    assert!(
        matches!(
            without_token,
            SalesforceError::Unavailable { status: 503, .. }
        ),
        "{without_token}"
    );

    org.control(Method::POST, "/outage", json!({"seconds": 0}))
        .await;
    assert_eq!(client.query(CONTACTS).await.unwrap().len(), 8);

    let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let mut settings = org.settings();
    settings.token_endpoint = Some(format!("http://{}/token", silent.local_addr().unwrap()));
    let timed_out = SalesforceClient::new(settings, Duration::from_millis(300))
        .unwrap()
        .query(CONTACTS)
        .await
        .unwrap_err();
    assert!(
        matches!(&timed_out, SalesforceError::Transport(error) if error.is_timeout()),
        "{timed_out}"
    );
    assert!(timed_out.is_retryable());
}

#[tokio::test]
async fn a_query_longer_than_a_batch_is_read_whole_through_its_next_records_urls() {
    let org = start_org().await;
    let client = org.client();
    let records: Vec<_> = (0..2_001).map(|n| conversation(n, "OPENED")).collect();
    client.upsert_conversations(&records).await.unwrap();

    let before = org.calls_counted().await;
    let queried = client
        .query("SELECT alcmeon__scoped_id__c FROM alcmeon__Conversation__c")
        .await
        .unwrap();

    assert_eq!(org.calls_counted().await - before, 2, "2,000 + 1");
    let mut scoped_ids: Vec<&str> = queried
        .iter()
        .map(|record| record["alcmeon__scoped_id__c"].as_str().unwrap())
        .collect();
    scoped_ids.sort_unstable();
    scoped_ids.dedup();
    assert_eq!(scoped_ids.len(), 2_001);
}
