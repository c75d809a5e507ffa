//! The client of one Salesforce org's REST API, as the connector's sync uses it: authenticated by
//! the OAuth 2.0 JWT bearer flow as the Connected App's integration user, it upserts
//! `alcmeon__Conversation__c` records by External ID through sObject collections, reads a record
//! and runs SOQL queries. `org` holds the settings, `token` the access token, `limits` the API
//! budget Salesforce reports, `error` Salesforce's error shapes, `collections` the upsert's
//! records and outcomes, `client` the calls.
//!
//! # Invariants
//!
//! - One token request at a time per client: concurrent callers wait for the one under way and
//!   share its token. A token is reused until the org's session timeout is near, then replaced
//!   before use; a call refused with 401 `INVALID_SESSION_ID` gets a new token and is retried
//!   once, never more.
//! - An `invalid_grant` answer (grant revoked, user not approved, assertion refused) is
//!   [`SalesforceError::GrantRevoked`]; for [`SalesforceOrg::grant_retry_after`] every call then
//!   fails at once without asking Salesforce again, so a revoked org never loops hot.
//! - Every answer's `Sforce-Limit-Info` updates [`SalesforceClient::api_usage`].
//! - [`SalesforceError::is_retryable`] is true exactly for what may succeed later unchanged: the
//!   daily limit spent, a 5xx, a timeout or a connection that failed.
//! - This module names nothing else of the crate, and only tests start the Salesforce stand-in.

mod client;
mod collections;
mod error;
mod limits;
mod org;
mod token;

pub use client::SalesforceClient;
pub use collections::{
    CONVERSATION_EXTERNAL_ID, CONVERSATION_OBJECT, MAX_COLLECTION_RECORDS, UpsertOutcome,
};
pub use error::{SalesforceError, SalesforceErrorItem};
pub use limits::ApiUsage;
pub use org::SalesforceOrg;
