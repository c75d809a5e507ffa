//! When an agent may answer a conversation at all. The widget disables Send with the reason, and
//! the backend refuses a reply for the same reason, from this one rule.

use strum::VariantArray;

use crate::{Channel, Conversation, ConversationStatus, ErrorCode};

const HOUR_MS: i64 = 60 * 60 * 1000;

/// How long before the reply window closes the widget counts down to it.
pub const REPLY_WINDOW_COUNTDOWN_MS: i64 = HOUR_MS;

/// Why Send is disabled whatever the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, VariantArray)]
pub enum ReplyBlock {
    /// The agent's Salesforce permissions do not include replying.
    NoPermission,
    ConversationClosed,
    /// The channel only lets a brand answer for a while after the customer last wrote.
    ReplyWindowClosed,
}

impl Channel {
    /// How long after the customer's last message the channel still takes a free-form reply, in
    /// milliseconds; `None` when it has no such window. WhatsApp's customer-service window is 24 h;
    /// Messenger and Instagram allow 7 days for replies from a human agent (Meta's `HUMAN_AGENT`
    /// tag), which is what this widget sends.
    pub fn reply_window_ms(self) -> Option<i64> {
        match self {
            Channel::Whatsapp => Some(24 * HOUR_MS),
            Channel::Facebook | Channel::Instagram => Some(7 * 24 * HOUR_MS),
            _ => None,
        }
    }
}

impl Conversation {
    /// When the channel's reply window closes, if it has one and the customer has written.
    pub fn reply_window_closes_at_ms(&self) -> Option<i64> {
        Some(self.last_inbound_at_ms? + self.channel.reply_window_ms()?)
    }

    /// How long the reply window stays open, in milliseconds, during its last
    /// [`REPLY_WINDOW_COUNTDOWN_MS`]; `None` before that, once it has closed, or without a window.
    pub fn reply_window_left_ms(&self, now_ms: i64) -> Option<i64> {
        let left = self.reply_window_closes_at_ms()? - now_ms;
        (left > 0 && left <= REPLY_WINDOW_COUNTDOWN_MS).then_some(left)
    }

    /// Why a reply cannot be sent now, if it cannot.
    pub fn reply_block(&self, may_reply: bool, now_ms: i64) -> Option<ReplyBlock> {
        if !may_reply {
            return Some(ReplyBlock::NoPermission);
        }
        if self.status == ConversationStatus::Closed {
            return Some(ReplyBlock::ConversationClosed);
        }
        let window_closed = match (self.channel.reply_window_ms(), self.last_inbound_at_ms) {
            (Some(_), None) => true,
            (Some(_), Some(_)) => self
                .reply_window_closes_at_ms()
                .is_some_and(|end| now_ms >= end),
            (None, _) => false,
        };
        window_closed.then_some(ReplyBlock::ReplyWindowClosed)
    }
}

impl ReplyBlock {
    /// The Fluent message id of the reason the widget shows under a disabled Send.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::NoPermission => "reply-blocked-no-permission",
            Self::ConversationClosed => "reply-blocked-closed",
            Self::ReplyWindowClosed => "reply-blocked-window",
        }
    }

    /// The block a backend error stands for, if it is one of [`ReplyBlock::error_code`]'s.
    pub fn from_error_code(code: ErrorCode) -> Option<ReplyBlock> {
        Self::VARIANTS
            .iter()
            .copied()
            .find(|block| block.error_code() == code)
    }

    /// The error the backend answers a reply with when this blocks it.
    pub fn error_code(self) -> ErrorCode {
        match self {
            Self::NoPermission => ErrorCode::Forbidden,
            Self::ConversationClosed => ErrorCode::ConversationClosed,
            Self::ReplyWindowClosed => ErrorCode::ReplyWindowClosed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conversation(channel: Channel, last_inbound_at_ms: Option<i64>) -> Conversation {
        Conversation {
            id: 1,
            channel,
            account_name: "Brand".into(),
            customer_name: "Customer".into(),
            status: ConversationStatus::Open,
            last_inbound_at_ms,
        }
    }

    #[test]
    fn whatsapp_takes_replies_for_24_hours_after_the_customer_wrote() {
        let wrote = 1_700_000_000_000;
        let open = conversation(Channel::Whatsapp, Some(wrote));
        assert_eq!(open.reply_block(true, wrote + 24 * HOUR_MS - 1), None);
        assert_eq!(
            open.reply_block(true, wrote + 24 * HOUR_MS),
            Some(ReplyBlock::ReplyWindowClosed)
        );
        assert_eq!(
            conversation(Channel::Whatsapp, None).reply_block(true, wrote),
            Some(ReplyBlock::ReplyWindowClosed)
        );
    }

    #[test]
    fn the_countdown_runs_through_the_last_hour_of_the_window_and_stops_when_it_closes() {
        let wrote = 1_700_000_000_000;
        let open = conversation(Channel::Whatsapp, Some(wrote));
        let closes = wrote + 24 * HOUR_MS;
        assert_eq!(open.reply_window_left_ms(closes - HOUR_MS - 1), None);
        assert_eq!(open.reply_window_left_ms(closes - HOUR_MS), Some(HOUR_MS));
        assert_eq!(open.reply_window_left_ms(closes - 1), Some(1));
        assert_eq!(open.reply_window_left_ms(closes), None);
        assert_eq!(
            open.reply_block(true, closes),
            Some(ReplyBlock::ReplyWindowClosed)
        );
        let never_wrote = conversation(Channel::Whatsapp, None);
        assert_eq!(never_wrote.reply_window_left_ms(wrote), None);
        assert_eq!(
            conversation(Channel::Gmb, Some(wrote)).reply_window_left_ms(wrote),
            None
        );
    }

    #[test]
    fn channels_without_a_window_stay_answerable() {
        let old = conversation(Channel::Gmb, Some(0));
        assert_eq!(old.reply_block(true, i64::MAX / 2), None);
        assert_eq!(old.reply_window_closes_at_ms(), None);
    }

    #[test]
    fn each_block_is_read_back_from_its_error_code() {
        for &block in ReplyBlock::VARIANTS {
            assert_eq!(ReplyBlock::from_error_code(block.error_code()), Some(block));
        }
        assert_eq!(ReplyBlock::from_error_code(ErrorCode::Conflict), None);
    }

    #[test]
    fn permission_comes_first_then_the_closed_status() {
        let mut closed = conversation(Channel::Twitter, Some(0));
        closed.status = ConversationStatus::Closed;
        assert_eq!(closed.reply_block(false, 0), Some(ReplyBlock::NoPermission));
        assert_eq!(
            closed.reply_block(true, 0),
            Some(ReplyBlock::ConversationClosed)
        );
    }
}
