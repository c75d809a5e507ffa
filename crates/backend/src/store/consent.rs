//! The consent replica: each configured Alcméon opt-in list's opt-ins and opt-outs, as last read
//! whole. Invariants: a list is replaced in one transaction (a reader never sees half a read);
//! phone numbers are stored normalised (`protocol::normalize_phone`), by the caller; the state is
//! decided by `protocol::ConsentState::decide` alone.

use protocol::ConsentState;

use super::{Store, StoreError};

/// One user-optin or user-optout of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentRecord {
    pub alcmeon_id: i64,
    pub phone: String,
    pub account_id: i64,
    pub at_ms: Option<i64>,
}

/// When the last whole read of a list started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct ConsentRefresh {
    pub list_id: i64,
    pub refreshed_at_ms: i64,
}

impl Store {
    /// Replaces what the replica holds of `list_id` with a whole read of it, started at
    /// `read_started_at_ms` (the replica is as fresh as the start of the read).
    pub async fn replace_consent_list(
        &self,
        list_id: i64,
        read_started_at_ms: i64,
        optins: &[ConsentRecord],
        optouts: &[ConsentRecord],
    ) -> Result<(), StoreError> {
        let mut writer = self.writer.acquire().await?;
        let mut tx = writer.begin().await?;
        sqlx::query(
            "INSERT INTO consent_lists (id, refreshed_at_ms) VALUES ($1, $2)
             ON CONFLICT (id) DO UPDATE SET refreshed_at_ms = excluded.refreshed_at_ms",
        )
        .bind(list_id)
        .bind(read_started_at_ms)
        .execute(&mut *tx)
        .await?;
        let tables = [
            (
                "DELETE FROM consent_optins WHERE list_id = $1",
                "INSERT INTO consent_optins (list_id, alcmeon_id, phone, account_id, at_ms)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (list_id, alcmeon_id) DO UPDATE
                 SET phone = excluded.phone, account_id = excluded.account_id, at_ms = excluded.at_ms",
                optins,
            ),
            (
                "DELETE FROM consent_optouts WHERE list_id = $1",
                "INSERT INTO consent_optouts (list_id, alcmeon_id, phone, account_id, at_ms)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (list_id, alcmeon_id) DO UPDATE
                 SET phone = excluded.phone, account_id = excluded.account_id, at_ms = excluded.at_ms",
                optouts,
            ),
        ];
        for (delete, insert, records) in tables {
            sqlx::query(delete).bind(list_id).execute(&mut *tx).await?;
            for record in records {
                sqlx::query(insert)
                    .bind(list_id)
                    .bind(record.alcmeon_id)
                    .bind(&record.phone)
                    .bind(record.account_id)
                    .bind(record.at_ms)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// When each list was last read whole, by list id.
    pub async fn consent_refreshes(&self) -> Result<Vec<ConsentRefresh>, StoreError> {
        Ok(
            sqlx::query_as("SELECT id AS list_id, refreshed_at_ms FROM consent_lists ORDER BY id")
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// The consent of a normalised phone number on a list, from the replica as it is.
    pub async fn consent_state(
        &self,
        phone: &str,
        list_id: i64,
    ) -> Result<ConsentState, StoreError> {
        let (optin, optout): (Option<i64>, Option<i64>) = sqlx::query_as(
            "SELECT (SELECT MAX(COALESCE(at_ms, 0)) FROM consent_optins
                     WHERE list_id = $1 AND phone = $2),
                    (SELECT MAX(COALESCE(at_ms, 0)) FROM consent_optouts
                     WHERE list_id = $1 AND phone = $2)",
        )
        .bind(list_id)
        .bind(phone)
        .fetch_one(&self.pool)
        .await?;
        Ok(ConsentState::decide(optin, optout))
    }
}
