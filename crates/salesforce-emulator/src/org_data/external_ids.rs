//! The index of External ID values, so an upsert finds its record without reading every record
//! of the object (a sync upserts thousands of conversations).
//!
//! Invariant: the index holds exactly one entry per non-null External ID value of every stored
//! record. It is not saved: `OrgData::rebuild_external_ids` recreates it after loading and after
//! an `allOrNone` rollback; `store` and `delete` keep it in step otherwise.

use serde_json::Value;

use super::{OrgData, Record};
use crate::schema::{self, Object};

/// (object, field, value) → the record's 18-character id.
pub type ExternalIds = std::collections::HashMap<(String, String, String), String>;

impl OrgData {
    /// The id of the record of `object` whose External ID `field` holds `value`.
    pub fn find_by_external_id(&self, object: &Object, field: &str, value: &str) -> Option<String> {
        let key = (object.name.to_owned(), field.to_owned(), value.to_owned());
        self.external_ids.get(&key).cloned()
    }

    /// Recreates the index from the stored records.
    pub fn rebuild_external_ids(&mut self) {
        let mut index = ExternalIds::new();
        for (name, records) in &self.records {
            let Some(object) = schema::object(name) else {
                continue;
            };
            for (id, record) in records {
                for key in keys(object, record) {
                    index.insert(key, id.clone());
                }
            }
        }
        self.external_ids = index;
    }

    pub(super) fn index_external_ids(&mut self, object: &Object, id: &str, record: &Record) {
        for key in keys(object, record) {
            self.external_ids.insert(key, id.to_owned());
        }
    }

    pub(super) fn unindex_external_ids(&mut self, object: &Object, record: &Record) {
        for key in keys(object, record) {
            self.external_ids.remove(&key);
        }
    }
}

fn keys(object: &Object, record: &Record) -> Vec<(String, String, String)> {
    object
        .fields
        .iter()
        .filter(|field| field.external_id)
        .filter_map(|field| {
            let value = record.get(field.name).and_then(Value::as_str)?;
            Some((
                object.name.to_owned(),
                field.name.to_owned(),
                value.to_owned(),
            ))
        })
        .collect()
}
