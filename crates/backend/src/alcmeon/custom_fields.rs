//! Alcméon's user custom fields (custom-field.yaml): a customer profile's values (by
//! `custom_field_user_id`, the `author.group.id` of the customer's messages) and a social media
//! user's, read and set (how a customer matched to a Salesforce Contact is written back to
//! Alcméon), and the fields' definitions, to find one by its label.
//!
//! Every call waits its turn at [`Priority::Backfill`]: writing a match back is background work
//! that nobody watches, so it must never delay a reply, an account an agent waits for, or a
//! conversation a widget is opening; it shares the lowest class with filling the replica, whose
//! calls are as patient. A 429 holds the governor and is returned as
//! [`ClientError::RateLimited`]: the caller (the sync's outbox) asks again, and waits out the hold
//! through the governor. Setting a value is idempotent, so asking again is always safe.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::client::{AlcmeonClient, ClientError};
use super::governor::Priority;

/// One item of custom-field.yaml's `FieldValues`: `field_value` is one of its
/// `PrimitiveFieldValues` (a string for a text field, `{country_prefix, number}` for a phone…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomFieldValue {
    pub field_id: i64,
    pub field_value: Value,
}

/// What the backend reads of custom-field.yaml's `FieldMetadata`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CustomFieldDefinition {
    pub id: i64,
    pub label: String,
    /// `FieldMetadata.type`: `string`, `phone`, `integer`…
    #[serde(rename = "type")]
    pub kind: String,
}

/// What became of a write to a customer profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileWrite {
    Written,
    /// Alcméon knows no such profile (custom-field.yaml's 404): asking again will not help.
    NoSuchProfile,
}

impl AlcmeonClient {
    /// `GET /custom-field/users/{custom_field_user_id}`: the customer profile's values (none for
    /// a profile Alcméon does not know: the spec defines no 404 here).
    pub async fn profile_custom_fields(
        &self,
        custom_field_user_id: i64,
    ) -> Result<Vec<CustomFieldValue>, ClientError> {
        let path = format!("/custom-field/users/{custom_field_user_id}");
        let request = self.request(reqwest::Method::GET, &path);
        let body = self.call(Priority::Backfill, request).await?;
        read(&body, "custom field values")
    }

    /// `PUT /custom-field/users/{custom_field_user_id}` with one field; the profile's other
    /// fields are kept.
    pub async fn set_profile_custom_field(
        &self,
        custom_field_user_id: i64,
        field_id: i64,
        value: Value,
    ) -> Result<ProfileWrite, ClientError> {
        let body = [CustomFieldValue {
            field_id,
            field_value: value,
        }];
        let path = format!("/custom-field/users/{custom_field_user_id}");
        let request = self.request(reqwest::Method::PUT, &path).json(&body);
        match self.call(Priority::Backfill, request).await {
            Ok(_) => Ok(ProfileWrite::Written),
            Err(ClientError::Status { status: 404, .. }) => Ok(ProfileWrite::NoSuchProfile),
            Err(error) => Err(error),
        }
    }

    /// `PUT /custom-field/conversations/{conversation_id}` with one field; the conversation's
    /// other fields are kept.
    pub async fn set_conversation_custom_field(
        &self,
        conversation_id: i64,
        field_id: i64,
        value: Value,
    ) -> Result<(), ClientError> {
        let body = [CustomFieldValue {
            field_id,
            field_value: value,
        }];
        let path = format!("/custom-field/conversations/{conversation_id}");
        let request = self.request(reqwest::Method::PUT, &path).json(&body);
        self.call(Priority::Backfill, request).await.map(drop)
    }

    /// `GET /custom-field/accounts/{account_id}/users/{user_id}`; `None` when Alcméon knows no
    /// such user on that account (its 404). `user_id` is the social media user id: on WhatsApp
    /// the number in international format without `+`.
    pub async fn user_custom_fields(
        &self,
        account_id: i64,
        user_id: &str,
    ) -> Result<Option<Vec<CustomFieldValue>>, ClientError> {
        let path = format!(
            "/custom-field/accounts/{account_id}/users/{}",
            path_segment(user_id)
        );
        let request = self.request(reqwest::Method::GET, &path);
        match self.call(Priority::Backfill, request).await {
            Ok(body) => read(&body, "custom field values").map(Some),
            Err(ClientError::Status { status: 404, .. }) => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// `POST /custom-field/accounts/{account_id}/users`, with one field: Alcméon creates the
    /// user if the account has none by that id, and keeps the user's other fields.
    pub async fn set_user_custom_field(
        &self,
        account_id: i64,
        user_id: &str,
        field_id: i64,
        value: Value,
    ) -> Result<(), ClientError> {
        let body = json!({
            "user_id": user_id,
            "fields": [CustomFieldValue { field_id, field_value: value }],
        });
        let path = format!("/custom-field/accounts/{account_id}/users");
        let request = self.request(reqwest::Method::POST, &path).json(&body);
        self.call(Priority::Backfill, request).await.map(drop)
    }

    /// `GET /custom-field/users/fields`: every user custom field's definition.
    pub async fn user_custom_field_definitions(
        &self,
    ) -> Result<Vec<CustomFieldDefinition>, ClientError> {
        let request = self.request(reqwest::Method::GET, "/custom-field/users/fields");
        let body = self.call(Priority::Backfill, request).await?;
        read(&body, "custom field definitions")
    }

    /// The user custom field labelled `label` (as the admin typed it, compared without case),
    /// if Alcméon has one.
    pub async fn user_custom_field_named(
        &self,
        label: &str,
    ) -> Result<Option<CustomFieldDefinition>, ClientError> {
        let definitions = self.user_custom_field_definitions().await?;
        Ok(definitions
            .into_iter()
            .find(|field| field.label.trim().eq_ignore_ascii_case(label.trim())))
    }
}

/// `text` percent-encoded as one path segment.
fn path_segment(text: &str) -> String {
    let mut url = reqwest::Url::parse("http://segment/").expect("a valid base URL");
    if let Ok(mut segments) = url.path_segments_mut() {
        segments.pop_if_empty().push(text);
    }
    url.path().trim_start_matches('/').to_owned()
}

fn read<T: serde::de::DeserializeOwned>(body: &str, what: &str) -> Result<T, ClientError> {
    serde_json::from_str(body).map_err(|error| ClientError::Status {
        status: 200,
        body: format!("unreadable {what} ({error})"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_id_stays_one_path_segment() {
        assert_eq!(path_segment("33611223344"), "33611223344");
        assert_eq!(path_segment("a/b c?"), "a%2Fb%20c%3F");
    }
}
