//! Engagements: template messages an application sends to a phone number
//! (initiate-conversation-api.yaml), and the conversation a WhatsApp customer's answer opens.
//!
//! Invariants: every accepted send is recorded once, in order, with its filled text; a refused
//! send records nothing. A WhatsApp send to a number with an ongoing conversation on that account
//! (its latest task neither archived nor auto-archived) is refused unless
//! `interrupt_ongoing_conversation`; then the template message is written into that conversation
//! at once (re-engagement after WhatsApp's 24-hour window) and the customer's answers go there.
//! Otherwise the first answer to a WhatsApp engagement opens a new conversation on the
//! engagement's account whose customer carries the recipient's number (the [`PHONE_FIELD_ID`]
//! custom field of `author.group`), starting with the template message, then the answer; later
//! answers write in that conversation. RCS and KakaoTalk have no conversations in
//! synchronize.yaml, so their engagements cannot be answered.
//!
//! The brand's template message is recorded as Alcméon records any message the brand sends: an
//! `answer` by the bot (the application sent it, no agent) and its `execute-answer` `ok`, both
//! dated at the send time. synchronize.yaml has no conversation that starts with the brand, so in
//! a conversation the answer opens, the template message's task is one of its own whose message
//! is the template text under the conversation's customer (who carries the number); its actions
//! are recorded when the answer opens the conversation, hence ids after the send's contemporaries.

use std::collections::BTreeMap;

use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::phone::{self, PhoneProblem};
use super::templates::{self, MissingVariable};
use super::{AlcmeonData, Inbound, InboundMessage, NewConversation, take};
use crate::model::{Action, ActionStatus, Channel, TaskState};

/// The user custom field (`author.group.custom_fields[].field_id`) that holds a WhatsApp
/// customer's number as synchronize.yaml's `CustomFieldPhoneFieldValue`. The spec names no field
/// for it; this id is the emulator's.
pub const PHONE_FIELD_ID: u64 = 5001;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TemplateChannel {
    Whatsapp,
    Rcs,
    Kakaotalk,
}

/// A send request, as the three send endpoints take it.
#[derive(Debug, Clone)]
pub struct TemplateSend {
    pub channel: TemplateChannel,
    pub to_user_phone_number: String,
    pub account_id: u64,
    pub template_id: u64,
    /// WhatsApp's `variables.body`; RCS's and KakaoTalk's flat `variables`.
    pub variables: BTreeMap<String, String>,
    /// WhatsApp's `variables.buttons`; RCS buttons take `variables`.
    pub button_variables: BTreeMap<String, String>,
    pub interrupt_ongoing_conversation: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendRefusal {
    Phone(PhoneProblem),
    UnknownAccount,
    UnknownTemplate,
    MissingVariable(String),
    OngoingConversation { conversation_id: u64 },
}

impl From<MissingVariable> for SendRefusal {
    fn from(missing: MissingVariable) -> Self {
        SendRefusal::MissingVariable(missing.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerRefusal {
    UnknownEngagement,
    NoConversationsOnChannel,
}

/// An accepted send, as `GET /_emulator/engagements` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentEngagement {
    pub message_id: String,
    pub channel: TemplateChannel,
    pub account_id: u64,
    pub template_id: u64,
    pub template_name: String,
    pub to_user_phone_number: String,
    /// RCS only.
    pub title: Option<String>,
    pub content: String,
    pub button_urls: Vec<String>,
    pub sent_at: DateTime<Utc>,
    /// The conversation the engagement wrote into (an ongoing one it interrupted), or the one
    /// the customer's first answer opened.
    pub conversation_id: Option<u64>,
}

/// An accepted send and the actions it recorded (the template message, when it interrupted an
/// ongoing conversation).
#[derive(Debug, Clone)]
pub struct Accepted {
    pub sent: SentEngagement,
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Engagements {
    sent_count: u64,
    sent: Vec<SentEngagement>,
    /// Customers' names by number, for the conversations their answers open.
    contacts: BTreeMap<String, String>,
}

impl AlcmeonData {
    pub fn add_contact(&mut self, number: &str, name: &str) {
        self.engagements
            .contacts
            .insert(number.to_owned(), name.to_owned());
    }

    /// Gives a conversation's customer a phone number (seeded WhatsApp conversations).
    pub fn set_customer_phone(&mut self, conversation_id: u64, number: &str) {
        if let Some(conversation) = self.conversations.get_mut(&conversation_id) {
            conversation.phone = Some(number.to_owned());
            let (country_prefix, rest) = phone::split_country_code(number);
            conversation.customer.group.custom_fields = vec![json!({
                "field_id": PHONE_FIELD_ID,
                "field_value": {"country_prefix": country_prefix, "number": rest},
            })];
        }
    }

    pub fn sent_engagements(&self) -> &[SentEngagement] {
        &self.engagements.sent
    }

    /// Checks and records a send, in the order a caller meets the refusals: number, account,
    /// template, variables, then an ongoing conversation.
    pub fn send_template(
        &mut self,
        send: TemplateSend,
        now: DateTime<Utc>,
    ) -> Result<Accepted, SendRefusal> {
        let number =
            phone::normalize(&send.to_user_phone_number, false).map_err(SendRefusal::Phone)?;
        if !self.is_template_account(send.channel, send.account_id) {
            return Err(SendRefusal::UnknownAccount);
        }
        let filled = self.fill_template(&send)?;
        let ongoing = (send.channel == TemplateChannel::Whatsapp)
            .then(|| self.ongoing_conversation(send.account_id, &number))
            .flatten();
        if let Some(conversation_id) = ongoing
            && !send.interrupt_ongoing_conversation
        {
            return Err(SendRefusal::OngoingConversation { conversation_id });
        }
        self.engagements.sent_count += 1;
        let sent = SentEngagement {
            message_id: message_uuid(self.engagements.sent_count),
            channel: send.channel,
            account_id: send.account_id,
            template_id: send.template_id,
            template_name: filled.template_name,
            to_user_phone_number: number,
            title: filled.title,
            content: filled.content,
            button_urls: filled.button_urls,
            sent_at: now.trunc_subsecs(0),
            conversation_id: ongoing,
        };
        self.engagements.sent.push(sent.clone());
        let actions = match ongoing {
            Some(conversation_id) => self.add_brand_message(conversation_id, &sent),
            None => vec![],
        };
        Ok(Accepted { sent, actions })
    }

    /// The customer answers an engagement with `text`: the actions recorded, the answer's
    /// `task-create` last. The first answer to an engagement without a conversation opens one,
    /// whose first actions are the template message's (later answers write in the same one).
    pub fn answer_engagement(
        &mut self,
        message_id: &str,
        text: String,
        now: DateTime<Utc>,
    ) -> Result<Vec<Action>, AnswerRefusal> {
        let index = self
            .engagements
            .sent
            .iter()
            .position(|sent| sent.message_id == message_id)
            .ok_or(AnswerRefusal::UnknownEngagement)?;
        let engagement = self.engagements.sent[index].clone();
        if engagement.channel != TemplateChannel::Whatsapp {
            return Err(AnswerRefusal::NoConversationsOnChannel);
        }
        let mut actions = vec![];
        let conversation_id = match engagement.conversation_id {
            Some(id) => id,
            None => {
                let number = &engagement.to_user_phone_number;
                let customer_name = self
                    .engagements
                    .contacts
                    .get(number)
                    .cloned()
                    .unwrap_or_else(|| format!("+{number}"));
                let account_name = self.accounts[&engagement.account_id].name.clone();
                let id = self.add_conversation(NewConversation {
                    channel: Channel::Whatsapp,
                    account_name,
                    customer_name,
                });
                self.set_customer_phone(id, number);
                self.engagements.sent[index].conversation_id = Some(id);
                actions.extend(self.add_brand_message(id, &engagement));
                id
            }
        };
        let inbound = InboundMessage {
            text,
            author_name: None,
            rating_value: None,
            attachments: vec![],
            at: now,
        };
        let answer = self
            .add_inbound(conversation_id, inbound)
            .ok_or(AnswerRefusal::UnknownEngagement)?;
        actions.push(answer);
        Ok(actions)
    }

    /// The template message of `engagement` in the conversation, as the bot's `answer` and its
    /// `execute-answer` `ok` at the send time: on the latest task, or on a task of its own in a
    /// conversation without one.
    fn add_brand_message(
        &mut self,
        conversation_id: u64,
        engagement: &SentEngagement,
    ) -> Vec<Action> {
        let at = engagement.sent_at;
        let task_id = match self.latest_task_id(conversation_id) {
            Some(task_id) => task_id,
            None => {
                let (task_id, message_id) = (
                    take(&mut self.next_ids.task),
                    take(&mut self.next_ids.message),
                );
                let message = Inbound {
                    text: engagement.content.clone(),
                    author_name: None,
                    rating_value: None,
                    attachments: vec![],
                    at,
                };
                let Some(task) = self.build_task(conversation_id, task_id, message_id, message)
                else {
                    return vec![];
                };
                self.tasks.insert(task_id, task);
                task_id
            }
        };
        let bot = self.system_user();
        let Some(answer) = self.add_answer(task_id, bot, &engagement.content, at) else {
            return vec![];
        };
        let executed = self.add_execute_answer(answer.id, ActionStatus::Ok, at);
        [Some(answer), executed].into_iter().flatten().collect()
    }

    fn is_template_account(&self, channel: TemplateChannel, account_id: u64) -> bool {
        match channel {
            TemplateChannel::Whatsapp => self
                .accounts
                .get(&account_id)
                .is_some_and(|account| account.channel == Channel::Whatsapp),
            TemplateChannel::Rcs => self.templates.rcs_account_ids.contains(&account_id),
            TemplateChannel::Kakaotalk => {
                self.templates.kakaotalk_account_ids.contains(&account_id)
            }
        }
    }

    /// The account's template, filled with the request's variables.
    fn fill_template(&self, send: &TemplateSend) -> Result<Filled, SendRefusal> {
        let templates = &self.templates;
        let belongs =
            |id: u64, account_id: u64| id == send.template_id && account_id == send.account_id;
        let values = &send.variables;
        match send.channel {
            TemplateChannel::Whatsapp => {
                let template = templates
                    .whatsapp
                    .iter()
                    .find(|t| belongs(t.id, t.account_id))
                    .ok_or(SendRefusal::UnknownTemplate)?;
                let content = templates::fill(&template.body, values)?;
                let urls = template
                    .url_buttons
                    .iter()
                    .map(|button| templates::fill(&button.url, &send.button_variables))
                    .collect::<Result<_, _>>()?;
                Ok(Filled {
                    template_name: template.name.clone(),
                    title: None,
                    content,
                    button_urls: urls,
                })
            }
            TemplateChannel::Rcs => {
                let template = templates
                    .rcs
                    .iter()
                    .find(|t| belongs(t.id, t.account_id))
                    .ok_or(SendRefusal::UnknownTemplate)?;
                let title = templates::fill(&template.title, values)?;
                let content = templates::fill(&template.body, values)?;
                let urls = template
                    .buttons
                    .iter()
                    .filter_map(|button| button.url.as_deref())
                    .map(|url| templates::fill(url, values))
                    .collect::<Result<_, _>>()?;
                Ok(Filled {
                    template_name: template.name.clone(),
                    title: Some(title),
                    content,
                    button_urls: urls,
                })
            }
            TemplateChannel::Kakaotalk => {
                let template = templates
                    .kakaotalk
                    .iter()
                    .find(|t| belongs(t.id, t.account_id))
                    .ok_or(SendRefusal::UnknownTemplate)?;
                let content = templates::fill(&template.body, values)?;
                Ok(Filled {
                    template_name: template.name.clone(),
                    title: None,
                    content,
                    button_urls: vec![],
                })
            }
        }
    }

    /// The number's conversation on the account whose latest task is still open.
    fn ongoing_conversation(&self, account_id: u64, number: &str) -> Option<u64> {
        self.conversations
            .iter()
            .filter(|(_, record)| {
                record.account_id == account_id && record.phone.as_deref() == Some(number)
            })
            .map(|(id, _)| *id)
            .find(|&id| {
                self.latest_task_id(id)
                    .and_then(|task_id| self.tasks.get(&task_id))
                    .is_some_and(|task| {
                        !matches!(task.state, TaskState::Archived | TaskState::ArchivedAuto)
                    })
            })
    }
}

/// A template with its placeholders filled.
struct Filled {
    template_name: String,
    title: Option<String>,
    content: String,
    button_urls: Vec<String>,
}

/// A UUID-shaped message id (the spec's examples are UUIDs), unique by send order.
fn message_uuid(sequence: u64) -> String {
    format!("e1a9c000-0000-4000-8000-{sequence:012x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alcmeon_data::templates::{Templates, UrlButton, WhatsappTemplate};
    use crate::model::ActionType;

    fn whatsapp_data() -> (AlcmeonData, u64) {
        let mut data = AlcmeonData::new("test");
        let open = data.add_conversation(NewConversation {
            channel: Channel::Whatsapp,
            account_name: "Shop WhatsApp".to_owned(),
            customer_name: "Ana".to_owned(),
        });
        let account_id = data.conversations[&open].account_id;
        data.set_customer_phone(open, "33611223344");
        let inbound = InboundMessage {
            text: "Hi".to_owned(),
            author_name: None,
            rating_value: None,
            attachments: vec![],
            at: Utc::now(),
        };
        data.add_inbound(open, inbound);
        data.set_templates(Templates {
            whatsapp: vec![WhatsappTemplate {
                id: 7,
                account_id,
                name: "hello".to_owned(),
                language: "en".to_owned(),
                body: "Hello {{name}}".to_owned(),
                url_buttons: vec![UrlButton {
                    label: "Open".to_owned(),
                    url: "https://x.example/{{path}}".to_owned(),
                }],
            }],
            ..Templates::default()
        });
        (data, account_id)
    }

    fn send(account_id: u64, to: &str) -> TemplateSend {
        TemplateSend {
            channel: TemplateChannel::Whatsapp,
            to_user_phone_number: to.to_owned(),
            account_id,
            template_id: 7,
            variables: BTreeMap::from([("name".to_owned(), "Léa".to_owned())]),
            button_variables: BTreeMap::from([("path".to_owned(), "o/1".to_owned())]),
            interrupt_ongoing_conversation: false,
        }
    }

    #[test]
    fn an_ongoing_conversation_blocks_a_send_unless_interrupted() {
        let (mut data, account) = whatsapp_data();
        let refused = data.send_template(send(account, "33611223344"), Utc::now());
        assert!(matches!(
            refused,
            Err(SendRefusal::OngoingConversation { .. })
        ));
        assert!(data.sent_engagements().is_empty());
        let mut forced = send(account, "33611223344");
        forced.interrupt_ongoing_conversation = true;
        let accepted = data.send_template(forced, Utc::now()).unwrap();
        assert_eq!(accepted.sent.content, "Hello Léa");
        assert_eq!(accepted.sent.button_urls, ["https://x.example/o/1"]);
    }

    #[test]
    fn an_interrupting_send_writes_the_template_message_into_the_ongoing_conversation() {
        let (mut data, account) = whatsapp_data();
        let ongoing = data.conversation_ids()[0];
        let mut forced = send(account, "33611223344");
        forced.interrupt_ongoing_conversation = true;
        let accepted = data.send_template(forced, Utc::now()).unwrap();
        let kinds: Vec<_> = accepted.actions.iter().map(|a| a.action_type).collect();
        assert_eq!(kinds, [ActionType::Answer, ActionType::ExecuteAnswer]);
        assert!(
            accepted
                .actions
                .iter()
                .all(|a| a.conversation_id() == ongoing)
        );
        assert!(accepted.actions[0].user.is_bot);
        assert_eq!(accepted.sent.conversation_id, Some(ongoing));
        let answered = data
            .answer_engagement(&accepted.sent.message_id, "Ok".to_owned(), Utc::now())
            .unwrap();
        assert_eq!(answered.len(), 1);
        assert_eq!(answered[0].conversation_id(), ongoing);
    }

    #[test]
    fn the_first_answer_opens_a_conversation_carrying_the_number_and_later_ones_reuse_it() {
        let (mut data, account) = whatsapp_data();
        let accepted = data
            .send_template(send(account, "33612345678"), Utc::now())
            .unwrap();
        assert!(accepted.actions.is_empty());
        let sent = accepted.sent;
        let opened = data
            .answer_engagement(&sent.message_id, "Yes".to_owned(), Utc::now())
            .unwrap();
        let kinds: Vec<_> = opened.iter().map(|a| a.action_type).collect();
        assert_eq!(
            kinds,
            [
                ActionType::Answer,
                ActionType::ExecuteAnswer,
                ActionType::TaskCreate
            ]
        );
        let first = opened.last().unwrap();
        let second = data
            .answer_engagement(&sent.message_id, "Thanks".to_owned(), Utc::now())
            .unwrap();
        assert_eq!(second.len(), 1);
        assert_eq!(first.conversation_id(), second[0].conversation_id());
        assert_eq!(first.account.id, account);
        let field = &first.task.message.author.group.custom_fields[0];
        assert_eq!(field["field_value"]["number"], "612345678");
        assert_eq!(
            data.sent_engagements()[0].conversation_id,
            Some(first.conversation_id())
        );
        let again = data.send_template(send(account, "33612345678"), Utc::now());
        assert!(matches!(
            again,
            Err(SendRefusal::OngoingConversation { .. })
        ));
    }
}
