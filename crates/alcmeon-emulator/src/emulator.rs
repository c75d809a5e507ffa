//! The running emulator as handlers and background tasks share it ([`Emulator`], cheap to clone):
//! configuration, the Alcméon data, the rate limiters (general, WhatsApp sends), the call log, the
//! send endpoint's scripted outage, the answer queue and the webhook notifier; and the events that
//! change the data.
//!
//! Invariant: an action is never recorded without being notified. Every event records its actions
//! through [`Emulator::record`] or [`Emulator::record_all`], which notify them while the data is
//! still locked, so notifications also leave in action-id order.

use std::sync::Arc;

use chrono::{TimeDelta, Utc};

use crate::alcmeon_data::{AlcmeonData, AnswerRefusal, InboundMessage, NewConversation};
use crate::answer_flow::{AnswerQueue, AnswerRecorder};
use crate::call_log::CallLog;
use crate::config::Config;
use crate::model::{Action, ActionStatus};
use crate::outage::Outages;
use crate::persistence::SharedData;
use crate::rate_limit::RateLimiter;
use crate::webhook::{Notifier, WebhookCounts};

#[derive(Clone)]
pub struct Emulator {
    pub config: Arc<Config>,
    pub data: Arc<SharedData>,
    pub rate_limiter: Arc<RateLimiter>,
    /// WhatsApp template sends' own budget (3,000 a minute by default).
    pub whatsapp_rate_limiter: Arc<RateLimiter>,
    pub answers: AnswerQueue,
    pub calls: Arc<CallLog>,
    /// The send endpoint's scripted outage, if any (an emulator control).
    pub outages: Arc<Outages>,
    /// The user profile custom fields' scripted outage, if any (an emulator control).
    pub profile_outages: Arc<Outages>,
    /// The conversation custom fields' scripted outage, if any (an emulator control).
    pub conversation_field_outages: Arc<Outages>,
    notifier: Notifier,
}

pub struct GeneratedConversation {
    pub new: NewConversation,
    pub messages: usize,
    pub notify: bool,
    /// The customer is the one of this conversation (Alcméon's author group: the same person on
    /// another channel or account, or writing again).
    pub customer_of: Option<u64>,
}

impl Emulator {
    pub fn new(
        config: Config,
        data: Arc<SharedData>,
        notifier: Notifier,
        answers: AnswerQueue,
    ) -> Emulator {
        Emulator {
            answers,
            calls: Arc::default(),
            outages: Arc::default(),
            profile_outages: Arc::default(),
            conversation_field_outages: Arc::default(),
            rate_limiter: Arc::new(RateLimiter::new(
                config.rate_limit_per_minute,
                config.rate_limit_window,
            )),
            whatsapp_rate_limiter: Arc::new(RateLimiter::new(
                config.whatsapp_rate_limit_per_minute,
                config.rate_limit_window,
            )),
            config: Arc::new(config),
            data,
            notifier,
        }
    }

    /// What became of the webhook notifications so far (all zero without a webhook URL).
    pub fn webhook_counts(&self) -> WebhookCounts {
        self.notifier.counts()
    }

    /// A customer writes in a conversation. `None` when the conversation does not exist.
    pub fn receive_inbound(&self, conversation_id: u64, inbound: InboundMessage) -> Option<Action> {
        self.record(|data| data.add_inbound(conversation_id, inbound))
    }

    /// The recipient of an engagement answers it: the actions recorded and notified, the
    /// answer's `task-create` last (see `alcmeon_data/engagements.rs`).
    pub fn answer_engagement(
        &self,
        message_id: &str,
        text: String,
    ) -> Result<Vec<Action>, AnswerRefusal> {
        let mut refusal = None;
        self.record_all(|data| {
            data.answer_engagement(message_id, text, Utc::now())
                .map_err(|problem| refusal = Some(problem))
                .ok()
        })
        .ok_or_else(|| refusal.unwrap_or(AnswerRefusal::UnknownEngagement))
    }

    /// Opens a conversation whose customer has already written `messages` numbered messages, one a
    /// minute up to now.
    pub fn open_conversation(&self, generated: GeneratedConversation) -> u64 {
        let now = Utc::now();
        let count = generated.messages;
        self.data.update(|data| {
            let id = data.add_conversation(generated.new);
            if let Some(of) = generated.customer_of {
                data.share_customer(id, of);
            }
            let actions: Vec<Action> = (0..count)
                .filter_map(|n| {
                    let minutes_before_now = i64::try_from(count - 1 - n).unwrap_or(i64::MAX);
                    let inbound = InboundMessage {
                        text: format!("Message {} of {count}", n + 1),
                        author_name: None,
                        rating_value: None,
                        attachments: vec![],
                        at: now - TimeDelta::minutes(minutes_before_now),
                    };
                    data.add_inbound(id, inbound)
                })
                .collect();
            if generated.notify {
                self.notifier.notify(data.notifications_for(actions));
            }
            id
        })
    }

    /// Records the one action `change` makes, and notifies it.
    pub fn record(
        &self,
        change: impl FnOnce(&mut AlcmeonData) -> Option<Action>,
    ) -> Option<Action> {
        self.record_all(|data| change(data).map(|action| vec![action]))
            .and_then(|actions| actions.into_iter().next())
    }

    /// Records the actions `change` makes, and notifies them while the data is still locked, so
    /// notifications leave in id order.
    pub fn record_all(
        &self,
        change: impl FnOnce(&mut AlcmeonData) -> Option<Vec<Action>>,
    ) -> Option<Vec<Action>> {
        self.data.update(|data| {
            let actions = change(data)?;
            let notifications = data.notifications_for(actions.clone());
            self.notifier.notify(notifications);
            Some(actions)
        })
    }
}

impl AnswerRecorder for Emulator {
    fn record_answer(&self, task_id: u64, advisor_id: u64, text: &str) -> Option<u64> {
        let answer = self.record(|data| {
            let advisor = data.agent_or_new(advisor_id);
            data.add_answer(task_id, advisor, text, Utc::now())
        })?;
        Some(answer.id)
    }

    fn record_delivery(&self, answer_action_id: u64, outcome: ActionStatus) {
        self.record(|data| data.add_execute_answer(answer_action_id, outcome, Utc::now()));
    }
}
