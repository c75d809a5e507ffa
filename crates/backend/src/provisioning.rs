//! Makes sure an agent has an Alcméon account before a reply is sent as it: created from their
//! Salesforce email (or found by it when Alcméon says it exists), given the roles and teams their
//! Salesforce permissions map to, reactivated if it was inactive, and remembered in the store so
//! later replies cost no call. An agent without reply permission never gets an account.
//!
//! One agent's concurrent first replies provision once, whichever instances they reach: each
//! (org, email) has its own lock, database-wide (`store::Lock::Provisioning`), and whoever takes it
//! second finds the account already remembered.

use std::collections::BTreeSet;
use std::sync::Arc;

use protocol::AgentEmail;

use crate::alcmeon::{AccountUpdate, AlcmeonClient, ClientError};
use crate::config::AccountMapping;
use crate::store::{AgentAccount, Lock, Store, StoreError};

/// The agent a reply is sent for, from their verified session.
#[derive(Debug, Clone)]
pub struct AgentIdentity {
    pub org_id: String,
    pub email: AgentEmail,
    pub name: String,
    pub may_reply: bool,
    pub may_moderate: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ProvisioningError {
    #[error("the agent has no reply permission in Salesforce")]
    NoReplyPermission,
    #[error("Alcméon refused to create the account and lists none for its email")]
    AccountNotFound,
    #[error(transparent)]
    Alcmeon(#[from] ClientError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The roles and teams an account is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    roles: BTreeSet<i64>,
    teams: BTreeSet<i64>,
}

impl Access {
    /// What an agent who may reply gets; moderators get the moderation roles too.
    pub fn for_agent(mapping: &AccountMapping, may_moderate: bool) -> Access {
        let moderation = may_moderate.then_some(&mapping.roles_for_moderate);
        Access {
            roles: mapping
                .roles_for_reply
                .iter()
                .chain(moderation.into_iter().flatten())
                .copied()
                .collect(),
            teams: mapping.teams.iter().copied().collect(),
        }
    }

    /// The form the store compares: `roles=801,802;teams=901`.
    pub fn canonical(&self) -> String {
        let list =
            |ids: &BTreeSet<i64>| ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        format!("roles={};teams={}", list(&self.roles), list(&self.teams))
    }
}

#[derive(Clone)]
pub struct Provisioner {
    store: Store,
    alcmeon: Arc<AlcmeonClient>,
    mapping: Arc<AccountMapping>,
}

impl Provisioner {
    pub fn new(store: Store, alcmeon: Arc<AlcmeonClient>, mapping: AccountMapping) -> Self {
        Self {
            store,
            alcmeon,
            mapping: Arc::new(mapping),
        }
    }

    async fn remembered(&self, agent: &AgentIdentity) -> Result<Option<AgentAccount>, StoreError> {
        self.store.agent_account(&agent.org_id, &agent.email).await
    }

    /// The Alcméon account id to send the agent's replies as.
    pub async fn account_for(&self, agent: &AgentIdentity) -> Result<i64, ProvisioningError> {
        if !agent.may_reply {
            return Err(ProvisioningError::NoReplyPermission);
        }
        let access = Access::for_agent(&self.mapping, agent.may_moderate);
        let wanted = access.canonical();
        // Most replies find their account as wanted, and need no lock.
        if let Some(known) = self.remembered(agent).await?
            && known.access == wanted
        {
            return Ok(known.account_id);
        }
        let _only_one_per_agent = self
            .store
            .lock(&Lock::Provisioning {
                org_id: agent.org_id.clone(),
                email: agent.email.as_str().to_owned(),
            })
            .await?;
        let remembered = self.remembered(agent).await?;
        let account_id = match remembered {
            Some(known) if known.access == wanted => return Ok(known.account_id),
            Some(known) => {
                self.apply(known.account_id, &access, None).await?;
                known.account_id
            }
            None => {
                let (account_id, is_active) = self.create_or_find(agent).await?;
                self.apply(account_id, &access, (!is_active).then_some(true))
                    .await?;
                account_id
            }
        };
        let account = AgentAccount {
            account_id,
            access: wanted,
        };
        self.store
            .save_agent_account(&agent.org_id, &agent.email, &account)
            .await?;
        tracing::info!(account_id, email = %agent.email, access = %account.access, "agent's Alcméon account provisioned");
        Ok(account_id)
    }

    /// The account for the agent's email and whether it is active: created, or, when Alcméon
    /// answers 400 because the email has one, found among the active then the inactive accounts.
    async fn create_or_find(
        &self,
        agent: &AgentIdentity,
    ) -> Result<(i64, bool), ProvisioningError> {
        let name = if agent.name.trim().is_empty() {
            agent.email.as_str()
        } else {
            &agent.name
        };
        match self.alcmeon.create_account(&agent.email, name).await {
            Ok(account) => return Ok((account.id, true)),
            Err(ClientError::Status { status: 400, .. }) => {}
            Err(other) => return Err(other.into()),
        }
        for is_active in [true, false] {
            let found = self
                .alcmeon
                .list_accounts(is_active)
                .await?
                .into_iter()
                .find(|account| account.email().as_ref() == Some(&agent.email));
            if let Some(account) = found {
                return Ok((account.id, is_active));
            }
        }
        Err(ProvisioningError::AccountNotFound)
    }

    async fn apply(
        &self,
        account_id: i64,
        access: &Access,
        is_active: Option<bool>,
    ) -> Result<(), ClientError> {
        let roles: Vec<i64> = access.roles.iter().copied().collect();
        let teams: Vec<i64> = access.teams.iter().copied().collect();
        let update = AccountUpdate {
            roles: &roles,
            teams: &teams,
            is_active,
        };
        self.alcmeon.update_account(account_id, &update).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping() -> AccountMapping {
        AccountMapping {
            roles_for_reply: vec![801, 5],
            roles_for_moderate: vec![802, 801],
            teams: vec![901],
        }
    }

    #[test]
    fn moderators_get_the_moderation_roles_too_and_the_form_is_canonical() {
        assert_eq!(
            Access::for_agent(&mapping(), false).canonical(),
            "roles=5,801;teams=901"
        );
        assert_eq!(
            Access::for_agent(&mapping(), true).canonical(),
            "roles=5,801,802;teams=901"
        );
    }
}
