//! The thread as the widget sees it, and the log of its changes.
//!
//! A reply sent from the widget must show as ONE outbound item through its whole life. The thread
//! is therefore read from one merged view rather than stored twice:
//!
//! - every projected thread item (customer messages, `answer` actions and agents' actions), where an
//!   `answer` linked to a reply carries that reply's `client_id`, author, email and delivery; an
//!   `answer` of an earlier, failed attempt of a reply that was retried is hidden;
//! - plus every reply Alcméon has not recorded yet (no `answer` linked), under a provisional id
//!   ([`PROVISIONAL_ID_BASE`] + the reply's row id), which sorts after every Alcméon action id.
//!
//! So a reply's item id changes once, from provisional to its `answer` action's id; the widget
//! recognises the item by its `client_id`.

use protocol::{
    AgentEmail, Channel, ClientId, Conversation, ConversationStatus, Delivery, FailureCode,
    ItemKind, ThreadItem, ThreadPage, Viewer,
};
use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row, SqliteExecutor};
use tokio::sync::broadcast;

use super::{Store, StoreError, Tx, from_serde_name, now_ms};

/// Provisional item ids of replies not yet recorded by Alcméon start above any action id (2^52,
/// still exact in a JavaScript number).
pub use protocol::item_id::PROVISIONAL_BASE as PROVISIONAL_ID_BASE;

/// The merged thread; `{filter}` is replaced by a condition on `id` and `conversation_id`.
const MERGED: &str = "SELECT * FROM (
    SELECT t.action_id AS id, t.conversation_id, t.kind, COALESCE(r.agent_name, t.author) AS author,
           t.text, t.at_ms, r.client_id, r.state, r.failure_reason, r.failure_detail,
           CASE WHEN r.id IS NULL THEN t.agent_email ELSE r.agent_email END AS agent_email,
           t.event,
           (SELECT json_group_array(json_object('id', a.id, 'mime_type', a.mime_type, 'size', a.size)
                                    ORDER BY a.position)
            FROM attachments a WHERE a.action_id = t.action_id) AS attachments
    FROM thread_items t
    LEFT JOIN reply_answers ra ON ra.answer_action_id = t.action_id
    LEFT JOIN replies r ON r.id = ra.reply_id
    WHERE ra.answer_action_id IS NULL OR r.answer_action_id = t.action_id
    UNION ALL
    SELECT ? + r.id AS id, r.conversation_id, 'outbound', r.agent_name, r.text, r.created_at_ms,
           r.client_id, r.state, r.failure_reason, r.failure_detail, r.agent_email, NULL,
           NULL
    FROM replies r WHERE r.answer_action_id IS NULL
) WHERE {filter}";

/// One change to a conversation's thread: the item as it now stands, under its log sequence number.
#[derive(Debug, Clone)]
pub struct ThreadEvent {
    pub seq: i64,
    pub conversation_id: i64,
    pub item: ThreadItem,
}

fn merged(filter: &str) -> String {
    MERGED.replace("{filter}", filter)
}

fn item_from(row: &SqliteRow) -> ThreadItem {
    let delivery = row
        .get::<Option<String>, _>("state")
        .map(|state| match state.as_str() {
            "sent" => Delivery::Sent,
            "failed" => Delivery::Failed {
                code: row
                    .get::<Option<String>, _>("failure_reason")
                    .and_then(|code| from_serde_name(&code))
                    .unwrap_or(FailureCode::Unknown),
                detail: row.get("failure_detail"),
            },
            _ => Delivery::Sending,
        });
    let attachments = row
        .get::<Option<String>, _>("attachments")
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default();
    ThreadItem {
        id: row.get("id"),
        kind: from_serde_name(row.get("kind")).unwrap_or(ItemKind::Inbound),
        author: row.get("author"),
        text: row.get("text"),
        at_ms: row.get("at_ms"),
        delivery,
        client_id: row
            .get::<Option<String>, _>("client_id")
            .and_then(|id| ClientId::parse(&id).ok()),
        agent_email: row
            .get::<Option<String>, _>("agent_email")
            .and_then(|email| AgentEmail::parse(&email).ok()),
        event: row
            .get::<Option<String>, _>("event")
            .and_then(|json| serde_json::from_str(&json).ok()),
        attachments,
    }
}

/// The current merged item with this id, if it is in a thread.
pub async fn item(tx: &mut Tx<'_>, id: i64) -> Result<Option<(i64, ThreadItem)>, StoreError> {
    let row = sqlx::query(AssertSqlSafe(merged("id = ?")))
        .bind(PROVISIONAL_ID_BASE)
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(row.map(|row| (row.get("conversation_id"), item_from(&row))))
}

/// Appends the current state of each changed item to the event log; returns the events to publish
/// once the transaction commits.
pub async fn log_changes(tx: &mut Tx<'_>, ids: &[i64]) -> Result<Vec<ThreadEvent>, StoreError> {
    let mut events = vec![];
    for &id in ids {
        let Some((conversation_id, item)) = item(tx, id).await? else {
            continue;
        };
        let seq: i64 = sqlx::query_scalar(
            "INSERT INTO events (conversation_id, item, created_at_ms) VALUES (?, ?, ?) RETURNING seq",
        )
        .bind(conversation_id)
        .bind(serde_json::to_string(&item)?)
        .bind(now_ms())
        .fetch_one(&mut **tx)
        .await?;
        events.push(ThreadEvent {
            seq,
            conversation_id,
            item,
        });
    }
    Ok(events)
}

pub async fn read_conversation<'e>(
    executor: impl SqliteExecutor<'e>,
    id: i64,
) -> Result<Option<Conversation>, StoreError> {
    let row = sqlx::query(
        "SELECT id, channel, account_name, customer_name, status, last_inbound_at_ms
         FROM conversations WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(executor)
    .await?;
    Ok(row.map(|row| Conversation {
        id: row.get("id"),
        channel: from_serde_name(row.get("channel")).unwrap_or(Channel::Other),
        account_name: row.get("account_name"),
        customer_name: row.get("customer_name"),
        status: from_serde_name(row.get("status")).unwrap_or(ConversationStatus::Open),
        last_inbound_at_ms: row.get("last_inbound_at_ms"),
    }))
}

impl Store {
    pub async fn conversation(&self, id: i64) -> Result<Option<Conversation>, StoreError> {
        read_conversation(&self.pool, id).await
    }

    /// Up to `limit` items older than `before` (the newest ones without it), oldest first, as
    /// `viewer` reads them; `None` for an unknown conversation.
    pub async fn thread(
        &self,
        conversation_id: i64,
        before: Option<i64>,
        limit: u32,
        viewer: Viewer,
    ) -> Result<Option<ThreadPage>, StoreError> {
        let Some(conversation) = self.conversation(conversation_id).await? else {
            return Ok(None);
        };
        let query = format!(
            "{} ORDER BY id DESC LIMIT ?",
            merged("conversation_id = ? AND id < ?")
        );
        let rows = sqlx::query(AssertSqlSafe(query))
            .bind(PROVISIONAL_ID_BASE)
            .bind(conversation_id)
            .bind(before.unwrap_or(i64::MAX))
            .bind(i64::from(limit) + 1)
            .fetch_all(&self.pool)
            .await?;
        let has_older = rows.len() > limit as usize;
        let mut items: Vec<ThreadItem> = rows.iter().take(limit as usize).map(item_from).collect();
        items.reverse();
        Ok(Some(ThreadPage {
            conversation,
            viewer,
            items,
            has_older,
        }))
    }

    /// Live thread changes of every conversation, from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<ThreadEvent> {
        self.events.subscribe()
    }

    /// The sequence number of the conversation's latest logged change (0 for none).
    pub async fn last_event_seq(&self, conversation_id: i64) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar(
                "SELECT COALESCE(MAX(seq), 0) FROM events WHERE conversation_id = ?",
            )
            .bind(conversation_id)
            .fetch_one(&self.pool)
            .await?,
        )
    }

    /// The logged changes to a conversation's thread after `seq`, oldest first, at most `limit`.
    pub async fn events_after(
        &self,
        conversation_id: i64,
        seq: i64,
        limit: u32,
    ) -> Result<Vec<ThreadEvent>, StoreError> {
        let rows = sqlx::query(
            "SELECT seq, item FROM events WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?",
        )
        .bind(conversation_id)
        .bind(seq)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|row| {
                Ok(ThreadEvent {
                    seq: row.get("seq"),
                    conversation_id,
                    item: serde_json::from_str(row.get("item"))?,
                })
            })
            .collect()
    }

    /// Forgets logged changes made before `cutoff_ms`; returns how many. A widget whose stream
    /// reconnects after that long refetches the newest page anyway.
    pub async fn prune_events(&self, cutoff_ms: i64) -> Result<u64, StoreError> {
        Ok(sqlx::query("DELETE FROM events WHERE created_at_ms < ?")
            .bind(cutoff_ms)
            .execute(&self.pool)
            .await?
            .rows_affected())
    }
}
