//! Consent lists as optin-api.yaml defines them: an opt-in list holds user-optins (one phone
//! number for one account); opting out deletes the user-optin and records a user-optout.
//!
//! Invariants: a number is at most once in a list for an account (adding it again counts as
//! `already_existed`); ids are three separate ascending sequences; deleting a list deletes its
//! user-optins and user-optouts. The types serialize as the spec's `Optin`, `UserOptin` and
//! `UserOptout`; times are whole UTC seconds.

use std::collections::BTreeMap;

use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OptinType {
    Default,
    RecurringNotificationMessenger,
    RecurringNotificationInstagram,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Optin {
    pub id: u64,
    pub name: String,
    #[serde(rename = "type")]
    pub optin_type: OptinType,
    pub creator_admin_user_email: Option<String>,
    pub updater_admin_user_email: Option<String>,
    pub update_time: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserOptin {
    pub id: u64,
    pub user_phone_number: String,
    pub optin_id: u64,
    pub account_id: u64,
    pub last_optin_time: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserOptout {
    pub id: u64,
    pub user_phone_number: String,
    pub optin_id: u64,
    pub account_id: u64,
    /// Spelled so in the spec: when the user opted out.
    pub output_at: Option<DateTime<Utc>>,
    pub last_optin_time: Option<DateTime<Utc>>,
}

/// A page of a list, 0-indexed, with the total the spec's paginated responses carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: usize,
    pub has_more: bool,
}

/// What a change of many numbers did (`CreateUserOptinsResponse`, `DeleteUserOptinsResponse`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    pub changed: usize,
    pub unchanged: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Optins {
    next_list: u64,
    next_user_optin: u64,
    next_user_optout: u64,
    lists: BTreeMap<u64, Optin>,
    user_optins: BTreeMap<u64, UserOptin>,
    user_optouts: BTreeMap<u64, UserOptout>,
}

/// Id ranges apart from every other sequence of the emulator.
impl Default for Optins {
    fn default() -> Self {
        Optins {
            next_list: 1501,
            next_user_optin: 1601,
            next_user_optout: 1701,
            lists: BTreeMap::new(),
            user_optins: BTreeMap::new(),
            user_optouts: BTreeMap::new(),
        }
    }
}

impl Optins {
    pub fn lists(&self) -> Vec<Optin> {
        self.lists.values().cloned().collect()
    }

    pub fn list(&self, id: u64) -> Option<&Optin> {
        self.lists.get(&id)
    }

    /// `None` when a list already has this name (`optin-name-already-exists`).
    pub fn create_list(
        &mut self,
        name: &str,
        optin_type: OptinType,
        creator: Option<&str>,
        now: DateTime<Utc>,
    ) -> Option<Optin> {
        if self.lists.values().any(|list| list.name == name) {
            return None;
        }
        let id = take(&mut self.next_list);
        let optin = Optin {
            id,
            name: name.to_owned(),
            optin_type,
            creator_admin_user_email: creator.map(str::to_owned),
            updater_admin_user_email: creator.map(str::to_owned),
            update_time: Some(now.trunc_subsecs(0)),
        };
        self.lists.insert(id, optin.clone());
        Some(optin)
    }

    /// `false` when there is no such list.
    pub fn delete_list(&mut self, id: u64) -> bool {
        if self.lists.remove(&id).is_none() {
            return false;
        }
        self.user_optins.retain(|_, entry| entry.optin_id != id);
        self.user_optouts.retain(|_, entry| entry.optin_id != id);
        true
    }

    /// `None` when there is no such list.
    pub fn user_optins(&self, optin_id: u64, limit: usize, page: usize) -> Option<Page<UserOptin>> {
        self.lists.get(&optin_id)?;
        Some(page_of(
            self.user_optins.values().filter(|e| e.optin_id == optin_id),
            limit,
            page,
        ))
    }

    pub fn user_optouts(
        &self,
        optin_id: u64,
        limit: usize,
        page: usize,
    ) -> Option<Page<UserOptout>> {
        self.lists.get(&optin_id)?;
        Some(page_of(
            self.user_optouts
                .values()
                .filter(|e| e.optin_id == optin_id),
            limit,
            page,
        ))
    }

    pub fn user_optin(&self, optin_id: u64, id: u64) -> Option<&UserOptin> {
        self.user_optins.get(&id).filter(|e| e.optin_id == optin_id)
    }

    pub fn user_optout(&self, optin_id: u64, id: u64) -> Option<&UserOptout> {
        self.user_optouts
            .get(&id)
            .filter(|e| e.optin_id == optin_id)
    }

    /// Adds normalized `numbers` for `account_id`; `None` when there is no such list.
    pub fn opt_in(
        &mut self,
        optin_id: u64,
        account_id: u64,
        numbers: &[String],
        now: DateTime<Utc>,
    ) -> Option<Counted> {
        self.lists.get(&optin_id)?;
        let mut counted = Counted {
            changed: 0,
            unchanged: 0,
        };
        for number in numbers {
            if self.find_optin(optin_id, account_id, number).is_some() {
                counted.unchanged += 1;
                continue;
            }
            let id = take(&mut self.next_user_optin);
            let entry = UserOptin {
                id,
                user_phone_number: number.clone(),
                optin_id,
                account_id,
                last_optin_time: Some(now.trunc_subsecs(0)),
            };
            self.user_optins.insert(id, entry);
            counted.changed += 1;
        }
        Some(counted)
    }

    /// Turns the user-optins of normalized `numbers` into user-optouts; `None` when there is no
    /// such list.
    pub fn opt_out(
        &mut self,
        optin_id: u64,
        account_id: u64,
        numbers: &[String],
        now: DateTime<Utc>,
    ) -> Option<Counted> {
        self.lists.get(&optin_id)?;
        let mut counted = Counted {
            changed: 0,
            unchanged: 0,
        };
        for number in numbers {
            let Some(id) = self.find_optin(optin_id, account_id, number) else {
                counted.unchanged += 1;
                continue;
            };
            let Some(entry) = self.user_optins.remove(&id) else {
                continue;
            };
            let optout_id = take(&mut self.next_user_optout);
            let optout = UserOptout {
                id: optout_id,
                user_phone_number: entry.user_phone_number,
                optin_id,
                account_id,
                output_at: Some(now.trunc_subsecs(0)),
                last_optin_time: entry.last_optin_time,
            };
            self.user_optouts.insert(optout_id, optout);
            counted.changed += 1;
        }
        Some(counted)
    }

    fn find_optin(&self, optin_id: u64, account_id: u64, number: &str) -> Option<u64> {
        self.user_optins
            .values()
            .find(|e| {
                e.optin_id == optin_id
                    && e.account_id == account_id
                    && e.user_phone_number == number
            })
            .map(|e| e.id)
    }
}

fn page_of<'a, T: Clone + 'a>(
    entries: impl Iterator<Item = &'a T>,
    limit: usize,
    page: usize,
) -> Page<T> {
    let all: Vec<&T> = entries.collect();
    let (items, has_more) = crate::paging::page_of(&all, page, limit);
    Page {
        items: items.iter().map(|e| (*e).clone()).collect(),
        total: all.len(),
        has_more,
    }
}

fn take(counter: &mut u64) -> u64 {
    let id = *counter;
    *counter += 1;
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(list: &[&str]) -> Vec<String> {
        list.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn opting_out_moves_a_number_from_the_optins_to_the_optouts() {
        let now = Utc::now();
        let mut optins = Optins::default();
        let list = optins
            .create_list("News", OptinType::Default, None, now)
            .unwrap();
        let added = optins
            .opt_in(list.id, 201, &numbers(&["33612345678", "33612345678"]), now)
            .unwrap();
        assert_eq!((added.changed, added.unchanged), (1, 1));
        let removed = optins
            .opt_out(list.id, 201, &numbers(&["33612345678", "33600000000"]), now)
            .unwrap();
        assert_eq!((removed.changed, removed.unchanged), (1, 1));
        assert_eq!(optins.user_optins(list.id, 10, 0).unwrap().total, 0);
        let optouts = optins.user_optouts(list.id, 10, 0).unwrap();
        assert_eq!(optouts.items[0].user_phone_number, "33612345678");
    }

    #[test]
    fn names_are_unique_and_pages_say_whether_more_follow() {
        let now = Utc::now();
        let mut optins = Optins::default();
        let list = optins
            .create_list("News", OptinType::Default, None, now)
            .unwrap();
        assert!(
            optins
                .create_list("News", OptinType::Default, None, now)
                .is_none()
        );
        optins.opt_in(
            list.id,
            1,
            &numbers(&["33611111111", "33622222222", "33633333333"]),
            now,
        );
        let first = optins.user_optins(list.id, 2, 0).unwrap();
        assert_eq!(
            (first.items.len(), first.total, first.has_more),
            (2, 3, true)
        );
        let last = optins.user_optins(list.id, 2, 1).unwrap();
        assert_eq!((last.items.len(), last.has_more), (1, false));
    }
}
