//! Engagement mode's work against Alcméon and the store: the engagement page of a session's
//! engagement record (`page.rs`, its one block rule `block.rs`), the one-off template send and the
//! re-engagement of a conversation (`send.rs`; the call to Alcméon in `delivery.rs`, its
//! refusals in `failure.rs`), the sender
//! accounts and their templates (`senders.rs`; RCS and KakaoTalk listings mapped in
//! `listed_templates.rs`), and the link from a sent engagement to the
//! conversation the customer's answer opened (`link.rs`).
//!
//! Invariants: whether a send may go is decided here only, by `block::decide`, from consent read
//! through `ConsentReplica::consent` (refreshed when stale); an accepted request is stored before
//! Alcméon is called and calls it at most once per stored send, in a task of its own, so a
//! dropped connection neither stops nor repeats it.

mod block;
mod delivery;
mod failure;
mod link;
mod listed_templates;
mod page;
mod reengagement;
mod send;
mod senders;

use std::sync::Arc;
use std::time::Duration;

use protocol::{AgentEmail, ConsentState, EngagementBlock, Template};

use crate::alcmeon::AlcmeonClient;
use crate::config::OrgEnvironments;
use crate::consent::ConsentReplica;
use crate::store::{Store, StoreError};

pub use link::spawn as spawn_linker;

pub use reengagement::Reengagement;
pub use senders::SenderAccount;

/// The engagement a session token names (its `eng` claim), with the agent asking.
#[derive(Debug, Clone)]
pub struct EngagementTarget {
    pub org: String,
    /// The `alcmeon__Engagement__c` record id.
    pub record_id: String,
    /// The recipient's number as the record holds it.
    pub raw_phone: String,
    /// The sender account id as the record holds it.
    pub raw_sender: String,
    pub customer_name: String,
    pub case_number: String,
    pub agent_name: String,
    pub agent_email: AgentEmail,
    pub may_reply: bool,
}

/// What went wrong with an engagement request, for the HTTP edge to answer.
#[derive(Debug, thiserror::Error)]
pub enum EngagementError {
    #[error("{}", block_message(.0))]
    Blocked(EngagementBlock),
    #[error("template {0} is not one the sender account may send")]
    UnknownTemplate(i64),
    #[error("the template's variables cannot be sent: {0}")]
    BadValues(String),
    #[error("client id {0} was already used for a different send")]
    ClientIdReused(String),
    #[error("conversation {0}: the replica knows no customer number or account for it")]
    UnknownCustomer(i64),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn block_message(block: &EngagementBlock) -> String {
    let reason = match block {
        EngagementBlock::SeveralEnvironments { count } => {
            format!(
                "the org is connected to {count} Alcméon environments; engagement needs exactly one"
            )
        }
        EngagementBlock::RecipientMissing => "the record names no recipient number".into(),
        EngagementBlock::RecipientMalformed => {
            "the recipient is not a phone number in international form".into()
        }
        EngagementBlock::SenderMissing => "the record names no sender account".into(),
        EngagementBlock::SenderUnknown => {
            "the sender is not an Alcméon account this environment sends templates from".into()
        }
        EngagementBlock::NoOptIn => "the recipient is on no opt-in list".into(),
        EngagementBlock::OptedOut { .. } => "the recipient opted out".into(),
        EngagementBlock::ConsentUnknown => "the recipient's consent could not be read".into(),
        EngagementBlock::AlreadySent => "this engagement's message was already sent".into(),
        EngagementBlock::NotPermitted => "this agent is not allowed to reply".into(),
    };
    format!("nothing was sent: {reason}")
}

/// The engagement service every handler shares.
#[derive(Clone)]
pub struct Engagements {
    store: Store,
    client: Arc<AlcmeonClient>,
    consent: ConsentReplica,
    optin_lists: Arc<[i64]>,
    senders: senders::Senders,
    environments: OrgEnvironments,
}

/// The engagement settings the service reads.
#[derive(Debug, Clone)]
pub struct Settings {
    pub whatsapp_templates: Arc<[Template]>,
    pub optin_lists: Arc<[i64]>,
    pub environments: OrgEnvironments,
}

/// How long a request waits for a send still `sending` before answering it as it is.
const SETTLE_WAIT: Duration = Duration::from_secs(25);

impl Engagements {
    pub fn new(
        store: Store,
        client: Arc<AlcmeonClient>,
        consent: ConsentReplica,
        settings: Settings,
    ) -> Self {
        Self {
            senders: senders::Senders::new(
                store.clone(),
                client.clone(),
                settings.whatsapp_templates,
            ),
            store,
            client,
            consent,
            optin_lists: settings.optin_lists,
            environments: settings.environments,
        }
    }

    /// The recipient's consent over every configured opt-in list: an opt-out on any list wins,
    /// else an opt-in on any; `None` when no list is configured or one cannot be read.
    async fn consent_of(&self, phone: &str) -> Option<ConsentState> {
        if self.optin_lists.is_empty() {
            return None;
        }
        let mut states = vec![];
        for &list_id in self.optin_lists.iter() {
            match self.consent.consent(phone, list_id).await {
                Ok(state) => states.push(state),
                Err(error) => {
                    tracing::warn!(%error, "consent could not be read for an engagement");
                    return None;
                }
            }
        }
        let opted_out = states
            .iter()
            .filter_map(|s| match s {
                ConsentState::OptedOut { since_ms } => Some(*since_ms),
                _ => None,
            })
            .max();
        let opted_in = states.iter().find(|s| s.may_send()).copied();
        Some(match (opted_out, opted_in) {
            (Some(since_ms), _) => ConsentState::OptedOut { since_ms },
            (None, Some(opted_in)) => opted_in,
            (None, None) => ConsentState::NoOptIn,
        })
    }
}
