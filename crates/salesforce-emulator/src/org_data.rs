//! The emulated org's data: its records, the access tokens issued, the revoked grants and the
//! day's API usage. Plain data, saved whole by `persistence`; no I/O, and time only through
//! arguments (`now`), so its rules are tested without a server.
//!
//! Invariants: a stored record holds only fields of its object's schema, spelled as the schema
//! spells them, with values that passed `org_data/writes.rs`'s checks (no empty text: Salesforce
//! stores it as null); `Id` is its 18-character id; an External ID field's value is unique within
//! its object, and indexed (`org_data/external_ids.rs`).

mod external_ids;
mod person_accounts;
mod sessions;
mod usage;
mod writes;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::ids;
use crate::schema::Object;

pub use sessions::{Grant, Session};
pub use writes::Upserted;

/// A record: field name → value.
pub type Record = Map<String, Value>;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OrgData {
    /// The org's 18-character id (`00D…`).
    pub org_id: String,
    /// Object name → 18-character id → record; ids sort in creation order.
    records: BTreeMap<String, BTreeMap<String, Record>>,
    /// Object name → the number of the last record created (ids and auto numbers).
    numbers: BTreeMap<String, u64>,
    /// Access token → session.
    sessions: BTreeMap<String, Session>,
    /// Username → the user's grant to the Connected App.
    grants: BTreeMap<String, Grant>,
    usage: usage::ApiUsage,
    /// Not saved: rebuilt from `records` (see `org_data/external_ids.rs`).
    #[serde(skip)]
    external_ids: external_ids::ExternalIds,
}

impl OrgData {
    /// An org with no records, whose listed users have each authorized the Connected App.
    pub fn new(usernames: &[String]) -> OrgData {
        OrgData {
            org_id: ids::issue("00D", 1),
            records: BTreeMap::new(),
            numbers: BTreeMap::new(),
            sessions: BTreeMap::new(),
            grants: usernames
                .iter()
                .enumerate()
                .map(|(n, name)| (name.clone(), Grant::new(ids::issue("005", n as u64 + 1))))
                .collect(),
            usage: usage::ApiUsage::default(),
            external_ids: external_ids::ExternalIds::new(),
        }
    }

    /// The record of `object` with this id (15 or 18 characters).
    pub fn get(&self, object: &Object, id: &str) -> Option<&Record> {
        let full = ids::full(id)?;
        self.records.get(object.name)?.get(&full)
    }

    /// Every record of `object`, oldest first.
    pub fn records(&self, object: &Object) -> impl Iterator<Item = &Record> {
        self.records
            .get(object.name)
            .into_iter()
            .flat_map(BTreeMap::values)
    }

    fn next_number(&mut self, object: &Object) -> u64 {
        let number = self.numbers.entry(object.name.to_owned()).or_default();
        *number += 1;
        *number
    }

    fn exists(&self, id: &str) -> bool {
        crate::schema::object_of_id(id).is_some_and(|object| self.get(object, id).is_some())
    }
}
