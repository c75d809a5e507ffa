use serde_json::json;

use super::test_databases::{fresh_store, on_both_databases};
use super::*;

fn customer_message(id: i64, conversation_id: i64, time: &str, customer: i64) -> serde_json::Value {
    json!({
        "id": id, "type": "task-create", "date": "2026-11-20", "time": time,
        "account": {"id": 201, "name": "Lumio WhatsApp", "type": "whatsapp"},
        "task": {"id": id, "conversation_id": conversation_id, "message": {
            "content": "Hi", "date": "2026-11-20", "time": time,
            "author": {"name": "Camille", "group": {"id": customer, "custom_fields": []}}}}
    })
}

fn agent_answer(id: i64, conversation_id: i64, time: &str) -> serde_json::Value {
    json!({
        "id": id, "type": "answer", "date": "2026-11-20", "time": time,
        "user": {"id": 7, "email": "agent@lumio.test", "name": "Agent"},
        "account": {"id": 201, "name": "Lumio WhatsApp", "type": "whatsapp"},
        "task": {"id": id, "conversation_id": conversation_id, "message": {
            "content": "Hello", "date": "2026-11-20", "time": time,
            "author": {"name": "Lumio", "group": {"id": 999, "custom_fields": []}}}}
    })
}

fn link(org: &str, customer: i64, contact: &str) -> NewCustomerLink {
    NewCustomerLink {
        org_id: org.to_owned(),
        customer_id: customer,
        contact_id: contact.to_owned(),
        contact_name: "Camille Martin".to_owned(),
        person_account: false,
        linked_by: "agent@lumio.test".to_owned(),
    }
}

#[derive(Debug, PartialEq, sqlx::FromRow)]
struct Queued {
    org_id: String,
    conversation_id: i64,
    queued_at_ms: i64,
}

async fn queued(store: &Store) -> Vec<Queued> {
    sqlx::query_as(
        "SELECT org_id, conversation_id, queued_at_ms FROM record_sync_queue
         ORDER BY org_id, conversation_id",
    )
    .fetch_all(&store.pool)
    .await
    .unwrap()
}

on_both_databases! {
async fn a_conversations_customer_is_the_author_of_its_customer_messages(dialect) {
    let (store, _database) = fresh_store(dialect).await;
    store.record_action(&customer_message(1, 11, "10:00:00", 4001)).await.unwrap();
    store.record_action(&agent_answer(2, 11, "10:05:00")).await.unwrap();
    store.record_action(&customer_message(3, 12, "09:00:00", 4001)).await.unwrap();
    store.record_action(&customer_message(4, 13, "11:00:00", 4002)).await.unwrap();

    assert_eq!(store.conversation_customer_id(11).await.unwrap(), Some(4001));
    assert_eq!(store.conversation_customer_id(13).await.unwrap(), Some(4002));
    assert_eq!(store.conversation_customer_id(99).await.unwrap(), None);

    assert!(store.shares_customer_with(12, &[11]).await.unwrap());
    assert!(store.shares_customer_with(12, &[99, 13, 11]).await.unwrap());
    assert!(!store.shares_customer_with(13, &[11, 12]).await.unwrap(), "another customer's");
    assert!(!store.shares_customer_with(12, &[]).await.unwrap());
    assert!(!store.shares_customer_with(99, &[11]).await.unwrap(), "an unknown conversation");

    let conversations = store.customer_conversations(4001).await.unwrap();
    let ids: Vec<_> = conversations.iter().map(|c| c.conversation_id).collect();
    assert_eq!(ids, [11, 12], "the most recently active first");
    assert_eq!(conversations[0].status, "open");
    assert_eq!(conversations[0].account_id, Some(201));
    assert_eq!(conversations[0].customer_name, "Camille");
    assert_eq!(conversations[0].last_activity_at_ms, Some(1_795_169_100_000));
}
}

on_both_databases! {
async fn a_link_queues_every_conversation_of_the_customer_in_its_org_once(dialect) {
    let (store, _database) = fresh_store(dialect).await;
    store.record_action(&customer_message(1, 11, "10:00:00", 4001)).await.unwrap();
    store.record_action(&customer_message(2, 12, "11:00:00", 4001)).await.unwrap();
    store.record_action(&customer_message(3, 13, "11:00:00", 4002)).await.unwrap();

    let stored = store.link_customer(&link("00D1", 4001, "003A")).await.unwrap();
    assert_eq!((stored.contact_id.as_str(), stored.alcmeon_written_at_ms), ("003A", None));
    assert!(!stored.person_account);
    let first = queued(&store).await;
    let ids: Vec<_> = first.iter().map(|row| (row.org_id.as_str(), row.conversation_id)).collect();
    assert_eq!(ids, [("00D1", 11), ("00D1", 12)]);

    sqlx::query("DELETE FROM record_sync_queue").execute(&mut *store.writer.acquire().await.unwrap()).await.unwrap();
    let again = store.link_customer(&link("00D1", 4001, "003A")).await.unwrap();
    assert_eq!(again, stored, "the same Contact again changes nothing");
    assert!(queued(&store).await.is_empty());
    assert_eq!(store.customer_link("00D1", 4001).await.unwrap(), Some(stored));
    assert_eq!(store.customer_link("00D2", 4001).await.unwrap(), None);
}
}

on_both_databases! {
async fn a_link_is_written_to_alcmeon_until_its_contact_changes(dialect) {
    let (store, _database) = fresh_store(dialect).await;
    store.link_customer(&link("00D1", 4001, "003A")).await.unwrap();
    store.link_customer(&link("00D1", 4002, "003B")).await.unwrap();
    let unwritten = store.links_to_write_to_alcmeon(10).await.unwrap();
    assert_eq!(unwritten.len(), 2);

    store.note_link_written("00D1", 4001, "003A").await.unwrap();
    let unwritten = store.links_to_write_to_alcmeon(10).await.unwrap();
    assert_eq!(unwritten.iter().map(|l| l.customer_id).collect::<Vec<_>>(), [4002]);

    let mut person = link("00D1", 4001, "001P");
    person.person_account = true;
    store.link_customer(&person).await.unwrap();
    store.note_link_written("00D1", 4001, "003A").await.unwrap();
    let unwritten = store.links_to_write_to_alcmeon(10).await.unwrap();
    let pending: Vec<_> = unwritten.iter().map(|l| (l.customer_id, l.person_account)).collect();
    assert_eq!(pending, [(4002, false), (4001, true)], "a note for the old Contact marks nothing");
    assert_eq!(store.links_to_write_to_alcmeon(1).await.unwrap().len(), 1);
}
}

on_both_databases! {
async fn queuing_again_keeps_the_oldest_wait(dialect) {
    let (store, _database) = fresh_store(dialect).await;
    store.queue_record_sync("00D1", &[11]).await.unwrap();
    sqlx::query("UPDATE record_sync_queue SET queued_at_ms = 1000, due_at_ms = 5000")
        .execute(&mut *store.writer.acquire().await.unwrap())
        .await
        .unwrap();
    store.queue_record_sync("00D1", &[11, 12]).await.unwrap();
    let both = queued(&store).await;
    assert_eq!(both.len(), 2);
    assert_eq!(both[0].queued_at_ms, 1000, "the older wait is kept");
    assert!(both[1].queued_at_ms > 1000);
    let due: Vec<i64> = sqlx::query_scalar("SELECT due_at_ms FROM record_sync_queue ORDER BY conversation_id")
        .fetch_all(&store.pool)
        .await
        .unwrap();
    assert_eq!(due[0], 5000, "the earlier due time is kept");
}
}
