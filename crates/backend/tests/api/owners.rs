//! Owners from Salesforce to Alcméon: the org's signed callout carries `fromQueueId`
//! (`alcmeon__From_SF_Queue_Id__c`, the owner that handed the conversation back), and the backend
//! writes it to Alcméon's conversation custom field "Salesforce owner" (read back from the
//! emulator), also after Alcméon answered 500 or 429 for a while; an owner that is not a
//! Salesforce id, or a link with nothing to take, is ignored with its reason.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::helpers::{
    ALCMEON_SECRET, INSTANCE_ID, SESSION_SECRET, SF_OWNER_FIELD_ID, TestApp, spawn_app,
};
use crate::matching::{callout_token, post_links, scoped_id};

const SUPPORT_QUEUE: &str = "00G000000000001AAA";
const AGENT: &str = "005000000000001AAA";
const CONTACT: &str = "003000000000001AAA";
const WRITES: &str = "PUT /custom-field/conversations/{conversation_id}";

/// The conversation's "Salesforce owner" as Alcméon holds it (none while it cannot be read).
async fn alcmeon_owner_of(app: &TestApp, conversation_id: i64) -> Option<String> {
    let response = app
        .http
        .get(format!(
            "{}/custom-field/conversations/{conversation_id}",
            app.emulator.base_url()
        ))
        .basic_auth(INSTANCE_ID, Some(ALCMEON_SECRET))
        .send()
        .await
        .unwrap();
    if response.status() != 200 {
        return None;
    }
    let values: Vec<Value> = response.json().await.unwrap();
    values
        .iter()
        .find(|value| value["field_id"] == SF_OWNER_FIELD_ID)
        .and_then(|value| value["field_value"].as_str().map(str::to_owned))
}

/// Whether the backend still has the conversation's owner to write.
async fn unwritten(app: &TestApp, conversation_id: i64) -> bool {
    let owners = app.store().owners_to_write_to_alcmeon(100).await.unwrap();
    owners
        .iter()
        .any(|owner| owner.conversation_id == conversation_id)
}

/// Waits until Alcméon holds `owner` for the conversation and the backend noted it written.
async fn wait_for_owner(app: &TestApp, conversation_id: i64, owner: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if !unwritten(app, conversation_id).await
            && alcmeon_owner_of(app, conversation_id).await.as_deref() == Some(owner)
        {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "Alcméon never got owner {owner} for conversation {conversation_id}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn an_owner_salesforce_hands_a_conversation_back_from_reaches_alcmeon_with_its_contact() {
    let app = spawn_app(0).await;
    let (scoped, customer) = scoped_id(&app, 1001).await;
    let token = callout_token(SESSION_SECRET, json!({}));
    let links = json!([{"scopedId": scoped, "contactId": CONTACT, "contactName": "Amélie Dubois",
                        "fromQueueId": SUPPORT_QUEUE}]);
    let taken: Value = post_links(&app, &token, links).await.json().await.unwrap();
    assert_eq!(taken, json!({"accepted": 1, "ignored": []}));
    wait_for_owner(&app, 1001, SUPPORT_QUEUE).await;
    let link = app
        .store()
        .customer_link(crate::helpers::ORG_ID, customer)
        .await
        .unwrap();
    assert_eq!(
        link.unwrap().contact_id,
        CONTACT,
        "the Contact is taken alike"
    );

    // An agent takes the Case: the new owner replaces the Queue in Alcméon.
    let links = json!([{"scopedId": scoped, "fromQueueId": AGENT}]);
    let token = callout_token(SESSION_SECRET, json!({}));
    assert_eq!(post_links(&app, &token, links).await.status(), 200);
    wait_for_owner(&app, 1001, AGENT).await;
}

#[tokio::test]
async fn an_owner_alcmeon_could_not_take_for_a_while_is_written_once_it_can() {
    let app = spawn_app(0).await;
    for (conversation_id, answer) in [(1002, "500"), (1003, "429")] {
        let (scoped, _) = scoped_id(&app, conversation_id).await;
        let before = app.emulator_calls(WRITES).await;
        app.emulator_control(
            "/outages/custom-field-conversation",
            json!({"answer": answer, "seconds": 2}),
        )
        .await;
        let token = callout_token(SESSION_SECRET, json!({}));
        let links = json!([{"scopedId": scoped, "fromQueueId": SUPPORT_QUEUE}]);
        assert_eq!(post_links(&app, &token, links).await.status(), 200);
        app.wait_for_emulator_calls(WRITES, before + 1).await;
        assert!(
            unwritten(&app, conversation_id).await,
            "refused with {answer}: not noted written"
        );
        wait_for_owner(&app, conversation_id, SUPPORT_QUEUE).await;
        assert!(
            app.emulator_calls(WRITES).await >= before + 2,
            "after {answer}, written by a later try"
        );
    }
}

#[tokio::test]
async fn an_owner_that_is_not_a_salesforce_id_and_a_link_with_nothing_are_ignored_with_a_reason() {
    let app = spawn_app(0).await;
    let (scoped, _) = scoped_id(&app, 1004).await;
    let token = callout_token(SESSION_SECRET, json!({}));
    let links = json!([
        {"scopedId": scoped, "fromQueueId": "Support queue"},
        {"scopedId": scoped},
    ]);
    let taken: Value = post_links(&app, &token, links).await.json().await.unwrap();
    assert_eq!(
        taken,
        json!({"accepted": 0, "ignored": [
            {"scopedId": scoped, "reason": "not_a_salesforce_id"},
            {"scopedId": scoped, "reason": "nothing_to_take"},
        ]})
    );
    assert!(!unwritten(&app, 1004).await, "nothing stored to write");
    assert_eq!(alcmeon_owner_of(&app, 1004).await, None);
}
