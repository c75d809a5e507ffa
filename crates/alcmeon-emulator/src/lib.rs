//! A local, persistent stand-in for the parts of Alcméon's public REST API that the backend uses,
//! faithful to the published OpenAPI files, carried verbatim in this crate's `openapi/` folder:
//! synchronize.yaml, answer.yaml, oauth.yaml, user.yaml, initiate-conversation-api.yaml,
//! optin-api.yaml, custom-field.yaml, shared-security.yaml.
//!
//! Alcméon endpoints: `GET /actions`, `GET /actions/conversations/{conversation_id}`,
//! `POST /v1/answer/send` (as an active account with a role), `POST /v1/oauth2/token`,
//! `GET /roles`, `GET /teams`, `POST /accounts`, `GET /accounts?is_active=`,
//! `POST /accounts/{account_id}`; opt-in lists (`GET`/`POST /v1/optins`, `GET`/`DELETE
//! /v1/optins/{optin_id}`, `GET`/`POST .../user-optins`, `GET .../user-optins/{id}`,
//! `GET .../user-optouts`, `GET .../user-optouts/{id}`, `POST .../optout`); template sends
//! `POST /v1/whatsapp/send/` (its own limit, 3,000 a minute), `POST /v1/rcs/send/`,
//! `POST /v1/kakaotalk/send/`, and listings `POST /v1/rcs/templates`,
//! `POST /v1/kakaotalk/templates`; user custom fields (`GET /custom-field/users/fields`,
//! `GET /custom-field/users/fields/{custom_field_id}`, `GET`/`PUT
//! /custom-field/users/{custom_field_user_id}`, `GET
//! /custom-field/accounts/{social_media_account_id}/users/{social_media_user_id}`, `POST
//! /custom-field/accounts/{social_media_account_id}/users`); conversation custom fields (`GET`/`PUT
//! /custom-field/conversations/{conversation_id}`); webhook
//! notifications of every new action.
//! Emulator-only controls live under `/_emulator/` (see `routes/control.rs`). Configuration comes
//! from `ALCMEON_EMULATOR_*` variables (see [`Config`]).
//!
//! A fresh emulator holds the demo conversations of a home-goods shop, "Lumio" (details, agent
//! actions and attachments in `seed.rs`):
//!
//! | conversation | channel (`Account.type`) | customer |
//! |---|---|---|
//! | 1001 | `whatsapp` (a PDF and a PNG attached; an assignment) | Amélie Dubois |
//! | 1002 | `facebook` (Messenger; one answer failed, then resent; on hold) | Jonas Weber |
//! | 1003 | `instagram` | ليلى حداد |
//! | 1004 | `twitter` (X; tagged, archived, then the customer wrote again) | Chloé ✈️ Travels |
//! | 1005 | `gmb` (Google reviews, with `rating_value`) | Marco Rossi |
//! | 1006 | `whatsapp`, the customer last wrote 2 days ago (reply window over) | Thomas Moreau |
//! | 1007 | `twitter`, archived after the last message | Nadia K. |
//! | 1008 | `whatsapp`, the reply window closes 30 min after the seeding (`_CLOSING_WINDOW_SECS`) | Léa Fontaine |
//!
//! With `ALCMEON_EMULATOR_BULK_ACTIONS` (and `_BULK_CONVERSATIONS`), a fresh emulator also holds
//! a generated history after the demo data: that many customer messages spread in turn over new
//! conversations from 1009, generated lazily (`alcmeon_data/bulk_history.rs`), so a million
//! actions over 50,000 conversations are seeded in well under a second.
//!
//! For engagements (`seed/engagements.rs`): WhatsApp account 201 ("Lumio WhatsApp"), opt-in
//! list 1501 with Camille Petit `33612345678` opted in (user-optin 1601, no conversation), Amélie
//! Dubois `33611223344` opted in (1602; conversation 1001 is hers and ongoing, so a send is 403),
//! Hugo Bernard `33698765432` opted out (user-optout 1701), Léa Fontaine `33623456789` opted in
//! (1604; conversation 1008, its window closing); Thomas Moreau `33687654321` (conversation 1006)
//! never opted in. The customers of 1001, 1006 and 1008 carry their numbers in custom field 5001.
//! The user custom fields are 5001 "Phone" (type `phone`) and 5002 "Salesforce Contact Id"
//! (`string`, empty for every customer at first). A customer's `author.group.id` (4001 up) is
//! their `custom_field_user_id`; their `social_media_user_id` is their WhatsApp number, or else
//! their author id (`alcmeon_data/custom_fields.rs`). The one conversation custom field is 6001
//! "Salesforce owner" (`string`, empty everywhere at first; the spec lists no endpoint that reads
//! conversation field definitions, so a client is given its id).
//! WhatsApp templates 2001 `order_update`, 2002 `order_update_fr`, 2003
//! `satisfaction_follow_up`; RCS account 401 (templates 2101, 2102) and KakaoTalk account 402
//! (2201, 2202). A customer's answer to a WhatsApp engagement opens a conversation that starts
//! with the template message; an interrupting send writes it into the ongoing conversation
//! (`alcmeon_data/engagements.rs`). With `ALCMEON_EMULATOR_ENGAGEMENT_AUTO_ANSWER_SECS` (the
//! demo), each recipient answers by itself after that delay.
//!
//! Agents are 11 Sophie Laurent, 12 Karim Benali and 13 Emma Schmidt, active accounts with the
//! role Agent; 14 Lucas Martin is an inactive account. Roles are 801 Agent, 802 Moderator,
//! 803 Supervisor; teams 901 Salesforce, 902 VIP. Customer messages are recorded by the bot user
//! 1; accounts created from an email start at 101. Other id ranges start
//! apart so that a mixed-up id shows: accounts 201, tags 601, tag values 701, authors 3001, tasks
//! 50001, messages 70001, attachments 90001, actions 1, webhook notifications 1.
//!
//! # Modules
//!
//! - `alcmeon_data` (with `alcmeon_data/`): the emulated Alcméon data (agents and their user
//!   accounts, conversations, tasks, actions) and the rules that turn events into spec-shaped
//!   actions; plain data, no I/O. `seed` builds the demo data above.
//! - `persistence`: the one `AlcmeonData` behind a lock, saved to the state file soon after each
//!   change (at most every 200 ms) and when the emulator stops.
//! - `emulator`: what handlers and background tasks share (`Emulator`), and the events that record
//!   actions and notify them.
//! - `routes` (with `routes/`): the HTTP surface; `auth` authenticates and rate-limits a call;
//!   `call_log` counts the calls; `error` is the one error body.
//! - Engagements live in `alcmeon_data/` too: `optins`, `templates` (placeholder filling),
//!   `engagements` (sends, answers), `phone` (E.164 rules); their routes are `routes/optins.rs`,
//!   `routes/template_sends.rs`, `routes/template_lists.rs`, `routes/engagement_controls.rs`.
//! - User custom fields: `alcmeon_data/custom_fields.rs` (definitions, values on a customer's
//!   `author.group`) and `alcmeon_data/conversation_fields.rs` (definitions, values by
//!   conversation), routes `routes/custom_fields.rs`.
//! - Background work: `answer_flow` (an accepted answer is recorded, then delivered),
//!   `customer_traffic` (customers write again, and answer engagements, for demos), `webhook`
//!   (signed notifications).
//! - Wire and rules without state: `model` (synchronize.yaml's types), `answer_request`,
//!   `channel_details`, `token`, `rate_limit`, `config`, `paging` (the listings' one page rule);
//!   `outage`, a scripted outage of the send endpoint or of the profile or conversation custom
//!   fields (429, 500 or a hang, for N seconds).
//!
//! # Architecture invariants
//!
//! - The emulator depends on nothing of ours: no workspace crate, only the Rust package registry (its tests use
//!   the workspace's dev-only `module-graph` to check these rules). The backend does not depend on
//!   it either; they meet over HTTP only.
//! - It answers only what the published specs define (`openapi/`: paths, bodies, status codes and
//!   error codes), checked by `tests/api/spec_conformance.rs`. Everything else lives under
//!   `/_emulator/` (`routes/control.rs`), which Alcméon does not have. The one exception is an
//!   outage a test scripts (`outage.rs`): a send then answers 500 or 504 in the spec's error shape,
//!   as any server may when it is down.
//! - Modules form layers without cycles (`tests/api/architecture.rs` checks it). From the bottom:
//!   1. `config`, `error`, `model`, `rate_limit`, `token`, `call_log`, `outage` import no other
//!      module;
//!      `channel_details`, `answer_request`, `webhook` import only those.
//!   2. `alcmeon_data` imports only `model` and `channel_details`; `persistence` and `seed` import
//!      it (never each other).
//!   3. `answer_flow` imports only `answer_request` and `model`: it knows the emulator as an
//!      `AnswerRecorder` trait, which `emulator` implements.
//!   4. `emulator` imports the data, the answer queue, the call log, the rate limiter, the
//!      outage and the notifier; `auth`, `customer_traffic` and `routes` sit on it. Only `lib.rs` wires them
//!      all together.
//!
//!   A module's own files belong to it (`alcmeon_data/*.rs` extend `AlcmeonData`; `routes/*.rs`),
//!   and import one another without cycles too.
//! - `alcmeon_data` does no I/O and never sees HTTP, time or randomness except through arguments
//!   (`now`), so the seed and its tests are deterministic.

mod alcmeon_data;
mod answer_flow;
mod answer_request;
mod auth;
mod call_log;
mod channel_details;
mod config;
mod customer_traffic;
mod emulator;
mod error;
mod model;
mod outage;
mod paging;
mod persistence;
mod rate_limit;
mod routes;
mod seed;
mod token;
mod webhook;

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;

use chrono::{TimeDelta, Utc};
use tokio::task::JoinHandle;

pub use config::{Config, ConfigError};
pub use webhook::{SIGNATURE_HEADER, signature};

use emulator::Emulator;
use persistence::SharedData;
use webhook::{Notifier, WebhookFaults};

/// A started emulator. Dropping it stops the server and its background tasks, and writes the
/// state file up to the last change.
pub struct RunningEmulator {
    addr: SocketAddr,
    server: JoinHandle<io::Result<()>>,
    background: Vec<JoinHandle<()>>,
    data: Arc<SharedData>,
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
        self.background.iter().for_each(JoinHandle::abort);
        self.data.close();
    }
}

/// Loads (or seeds) the data, binds the listener and starts serving in the background.
pub async fn serve(config: Config) -> io::Result<RunningEmulator> {
    let instance_id = config.instance_id.clone();
    let (bulk_actions, bulk_conversations) = (config.bulk_actions, config.bulk_conversations);
    let closing_window = TimeDelta::from_std(config.closing_window).unwrap_or(TimeDelta::zero());
    let data = SharedData::open(config.state_path.clone(), || {
        let now = Utc::now();
        let mut data = seed::demo_data(&instance_id, now, closing_window);
        if bulk_actions > 0 {
            data.add_bulk_history(bulk_actions, bulk_conversations, now);
        }
        data
    })?;
    let mut background = Vec::new();
    let notifier = match &config.webhook_url {
        Some(url) => {
            let (notifier, worker) = Notifier::start(
                url.clone(),
                config.secret.clone(),
                WebhookFaults {
                    drop_percent: config.webhook_drop_percent,
                    duplicate_percent: config.webhook_duplicate_percent,
                },
            );
            background.push(worker);
            notifier
        }
        None => Notifier::disabled(),
    };
    let (answers, accepted) = answer_flow::AnswerQueue::new();
    let customer_every = config.customer_every;
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    let emulator = Emulator::new(config, Arc::clone(&data), notifier, answers);
    background.push(tokio::spawn(answer_flow::run(emulator.clone(), accepted)));
    if let Some(every) = customer_every {
        background.push(tokio::spawn(customer_traffic::run(emulator.clone(), every)));
    }
    let addr = listener.local_addr()?;
    let server = tokio::spawn(async move { axum::serve(listener, routes::router(emulator)).await });
    Ok(RunningEmulator {
        addr,
        server,
        background,
        data,
    })
}
