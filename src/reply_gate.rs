//! Whether the agent may send a reply now, and why not: the protocol's rule applied to the
//! conversation as the widget follows it, together with what the backend said when it refused a
//! reply (it applies the same rule, sometimes with fresher facts).

use protocol::{Conversation, ErrorCode, ItemKind, ReplyBlock, ThreadItem};

use crate::api::Failure;

/// The reason a refused reply reveals, if the refusal is one of the rule's.
pub fn refusal_block(failure: &Failure) -> Option<ReplyBlock> {
    let Failure::Api(error) = failure else {
        return None;
    };
    match error.code {
        ErrorCode::Forbidden => Some(ReplyBlock::NoPermission),
        ErrorCode::ConversationClosed => Some(ReplyBlock::ConversationClosed),
        ErrorCode::ReplyWindowClosed => Some(ReplyBlock::ReplyWindowClosed),
        _ => None,
    }
}

/// What is left of a refusal once `item` arrives: the customer writing reopens the conversation
/// and its reply window; a refused permission stays refused.
pub fn refusal_after(refused: Option<ReplyBlock>, item: &ThreadItem) -> Option<ReplyBlock> {
    match refused {
        Some(ReplyBlock::NoPermission) => refused,
        _ if item.kind == ItemKind::Inbound => None,
        other => other,
    }
}

/// Why Send is disabled now, if it is.
pub fn current_block(
    conversation: &Conversation,
    may_reply: bool,
    now_ms: i64,
    refused: Option<ReplyBlock>,
) -> Option<ReplyBlock> {
    let may_reply = may_reply && refused != Some(ReplyBlock::NoPermission);
    conversation.reply_block(may_reply, now_ms).or(refused)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::thread_model::tests::{DAY0, item};
    use protocol::{ApiError, Channel, ConversationStatus};

    const HOUR: i64 = 60 * 60 * 1000;

    fn whatsapp(last_inbound_at_ms: i64) -> Conversation {
        Conversation {
            id: 1,
            channel: Channel::Whatsapp,
            account_name: "Lumio".into(),
            customer_name: "Amélie".into(),
            status: ConversationStatus::Open,
            last_inbound_at_ms: Some(last_inbound_at_ms),
        }
    }

    fn refused(code: ErrorCode) -> Option<ReplyBlock> {
        refusal_block(&Failure::Api(ApiError {
            code,
            message: String::new(),
            retry_after: None,
        }))
    }

    #[test]
    fn the_whatsapp_window_closes_while_the_widget_is_open_and_a_customer_message_reopens_it() {
        let mut conversation = whatsapp(DAY0);
        assert_eq!(current_block(&conversation, true, DAY0 + HOUR, None), None);
        let later = DAY0 + 25 * HOUR;
        assert_eq!(
            current_block(&conversation, true, later, None),
            Some(ReplyBlock::ReplyWindowClosed)
        );
        conversation.follow(&item(7, ItemKind::Inbound, "Amélie", later));
        assert_eq!(current_block(&conversation, true, later, None), None);
    }

    #[test]
    fn a_refused_reply_blocks_for_its_reason_until_the_customer_writes_again() {
        let conversation = whatsapp(DAY0);
        let window = refused(ErrorCode::ReplyWindowClosed);
        assert_eq!(window, Some(ReplyBlock::ReplyWindowClosed));
        assert_eq!(current_block(&conversation, true, DAY0, window), window);
        let reply = item(8, ItemKind::Outbound, "Léa", DAY0);
        assert_eq!(refusal_after(window, &reply), window);
        let customer = item(9, ItemKind::Inbound, "Amélie", DAY0);
        assert_eq!(refusal_after(window, &customer), None);

        assert_eq!(
            refused(ErrorCode::ConversationClosed),
            Some(ReplyBlock::ConversationClosed)
        );
        assert_eq!(refused(ErrorCode::RateLimited), None);
        assert_eq!(refusal_block(&Failure::Network("offline".into())), None);
    }

    #[test]
    fn a_refused_permission_outranks_everything_and_stays() {
        let mut conversation = whatsapp(DAY0);
        conversation.status = ConversationStatus::Closed;
        let forbidden = refused(ErrorCode::Forbidden);
        assert_eq!(
            current_block(&conversation, true, DAY0, forbidden),
            Some(ReplyBlock::NoPermission)
        );
        let customer = item(9, ItemKind::Inbound, "Amélie", DAY0);
        assert_eq!(refusal_after(forbidden, &customer), forbidden);
    }
}
