//! Storing Alcméon actions and everything they mean for the replica, in one transaction.
//!
//! A group of actions (webhooks arriving together) is stored with one statement for all their
//! action rows and one for all their thread items: each row a statement would cost a hand-off to
//! the database and back. The items may wait for the group's end because nothing in between
//! reads them: actions are applied in id order, and following one reads only newer items.

use std::collections::HashSet;

use protocol::{ItemKind, ThreadItem};
use sqlx::AssertSqlSafe;

use super::{
    Store, StoreError, Tx, conversation_state, files, project, recipients, record_sync,
    reply_delivery, serde_name, thread, values_rows,
};
use crate::alcmeon::Action;

/// An action to store, with the JSON it came as.
pub(super) struct ActionToStore<'a> {
    pub action: &'a Action,
    pub raw: &'a serde_json::Value,
}

/// What storing one action did.
pub(super) struct Stored {
    /// False when the action was stored already (webhooks and backfill may both deliver it).
    pub inserted: bool,
    /// The thread items it changed, for the caller to log.
    pub changed: Vec<i64>,
}

impl Store {
    /// Stores one action and what it means for the thread, and publishes the thread changes.
    /// Returns false when the action was already stored (webhooks and backfill may both deliver it).
    pub async fn record_action(&self, raw: &serde_json::Value) -> Result<bool, StoreError> {
        let action: Action = serde_json::from_value(raw.clone())?;
        let mut writer = self.writer.acquire().await?;
        let mut tx = self.dialect.begin_thread_write(&mut writer).await?;
        let [stored] = self
            .record_in(
                &mut tx,
                &[ActionToStore {
                    action: &action,
                    raw,
                }],
            )
            .await?
            .try_into()
            .unwrap_or_else(|_| unreachable!("one outcome per action"));
        let events = thread::log_changes_in_turn(&mut tx, &stored.changed).await?;
        tx.commit().await?;
        self.publish(events);
        Ok(stored.inserted)
    }

    /// Stores the actions (in id order) unless stored already, each action once: what storing
    /// each did, in the order given. The transaction has taken the thread write turn.
    pub(super) async fn record_in(
        &self,
        tx: &mut Tx<'_>,
        actions: &[ActionToStore<'_>],
    ) -> Result<Vec<Stored>, StoreError> {
        let mut new = insert_actions(tx, actions).await?;
        let mut items = vec![];
        let mut outcomes = Vec::with_capacity(actions.len());
        for ActionToStore { action, .. } in actions {
            // An action given twice is new the first time only.
            let inserted = new.remove(&action.id);
            let mut changed = vec![];
            if inserted {
                self.apply(tx, action, &mut changed, &mut items).await?;
            }
            outcomes.push(Stored { inserted, changed });
        }
        insert_items(tx, &items).await?;
        Ok(outcomes)
    }

    /// Projects a newly stored action; pushes the ids of the thread items it changed, and its
    /// item (with its conversation) for the caller to insert.
    async fn apply(
        &self,
        tx: &mut Tx<'_>,
        action: &Action,
        changed: &mut Vec<i64>,
        items: &mut Vec<(i64, ThreadItem)>,
    ) -> Result<(), StoreError> {
        let task = action.task.as_ref();
        if let (Some(task_id), Some(conversation_id)) =
            (task.and_then(|t| t.id), action.conversation_id())
        {
            sqlx::query(
                "INSERT INTO tasks (id, conversation_id) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING",
            )
            .bind(task_id)
            .bind(conversation_id)
            .execute(&mut **tx)
            .await?;
        }
        let projected = project(action);
        if let Some(conversation) = projected.conversation {
            let customer = recipients::customer_of(action, self.phone_field_id);
            sqlx::query(
                "INSERT INTO conversations (id, channel, account_name, customer_name, account_id, customer_phone, customer_id)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (id) DO UPDATE SET
                     customer_name = CASE WHEN conversations.customer_name = '' THEN excluded.customer_name ELSE conversations.customer_name END,
                     account_id = COALESCE(conversations.account_id, excluded.account_id),
                     customer_phone = COALESCE(excluded.customer_phone, conversations.customer_phone),
                     customer_id = COALESCE(excluded.customer_id, conversations.customer_id)",
            )
            .bind(conversation.id)
            .bind(serde_name(conversation.channel))
            .bind(&conversation.account_name)
            .bind(&conversation.customer_name)
            .bind(customer.account_id)
            .bind(customer.phone)
            .bind(customer.customer_id)
            .execute(&mut **tx)
            .await?;
        }
        if let Some((conversation_id, item)) = projected.item {
            files::insert(tx, item.id, conversation_id, &projected.files).await?;
            conversation_state::follow(tx, conversation_id, &item).await?;
            if action.kind == "answer" {
                reply_delivery::link_answer(tx, action, &item).await?;
            }
            changed.push(item.id);
            record_sync::queue_changed(tx, conversation_id, item.kind == ItemKind::Inbound).await?;
            items.push((conversation_id, item));
        }
        if action.kind == "execute-answer"
            && let Some(item_id) = reply_delivery::apply_delivery(tx, action).await?
        {
            changed.push(item_id);
        }
        Ok(())
    }
}

/// Inserts the actions' rows, skipping those stored already: the ids inserted.
async fn insert_actions(
    tx: &mut Tx<'_>,
    actions: &[ActionToStore<'_>],
) -> Result<HashSet<i64>, StoreError> {
    if actions.is_empty() {
        return Ok(HashSet::new());
    }
    let sql = format!(
        "INSERT INTO actions (id, conversation_id, kind, body) VALUES {}
         ON CONFLICT (id) DO NOTHING RETURNING id",
        values_rows(actions.len(), 4)
    );
    let mut insert = sqlx::query_scalar(AssertSqlSafe(sql));
    for ActionToStore { action, raw } in actions {
        insert = insert
            .bind(action.id)
            .bind(action.conversation_id())
            .bind(&action.kind)
            .bind(raw.to_string());
    }
    Ok(insert.fetch_all(&mut **tx).await?.into_iter().collect())
}

/// Inserts the thread items, each with its conversation.
async fn insert_items(tx: &mut Tx<'_>, items: &[(i64, ThreadItem)]) -> Result<(), StoreError> {
    if items.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "INSERT INTO thread_items (action_id, conversation_id, kind, author, text, at_ms, event, agent_email)
         VALUES {}",
        values_rows(items.len(), 8)
    );
    let mut insert = sqlx::query(AssertSqlSafe(sql));
    for (conversation_id, item) in items {
        let event = item.event.as_ref().map(serde_json::to_string).transpose()?;
        insert = insert
            .bind(item.id)
            .bind(*conversation_id)
            .bind(serde_name(item.kind))
            .bind(&item.author)
            .bind(&item.text)
            .bind(item.at_ms)
            .bind(event)
            .bind(item.agent_email.as_deref());
    }
    insert.execute(&mut **tx).await?;
    Ok(())
}

/// Records that notifications up to `notification_id` were received (never moving back), and
/// returns the highest recorded before. Its group holds the thread write turn, so no other group
/// records between.
pub(super) async fn note_notifications_through(
    tx: &mut Tx<'_>,
    notification_id: i64,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "UPDATE sync_state SET previous_notification_id = last_notification_id,
             last_notification_id = CASE WHEN last_notification_id < $1 THEN $1
                                         ELSE last_notification_id END
         WHERE id = 1 RETURNING previous_notification_id",
    )
    .bind(notification_id)
    .fetch_one(&mut **tx)
    .await?)
}

#[cfg(test)]
mod tests {
    use protocol::ConversationStatus;
    use serde_json::{Value, json};

    use super::ActionToStore;
    use crate::alcmeon::Action;
    use crate::store::test_databases::{fresh_store, on_both_databases};

    fn action(id: i64, kind: &str) -> Value {
        json!({"id": id, "type": kind, "date": "2026-11-20", "time": format!("10:00:{id:02}"),
               "user": {"name": "Sophie"}, "account": {"type": "whatsapp"},
               "task": {"conversation_id": 7, "message": {"content": format!("message {id}"),
                        "author": {"name": "Ana"}}}})
    }

    on_both_databases! {
        /// One group holding an action twice and an archive between two messages: each action is
        /// stored once, its items all in the thread, and the conversation followed in id order.
        async fn a_group_stores_each_action_once_and_follows_them_in_order(dialect) {
            let (store, _database) = fresh_store(dialect).await;
            let raw = [action(1, "task-create"), action(2, "archive"), action(3, "task-create")];
            let actions: Vec<Action> = raw
                .iter()
                .map(|raw| serde_json::from_value(raw.clone()).unwrap())
                .collect();
            let group: Vec<ActionToStore> = [0, 0, 1, 2]
                .into_iter()
                .map(|n| ActionToStore { action: &actions[n], raw: &raw[n] })
                .collect();
            let mut writer = store.writer.acquire().await.unwrap();
            let mut tx = writer.begin().await.unwrap();
            let stored = store.record_in(&mut tx, &group).await.unwrap();
            tx.commit().await.unwrap();
            drop(writer);
            let inserted: Vec<bool> = stored.iter().map(|stored| stored.inserted).collect();
            assert_eq!(inserted, [true, false, true, true]);
            assert_eq!(store.action_count().await.unwrap(), 3);
            let items: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM thread_items")
                .fetch_one(&store.pool)
                .await
                .unwrap();
            assert_eq!(items, 3);
            let conversation = store.conversation(7).await.unwrap().unwrap();
            assert_eq!(conversation.status, ConversationStatus::Open);
            assert_eq!(conversation.last_inbound_at_ms.unwrap() % 60_000, 3_000);
        }
    }
}
