//! A WhatsApp message template as an environment declares it: the one definition the widget's
//! preview and the backend's send both fill (`template_fill.rs`). WhatsApp has no listing API, so
//! the backend reads its templates from configuration and checks them with [`Template::check`].
//!
//! Invariants of a checked template: every `{{label}}` in its body and button URLs names a
//! declared variable, every declared variable appears in the body or a URL, labels are
//! lowercase ASCII letters, digits and `_`, and an optional variable has a non-blank default (it is
//! sent when no value is given: WhatsApp refuses an empty parameter).

use serde::{Deserialize, Serialize};

/// WhatsApp's limit on a template body, filled, in characters.
pub const WHATSAPP_BODY_MAX_CHARS: usize = 1024;
/// WhatsApp's limit on a URL button's address, filled, in characters.
pub const WHATSAPP_URL_MAX_CHARS: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Template {
    /// Alcméon's template id (`template_id` of a send).
    pub id: i64,
    /// The template's name on WhatsApp, e.g. `order_update`.
    pub name: String,
    /// Its language code, e.g. `en`, `fr`.
    pub language: String,
    /// The text, with `{{label}}` placeholders.
    pub body: String,
    #[serde(default)]
    pub url_buttons: Vec<UrlButton>,
    /// Every placeholder label the body and URLs use, once each.
    pub variables: Vec<TemplateVariable>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UrlButton {
    pub label: String,
    /// The address, with `{{label}}` placeholders, e.g. `https://lumio.example/orders/{{order_number}}`.
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TemplateVariable {
    pub label: String,
    /// Whether the agent must give a value; default `true`.
    #[serde(default = "yes")]
    pub required: bool,
    /// What an optional variable is filled with when no value is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
}

fn yes() -> bool {
    true
}

/// Why a declared template cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidTemplate {
    pub name: String,
    pub reason: String,
}

impl std::fmt::Display for InvalidTemplate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "template {:?}: {}", self.name, self.reason)
    }
}

impl std::error::Error for InvalidTemplate {}

/// A piece of a template text: literal text, or a placeholder's label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    Text(&'a str),
    Placeholder(&'a str),
}

/// Splits `text` at its `{{label}}` placeholders; `Err` names a malformed one.
pub(crate) fn pieces(text: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut pieces = vec![];
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        if open > 0 {
            pieces.push(Piece::Text(&rest[..open]));
        }
        let after = &rest[open + 2..];
        let close = after
            .find("}}")
            .ok_or_else(|| format!("an unclosed placeholder in {text:?}"))?;
        let label = &after[..close];
        let valid = !label.is_empty()
            && label
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !valid {
            return Err(format!(
                "{{{{{label}}}}} is not a placeholder: labels are lowercase letters, digits and _"
            ));
        }
        pieces.push(Piece::Placeholder(label));
        rest = &after[close + 2..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    Ok(pieces)
}

impl Template {
    /// A template whose variables are its placeholders in order of first use, all required: how a
    /// listing that declares no variables (RCS, KakaoTalk) is read. Checked.
    pub fn from_placeholders(
        id: i64,
        name: &str,
        language: &str,
        body: String,
        url_buttons: Vec<UrlButton>,
    ) -> Result<Self, InvalidTemplate> {
        let mut labels: Vec<String> = vec![];
        let texts =
            std::iter::once(body.as_str()).chain(url_buttons.iter().map(|b| b.url.as_str()));
        for text in texts {
            let found = pieces(text).map_err(|reason| InvalidTemplate {
                name: name.to_owned(),
                reason,
            })?;
            for piece in found {
                if let Piece::Placeholder(label) = piece
                    && !labels.iter().any(|known| known == label)
                {
                    labels.push(label.to_owned());
                }
            }
        }
        let template = Self {
            id,
            name: name.to_owned(),
            language: language.to_owned(),
            variables: labels
                .into_iter()
                .map(|label| TemplateVariable {
                    label,
                    required: true,
                    default: None,
                })
                .collect(),
            body,
            url_buttons,
        };
        template.check()?;
        Ok(template)
    }

    /// Checks the invariants of the module.
    pub fn check(&self) -> Result<(), InvalidTemplate> {
        let invalid = |reason: String| InvalidTemplate {
            name: self.name.clone(),
            reason,
        };
        let texts = std::iter::once(self.body.as_str())
            .chain(self.url_buttons.iter().map(|b| b.url.as_str()));
        let mut used = std::collections::BTreeSet::new();
        for text in texts {
            for piece in pieces(text).map_err(invalid)? {
                if let Piece::Placeholder(label) = piece {
                    used.insert(label);
                }
            }
        }
        let mut declared = std::collections::BTreeSet::new();
        for variable in &self.variables {
            if !declared.insert(variable.label.as_str()) {
                return Err(invalid(format!(
                    "variable {:?} is declared twice",
                    variable.label
                )));
            }
            let default_blank = variable
                .default
                .as_deref()
                .is_none_or(|d| d.trim().is_empty());
            if !variable.required && default_blank {
                return Err(invalid(format!(
                    "optional variable {:?} has no default",
                    variable.label
                )));
            }
        }
        if let Some(label) = used.difference(&declared).next() {
            return Err(invalid(format!(
                "placeholder {{{{{label}}}}} is not a declared variable"
            )));
        }
        if let Some(label) = declared.difference(&used).next() {
            return Err(invalid(format!(
                "variable {label:?} appears in no placeholder"
            )));
        }
        Ok(())
    }
}
