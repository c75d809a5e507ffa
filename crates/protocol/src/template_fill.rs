//! Filling a [`Template`]: the exact text and button addresses the customer will receive, or every
//! reason WhatsApp would refuse the values. Pure, so the widget's preview and the backend's send
//! give the same answer.
//!
//! Invariants: a filled template holds no placeholder; a body value is neither blank nor holds a
//! line break, a tab or more than 4 consecutive spaces (WhatsApp refuses those parameters); a URL
//! value holds only URL-unreserved characters (`A-Z a-z 0-9 - . _ ~`), so it cannot change the
//! address's path or host; the filled body stays within [`WHATSAPP_BODY_MAX_CHARS`] and each
//! address within [`WHATSAPP_URL_MAX_CHARS`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::template::{Piece, Template, WHATSAPP_BODY_MAX_CHARS, WHATSAPP_URL_MAX_CHARS, pieces};

/// What the customer receives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FilledTemplate {
    pub body: String,
    pub buttons: Vec<FilledButton>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FilledButton {
    pub label: String,
    pub url: String,
}

/// Why one variable's value cannot be sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VariableProblem {
    pub variable: String,
    pub reason: ProblemReason,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProblemReason {
    /// A required variable was given no value.
    Missing,
    /// The value is empty or only whitespace.
    Blank,
    /// The value makes the body or an address longer than WhatsApp allows: at most `max_chars`
    /// characters fit for this variable, the others being as given.
    TooLong { max_chars: usize },
    /// A body value holds a line break or a tab.
    LineBreak,
    /// A body value holds more than 4 consecutive spaces.
    TooManySpaces,
    /// A URL value holds a character other than `A-Z a-z 0-9 - . _ ~`.
    NotUrlSafe,
    /// The template has no variable by that name.
    Unknown,
}

impl ProblemReason {
    /// The Fluent message id of the reason the widget shows under the variable's field.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::Missing => "variable-missing",
            Self::Blank => "variable-blank",
            Self::TooLong { .. } => "variable-too-long",
            Self::LineBreak => "variable-line-break",
            Self::TooManySpaces => "variable-too-many-spaces",
            Self::NotUrlSafe => "variable-not-url-safe",
            Self::Unknown => "variable-unknown",
        }
    }
}

/// Fills `template` (checked, see [`Template::check`]) with `values` by variable label.
pub fn fill(
    template: &Template,
    values: &BTreeMap<String, String>,
) -> Result<FilledTemplate, Vec<VariableProblem>> {
    let mut problems = vec![];
    let mut problem = |variable: &str, reason| {
        problems.push(VariableProblem {
            variable: variable.to_owned(),
            reason,
        })
    };
    for label in values.keys() {
        if !template.variables.iter().any(|v| &v.label == label) {
            problem(label, ProblemReason::Unknown);
        }
    }
    let mut chosen = BTreeMap::new();
    for variable in &template.variables {
        let value = values.get(&variable.label).or(variable.default.as_ref());
        match value {
            None if variable.required => problem(&variable.label, ProblemReason::Missing),
            None => {}
            Some(value) if value.trim().is_empty() => {
                problem(&variable.label, ProblemReason::Blank)
            }
            Some(value) => {
                chosen.insert(variable.label.as_str(), value.as_str());
            }
        }
    }
    let body = pieces(&template.body).unwrap_or_default();
    for label in labels(&body) {
        let Some(value) = chosen.get(label) else {
            continue;
        };
        if value.contains(['\n', '\r', '\t']) {
            problem(label, ProblemReason::LineBreak);
        } else if value.contains("     ") {
            problem(label, ProblemReason::TooManySpaces);
        }
    }
    let urls: Vec<_> = template
        .url_buttons
        .iter()
        .map(|b| pieces(&b.url).unwrap_or_default())
        .collect();
    for label in urls.iter().flat_map(|url| labels(url)) {
        let url_safe = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~');
        if chosen
            .get(label)
            .is_some_and(|value| !value.chars().all(url_safe))
        {
            problem(label, ProblemReason::NotUrlSafe);
        }
    }
    if !problems.is_empty() {
        return Err(dedup(problems));
    }
    let filled_body = substitute(&body, &chosen);
    problems.extend(too_long(&body, &chosen, WHATSAPP_BODY_MAX_CHARS));
    let mut buttons = vec![];
    for (button, url) in template.url_buttons.iter().zip(&urls) {
        problems.extend(too_long(url, &chosen, WHATSAPP_URL_MAX_CHARS));
        buttons.push(FilledButton {
            label: button.label.clone(),
            url: substitute(url, &chosen),
        });
    }
    if problems.is_empty() {
        Ok(FilledTemplate {
            body: filled_body,
            buttons,
        })
    } else {
        Err(dedup(problems))
    }
}

fn labels<'a>(pieces: &'a [Piece<'a>]) -> impl Iterator<Item = &'a str> {
    pieces.iter().filter_map(|piece| match piece {
        Piece::Placeholder(label) => Some(*label),
        Piece::Text(_) => None,
    })
}

fn substitute(pieces: &[Piece<'_>], values: &BTreeMap<&str, &str>) -> String {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => text,
            Piece::Placeholder(label) => values.get(label).copied().unwrap_or_default(),
        })
        .collect()
}

/// When the filled text is over `max` characters: the longest variable in it, and how long it may
/// be with the others as given.
fn too_long(
    pieces: &[Piece<'_>],
    values: &BTreeMap<&str, &str>,
    max: usize,
) -> Option<VariableProblem> {
    let length = substitute(pieces, values).chars().count();
    let excess = length.checked_sub(max).filter(|&excess| excess > 0)?;
    let chars = |label: &str| values.get(label).map_or(0, |value| value.chars().count());
    let longest = labels(pieces).max_by_key(|label| chars(label))?;
    let occurrences = labels(pieces).filter(|label| label == &longest).count();
    let own = chars(longest);
    Some(VariableProblem {
        variable: longest.to_owned(),
        reason: ProblemReason::TooLong {
            max_chars: own.saturating_sub(excess.div_ceil(occurrences)),
        },
    })
}

fn dedup(mut problems: Vec<VariableProblem>) -> Vec<VariableProblem> {
    let mut seen = vec![];
    problems.retain(|p| {
        let new = !seen.contains(p);
        seen.push(p.clone());
        new
    });
    problems
}
