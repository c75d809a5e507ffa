//! What agents and bots do to a conversation besides answering it: archive it, take it, hand it
//! over, put it on hold, tag it. Each is an action on the conversation's latest task, which takes
//! the `state` synchronize.yaml's table gives for that last action.

use chrono::{DateTime, Utc};

use super::{AlcmeonData, TagDefinition, take};
use crate::model::{
    Action, ActionData, ActionStatus, ActionType, AdminUser, AssignToData, StealData, Tag, TagData,
    TagValue, TaskState, TranslatedString,
};

#[derive(Debug, Clone, PartialEq)]
pub enum AgentAction {
    Archive,
    /// Archived by a bot rule; recorded as the system bot whoever asks.
    AutoArchive,
    Acquire,
    Release,
    Steal {
        from: AdminUser,
    },
    AssignTo {
        to: AdminUser,
    },
    OnHold,
    Tag {
        name: String,
        value: String,
    },
    TagVip,
    UntagVip,
}

impl AgentAction {
    fn action_type(&self) -> ActionType {
        match self {
            Self::Archive => ActionType::Archive,
            Self::AutoArchive => ActionType::AutoArchive,
            Self::Acquire => ActionType::Acquire,
            Self::Release => ActionType::Release,
            Self::Steal { .. } => ActionType::Steal,
            Self::AssignTo { .. } => ActionType::AssignTo,
            Self::OnHold => ActionType::OnHold,
            Self::Tag { .. } => ActionType::Tag,
            Self::TagVip => ActionType::TagVip,
            Self::UntagVip => ActionType::UntagVip,
        }
    }

    /// The spec's table names the state after `acquire`, `assign-to`, `archive`, `auto-archive`
    /// and `on-hold`. It is silent on the rest: a steal is an acquire of an assigned task, a release
    /// puts the task back in the queue, and tags leave the processing state alone.
    fn task_state_after(&self, current: TaskState) -> TaskState {
        match self {
            Self::Acquire | Self::Steal { .. } | Self::AssignTo { .. } => TaskState::Assigned,
            Self::Archive => TaskState::Archived,
            Self::AutoArchive => TaskState::ArchivedAuto,
            Self::OnHold => TaskState::OnHold,
            Self::Release => TaskState::Pending,
            Self::Tag { .. } | Self::TagVip | Self::UntagVip => current,
        }
    }
}

impl AlcmeonData {
    /// Records `action` by `actor` on the conversation's latest task. `None` when the conversation
    /// does not exist or has no message yet.
    pub fn add_agent_action(
        &mut self,
        conversation_id: u64,
        actor: AdminUser,
        action: AgentAction,
        at: DateTime<Utc>,
    ) -> Option<Action> {
        let task_id = self.latest_task_id(conversation_id)?;
        let actor = if action == AgentAction::AutoArchive {
            self.system_user()
        } else {
            actor
        };
        let action_type = action.action_type();
        let new_tag = match &action {
            AgentAction::Tag { name, value } => Some(self.tag(name, value)),
            _ => None,
        };
        let task = self.tasks.get_mut(&task_id)?;
        task.state = action.task_state_after(task.state);
        let data = match (action, new_tag) {
            (AgentAction::Steal { from }, _) => Some(ActionData::Steal(StealData { from })),
            (AgentAction::AssignTo { to }, _) => Some(ActionData::AssignTo(AssignToData { to })),
            (_, Some(next)) => {
                let previous = task.tags.iter().position(|tag| tag.id == next.id);
                let previous = match previous {
                    Some(index) => Some(std::mem::replace(&mut task.tags[index], next.clone())),
                    None => {
                        task.tags.push(next.clone());
                        None
                    }
                };
                Some(ActionData::Tag(TagData { previous, next }))
            }
            _ => None,
        };
        let task = task.clone();
        let account = self.accounts[&self.conversations[&conversation_id].account_id].clone();
        Some(self.push_action(
            action_type,
            ActionStatus::Ok,
            actor,
            task,
            account,
            data,
            at,
        ))
    }

    /// The tag `name` set to `value`, with the same ids every time the same name and value are used.
    fn tag(&mut self, name: &str, value: &str) -> Tag {
        let next_ids = &mut self.next_ids;
        let definition = self
            .tags
            .entry(name.to_owned())
            .or_insert_with(|| TagDefinition {
                id: take(&mut next_ids.tag),
                value_ids: Default::default(),
            });
        let value_id = *definition
            .value_ids
            .entry(value.to_owned())
            .or_insert_with(|| take(&mut next_ids.tag_value));
        Tag {
            id: definition.id,
            name: TranslatedString {
                value: name.to_owned(),
            },
            value: TagValue {
                id: value_id,
                value: TranslatedString {
                    value: value.to_owned(),
                },
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alcmeon_data::{InboundMessage, NewConversation};
    use crate::model::Channel;

    fn conversation_with_a_message() -> (AlcmeonData, u64, AdminUser) {
        let mut data = AlcmeonData::new("demo-instance");
        let id = data.add_conversation(NewConversation {
            channel: Channel::Twitter,
            account_name: "@Shop".into(),
            customer_name: "Ana".into(),
        });
        let inbound = InboundMessage {
            text: "Hi".into(),
            author_name: None,
            rating_value: None,
            attachments: vec![],
            at: Utc::now(),
        };
        data.add_inbound(id, inbound);
        let agent = data.agent_by_email_or_new("sam@example.com", None);
        (data, id, agent)
    }

    #[test]
    fn each_action_leaves_the_task_in_the_state_the_spec_names() {
        let (mut data, id, agent) = conversation_with_a_message();
        let mut act = |action| {
            data.add_agent_action(id, agent.clone(), action, Utc::now())
                .unwrap()
                .task
                .state
        };
        assert_eq!(act(AgentAction::Acquire), TaskState::Assigned);
        assert_eq!(act(AgentAction::TagVip), TaskState::Assigned);
        assert_eq!(act(AgentAction::OnHold), TaskState::OnHold);
        assert_eq!(act(AgentAction::Release), TaskState::Pending);
        assert_eq!(act(AgentAction::Archive), TaskState::Archived);
        assert_eq!(act(AgentAction::AutoArchive), TaskState::ArchivedAuto);
    }

    #[test]
    fn auto_archiving_is_recorded_as_the_bot() {
        let (mut data, id, agent) = conversation_with_a_message();
        let action = data
            .add_agent_action(id, agent, AgentAction::AutoArchive, Utc::now())
            .unwrap();
        assert!(action.user.is_bot);
        assert_eq!(action.action_type, ActionType::AutoArchive);
    }

    #[test]
    fn a_tag_set_twice_reports_its_previous_value_and_stays_once_on_the_task() {
        let (mut data, id, agent) = conversation_with_a_message();
        let tag = |value: &str| AgentAction::Tag {
            name: "Topic".into(),
            value: value.into(),
        };
        let first = data
            .add_agent_action(id, agent.clone(), tag("Delivery"), Utc::now())
            .unwrap();
        let second = data
            .add_agent_action(id, agent, tag("Refund"), Utc::now())
            .unwrap();
        let Some(ActionData::Tag(data)) = second.data else {
            panic!("a tag action carries TagData");
        };
        assert_eq!(data.previous.unwrap().value.value.value, "Delivery");
        assert_eq!(data.next.value.value.value, "Refund");
        assert_eq!(data.next.id, first.task.tags[0].id);
        assert_eq!(second.task.tags.len(), 1);
    }

    #[test]
    fn a_conversation_without_a_message_takes_no_action() {
        let mut data = AlcmeonData::new("demo-instance");
        let id = data.add_conversation(NewConversation {
            channel: Channel::Whatsapp,
            account_name: "Shop".into(),
            customer_name: "Ana".into(),
        });
        let agent = data.agent_by_email_or_new("sam@example.com", None);
        assert!(
            data.add_agent_action(id, agent, AgentAction::Archive, Utc::now())
                .is_none()
        );
    }
}
