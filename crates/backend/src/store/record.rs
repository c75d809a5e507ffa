//! Storing one Alcméon action and everything it means for the replica, in one transaction.

use protocol::{ItemKind, ThreadItem};

use super::{
    Store, StoreError, Tx, conversation_state, files, project, recipients, record_sync,
    reply_delivery, serde_name, thread,
};
use crate::alcmeon::Action;

impl Store {
    /// Stores one action and what it means for the thread, and publishes the thread changes.
    /// Returns false when the action was already stored (webhooks and backfill may both deliver it).
    pub async fn record_action(&self, raw: &serde_json::Value) -> Result<bool, StoreError> {
        let action: Action = serde_json::from_value(raw.clone())?;
        let mut writer = self.writer.acquire().await?;
        let mut tx = writer.begin().await?;
        self.dialect.take_thread_write_turn(&mut tx).await?;
        let (inserted, changed) = self.record_in(&mut tx, &action, raw).await?;
        let events = thread::log_changes_in_turn(&mut tx, &changed).await?;
        tx.commit().await?;
        self.publish(events);
        Ok(inserted)
    }

    /// Stores the action unless it is stored already: whether it was new, and the ids of the
    /// thread items it changed, for the caller to log. The transaction has taken the thread write
    /// turn.
    pub(super) async fn record_in(
        &self,
        tx: &mut Tx<'_>,
        action: &Action,
        raw: &serde_json::Value,
    ) -> Result<(bool, Vec<i64>), StoreError> {
        let inserted = sqlx::query("INSERT INTO actions (id, conversation_id, kind, body) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING")
            .bind(action.id)
            .bind(action.conversation_id())
            .bind(&action.kind)
            .bind(raw.to_string())
            .execute(&mut **tx)
            .await?
            .rows_affected()
            == 1;
        let mut changed: Vec<i64> = vec![];
        if inserted {
            self.apply(tx, action, &mut changed).await?;
        }
        Ok((inserted, changed))
    }

    /// Projects a newly stored action; pushes the ids of the thread items it changed.
    async fn apply(
        &self,
        tx: &mut Tx<'_>,
        action: &Action,
        changed: &mut Vec<i64>,
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
            insert_item(tx, conversation_id, &item).await?;
            files::insert(tx, item.id, conversation_id, &projected.files).await?;
            conversation_state::follow(tx, conversation_id, &item).await?;
            if action.kind == "answer" {
                reply_delivery::link_answer(tx, action, &item).await?;
            }
            changed.push(item.id);
            record_sync::queue_changed(tx, conversation_id, item.kind == ItemKind::Inbound).await?;
        }
        if action.kind == "execute-answer"
            && let Some(item_id) = reply_delivery::apply_delivery(tx, action).await?
        {
            changed.push(item_id);
        }
        Ok(())
    }
}

async fn insert_item(
    tx: &mut Tx<'_>,
    conversation_id: i64,
    item: &ThreadItem,
) -> Result<(), StoreError> {
    let event = item.event.as_ref().map(serde_json::to_string).transpose()?;
    sqlx::query(
        "INSERT INTO thread_items (action_id, conversation_id, kind, author, text, at_ms, event, agent_email)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(item.id)
    .bind(conversation_id)
    .bind(serde_name(item.kind))
    .bind(&item.author)
    .bind(&item.text)
    .bind(item.at_ms)
    .bind(event)
    .bind(item.agent_email.as_deref())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The highest webhook notification id recorded, its row locked until the transaction ends (two
/// groups at once on PostgreSQL read in turn).
pub(super) async fn highest_notification(tx: &mut Tx<'_>) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "UPDATE sync_state SET last_notification_id = last_notification_id WHERE id = 1
         RETURNING last_notification_id",
    )
    .fetch_one(&mut **tx)
    .await?)
}

/// Records that notifications up to `notification_id` were received (never moving back).
pub(super) async fn note_notifications_through(
    tx: &mut Tx<'_>,
    notification_id: i64,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE sync_state SET last_notification_id = $1 WHERE id = 1 AND last_notification_id < $1")
        .bind(notification_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
