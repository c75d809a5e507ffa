//! The wire types of synchronize.yaml (`Action` and what it contains), as the emulator emits them.
//!
//! Field names and enum spellings are the spec's. Only the action types and task states the emulator
//! produces exist here; optional spec fields the emulator never fills (`discussion_id`,
//! `inmessage_author`, the deprecated translations of `TranslatedString`, …) are left out.

use chrono::{DateTime, NaiveDate, NaiveTime, Timelike, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub id: u64,
    #[serde(rename = "type")]
    pub action_type: ActionType,
    pub date: NaiveDate,
    pub time: NaiveTime,
    pub status: ActionStatus,
    pub user: AdminUser,
    pub task: Task,
    pub account: Account,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<ActionData>,
}

impl Action {
    pub fn conversation_id(&self) -> u64 {
        self.task.conversation_id
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionType {
    TaskCreate,
    Answer,
    ExecuteAnswer,
    Archive,
    AutoArchive,
    Acquire,
    Release,
    Steal,
    AssignTo,
    OnHold,
    Tag,
    TagVip,
    UntagVip,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActionStatus {
    Ok,
    Fail,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminUser {
    pub id: u64,
    pub email: String,
    pub name: String,
    pub is_bot: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: u64,
    pub name: String,
    #[serde(rename = "type")]
    pub channel: Channel,
}

/// The `Account.type` enum of synchronize.yaml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Twitter,
    Facebook,
    Instagram,
    Critizr,
    Wechat,
    Gmb,
    Whatsapp,
    Bzc,
    Inmessage,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub id: u64,
    pub tags: Vec<Tag>,
    pub url: String,
    pub conversation_id: u64,
    pub conversation: TaskConversation,
    pub state: TaskState,
    pub message: Message,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskConversation {
    pub id: u64,
    pub custom_fields: Vec<serde_json::Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaskState {
    Pending,
    Assigned,
    Answered,
    Archived,
    ArchivedAuto,
    OnHold,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    pub id: u64,
    pub is_private: bool,
    pub content: String,
    pub external_id: String,
    pub date: NaiveDate,
    pub time: NaiveTime,
    pub attachments: Vec<Attachment>,
    pub author: Author,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating_value: Option<u8>,
}

/// A file the customer sent, inline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub id: u64,
    pub mime_type: String,
    /// Standard base64 of the file.
    pub data: String,
    /// Bytes of the decoded file.
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    pub id: u64,
    pub name: TranslatedString,
    pub value: TagValue,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagValue {
    pub id: u64,
    pub value: TranslatedString,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranslatedString {
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Author {
    pub id: u64,
    pub name: String,
    pub group: AuthorGroup,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facebook_author: Option<FacebookAuthor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instagram_author: Option<InstagramAuthor>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuthorGroup {
    pub id: u64,
    pub custom_fields: Vec<serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacebookAuthor {
    pub first_name: String,
    pub last_name: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstagramAuthor {
    pub username: String,
    pub full_name: String,
}

/// `Action.data`; which variant depends on the action type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ActionData {
    Answer(AnswerData),
    ExecuteAnswer(ExecuteAnswerData),
    Steal(StealData),
    AssignTo(AssignToData),
    Tag(TagData),
}

/// `steal`: the agent the task was taken from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StealData {
    pub from: AdminUser,
}

/// `assign-to`: the agent the task was given to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignToData {
    pub to: AdminUser,
}

/// `tag`: the tag's value before (absent when the task did not have the tag) and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagData {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Tag>,
    pub next: Tag,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerData {
    pub is_private: bool,
    pub answers: Vec<Answer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub content: String,
    pub pictures: Vec<serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExecuteAnswerData {
    pub answer_action_id: u64,
    pub answer_status: ActionStatus,
}

/// The spec's `Conversation`, as `GET /actions/conversations/{conversation_id}` returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conversation {
    pub id: u64,
    pub actions: Vec<Action>,
}

/// The webhook body of synchronize.yaml's `/notify`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    pub id: u64,
    pub action: Action,
}

/// Splits an instant into the spec's separate UTC `date` and whole-second `time` fields.
pub fn utc_date_and_time(at: DateTime<Utc>) -> (NaiveDate, NaiveTime) {
    let time = at
        .time()
        .with_nanosecond(0)
        .expect("zero nanoseconds is always valid");
    (at.date_naive(), time)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_and_time_serialize_as_separate_utc_strings_without_fractions() {
        let at = DateTime::parse_from_rfc3339("2025-02-17T10:09:58.734+01:00")
            .unwrap()
            .to_utc();
        let (date, time) = utc_date_and_time(at);
        assert_eq!(serde_json::to_value(date).unwrap(), "2025-02-17");
        assert_eq!(serde_json::to_value(time).unwrap(), "09:09:58");
    }

    #[test]
    fn enums_use_the_spec_spelling() {
        assert_eq!(
            serde_json::to_value(ActionType::TaskCreate).unwrap(),
            "task-create"
        );
        assert_eq!(
            serde_json::to_value(ActionType::ExecuteAnswer).unwrap(),
            "execute-answer"
        );
        assert_eq!(serde_json::to_value(Channel::Gmb).unwrap(), "gmb");
        assert_eq!(serde_json::to_value(TaskState::Pending).unwrap(), "pending");
        assert_eq!(
            serde_json::to_value(TaskState::ArchivedAuto).unwrap(),
            "archived-auto"
        );
        assert_eq!(
            serde_json::to_value(ActionType::AutoArchive).unwrap(),
            "auto-archive"
        );
        assert_eq!(serde_json::to_value(ActionType::TagVip).unwrap(), "tag-vip");
    }
}
