//! PersonAccounts, kept minimal: an Account created with `LastName` (and no `Name`) is a
//! PersonAccount (`IsPersonAccount` true, `Name` joining `FirstName` and `LastName`). Like
//! Salesforce, the emulator gives it a hidden Contact (`PersonContactId`, `IsPersonAccount` true,
//! `AccountId` the account) carrying the same names, email and mobile; changes to the account's
//! names reach that Contact, and deleting the account deletes it.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::{OrgData, Record};
use crate::ids;
use crate::schema::{self, Field, Object};

/// Whether an Account is (or, being created with this `LastName`, becomes) a PersonAccount.
pub fn is_person_account(existing: Option<&Record>, last_name: Option<&Value>) -> bool {
    match existing {
        Some(record) => record.get("IsPersonAccount") == Some(&Value::Bool(true)),
        None => last_name.is_some_and(|name| !name.is_null()),
    }
}

/// An Account needs `Name`, a PersonAccount `LastName`.
pub fn person_account_requires(object: &Object, field: &Field, person: bool) -> bool {
    object.name == schema::ACCOUNT && field.name == if person { "LastName" } else { "Name" }
}

/// The Contact fields a PersonAccount's own fields mirror.
const MIRRORED: [(&str, &str); 4] = [
    ("FirstName", "FirstName"),
    ("LastName", "LastName"),
    ("PersonEmail", "Email"),
    ("PersonMobilePhone", "MobilePhone"),
];

impl OrgData {
    /// Gives a new PersonAccount its hidden Contact.
    pub(super) fn add_person_contact(&mut self, account_id: &str, now: DateTime<Utc>) {
        let Some(account) = self.account(account_id).cloned() else {
            return;
        };
        if !is_person_account(Some(&account), None) {
            return;
        }
        let Some(contacts) = schema::object(schema::CONTACT) else {
            return;
        };
        let contact_id = ids::issue(contacts.key_prefix, self.next_number(contacts));
        let mut contact = Record::new();
        contact.insert("Id".to_owned(), Value::from(contact_id.clone()));
        contact.insert("CreatedDate".to_owned(), account["CreatedDate"].clone());
        contact.insert("AccountId".to_owned(), Value::from(account_id));
        contact.insert("IsPersonAccount".to_owned(), Value::Bool(true));
        self.store(contacts, &contact_id, contact, Vec::new(), now);
        if let Some(account) = self.account_mut(account_id) {
            account.insert("PersonContactId".to_owned(), Value::from(contact_id));
        }
        self.sync_person_contact(account_id, now);
    }

    /// Copies a PersonAccount's names, email and mobile onto its hidden Contact.
    pub(super) fn sync_person_contact(&mut self, account_id: &str, now: DateTime<Utc>) {
        let Some(account) = self.account(account_id).cloned() else {
            return;
        };
        let (Some(contacts), Some(Value::String(contact_id))) = (
            schema::object(schema::CONTACT),
            account.get("PersonContactId"),
        ) else {
            return;
        };
        let Some(mut contact) = self.get(contacts, contact_id).cloned() else {
            return;
        };
        for (from, to) in MIRRORED {
            contact.insert(
                to.to_owned(),
                account.get(from).cloned().unwrap_or(Value::Null),
            );
        }
        self.store(contacts, contact_id, contact, Vec::new(), now);
    }

    fn account(&self, id: &str) -> Option<&Record> {
        self.records.get(schema::ACCOUNT)?.get(id)
    }

    fn account_mut(&mut self, id: &str) -> Option<&mut Record> {
        self.records.get_mut(schema::ACCOUNT)?.get_mut(id)
    }
}
