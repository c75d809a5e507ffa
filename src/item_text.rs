//! The words the widget shows for a thread item besides its own text: who sent it, what an event
//! did, why a reply failed. The thread and the announcements say the same thing from here.

use fluent_bundle::FluentArgs;
use protocol::{ConversationEvent, Delivery, ThreadItem};

use crate::i18n::I18n;
use crate::rows::Sender;

/// The name shown above a message: "You" for the viewer's own replies, else the author, else
/// the side they write from.
pub fn author_name(i18n: &I18n, item: &ThreadItem, sender: Sender) -> String {
    match sender {
        Sender::Me => i18n.t("message-from-you"),
        _ if !item.author.is_empty() => item.author.clone(),
        Sender::Customer => i18n.t("message-from-customer"),
        _ => i18n.t("message-from-agent"),
    }
}

/// An event item's line, e.g. "Léa assigned the conversation to Tom".
pub fn event_text(i18n: &I18n, item: &ThreadItem) -> String {
    let event = item.event.as_ref().unwrap_or(&ConversationEvent::Other);
    let mut args = FluentArgs::new();
    let author = if item.author.is_empty() {
        i18n.t("message-from-agent")
    } else {
        item.author.clone()
    };
    args.set("author", author);
    match event {
        ConversationEvent::Assigned { to } => args.set("to", to.as_str()),
        ConversationEvent::TakenOver { from } => args.set("from", from.as_str()),
        ConversationEvent::Tagged { tag, value } => {
            args.set("tag", tag.as_str());
            args.set("value", value.as_str());
        }
        _ => {}
    }
    i18n.t_with(event.message_id(), &args)
}

/// Why a reply failed: `local` is the message id of a failure the widget met itself (the backend
/// could not be reached or refused the reply), else the delivery's code, followed by Alcméon's
/// own word for it when it gave one.
pub fn failure_reason(i18n: &I18n, delivery: Option<&Delivery>, local: Option<&str>) -> String {
    if let Some(id) = local {
        return i18n.t(id);
    }
    let Some(Delivery::Failed { code, detail }) = delivery else {
        return i18n.t(protocol::FailureCode::Unknown.message_id());
    };
    with_detail(
        i18n,
        i18n.t(code.message_id()),
        detail.as_deref().unwrap_or_default(),
    )
}

/// A failure's translated `reason` followed by Alcméon's own word for it, when it gave one.
pub fn with_detail(i18n: &I18n, reason: String, detail: &str) -> String {
    if detail.trim().is_empty() {
        return reason;
    }
    let mut args = FluentArgs::new();
    args.set("reason", reason);
    args.set("detail", detail);
    i18n.t_with("failure-with-detail", &args)
}

/// At most this many characters of a message are read out when it arrives.
const SUMMARY_CHARS: usize = 100;

/// A message's text on one line, cut after [`SUMMARY_CHARS`] characters; for a message with
/// only files, how many there are.
pub fn summary(i18n: &I18n, item: &ThreadItem) -> String {
    let mut line = String::new();
    for word in item.text.split_whitespace() {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if line.is_empty() {
        let mut args = FluentArgs::new();
        args.set("count", item.attachments.len());
        return i18n.t_with("announce-attachments", &args);
    }
    match line.char_indices().nth(SUMMARY_CHARS) {
        Some((cut, _)) => format!("{}…", line[..cut].trim_end()),
        None => line,
    }
}

#[cfg(test)]
mod tests;
