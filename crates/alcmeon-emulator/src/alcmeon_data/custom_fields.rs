//! User custom fields (custom-field.yaml): the fields' definitions, and their values on a
//! customer's profile.
//!
//! A profile is an `author.group` (its id is custom-field.yaml's `custom_field_user_id`), and its
//! values are the group's `custom_fields`, so the actions recorded after a change carry the new
//! values. The emulator gives each conversation's customer a group of their own; a social media
//! user (`social_media_user_id`: a WhatsApp number without `+`, otherwise the author's id) is
//! every conversation of theirs on that account, so setting their fields sets them on each, and a
//! user set before any conversation gets a group apart (`social_users`), which a later
//! conversation of theirs does not inherit.
//!
//! Invariants: a profile holds at most one value per field, in ascending field order; a value is
//! stored only for a defined field and only when it has the field's type.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::engagements::PHONE_FIELD_ID;
use super::{AlcmeonData, take};
use crate::model::AuthorGroup;

/// The seeded text field a Salesforce connector writes a matched customer's Contact id to.
pub const SALESFORCE_CONTACT_FIELD_ID: u64 = 5002;

/// custom-field.yaml's `FieldMetadata` (without `allowed`, which only enum and multi-picklist
/// fields have; the emulator defines none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldMetadata {
    pub id: u64,
    pub label: String,
    pub description: String,
    #[serde(rename = "type")]
    pub kind: FieldType,
    pub teams: Vec<u64>,
    pub optional: bool,
    pub last_updater_admin_user_email: String,
    pub last_modified_on: DateTime<Utc>,
}

/// The field types the emulator defines (of `FieldMetadata.type`'s eleven).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldType {
    String,
    Phone,
}

impl FieldType {
    /// Whether `value` is a `PrimitiveFieldValues` of this type.
    pub(super) fn accepts(self, value: &Value) -> bool {
        match self {
            FieldType::String => value.is_string(),
            FieldType::Phone => value.as_object().is_some_and(|phone| {
                phone.len() == 2
                    && phone.get("country_prefix").is_some_and(Value::is_string)
                    && phone.get("number").is_some_and(Value::is_string)
            }),
        }
    }
}

/// One item of custom-field.yaml's `FieldValues`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldValue {
    pub field_id: u64,
    pub field_value: Value,
}

/// Why values were not set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldRefusal {
    /// No such profile (custom-field.yaml's 404).
    UserNotFound,
    /// No such conversation (the spec names no error for it: a 404 like a profile's).
    ConversationNotFound,
    /// No user custom field with this id, so none to edit (its 403).
    NotEditable(u64),
    /// A value not of its field's type (its 400).
    InvalidValue(u64),
    /// No social media account with this id (a 400: the body names a user of an unknown account).
    UnknownAccount(u64),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CustomFields {
    definitions: Vec<FieldMetadata>,
    /// Social media users whose fields were set before they had a conversation.
    social_users: Vec<SocialUser>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct SocialUser {
    account_id: u64,
    user_id: String,
    group: AuthorGroup,
}

/// A state file written before custom fields existed gets the two seeded definitions too: field
/// 5001 was already written into its customers' groups.
impl Default for CustomFields {
    fn default() -> Self {
        CustomFields {
            definitions: vec![
                seeded_field(
                    PHONE_FIELD_ID,
                    "Phone",
                    "The customer's phone number",
                    FieldType::Phone,
                ),
                seeded_field(
                    SALESFORCE_CONTACT_FIELD_ID,
                    "Salesforce Contact Id",
                    "The Salesforce Contact the customer is matched to",
                    FieldType::String,
                ),
            ],
            social_users: vec![],
        }
    }
}

/// A field as the seed defines it: optional, for every team, defined by the seed's admin.
pub(super) fn seeded_field(
    id: u64,
    label: &str,
    description: &str,
    kind: FieldType,
) -> FieldMetadata {
    let defined_on = DateTime::parse_from_rfc3339("2026-01-05T09:00:00Z")
        .map(|time| time.to_utc())
        .unwrap_or_default();
    FieldMetadata {
        id,
        label: label.to_owned(),
        description: description.to_owned(),
        kind,
        teams: vec![],
        optional: true,
        last_updater_admin_user_email: "admin@lumio.example.com".to_owned(),
        last_modified_on: defined_on,
    }
}

impl AlcmeonData {
    pub fn user_field_definitions(&self) -> &[FieldMetadata] {
        &self.custom_fields.definitions
    }

    pub fn user_field_definition(&self, field_id: u64) -> Option<&FieldMetadata> {
        self.custom_fields
            .definitions
            .iter()
            .find(|field| field.id == field_id)
    }

    /// A profile's values, `None` for an unknown `custom_field_user_id`.
    pub fn profile_fields(&self, group_id: u64) -> Option<Vec<FieldValue>> {
        self.groups()
            .find(|group| group.id == group_id)
            .map(values_of)
    }

    /// A social media user's values, `None` when the account has no such user.
    pub fn social_user_fields(&self, account_id: u64, user_id: &str) -> Option<Vec<FieldValue>> {
        let newest = self
            .conversations
            .values()
            .rev()
            .find(|conversation| {
                conversation.account_id == account_id && social_user_id(conversation) == user_id
            })
            .map(|conversation| &conversation.customer.group);
        newest
            .or_else(|| {
                self.social_user(account_id, user_id)
                    .map(|user| &user.group)
            })
            .map(values_of)
    }

    /// custom-field.yaml's `PUT /custom-field/users/{custom_field_user_id}`.
    pub fn set_profile_fields(
        &mut self,
        group_id: u64,
        values: &[FieldValue],
    ) -> Result<(), FieldRefusal> {
        self.check(values)?;
        let groups: Vec<&mut AuthorGroup> = self
            .groups_mut()
            .filter(|group| group.id == group_id)
            .collect();
        if groups.is_empty() {
            return Err(FieldRefusal::UserNotFound);
        }
        groups.into_iter().for_each(|group| write(group, values));
        Ok(())
    }

    /// custom-field.yaml's `POST /custom-field/accounts/{social_media_account_id}/users`: the
    /// user is created when the account has none by that id.
    pub fn set_social_user_fields(
        &mut self,
        account_id: u64,
        user_id: &str,
        values: &[FieldValue],
    ) -> Result<(), FieldRefusal> {
        if !self.accounts.contains_key(&account_id) {
            return Err(FieldRefusal::UnknownAccount(account_id));
        }
        self.check(values)?;
        let mut found = false;
        for conversation in self.conversations.values_mut() {
            if conversation.account_id == account_id && social_user_id(conversation) == user_id {
                write(&mut conversation.customer.group, values);
                found = true;
            }
        }
        if !found && self.social_user(account_id, user_id).is_none() {
            let group = AuthorGroup {
                id: take(&mut self.next_ids.author_group),
                custom_fields: vec![],
            };
            self.custom_fields.social_users.push(SocialUser {
                account_id,
                user_id: user_id.to_owned(),
                group,
            });
        }
        if let Some(user) = self
            .custom_fields
            .social_users
            .iter_mut()
            .find(|user| user.account_id == account_id && user.user_id == user_id)
        {
            write(&mut user.group, values);
        }
        Ok(())
    }

    fn check(&self, values: &[FieldValue]) -> Result<(), FieldRefusal> {
        for value in values {
            let field = self
                .user_field_definition(value.field_id)
                .ok_or(FieldRefusal::NotEditable(value.field_id))?;
            if !field.kind.accepts(&value.field_value) {
                return Err(FieldRefusal::InvalidValue(value.field_id));
            }
        }
        Ok(())
    }

    fn social_user(&self, account_id: u64, user_id: &str) -> Option<&SocialUser> {
        self.custom_fields
            .social_users
            .iter()
            .find(|user| user.account_id == account_id && user.user_id == user_id)
    }

    fn groups(&self) -> impl Iterator<Item = &AuthorGroup> {
        let customers = self
            .conversations
            .values()
            .map(|conversation| &conversation.customer.group);
        customers.chain(
            self.custom_fields
                .social_users
                .iter()
                .map(|user| &user.group),
        )
    }

    fn groups_mut(&mut self) -> impl Iterator<Item = &mut AuthorGroup> {
        let customers = self
            .conversations
            .values_mut()
            .map(|conversation| &mut conversation.customer.group);
        customers.chain(
            self.custom_fields
                .social_users
                .iter_mut()
                .map(|user| &mut user.group),
        )
    }
}

fn social_user_id(conversation: &super::ConversationRecord) -> String {
    conversation
        .phone
        .clone()
        .unwrap_or_else(|| conversation.customer.id.to_string())
}

fn values_of(group: &AuthorGroup) -> Vec<FieldValue> {
    group
        .custom_fields
        .iter()
        .filter_map(|value| serde_json::from_value(value.clone()).ok())
        .collect()
}

/// Replaces each given field's value, keeping one value per field in ascending field order.
fn write(group: &mut AuthorGroup, values: &[FieldValue]) {
    let mut current = values_of(group);
    for value in values {
        current.retain(|existing| existing.field_id != value.field_id);
        current.push(value.clone());
    }
    current.sort_by_key(|value| value.field_id);
    group.custom_fields = current
        .into_iter()
        .map(|value| json!({"field_id": value.field_id, "field_value": value.field_value}))
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_of_the_wrong_type_is_refused() {
        assert!(FieldType::String.accepts(&json!("003000000000001AAA")));
        assert!(!FieldType::String.accepts(&json!(3)));
        assert!(FieldType::Phone.accepts(&json!({"country_prefix": "33", "number": "6"})));
        assert!(!FieldType::Phone.accepts(&json!("+336")));
        assert!(!FieldType::Phone.accepts(&json!({"number": "6"})));
    }
}
