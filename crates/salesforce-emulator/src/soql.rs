//! The SOQL subset the emulator answers, parsed by hand (no crate parses SOQL):
//!
//! ```text
//! SELECT field [, field]* FROM Object
//!   [WHERE condition] [ORDER BY field [ASC|DESC]] [LIMIT n]
//! condition  := term [AND term]* | term [OR term]*     (mixing needs parentheses, as in SOQL)
//! term       := '(' condition ')' | field ('=' | '!=' | LIKE) literal | field [NOT] IN (literal, ...)
//! literal    := 'text' (backslash escapes) | null | true | false
//! ```
//!
//! Keywords are case-insensitive; text comparisons and `LIKE` (`%` any run, `_` one character)
//! ignore case, as SOQL's do; ids compare on their 15-character form. Nulls sort first ascending,
//! last descending. Anything else (relationship fields, functions, `OFFSET`, dates, numbers
//! other than `LIMIT`'s) is a [`QueryError::Malformed`] or, for an unknown field or object, its
//! own error.

mod eval;
mod parse;

pub use eval::run;
pub use parse::parse;

/// A parsed query, its names not yet checked against the schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub fields: Vec<String>,
    pub object: String,
    pub filter: Option<Condition>,
    pub order_by: Option<Order>,
    pub limit: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    pub field: String,
    pub descending: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    Compare {
        field: String,
        op: Op,
        value: Literal,
    },
    In {
        field: String,
        values: Vec<Literal>,
        negated: bool,
    },
    All(Vec<Condition>),
    Any(Vec<Condition>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Equals,
    NotEquals,
    Like,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Literal {
    Text(String),
    Bool(bool),
    Null,
}

/// Why a query is refused, each with Salesforce's error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// `MALFORMED_QUERY`: outside the subset's grammar.
    Malformed(String),
    /// `INVALID_TYPE`: no such object.
    UnknownObject(String),
    /// `INVALID_FIELD`: no such field on the object.
    UnknownField { object: String, field: String },
}

impl QueryError {
    pub fn code(&self) -> &'static str {
        match self {
            QueryError::Malformed(_) => "MALFORMED_QUERY",
            QueryError::UnknownObject(_) => "INVALID_TYPE",
            QueryError::UnknownField { .. } => "INVALID_FIELD",
        }
    }

    pub fn message(&self) -> String {
        match self {
            QueryError::Malformed(problem) => problem.clone(),
            QueryError::UnknownObject(object) => format!(
                "sObject type '{object}' is not supported. If you are attempting to use a custom \
                 object, be sure to append the '__c' after the entity name."
            ),
            QueryError::UnknownField { object, field } => format!(
                "No such column '{field}' on entity '{object}'. If you are attempting to use a \
                 custom field, be sure to append the '__c' after the custom field name."
            ),
        }
    }
}
