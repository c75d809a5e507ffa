//! The loop that writes unwritten links to Alcméon's user custom field, then the owners Salesforce
//! handed conversations back from to its conversation custom field (`owners.rs`), one at a time,
//! each call through the governor at background priority (`alcmeon::custom_fields`).
//!
//! In an outage (a 429, a 5xx, a timeout, no connection) the pass stops and the next one starts
//! after a back-off of [`FIRST_PAUSE`] doubling to [`LONGEST_PAUSE`] (each with up to as much again
//! at random), reset by any answer; after a 429 the governor itself holds the next call until
//! Alcméon's reset. A link Alcméon refuses (its profile is gone, 404; or another 4xx) is set aside
//! for [`REFUSED_PAUSE`] so that the links behind it are written meanwhile.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use backon::{BackoffBuilder, ExponentialBackoff, ExponentialBuilder};
use serde_json::json;
use tokio::sync::Notify;
use tokio::time::Instant;

use super::contact_field::{ContactField, LABEL};
use crate::alcmeon::{AlcmeonClient, ClientError, ProfileWrite};
use crate::store::{CustomerLink, Store, StoreError};

/// How many unwritten links one pass reads (besides those set aside).
pub(super) const BATCH: usize = 50;
/// The first pause after a failed write in an outage.
const FIRST_PAUSE: Duration = Duration::from_secs(1);
/// The longest pause between passes in an outage.
const LONGEST_PAUSE: Duration = Duration::from_secs(60);
/// How long a link Alcméon refused is left alone.
pub const REFUSED_PAUSE: Duration = Duration::from_secs(3600);
/// How often the store is read without a wake-up (links stored by another instance).
pub const POLL_INTERVAL: Duration = Duration::from_secs(30);
/// How long to wait after the store failed, or while Alcméon has no Contact field.
pub(super) const STORE_OR_FIELD_PAUSE: Duration = Duration::from_secs(30);

/// A write as the writer knows it: the value is part of it, so a changed link or owner is a new
/// one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum WriteKey {
    /// A link: its org, customer and Contact.
    Link(String, i64, String),
    /// An owner: its conversation and owner id.
    Owner(i64, String),
}

fn key(link: &CustomerLink) -> WriteKey {
    WriteKey::Link(
        link.org_id.clone(),
        link.customer_id,
        link.contact_id.clone(),
    )
}

/// How a pass ended.
pub(super) enum Pass {
    /// Every link read was written or set aside: sleep until woken or polled.
    Done,
    /// Try again after this pause.
    PauseFor(Duration),
}

pub struct Writer {
    pub(super) store: Store,
    pub(super) client: Arc<AlcmeonClient>,
    field: ContactField,
    /// `ALCMEON_SF_OWNER_FIELD_ID`: Alcméon's conversation field for owners; `None`, they wait.
    pub(super) owner_field: Option<i64>,
    pub(super) set_aside: HashMap<WriteKey, Instant>,
    pub(super) outage: Option<ExponentialBackoff>,
    /// A written link or owner could not be noted in this pass: the next one waits for the store.
    pub(super) unnoted: bool,
}

impl Writer {
    pub fn new(store: Store, client: Arc<AlcmeonClient>, owner_field: Option<i64>) -> Self {
        Self {
            store,
            client,
            field: ContactField::default(),
            owner_field,
            set_aside: HashMap::new(),
            outage: None,
            unnoted: false,
        }
    }

    pub async fn run(mut self, wake: Arc<Notify>) {
        loop {
            let pause = match self.pass().await {
                Pass::Done => POLL_INTERVAL,
                Pass::PauseFor(pause) => pause,
            };
            let next_set_aside = self.set_aside.values().min().copied();
            let until =
                next_set_aside.map_or(Instant::now() + pause, |at| at.min(Instant::now() + pause));
            // In an outage a new link does not cut the pause short.
            if self.outage.is_some() {
                tokio::time::sleep_until(until).await;
                continue;
            }
            tokio::select! {
                () = wake.notified() => {}
                () = tokio::time::sleep_until(until) => {}
            }
        }
    }

    /// Writes the links, then (when no link asks for another pass) the owners.
    async fn pass(&mut self) -> Pass {
        let now = Instant::now();
        self.set_aside.retain(|_, until| *until > now);
        match self.link_pass().await {
            Pass::Done => self.owner_pass().await,
            pause => pause,
        }
    }

    /// Writes every unwritten link not set aside, oldest first, until one fails in an outage.
    async fn link_pass(&mut self) -> Pass {
        let read = self.store.links_to_write_to_alcmeon(self.wanted()).await;
        let links = match self.not_set_aside(read, "links", key) {
            Ok(links) => links,
            Err(pass) => return pass,
        };
        let field_id = match self.field.id(&self.client).await {
            Ok(Some(id)) => id,
            Ok(None) => {
                tracing::warn!(
                    label = LABEL,
                    waiting = links.len(),
                    "Alcméon has no user custom field of this label: matched Contacts wait until an admin creates it"
                );
                return Pass::PauseFor(STORE_OR_FIELD_PAUSE);
            }
            Err(error) => return self.after_failure(&error),
        };
        self.unnoted = false;
        for link in &links {
            if let Err(error) = self.write(link, field_id).await {
                return self.after_failure(&error);
            }
        }
        self.after_batch(links.len())
    }

    /// How many unwritten items one pass reads: a batch besides those set aside.
    pub(super) fn wanted(&self) -> i64 {
        i64::try_from(BATCH + self.set_aside.len()).unwrap_or(i64::MAX)
    }

    /// The items read, less those set aside; `Err` is how the pass ends when none is left to write.
    pub(super) fn not_set_aside<T>(
        &self,
        read: Result<Vec<T>, StoreError>,
        what: &str,
        key: fn(&T) -> WriteKey,
    ) -> Result<Vec<T>, Pass> {
        let items: Vec<T> = match read {
            Ok(items) => items,
            Err(error) => {
                tracing::error!(%error, what, "could not read what to write to Alcméon");
                return Err(Pass::PauseFor(STORE_OR_FIELD_PAUSE));
            }
        };
        let items: Vec<T> = items
            .into_iter()
            .filter(|item| !self.set_aside.contains_key(&key(item)))
            .collect();
        if items.is_empty() {
            Err(Pass::Done)
        } else {
            Ok(items)
        }
    }

    /// How a pass that wrote `written` items without an outage ends.
    pub(super) fn after_batch(&self, written: usize) -> Pass {
        if self.unnoted {
            return Pass::PauseFor(STORE_OR_FIELD_PAUSE);
        }
        // A full batch may have more behind it.
        if written >= BATCH {
            Pass::PauseFor(Duration::ZERO)
        } else {
            Pass::Done
        }
    }

    /// Writes one link; an error is an outage (the pass stops), anything else is settled here.
    async fn write(&mut self, link: &CustomerLink, field_id: i64) -> Result<(), ClientError> {
        let written = self
            .client
            .set_profile_custom_field(link.customer_id, field_id, json!(link.contact_id))
            .await;
        match written {
            Ok(ProfileWrite::Written) => {
                self.outage = None;
                if let Err(error) = self
                    .store
                    .note_link_written(&link.org_id, link.customer_id, &link.contact_id)
                    .await
                {
                    // Unmarked, it is written again later: setting a value is idempotent.
                    tracing::error!(%error, customer = link.customer_id, "could not note a link written to Alcméon");
                    self.unnoted = true;
                }
                tracing::info!(
                    org = %link.org_id,
                    customer = link.customer_id,
                    linked_by = %link.linked_by,
                    "a matched Contact was written to Alcméon"
                );
                Ok(())
            }
            Ok(ProfileWrite::NoSuchProfile) => {
                self.outage = None;
                tracing::warn!(org = %link.org_id, customer = link.customer_id,
                    pause_secs = REFUSED_PAUSE.as_secs(),
                    "Alcméon knows no profile for this customer: the match is not written, tried again later");
                self.set_aside(link);
                Ok(())
            }
            Err(error) if error.is_outage() => Err(error),
            Err(error) => {
                self.outage = None;
                if matches!(error, ClientError::Status { status: 403, .. }) {
                    // The field may have been deleted or changed: found again by its label.
                    self.field = ContactField::default();
                }
                tracing::error!(%error, org = %link.org_id, customer = link.customer_id,
                    pause_secs = REFUSED_PAUSE.as_secs(),
                    "Alcméon refused a matched Contact: tried again later");
                self.set_aside(link);
                Ok(())
            }
        }
    }

    fn set_aside(&mut self, link: &CustomerLink) {
        self.set_aside
            .insert(key(link), Instant::now() + REFUSED_PAUSE);
    }

    pub(super) fn after_failure(&mut self, error: &ClientError) -> Pass {
        if !error.is_outage() {
            // Only the field's lookup fails this way (a write's refusal is settled per link).
            tracing::error!(%error, "Alcméon refused to list its user custom fields");
            return Pass::PauseFor(STORE_OR_FIELD_PAUSE);
        }
        tracing::warn!(%error, "Alcméon could not take a matched Contact or an owner now: tried again after a pause");
        // After a 429 the governor holds the next call until Alcméon's reset.
        if matches!(error, ClientError::RateLimited { .. }) {
            return Pass::PauseFor(Duration::ZERO);
        }
        let pauses = self.outage.get_or_insert_with(|| {
            ExponentialBuilder::new()
                .with_min_delay(FIRST_PAUSE)
                .with_max_delay(LONGEST_PAUSE)
                .with_jitter()
                .without_max_times()
                .build()
        });
        Pass::PauseFor(pauses.next().unwrap_or(LONGEST_PAUSE))
    }
}
