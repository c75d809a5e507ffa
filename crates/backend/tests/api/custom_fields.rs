//! The Alcméon client's user custom fields against the emulator: a Salesforce Contact id written
//! to a customer's profile and read back, the field found by its label, Alcméon's refusals, and a
//! 429 waited out through the governor.

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use alcmeon_emulator::RunningEmulator;
use backend::alcmeon::{AlcmeonClient, ClientError, CustomFieldValue, Governor};
use chrono::Utc;
use serde_json::{Value, json};

use crate::helpers::{ALCMEON_SECRET, INSTANCE_ID};

/// WhatsApp account 201 and Amélie Dubois on it (conversation 1001), as the emulator seeds them.
const ACCOUNT: i64 = 201;
const AMELIE: &str = "33611223344";

async fn emulator() -> (RunningEmulator, AlcmeonClient) {
    let emulator = alcmeon_emulator::serve(alcmeon_emulator::Config {
        addr: "127.0.0.1:0".parse().unwrap(),
        instance_id: INSTANCE_ID.into(),
        secret: ALCMEON_SECRET.into(),
        rate_limit_per_minute: 10_000,
        ..Default::default()
    })
    .await
    .expect("emulator starts");
    let client = AlcmeonClient::new(
        &emulator.base_url(),
        INSTANCE_ID,
        ALCMEON_SECRET,
        Duration::from_secs(10),
        Arc::new(Governor::new(NonZeroU32::new(6_000).unwrap())),
    );
    (emulator, client)
}

fn value(field_id: i64, field_value: Value) -> CustomFieldValue {
    CustomFieldValue {
        field_id,
        field_value,
    }
}

#[tokio::test]
async fn a_contact_id_written_to_a_customer_is_read_back_beside_their_phone() {
    let (_emulator, client) = emulator().await;
    let field = client
        .user_custom_field_named("salesforce contact id")
        .await
        .unwrap()
        .expect("the emulator defines the field");
    assert_eq!((field.id, field.kind.as_str()), (5002, "string"));
    let phone = value(5001, json!({"country_prefix": "33", "number": "611223344"}));
    let before = client.user_custom_fields(ACCOUNT, AMELIE).await.unwrap();
    assert_eq!(before, Some(vec![phone.clone()]));

    for contact_id in ["003000000000001AAA", "003000000000002AAA"] {
        client
            .set_user_custom_field(ACCOUNT, AMELIE, field.id, json!(contact_id))
            .await
            .unwrap();
    }
    let after = client.user_custom_fields(ACCOUNT, AMELIE).await.unwrap();
    assert_eq!(
        after,
        Some(vec![phone, value(field.id, json!("003000000000002AAA"))])
    );
}

#[tokio::test]
async fn an_unknown_user_reads_as_none_and_an_unknown_field_is_alcmeons_refusal() {
    let (_emulator, client) = emulator().await;
    assert_eq!(
        client
            .user_custom_fields(ACCOUNT, "33700000009")
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        client
            .user_custom_field_named("Loyalty tier")
            .await
            .unwrap(),
        None
    );
    let refused = client
        .set_user_custom_field(ACCOUNT, AMELIE, 5999, json!("x"))
        .await
        .unwrap_err();
    assert!(
        matches!(refused, ClientError::Status { status: 403, .. }),
        "{refused:?}"
    );
    assert_eq!(
        refused.alcmeon_error().as_deref(),
        Some("field-not-editable")
    );
}

#[tokio::test]
async fn a_429_holds_the_client_until_alcmeon_takes_calls_again() {
    let (emulator, client) = emulator().await;
    let hold = reqwest::Client::new()
        .post(format!(
            "{}/_emulator/rate-limits/api/hold",
            emulator.base_url()
        ))
        .json(&json!({"seconds": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(hold.status(), 200);

    let contact_id = json!("003000000000001AAA");
    let first = client
        .set_user_custom_field(ACCOUNT, AMELIE, 5002, contact_id.clone())
        .await;
    let Err(ClientError::RateLimited { until }) = first else {
        panic!("the held budget answers 429: {first:?}");
    };
    // The outbox asks again; each attempt waits for the governor's hold first.
    let mut refused_again = 0;
    while let Err(ClientError::RateLimited { .. }) = client
        .set_user_custom_field(ACCOUNT, AMELIE, 5002, contact_id.clone())
        .await
    {
        refused_again += 1;
        assert!(refused_again < 3, "the client kept calling into the hold");
    }
    assert!(Utc::now() >= until, "the client waited for {until}");
    let values = client
        .user_custom_fields(ACCOUNT, AMELIE)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(values.last(), Some(&value(5002, contact_id)));
}
