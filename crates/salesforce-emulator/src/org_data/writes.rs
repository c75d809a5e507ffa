//! Record writes (create, update, upsert by External ID, delete, and sObject collections with or
//! without `allOrNone`) and the checks Salesforce makes on each written field.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::person_accounts::{is_person_account, person_account_requires};
use super::{OrgData, Record};
use crate::error::RecordError;
use crate::ids;
use crate::schema::{self, Field, Kind, Object};

/// What an upsert did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upserted {
    pub id: String,
    pub created: bool,
}

/// Salesforce's date-time format, e.g. `2026-11-26T22:10:00.000+0000`.
pub fn salesforce_time(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.3f+0000").to_string()
}

impl OrgData {
    /// Creates a record from a request body's fields; returns its id.
    pub fn create(
        &mut self,
        object: &Object,
        body: &Record,
        now: DateTime<Utc>,
    ) -> Result<String, RecordError> {
        let fields = self.checked(object, body, None)?;
        let number = self.next_number(object);
        let id = ids::issue(object.key_prefix, number);
        let mut record = Record::new();
        record.insert("Id".to_owned(), Value::from(id.clone()));
        record.insert("CreatedDate".to_owned(), Value::from(salesforce_time(now)));
        set_auto_number(object, number, &mut record);
        if object.name == schema::ACCOUNT {
            let last_name = fields.iter().find(|(field, _)| field.name == "LastName");
            let person = is_person_account(None, last_name.map(|(_, value)| value));
            record.insert("IsPersonAccount".to_owned(), Value::Bool(person));
        }
        self.store(object, &id, record, fields, now);
        if object.name == schema::ACCOUNT {
            self.add_person_contact(&id, now);
        }
        Ok(id)
    }

    /// Changes the given fields of an existing record (the caller checked it exists).
    pub fn update(
        &mut self,
        object: &Object,
        id: &str,
        body: &Record,
        now: DateTime<Utc>,
    ) -> Result<(), RecordError> {
        let full = ids::full(id).ok_or_else(|| RecordError::new("MALFORMED_ID", "bad id"))?;
        let existing = self.get(object, &full).cloned().unwrap_or_default();
        let fields = self.checked(object, body, Some(&existing))?;
        self.store(object, &full, existing, fields, now);
        if object.name == schema::ACCOUNT {
            self.sync_person_contact(&full, now);
        }
        Ok(())
    }

    /// Updates the record whose External ID `field` holds `value`, or creates one with it.
    pub fn upsert(
        &mut self,
        object: &Object,
        field: &Field,
        value: &str,
        body: &Record,
        now: DateTime<Utc>,
    ) -> Result<Upserted, RecordError> {
        let mut body = body.clone();
        let given = body
            .keys()
            .find(|key| key.eq_ignore_ascii_case(field.name))
            .cloned();
        if let Some(key) = given {
            if body.get(&key).and_then(Value::as_str) != Some(value) {
                return Err(RecordError::new(
                    "INVALID_FIELD",
                    format!(
                        "The value of {} in the record differs from the one in the URL",
                        field.name
                    ),
                )
                .on(field.name));
            }
            body.remove(&key);
        }
        match self.find_by_external_id(object, field.name, value) {
            Some(id) => self
                .update(object, &id, &body, now)
                .map(|()| Upserted { id, created: false }),
            None => {
                body.insert(field.name.to_owned(), Value::from(value));
                self.create(object, &body, now)
                    .map(|id| Upserted { id, created: true })
            }
        }
    }

    /// Deletes a record; lookups to it become null (Salesforce's default "clear the value").
    /// Returns whether it existed.
    pub fn delete(&mut self, object: &Object, id: &str) -> bool {
        let Some(full) = ids::full(id) else {
            return false;
        };
        let removed = self
            .records
            .get_mut(object.name)
            .and_then(|records| records.remove(&full));
        let Some(removed) = removed else {
            return false;
        };
        self.unindex_external_ids(object, &removed);
        if let Some(Value::String(contact)) = removed.get("PersonContactId") {
            let contact = contact.clone();
            self.records
                .get_mut(schema::CONTACT)
                .map(|records| records.remove(&contact));
        }
        for records in self.records.values_mut() {
            for record in records.values_mut() {
                for value in record.values_mut() {
                    if value.as_str() == Some(&full) {
                        *value = Value::Null;
                    }
                }
            }
        }
        true
    }

    /// Runs `write` for each of `count` records of a collection, in order; with `all_or_none`, one
    /// failure undoes them all and every other record reports `ALL_OR_NONE_OPERATION_ROLLED_BACK`.
    pub fn write_all<T>(
        &mut self,
        all_or_none: bool,
        count: usize,
        mut write: impl FnMut(&mut OrgData, usize) -> Result<T, RecordError>,
    ) -> Vec<Result<T, RecordError>> {
        let before = all_or_none.then(|| (self.records.clone(), self.numbers.clone()));
        let results: Vec<Result<T, RecordError>> = (0..count).map(|n| write(self, n)).collect();
        let Some((records, numbers)) = before.filter(|_| results.iter().any(Result::is_err)) else {
            return results;
        };
        self.records = records;
        self.numbers = numbers;
        self.rebuild_external_ids();
        let rolled_back = || {
            RecordError::new(
                "ALL_OR_NONE_OPERATION_ROLLED_BACK",
                "Record rolled back because not all records were valid and the request was using \
                 AllOrNone header",
            )
        };
        results
            .into_iter()
            .map(|result| Err(result.err().unwrap_or_else(rolled_back)))
            .collect()
    }

    pub(super) fn store(
        &mut self,
        object: &Object,
        id: &str,
        mut record: Record,
        fields: Vec<(&'static Field, Value)>,
        now: DateTime<Utc>,
    ) {
        for (field, value) in fields {
            record.insert(field.name.to_owned(), value);
        }
        record.insert(
            "LastModifiedDate".to_owned(),
            Value::from(salesforce_time(now)),
        );
        set_computed(object, &mut record);
        let previous = self.get(object, id).cloned();
        if let Some(previous) = previous {
            self.unindex_external_ids(object, &previous);
        }
        self.index_external_ids(object, id, &record);
        self.records
            .entry(object.name.to_owned())
            .or_default()
            .insert(id.to_owned(), record);
    }

    /// The body's fields, checked for a new record (`existing` None) or a change to one.
    fn checked(
        &self,
        object: &Object,
        body: &Record,
        existing: Option<&Record>,
    ) -> Result<Vec<(&'static Field, Value)>, RecordError> {
        let mut fields = Vec::new();
        for (name, value) in body {
            if name == "attributes" {
                continue;
            }
            let field = object.field(name).ok_or_else(|| {
                RecordError::new(
                    "INVALID_FIELD",
                    format!("No such column '{name}' on sobject of type {}", object.name),
                )
            })?;
            fields.push((field, self.checked_value(field, value)?));
        }
        for (field, value) in &fields {
            if field.external_id
                && let Some(text) = value.as_str()
                && let Some(other) = self.find_by_external_id(object, field.name, text)
                && existing
                    .and_then(|record| record.get("Id"))
                    .and_then(Value::as_str)
                    != Some(other.as_str())
            {
                return Err(RecordError::new(
                    "DUPLICATE_VALUE",
                    format!(
                        "duplicate value found: {} duplicates value on record with id: {other}",
                        field.name
                    ),
                )
                .on(field.name));
            }
        }
        let value_of = |name: &str| {
            fields
                .iter()
                .find(|(field, _)| field.name == name)
                .map(|(_, value)| value)
                .or_else(|| existing.and_then(|record| record.get(name)))
                .filter(|value| !value.is_null())
        };
        let person =
            object.name == schema::ACCOUNT && is_person_account(existing, value_of("LastName"));
        let missing: Vec<&str> = object
            .all_fields()
            .filter(|field| field.required || person_account_requires(object, field, person))
            .map(|field| field.name)
            .filter(|name| value_of(name).is_none())
            .collect();
        if !missing.is_empty() {
            let mut error = RecordError::new(
                "REQUIRED_FIELD_MISSING",
                format!("Required fields are missing: [{}]", missing.join(", ")),
            );
            error.fields = missing.iter().map(|name| (*name).to_owned()).collect();
            return Err(error);
        }
        Ok(fields)
    }

    fn checked_value(&self, field: &Field, value: &Value) -> Result<Value, RecordError> {
        let wrong_type = || {
            RecordError::new(
                "JSON_PARSER_ERROR",
                format!("Cannot deserialize instance of {} from {value}", field.name),
            )
            .on(field.name)
        };
        match (field.kind, value) {
            (Kind::ReadOnly, _) => Err(RecordError::new(
                "INVALID_FIELD_FOR_INSERT_UPDATE",
                format!("Unable to create/update fields: {}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.", field.name),
            )
            .on(field.name)),
            (_, Value::Null) => Ok(Value::Null),
            (Kind::Text(_), Value::String(text)) if text.is_empty() => Ok(Value::Null),
            (Kind::Text(max), Value::String(text)) if text.chars().count() > max => {
                Err(RecordError::new(
                    "STRING_TOO_LONG",
                    format!("{}: data value too large: {text} (max length={max})", field.label),
                )
                .on(field.name))
            }
            (Kind::Text(_), Value::String(_)) | (Kind::Boolean, Value::Bool(_)) => Ok(value.clone()),
            (Kind::Lookup(target), Value::String(id)) => self.checked_lookup(field, target, id),
            _ => Err(wrong_type()),
        }
    }

    fn checked_lookup(&self, field: &Field, target: &str, id: &str) -> Result<Value, RecordError> {
        if id.is_empty() {
            return Ok(Value::Null);
        }
        let full = ids::full(id).ok_or_else(|| {
            RecordError::new(
                "MALFORMED_ID",
                format!("{}: id value of incorrect type: {id}", field.label),
            )
            .on(field.name)
        })?;
        let points_at_target =
            schema::object_of_id(&full).is_some_and(|object| object.name == target);
        if !points_at_target || !self.exists(&full) {
            return Err(RecordError::new(
                "INVALID_CROSS_REFERENCE_KEY",
                format!("invalid cross reference id: {}: {id}", field.label),
            )
            .on(field.name));
        }
        Ok(Value::from(full))
    }
}

fn set_auto_number(object: &Object, number: u64, record: &mut Record) {
    let (field, value) = match object.name {
        schema::CONVERSATION => ("Name", format!("C-{number:06}")),
        schema::CASE => ("CaseNumber", format!("{:08}", 1000 + number)),
        _ => return,
    };
    record.insert(field.to_owned(), Value::from(value));
}

/// Formula-like fields: a Contact's (or PersonAccount's) `Name` joins first and last names.
fn set_computed(object: &Object, record: &mut Record) {
    let is_person =
        object.name == schema::CONTACT || record.get("IsPersonAccount") == Some(&Value::Bool(true));
    if !is_person {
        return;
    }
    let name: Vec<&str> = ["FirstName", "LastName"]
        .iter()
        .filter_map(|field| record.get(*field).and_then(Value::as_str))
        .collect();
    record.insert("Name".to_owned(), Value::from(name.join(" ")));
    record
        .entry("IsPersonAccount")
        .or_insert(Value::Bool(false));
}
