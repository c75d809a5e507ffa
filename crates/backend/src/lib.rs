//! The widget's backend. It serves the widget API under `/v1/` from a replica of Alcméon's
//! actions (messages, agents' actions, attached files, each conversation's status and reply
//! window), takes Alcméon's signed webhooks, fills gaps in them with `GET /actions`, sends the
//! agents' replies as each agent's own Alcméon account, provisioned on their first reply
//! (idempotently, through one rate-limit governor shared by every Alcméon call,
//! again at start-up if Alcméon never accepted them), streams thread changes as Server-Sent
//! Events, gives the widget its agent's time zone rules, verifies the session tokens Salesforce
//! mints for each agent, and can serve the widget itself in a frame (`/embed/`) for pages that
//! cannot run WebAssembly. It never renders HTML
//! and knows Alcméon only by a base URL and credentials.

pub mod alcmeon;
mod config;
mod event_pruning;
mod http;
mod outbox;
mod provisioning;
mod startup;
pub mod store;
mod sync;
pub mod telemetry;
mod time_zones;

pub use config::{AccountMapping, Config, ConfigError, OrgSecret};
pub use http::{Agent, Claims, Permissions, SessionVerifier};
pub use startup::{RunningServer, start};
