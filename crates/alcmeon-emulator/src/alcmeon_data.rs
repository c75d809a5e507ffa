//! The emulated Alcméon data: everything the emulator remembers (agents and their user accounts,
//! conversations, tasks, actions, tags), and the rules that turn events into spec-shaped actions.
//!
//! Plain data with no I/O: `persistence.rs` guards it and writes it to disk; `seed.rs` fills a
//! fresh one. Invariants: actions form one ascending id sequence and are never changed once
//! recorded (except their times, by the age control [`AlcmeonData::age_conversation`]); each
//! carries a snapshot of its task as it was when the action happened. Webhook notification ids
//! are a separate sequence, so a receiver cannot mistake one for the other.

mod agent_actions;
mod bulk_history;
mod conversation_fields;
mod custom_fields;
mod engagements;
mod optins;
mod phone;
mod templates;
mod user_accounts;

use std::collections::BTreeMap;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::channel_details;
use crate::model::{
    Account, Action, ActionData, ActionStatus, ActionType, AdminUser, Answer, AnswerData,
    Attachment, Author, AuthorGroup, Channel, ExecuteAnswerData, Message, Notification, Task,
    TaskConversation, TaskState, utc_date_and_time,
};

pub use agent_actions::AgentAction;
use bulk_history::BulkHistory;
use conversation_fields::ConversationFields;
use custom_fields::CustomFields;
pub use custom_fields::{FieldMetadata, FieldRefusal, FieldValue};
use engagements::Engagements;
pub use engagements::{AnswerRefusal, SendRefusal, SentEngagement, TemplateChannel, TemplateSend};
pub use optins::{Optin, OptinType, Optins, Page, UserOptin, UserOptout};
pub use phone::normalize as normalize_phone;
pub use templates::{
    KakaoTemplate, RcsButton, RcsTemplate, Templates, UrlButton, WhatsappTemplate,
};
pub use user_accounts::{AccountAccess, AccountRefusal, AccountUpdate, ROLES, TEAMS};

/// The user behind `task-create` actions: customers are not Alcméon users, so a bot records them.
pub const SYSTEM_USER_ID: u64 = 1;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AlcmeonData {
    instance_id: String,
    next_ids: NextIds,
    agents: BTreeMap<u64, AdminUser>,
    accounts: BTreeMap<u64, Account>,
    conversations: BTreeMap<u64, ConversationRecord>,
    tasks: BTreeMap<u64, Task>,
    actions: Vec<Action>,
    /// Tag ids by name, and their values' ids, as agents have used them.
    #[serde(default)]
    tags: BTreeMap<String, TagDefinition>,
    /// The user accounts' roles, teams and active flag, by agent id
    /// (`alcmeon_data/user_accounts.rs`).
    #[serde(default)]
    access: BTreeMap<u64, AccountAccess>,
    /// A generated history of customer messages (`alcmeon_data/bulk_history.rs`), if seeded.
    #[serde(default)]
    bulk: Option<BulkHistory>,
    /// Opt-in lists (`alcmeon_data/optins.rs`).
    #[serde(default)]
    optins: Optins,
    /// Templates for engagements (`alcmeon_data/templates.rs`); a state file written before they
    /// existed has none.
    #[serde(default)]
    templates: Templates,
    /// Sent engagements (`alcmeon_data/engagements.rs`).
    #[serde(default)]
    engagements: Engagements,
    /// User custom fields and the social media users created by setting them
    /// (`alcmeon_data/custom_fields.rs`); a state file written before them gets the seeded
    /// definitions.
    #[serde(default)]
    custom_fields: CustomFields,
    /// Conversation custom fields (`alcmeon_data/conversation_fields.rs`); a state file written
    /// before them gets the seeded definition.
    #[serde(default)]
    conversation_fields: ConversationFields,
}

/// Distinct starting points make an id used in the wrong place fail loudly in tests.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
struct NextIds {
    action: u64,
    notification: u64,
    account: u64,
    conversation: u64,
    author: u64,
    author_group: u64,
    task: u64,
    message: u64,
    /// Agents created from an email; seeded agents have their own ids.
    agent: u64,
    attachment: u64,
    tag: u64,
    tag_value: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct TagDefinition {
    id: u64,
    value_ids: BTreeMap<String, u64>,
}

impl Default for NextIds {
    fn default() -> Self {
        NextIds {
            action: 1,
            notification: 1,
            account: 201,
            conversation: 1001,
            author: 3001,
            author_group: 4001,
            task: 50001,
            message: 70001,
            agent: 101,
            attachment: 90001,
            tag: 601,
            tag_value: 701,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct ConversationRecord {
    account_id: u64,
    customer: Author,
    is_private: bool,
    /// A WhatsApp customer's number, when known (without `+`).
    #[serde(default)]
    phone: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewConversation {
    pub channel: Channel,
    pub account_name: String,
    pub customer_name: String,
}

#[derive(Debug, Clone)]
pub struct InboundMessage {
    pub text: String,
    /// Shown instead of the customer's name on this message only.
    pub author_name: Option<String>,
    pub rating_value: Option<u8>,
    pub attachments: Vec<NewAttachment>,
    pub at: DateTime<Utc>,
}

/// A file a customer sends with a message.
#[derive(Debug, Clone)]
pub struct NewAttachment {
    pub mime_type: String,
    pub bytes: Vec<u8>,
}

impl AlcmeonData {
    pub fn new(instance_id: &str) -> AlcmeonData {
        let system_user = AdminUser {
            id: SYSTEM_USER_ID,
            email: "bot@alcmeon.com".to_owned(),
            name: "Alcméon".to_owned(),
            is_bot: true,
        };
        AlcmeonData {
            instance_id: instance_id.to_owned(),
            next_ids: NextIds::default(),
            agents: BTreeMap::from([(SYSTEM_USER_ID, system_user)]),
            accounts: BTreeMap::new(),
            conversations: BTreeMap::new(),
            tasks: BTreeMap::new(),
            actions: Vec::new(),
            tags: BTreeMap::new(),
            access: BTreeMap::new(),
            bulk: None,
            optins: Optins::default(),
            templates: Templates::default(),
            engagements: Engagements::default(),
            custom_fields: CustomFields::default(),
            conversation_fields: ConversationFields::default(),
        }
    }

    pub fn optins(&self) -> &Optins {
        &self.optins
    }

    pub fn optins_mut(&mut self) -> &mut Optins {
        &mut self.optins
    }

    pub fn templates(&self) -> &Templates {
        &self.templates
    }

    pub fn set_templates(&mut self, templates: Templates) {
        self.templates = templates;
    }

    pub fn add_agent(&mut self, agent: AdminUser) {
        self.agents.insert(agent.id, agent);
    }

    /// The agent with this id; an id the emulator has never seen becomes a generated agent (the
    /// seed names agents by id).
    pub fn agent_or_new(&mut self, id: u64) -> AdminUser {
        self.agents
            .entry(id)
            .or_insert_with(|| AdminUser {
                id,
                email: format!("agent-{id}@example.com"),
                name: format!("Agent {id}"),
                is_bot: false,
            })
            .clone()
    }

    /// The agent with this email (case does not matter); an unknown email becomes a new active
    /// agent with the Agent role, named `name` or after the email's local part.
    pub fn agent_by_email_or_new(&mut self, email: &str, name: Option<&str>) -> AdminUser {
        if let Some(agent) = self.agent_with_email(email) {
            return agent.clone();
        }
        let mut id = take(&mut self.next_ids.agent);
        while self.agents.contains_key(&id) {
            id = take(&mut self.next_ids.agent);
        }
        let agent = AdminUser {
            id,
            email: email.to_owned(),
            name: name.map_or_else(|| name_from_email(email), str::to_owned),
            is_bot: false,
        };
        self.agents.insert(id, agent.clone());
        self.access.insert(id, AccountAccess::agent());
        agent
    }

    /// The bot that records customers' messages and archives by rule.
    pub fn system_user(&self) -> AdminUser {
        self.agents[&SYSTEM_USER_ID].clone()
    }

    pub fn add_conversation(&mut self, new: NewConversation) -> u64 {
        let account_id = self.account_id_for(new.channel, &new.account_name);
        let id = take(&mut self.next_ids.conversation);
        let author_id = take(&mut self.next_ids.author);
        let customer = Author {
            id: author_id,
            name: new.customer_name.clone(),
            group: AuthorGroup {
                id: take(&mut self.next_ids.author_group),
                custom_fields: vec![],
            },
            facebook_author: (new.channel == Channel::Facebook)
                .then(|| channel_details::facebook_author(&new.customer_name)),
            instagram_author: (new.channel == Channel::Instagram)
                .then(|| channel_details::instagram_author(&new.customer_name, author_id)),
        };
        let is_private = channel_details::is_private(new.channel);
        self.conversations.insert(
            id,
            ConversationRecord {
                account_id,
                customer,
                is_private,
                phone: None,
            },
        );
        id
    }

    /// Makes the customer of conversation `id` the one of conversation `of` (their author group,
    /// with its custom fields); nothing when either is unknown.
    pub fn share_customer(&mut self, id: u64, of: u64) {
        let Some(group) = self
            .conversations
            .get(&of)
            .map(|c| c.customer.group.clone())
        else {
            return;
        };
        if let Some(conversation) = self.conversations.get_mut(&id) {
            conversation.customer.group = group;
        }
    }

    /// Records a `task-create`: the customer's message opens a new task in the conversation.
    /// `None` when the conversation does not exist.
    pub fn add_inbound(&mut self, conversation_id: u64, inbound: InboundMessage) -> Option<Action> {
        self.conversations.get(&conversation_id)?;
        let attachments = inbound
            .attachments
            .into_iter()
            .map(|file| Attachment {
                id: take(&mut self.next_ids.attachment),
                mime_type: file.mime_type,
                data: BASE64.encode(&file.bytes),
                size: file.bytes.len() as u64,
            })
            .collect();
        let ids = TaskCreateIds {
            message: take(&mut self.next_ids.message),
            task: take(&mut self.next_ids.task),
            action: take(&mut self.next_ids.action),
        };
        let message = Inbound {
            text: inbound.text,
            author_name: inbound.author_name,
            rating_value: inbound.rating_value,
            attachments,
            at: inbound.at,
        };
        let action = self.build_task_create(conversation_id, ids, message)?;
        self.tasks.insert(action.task.id, action.task.clone());
        self.actions.push(action.clone());
        Some(action)
    }

    /// The `task-create` of a plain text message, as recorded with `ids`; nothing is stored.
    fn task_create(
        &self,
        conversation_id: u64,
        ids: TaskCreateIds,
        text: String,
        at: DateTime<Utc>,
    ) -> Option<Action> {
        let message = Inbound {
            text,
            author_name: None,
            rating_value: None,
            attachments: vec![],
            at,
        };
        self.build_task_create(conversation_id, ids, message)
    }

    fn build_task_create(
        &self,
        conversation_id: u64,
        ids: TaskCreateIds,
        inbound: Inbound,
    ) -> Option<Action> {
        let (date, time) = utc_date_and_time(inbound.at);
        let task = self.build_task(conversation_id, ids.task, ids.message, inbound)?;
        let account = self.accounts[&self.conversations[&conversation_id].account_id].clone();
        Some(Action {
            id: ids.action,
            action_type: ActionType::TaskCreate,
            date,
            time,
            status: ActionStatus::Ok,
            user: self.system_user(),
            task,
            account,
            data: None,
        })
    }

    /// A pending task of the conversation whose message is `inbound`, authored by the
    /// conversation's customer; nothing is stored.
    fn build_task(
        &self,
        conversation_id: u64,
        task_id: u64,
        message_id: u64,
        inbound: Inbound,
    ) -> Option<Task> {
        let conversation = self.conversations.get(&conversation_id)?;
        let account = &self.accounts[&conversation.account_id];
        let mut author = conversation.customer.clone();
        if let Some(name) = inbound.author_name {
            author.name = name;
        }
        let (date, time) = utc_date_and_time(inbound.at);
        Some(Task {
            id: task_id,
            tags: vec![],
            url: format!(
                "https://alcmeon.com/c/v3/#/{}/task/{task_id}",
                self.instance_id
            ),
            conversation_id,
            conversation: TaskConversation {
                id: conversation_id,
                custom_fields: vec![],
            },
            state: TaskState::Pending,
            message: Message {
                id: message_id,
                is_private: conversation.is_private,
                // The spec says Twitter messages and author names arrive empty; the emulator fills
                // them anyway so the demo stays readable.
                content: inbound.text,
                external_id: channel_details::external_id(account.channel, message_id),
                date,
                time,
                attachments: inbound.attachments,
                author,
                rating_value: inbound.rating_value,
            },
        })
    }

    /// Records an `answer` by `advisor` on a task. `None` when the task does not exist.
    pub fn add_answer(
        &mut self,
        task_id: u64,
        advisor: AdminUser,
        text: &str,
        at: DateTime<Utc>,
    ) -> Option<Action> {
        let task = self.tasks.get_mut(&task_id)?;
        task.state = TaskState::Answered;
        let task = task.clone();
        let conversation = &self.conversations[&task.conversation_id];
        let account = self.accounts[&conversation.account_id].clone();
        let data = ActionData::Answer(AnswerData {
            is_private: conversation.is_private,
            answers: vec![Answer {
                content: text.to_owned(),
                pictures: vec![],
            }],
        });
        Some(self.push_action(
            ActionType::Answer,
            ActionStatus::Ok,
            advisor,
            task,
            account,
            Some(data),
            at,
        ))
    }

    /// Records the `execute-answer` that reports whether an earlier answer reached the channel.
    pub fn add_execute_answer(
        &mut self,
        answer_action_id: u64,
        outcome: ActionStatus,
        at: DateTime<Utc>,
    ) -> Option<Action> {
        let answer = self.action(answer_action_id)?.clone();
        let task = self.tasks[&answer.task.id].clone();
        let data = ActionData::ExecuteAnswer(ExecuteAnswerData {
            answer_action_id,
            answer_status: outcome,
        });
        Some(self.push_action(
            ActionType::ExecuteAnswer,
            outcome,
            answer.user,
            task,
            answer.account,
            Some(data),
            at,
        ))
    }

    /// Gives each action the next webhook notification id.
    pub fn notifications_for(&mut self, actions: Vec<Action>) -> Vec<Notification> {
        actions
            .into_iter()
            .map(|action| Notification {
                id: take(&mut self.next_ids.notification),
                action,
            })
            .collect()
    }

    pub fn task_exists(&self, task_id: u64) -> bool {
        self.tasks.contains_key(&task_id)
    }

    pub fn conversation_ids(&self) -> Vec<u64> {
        self.conversations.keys().copied().collect()
    }

    pub fn latest_task_id(&self, conversation_id: u64) -> Option<u64> {
        self.tasks
            .values()
            .rev()
            .find(|task| task.conversation_id == conversation_id)
            .map(|task| task.id)
    }

    /// The id of the newest action, 0 when there is none.
    pub fn latest_action_id(&self) -> u64 {
        let stored = self.actions.last().map_or(0, |action| action.id);
        stored.max(self.bulk_latest_action_id().unwrap_or(0))
    }

    /// Actions with `min < id <= max`, ascending, at most `limit`: stored and generated ones.
    pub fn actions_between(&self, min: i64, max: Option<i64>, limit: usize) -> Vec<Action> {
        let start = self
            .actions
            .partition_point(|action| action_id_at_most(action, min));
        let mut actions: Vec<Action> = self.actions[start..]
            .iter()
            .take_while(|action| max.is_none_or(|max| action_id_at_most(action, max)))
            .take(limit)
            .cloned()
            .collect();
        actions.extend(self.bulk_actions_between(min, max, limit));
        actions.sort_by_key(|action| action.id);
        actions.truncate(limit);
        actions
    }

    pub fn conversation_actions(&self, conversation_id: u64) -> Option<Vec<Action>> {
        self.conversations.get(&conversation_id)?;
        let mut actions: Vec<Action> = self
            .actions
            .iter()
            .filter(|action| action.conversation_id() == conversation_id)
            .cloned()
            .collect();
        actions.extend(self.bulk_actions_of(conversation_id));
        actions.sort_by_key(|action| action.id);
        Some(actions)
    }

    /// Moves every stored action of the conversation, and its tasks' messages, `by` earlier, as if
    /// all had happened then (the age control, to close a reply window on demand; a replica that
    /// already read those actions keeps their old times). Returns when the customer last wrote,
    /// now; `None` for an unknown conversation or one without a stored customer message.
    pub fn age_conversation(
        &mut self,
        conversation_id: u64,
        by: TimeDelta,
    ) -> Option<DateTime<Utc>> {
        self.conversations.get(&conversation_id)?;
        let earlier = |date: &mut NaiveDate, time: &mut NaiveTime| {
            (*date, *time) = utc_date_and_time(date.and_time(*time).and_utc() - by);
        };
        let age_task = |task: &mut Task| earlier(&mut task.message.date, &mut task.message.time);
        for action in self
            .actions
            .iter_mut()
            .filter(|action| action.conversation_id() == conversation_id)
        {
            earlier(&mut action.date, &mut action.time);
            age_task(&mut action.task);
        }
        self.tasks
            .values_mut()
            .filter(|task| task.conversation_id == conversation_id)
            .for_each(age_task);
        self.last_customer_message_at(conversation_id)
    }

    /// When the conversation's customer last wrote, among the stored actions.
    pub fn last_customer_message_at(&self, conversation_id: u64) -> Option<DateTime<Utc>> {
        let last = self.actions.iter().rev().find(|action| {
            action.conversation_id() == conversation_id
                && action.action_type == ActionType::TaskCreate
        })?;
        Some(last.date.and_time(last.time).and_utc())
    }

    pub fn channel_of(&self, conversation_id: u64) -> Option<Channel> {
        let conversation = self.conversations.get(&conversation_id)?;
        Some(self.accounts[&conversation.account_id].channel)
    }

    /// The id the next conversation will get.
    fn next_conversation_id(&self) -> u64 {
        self.next_ids.conversation
    }

    fn action(&self, id: u64) -> Option<&Action> {
        let index = self
            .actions
            .binary_search_by_key(&id, |action| action.id)
            .ok()?;
        Some(&self.actions[index])
    }

    fn account_id_for(&mut self, channel: Channel, name: &str) -> u64 {
        let existing = self
            .accounts
            .values()
            .find(|account| account.channel == channel && account.name == name);
        if let Some(account) = existing {
            return account.id;
        }
        let id = take(&mut self.next_ids.account);
        self.accounts.insert(
            id,
            Account {
                id,
                name: name.to_owned(),
                channel,
            },
        );
        id
    }

    #[allow(clippy::too_many_arguments)]
    fn push_action(
        &mut self,
        action_type: ActionType,
        status: ActionStatus,
        user: AdminUser,
        task: Task,
        account: Account,
        data: Option<ActionData>,
        at: DateTime<Utc>,
    ) -> Action {
        let (date, time) = utc_date_and_time(at);
        let action = Action {
            id: take(&mut self.next_ids.action),
            action_type,
            date,
            time,
            status,
            user,
            task,
            account,
            data,
        };
        self.actions.push(action.clone());
        action
    }
}

/// `lea.martin@example.com` → `Lea Martin`.
fn name_from_email(email: &str) -> String {
    let local = email.split('@').next().unwrap_or(email);
    local
        .split(['.', '_', '-', '+'])
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut letters = word.chars();
            letters.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(letters).collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn take(counter: &mut u64) -> u64 {
    take_many(counter, 1)
}

/// Reserves `count` ids; returns the first.
fn take_many(counter: &mut u64, count: u64) -> u64 {
    let id = *counter;
    *counter += count;
    id
}

/// The ids a `task-create` is recorded under.
struct TaskCreateIds {
    action: u64,
    task: u64,
    message: u64,
}

/// A customer's message with its files already in Alcméon's shape.
struct Inbound {
    text: String,
    author_name: Option<String>,
    rating_value: Option<u8>,
    attachments: Vec<Attachment>,
    at: DateTime<Utc>,
}

fn action_id_at_most(action: &Action, bound: i64) -> bool {
    i64::try_from(action.id).is_ok_and(|id| id <= bound)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data_with_conversation() -> (AlcmeonData, u64) {
        let mut data = AlcmeonData::new("demo-instance");
        let id = data.add_conversation(NewConversation {
            channel: Channel::Whatsapp,
            account_name: "Shop".into(),
            customer_name: "Ana".into(),
        });
        (data, id)
    }

    fn inbound(text: &str) -> InboundMessage {
        InboundMessage {
            text: text.into(),
            author_name: None,
            rating_value: None,
            attachments: vec![],
            at: Utc::now(),
        }
    }

    #[test]
    fn an_inbound_message_is_a_pending_task_create_by_the_system_user() {
        let (mut data, conversation_id) = data_with_conversation();
        let action = data.add_inbound(conversation_id, inbound("Hello")).unwrap();
        assert_eq!(action.action_type, ActionType::TaskCreate);
        assert!(action.user.is_bot);
        assert_eq!(action.task.state, TaskState::Pending);
        assert_eq!(action.task.message.content, "Hello");
        assert_eq!(action.task.message.author.name, "Ana");
        assert!(action.data.is_none());
    }

    #[test]
    fn an_answer_then_its_execution_point_back_at_the_task_and_the_answer() {
        let (mut data, conversation_id) = data_with_conversation();
        let created = data.add_inbound(conversation_id, inbound("Hello")).unwrap();
        let advisor = data.agent_or_new(77);
        let answer = data
            .add_answer(created.task.id, advisor, "Hi!", Utc::now())
            .unwrap();
        assert_eq!(answer.task.state, TaskState::Answered);
        assert_eq!(answer.user.id, 77);
        let executed = data
            .add_execute_answer(answer.id, ActionStatus::Fail, Utc::now())
            .unwrap();
        assert_eq!(executed.status, ActionStatus::Fail);
        assert_eq!(
            executed.data,
            Some(ActionData::ExecuteAnswer(ExecuteAnswerData {
                answer_action_id: answer.id,
                answer_status: ActionStatus::Fail
            }))
        );
    }

    #[test]
    fn unknown_conversations_and_tasks_record_nothing() {
        let (mut data, _) = data_with_conversation();
        assert!(data.add_inbound(9, inbound("Hello")).is_none());
        let advisor = data.agent_or_new(77);
        assert!(data.add_answer(9, advisor, "Hi", Utc::now()).is_none());
        assert!(data.actions_between(0, None, 10).is_empty());
    }

    #[test]
    fn paging_is_exclusive_at_min_and_inclusive_at_max() {
        let (mut data, conversation_id) = data_with_conversation();
        for n in 0..25 {
            data.add_inbound(conversation_id, inbound(&format!("m{n}")));
        }
        let ids = |actions: Vec<Action>| actions.iter().map(|a| a.id).collect::<Vec<_>>();
        assert_eq!(
            ids(data.actions_between(0, None, 10)),
            (1..=10).collect::<Vec<_>>()
        );
        assert_eq!(
            ids(data.actions_between(20, None, 10)),
            (21..=25).collect::<Vec<_>>()
        );
        assert_eq!(ids(data.actions_between(3, Some(5), 10)), vec![4, 5]);
        assert_eq!(ids(data.actions_between(-7, Some(2), 10)), vec![1, 2]);
    }

    #[test]
    fn notification_ids_are_their_own_sequence() {
        let (mut data, conversation_id) = data_with_conversation();
        data.add_inbound(conversation_id, inbound("seeded, never notified"));
        let action = data.add_inbound(conversation_id, inbound("live")).unwrap();
        let notifications = data.notifications_for(vec![action]);
        assert_eq!((notifications[0].id, notifications[0].action.id), (1, 2));
    }

    #[test]
    fn a_file_sent_with_a_message_is_inline_base64_with_its_decoded_size() {
        let (mut data, conversation_id) = data_with_conversation();
        let mut message = inbound("See attached");
        message.attachments.push(NewAttachment {
            mime_type: "application/pdf".into(),
            bytes: b"%PDF-1.4".to_vec(),
        });
        let action = data.add_inbound(conversation_id, message).unwrap();
        let file = &action.task.message.attachments[0];
        assert_eq!(
            (
                file.id,
                file.mime_type.as_str(),
                file.data.as_str(),
                file.size
            ),
            (90001, "application/pdf", "JVBERi0xLjQ=", 8)
        );
    }

    #[test]
    fn an_unknown_agent_email_becomes_an_agent_named_after_it_once() {
        let (mut data, _) = data_with_conversation();
        let first = data.agent_by_email_or_new("lea.martin@example.com", None);
        assert_eq!((first.id, first.name.as_str()), (101, "Lea Martin"));
        let again = data.agent_by_email_or_new("Lea.Martin@Example.com", Some("Other"));
        assert_eq!(again, first);
    }

    #[test]
    fn channel_specific_authors_are_filled() {
        let mut data = AlcmeonData::new("demo-instance");
        let id = data.add_conversation(NewConversation {
            channel: Channel::Instagram,
            account_name: "shop".into(),
            customer_name: "Zoe Durand".into(),
        });
        let author = data
            .add_inbound(id, inbound("Hi"))
            .unwrap()
            .task
            .message
            .author;
        assert_eq!(
            author.instagram_author.as_ref().unwrap().username,
            "zoe.durand"
        );
        assert!(author.facebook_author.is_none());
    }
}
