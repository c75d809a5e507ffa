//! Running a [`Query`] over an org's records: names checked against the schema, then filter,
//! order, limit and the selected fields.

use std::cmp::Ordering;

use serde_json::Value;

use super::{Condition, Literal, Op, Query, QueryError};
use crate::ids;
use crate::org_data::{OrgData, Record};
use crate::schema::{self, Field, Kind, Object};

/// A matching record: its id, and the selected fields (spelled as the schema spells them).
pub struct Row {
    pub id: String,
    pub fields: Record,
}

/// The query's object and its matching records.
pub fn run(query: &Query, data: &OrgData) -> Result<(&'static Object, Vec<Row>), QueryError> {
    let object = schema::object(&query.object)
        .ok_or_else(|| QueryError::UnknownObject(query.object.clone()))?;
    let field = |name: &str| {
        object.field(name).ok_or_else(|| QueryError::UnknownField {
            object: object.name.to_owned(),
            field: name.to_owned(),
        })
    };
    let selected: Vec<&Field> = query
        .fields
        .iter()
        .map(|name| field(name))
        .collect::<Result<_, _>>()?;
    if let Some(filter) = &query.filter {
        check_names(filter, &field)?;
    }
    let order = query
        .order_by
        .as_ref()
        .map(|order| field(&order.field).map(|f| (f, order.descending)))
        .transpose()?;

    let mut matching: Vec<&Record> = data
        .records(object)
        .filter(|record| {
            query
                .filter
                .as_ref()
                .is_none_or(|filter| holds(filter, object, record))
        })
        .collect();
    if let Some((field, descending)) = order {
        matching.sort_by(|a, b| {
            let ordering = compare(field, a.get(field.name), b.get(field.name));
            if descending {
                ordering.reverse()
            } else {
                ordering
            }
        });
    }
    let records = matching
        .into_iter()
        .take(query.limit.unwrap_or(usize::MAX))
        .map(|record| {
            let id = record.get("Id").and_then(Value::as_str).unwrap_or_default();
            let fields = selected
                .iter()
                .map(|field| {
                    let value = record.get(field.name).cloned().unwrap_or(Value::Null);
                    (field.name.to_owned(), value)
                })
                .collect();
            Row {
                id: id.to_owned(),
                fields,
            }
        })
        .collect();
    Ok((object, records))
}

fn check_names(
    condition: &Condition,
    field: &impl Fn(&str) -> Result<&'static Field, QueryError>,
) -> Result<(), QueryError> {
    match condition {
        Condition::Compare { field: name, .. } | Condition::In { field: name, .. } => {
            field(name).map(|_| ())
        }
        Condition::All(terms) | Condition::Any(terms) => {
            terms.iter().try_for_each(|term| check_names(term, field))
        }
    }
}

fn holds(condition: &Condition, object: &Object, record: &Record) -> bool {
    let value_of = |name: &str| {
        let field = object.field(name)?;
        record
            .get(field.name)
            .filter(|value| !value.is_null())
            .map(|value| (field, value))
    };
    match condition {
        Condition::All(terms) => terms.iter().all(|term| holds(term, object, record)),
        Condition::Any(terms) => terms.iter().any(|term| holds(term, object, record)),
        Condition::In {
            field,
            values,
            negated,
        } => {
            let found = values
                .iter()
                .any(|literal| equals(value_of(field), literal));
            found != *negated
        }
        Condition::Compare { field, op, value } => match op {
            Op::Equals => equals(value_of(field), value),
            Op::NotEquals => !equals(value_of(field), value),
            Op::Like => match (value_of(field), value) {
                (Some((_, Value::String(text))), Literal::Text(pattern)) => like(text, pattern),
                _ => false,
            },
        },
    }
}

fn equals(stored: Option<(&Field, &Value)>, literal: &Literal) -> bool {
    match (stored, literal) {
        (None, Literal::Null) => true,
        (Some((_, Value::Bool(stored))), Literal::Bool(wanted)) => stored == wanted,
        (Some((field, Value::String(stored))), Literal::Text(wanted)) => {
            let wanted = wanted.replace("\\%", "%").replace("\\_", "_");
            if is_id(field) {
                ids::canonical(stored) == ids::canonical(&wanted)
            } else {
                stored.to_lowercase() == wanted.to_lowercase()
            }
        }
        _ => false,
    }
}

fn is_id(field: &Field) -> bool {
    field.name == "Id" || matches!(field.kind, Kind::Lookup(_))
}

/// SOQL's LIKE: `%` any run of characters, `_` exactly one, `\%` and `\_` themselves; case
/// ignored.
fn like(text: &str, pattern: &str) -> bool {
    enum Piece {
        Any,
        One,
        Char(char),
    }
    let mut pieces = Vec::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        pieces.push(match c {
            '%' => Piece::Any,
            '_' => Piece::One,
            '\\' => Piece::Char(chars.next().unwrap_or('\\')),
            c => Piece::Char(c),
        });
    }
    let text: Vec<char> = text.to_lowercase().chars().collect();
    // matches[i][j]: the first i pieces match the first j characters.
    let mut matches = vec![vec![false; text.len() + 1]; pieces.len() + 1];
    matches[0][0] = true;
    for (i, piece) in pieces.iter().enumerate() {
        for j in 0..=text.len() {
            matches[i + 1][j] = match piece {
                Piece::Any => matches[i][j] || (j > 0 && matches[i + 1][j - 1]),
                Piece::One => j > 0 && matches[i][j - 1],
                Piece::Char(c) => {
                    j > 0
                        && matches[i][j - 1]
                        && c.to_lowercase().eq(text[j - 1..j].iter().copied())
                }
            };
        }
    }
    matches[pieces.len()][text.len()]
}

/// Nulls first, then ids as issued (case matters in an id), other text ignoring case, false
/// before true.
fn compare(field: &Field, a: Option<&Value>, b: Option<&Value>) -> Ordering {
    let key = |value: Option<&Value>| match value {
        None | Some(Value::Null) => (0, String::new()),
        Some(Value::Bool(flag)) => (1, flag.to_string()),
        Some(Value::String(id)) if is_id(field) => (1, id.clone()),
        Some(Value::String(text)) => (1, text.to_lowercase()),
        Some(other) => (1, other.to_string()),
    };
    key(a).cmp(&key(b))
}

#[cfg(test)]
mod tests {
    use super::like;

    #[test]
    fn like_follows_soql_wildcards_and_ignores_case() {
        assert!(like("Amélie Dubois", "%dubois"));
        assert!(like("Amélie Dubois", "am_lie%"));
        assert!(!like("Amélie Dubois", "amelie%"));
        assert!(like("50% off", "50\\%%"));
        assert!(!like("500 off", "50\\%%"));
        assert!(like("", "%"));
    }
}
