use serde_json::json;

use super::test_databases::{fresh_store, on_both_databases};
use super::*;

const ORG_A: &str = "00DA";
const ORG_B: &str = "00DB";
const MAPPED: i64 = 201;
const UNMAPPED: i64 = 301;

fn customer_message(id: i64, conversation: i64, account: i64, customer: i64) -> serde_json::Value {
    let time = format!("10:{:02}:00", id % 60);
    json!({
        "id": id, "type": "task-create", "date": "2026-11-20", "time": time,
        "account": {"id": account, "name": format!("Lumio {account}"), "type": "whatsapp"},
        "task": {"id": id, "conversation_id": conversation, "message": {
            "content": "Hi", "date": "2026-11-20", "time": time,
            "author": {"name": "Camille", "group": {"id": customer, "custom_fields": []}}}}
    })
}

fn agent_answer(id: i64, conversation: i64, account: i64) -> serde_json::Value {
    let time = format!("10:{:02}:00", id % 60);
    json!({
        "id": id, "type": "answer", "date": "2026-11-20", "time": time,
        "user": {"id": 7, "email": "agent@lumio.test", "name": "Agent"},
        "account": {"id": account, "name": format!("Lumio {account}"), "type": "whatsapp"},
        "task": {"id": id, "conversation_id": conversation}
    })
}

async fn mapped_store(dialect: Dialect) -> (Store, test_databases::TestDatabase) {
    let (store, database) = fresh_store(dialect).await;
    let configured = [
        (ORG_A.to_owned(), vec![MAPPED]),
        (ORG_B.to_owned(), vec![202]),
    ];
    store
        .set_record_sync_orgs(&configured, &["00DC".to_owned()])
        .await
        .unwrap();
    (store, database)
}

/// `(org, conversation)` of every queued row.
async fn queued(store: &Store) -> Vec<(String, i64)> {
    sqlx::query_as(
        "SELECT org_id, conversation_id FROM record_sync_queue ORDER BY org_id, conversation_id",
    )
    .fetch_all(&store.pool)
    .await
    .unwrap()
}

fn written(conversation_id: i64, status: &'static str) -> WrittenRecord {
    WrittenRecord {
        conversation_id,
        customer_id: Some(4001),
        scoped_id: format!("1:201:4001:{conversation_id}"),
        record_id: format!("a0A00000000000{conversation_id}"),
        status,
    }
}

fn row(queued: &[(String, i64)], org: &str, conversation: i64) -> bool {
    queued.contains(&(org.to_owned(), conversation))
}

on_both_databases! {
async fn a_customer_message_on_a_mapped_account_queues_it_and_the_customers_older_conversations_once(dialect) {
    let (store, _database) = mapped_store(dialect).await;
    store.record_action(&customer_message(1, 11, UNMAPPED, 4001)).await.unwrap();
    store.record_action(&agent_answer(2, 11, UNMAPPED)).await.unwrap();
    assert_eq!(queued(&store).await, [], "an unmapped account queues nothing");

    store.record_action(&customer_message(3, 12, MAPPED, 4001)).await.unwrap();
    store.record_action(&customer_message(4, 13, UNMAPPED, 4002)).await.unwrap();
    assert_eq!(
        queued(&store).await,
        [(ORG_A.to_owned(), 11), (ORG_A.to_owned(), 12)],
        "the conversation on the mapped account, and the customer's older one, in its org only"
    );

    store.take_record_syncs(ORG_A, i64::MAX - 1, i64::MAX, 200).await.unwrap();
    store.note_records_written(ORG_A, i64::MAX, &[written(11, "CLOSED"), written(12, "OPENED")]).await.unwrap();
    assert_eq!(queued(&store).await, []);
    store.record_action(&customer_message(5, 14, UNMAPPED, 4001)).await.unwrap();
    assert_eq!(queued(&store).await, [], "the customer's message on an unmapped account is not eligible");
    store.record_action(&agent_answer(6, 11, UNMAPPED)).await.unwrap();
    assert_eq!(
        queued(&store).await,
        [(ORG_A.to_owned(), 11), (ORG_A.to_owned(), 12)],
        "a written record follows every change; the one written OPENED may no longer be the newest"
    );
    store.take_record_syncs(ORG_A, i64::MAX - 1, i64::MAX, 200).await.unwrap();
    store.note_records_written(ORG_A, i64::MAX, &[written(11, "OPENED"), written(12, "CLOSED")]).await.unwrap();

    store.record_action(&customer_message(7, 15, MAPPED, 4001)).await.unwrap();
    let rows = queued(&store).await;
    assert_eq!(rows, [(ORG_A.to_owned(), 11), (ORG_A.to_owned(), 15)], "with the record written OPENED");
}
}

on_both_databases! {
async fn a_linked_customers_every_change_is_queued_in_the_linking_org(dialect) {
    let (store, _database) = mapped_store(dialect).await;
    store.record_action(&customer_message(1, 21, UNMAPPED, 4005)).await.unwrap();
    store
        .link_customer(&NewCustomerLink {
            org_id: ORG_B.to_owned(),
            customer_id: 4005,
            contact_id: "003000000000001AAA".to_owned(),
            contact_name: "Camille Martin".to_owned(),
            person_account: false,
            linked_by: "agent@lumio.test".to_owned(),
        })
        .await
        .unwrap();
    store.take_record_syncs(ORG_B, i64::MAX - 1, i64::MAX, 200).await.unwrap();
    store.drop_record_syncs(ORG_B, i64::MAX, &[21]).await.unwrap();
    assert_eq!(queued(&store).await, []);

    store.record_action(&agent_answer(2, 21, UNMAPPED)).await.unwrap();
    store.record_action(&customer_message(3, 22, UNMAPPED, 4005)).await.unwrap();
    assert_eq!(queued(&store).await, [(ORG_B.to_owned(), 21), (ORG_B.to_owned(), 22)]);
}
}

on_both_databases! {
async fn a_taken_row_changed_during_its_lease_stays_queued_and_a_refused_one_waits_with_its_error(dialect) {
    let (store, _database) = mapped_store(dialect).await;
    store.record_action(&customer_message(1, 31, MAPPED, 4010)).await.unwrap();
    store.record_action(&customer_message(2, 32, MAPPED, 4011)).await.unwrap();
    store.record_action(&customer_message(3, 33, MAPPED, 4012)).await.unwrap();
    let now = now_ms() + 1;
    let lease = now + 600_000;
    assert!(store.has_due_record_syncs(ORG_A, now).await.unwrap());
    let taken = store.take_record_syncs(ORG_A, now, lease, 2).await.unwrap();
    let taken: Vec<i64> = taken.iter().map(|t| t.conversation_id).collect();
    assert_eq!(taken.len(), 2, "at most the limit");
    let again = store.take_record_syncs(ORG_A, now, lease, 200).await.unwrap();
    assert_eq!(again.len(), 1, "a leased row is not taken twice");

    store.record_action(&customer_message(4, taken[0], MAPPED, 4010 + taken[0] - 31)).await.unwrap();
    let records = [written(taken[0], "OPENED"), written(taken[1], "OPENED")];
    store.note_records_written(ORG_A, lease, &records).await.unwrap();
    let rows = queued(&store).await;
    assert!(row(&rows, ORG_A, taken[0]), "changed since taken: written again: {rows:?}");
    assert!(!row(&rows, ORG_A, taken[1]), "{rows:?}");
    assert!(store.has_due_record_syncs(ORG_A, now_ms() + 1).await.unwrap());

    let refused = again[0].conversation_id;
    store
        .release_record_syncs(ORG_A, lease, &[refused], now + 10_000, Some("STRING_TOO_LONG: too long"))
        .await
        .unwrap();
    let health = store.record_sync_health().await.unwrap();
    assert_eq!((health[0].queued, health[0].refused), (2, 1));
    let retaken = store.take_record_syncs(ORG_A, now + 10_000, lease + 1, 200).await.unwrap();
    let refused_row = retaken.iter().find(|t| t.conversation_id == refused).unwrap();
    assert_eq!(refused_row.attempts, 1);
    let error: Option<String> = sqlx::query_scalar("SELECT last_error FROM record_sync_queue WHERE conversation_id = $1")
        .bind(refused)
        .fetch_one(&store.pool)
        .await
        .unwrap();
    assert_eq!(error.as_deref(), Some("STRING_TOO_LONG: too long"));
}
}

on_both_databases! {
async fn health_shows_each_orgs_status_queue_and_oldest_wait_and_a_record_keeps_its_external_id(dialect) {
    let (store, _database) = mapped_store(dialect).await;
    store.record_action(&customer_message(1, 41, MAPPED, 4020)).await.unwrap();
    store
        .set_record_sync_status(ORG_A, &OrgSyncStatus { status: "unreachable", detail: Some("503"), api_usage: Some((12, 1000)) })
        .await
        .unwrap();
    let health = store.record_sync_health().await.unwrap();
    let orgs: Vec<(&str, &str, i64)> = health.iter().map(|h| (h.org_id.as_str(), h.status.as_str(), h.queued)).collect();
    assert_eq!(orgs, [(ORG_A, "unreachable", 1), (ORG_B, "ok", 0), ("00DC", "not_configured", 0)]);
    assert_eq!((health[0].api_used, health[0].api_limit), (Some(12), Some(1000)));
    assert!(health[0].oldest_queued_at_ms.is_some() && health[1].oldest_queued_at_ms.is_none());

    let sources = store.record_sources(ORG_A, &[41, 99]).await.unwrap();
    assert_eq!(sources.len(), 1, "a conversation the replica lacks is left out");
    assert_eq!(sources[0].account_id, Some(MAPPED));
    assert_eq!(sources[0].customer_id, Some(4020));
    assert_eq!(sources[0].newest_inbound_id, Some(1));
    assert_eq!(sources[0].written_scoped_id, None);
    let lease = now_ms() + 600_000;
    store.take_record_syncs(ORG_A, now_ms() + 1, lease, 200).await.unwrap();
    let first = WrittenRecord { scoped_id: "1:201:0:41".into(), ..written(41, "OPENED") };
    store.note_records_written(ORG_A, lease, &[first]).await.unwrap();
    let sources = store.record_sources(ORG_A, &[41]).await.unwrap();
    assert_eq!(sources[0].written_scoped_id.as_deref(), Some("1:201:0:41"));

    store.set_record_sync_orgs(&[(ORG_A.to_owned(), vec![])], &[]).await.unwrap();
    let health = store.record_sync_health().await.unwrap();
    assert_eq!(health.len(), 1, "orgs no longer configured are forgotten");
    assert_eq!(health[0].status, "unreachable", "a configured org keeps its status");
}
}
