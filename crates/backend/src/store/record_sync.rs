//! The record sync's side of the store: which conversations must become (or update) an
//! `alcmeon__Conversation__c` record in which org, decided as each action is recorded; the queue
//! the sync takes them from (`record_sync_queue`); what was written; each org's status.
//!
//! Eligibility, decided in the transaction that records the action (`queue_changed`): a
//! conversation is queued in an org when a customer message arrives on a social account the org
//! maps, on any change when its customer is linked to a Contact in that org, and on any change
//! when a record of it was already written there (so a record never goes stale). When a customer
//! first becomes eligible in an org, each of their conversations is queued too, once.
//!
//! Invariants:
//! - A taken row is leased: its `due_at_ms` is set to the lease's end, so a change queued
//!   meanwhile (which moves `due_at_ms` earlier) is seen, and the row is deleted only when the
//!   record written is still the latest (`due_at_ms` still the lease); a sync that dies leaves the
//!   row due again at the lease's end.
//! - A record keeps the external id it was first written with, even when its customer becomes
//!   known later, so one conversation is one record.

use std::collections::BTreeSet;

use super::customers::queue_in;
use super::{Store, StoreError, Tx, now_ms};

/// A row of the queue taken by the sync, leased until `lease_ms`.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TakenSync {
    pub conversation_id: i64,
    pub attempts: i64,
}

/// What a record is built from.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RecordSource {
    pub conversation_id: i64,
    /// `protocol::Channel`'s serde name.
    pub channel: String,
    pub account_id: Option<i64>,
    pub account_name: String,
    pub customer_name: String,
    pub customer_id: Option<i64>,
    /// `open` or `closed`, in Alcméon.
    pub status: String,
    /// The newest customer message, if any.
    pub newest_inbound_id: Option<i64>,
    /// The external id the record was written with, if it was.
    pub written_scoped_id: Option<String>,
}

/// A record written for a taken row.
#[derive(Debug, Clone)]
pub struct WrittenRecord {
    pub conversation_id: i64,
    pub customer_id: Option<i64>,
    pub scoped_id: String,
    pub record_id: String,
    /// As written: `OPENED` or `CLOSED`.
    pub status: &'static str,
}

/// An org's sync as `/health` shows it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RecordSyncHealth {
    pub org_id: String,
    /// `ok`, `limited`, `unreachable`, `grant_revoked` or `not_configured`.
    pub status: String,
    pub detail: Option<String>,
    pub api_used: Option<i64>,
    pub api_limit: Option<i64>,
    pub queued: i64,
    /// Queued conversations whose record Salesforce refused (they wait, with back-off).
    pub refused: i64,
    pub oldest_queued_at_ms: Option<i64>,
}

/// An org's sync state, as the sync saw it last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgSyncStatus<'a> {
    pub status: &'a str,
    pub detail: Option<&'a str>,
    /// `(used, limit)` of the org's daily API budget.
    pub api_usage: Option<(i64, i64)>,
}

impl Store {
    /// Replaces the social accounts each org maps and the orgs' statuses: `configured` orgs keep
    /// theirs (`ok` if new), the others are `not_configured`, orgs not named are forgotten.
    pub async fn set_record_sync_orgs(
        &self,
        configured: &[(String, Vec<i64>)],
        not_configured: &[String],
    ) -> Result<(), StoreError> {
        let now = now_ms();
        let mut writer = self.writer.acquire().await?;
        let mut tx = writer.begin().await?;
        sqlx::query("DELETE FROM record_sync_accounts")
            .execute(&mut *tx)
            .await?;
        let mut named = Vec::new();
        for (org_id, accounts) in configured {
            for account in accounts {
                sqlx::query(
                    "INSERT INTO record_sync_accounts (org_id, account_id) VALUES ($1, $2)",
                )
                .bind(org_id)
                .bind(account)
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query(
                "INSERT INTO record_sync_orgs (org_id, status, updated_at_ms) VALUES ($1, 'ok', $2)
                 ON CONFLICT (org_id) DO UPDATE SET status = CASE
                     WHEN record_sync_orgs.status = 'not_configured' THEN 'ok'
                     ELSE record_sync_orgs.status END",
            )
            .bind(org_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            named.push(org_id);
        }
        for org_id in not_configured {
            sqlx::query(
                "INSERT INTO record_sync_orgs (org_id, status, updated_at_ms)
                 VALUES ($1, 'not_configured', $2)
                 ON CONFLICT (org_id) DO UPDATE SET status = 'not_configured', detail = NULL,
                     api_used = NULL, api_limit = NULL, updated_at_ms = $2",
            )
            .bind(org_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            named.push(org_id);
        }
        let known: Vec<String> = sqlx::query_scalar("SELECT org_id FROM record_sync_orgs")
            .fetch_all(&mut *tx)
            .await?;
        for org_id in known.iter().filter(|org| !named.contains(org)) {
            sqlx::query("DELETE FROM record_sync_orgs WHERE org_id = $1")
                .bind(org_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Whether any of the org's rows is due at `now_ms` (a read: an idle sync writes nothing).
    pub async fn has_due_record_syncs(
        &self,
        org_id: &str,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        let due: Option<i64> = sqlx::query_scalar(
            "SELECT conversation_id FROM record_sync_queue
             WHERE org_id = $1 AND due_at_ms <= $2 LIMIT 1",
        )
        .bind(org_id)
        .bind(now_ms)
        .fetch_optional(&self.pool)
        .await?;
        Ok(due.is_some())
    }

    /// Takes up to `limit` of the org's rows due at `now_ms`, oldest due first, leasing them until
    /// `lease_ms`.
    pub async fn take_record_syncs(
        &self,
        org_id: &str,
        now_ms: i64,
        lease_ms: i64,
        limit: i64,
    ) -> Result<Vec<TakenSync>, StoreError> {
        Ok(sqlx::query_as(
            "UPDATE record_sync_queue SET due_at_ms = $3
             WHERE org_id = $1 AND conversation_id IN (
                 SELECT conversation_id FROM record_sync_queue
                 WHERE org_id = $1 AND due_at_ms <= $2
                 ORDER BY due_at_ms, conversation_id LIMIT $4)
             RETURNING conversation_id, CAST(attempts AS BIGINT) AS attempts",
        )
        .bind(org_id)
        .bind(now_ms)
        .bind(lease_ms)
        .bind(limit)
        .fetch_all(&mut *self.writer.acquire().await?)
        .await?)
    }

    /// What the org's records of these conversations are built from (conversations the replica
    /// does not hold are left out).
    pub async fn record_sources(
        &self,
        org_id: &str,
        conversation_ids: &[i64],
    ) -> Result<Vec<RecordSource>, StoreError> {
        if conversation_ids.is_empty() {
            return Ok(vec![]);
        }
        let placeholders: Vec<String> = (0..conversation_ids.len())
            .map(|n| format!("${}", n + 2))
            .collect();
        let sql = format!(
            "SELECT c.id AS conversation_id, c.channel, c.account_id, c.account_name,
                    c.customer_name, c.customer_id, c.status,
                    (SELECT MAX(t.action_id) FROM thread_items t
                     WHERE t.conversation_id = c.id AND t.kind = 'inbound') AS newest_inbound_id,
                    s.scoped_id AS written_scoped_id
             FROM conversations c
             LEFT JOIN synced_records s ON s.org_id = $1 AND s.conversation_id = c.id
             WHERE c.id IN ({})",
            placeholders.join(", ")
        );
        // Only placeholders are formatted in; every value is bound.
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(org_id);
        for id in conversation_ids {
            query = query.bind(*id);
        }
        Ok(query.fetch_all(&self.pool).await?)
    }

    /// Notes records written for rows taken with lease `lease_ms`: the record, its customer as
    /// eligible in the org, and the row deleted unless a change was queued since it was taken.
    pub async fn note_records_written(
        &self,
        org_id: &str,
        lease_ms: i64,
        written: &[WrittenRecord],
    ) -> Result<(), StoreError> {
        let now = now_ms();
        let mut writer = self.writer.acquire().await?;
        let mut tx = writer.begin().await?;
        for record in written {
            sqlx::query(
                "INSERT INTO synced_records (org_id, conversation_id, scoped_id, record_id, status, synced_at_ms)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (org_id, conversation_id) DO UPDATE SET record_id = excluded.record_id,
                     status = excluded.status, synced_at_ms = excluded.synced_at_ms",
            )
            .bind(org_id)
            .bind(record.conversation_id)
            .bind(&record.scoped_id)
            .bind(&record.record_id)
            .bind(record.status)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            if let Some(customer_id) = record.customer_id {
                mark_eligible(&mut tx, org_id, customer_id, now).await?;
            }
            sqlx::query(
                "DELETE FROM record_sync_queue
                 WHERE org_id = $1 AND conversation_id = $2 AND due_at_ms = $3",
            )
            .bind(org_id)
            .bind(record.conversation_id)
            .bind(lease_ms)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Deletes taken rows with nothing to write (their conversation is not in the replica).
    pub async fn drop_record_syncs(
        &self,
        org_id: &str,
        lease_ms: i64,
        conversation_ids: &[i64],
    ) -> Result<(), StoreError> {
        for conversation_id in conversation_ids {
            sqlx::query(
                "DELETE FROM record_sync_queue
                 WHERE org_id = $1 AND conversation_id = $2 AND due_at_ms = $3",
            )
            .bind(org_id)
            .bind(conversation_id)
            .bind(lease_ms)
            .execute(&mut *self.writer.acquire().await?)
            .await?;
        }
        Ok(())
    }

    /// Gives taken rows back, due at `due_at_ms` (unless a change queued since makes them due
    /// earlier); `error`, when given, is the record's own failure: it counts as an attempt.
    pub async fn release_record_syncs(
        &self,
        org_id: &str,
        lease_ms: i64,
        conversation_ids: &[i64],
        due_at_ms: i64,
        error: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut writer = self.writer.acquire().await?;
        let mut tx = writer.begin().await?;
        for conversation_id in conversation_ids {
            sqlx::query(
                "UPDATE record_sync_queue SET
                     due_at_ms = CASE WHEN due_at_ms = $3 THEN $4 ELSE due_at_ms END,
                     attempts = attempts + $5,
                     last_error = COALESCE($6, last_error)
                 WHERE org_id = $1 AND conversation_id = $2",
            )
            .bind(org_id)
            .bind(conversation_id)
            .bind(lease_ms)
            .bind(due_at_ms)
            .bind(i64::from(error.is_some()))
            .bind(error)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Saves the org's sync status.
    pub async fn set_record_sync_status(
        &self,
        org_id: &str,
        status: &OrgSyncStatus<'_>,
    ) -> Result<(), StoreError> {
        let (used, limit) = status.api_usage.unzip();
        sqlx::query(
            "INSERT INTO record_sync_orgs (org_id, status, detail, api_used, api_limit, updated_at_ms)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (org_id) DO UPDATE SET status = excluded.status, detail = excluded.detail,
                 api_used = COALESCE(excluded.api_used, record_sync_orgs.api_used),
                 api_limit = COALESCE(excluded.api_limit, record_sync_orgs.api_limit),
                 updated_at_ms = excluded.updated_at_ms",
        )
        .bind(org_id)
        .bind(status.status)
        .bind(status.detail)
        .bind(used)
        .bind(limit)
        .bind(now_ms())
        .execute(&mut *self.writer.acquire().await?)
        .await?;
        Ok(())
    }

    /// Each org's sync, by org id.
    pub async fn record_sync_health(&self) -> Result<Vec<RecordSyncHealth>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT o.org_id, o.status, o.detail, o.api_used, o.api_limit,
                    (SELECT COUNT(*) FROM record_sync_queue q WHERE q.org_id = o.org_id) AS queued,
                    (SELECT COUNT(*) FROM record_sync_queue q
                     WHERE q.org_id = o.org_id AND q.attempts > 0) AS refused,
                    (SELECT MIN(q.queued_at_ms) FROM record_sync_queue q WHERE q.org_id = o.org_id)
                        AS oldest_queued_at_ms
             FROM record_sync_orgs o ORDER BY o.org_id",
        )
        .fetch_all(&self.pool)
        .await?)
    }
}

/// Queues the conversation in every org where this change makes it eligible (see the module
/// doc); `inbound`: the change is a customer message. Runs in the transaction recording it.
pub(super) async fn queue_changed(
    tx: &mut Tx<'_>,
    conversation_id: i64,
    inbound: bool,
) -> Result<(), StoreError> {
    // Most changes make the conversation eligible nowhere: one statement says so.
    let orgs: BTreeSet<String> = sqlx::query_scalar(
        "SELECT a.org_id FROM conversations c
             JOIN record_sync_accounts a ON a.account_id = c.account_id
             WHERE c.id = $1 AND $2 = 1
         UNION SELECT l.org_id FROM conversations c
             JOIN customer_links l ON l.customer_id = c.customer_id
             WHERE c.id = $1
         UNION SELECT s.org_id FROM synced_records s WHERE s.conversation_id = $1",
    )
    .bind(conversation_id)
    .bind(i64::from(inbound))
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .collect();
    if orgs.is_empty() {
        return Ok(());
    }
    let customer_id: Option<i64> =
        sqlx::query_scalar("SELECT customer_id FROM conversations WHERE id = $1")
            .bind(conversation_id)
            .fetch_optional(&mut **tx)
            .await?
            .flatten();
    let now = now_ms();
    for org_id in &orgs {
        queue_in(tx, org_id, &[conversation_id], now).await?;
        let Some(customer_id) = customer_id else {
            continue;
        };
        // The customer's other records whose status may change: the one written OPENED (this
        // conversation may now be the newest), or all of them the first time.
        let others: Vec<i64> = if mark_eligible(tx, org_id, customer_id, now).await? {
            sqlx::query_scalar("SELECT id FROM conversations WHERE customer_id = $1")
                .bind(customer_id)
                .fetch_all(&mut **tx)
                .await?
        } else {
            sqlx::query_scalar(
                "SELECT s.conversation_id FROM synced_records s
                 JOIN conversations c ON c.id = s.conversation_id
                 WHERE s.org_id = $1 AND s.status = 'OPENED' AND c.customer_id = $2",
            )
            .bind(org_id)
            .bind(customer_id)
            .fetch_all(&mut **tx)
            .await?
        };
        let others: Vec<i64> = others
            .into_iter()
            .filter(|id| *id != conversation_id)
            .collect();
        queue_in(tx, org_id, &others, now).await?;
    }
    Ok(())
}

/// Notes the customer as eligible in the org; true when they were not yet.
async fn mark_eligible(
    tx: &mut Tx<'_>,
    org_id: &str,
    customer_id: i64,
    now: i64,
) -> Result<bool, StoreError> {
    let inserted = sqlx::query(
        "INSERT INTO record_sync_customers (org_id, customer_id, eligible_since_ms)
         VALUES ($1, $2, $3) ON CONFLICT (org_id, customer_id) DO NOTHING",
    )
    .bind(org_id)
    .bind(customer_id)
    .bind(now)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(inserted == 1)
}
