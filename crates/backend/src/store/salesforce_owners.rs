//! The owners Salesforce hands conversations back from (`alcmeon__From_SF_Queue_Id__c`, a Queue or
//! a user id), kept until Alcméon's conversation custom field holds them: an outbox like the
//! customer links'.
//!
//! Invariants: one owner per conversation (Alcméon's field holds one value; the last org to hand
//! it back wins); storing the same owner again changes nothing, another owner replaces it and
//! marks it unwritten; an owner is marked written only while it is still the conversation's.

use super::{Store, StoreError, now_ms};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SalesforceOwner {
    pub conversation_id: i64,
    pub org_id: String,
    pub owner_id: String,
    pub changed_at_ms: i64,
    /// When Alcméon's field last received this owner; `None` until it has.
    pub alcmeon_written_at_ms: Option<i64>,
}

impl Store {
    /// Stores the owner the org handed the conversation back from.
    pub async fn set_salesforce_owner(
        &self,
        org_id: &str,
        conversation_id: i64,
        owner_id: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO salesforce_owners (conversation_id, org_id, owner_id, changed_at_ms,
                 alcmeon_written_at_ms)
             VALUES ($1, $2, $3, $4, NULL)
             ON CONFLICT (conversation_id) DO UPDATE SET
                 org_id = excluded.org_id,
                 owner_id = excluded.owner_id,
                 changed_at_ms = excluded.changed_at_ms,
                 alcmeon_written_at_ms = NULL
             WHERE salesforce_owners.owner_id <> excluded.owner_id",
        )
        .bind(conversation_id)
        .bind(org_id)
        .bind(owner_id)
        .bind(now_ms())
        .execute(&mut *self.writer.acquire().await?)
        .await?;
        Ok(())
    }

    /// Owners Alcméon's field does not hold yet, the oldest change first.
    pub async fn owners_to_write_to_alcmeon(
        &self,
        limit: i64,
    ) -> Result<Vec<SalesforceOwner>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT conversation_id, org_id, owner_id, changed_at_ms, alcmeon_written_at_ms
             FROM salesforce_owners WHERE alcmeon_written_at_ms IS NULL
             ORDER BY changed_at_ms LIMIT CAST($1 AS BIGINT)",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Notes that Alcméon holds `owner_id` for the conversation; an owner changed since stays
    /// unwritten.
    pub async fn note_owner_written(
        &self,
        conversation_id: i64,
        owner_id: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE salesforce_owners SET alcmeon_written_at_ms = $1
             WHERE conversation_id = $2 AND owner_id = $3",
        )
        .bind(now_ms())
        .bind(conversation_id)
        .bind(owner_id)
        .execute(&mut *self.writer.acquire().await?)
        .await?;
        Ok(())
    }
}
