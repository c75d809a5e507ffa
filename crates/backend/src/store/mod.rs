//! The replica store: Alcméon's actions as received, the conversations, thread items and files
//! projected from them, what each `execute-answer` said about its `answer` (every outbound
//! message's delivery, whoever wrote it), the replies sent from the widget (their lifecycle:
//! `reply_state.rs`), each agent's Alcméon account, where the replica started and which
//! conversations it holds whole (`replica_origin.rs`), the log of thread changes the SSE stream
//! replays (read once per change for all of a conversation's streams: `live.rs`), the consent replica of Alcméon's opt-in lists (`consent.rs`), each conversation's
//! account and customer number (`recipients.rs`), each customer's links to Salesforce Contacts and
//! the record syncs they call for (`customers.rs`), which conversations each org's record sync
//! writes and what it wrote (`record_sync.rs`), and the engagement sends and their links to the
//! conversations they opened (`engagement_sends.rs`), in SQLite (the embedded default) or
//! PostgreSQL (several instances): `database.rs`. Webhooks' actions are committed in groups
//! (`webhook_batch.rs`).
//!
//! Invariant: SQL lives here and only here; rows are read into `#[derive(sqlx::FromRow)]` structs
//! (or single scalars), never by column name; the store never calls Alcméon (it reads Alcméon's
//! action model, `alcmeon::Action`, and nothing else of that module).

mod agent_accounts;
mod coalesce;
mod consent;
mod conversation_state;
mod customers;
#[cfg(test)]
mod customers_tests;
mod database;
mod engagement_sends;
mod files;
mod live;
#[cfg(test)]
mod live_tests;
mod locks;
mod projection;
mod recipients;
mod record;
mod record_sync;
#[cfg(test)]
mod record_sync_tests;
mod relay;
mod replica_origin;
mod replies;
mod reply_delivery;
mod reply_state;
mod reply_target;
#[cfg(test)]
mod reply_tests;
mod salesforce_owners;
#[cfg(test)]
mod salesforce_owners_tests;
#[cfg(test)]
mod test_databases;
mod thread;
#[cfg(test)]
mod upgrade_tests;
mod webhook_batch;

use std::hash::{BuildHasher, RandomState};
use std::sync::Arc;

use locks::LocalLocks;
use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::AnyPool;
use sqlx::{Any, Transaction};
use tokio::sync::{Notify, broadcast};

pub use agent_accounts::AgentAccount;
pub use consent::{ConsentRecord, ConsentRefresh};
pub use customers::{CustomerConversation, CustomerLink, LINKED_BY_SALESFORCE, NewCustomerLink};
pub use database::Dialect;
pub use engagement_sends::{
    EngagementChange, NewEngagementSend, PendingLink, SendInsert, SendOutcome, StoredSend,
};
pub use files::{InlineFile, StoredFile};
pub use live::{LiveEvents, LiveReader, Mark, Wanted};
pub use locks::{HeldLock, Lock};
pub use projection::{Projected, project};
pub use recipients::{KnownAccount, RecipientConversation};
pub use record_sync::{OrgSyncStatus, RecordSource, RecordSyncHealth, TakenSync, WrittenRecord};
pub use replies::{
    Author, EarlierReply, ExistingReply, NewReplyRow, ReplyId, ReplyInsert, RetryOutcome,
    UnsubmittedReply,
};
pub use reply_state::{IllegalTransition, ReplyEvent, ReplyState};
pub use reply_target::ReplyTarget;
pub use salesforce_owners::SalesforceOwner;
pub use thread::ThreadEvent;

/// How many live events a slow SSE subscriber may fall behind before it re-reads the event log.
const LIVE_EVENT_BUFFER: usize = 1024;

#[derive(Clone)]
pub struct Store {
    /// Reads; writes go to `writer` (`database.rs` says why SQLite has two pools).
    pool: AnyPool,
    writer: database::Writer,
    dialect: Dialect,
    /// Where the database is: locks held across instances use connections of their own.
    url: Arc<str>,
    local_locks: LocalLocks,
    /// This instance among those sharing the database, alive while it holds [`Lock::Instance`].
    instance_id: i64,
    _instance: Arc<HeldLock>,
    _relay: Option<Arc<relay::RelayTask>>,
    events: broadcast::Sender<ThreadEvent>,
    /// The event log as the live streams of each conversation read it together (`live.rs`).
    live: Arc<live::Windows>,
    /// Wake-ups for engagement pages: a send or a link of a record changed.
    engagements: broadcast::Sender<EngagementChange>,
    /// Asks for a backfill, from any instance (`Store::ask_for_backfill`).
    backfill_asked: Arc<Notify>,
    /// `ALCMEON_CUSTOMER_PHONE_FIELD_ID`: the customer custom field holding their number.
    phone_field_id: Option<i64>,
    webhook_groups: Arc<webhook_batch::WebhookGroups>,
    /// Replies accepted by Alcméon, marked together (`mark_submitted`).
    submitted: Arc<coalesce::Coalesced<ReplyId>>,
    /// Advisors of replies about to be sent, recorded together (`set_reply_advisor`).
    advisors: Arc<coalesce::Coalesced<(ReplyId, i64), bool>>,
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
    /// Opens and migrates the database at `url`: `postgres://…`, or a SQLite file (created with
    /// its folder if needed).
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        let dialect = Dialect::of_url(url);
        let pools = dialect.open(url).await?;
        let instance_id = new_instance_id();
        let local_locks = LocalLocks::default();
        let mut store = Self {
            pool: pools.reader,
            writer: pools.writer,
            dialect,
            url: url.into(),
            local_locks,
            instance_id,
            _instance: Arc::new(HeldLock::none()),
            _relay: None,
            events: broadcast::channel(LIVE_EVENT_BUFFER).0,
            live: Arc::default(),
            engagements: broadcast::channel(LIVE_EVENT_BUFFER).0,
            backfill_asked: Arc::default(),
            phone_field_id: None,
            webhook_groups: Arc::default(),
            submitted: Arc::default(),
            advisors: Arc::default(),
        };
        store._instance = Arc::new(store.lock(&Lock::Instance(instance_id)).await?);
        store.register_instance().await?;
        if dialect == Dialect::Postgres {
            let relayed_through = store.latest_event_seq().await?;
            let subscribers = relay::Subscribers {
                events: store.events.clone(),
                engagements: store.engagements.clone(),
                backfill_asked: store.backfill_asked.clone(),
            };
            let task = relay::spawn(
                store.pool.clone(),
                url.to_owned(),
                subscribers,
                relayed_through,
            );
            store._relay = Some(Arc::new(task));
        }
        Ok(store)
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// This instance's id among those sharing the database (see [`Lock::Instance`]).
    pub fn instance_id(&self) -> i64 {
        self.instance_id
    }

    /// Reads each conversation's customer number from this custom field (none without it).
    pub fn with_customer_phone_field(mut self, field_id: Option<i64>) -> Self {
        self.phone_field_id = field_id;
        self
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

    /// How many of Alcméon's actions the replica holds.
    pub async fn action_count(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM actions")
            .fetch_one(&self.pool)
            .await?)
    }

    pub async fn set_actions_read_through(&self, action_id: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE sync_state SET actions_read_through = $1 WHERE id = 1 AND actions_read_through < $1")
            .bind(action_id)
            .execute(&mut *self.writer.acquire().await?)
            .await?;
        Ok(())
    }

    /// Asks whichever instance runs the backfill to read Alcméon's history now (a webhook saw a
    /// gap): on PostgreSQL through a notification every instance's relay hears, so the gap is
    /// read at once even when another instance holds the backfill.
    pub fn ask_for_backfill(&self) {
        if self.dialect == Dialect::Sqlite {
            self.backfill_asked.notify_one();
            return;
        }
        self.tell_instances(relay::BACKFILL_CHANNEL, String::new(), "a backfill request");
    }

    /// Sends `payload` on a channel every instance's relay listens to (`relay.rs`), without
    /// waiting; a failure is logged, naming `what` was not told.
    fn tell_instances(&self, channel: &'static str, payload: String, what: &'static str) {
        let writer = self.writer.clone();
        tokio::spawn(async move {
            let sent = async {
                sqlx::query("SELECT pg_notify($1, $2)")
                    .bind(channel)
                    .bind(payload)
                    .execute(&mut *writer.acquire().await?)
                    .await
            }
            .await;
            if let Err(error) = sent {
                tracing::warn!(%error, what, "could not be told to the instances");
            }
        });
    }

    /// Completes when a backfill is asked for ([`Self::ask_for_backfill`], from any instance).
    pub async fn backfill_asked(&self) {
        self.backfill_asked.notified().await
    }

    /// Sends committed thread changes to live subscribers (none listening is fine). On
    /// PostgreSQL the relay does, for the changes of every instance (`relay.rs`).
    fn publish(&self, events: Vec<ThreadEvent>) {
        if self.dialect == Dialect::Postgres {
            return;
        }
        for event in events {
            let _ = self.events.send(event);
        }
    }
}

impl Store {
    /// Writers each with a pooled connection (PostgreSQL) write at once: batching small writes
    /// (`coalesce.rs`) would only make them wait for a turn. SQLite's share its one writer.
    fn writes_at_once(&self) -> bool {
        matches!(self.writer, database::Writer::Pool(_))
    }
}

type Tx<'a> = Transaction<'a, Any>;

/// The `VALUES` rows of a multi-row insert, numbered in order: `($1, $2), ($3, $4)` for two rows
/// of two columns.
fn values_rows(rows: usize, columns: usize) -> String {
    (0..rows)
        .map(|row| {
            let binds: Vec<String> = (1..=columns)
                .map(|column| format!("${}", row * columns + column))
                .collect();
            format!("({})", binds.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// How a protocol enum value (`whatsapp`, `closed`, `task_not_found`…) is stored: its serde name.
fn serde_name(value: impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn from_serde_name<T: DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
}

/// A random id for this instance (ids of instances sharing a database must differ).
fn new_instance_id() -> i64 {
    let random = RandomState::new().hash_one((std::process::id(), now_ms()));
    i64::from_ne_bytes(random.to_ne_bytes())
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}
