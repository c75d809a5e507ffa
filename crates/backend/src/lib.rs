//! The widget's backend. It serves the widget API under `/v1/` from a replica of Alcméon's
//! actions (messages, agents' actions, attached files, each conversation's status and reply
//! window), takes Alcméon's signed webhooks, fills gaps in them with `GET /actions` (a new replica
//! starting at the newest action, not action 0), fetches a conversation it does not hold whole in
//! one call when a widget opens it, sends the
//! agents' replies as each agent's own Alcméon account, provisioned on their first reply
//! (idempotently, through one rate-limit governor shared by every Alcméon call,
//! again at start-up if Alcméon never accepted them), streams thread changes as Server-Sent
//! Events, gives the widget its agent's time zone rules, verifies the session tokens Salesforce
//! mints for each agent, and can serve the widget itself in a frame (`/embed/`) for pages that
//! cannot run WebAssembly. It never renders HTML
//! and knows Alcméon only by a base URL and credentials.
//!
//! # Architecture invariants
//!
//! Each top-level module names (`use crate::…`) only the modules below it in this list, so there
//! is no import circle; `architecture_tests.rs` checks this on the source.
//!
//! - `alcmeon`, `config`, `time_zones`, `telemetry`, `salesforce`: name nothing of the crate.
//!   `alcmeon` is the only code that calls Alcméon, always through its one rate-limit governor;
//!   `salesforce` the only code that calls Salesforce.
//! - `store` (may name `alcmeon`, for its action model only): all the SQL, and only there; rows
//!   are read into typed structs; a reply's state changes only by `store::ReplyState`'s
//!   transitions. It never calls Alcméon and knows nothing of HTTP.
//! - `consent` (`alcmeon`, `store`): the consent replica of Alcméon's opt-in lists kept fresh.
//! - `engagement` (`alcmeon`, `config`, `consent`, `store`): engagement mode's pages, template
//!   sends and links to the conversations they open.
//! - `provisioning` (`alcmeon`, `config`, `store`), `outbox` (`alcmeon`, `provisioning`, `store`),
//!   `sync` (`alcmeon`, `config`, `store`), `event_pruning` (`store`): the work done against Alcméon and
//!   the store, never SQL of their own.
//! - `matching` (`alcmeon`, `config`, `store`, `telemetry`): writes customers' matched Salesforce
//!   Contacts to Alcméon's user custom field, retried, never SQL of its own.
//! - `records` (`config`, `salesforce`, `store`, `telemetry`): the record sync, Alcméon
//!   conversations upserted as `alcmeon__Conversation__c` records in each org that has Salesforce
//!   settings; never SQL of its own, never Alcméon.
//! - `http` (any of the above but `consent`, `event_pruning`, `matching` and `records`): the edge.
//!   It turns requests into typed, already-valid values (`protocol::AgentEmail` from the session,
//!   `protocol::ClientId` from a body or path) and every failure into the one `protocol::ApiError` shape; it never writes SQL
//!   and never calls Alcméon. Its widget routes and their OpenAPI description are built together.
//! - `startup`: wires everything; nothing names it.
//!
//! The backend never renders HTML (`/embed/` serves fixed files), never depends on the Alcméon
//! or Salesforce emulators (test-only dependencies), and reads nothing outside the repository.

pub mod alcmeon;
#[cfg(test)]
mod architecture_tests;
mod config;
mod consent;
mod engagement;
mod event_pruning;
mod http;
mod matching;
mod outbox;
mod provisioning;
mod records;
pub mod salesforce;
mod startup;
pub mod store;
mod sync;
pub mod telemetry;
mod time_zones;

pub use config::{
    AccountMapping, Config, ConfigError, EngagementConfig, OrgEnvironments, OrgSecret,
    ReplicaStart, SalesforceSettings, SalesforceSync, read_whatsapp_templates,
};
pub use consent::{ConsentError, ConsentReplica};
pub use http::{Agent, Claims, Permissions, SessionVerifier};
pub use startup::{RunningServer, start};
