//! Thread items for the native tests, around one fixed day so expectations read as dates:
//! every pure module's tests build their threads from these, never from a browser or a backend.

use protocol::{AgentEmail, ConversationEvent, ItemKind, LocalDay, ThreadItem, ZoneRules};

/// 2026-11-24T00:00:00Z
pub const DAY0: i64 = 1_795_478_400_000;
pub const MINUTE: i64 = 60_000;

pub fn item(id: i64, kind: ItemKind, author: &str, at_ms: i64) -> ThreadItem {
    ThreadItem {
        id,
        kind,
        author: author.to_owned(),
        text: format!("message {id}"),
        at_ms,
        delivery: None,
        client_id: None,
        agent_email: None,
        event: None,
        attachments: vec![],
    }
}

/// An agent's or a bot's (no email) reply.
pub fn reply(id: i64, author: &str, email: Option<&str>, at_ms: i64) -> ThreadItem {
    ThreadItem {
        agent_email: email.map(|email| AgentEmail::parse(email).unwrap()),
        ..item(id, ItemKind::Outbound, author, at_ms)
    }
}

pub fn event(id: i64, event: ConversationEvent, at_ms: i64) -> ThreadItem {
    ThreadItem {
        event: Some(event),
        text: String::new(),
        ..item(id, ItemKind::Event, "Léa", at_ms)
    }
}

/// Days in UTC, for tests: the real caller uses the agent's zone.
pub fn utc_day(item: &ThreadItem) -> LocalDay {
    ZoneRules::utc().local_day(item.at_ms)
}
