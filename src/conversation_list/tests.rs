use protocol::{
    AgentEmail, Channel, Conversation, ConversationStatus, ItemKind, ThreadPage, Viewer,
};

use super::*;
use crate::test_items::{DAY0, MINUTE, item};

fn conversation(id: i64, channel: Channel, customer: &str) -> Conversation {
    Conversation {
        id,
        channel,
        account_name: "Maison Lumière".into(),
        customer_name: customer.into(),
        status: ConversationStatus::Open,
        last_inbound_at_ms: None,
    }
}

/// A `limit=1` page: the conversation and its newest item.
fn newest_page(id: i64, channel: Channel, newest_item: i64, at_ms: i64) -> ThreadPage {
    ThreadPage {
        conversation: conversation(id, channel, "Amélie Dubois"),
        viewer: Viewer {
            email: AgentEmail::parse("sophie@example.com").unwrap(),
            may_reply: true,
        },
        items: vec![item(newest_item, ItemKind::Inbound, "Amélie", at_ms)],
        has_older: true,
        stream_position: Some(7),
        zone_rules: None,
    }
}

fn summary(id: i64, newest_item: i64, at_ms: i64) -> Summary {
    Summary::of(&newest_page(id, Channel::Whatsapp, newest_item, at_ms))
}

#[test]
fn the_list_keeps_the_hosts_order_without_repeats_and_holds_the_open_conversation() {
    let list = ConversationList::new(1001, &[1001, 1005, 1001, 1003]);
    assert_eq!(list.ids(), [1001, 1005, 1003]);
    assert_eq!(list.selected(), 1001);
    assert!(list.is_several());

    let missing = ConversationList::new(1001, &[1005]);
    assert_eq!(
        missing.ids(),
        [1001, 1005],
        "the open one is put first when the host left it out"
    );

    let alone = ConversationList::new(1001, &[]);
    assert_eq!(alone.ids(), [1001]);
    assert!(!alone.is_several(), "one conversation: no list is shown");
}

#[test]
fn a_summary_reads_the_newest_item_of_a_page_and_the_conversations_header() {
    let page = newest_page(1005, Channel::Gmb, 77, DAY0 + 5 * MINUTE);
    let summary = Summary::of(&page);
    assert_eq!(summary.channel, Channel::Gmb);
    assert_eq!(summary.customer_name, "Amélie Dubois");
    assert_eq!(summary.status, ConversationStatus::Open);
    assert_eq!(summary.last_at_ms, Some(DAY0 + 5 * MINUTE));

    let empty = ThreadPage {
        items: vec![],
        ..page
    };
    assert_eq!(Summary::of(&empty).last_at_ms, None);
}

#[test]
fn rows_load_then_show_their_summary_and_a_failure_never_hides_a_summary_read_before() {
    let mut list = ConversationList::new(1001, &[1001, 1005]);
    assert_eq!(list.row(1005).unwrap().state, RowState::Loading);
    list.failed(1005, "error-not-found");
    assert_eq!(
        list.row(1005).unwrap().state,
        RowState::Failed("error-not-found")
    );
    list.summarize(1005, summary(1005, 10, DAY0));
    assert!(matches!(list.row(1005).unwrap().state, RowState::Ready(_)));
    list.failed(1005, "error-network");
    assert!(
        matches!(list.row(1005).unwrap().state, RowState::Ready(_)),
        "a failed refresh keeps what the row showed"
    );
}

#[test]
fn selecting_moves_only_to_a_listed_conversation() {
    let mut list = ConversationList::new(1001, &[1001, 1005]);
    assert!(!list.select(1001), "already selected");
    assert!(!list.select(4242), "not in the list");
    assert_eq!(list.selected(), 1001);
    assert!(list.select(1005));
    assert_eq!(list.selected(), 1005);
}

#[test]
fn a_row_off_screen_is_unread_once_something_new_happens_there_until_it_is_selected() {
    let mut list = ConversationList::new(1001, &[1001, 1005]);
    list.summarize(1001, summary(1001, 1, DAY0));
    list.summarize(1005, summary(1005, 10, DAY0));
    assert!(
        !list.unread(1005),
        "what was there at mount is not news: the widget cannot know what the agent read"
    );

    list.summarize(1005, summary(1005, 11, DAY0 + MINUTE));
    assert!(list.unread(1005), "a newer item arrived off screen");
    assert!(!list.unread(1001));

    list.select(1005);
    assert!(!list.unread(1005), "selected, it is read");
    list.summarize(1005, summary(1005, 12, DAY0 + 2 * MINUTE));
    assert!(!list.unread(1005), "what arrives on screen is read");
    list.select(1001);
    assert!(
        !list.unread(1005),
        "left, it is not news: the agent saw it arrive"
    );
    list.select(1005);

    list.summarize(1001, summary(1001, 2, DAY0 + 3 * MINUTE));
    assert!(list.unread(1001), "the newest, now off screen, got news");
    list.select(1001);
    list.select(1005);
    assert!(!list.unread(1001), "the agent had it on screen since");
}

#[test]
fn the_keys_move_along_the_list_and_wrap_around_its_ends() {
    let mut list = ConversationList::new(1, &[1, 2, 3]);
    assert_eq!(list.moved(Move::Next), 2);
    assert_eq!(
        list.moved(Move::Previous),
        3,
        "before the first is the last"
    );
    assert_eq!(list.moved(Move::Last), 3);
    list.select(3);
    assert_eq!(list.moved(Move::Next), 1, "after the last is the first");
    assert_eq!(list.moved(Move::First), 1);
    assert_eq!(list.moved(Move::Previous), 2);
}

#[test]
fn the_arrows_follow_the_reading_direction_and_other_keys_move_nothing() {
    assert_eq!(Move::of_key("ArrowRight", false), Some(Move::Next));
    assert_eq!(Move::of_key("ArrowLeft", false), Some(Move::Previous));
    assert_eq!(Move::of_key("ArrowLeft", true), Some(Move::Next));
    assert_eq!(Move::of_key("ArrowRight", true), Some(Move::Previous));
    assert_eq!(Move::of_key("Home", true), Some(Move::First));
    assert_eq!(Move::of_key("End", false), Some(Move::Last));
    assert_eq!(Move::of_key("Enter", false), None);
    assert_eq!(Move::of_key("a", false), None);
}

#[test]
fn a_conversation_opened_from_elsewhere_joins_the_list_once_at_its_end() {
    let mut list = ConversationList::new(1001, &[1001]);
    assert!(!list.is_several());
    list.add(2002);
    list.add(2002);
    list.add(1001);
    assert_eq!(list.ids(), vec![1001, 2002]);
    assert!(list.is_several(), "the list is shown once it has two");
    assert!(list.select(2002));
    assert_eq!(list.selected(), 2002);
}
