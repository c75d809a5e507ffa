//! A large generated history: `n` customer messages (`task-create` actions) spread in turn over
//! `m` conversations, for replicas facing an environment of a million actions.
//!
//! Generated lazily: only the conversations are stored (so customers can write in them again);
//! each action is built from its id when a listing asks for it, the same action every time, so
//! seeding a million actions takes the time of creating the conversations, and the state file
//! stays small. Ids are reserved in every sequence the messages use (actions, tasks, messages), so
//! later actions follow the history as they would in Alcméon. Generated messages are one
//! millisecond apart, the last at the moment of seeding; their tasks are not stored (an answer to
//! one is refused as `task-not-found`, as for a task Alcméon no longer has).

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::{AlcmeonData, take_many};
use crate::alcmeon_data::NewConversation;
use crate::model::{Action, Channel};

const CHANNELS: [Channel; 5] = [
    Channel::Whatsapp,
    Channel::Facebook,
    Channel::Instagram,
    Channel::Twitter,
    Channel::Gmb,
];

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BulkHistory {
    first_action: u64,
    actions: u64,
    first_conversation: u64,
    conversations: u64,
    first_task: u64,
    first_message: u64,
    first_at: DateTime<Utc>,
}

impl BulkHistory {
    fn ids(&self) -> std::ops::Range<u64> {
        self.first_action..self.first_action + self.actions
    }

    /// Generated action ids with `min < id <= max`, ascending.
    fn ids_between(&self, min: i64, max: Option<i64>) -> std::ops::Range<u64> {
        let ids = self.ids();
        let start = u64::try_from(min.saturating_add(1))
            .unwrap_or(0)
            .max(ids.start);
        let end = max.map_or(ids.end, |max| {
            u64::try_from(max.saturating_add(1))
                .unwrap_or(0)
                .min(ids.end)
        });
        start..end.max(start)
    }

    /// The generated action ids of one conversation, ascending.
    fn ids_of(&self, conversation_id: u64) -> impl Iterator<Item = u64> + use<> {
        let offset = conversation_id.wrapping_sub(self.first_conversation);
        let (first, end, step) = (self.first_action, self.ids().end, self.conversations);
        (offset < self.conversations)
            .then(|| (first + offset..end).step_by(step as usize))
            .into_iter()
            .flatten()
    }
}

impl AlcmeonData {
    /// Adds `actions` generated customer messages over `conversations` new conversations, the
    /// last one at `now`.
    pub fn add_bulk_history(&mut self, actions: u64, conversations: u64, now: DateTime<Utc>) {
        let first_conversation = self.next_conversation_id();
        for n in 0..conversations {
            let channel = CHANNELS[(n % CHANNELS.len() as u64) as usize];
            self.add_conversation(NewConversation {
                channel,
                account_name: "Lumio".to_owned(),
                customer_name: format!("Customer {}", first_conversation + n),
            });
        }
        let span = TimeDelta::milliseconds(i64::try_from(actions).unwrap_or(i64::MAX));
        self.bulk = Some(BulkHistory {
            first_action: take_many(&mut self.next_ids.action, actions),
            actions,
            first_conversation,
            conversations,
            first_task: take_many(&mut self.next_ids.task, actions),
            first_message: take_many(&mut self.next_ids.message, actions),
            first_at: now - span,
        });
    }

    /// Generated actions with `min < id <= max`, ascending, at most `limit`.
    pub(super) fn bulk_actions_between(
        &self,
        min: i64,
        max: Option<i64>,
        limit: usize,
    ) -> Vec<Action> {
        let Some(bulk) = &self.bulk else {
            return vec![];
        };
        bulk.ids_between(min, max)
            .take(limit)
            .filter_map(|id| self.bulk_action(bulk, id))
            .collect()
    }

    /// Every generated action of one conversation, ascending.
    pub(super) fn bulk_actions_of(&self, conversation_id: u64) -> Vec<Action> {
        let Some(bulk) = &self.bulk else {
            return vec![];
        };
        bulk.ids_of(conversation_id)
            .filter_map(|id| self.bulk_action(bulk, id))
            .collect()
    }

    /// The newest generated action's id.
    pub(super) fn bulk_latest_action_id(&self) -> Option<u64> {
        let bulk = self.bulk.as_ref()?;
        (bulk.actions > 0).then(|| bulk.ids().end - 1)
    }

    fn bulk_action(&self, bulk: &BulkHistory, id: u64) -> Option<Action> {
        let index = id - bulk.first_action;
        let conversation_id = bulk.first_conversation + index % bulk.conversations;
        let number = index / bulk.conversations + 1;
        let at = bulk.first_at + TimeDelta::milliseconds(i64::try_from(index).ok()?);
        self.task_create(
            conversation_id,
            super::TaskCreateIds {
                action: id,
                task: bulk.first_task + index,
                message: bulk.first_message + index,
            },
            format!("Message {number} in conversation {conversation_id}"),
            at,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActionType;

    #[test]
    fn generated_messages_page_like_stored_ones_and_group_by_conversation() {
        let mut data = AlcmeonData::new("demo-instance");
        let now = Utc::now();
        data.add_bulk_history(100, 7, now);
        let ids = |actions: Vec<Action>| actions.iter().map(|a| a.id).collect::<Vec<_>>();
        assert_eq!(
            ids(data.actions_between(0, None, 10)),
            (1..=10).collect::<Vec<_>>()
        );
        assert_eq!(
            ids(data.actions_between(95, None, 10)),
            vec![96, 97, 98, 99, 100]
        );
        assert_eq!(ids(data.actions_between(3, Some(5), 10)), vec![4, 5]);
        assert_eq!(data.latest_action_id(), 100);
        let conversation = data.conversation_ids()[2];
        let actions = data.conversation_actions(conversation).unwrap();
        assert_eq!(
            ids(actions.clone()),
            (3..=100).step_by(7).collect::<Vec<_>>()
        );
        assert!(
            actions
                .iter()
                .all(|a| a.action_type == ActionType::TaskCreate
                    && a.task.conversation_id == conversation)
        );
        assert_eq!(
            actions[1].task.message.content,
            format!("Message 2 in conversation {conversation}")
        );
        let last = data.actions_between(99, None, 10).remove(0);
        assert_eq!(last.date, now.date_naive());
        let written = data.add_inbound(
            conversation,
            InboundMessage {
                text: "again".into(),
                author_name: None,
                rating_value: None,
                attachments: vec![],
                at: now,
            },
        );
        assert_eq!(written.unwrap().id, 101, "later actions follow the history");
        assert_eq!(
            data.conversation_actions(conversation)
                .unwrap()
                .last()
                .unwrap()
                .id,
            101
        );
    }

    use crate::alcmeon_data::InboundMessage;
}
