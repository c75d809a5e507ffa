//! What the conversation's one live region says when something happens while the agent is
//! here: someone else wrote or did something, or a reply failed (the agent's own, or anyone
//! else's: the agent must not believe the customer got it). Rows that appear
//! because the agent scrolls or pages are never announced: only items arriving live come here.

use fluent_bundle::FluentArgs;
use protocol::{AgentEmail, Delivery, ItemKind, ThreadItem};

use crate::i18n::I18n;
use crate::item_text::{author_name, event_text, failure_reason, summary};
use crate::rows::Sender;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Announcement {
    CustomerMessage,
    /// Another agent's or a bot's reply.
    AgentReply,
    /// Another agent's or a bot's reply that was not delivered: new, or just turned failed.
    AgentReplyFailed,
    Event,
    /// The viewer's own reply could not be delivered.
    ReplyFailed,
}

impl Announcement {
    /// What to announce for `item` arriving live; `previous` is the version of it already in the
    /// thread, if any (a delivery update). Only news is announced: a new item from someone else,
    /// or a reply turning failed (someone else's says whose, what and why).
    pub fn for_item(
        item: &ThreadItem,
        previous: Option<&ThreadItem>,
        viewer_email: Option<&AgentEmail>,
    ) -> Option<Self> {
        let failed = |item: &ThreadItem| matches!(item.delivery, Some(Delivery::Failed { .. }));
        let sender = Sender::of(item, viewer_email);
        let turned_failed = failed(item) && !previous.is_some_and(failed);
        if sender == Some(Sender::Me) {
            return turned_failed.then_some(Self::ReplyFailed);
        }
        if item.kind == ItemKind::Outbound && turned_failed {
            return Some(Self::AgentReplyFailed);
        }
        if previous.is_some() {
            return None;
        }
        Some(match item.kind {
            ItemKind::Inbound => Self::CustomerMessage,
            ItemKind::Outbound => Self::AgentReply,
            ItemKind::Event => Self::Event,
        })
    }

    /// The words announced; `local_failure` is the message id of a failure the widget met
    /// itself while sending.
    pub fn text(self, i18n: &I18n, item: &ThreadItem, local_failure: Option<&str>) -> String {
        let mut args = FluentArgs::new();
        let id = match self {
            Self::Event => return event_text(i18n, item),
            Self::AgentReplyFailed => {
                args.set("reason", failure_reason(i18n, item.delivery.as_ref(), None));
                let reply = Self::AgentReply.text(i18n, item, None);
                return format!("{reply} {}", i18n.t_with("delivery-failed", &args));
            }
            Self::ReplyFailed => {
                let reason = failure_reason(i18n, item.delivery.as_ref(), local_failure);
                args.set("reason", reason);
                "announce-reply-failed"
            }
            Self::CustomerMessage | Self::AgentReply => {
                let sender = if self == Self::CustomerMessage {
                    Sender::Customer
                } else {
                    Sender::OtherAgent
                };
                args.set("author", author_name(i18n, item, sender));
                args.set("text", summary(i18n, item));
                if self == Self::CustomerMessage {
                    "announce-customer-message"
                } else {
                    "announce-agent-reply"
                }
            }
        };
        i18n.t_with(id, &args)
    }
}

#[cfg(test)]
mod tests;
