//! The replica store: Alcméon's actions as received, and the conversations and thread items
//! projected from them, in SQLite (the embedded default).

mod projection;

use std::str::FromStr;

use protocol::{Channel, Conversation, ItemKind, ThreadItem, ThreadPage};
use sqlx::Row;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};

use crate::alcmeon::Action;
pub use projection::{Projected, project};

#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("the action is not valid: {0}")]
    InvalidAction(#[from] serde_json::Error),
}

impl Store {
    /// Opens (creating it and its folder if needed) and migrates the database at `url`.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
            .foreign_keys(true);
        if let Some(folder) = options
            .get_filename()
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
        {
            std::fs::create_dir_all(folder)
                .map_err(|e| StoreError::Database(sqlx::Error::Io(e)))?;
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Self { pool })
    }

    /// Stores one action and what it means for the thread. Returns false when the action was
    /// already stored (webhooks and backfill may both deliver it).
    pub async fn record_action(&self, raw: &serde_json::Value) -> Result<bool, StoreError> {
        let action: Action = serde_json::from_value(raw.clone())?;
        let mut tx = self.pool.begin().await?;
        let inserted = sqlx::query("INSERT INTO actions (id, conversation_id, kind, body) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")
            .bind(action.id)
            .bind(action.conversation_id())
            .bind(&action.kind)
            .bind(raw.to_string())
            .execute(&mut *tx)
            .await?
            .rows_affected()
            == 1;
        if inserted {
            let projected = project(&action);
            if let Some(conversation) = projected.conversation {
                sqlx::query("INSERT INTO conversations (id, channel, account_name, customer_name) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET customer_name = CASE WHEN conversations.customer_name = '' THEN excluded.customer_name ELSE conversations.customer_name END")
                    .bind(conversation.id)
                    .bind(channel_name(conversation.channel))
                    .bind(&conversation.account_name)
                    .bind(&conversation.customer_name)
                    .execute(&mut *tx)
                    .await?;
            }
            if let Some((conversation_id, item)) = projected.item {
                sqlx::query("INSERT INTO thread_items (action_id, conversation_id, kind, author, text, at_ms) VALUES (?, ?, ?, ?, ?, ?)")
                    .bind(item.id)
                    .bind(conversation_id)
                    .bind(kind_name(item.kind))
                    .bind(&item.author)
                    .bind(&item.text)
                    .bind(item.at_ms)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(inserted)
    }

    /// The newest `limit` items of a conversation, oldest first; `None` for an unknown conversation.
    pub async fn thread(
        &self,
        conversation_id: i64,
        limit: u32,
    ) -> Result<Option<ThreadPage>, StoreError> {
        let Some(row) = sqlx::query(
            "SELECT id, channel, account_name, customer_name FROM conversations WHERE id = ?",
        )
        .bind(conversation_id)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let conversation = Conversation {
            id: row.get("id"),
            channel: serde_json::from_value(serde_json::Value::String(row.get("channel")))
                .unwrap_or(Channel::Other),
            account_name: row.get("account_name"),
            customer_name: row.get("customer_name"),
        };
        let mut items: Vec<ThreadItem> = sqlx::query(
            "SELECT action_id, kind, author, text, at_ms FROM thread_items WHERE conversation_id = ? ORDER BY action_id DESC LIMIT ?",
        )
        .bind(conversation_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .map(|row| ThreadItem {
            id: row.get("action_id"),
            kind: if row.get::<String, _>("kind") == "outbound" { ItemKind::Outbound } else { ItemKind::Inbound },
            author: row.get("author"),
            text: row.get("text"),
            at_ms: row.get("at_ms"),
            delivery: None,
            client_id: None,
        })
        .collect();
        items.reverse();
        Ok(Some(ThreadPage {
            conversation,
            items,
            has_older: false,
        }))
    }

    pub async fn actions_read_through(&self) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT actions_read_through FROM sync_state WHERE id = 1")
                .fetch_one(&self.pool)
                .await?,
        )
    }

    pub async fn latest_action_id(&self) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM actions")
                .fetch_one(&self.pool)
                .await?,
        )
    }

    pub async fn set_actions_read_through(&self, action_id: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE sync_state SET actions_read_through = MAX(actions_read_through, ?) WHERE id = 1")
            .bind(action_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Records a webhook's notification id; returns the previous highest one.
    pub async fn note_notification(&self, notification_id: i64) -> Result<i64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let previous: i64 =
            sqlx::query_scalar("SELECT last_notification_id FROM sync_state WHERE id = 1")
                .fetch_one(&mut *tx)
                .await?;
        sqlx::query("UPDATE sync_state SET last_notification_id = MAX(last_notification_id, ?) WHERE id = 1")
            .bind(notification_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(previous)
    }
}

fn channel_name(channel: Channel) -> String {
    serde_json::to_value(channel)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn kind_name(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Inbound => "inbound",
        ItemKind::Outbound => "outbound",
    }
}
