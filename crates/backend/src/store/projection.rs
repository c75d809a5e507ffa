//! What an Alcméon action means for the thread the widget shows.

use protocol::{Channel, Conversation, ItemKind, ThreadItem};

use crate::alcmeon::Action;

#[derive(Debug, Default, PartialEq)]
pub struct Projected {
    /// What the action tells about its conversation, when it names one.
    pub conversation: Option<Conversation>,
    /// The message the action adds to its conversation's thread, if any.
    pub item: Option<(i64, ThreadItem)>,
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
    };
    let at_ms = |at: Option<chrono::DateTime<chrono::Utc>>| {
        at.or(action.occurred_at()).map(|t| t.timestamp_millis())
    };
    let item = match action.kind.as_str() {
        "task-create" => message.and_then(|message| {
            Some(ThreadItem {
                id: action.id,
                kind: ItemKind::Inbound,
                author: customer_name,
                text: message.content.clone().unwrap_or_default(),
                at_ms: at_ms(message.written_at())?,
                delivery: None,
                client_id: None,
            })
        }),
        "answer" => {
            let text = answer_text(action.data.as_ref());
            let author = action
                .user
                .as_ref()
                .and_then(|u| u.name.clone())
                .unwrap_or_default();
            at_ms(None).map(|at_ms| ThreadItem {
                id: action.id,
                kind: ItemKind::Outbound,
                author,
                text,
                at_ms,
                delivery: None,
                client_id: None,
            })
        }
        _ => None,
    };
    Projected {
        conversation: Some(conversation),
        item: item.map(|item| (conversation_id, item)),
    }
}

/// The text of an `answer` action: its answers' contents, one per paragraph.
fn answer_text(data: Option<&serde_json::Value>) -> String {
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
    fn actions_outside_the_thread_add_no_item() {
        let projected = project(&action(
            json!({"id": 10, "type": "first-seen", "task": {"conversation_id": 4}}),
        ));
        assert!(projected.item.is_none());
        assert!(
            project(&action(json!({"id": 11, "type": "tag-vip"})))
                .conversation
                .is_none()
        );
    }
}
