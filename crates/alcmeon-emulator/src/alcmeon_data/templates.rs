//! Message templates an application sends to start a conversation (initiate-conversation-api.yaml),
//! and how their `{{label}}` placeholders are filled.
//!
//! WhatsApp templates have no listing API (their ids come from Alcméon's UI), so the emulator only
//! holds them; RCS and KakaoTalk templates are listed as the spec's `RCSTemplate` and `KKTTemplate`.
//! Each template belongs to one account; RCS and KakaoTalk accounts are not synchronize.yaml
//! accounts (its `Account.type` has no such channel), so they exist only here.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhatsappTemplate {
    pub id: u64,
    pub account_id: u64,
    pub name: String,
    pub language: String,
    /// With `{{label}}` placeholders, filled from `variables.body`.
    pub body: String,
    pub url_buttons: Vec<UrlButton>,
}

/// A WhatsApp URL button; its `url` may hold placeholders, filled from `variables.buttons`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UrlButton {
    pub label: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RcsTemplate {
    pub id: u64,
    pub account_id: u64,
    pub name: String,
    pub language: String,
    pub title: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub last_modified_at: DateTime<Utc>,
    pub buttons: Vec<RcsButton>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RcsButton {
    /// `url` or `quick-reply`.
    pub kind: String,
    pub label: String,
    pub quick_reply: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KakaoTemplate {
    pub id: u64,
    pub account_id: u64,
    pub name: String,
    pub language: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub last_modified_at: DateTime<Utc>,
    /// `approved`, `rejected` or `in_review`.
    pub status: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Templates {
    pub whatsapp: Vec<WhatsappTemplate>,
    pub rcs: Vec<RcsTemplate>,
    pub kakaotalk: Vec<KakaoTemplate>,
    pub rcs_account_ids: Vec<u64>,
    pub kakaotalk_account_ids: Vec<u64>,
}

/// A placeholder the request gave no value for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingVariable(pub String);

/// Replaces every `{{label}}` in `text` by its value; the first label without a value fails.
/// Values are inserted as they are (a value's own braces are never read as placeholders).
pub fn fill(text: &str, values: &BTreeMap<String, String>) -> Result<String, MissingVariable> {
    let mut filled = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let Some(length) = rest[start + 2..].find("}}") else {
            break;
        };
        let label = rest[start + 2..start + 2 + length].trim();
        let value = values
            .get(label)
            .ok_or_else(|| MissingVariable(label.to_owned()))?;
        filled.push_str(&rest[..start]);
        filled.push_str(value);
        rest = &rest[start + 2 + length + 2..];
    }
    filled.push_str(rest);
    Ok(filled)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn every_placeholder_is_filled_and_values_are_not_read_again() {
        let text = "Hello {{name}}, order {{ order }} ({{name}})";
        let filled = fill(text, &values(&[("name", "{{x}}"), ("order", "A-12")])).unwrap();
        assert_eq!(filled, "Hello {{x}}, order A-12 ({{x}})");
    }

    #[test]
    fn a_placeholder_without_a_value_is_named() {
        let missing = fill("Hi {{name}}, {{order}}", &values(&[("name", "Jo")])).unwrap_err();
        assert_eq!(missing, MissingVariable("order".to_owned()));
    }
}
