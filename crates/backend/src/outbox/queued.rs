//! Which replies wait for Alcméon's rate limit, and about until when, for the conversations'
//! event streams (`event: queued`, `http/events.rs`). Kept in memory only: an estimate is true
//! only now, and after a restart the replies are queued again and their estimates made afresh.
//!
//! While a conversation's reply is being delivered, its calls are labelled with the reply's id
//! ([`labelled`]) and the conversation's estimates are made again every [`LOOK`], all by
//! the governor ([`AlcmeonClient::estimated_wait`]): while the reply's call waits there, its own
//! and those of the replies queued behind it in the conversation (as the calls its party makes
//! after it). A wait shorter than [`SHORTEST`] starts no notice (one started stays). A stream hears of an estimate when it
//! appears, goes, or moves by [`MOVE_MS`] or more; the reply's own goes once the reply has left
//! (Alcméon accepted or refused it), and every one of a conversation when its queue is empty.
//!
//! [`AlcmeonClient::estimated_wait`]: crate::alcmeon::AlcmeonClient::estimated_wait

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::Utc;
use protocol::{QueuedReply, item_id};
use tokio::sync::broadcast;

use super::{Job, Outbox, delivery};
use crate::alcmeon::labelled;

/// How often the estimates are made again while a reply is being delivered (the first time
/// sooner: the call has just joined the governor's queue).
const LOOK: Duration = Duration::from_secs(1);
const FIRST_LOOK: Duration = Duration::from_millis(200);
/// Shorter waits get no notice.
const SHORTEST: Duration = Duration::from_secs(2);
/// An estimate that moves by less is not told again (the widget counts down on its own).
const MOVE_MS: i64 = 2_000;

/// Each conversation's replies queued behind the rate limit, and the streams' feed of changes.
#[derive(Clone)]
pub(super) struct QueuedReplies {
    queued: Arc<Mutex<HashMap<i64, Vec<QueuedReply>>>>,
    changes: broadcast::Sender<(i64, QueuedReply)>,
}

impl Default for QueuedReplies {
    fn default() -> Self {
        Self {
            queued: Arc::default(),
            changes: broadcast::channel(256).0,
        }
    }
}

impl QueuedReplies {
    fn lock(&self) -> MutexGuard<'_, HashMap<i64, Vec<QueuedReply>>> {
        self.queued
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Makes `fresh` the conversation's estimates, telling the streams what appeared, went or
    /// moved by [`MOVE_MS`] or more (a smaller move keeps the estimate told).
    fn set(&self, conversation_id: i64, fresh: Vec<QueuedReply>) {
        let mut queued = self.lock();
        let old = queued.remove(&conversation_id).unwrap_or_default();
        let tell = |reply: &QueuedReply| {
            // No stream listening is no error.
            let _ = self.changes.send((conversation_id, reply.clone()));
        };
        for gone in old
            .iter()
            .filter(|o| !fresh.iter().any(|f| f.item_id == o.item_id))
        {
            tell(&QueuedReply {
                item_id: gone.item_id,
                until_ms: None,
            });
        }
        let kept: Vec<QueuedReply> = fresh
            .into_iter()
            .map(|reply| {
                let told = old.iter().find(|o| o.item_id == reply.item_id);
                let moved = |told: &QueuedReply| {
                    let (a, b) = (told.until_ms.unwrap_or(0), reply.until_ms.unwrap_or(0));
                    (a - b).abs() >= MOVE_MS
                };
                match told {
                    Some(told) if !moved(told) => told.clone(),
                    _ => {
                        tell(&reply);
                        reply
                    }
                }
            })
            .collect();
        if !kept.is_empty() {
            queued.insert(conversation_id, kept);
        }
    }

    fn get(&self, conversation_id: i64) -> Vec<QueuedReply> {
        self.lock()
            .get(&conversation_id)
            .cloned()
            .unwrap_or_default()
    }
}

impl Outbox {
    /// The conversation's replies queued behind the rate limit now.
    pub fn queued_replies(&self, conversation_id: i64) -> Vec<QueuedReply> {
        self.queued.get(conversation_id)
    }

    /// Every change to any conversation's queued replies from now on (an estimate, or its
    /// removal: `until_ms` `None`), with its conversation's id.
    pub fn subscribe_queued(&self) -> broadcast::Receiver<(i64, QueuedReply)> {
        self.queued.changes.subscribe()
    }

    /// [`Outbox::deliver`], with the reply's calls labelled and its conversation's estimates kept
    /// current until it leaves.
    pub(super) async fn deliver_telling_the_wait(
        &self,
        job: Job,
        conversation: &mut delivery::Conversation,
    ) {
        let (conversation_id, label) = (job.reply.conversation_id, job.reply.reply_id.0);
        let deliver = labelled(label, self.deliver(job, conversation));
        tokio::pin!(deliver);
        let mut look = FIRST_LOOK;
        loop {
            tokio::select! {
                () = &mut deliver => break,
                () = tokio::time::sleep(look) => self.estimate(conversation_id, label),
            }
            look = LOOK;
        }
        self.forget(conversation_id, |reply| {
            reply.item_id == item_id::provisional(label)
        });
    }

    /// The conversation's queue is empty: none of its replies waits.
    pub(super) fn queue_drained(&self, conversation_id: i64) {
        self.forget(conversation_id, |_| true);
    }

    fn forget(&self, conversation_id: i64, gone: impl Fn(&QueuedReply) -> bool) {
        let mut left = self.queued.get(conversation_id);
        left.retain(|reply| !gone(reply));
        self.queued.set(conversation_id, left);
    }

    /// Makes the conversation's estimates again while `label`, the reply being delivered, waits
    /// in the governor. Between its calls (an account, then the send) the last ones stay.
    fn estimate(&self, conversation_id: i64, label: i64) {
        let head = item_id::provisional(label);
        if self.alcmeon.estimated_wait(label, 0).is_none() {
            return;
        }
        let told = self.queued.get(conversation_id);
        let behind = self.queues.waiting(conversation_id);
        let replies = std::iter::once(head).chain(behind.iter().map(|r| item_id::provisional(r.0)));
        let fresh = replies
            .enumerate()
            .filter_map(|(later, item_id)| {
                let wait = self.alcmeon.estimated_wait(label, later)?;
                let noticed = told.iter().any(|reply| reply.item_id == item_id);
                if wait < SHORTEST && !noticed {
                    return None;
                }
                // From a clock read after the wait was: never before the instant it names (nor
                // the rounding to milliseconds).
                let until_ms = (Utc::now() + wait).timestamp_millis() + 1;
                Some(QueuedReply {
                    item_id,
                    until_ms: Some(until_ms),
                })
            })
            .collect();
        self.queued.set(conversation_id, fresh);
    }
}
