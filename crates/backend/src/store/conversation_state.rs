//! A conversation's status and reply window, kept up to date item by item in action-id order with
//! `protocol::Conversation::follow`, the rule the widget follows too.

use protocol::{ItemKind, ThreadItem};

use super::thread::read_conversation;
use super::{StoreError, Tx, from_serde_name, serde_name};

/// Follows a newly stored item. Actions usually arrive in id order; one that arrives after newer
/// ones of its conversation (backfill catching up behind a webhook, webhooks racing) is followed
/// with those newer items only, so a late item costs what came after it, not the whole thread.
pub(super) async fn follow(
    tx: &mut Tx<'_>,
    conversation_id: i64,
    item: &ThreadItem,
) -> Result<(), StoreError> {
    let Some(mut conversation) = read_conversation(&mut **tx, conversation_id).await? else {
        return Ok(());
    };
    let newer = items_after(tx, conversation_id, item.id).await?;
    conversation.follow_late(item, &newer);
    sqlx::query("UPDATE conversations SET status = $1, last_inbound_at_ms = $2 WHERE id = $3")
        .bind(serde_name(conversation.status))
        .bind(conversation.last_inbound_at_ms)
        .bind(conversation_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The conversation's projected items after `action_id` that may set its status (none when the
/// item arrived in order), with what following them needs.
async fn items_after(
    tx: &mut Tx<'_>,
    conversation_id: i64,
    action_id: i64,
) -> Result<Vec<ThreadItem>, StoreError> {
    let rows: Vec<FollowedRow> = sqlx::query_as(
        "SELECT action_id, kind, at_ms, event FROM thread_items
         WHERE conversation_id = $1 AND action_id > $2 AND kind IN ($3, $4)",
    )
    .bind(conversation_id)
    .bind(action_id)
    .bind(serde_name(ItemKind::Inbound))
    .bind(serde_name(ItemKind::Event))
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows.into_iter().map(FollowedRow::into_item).collect())
}

/// What following a stored item needs of it.
#[derive(sqlx::FromRow)]
struct FollowedRow {
    action_id: i64,
    kind: String,
    at_ms: i64,
    /// `protocol::ConversationEvent` JSON.
    event: Option<String>,
}

impl FollowedRow {
    fn into_item(self) -> ThreadItem {
        ThreadItem {
            id: self.action_id,
            kind: from_serde_name(&self.kind).unwrap_or(ItemKind::Inbound),
            author: String::new(),
            text: String::new(),
            at_ms: self.at_ms,
            delivery: None,
            client_id: None,
            agent_email: None,
            event: self.event.and_then(|json| serde_json::from_str(&json).ok()),
            attachments: vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use protocol::ConversationStatus;
    use serde_json::{Value, json};

    use crate::store::Dialect;
    use crate::store::test_databases::{fresh_store, on_both_databases};

    fn action(id: i64, kind: &str, time: &str) -> Value {
        json!({"id": id, "type": kind, "date": "2026-11-20", "time": time,
               "user": {"name": "Sophie"}, "account": {"type": "whatsapp"},
               "task": {"id": id, "conversation_id": 7, "message": {"content": "hi",
                        "date": "2026-11-20", "time": time, "author": {"name": "Ana"}}}})
    }

    async fn status_after(
        dialect: Dialect,
        ids_in_arrival_order: &[(i64, &str)],
    ) -> (ConversationStatus, i64) {
        let (store, _database) = fresh_store(dialect).await;
        for (id, kind) in ids_in_arrival_order {
            let time = format!("10:00:{id:02}");
            store
                .record_action(&action(*id, kind, &time))
                .await
                .unwrap();
        }
        let conversation = store.conversation(7).await.unwrap().unwrap();
        (
            conversation.status,
            conversation.last_inbound_at_ms.unwrap() % 60_000,
        )
    }

    on_both_databases! {
    async fn an_archive_closes_and_a_later_message_reopens_whatever_order_they_arrive_in(dialect) {
        let in_order = [(1, "task-create"), (2, "archive"), (3, "task-create")];
        assert_eq!(
            status_after(dialect, &in_order).await,
            (ConversationStatus::Open, 3_000)
        );
        let late_message = [(2, "archive"), (3, "task-create"), (1, "task-create")];
        assert_eq!(
            status_after(dialect, &late_message).await,
            (ConversationStatus::Open, 3_000)
        );
        let late_archive = [(1, "task-create"), (3, "archive"), (2, "task-create")];
        assert_eq!(
            status_after(dialect, &late_archive).await,
            (ConversationStatus::Closed, 2_000)
        );
    }
    }
}
