//! Matches and owners back to Alcméon: each customer linked to a Salesforce Contact (from the
//! widget or from the org's trigger, `store::customers`) is written to Alcméon's user custom field
//! "Salesforce Contact Id" on the customer's profile (`PUT /custom-field/users/{customer_id}`), so
//! Alcméon's inbox sees the match; and each owner a Salesforce org handed a conversation back from
//! is written to Alcméon's conversation custom field (`owners.rs`), by the same writer.
//!
//! Invariants:
//! - A link is marked written (`Store::note_link_written`) only after Alcméon took its Contact, and
//!   only while that Contact is still the link's: a link changed meanwhile is written again (an
//!   owner alike, `Store::note_owner_written`).
//! - Nothing is lost: a write Alcméon could not take (a 429, a 5xx, a timeout, no connection) stays
//!   unwritten in the store and is tried again after a back-off (`write_back.rs`); across a
//!   restart the store still holds it.
//! - Nothing is retried hot: a profile Alcméon does not know (404) or a write it refuses (another
//!   4xx) is logged and left alone for [`write_back::REFUSED_PAUSE`], in memory only.
//! - The writer sleeps until woken ([`LinkWrites::wake`], after a link or an owner is stored) or
//!   until the next retry or [`write_back::POLL_INTERVAL`] (stored by another instance): no busy
//!   loop.
//!
//! The Contact field is found once by its label ([`contact_field::LABEL`]), not configured: its id is
//! Alcméon's, differs per environment, and the admin creates it by that label (the README says
//! so); while Alcméon has no such field, links wait and the writer says so in the log.

mod contact_field;
mod owners;
mod write_back;

use std::sync::Arc;

use tokio::sync::Notify;
use tokio::task::JoinHandle;

use crate::alcmeon::AlcmeonClient;
use crate::store::Store;

/// Wakes the writer when a link or an owner is stored; cheap to clone, shared with the HTTP edge.
#[derive(Clone, Default)]
pub struct LinkWrites(Arc<Notify>);

impl LinkWrites {
    /// The signal itself, for the HTTP edge to hold without naming this module.
    pub fn signal(&self) -> Arc<Notify> {
        self.0.clone()
    }
}

/// Starts the writer: it runs until the returned task is aborted. `owner_field`:
/// `ALCMEON_SF_OWNER_FIELD_ID`.
pub fn spawn(
    store: Store,
    client: Arc<AlcmeonClient>,
    owner_field: Option<i64>,
    writes: &LinkWrites,
) -> JoinHandle<()> {
    let wake = writes.signal();
    tokio::spawn(write_back::Writer::new(store, client, owner_field).run(wake))
}
