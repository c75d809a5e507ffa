//! The parts of Alcméon's `Action` (synchronize.yaml) the replica reads. The spec marks no field as
//! required, so every field is optional and unknown fields are ignored; the raw JSON is stored too.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::Deserialize;

/// The body of a webhook call: a notification id (strictly increasing) and one action.
#[derive(Debug, Clone, Deserialize)]
pub struct Notification {
    pub id: i64,
    pub action: serde_json::Value,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Action {
    pub id: i64,
    #[serde(rename = "type", default)]
    pub kind: String,
    pub date: Option<NaiveDate>,
    pub time: Option<NaiveTime>,
    pub user: Option<AdminUser>,
    pub task: Option<Task>,
    pub account: Option<Account>,
    pub data: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AdminUser {
    pub id: Option<i64>,
    pub email: Option<String>,
    pub name: Option<String>,
    pub is_bot: Option<bool>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Task {
    pub id: Option<i64>,
    pub conversation_id: Option<i64>,
    pub message: Option<Message>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Message {
    pub content: Option<String>,
    pub date: Option<NaiveDate>,
    pub time: Option<NaiveTime>,
    pub author: Option<Author>,
    /// `[Attachment]`, read leniently (see `store::files`): a malformed file never loses the message.
    pub attachments: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Author {
    pub name: Option<String>,
    pub instagram_author: Option<InstagramAuthor>,
    /// The customer's user group, with its custom fields (one of which may hold their number).
    pub group: Option<UserGroup>,
}

/// synchronize.yaml's `UserGroup`: its id and custom fields.
#[derive(Debug, Clone, Deserialize)]
pub struct UserGroup {
    /// custom-field.yaml's `custom_field_user_id`: who the customer is, whatever the channel.
    pub id: Option<i64>,
    #[serde(default)]
    pub custom_fields: Vec<CustomField>,
}

/// One entry of `CustomFields`; its value is read only when it is a phone number.
#[derive(Debug, Clone, Deserialize)]
pub struct CustomField {
    pub field_id: Option<i64>,
    pub field_value: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct InstagramAuthor {
    pub username: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Account {
    pub id: Option<i64>,
    pub name: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
}

impl Action {
    pub fn conversation_id(&self) -> Option<i64> {
        self.task.as_ref()?.conversation_id
    }

    /// When the action happened; Alcméon sends date and time separately, both UTC.
    pub fn occurred_at(&self) -> Option<DateTime<Utc>> {
        Some(self.date?.and_time(self.time?).and_utc())
    }
}

impl Message {
    pub fn written_at(&self) -> Option<DateTime<Utc>> {
        Some(self.date?.and_time(self.time?).and_utc())
    }
}

impl Author {
    /// The number held by the custom field `field_id` (`CustomFieldPhoneFieldValue`:
    /// `country_prefix` and `number`), as written there; `None` when absent or not a phone value.
    pub fn phone_field(&self, field_id: i64) -> Option<String> {
        let field = self
            .group
            .as_ref()?
            .custom_fields
            .iter()
            .find(|field| field.field_id == Some(field_id))?;
        let value = field.field_value.as_ref()?;
        let prefix = value.get("country_prefix")?.as_str()?;
        let number = value.get("number")?.as_str()?;
        Some(format!(
            "+{}{number}",
            prefix.trim().trim_start_matches('+')
        ))
    }

    /// The name to show: the channel's display name, else the Instagram handle.
    pub fn display_name(&self) -> Option<String> {
        let name = self.name.as_deref().filter(|n| !n.is_empty());
        name.map(str::to_owned).or_else(|| {
            Some(format!(
                "@{}",
                self.instagram_author.as_ref()?.username.as_deref()?
            ))
        })
    }
}
