//! What an Alcméon action means for the thread the widget shows.

use protocol::{
    AgentEmail, Channel, Conversation, ConversationEvent, ConversationStatus, EventParties,
    ItemKind, ThreadItem,
};
use serde_json::Value;

use super::files::{InlineFile, inline_files};
use crate::alcmeon::Action;

#[derive(Debug, Default, PartialEq)]
pub struct Projected {
    /// What the action tells about its conversation, when it names one (its status and reply
    /// window are followed separately, item by item).
    pub conversation: Option<Conversation>,
    /// The message or event the action adds to its conversation's thread, if any; its
    /// `attachments` are listed once `files` are stored.
    pub item: Option<(i64, ThreadItem)>,
    /// The files the item carries.
    pub files: Vec<InlineFile>,
}

pub fn project(action: &Action) -> Projected {
    let Some(conversation_id) = action.conversation_id() else {
        return Projected::default();
    };
    let account = action.account.as_ref();
    let message = action.task.as_ref().and_then(|task| task.message.as_ref());
    let customer_name = message
        .and_then(|m| m.author.as_ref())
        .and_then(|author| author.display_name())
        .unwrap_or_default();
    let conversation = Conversation {
        id: conversation_id,
        channel: Channel::from_alcmeon_type(account.and_then(|a| a.kind.as_deref()).unwrap_or("")),
        account_name: account.and_then(|a| a.name.clone()).unwrap_or_default(),
        customer_name: if action.kind == "task-create" {
            customer_name.clone()
        } else {
            String::new()
        },
        status: ConversationStatus::Open,
        last_inbound_at_ms: None,
    };
    let at_ms = |at: Option<chrono::DateTime<chrono::Utc>>| {
        at.or(action.occurred_at()).map(|t| t.timestamp_millis())
    };
    let user = action.user.as_ref();
    let user_name = user.and_then(|u| u.name.clone()).unwrap_or_default();
    let item = |kind, author, text, at_ms| ThreadItem {
        id: action.id,
        kind,
        author,
        text,
        at_ms,
        delivery: None,
        client_id: None,
        agent_email: None,
        event: None,
        attachments: vec![],
    };
    let projected = match action.kind.as_str() {
        "task-create" => message.and_then(|message| {
            Some(item(
                ItemKind::Inbound,
                customer_name,
                message.content.clone().unwrap_or_default(),
                at_ms(message.written_at())?,
            ))
        }),
        "answer" => at_ms(None).map(|at_ms| ThreadItem {
            agent_email: user
                .filter(|u| u.is_bot != Some(true))
                .and_then(|u| u.email.as_deref())
                .and_then(|email| AgentEmail::parse(email).ok()),
            ..item(
                ItemKind::Outbound,
                user_name,
                answer_text(action.data.as_ref()),
                at_ms,
            )
        }),
        other => ConversationEvent::from_alcmeon(other, parties(action.data.as_ref()))
            .zip(at_ms(None))
            .map(|(event, at_ms)| ThreadItem {
                event: Some(event),
                ..item(ItemKind::Event, user_name, String::new(), at_ms)
            }),
    };
    Projected {
        conversation: Some(conversation),
        files: projected
            .as_ref()
            .map(|_| inline_files(action))
            .unwrap_or_default(),
        item: projected.map(|item| (conversation_id, item)),
    }
}

/// The names an event action's `data` gives: `assign-to`'s `to`, `steal`'s `from`, and `tag`'s
/// new tag name and value (`TranslatedString.value`s).
fn parties(data: Option<&Value>) -> EventParties {
    let text = |pointer: &str| {
        data.and_then(|d| d.pointer(pointer))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let other = [text("/to/name"), text("/from/name")]
        .into_iter()
        .find(|name| !name.is_empty())
        .unwrap_or_default();
    EventParties {
        other,
        tag: text("/next/name/value"),
        value: text("/next/value/value/value"),
    }
}

/// The text of an `answer` action: its answers' contents, one per paragraph.
fn answer_text(data: Option<&Value>) -> String {
    let answers = data
        .and_then(|d| d.get("answers"))
        .and_then(|a| a.as_array());
    answers
        .into_iter()
        .flatten()
        .filter_map(|answer| answer.get("content")?.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn action(value: serde_json::Value) -> Action {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn a_task_create_is_the_customer_message_with_its_authoring_time() {
        let projected = project(&action(json!({
            "id": 7, "type": "task-create", "date": "2026-11-20", "time": "10:00:05",
            "account": {"id": 3, "name": "Acme WhatsApp", "type": "whatsapp"},
            "task": {"conversation_id": 1001, "message": {
                "content": "<b>Hi</b>", "date": "2026-11-20", "time": "09:59:00",
                "author": {"name": "Léa Martin"}}}
        })));
        let conversation = projected.conversation.unwrap();
        assert_eq!(
            (conversation.channel, conversation.customer_name.as_str()),
            (Channel::Whatsapp, "Léa Martin")
        );
        let (conversation_id, item) = projected.item.unwrap();
        assert_eq!(conversation_id, 1001);
        assert_eq!(item.kind, ItemKind::Inbound);
        assert_eq!(item.text, "<b>Hi</b>");
        assert_eq!(item.at_ms, 1_795_168_740_000);
    }

    #[test]
    fn an_answer_is_the_agent_reply_signed_by_the_agent() {
        let projected = project(&action(json!({
            "id": 8, "type": "answer", "date": "2026-11-20", "time": "10:01:00",
            "user": {"id": 5, "name": "Sam Agent", "email": "sam@example.com", "is_bot": false},
            "account": {"type": "instagram"},
            "task": {"conversation_id": 1001},
            "data": {"is_private": false, "answers": [{"content": "Hello"}, {"content": "Bye"}]}
        })));
        let (_, item) = projected.item.unwrap();
        assert_eq!(
            (item.kind, item.author.as_str(), item.text.as_str()),
            (ItemKind::Outbound, "Sam Agent", "Hello\n\nBye")
        );
    }

    #[test]
    fn instagram_customers_without_a_name_show_their_handle() {
        let projected = project(&action(json!({
            "id": 9, "type": "task-create", "date": "2026-11-20", "time": "10:00:00",
            "task": {"conversation_id": 4, "message": {"content": "hey",
                "author": {"name": "", "instagram_author": {"username": "lea.m"}}}}
        })));
        assert_eq!(projected.item.unwrap().1.author, "@lea.m");
    }

    #[test]
    fn an_answer_by_a_human_carries_their_lower_case_email_and_a_bots_carries_none() {
        let answer = |is_bot: bool| {
            project(&action(json!({
                "id": 8, "type": "answer", "date": "2026-11-20", "time": "10:01:00",
                "user": {"id": 5, "name": "Sam", "email": "Sam.Agent@Example.com", "is_bot": is_bot},
                "task": {"conversation_id": 1001},
                "data": {"answers": [{"content": "Hello"}]}
            })))
            .item
            .unwrap()
            .1
            .agent_email
        };
        assert_eq!(answer(false).as_deref(), Some("sam.agent@example.com"));
        assert_eq!(answer(true), None);
    }

    #[test]
    fn agent_actions_become_events_signed_by_whoever_acted() {
        let event = |value: serde_json::Value| {
            let (_, item) = project(&action(value)).item.unwrap();
            assert_eq!(item.kind, ItemKind::Event);
            (item.author, item.event.unwrap())
        };
        let base = json!({"id": 12, "date": "2026-11-20", "time": "10:02:00",
                          "user": {"name": "Sophie", "is_bot": false},
                          "task": {"conversation_id": 1001}});
        let with = |extra: serde_json::Value| {
            let mut value = base.clone();
            value
                .as_object_mut()
                .unwrap()
                .extend(extra.as_object().unwrap().clone());
            value
        };
        assert_eq!(
            event(with(
                json!({"type": "assign-to", "data": {"to": {"name": "Karim"}}})
            )),
            (
                "Sophie".into(),
                ConversationEvent::Assigned { to: "Karim".into() }
            )
        );
        assert_eq!(
            event(with(
                json!({"type": "steal", "data": {"from": {"name": "Emma"}}})
            ))
            .1,
            ConversationEvent::TakenOver {
                from: "Emma".into()
            }
        );
        let tag = json!({"type": "tag", "data": {"next": {"id": 1, "name": {"value": "Topic"},
                         "value": {"id": 2, "value": {"value": "Refund"}}}}});
        assert_eq!(
            event(with(tag)).1,
            ConversationEvent::Tagged {
                tag: "Topic".into(),
                value: "Refund".into()
            }
        );
        let bot = json!({"type": "auto-archive", "user": {"name": "Alcméon", "is_bot": true}});
        assert_eq!(
            event(with(bot)),
            ("Alcméon".into(), ConversationEvent::AutoArchived)
        );
    }

    #[test]
    fn actions_outside_the_thread_add_no_item() {
        for hidden in ["first-seen", "comment", "execute-answer"] {
            let projected = project(&action(json!({"id": 10, "type": hidden,
                "date": "2026-11-20", "time": "10:00:00", "task": {"conversation_id": 4}})));
            assert!(projected.item.is_none(), "{hidden}");
        }
        assert!(
            project(&action(json!({"id": 11, "type": "tag-vip"})))
                .conversation
                .is_none()
        );
    }
}
