//! A local, persistent stand-in for the parts of Salesforce's REST API a connector backend uses,
//! answering as Salesforce documents them (REST API Developer Guide; OAuth 2.0 JWT Bearer Flow),
//! for one org.
//!
//! Salesforce endpoints (any API version `vNN.0` in place of `v62.0`):
//! - `POST /services/oauth2/token`, the JWT bearer flow (`jwt_bearer.rs`, `routes/oauth.rs`);
//! - `POST /services/data/v62.0/sobjects/{Object}`, `GET`/`PATCH`/`DELETE
//!   .../sobjects/{Object}/{Id}` (`GET` takes `?fields=`), `GET` and `PATCH` (upsert)
//!   `.../sobjects/{Object}/{ExternalIdField}/{value}` (`routes/sobjects.rs`);
//! - `GET .../query?q=`, a SOQL subset (`soql.rs`), in batches of 2,000 records (or the
//!   `Sforce-Query-Options: batchSize=n` asked, 200 to 2,000), each batch but the last naming the
//!   next in `nextRecordsUrl` (`GET .../query/{locator}-{offset}`, `query_cursors.rs`);
//! - `POST .../composite/sobjects` and `PATCH .../composite/sobjects/{Object}/{ExternalIdField}`,
//!   sObject collections of up to 200 records with `allOrNone` (`routes/composite.rs`).
//!
//! Every REST API answer carries `Sforce-Limit-Info: api-usage=N/M`, the org's calls today out of
//! its daily budget; past it, 403 `REQUEST_LIMIT_EXCEEDED`. Errors have Salesforce's shape,
//! `[{"message", "errorCode", "fields"}]` (`error.rs`); a missing, expired or revoked token is 401
//! `INVALID_SESSION_ID` (`routes/guard.rs`). Emulator-only controls live under `/_emulator/`
//! (`routes/control.rs`): revoke or restore a user's grant, script an outage (503), read or set
//! the API usage, list an object's records. Configuration comes from `SALESFORCE_EMULATOR_*`
//! variables (see [`Config`]).
//!
//! Objects (`schema.rs`): `alcmeon__Conversation__c` (the Alcméon package's conversation, key
//! prefix `a0A`, External ID `alcmeon__scoped_id__c`, lookups to Contact, Account and Case),
//! `Contact` (`003`), `Account` (`001`; created with `LastName` it is a PersonAccount with a
//! hidden Contact) and `Case` (`500`). Ids are 18 characters, Salesforce-style. A fresh org holds
//! the demo Contacts of `seed.rs` (the Alcméon emulator's demo customers) and no other record.
//!
//! # Modules
//!
//! - Rules without state: `config`, `error` (the error shapes), `ids` (record ids), `schema`
//!   (objects and fields), `outage`, `query_cursors`, `jwt_bearer` (the assertion check), `soql`
//!   (with `soql/`: `parse`, `eval`).
//! - `org_data` (with `org_data/`): the org's records, grants, sessions and API usage, and the
//!   rules of every write (`writes`: field checks, upserts, collections; `person_accounts`;
//!   `sessions`; `usage`); plain data, no I/O. `seed` builds a fresh org; `persistence` keeps the
//!   one `OrgData` behind a lock and saves it after each change.
//! - `emulator`: what handlers share; `routes` (with `routes/`): the HTTP surface.
//!
//! # Invariants
//!
//! - The emulator depends on nothing of ours (only the Rust package registry; its tests use the
//!   workspace's dev-only `module-graph` to check these rules); the backend does not depend on it
//!   either; they meet over HTTP only.
//! - Everything not Salesforce's lives under `/_emulator/`.
//! - Modules form layers without cycles (`tests/api/architecture.rs` checks it). From the bottom:
//!   1. `config`, `error`, `ids`, `schema`, `outage`, `query_cursors` import no other module; `jwt_bearer` imports
//!      only `error`;
//!   2. `org_data` imports only `error`, `ids` and `schema`;
//!   3. `persistence`, `seed` and `soql` sit on it (never on each other);
//!   4. `emulator` holds the shared parts; `routes` sits on everything. Only `lib.rs` wires them.
//! - `org_data` does no I/O and never sees HTTP, time or randomness except through arguments
//!   (`now`, the access token), so its rules are deterministic.
//! - State persists across restarts when `SALESFORCE_EMULATOR_DATA` names a file (records,
//!   grants, access tokens, the day's API usage as of the last write); an outage and query cursors
//!   do not.
//!
//! Not emulated: refresh tokens and other OAuth flows, query cursors' 15-minute idle expiry,
//! relationship queries, describe calls, other composite resources, field
//! history, triggers (no Case is created for a conversation).

mod config;
mod emulator;
mod error;
mod ids;
mod jwt_bearer;
mod org_data;
mod outage;
mod persistence;
mod query_cursors;
mod routes;
mod schema;
mod seed;
mod soql;

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;

use chrono::Utc;
use jsonwebtoken::DecodingKey;
use tokio::task::JoinHandle;

pub use config::{Config, ConfigError};
pub use seed::DEMO_CONTACTS;

use emulator::Emulator;
use jwt_bearer::ConnectedApp;
use persistence::SharedData;

/// A started emulator. Dropping it stops the server.
pub struct RunningEmulator {
    addr: SocketAddr,
    server: JoinHandle<io::Result<()>>,
}

impl RunningEmulator {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://<addr>`, without a trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Runs until the server fails.
    pub async fn wait(mut self) -> io::Result<()> {
        match (&mut self.server).await {
            Ok(result) => result,
            Err(join_error) => Err(io::Error::other(join_error)),
        }
    }
}

impl Drop for RunningEmulator {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// Loads (or seeds) the org, binds the listener and starts serving in the background.
pub async fn serve(config: Config) -> io::Result<RunningEmulator> {
    let key = match &config.certificate_pem {
        Some(pem) => Some(DecodingKey::from_rsa_pem(pem).map_err(|error| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("SALESFORCE_EMULATOR_CERTIFICATE: {error}"),
            )
        })?),
        None => None,
    };
    let usernames = config.usernames.clone();
    let data = SharedData::open(config.state_path.clone(), || {
        seed::demo_data(&usernames, Utc::now())
    })?;
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    let addr = listener.local_addr()?;
    let instance_url = config
        .instance_url
        .clone()
        .unwrap_or_else(|| format!("http://{addr}"));
    let emulator = Emulator {
        app: Arc::new(ConnectedApp {
            consumer_key: config.consumer_key.clone(),
            key,
            login_url: config.login_url.clone(),
        }),
        config: Arc::new(config),
        data: Arc::new(data),
        outage: Arc::default(),
        token_requests: Arc::default(),
        query_cursors: Arc::default(),
        instance_url: instance_url.into(),
    };
    let server = tokio::spawn(async move { axum::serve(listener, routes::router(emulator)).await });
    Ok(RunningEmulator { addr, server })
}
