//! Alcméon's user accounts (user.yaml): every non-bot agent is one, with a set of roles, a set
//! of teams and an active flag. Roles and teams are created in Alcméon's UI only, so the emulator
//! has a fixed catalog of them.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{AlcmeonData, take};
use crate::model::AdminUser;

/// The roles every emulator has (`GET /roles`).
pub const ROLES: [(u64, &str); 3] = [(801, "Agent"), (802, "Moderator"), (803, "Supervisor")];
/// The teams every emulator has (`GET /teams`).
pub const TEAMS: [(u64, &str); 2] = [(901, "Salesforce"), (902, "VIP")];
/// The role seeded agents and agents created by the controls have.
pub const AGENT_ROLE: u64 = 801;

/// What an account may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountAccess {
    pub roles: BTreeSet<u64>,
    pub teams: BTreeSet<u64>,
    pub is_active: bool,
}

impl AccountAccess {
    /// An active agent with the Agent role and no team.
    pub fn agent() -> AccountAccess {
        AccountAccess {
            roles: BTreeSet::from([AGENT_ROLE]),
            teams: BTreeSet::new(),
            is_active: true,
        }
    }
}

/// A `POST /accounts/{account_id}` body: each set replaces the old one when present.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountUpdate {
    pub roles: Option<Vec<u64>>,
    pub teams: Option<Vec<u64>>,
    pub is_active: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountRefusal {
    EmailTaken,
    UnknownAccount,
    UnknownRole(u64),
    UnknownTeam(u64),
}

/// An account with its access, as the emulator's introspection control shows it.
#[derive(Debug, Clone, Serialize)]
pub struct AccountDetails {
    pub id: u64,
    pub email: String,
    pub name: String,
    pub roles: BTreeSet<u64>,
    pub teams: BTreeSet<u64>,
    pub is_active: bool,
}

impl AlcmeonData {
    /// `POST /accounts`: a new account with no roles and no teams, unless the email (in any
    /// case) already has one.
    pub fn create_account(&mut self, email: &str, name: &str) -> Result<AdminUser, AccountRefusal> {
        if self.agent_with_email(email).is_some() {
            return Err(AccountRefusal::EmailTaken);
        }
        let mut id = take(&mut self.next_ids.agent);
        while self.agents.contains_key(&id) {
            id = take(&mut self.next_ids.agent);
        }
        let account = AdminUser {
            id,
            email: email.to_owned(),
            name: name.to_owned(),
            is_bot: false,
        };
        self.agents.insert(id, account.clone());
        let access = AccountAccess {
            roles: BTreeSet::new(),
            teams: BTreeSet::new(),
            is_active: true,
        };
        self.access.insert(id, access);
        Ok(account)
    }

    /// `GET /accounts?is_active=`: the active or the inactive accounts, by id.
    pub fn accounts_where_active(&self, is_active: bool) -> Vec<AdminUser> {
        self.human_agents()
            .filter(|agent| self.access_of(agent.id).is_active == is_active)
            .cloned()
            .collect()
    }

    /// `POST /accounts/{account_id}`: checks everything before changing anything.
    pub fn update_account(&mut self, id: u64, update: AccountUpdate) -> Result<(), AccountRefusal> {
        if self.agents.get(&id).is_none_or(|agent| agent.is_bot) {
            return Err(AccountRefusal::UnknownAccount);
        }
        let unknown_role = update
            .roles
            .iter()
            .flatten()
            .copied()
            .find(|role| !known(&ROLES, *role));
        if let Some(role) = unknown_role {
            return Err(AccountRefusal::UnknownRole(role));
        }
        let unknown_team = update
            .teams
            .iter()
            .flatten()
            .copied()
            .find(|team| !known(&TEAMS, *team));
        if let Some(team) = unknown_team {
            return Err(AccountRefusal::UnknownTeam(team));
        }
        let mut access = self.access_of(id);
        if let Some(roles) = update.roles {
            access.roles = roles.into_iter().collect();
        }
        if let Some(teams) = update.teams {
            access.teams = teams.into_iter().collect();
        }
        if let Some(is_active) = update.is_active {
            access.is_active = is_active;
        }
        self.access.insert(id, access);
        Ok(())
    }

    /// Whether `POST /v1/answer/send` may answer as this advisor: an active account with a role.
    pub fn may_answer(&self, advisor_id: u64) -> bool {
        self.agents.get(&advisor_id).is_some_and(|agent| {
            let access = self.access_of(agent.id);
            !agent.is_bot && access.is_active && !access.roles.is_empty()
        })
    }

    pub fn set_access(&mut self, id: u64, access: AccountAccess) {
        self.access.insert(id, access);
    }

    pub fn account_details(&self) -> Vec<AccountDetails> {
        self.human_agents()
            .map(|agent| {
                let access = self.access_of(agent.id);
                AccountDetails {
                    id: agent.id,
                    email: agent.email.clone(),
                    name: agent.name.clone(),
                    roles: access.roles,
                    teams: access.teams,
                    is_active: access.is_active,
                }
            })
            .collect()
    }

    pub(super) fn agent_with_email(&self, email: &str) -> Option<&AdminUser> {
        self.agents
            .values()
            .find(|agent| agent.email.eq_ignore_ascii_case(email))
    }

    fn human_agents(&self) -> impl Iterator<Item = &AdminUser> {
        self.agents.values().filter(|agent| !agent.is_bot)
    }

    /// Agents saved by an emulator older than account emulation have no entry: they were
    /// answering, so they are active agents.
    fn access_of(&self, id: u64) -> AccountAccess {
        self.access
            .get(&id)
            .cloned()
            .unwrap_or_else(AccountAccess::agent)
    }
}

fn known(catalog: &[(u64, &str)], id: u64) -> bool {
    catalog.iter().any(|(known, _)| *known == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_created_account_has_no_powers_until_roles_are_set() {
        let mut data = AlcmeonData::new("i");
        let account = data.create_account("New@Example.com", "New").unwrap();
        assert!(!data.may_answer(account.id));
        assert_eq!(
            data.create_account("new@example.com", "Again"),
            Err(AccountRefusal::EmailTaken)
        );
        let update = AccountUpdate {
            roles: Some(vec![AGENT_ROLE]),
            ..AccountUpdate::default()
        };
        data.update_account(account.id, update).unwrap();
        assert!(data.may_answer(account.id));
    }

    #[test]
    fn an_unknown_role_changes_nothing() {
        let mut data = AlcmeonData::new("i");
        let account = data.create_account("a@example.com", "A").unwrap();
        let update = AccountUpdate {
            roles: Some(vec![AGENT_ROLE, 4]),
            teams: Some(vec![901]),
            is_active: Some(false),
        };
        assert_eq!(
            data.update_account(account.id, update),
            Err(AccountRefusal::UnknownRole(4))
        );
        assert_eq!(data.accounts_where_active(true), vec![account]);
        assert_eq!(
            data.update_account(1, AccountUpdate::default()),
            Err(AccountRefusal::UnknownAccount),
            "the bot is no account"
        );
    }
}
