//! The Alcméon account each agent replies as, and the access last applied to it. Invariant: an
//! agent is keyed by (Salesforce org, [`AgentEmail`]), so every spelling of one address finds one
//! account.

use protocol::AgentEmail;

use super::{Store, StoreError, now_ms};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AgentAccount {
    pub account_id: i64,
    /// The canonical roles and teams last applied (`provisioning::Access::canonical`).
    pub access: String,
}

impl Store {
    pub async fn agent_account(
        &self,
        org_id: &str,
        email: &AgentEmail,
    ) -> Result<Option<AgentAccount>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT account_id, access FROM agent_accounts WHERE org_id = $1 AND email = $2",
        )
        .bind(org_id)
        .bind(email.as_str())
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The account of an email in any org, for replies stored before their org was recorded.
    pub async fn agent_account_in_any_org(
        &self,
        email: &AgentEmail,
    ) -> Result<Option<i64>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT account_id FROM agent_accounts WHERE email = $1 ORDER BY provisioned_at_ms DESC LIMIT 1",
        )
        .bind(email.as_str())
        .fetch_optional(&self.pool)
        .await?)
    }

    pub async fn save_agent_account(
        &self,
        org_id: &str,
        email: &AgentEmail,
        account: &AgentAccount,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO agent_accounts (org_id, email, account_id, access, provisioned_at_ms)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (org_id, email) DO UPDATE SET account_id = excluded.account_id,
                 access = excluded.access, provisioned_at_ms = excluded.provisioned_at_ms",
        )
        .bind(org_id)
        .bind(email.as_str())
        .bind(account.account_id)
        .bind(&account.access)
        .bind(now_ms())
        .execute(&mut *self.writer.acquire().await?)
        .await?;
        Ok(())
    }

    /// Forgets an agent's account, so their next reply provisions it again (e.g. after Alcméon
    /// refused to let it answer).
    pub async fn forget_agent_account(
        &self,
        org_id: &str,
        email: &AgentEmail,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM agent_accounts WHERE org_id = $1 AND email = $2")
            .bind(org_id)
            .bind(email.as_str())
            .execute(&mut *self.writer.acquire().await?)
            .await?;
        Ok(())
    }
}
