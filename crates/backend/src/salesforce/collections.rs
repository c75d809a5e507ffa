//! Upserts through sObject collections: `PATCH
//! /services/data/vNN.0/composite/sobjects/{Object}/{ExternalIdField}` with `{"allOrNone": false,
//! "records": [...]}`, at most 200 records a call, each naming its object in `attributes.type`.
//! Salesforce answers one result per record, in order: `{id, success: true, created}` or
//! `{success: false, errors: [{statusCode, message, fields}]}`.

use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::error::{SalesforceError, SalesforceErrorItem};

/// The Alcméon package's conversation object, and the External ID the sync upserts it by.
pub const CONVERSATION_OBJECT: &str = "alcmeon__Conversation__c";
pub const CONVERSATION_EXTERNAL_ID: &str = "alcmeon__scoped_id__c";

/// Salesforce's cap on the records of one collection call.
pub const MAX_COLLECTION_RECORDS: usize = 200;

/// What became of one record of an upsert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpsertOutcome {
    Created {
        id: String,
    },
    Updated {
        id: String,
    },
    /// Salesforce refused this record only; the others of its call are written.
    Failed {
        errors: Vec<SalesforceErrorItem>,
    },
}

#[derive(Deserialize)]
struct RecordResult {
    id: Option<String>,
    success: bool,
    #[serde(default)]
    created: bool,
    #[serde(default)]
    errors: Vec<SalesforceErrorItem>,
}

/// The body of one collection call: the records, each told its object.
pub(super) fn request_body(object: &str, records: &[Map<String, Value>]) -> Value {
    let records: Vec<Value> = records
        .iter()
        .map(|record| {
            let mut record = record.clone();
            record.insert("attributes".to_owned(), json!({"type": object}));
            Value::Object(record)
        })
        .collect();
    json!({"allOrNone": false, "records": records})
}

/// Salesforce's results of a call of `sent` records, in order.
pub(super) fn outcomes(body: &str, sent: usize) -> Result<Vec<UpsertOutcome>, SalesforceError> {
    let results: Vec<RecordResult> = serde_json::from_str(body)
        .map_err(|error| SalesforceError::Unreadable(format!("collection results: {error}")))?;
    if results.len() != sent {
        return Err(SalesforceError::Unreadable(format!(
            "{} results for {sent} records",
            results.len()
        )));
    }
    Ok(results.into_iter().map(outcome).collect())
}

fn outcome(result: RecordResult) -> UpsertOutcome {
    match (result.success, result.id) {
        (true, Some(id)) if result.created => UpsertOutcome::Created { id },
        (true, Some(id)) => UpsertOutcome::Updated { id },
        _ => UpsertOutcome::Failed {
            errors: result.errors,
        },
    }
}
