//! The two databases the store runs on, through sqlx's `Any` driver: SQLite, the embedded default
//! (one backend instance), and PostgreSQL, for several instances sharing one replica.
//!
//! Invariant: the queries are the same text on both (`$1` binds, standard SQL); what differs is
//! here, how each is opened and migrated, the JSON aggregate of a page's attachments, and the
//! turn thread writers take so the event log's order is its commit order; and in the thread
//! page's query (`thread.rs`: how its items are bounded, and on SQLite one JSON row).
//!
//! Every write goes through [`Pools::writer`], reads through [`Pools::reader`]. On PostgreSQL they
//! are one pool. SQLite has one writer at a time, and a connection that finds the database locked
//! sleeps in SQLite's busy handler (up to 100 ms a try), so writers taking turns by retrying
//! pile up behind each other under load; its writer is therefore one connection, which writers
//! queue for in order, and its readers open the file read-only (`mode=ro`), so a write sent to
//! the reader fails loudly instead of contending. That one connection is held for good rather
//! than pooled: sqlx's pool takes a connection back through a spawned task that first pings it,
//! a round trip to SQLite's worker thread after every write, in the one writer's queue (idle, on
//! this machine's two cores: 100–130 µs per acquire and release, against 40–60 µs for a
//! statement).

use std::ops::{Deref, DerefMut};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::AnyPoolOptions;
use sqlx::pool::PoolConnection;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Any, AnyConnection, AnyPool, Transaction};
use sqlx::{AssertSqlSafe, Connection, Executor};
use tokio::sync::{Mutex, OwnedMutexGuard};

use super::{StoreError, relay};

/// How many connections one backend instance keeps to PostgreSQL.
const POSTGRES_CONNECTIONS: u32 = 16;
/// A PostgreSQL connection back in the pool for less than this is used without pinging it first:
/// sqlx pinged it on its way back (a round trip fewer per statement or transaction under load).
const POSTGRES_PING_AFTER_IDLE: Duration = Duration::from_secs(1);
/// Readers of SQLite beside its one writer.
const SQLITE_READERS: u32 = 8;
/// How long a SQLite connection waits for another's write before it fails.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// `postgres://…` (or `postgresql://…`) is PostgreSQL; anything else is a SQLite URL.
    pub fn of_url(url: &str) -> Self {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Self::Postgres
        } else {
            Self::Sqlite
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgresql",
        }
    }

    pub fn of_connection(connection: &AnyConnection) -> Self {
        if connection.backend_name().eq_ignore_ascii_case("postgresql") {
            Self::Postgres
        } else {
            Self::Sqlite
        }
    }

    /// Opens the pools and brings the schema up to date (on PostgreSQL, sqlx's migrator holds an
    /// advisory lock, so instances starting together migrate once).
    pub async fn open(self, url: &str) -> Result<Pools, StoreError> {
        sqlx::any::install_default_drivers();
        match self {
            Self::Sqlite => {
                let mut writer = open_sqlite_writer(url).await?;
                sqlx::migrate!("./migrations/sqlite")
                    .run(&mut writer)
                    .await?;
                let reader = open_sqlite_reader(url).await?;
                Ok(Pools {
                    reader,
                    writer: Writer::Held(Arc::new(Mutex::new(writer))),
                })
            }
            Self::Postgres => {
                let pool = AnyPoolOptions::new()
                    .max_connections(POSTGRES_CONNECTIONS)
                    .test_before_acquire(false)
                    .before_acquire(|connection, meta| {
                        Box::pin(async move {
                            Ok(meta.idle_for < POSTGRES_PING_AFTER_IDLE
                                || connection.ping().await.is_ok())
                        })
                    })
                    .connect(url)
                    .await?;
                sqlx::migrate!("./migrations/postgres").run(&pool).await?;
                Ok(Pools {
                    reader: pool.clone(),
                    writer: Writer::Pool(pool),
                })
            }
        }
    }

    /// A JSON array (as text) of the attachments of the row `item` (`id`, `mime_type`, `size`),
    /// in their order; NULL when there are none. Most items have none: the aggregate runs only for
    /// an item that has one (an aggregate per row took a fifth of the page statement's time).
    pub fn attachments_of_item(self) -> &'static str {
        match self {
            Self::Sqlite => {
                "CASE WHEN EXISTS (SELECT 1 FROM attachments a WHERE a.action_id = item.id) THEN
                  (SELECT json_group_array(json_object('id', a.id, 'mime_type', a.mime_type, 'size', a.size)
                                           ORDER BY a.position)
                   FROM attachments a WHERE a.action_id = item.id) END"
            }
            Self::Postgres => {
                "CASE WHEN EXISTS (SELECT 1 FROM attachments a WHERE a.action_id = item.id) THEN
                  (SELECT CAST(json_agg(json_build_object('id', a.id, 'mime_type', a.mime_type, 'size', a.size)
                                        ORDER BY a.position) AS TEXT)
                   FROM attachments a WHERE a.action_id = item.id) END"
            }
        }
    }

    /// Run in a transaction that changes a thread, before it reads anything another transaction
    /// could have changed, and before it appends to the event log. Readers resume the event log
    /// after the last `seq` they saw, so a `seq` must not become visible before a smaller one, and
    /// an action's projection must see every action recorded before it: on PostgreSQL such
    /// transactions take turns until they commit (SQLite has one writer), and the commit notifies
    /// every instance's live relay (`relay.rs`). The turn is the one every instance's thread
    /// writers share: the shorter it is held, the more writes a second (`thread::log_own_change`).
    pub async fn take_thread_write_turn(
        self,
        connection: &mut AnyConnection,
    ) -> Result<(), StoreError> {
        if self == Self::Postgres {
            sqlx::query(AssertSqlSafe(thread_write_turn_sql()))
                .execute(&mut *connection)
                .await?;
        }
        Ok(())
    }

    /// Appends one event (`$1` its conversation, `$2` its item, `$3` its time) and returns its
    /// `seq`, taking the thread writers' turn ([`Dialect::take_thread_write_turn`]) in the same
    /// statement, before the `seq` is drawn: on PostgreSQL, one round trip fewer in the turn.
    pub fn append_event_in_turn_sql(self) -> String {
        match self {
            Self::Sqlite => {
                "INSERT INTO events (conversation_id, item, created_at_ms) VALUES ($1, $2, $3)
                 RETURNING seq"
                    .to_owned()
            }
            Self::Postgres => format!(
                "WITH turn AS MATERIALIZED ({})
                 INSERT INTO events (conversation_id, item, created_at_ms)
                 SELECT $1, $2, $3 FROM turn RETURNING seq",
                thread_write_turn_sql()
            ),
        }
    }

    /// Begins a transaction in the thread writers' turn ([`Dialect::take_thread_write_turn`]):
    /// on PostgreSQL the turn is taken with the `BEGIN`, in one round trip.
    pub async fn begin_thread_write(
        self,
        writer: &mut WriterConnection,
    ) -> Result<Transaction<'_, Any>, sqlx::Error> {
        match (self, writer) {
            (Self::Postgres, WriterConnection::Pooled(connection)) => {
                let begin = format!("BEGIN; {}", thread_write_turn_sql());
                connection.begin_with(Some(begin)).await
            }
            (_, writer) => writer.begin().await,
        }
    }

    /// Begins a transaction that writes a conversation's reply queue (a reply's queue number, and
    /// with its row id its place in the thread): on PostgreSQL, the writers of one conversation's
    /// queue take turns until they commit (a lock of that conversation, taken with the `BEGIN`).
    /// Such a transaction takes the thread writers' turn after it, never before, and only to log.
    pub async fn begin_reply_queue_write(
        self,
        writer: &mut WriterConnection,
        conversation_id: i64,
    ) -> Result<Transaction<'_, Any>, sqlx::Error> {
        match (self, writer) {
            (Self::Postgres, WriterConnection::Pooled(connection)) => {
                let begin = format!(
                    "BEGIN; SELECT pg_advisory_xact_lock({REPLY_QUEUE_LOCKS}, hashint8({conversation_id}))"
                );
                connection.begin_with(Some(begin)).await
            }
            (_, writer) => writer.begin().await,
        }
    }
}

/// Takes the thread writers' turn until the transaction ends, and notifies the relays then.
fn thread_write_turn_sql() -> String {
    format!(
        "SELECT pg_advisory_xact_lock({THREAD_WRITE_LOCK}), pg_notify('{}', '')",
        relay::THREAD_CHANNEL
    )
}

/// The advisory lock key of the thread writers' turn (any constant no other lock uses).
const THREAD_WRITE_LOCK: i64 = 0x616c_636d_6576_0001;

/// The class of the reply queues' advisory locks (two-key locks, apart from every one-key lock),
/// each keyed by its conversation id's hash: two conversations that share a hash take turns.
const REPLY_QUEUE_LOCKS: i32 = 0x616c_6301;

/// Where the store reads and where it writes (the same pool on PostgreSQL).
pub struct Pools {
    pub reader: AnyPool,
    pub writer: Writer,
}

/// Where the store writes: SQLite's one writer connection, taken in turn, or PostgreSQL's pool.
#[derive(Clone)]
pub enum Writer {
    Held(Arc<Mutex<AnyConnection>>),
    Pool(AnyPool),
}

/// A connection to write with, until dropped.
pub enum WriterConnection {
    Held(OwnedMutexGuard<AnyConnection>),
    Pooled(PooledConnection),
}

impl Writer {
    /// Waits for the writer's turn (SQLite) or a pooled connection (PostgreSQL).
    pub async fn acquire(&self) -> Result<WriterConnection, sqlx::Error> {
        Ok(match self {
            Self::Held(connection) => WriterConnection::Held(connection.clone().lock_owned().await),
            Self::Pool(pool) => WriterConnection::Pooled(PooledConnection::acquire(pool).await?),
        })
    }
}

impl WriterConnection {
    #[expect(
        clippy::disallowed_methods,
        reason = "SQLite's worker rolls back a BEGIN nobody waits for any more"
    )]
    pub async fn begin(&mut self) -> Result<Transaction<'_, Any>, sqlx::Error> {
        match self {
            Self::Held(connection) => Connection::begin(&mut **connection).await,
            Self::Pooled(connection) => connection.begin_with(None).await,
        }
    }
}

/// A connection from a pool, closed instead of pooled again when a transaction's `BEGIN` on it
/// did not complete. sqlx 0.9 counts a PostgreSQL transaction only once the server has answered
/// its `BEGIN`: if the caller is cancelled before (a client hangs up, a task is aborted), the
/// session stays inside that transaction, holding whatever locks its `BEGIN` took (the thread
/// writers' turn), and the pool hands it to the next borrower (transact-rs/sqlx#4393, fixed
/// upstream after 0.9.0).
pub struct PooledConnection {
    connection: PoolConnection<Any>,
    beginning: bool,
}

impl PooledConnection {
    pub async fn acquire(pool: &AnyPool) -> Result<Self, sqlx::Error> {
        Ok(Self {
            connection: pool.acquire().await?,
            beginning: false,
        })
    }

    /// Begins a transaction with `statement` (`BEGIN` and more) or a plain `BEGIN`.
    #[expect(clippy::disallowed_methods, reason = "this is the guarded begin")]
    pub async fn begin_with(
        &mut self,
        statement: Option<String>,
    ) -> Result<Transaction<'_, Any>, sqlx::Error> {
        self.beginning = true;
        let connection = &mut *self.connection;
        let tx = match statement {
            Some(statement) => connection.begin_with(AssertSqlSafe(statement)).await?,
            None => Connection::begin(connection).await?,
        };
        self.beginning = false;
        Ok(tx)
    }
}

impl Drop for PooledConnection {
    fn drop(&mut self) {
        if self.beginning {
            self.connection.close_on_drop();
        }
    }
}

impl Deref for WriterConnection {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        match self {
            Self::Held(connection) => connection,
            Self::Pooled(pooled) => &pooled.connection,
        }
    }
}

impl DerefMut for WriterConnection {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        match self {
            Self::Held(connection) => connection,
            Self::Pooled(pooled) => &mut pooled.connection,
        }
    }
}

/// The pragmas every SQLite connection starts with.
fn sqlite_pragmas() -> String {
    format!(
        "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {};",
        SQLITE_BUSY_TIMEOUT.as_millis()
    )
}

/// `url` with `mode=` set unless it names one, its folder created.
fn sqlite_url(url: &str, mode: &str) -> Result<String, StoreError> {
    let options = SqliteConnectOptions::from_str(url)?;
    if let Some(folder) = options
        .get_filename()
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(folder).map_err(|e| StoreError::Database(sqlx::Error::Io(e)))?;
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    Ok(if url.contains("mode=") {
        url.to_owned()
    } else {
        format!("{url}{separator}mode={mode}")
    })
}

/// The writer, which stays open, so the WAL files the read-only readers need always exist.
async fn open_sqlite_writer(url: &str) -> Result<AnyConnection, StoreError> {
    let mut connection = AnyConnection::connect(&sqlite_url(url, "rwc")?).await?;
    let pragmas = format!("{} PRAGMA journal_mode = WAL;", sqlite_pragmas());
    connection
        .execute(sqlx::AssertSqlSafe(pragmas.as_str()))
        .await?;
    Ok(connection)
}

async fn open_sqlite_reader(url: &str) -> Result<AnyPool, StoreError> {
    let pragmas = sqlite_pragmas();
    // A SQLite connection is a file handle that does not go stale: no ping before each use (one
    // hand-off to its worker thread fewer per acquire).
    let pool = AnyPoolOptions::new()
        .max_connections(SQLITE_READERS)
        .test_before_acquire(false)
        .after_connect(move |connection, _| {
            let pragmas = pragmas.clone();
            Box::pin(async move {
                connection
                    .execute(sqlx::AssertSqlSafe(pragmas.as_str()))
                    .await?;
                Ok(())
            })
        })
        .connect(&sqlite_url(url, "ro")?)
        .await?;
    // Fail at start-up, not on the first request, when the file cannot be opened.
    pool.acquire().await?.ping().await?;
    Ok(pool)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_databases::fresh_store;

    /// Takes the thread writers' turn on a connection of the pool, and commits at once.
    async fn commit_a_thread_write(store: &crate::store::Store) {
        let mut connection = store.writer.acquire().await.unwrap();
        let tx = Dialect::Postgres
            .begin_thread_write(&mut connection)
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }

    /// On PostgreSQL a transaction begun in the thread writers' turn holds it until it commits:
    /// another thread write (another instance's, or this one's on another connection) waits, then
    /// goes on.
    #[tokio::test]
    async fn a_thread_write_waits_until_the_one_in_turn_commits() {
        let (store, _database) = fresh_store(Dialect::Postgres).await;
        let mut first = store.writer.acquire().await.unwrap();
        let in_turn = Dialect::Postgres
            .begin_thread_write(&mut first)
            .await
            .unwrap();
        let second = {
            let store = store.clone();
            tokio::spawn(async move { commit_a_thread_write(&store).await })
        };
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(
            !second.is_finished(),
            "a second thread write began while the first held the turn"
        );
        in_turn.commit().await.unwrap();
        second.await.unwrap();
    }

    /// PostgreSQL ends sessions on its own (a restart, an administrator, a proxy's idle timeout):
    /// a connection that was idle in the pool when it happened is replaced before it is used.
    #[tokio::test]
    async fn a_pooled_connection_postgresql_ended_while_idle_is_replaced_before_use() {
        let (store, _database) = fresh_store(Dialect::Postgres).await;
        let mut opened = Vec::new();
        for _ in 0..3 {
            opened.push(store.pool.acquire().await.unwrap());
        }
        drop(opened);
        let mut administrator = AnyConnection::connect(&store.url).await.unwrap();
        let ended: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()) AS ended",
        )
        .fetch_one(&mut administrator)
        .await
        .unwrap();
        assert!(ended >= 3, "{ended} sessions ended");
        tokio::time::sleep(POSTGRES_PING_AFTER_IDLE + Duration::from_millis(200)).await;

        for _ in 0..3 {
            let one: i64 = sqlx::query_scalar("SELECT CAST(1 AS BIGINT)")
                .fetch_one(&store.pool)
                .await
                .expect("a read after PostgreSQL ended the pool's sessions");
            assert_eq!(one, 1);
        }
    }

    /// A request cancelled while its write waits for the turn (a client that hangs up, a task
    /// aborted) must not leave its connection inside a transaction holding the turn: every later
    /// thread write, on any instance, would wait for it forever.
    #[tokio::test]
    async fn a_thread_write_cancelled_while_it_waits_for_the_turn_holds_nothing_after() {
        let (store, _database) = fresh_store(Dialect::Postgres).await;
        let mut first = store.writer.acquire().await.unwrap();
        let in_turn = Dialect::Postgres
            .begin_thread_write(&mut first)
            .await
            .unwrap();
        let cancelled = {
            let store = store.clone();
            tokio::spawn(async move {
                let mut connection = store.writer.acquire().await.unwrap();
                let _tx = Dialect::Postgres
                    .begin_thread_write(&mut connection)
                    .await
                    .unwrap();
                std::future::pending::<()>().await;
            })
        };
        tokio::time::sleep(Duration::from_millis(300)).await;
        cancelled.abort();
        assert!(cancelled.await.unwrap_err().is_cancelled());
        in_turn.commit().await.unwrap();
        drop(first);

        for _ in 0..3 {
            tokio::time::timeout(Duration::from_secs(10), commit_a_thread_write(&store))
                .await
                .expect("a later thread write gets the turn");
        }
        let open: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM pg_stat_activity
             WHERE datname = current_database() AND state LIKE 'idle in transaction%'",
        )
        .fetch_one(&store.pool)
        .await
        .unwrap();
        assert_eq!(open, 0, "no session is left inside a transaction");
    }
}
