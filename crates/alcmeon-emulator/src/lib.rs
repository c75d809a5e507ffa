//! A local, persistent stand-in for the parts of Alcméon's public REST API that the backend uses,
//! faithful to the published OpenAPI files, carried verbatim in this crate's `openapi/` folder:
//! synchronize.yaml, answer.yaml, oauth.yaml, user.yaml, shared-security.yaml.
//!
//! Alcméon endpoints: `GET /actions`, `GET /actions/conversations/{conversation_id}`,
//! `POST /v1/answer/send` (as an active account with a role), `POST /v1/oauth2/token`,
//! `GET /roles`, `GET /teams`, `POST /accounts`, `GET /accounts?is_active=`,
//! `POST /accounts/{account_id}`; webhook notifications of every new action.
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
//!
//! Agents are 11 Sophie Laurent, 12 Karim Benali and 13 Emma Schmidt, active accounts with the
//! role Agent; 14 Lucas Martin is an inactive account. Roles are 801 Agent, 802 Moderator,
//! 803 Supervisor; teams 901 Salesforce, 902 VIP. Customer messages are recorded by the bot user
//! 1; accounts created from an email start at 101. Other id ranges start
//! apart so that a mixed-up id shows: accounts 201, tags 601, tag values 701, authors 3001, tasks
//! 50001, messages 70001, attachments 90001, actions 1, webhook notifications 1.

mod answer_flow;
mod answer_request;
mod app_state;
mod auth;
mod call_log;
mod channel_details;
mod config;
mod customer_traffic;
mod error;
mod model;
mod rate_limit;
mod routes;
mod seed;
mod state;
mod store;
mod token;
mod webhook;

use std::io;
use std::net::SocketAddr;

use chrono::Utc;
use tokio::task::JoinHandle;

pub use config::{Config, ConfigError};
pub use webhook::{SIGNATURE_HEADER, signature};

use app_state::AppState;
use store::Store;
use webhook::Notifier;

/// A started emulator. Dropping it stops the server and its background tasks.
pub struct RunningEmulator {
    addr: SocketAddr,
    server: JoinHandle<io::Result<()>>,
    background: Vec<JoinHandle<()>>,
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
    }
}

/// Loads (or seeds) the state, binds the listener and starts serving in the background.
pub async fn serve(config: Config) -> io::Result<RunningEmulator> {
    let instance_id = config.instance_id.clone();
    let store = Store::open(config.state_path.clone(), || {
        seed::demo_state(&instance_id, Utc::now())
    })?;
    let mut background = Vec::new();
    let notifier = match &config.webhook_url {
        Some(url) => {
            let (notifier, worker) = Notifier::start(
                url.clone(),
                config.secret.clone(),
                config.webhook_drop_percent,
            );
            background.push(worker);
            notifier
        }
        None => Notifier::disabled(),
    };
    let (answers, accepted) = answer_flow::AnswerQueue::new();
    let customer_every = config.customer_every;
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    let app = AppState::new(config, store, notifier, answers);
    background.push(tokio::spawn(answer_flow::run(app.clone(), accepted)));
    if let Some(every) = customer_every {
        background.push(tokio::spawn(customer_traffic::run(app.clone(), every)));
    }
    let addr = listener.local_addr()?;
    let server = tokio::spawn(async move { axum::serve(listener, routes::router(app)).await });
    Ok(RunningEmulator {
        addr,
        server,
        background,
    })
}
