//! The customer of a conversation as the widget's header and 360° list show it: whether Alcméon's
//! customer (its `custom_field_user_id`) is linked to a Salesforce Contact (or person account), and
//! the customer's other conversations. Bodies are camelCase (`GET /v1/conversations/{id}/customer`,
//! `PUT /v1/conversations/{id}/customer/link`).
//!
//! Invariant: a [`ContactLink`] the backend stores names a Salesforce record id (15 or 18 letters
//! and digits) and a name that is not blank, at most [`CONTACT_NAME_MAX_CHARS`] characters
//! ([`ContactLink::problem`], the one rule).

use serde::{Deserialize, Serialize};

use crate::{Channel, ConversationStatus};

/// The longest Contact name a link keeps (Salesforce's `Name` of a person account is 255).
pub const CONTACT_NAME_MAX_CHARS: usize = 255;

/// The Salesforce record a customer is linked to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ContactLink {
    /// The Contact's id, or the person account's (`personAccount`).
    pub contact_id: String,
    pub contact_name: String,
    /// The record is a person account (an Account), not a Contact.
    #[serde(default)]
    pub person_account: bool,
}

impl ContactLink {
    /// Where Salesforce shows the record (Lightning's record page, relative to the org).
    pub fn record_path(&self) -> String {
        let object = if self.person_account {
            "Account"
        } else {
            "Contact"
        };
        format!("/lightning/r/{object}/{}/view", self.contact_id)
    }

    /// Why this link cannot be stored, or `None` when it can.
    pub fn problem(&self) -> Option<&'static str> {
        if !is_salesforce_id(&self.contact_id) {
            return Some("contactId must be a Salesforce id of 15 or 18 letters and digits");
        }
        let name = self.contact_name.trim();
        if name.is_empty() || name.chars().count() > CONTACT_NAME_MAX_CHARS {
            return Some("contactName must be 1 to 255 characters, not only spaces");
        }
        None
    }
}

/// A Salesforce record id: 15 or 18 letters and digits.
pub fn is_salesforce_id(text: &str) -> bool {
    matches!(text.len(), 15 | 18) && text.bytes().all(|byte| byte.is_ascii_alphanumeric())
}

/// Another conversation of the same customer, for the 360° list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CustomerConversation {
    pub id: i64,
    pub channel: Channel,
    /// The social account the customer wrote to.
    pub account_name: String,
    pub status: ConversationStatus,
    /// When something last happened there, RFC 3339 in UTC.
    pub last_activity_at: String,
}

/// What the widget shows of a conversation's customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CustomerView {
    /// Alcméon's customer (`custom_field_user_id`); `None` until a customer message named one.
    pub customer_id: Option<i64>,
    pub link: Option<ContactLink>,
    /// The customer's other conversations, newest activity first.
    #[serde(default)]
    pub conversations: Vec<CustomerConversation>,
    /// The customer's number as the replica holds it (WhatsApp), to pre-fill a new Contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(id: &str, name: &str) -> ContactLink {
        ContactLink {
            contact_id: id.into(),
            contact_name: name.into(),
            person_account: false,
        }
    }

    #[test]
    fn a_link_needs_a_salesforce_id_and_a_name() {
        assert_eq!(link("003000000000001AAA", "Amélie Dubois").problem(), None);
        assert_eq!(link("003000000000001", "Amélie").problem(), None);
        assert!(link("003000000000001AA", "Amélie").problem().is_some());
        assert!(link("003000000000001AA'", "Amélie").problem().is_some());
        assert!(link("003000000000001AAA", "  ").problem().is_some());
        assert!(
            link("003000000000001AAA", &"x".repeat(256))
                .problem()
                .is_some()
        );
    }

    #[test]
    fn the_view_is_camel_case() {
        let view = CustomerView {
            customer_id: Some(7),
            link: Some(link("003000000000001AAA", "Amélie")),
            conversations: vec![CustomerConversation {
                id: 1002,
                channel: Channel::Facebook,
                account_name: "Lumio".into(),
                status: ConversationStatus::Closed,
                last_activity_at: "2026-11-27T01:00:00Z".into(),
            }],
            phone: None,
        };
        assert_eq!(
            serde_json::to_string(&view).unwrap(),
            r#"{"customerId":7,"link":{"contactId":"003000000000001AAA","contactName":"Amélie","personAccount":false},"conversations":[{"id":1002,"channel":"facebook","accountName":"Lumio","status":"closed","lastActivityAt":"2026-11-27T01:00:00Z"}]}"#
        );
    }
}
