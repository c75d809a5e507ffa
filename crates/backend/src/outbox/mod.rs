//! Sends stored replies to Alcméon (`POST /v1/answer/send`) through the shared rate-limit
//! governor, each as its agent's own Alcméon account (provisioned first if needed): when the
//! widget posts one, when it retries one, and at start-up for those stored as sending. A refusal
//! becomes the reply's failure code; an outage of Alcméon is waited out (`delivery.rs`), the
//! reply still sending, and fails it only after `BACKEND_REPLY_GIVE_UP_SECS`.
//!
//! Invariants:
//! - Replies to one conversation leave in the order they were queued, one at a time
//!   (`queues.rs`), whichever instances sharing the database took them (`instance_order.rs`); a reply is queued under the [`Admission`] it was stored (or moved back to
//!   sending) under, so queue order is store order: reply id order for new replies, and a retried
//!   reply after whatever its conversation had queued. Conversations do not wait for each other
//!   beyond the governor; a failed reply does not hold back the ones after it, and a reply
//!   waiting out an outage holds back the ones after it in its conversation.
//! - A reply is sent only while it is stored as sending, and shown failed only when Alcméon
//!   refused it or the outage outlasted the patience.
//! - Each reply has one sending instance (`Store::claim_replies_left_behind`): the one it was
//!   posted or retried on, then, if that instance stops, the first to look (at its start-up, or
//!   every [`TAKEOVER_INTERVAL`]).
//! - Exactly once across a crash or an outage (`reconcile.rs`): a reply resumed at start-up whose
//!   advisor was recorded, or whose last send may have been served (a timeout, a 5xx), is sent
//!   again only after its conversation's actions, read from Alcméon, showed no `answer` of it.

mod delivery;
mod instance_order;
mod queued;
mod queues;
mod reconcile;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use protocol::FailureCode;
use tokio::sync::{Mutex, MutexGuard};
use tokio::time::Instant;

use crate::alcmeon::AlcmeonClient;
use crate::provisioning::{AgentIdentity, Provisioner};
use crate::store::{ReplyId, Store, StoreError};
use queues::Queues;

/// How many admission turns conversations share (a conversation always takes the same one).
const ADMISSION_STRIPES: usize = 64;

/// How often an instance looks for replies a stopped instance left sending.
const TAKEOVER_INTERVAL: std::time::Duration = std::time::Duration::from_secs(20);

#[derive(Clone)]
pub struct Outbox {
    store: Store,
    alcmeon: Arc<AlcmeonClient>,
    provisioner: Provisioner,
    /// The Alcméon company replies are sent for (see `Config::alcmeon_company_id`).
    company_id: i64,
    /// How long a conversation's replies wait out an outage of Alcméon before the one being sent
    /// is failed (see `Config::reply_give_up_after`).
    give_up_after: Duration,
    /// Replies queued whose sending has not ended yet.
    in_flight: Arc<AtomicUsize>,
    queues: Queues,
    /// Held while a reply is stored and queued (see [`Admission`]): one turn per stripe of
    /// conversations, so replies to different conversations are mostly stored at once.
    admission: Arc<[Mutex<()>]>,
    /// The replies waiting for Alcméon's rate limit, for the widgets (`queued.rs`).
    queued: queued::QueuedReplies,
}

/// Who a reply is sent as.
#[derive(Debug, Clone)]
pub enum Sender {
    /// An agent with a session: provisioned if needed.
    Agent(AgentIdentity),
    /// An account remembered from an earlier reply (sending again at start-up, with no session).
    Account(i64),
}

/// A reply to send.
#[derive(Debug)]
pub struct OutgoingReply {
    pub reply_id: ReplyId,
    pub conversation_id: i64,
    pub task_id: i64,
    pub text: String,
    pub sender: Sender,
}

/// A queued reply; `reconcile_after` is set for one resumed at start-up whose send may have
/// reached Alcméon: its conversation is reconciled, no earlier than then, before it is sent.
#[derive(Debug)]
struct Job {
    reply: OutgoingReply,
    reconcile_after: Option<Instant>,
}

/// The turn to store a reply to a conversation and queue it: taken before the store write, so
/// that no other reply to it is stored and queued in between and queue order is store order.
pub struct Admission<'a> {
    outbox: &'a Outbox,
    _turn: MutexGuard<'a, ()>,
}

impl Admission<'_> {
    /// Queues the reply just stored (or moved back to sending) under this admission.
    pub fn send(self, reply: OutgoingReply) {
        self.outbox.enqueue(Job {
            reply,
            reconcile_after: None,
        });
    }
}

impl Outbox {
    pub fn new(
        store: Store,
        alcmeon: Arc<AlcmeonClient>,
        provisioner: Provisioner,
        company_id: i64,
        give_up_after: Duration,
    ) -> Self {
        Self {
            store,
            alcmeon,
            provisioner,
            company_id,
            give_up_after,
            in_flight: Arc::default(),
            queues: Queues::default(),
            admission: (0..ADMISSION_STRIPES).map(|_| Mutex::new(())).collect(),
            queued: queued::QueuedReplies::default(),
        }
    }

    /// How many replies are queued or being sent now (waiting for their turn, the rate limit, an
    /// account or Alcméon's answer). Zero means the outbox will send nothing more until a reply
    /// is posted or retried.
    pub fn in_flight(&self) -> usize {
        self.in_flight.load(Ordering::SeqCst)
    }

    /// Waits for the turn to store a reply to the conversation and queue it (see [`Admission`]).
    pub async fn admission(&self, conversation_id: i64) -> Admission<'_> {
        let stripe = conversation_id.rem_euclid(ADMISSION_STRIPES as i64) as usize;
        Admission {
            outbox: self,
            _turn: self.admission[stripe].lock().await,
        }
    }

    /// Queues every reply stored as sending, oldest first, ahead of any reply posted after
    /// start-up; returns how many. Those whose advisor was recorded are reconciled with Alcméon
    /// first ([`reconcile::SETTLE`] after now). There is no session to read permissions from: a
    /// remembered account is used as it is; an agent who has none yet gets one with the reply
    /// roles only (they could reply when they posted; moderation roles, if theirs, follow on
    /// their next reply). A reply stored before orgs were recorded and without a remembered
    /// account, or whose stored email is not valid, fails, and the agent may retry it.
    /// Every [`TAKEOVER_INTERVAL`], resumes the replies another instance sharing the database
    /// left sending when it stopped (as [`Self::resume_unsubmitted`] does at start-up).
    pub fn spawn_takeover(&self) -> tokio::task::JoinHandle<()> {
        let outbox = self.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(TAKEOVER_INTERVAL).await;
                match outbox.resume_unsubmitted().await {
                    Ok(0) => {}
                    Ok(count) => {
                        tracing::info!(count, "took over replies a stopped instance was sending")
                    }
                    Err(error) => {
                        tracing::warn!(%error, "could not look for replies a stopped instance left")
                    }
                }
            }
        })
    }

    pub async fn resume_unsubmitted(&self) -> Result<usize, StoreError> {
        let claimed = self.store.claim_replies_left_behind().await?;
        let mut replies = self.store.unsubmitted_replies().await?;
        replies.retain(|reply| claimed.contains(&reply.reply_id));
        let reconcile_after = Instant::now() + reconcile::SETTLE;
        for reply in &replies {
            let Some(email) = &reply.agent_email else {
                self.store
                    .fail_reply(reply.reply_id, FailureCode::AlcmeonUnavailable, None)
                    .await?;
                continue;
            };
            let sender = match &reply.agent_org {
                Some(org) => match self.store.agent_account(org, email).await? {
                    Some(known) => Some(Sender::Account(known.account_id)),
                    None => Some(Sender::Agent(AgentIdentity {
                        org_id: org.clone(),
                        email: email.clone(),
                        name: reply.agent_name.clone(),
                        may_reply: true,
                        may_moderate: false,
                    })),
                },
                None => self
                    .store
                    .agent_account_in_any_org(email)
                    .await?
                    .map(Sender::Account),
            };
            let Some(sender) = sender else {
                self.store
                    .fail_reply(reply.reply_id, FailureCode::AlcmeonUnavailable, None)
                    .await?;
                continue;
            };
            self.enqueue(Job {
                reply: OutgoingReply {
                    reply_id: reply.reply_id,
                    conversation_id: reply.conversation_id,
                    task_id: reply.task_id,
                    text: reply.text.clone(),
                    sender,
                },
                reconcile_after: reply.advisor_id.map(|_| reconcile_after),
            });
        }
        Ok(replies.len())
    }

    fn enqueue(&self, job: Job) {
        self.in_flight.fetch_add(1, Ordering::SeqCst);
        let conversation_id = job.reply.conversation_id;
        if self.queues.push(job) {
            let outbox = self.clone();
            tokio::spawn(async move { outbox.drain(conversation_id).await });
        }
    }

    /// Sends a conversation's queued replies one at a time until its queue is empty. Runs in a
    /// task of its own, so that a widget closing its request never abandons a stored reply.
    async fn drain(&self, conversation_id: i64) {
        let mut conversation = delivery::Conversation::default();
        while let Some(job) = self.queues.next(conversation_id) {
            self.deliver_one(job, &mut conversation).await;
        }
        self.queue_drained(conversation_id);
    }

    /// Delivers one job taken out of its conversation's queue; it is no longer in flight after.
    async fn deliver_one(&self, job: Job, conversation: &mut delivery::Conversation) {
        self.deliver_telling_the_wait(job, conversation).await;
        self.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}
