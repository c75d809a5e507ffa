use super::*;
use crate::test_items::{DAY0, event, item};
use protocol::{ApiError, Channel, ConversationEvent, ConversationStatus, ErrorCode};

const HOUR: i64 = 60 * 60 * 1000;

fn whatsapp(last_inbound_at_ms: i64) -> ReplyGate {
    let conversation = Conversation {
        id: 1,
        channel: Channel::Whatsapp,
        account_name: "Lumio".into(),
        customer_name: "Amélie".into(),
        status: ConversationStatus::Open,
        last_inbound_at_ms: Some(last_inbound_at_ms),
    };
    let viewer = Viewer {
        email: protocol::AgentEmail::parse("lea@brand.example").unwrap(),
        may_reply: true,
    };
    ReplyGate::new(conversation, viewer, last_inbound_at_ms)
}

fn api(code: ErrorCode) -> Failure {
    Failure::Api(ApiError {
        code,
        message: String::new(),
        retry_after: None,
    })
}

#[test]
fn the_whatsapp_window_closes_while_the_widget_is_open_and_a_customer_message_reopens_it() {
    let mut gate = whatsapp(DAY0);
    gate.now_ms = DAY0 + HOUR;
    assert_eq!(gate.block(), None);
    gate.now_ms = DAY0 + 25 * HOUR;
    assert_eq!(gate.block(), Some(ReplyBlock::ReplyWindowClosed));
    let later = gate.now_ms;
    gate.follow(&item(7, ItemKind::Inbound, "Amélie", later), later);
    assert_eq!(gate.block(), None);
}

#[test]
fn archiving_blocks_until_the_customer_writes_again() {
    let mut gate = whatsapp(DAY0);
    gate.follow(&event(2, ConversationEvent::Archived, DAY0), DAY0);
    assert_eq!(gate.block(), Some(ReplyBlock::ConversationClosed));
    gate.follow(&item(3, ItemKind::Inbound, "Amélie", DAY0), DAY0);
    assert_eq!(gate.block(), None);
}

#[test]
fn a_refused_reply_blocks_for_its_reason_until_the_customer_writes_again() {
    let mut gate = whatsapp(DAY0);
    gate.refuse(&api(ErrorCode::RateLimited));
    gate.refuse(&Failure::Network("offline".into()));
    assert_eq!(gate.block(), None, "not every failure is a refusal");
    gate.refuse(&api(ErrorCode::ReplyWindowClosed));
    assert_eq!(gate.block(), Some(ReplyBlock::ReplyWindowClosed));
    gate.follow(&item(8, ItemKind::Outbound, "Léa", DAY0), DAY0);
    assert_eq!(gate.block(), Some(ReplyBlock::ReplyWindowClosed));
    gate.follow(&item(9, ItemKind::Inbound, "Amélie", DAY0), DAY0);
    assert_eq!(gate.block(), None);
    gate.refuse(&api(ErrorCode::ConversationClosed));
    assert_eq!(gate.block(), Some(ReplyBlock::ConversationClosed));
}

#[test]
fn a_refused_permission_outranks_everything_and_stays() {
    let mut gate = whatsapp(DAY0);
    gate.conversation.status = ConversationStatus::Closed;
    gate.refuse(&api(ErrorCode::Forbidden));
    assert_eq!(gate.block(), Some(ReplyBlock::NoPermission));
    gate.follow(&item(9, ItemKind::Inbound, "Amélie", DAY0), DAY0);
    assert_eq!(gate.block(), Some(ReplyBlock::NoPermission));
}
