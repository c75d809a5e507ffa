//! What every handler and background task shares, and the events that change it.
//!
//! Each event records its actions in the store and then notifies them, so no caller can record an
//! action and forget the webhook.

use std::sync::Arc;

use chrono::{TimeDelta, Utc};

use crate::answer_flow::AnswerQueue;
use crate::call_log::CallLog;
use crate::config::Config;
use crate::model::{Action, ActionStatus};
use crate::rate_limit::RateLimiter;
use crate::state::{InboundMessage, NewConversation, State};
use crate::store::Store;
use crate::webhook::Notifier;

#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub store: Arc<Store>,
    pub rate_limiter: Arc<RateLimiter>,
    pub answers: AnswerQueue,
    pub calls: Arc<CallLog>,
    notifier: Notifier,
}

pub struct GeneratedConversation {
    pub new: NewConversation,
    pub messages: usize,
    pub notify: bool,
}

impl AppState {
    pub fn new(config: Config, store: Store, notifier: Notifier, answers: AnswerQueue) -> AppState {
        AppState {
            answers,
            calls: Arc::default(),
            rate_limiter: Arc::new(RateLimiter::new(config.rate_limit_per_minute)),
            config: Arc::new(config),
            store: Arc::new(store),
            notifier,
        }
    }

    /// A customer writes in a conversation. `None` when the conversation does not exist.
    pub fn receive_inbound(&self, conversation_id: u64, inbound: InboundMessage) -> Option<Action> {
        self.record(|state| state.add_inbound(conversation_id, inbound))
    }

    /// Opens a conversation whose customer has already written `messages` numbered messages, one a
    /// minute up to now.
    pub fn open_conversation(&self, generated: GeneratedConversation) -> u64 {
        let now = Utc::now();
        let count = generated.messages;
        self.store.update(|state| {
            let id = state.add_conversation(generated.new);
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
                    state.add_inbound(id, inbound)
                })
                .collect();
            if generated.notify {
                self.notifier.notify(state.notifications_for(actions));
            }
            id
        })
    }

    /// An advisor's answer is recorded on a task. `None` when the task does not exist.
    pub fn record_answer(&self, task_id: u64, advisor_id: u64, text: &str) -> Option<Action> {
        self.record(|state| {
            let advisor = state.agent_or_new(advisor_id);
            state.add_answer(task_id, advisor, text, Utc::now())
        })
    }

    /// The channel reports whether a recorded answer went out.
    pub fn record_delivery(&self, answer_action_id: u64, outcome: ActionStatus) -> Option<Action> {
        self.record(|state| state.add_execute_answer(answer_action_id, outcome, Utc::now()))
    }

    /// Records the one action `change` makes, and notifies it.
    pub fn record(&self, change: impl FnOnce(&mut State) -> Option<Action>) -> Option<Action> {
        self.record_all(|state| change(state).map(|action| vec![action]))
            .and_then(|actions| actions.into_iter().next())
    }

    /// Records the actions `change` makes, and notifies them while the store is still locked, so
    /// notifications leave in id order.
    pub fn record_all(
        &self,
        change: impl FnOnce(&mut State) -> Option<Vec<Action>>,
    ) -> Option<Vec<Action>> {
        self.store.update(|state| {
            let actions = change(state)?;
            let notifications = state.notifications_for(actions.clone());
            self.notifier.notify(notifications);
            Some(actions)
        })
    }
}
