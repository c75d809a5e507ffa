//! A conversation's status and reply window, kept up to date item by item in action-id order with
//! `protocol::Conversation::follow`, the rule the widget follows too.

use protocol::{ItemKind, ThreadItem};

use super::thread::{ConversationRow, conversation_columns};
use super::{StoreError, Tx, from_serde_name, serde_name};

/// Follows a newly stored item. Actions usually arrive in id order; one that arrives after newer
/// ones of its conversation (backfill catching up behind a webhook, webhooks racing) is followed
/// with those newer items only, so a late item costs what came after it, not the whole thread.
/// Of those, only the ones that may set a status are read: the events, and the first customer
/// message (each sets it, so one says as much as thousands). One statement reads the conversation
/// with those items; another writes it if it changed.
pub(super) async fn follow(
    tx: &mut Tx<'_>,
    conversation_id: i64,
    item: &ThreadItem,
) -> Result<(), StoreError> {
    let rows: Vec<FollowingRow> = sqlx::query_as(concat!(
        "SELECT ",
        conversation_columns!(),
        ", t.action_id, t.kind, t.at_ms, t.event
         FROM conversations c
         LEFT JOIN thread_items t ON t.conversation_id = c.id AND t.action_id > $2
             AND (t.kind = $4
                  OR t.action_id = (SELECT MIN(i.action_id) FROM thread_items i
                                    WHERE i.conversation_id = $1 AND i.action_id > $2
                                      AND i.kind = $3))
         WHERE c.id = $1"
    ))
    .bind(conversation_id)
    .bind(item.id)
    .bind(serde_name(ItemKind::Inbound))
    .bind(serde_name(ItemKind::Event))
    .fetch_all(&mut **tx)
    .await?;
    let (mut conversation, mut newer) = (None, vec![]);
    for row in rows {
        newer.extend(row.newer.into_item());
        conversation.get_or_insert_with(|| row.conversation.into_conversation());
    }
    let Some(mut conversation) = conversation else {
        return Ok(());
    };
    let (status, last_inbound_at_ms) = (conversation.status, conversation.last_inbound_at_ms);
    conversation.follow_late(item, &newer);
    if (conversation.status, conversation.last_inbound_at_ms) == (status, last_inbound_at_ms) {
        return Ok(());
    }
    sqlx::query("UPDATE conversations SET status = $1, last_inbound_at_ms = $2 WHERE id = $3")
        .bind(serde_name(conversation.status))
        .bind(conversation.last_inbound_at_ms)
        .bind(conversation_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The conversation, and one of its items after the one followed, if any.
#[derive(sqlx::FromRow)]
struct FollowingRow {
    #[sqlx(flatten)]
    conversation: ConversationRow,
    #[sqlx(flatten)]
    newer: NewerRow,
}

/// What following an item needs of it, when the conversation has one after the item followed.
#[derive(sqlx::FromRow)]
struct NewerRow {
    action_id: Option<i64>,
    kind: Option<String>,
    at_ms: Option<i64>,
    /// `protocol::ConversationEvent` JSON.
    event: Option<String>,
}

impl NewerRow {
    fn into_item(self) -> Option<ThreadItem> {
        Some(ThreadItem {
            id: self.action_id?,
            kind: from_serde_name(&self.kind?).unwrap_or(ItemKind::Inbound),
            author: String::new(),
            text: String::new(),
            at_ms: self.at_ms?,
            delivery: None,
            client_id: None,
            agent_email: None,
            event: self.event.and_then(|json| serde_json::from_str(&json).ok()),
            attachments: vec![],
        })
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
        let archive_behind_messages =
            [(1, "task-create"), (3, "task-create"), (4, "task-create"), (2, "archive")];
        assert_eq!(
            status_after(dialect, &archive_behind_messages).await,
            (ConversationStatus::Open, 4_000)
        );
        let message_behind_messages_and_archive = [
            (3, "task-create"), (4, "task-create"), (5, "archive"), (2, "task-create"),
        ];
        assert_eq!(
            status_after(dialect, &message_behind_messages_and_archive).await,
            (ConversationStatus::Closed, 4_000)
        );
    }
    }
}
