//! The replica store: Alcméon's actions as received, the conversations and thread items projected
//! from them, the replies sent from the widget, and the log of thread changes the SSE stream
//! replays, in SQLite (the embedded default).

mod projection;
mod replies;
mod thread;

use std::str::FromStr;

use protocol::{Channel, ItemKind};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};
use sqlx::{Sqlite, Transaction};
use tokio::sync::broadcast;

use crate::alcmeon::Action;
pub use projection::{Projected, project};
pub use replies::{NewReplyRow, ReplyInsert, RetryOutcome};
pub use thread::ThreadEvent;

/// How many live events a slow SSE subscriber may fall behind before it re-reads the event log.
const LIVE_EVENT_BUFFER: usize = 1024;

#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
    /// The Alcméon advisor replies are sent as; only their `answer` actions are matched to replies.
    advisor_id: Option<i64>,
    events: broadcast::Sender<ThreadEvent>,
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
            .busy_timeout(std::time::Duration::from_secs(10))
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
        Ok(Self {
            pool,
            advisor_id: None,
            events: broadcast::channel(LIVE_EVENT_BUFFER).0,
        })
    }

    /// Matches replies only to `answer` actions of this Alcméon advisor (the one replies are sent as).
    pub fn with_advisor(mut self, advisor_id: i64) -> Self {
        self.advisor_id = Some(advisor_id);
        self
    }

    /// Stores one action and what it means for the thread, and publishes the thread changes.
    /// Returns false when the action was already stored (webhooks and backfill may both deliver it).
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
        let mut changed: Vec<i64> = vec![];
        if inserted {
            let task = action.task.as_ref();
            if let (Some(task_id), Some(conversation_id)) =
                (task.and_then(|t| t.id), action.conversation_id())
            {
                sqlx::query("INSERT INTO tasks (id, conversation_id) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")
                    .bind(task_id)
                    .bind(conversation_id)
                    .execute(&mut *tx)
                    .await?;
            }
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
                if action.kind == "answer" {
                    self.link_answer(&mut tx, &action, &item).await?;
                }
                changed.push(item.id);
            }
            if action.kind == "execute-answer"
                && let Some(item_id) = replies::apply_delivery(&mut tx, &action).await?
            {
                changed.push(item_id);
            }
        }
        let events = thread::log_changes(&mut tx, &changed).await?;
        tx.commit().await?;
        self.publish(events);
        Ok(inserted)
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
        // Write first: a transaction that reads and then writes fails at once (SQLITE_BUSY) when
        // another connection committed in between; taking the write lock first makes it wait.
        sqlx::query(
            "UPDATE sync_state SET last_notification_id = last_notification_id WHERE id = 1",
        )
        .execute(&mut *tx)
        .await?;
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

    /// Sends committed thread changes to live subscribers (none listening is fine).
    fn publish(&self, events: Vec<ThreadEvent>) {
        for event in events {
            let _ = self.events.send(event);
        }
    }
}

type Tx<'a> = Transaction<'a, Sqlite>;

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
