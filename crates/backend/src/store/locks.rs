//! Locks that hold across every backend instance sharing the database: the replica's backfill
//! (one instance reads Alcméon's actions at a time), the record sync (one instance upserts
//! Salesforce records at a time), one agent's account provisioning, and each
//! instance's own liveness (its replies are left to it while it lives: `replies_left_behind`;
//! the live instances share Alcméon's limit: [`Store::live_instances`]).
//!
//! On PostgreSQL a lock is a session advisory lock on a connection of its own, held as long as
//! the [`HeldLock`] lives: when the holder drops it, or its process dies, the connection closes and
//! PostgreSQL frees the lock, so another instance takes over. On SQLite (one instance) it is an
//! in-process lock with the same meaning.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, Connection};
use tokio::sync::OwnedMutexGuard;

use super::{Dialect, Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lock {
    /// Reading Alcméon's action history into the replica.
    Backfill,
    /// Creating or updating one agent's Alcméon account.
    Provisioning { org_id: String, email: String },
    /// A running instance (see [`Store::instance_id`]).
    Instance(i64),
    /// Upserting Salesforce records from the record sync's queue (`records`).
    RecordSync,
}

impl Lock {
    /// The advisory lock key: a hash of what is locked, the same in every instance.
    fn key(&self) -> i64 {
        let name = match self {
            Lock::Backfill => "backfill".to_owned(),
            Lock::RecordSync => "record sync".to_owned(),
            Lock::Provisioning { org_id, email } => format!("provisioning\n{org_id}\n{email}"),
            Lock::Instance(id) => return *id,
        };
        let digest = Sha256::digest(name.as_bytes());
        i64::from_be_bytes(
            digest[..8]
                .try_into()
                .expect("a SHA-256 digest has 8 bytes"),
        )
    }
}

/// A lock held until dropped.
pub struct HeldLock {
    _held: Held,
}

enum Held {
    Nothing,
    InProcess {
        _guard: OwnedMutexGuard<()>,
    },
    /// Only kept open (a `Mutex` makes it shareable between threads; it is never locked).
    Database {
        _connection: Mutex<AnyConnection>,
    },
}

impl HeldLock {
    /// Holds nothing (a placeholder until the real lock is taken).
    pub(super) fn none() -> Self {
        Self {
            _held: Held::Nothing,
        }
    }
}

/// The in-process locks of a SQLite store, one per key ever taken.
#[derive(Clone, Default)]
pub(super) struct LocalLocks(Arc<Mutex<HashMap<i64, Arc<tokio::sync::Mutex<()>>>>>);

impl LocalLocks {
    fn of(&self, key: i64) -> Arc<tokio::sync::Mutex<()>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .entry(key)
            .or_default()
            .clone()
    }
}

impl Store {
    /// Waits until the lock is this caller's.
    pub async fn lock(&self, lock: &Lock) -> Result<HeldLock, StoreError> {
        let key = lock.key();
        let held = match self.dialect {
            Dialect::Sqlite => Held::InProcess {
                _guard: self.local_locks.of(key).lock_owned().await,
            },
            Dialect::Postgres => {
                let mut connection = AnyConnection::connect(&self.url).await?;
                sqlx::query("SELECT pg_advisory_lock($1)")
                    .bind(key)
                    .execute(&mut connection)
                    .await?;
                Held::Database {
                    _connection: Mutex::new(connection),
                }
            }
        };
        Ok(HeldLock { _held: held })
    }

    /// The lock if nobody holds it now.
    pub async fn try_lock(&self, lock: &Lock) -> Result<Option<HeldLock>, StoreError> {
        let key = lock.key();
        let held = match self.dialect {
            Dialect::Sqlite => self
                .local_locks
                .of(key)
                .try_lock_owned()
                .ok()
                .map(|guard| Held::InProcess { _guard: guard }),
            Dialect::Postgres => {
                let mut connection = AnyConnection::connect(&self.url).await?;
                let taken: i64 = sqlx::query_scalar(
                    "SELECT CASE WHEN pg_try_advisory_lock($1) THEN 1 ELSE 0 END",
                )
                .bind(key)
                .fetch_one(&mut connection)
                .await?;
                (taken == 1).then(|| Held::Database {
                    _connection: Mutex::new(connection),
                })
            }
        };
        Ok(held.map(|held| HeldLock { _held: held }))
    }

    /// Records this instance among those sharing the database, once it holds its
    /// [`Lock::Instance`] (PostgreSQL; on SQLite there is only this one).
    pub(super) async fn register_instance(&self) -> Result<(), StoreError> {
        if self.dialect == Dialect::Postgres {
            sqlx::query("INSERT INTO instances (id, started_at_ms) VALUES ($1, $2)")
                .bind(self.instance_id)
                .bind(super::now_ms())
                .execute(&mut *self.writer.acquire().await?)
                .await?;
        }
        Ok(())
    }

    /// How many instances share the database now: those registered whose instance lock is still
    /// held (the others, stopped, are forgotten). 1 on SQLite.
    pub async fn live_instances(&self) -> Result<u32, StoreError> {
        if self.dialect == Dialect::Sqlite {
            return Ok(1);
        }
        // A bigint advisory key shows in pg_locks as its high half (classid) and low half (objid).
        sqlx::query(
            "DELETE FROM instances i WHERE NOT EXISTS (
                 SELECT 1 FROM pg_locks l
                 WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
                   AND CAST(l.classid AS BIGINT) = ((i.id >> 32) & 4294967295)
                   AND CAST(l.objid AS BIGINT) = (i.id & 4294967295))",
        )
        .execute(&mut *self.writer.acquire().await?)
        .await?;
        let live: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM instances")
            .fetch_one(&self.pool)
            .await?;
        Ok(u32::try_from(live).unwrap_or(u32::MAX).max(1))
    }
}
