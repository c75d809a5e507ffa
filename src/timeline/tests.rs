use super::*;
use crate::test_items::{DAY0, MINUTE, item, utc_day};
use protocol::ItemKind::Inbound;

fn items(ids: std::ops::Range<i64>) -> Vec<ThreadItem> {
    // Ten minutes apart: one group per message, one day per 144 messages.
    ids.map(|id| item(id, Inbound, "Ana", DAY0 + id * 10 * MINUTE))
        .collect()
}

fn message_ids(rows: &[Row]) -> Vec<i64> {
    rows.iter()
        .filter_map(|row| match row {
            Row::Message { item, .. } => Some(item.id),
            _ => None,
        })
        .collect()
}

#[test]
fn a_long_thread_shows_only_its_newest_window() {
    let timeline = Timeline::new(items(0..50), true, &utc_day);
    assert!(timeline.visible().len() <= Timeline::WINDOW);
    assert_eq!(message_ids(timeline.visible()).last(), Some(&49));
    assert!(timeline.at_end());

    let long = Timeline::new(items(0..1000), false, &utc_day);
    assert_eq!(long.visible().len(), Timeline::WINDOW);
    assert_eq!(message_ids(long.visible()).last(), Some(&999));
    assert!(!long.at_start());
}

#[test]
fn an_older_page_keeps_the_window_on_the_same_messages_until_it_slides_up() {
    let mut timeline = Timeline::new(items(1000..1050), true, &utc_day);
    let before = message_ids(timeline.visible());
    assert!(timeline.at_start());
    assert_eq!(timeline.oldest_id(), Some(1000));

    timeline.prepend(items(950..1000), true, &utc_day);
    assert_eq!(message_ids(timeline.visible()), before);
    assert_eq!(timeline.oldest_id(), Some(950));
    assert!(timeline.slide_up());
    let shown = message_ids(timeline.visible());
    assert!(shown.contains(&999) && shown.contains(&1049));
    assert!(timeline.visible().len() <= Timeline::WINDOW);

    // A page overlapping what is loaded adds nothing twice.
    timeline.prepend(items(940..960), false, &utc_day);
    assert_eq!(timeline.len(), 110);
    assert!(!timeline.has_older());
}

#[test]
fn reloading_the_newest_page_keeps_the_first_messages_day_separator_in_the_window() {
    let mut timeline = Timeline::new(items(0..3), false, &utc_day);
    assert!(matches!(timeline.visible()[0], Row::Day { .. }));
    timeline.append(items(0..3), true, &utc_day);
    assert!(matches!(timeline.visible()[0], Row::Day { .. }));
    timeline.append(items(500..501), true, &utc_day);
    assert!(matches!(timeline.visible()[0], Row::Day { .. }));
    assert_eq!(message_ids(timeline.visible()), [0, 1, 2, 500]);
}

#[test]
fn sliding_never_puts_more_than_the_window_in_the_dom() {
    let mut timeline = Timeline::new(items(0..1000), false, &utc_day);
    while timeline.slide_up() {
        assert!(timeline.visible().len() <= Timeline::WINDOW);
    }
    assert_eq!(message_ids(timeline.visible())[0], 0);
    while timeline.slide_down() {
        assert!(timeline.visible().len() <= Timeline::WINDOW);
    }
    assert_eq!(message_ids(timeline.visible()).last(), Some(&999));
}

#[test]
fn new_items_follow_the_agent_at_the_bottom_and_count_as_unread_when_scrolled_up() {
    let mut timeline = Timeline::new(items(0..300), false, &utc_day);
    timeline.append(items(300..301), true, &utc_day);
    assert_eq!(message_ids(timeline.visible()).last(), Some(&300));
    assert_eq!(timeline.unread(), 0);

    timeline.slide_up();
    timeline.slide_up();
    let window = message_ids(timeline.visible());
    timeline.append(items(301..304), false, &utc_day);
    assert_eq!(timeline.unread(), 3);
    assert_eq!(
        message_ids(timeline.visible()),
        window,
        "the view stays put"
    );

    timeline.show_latest();
    let rows = timeline.visible();
    let marker = rows.iter().position(|row| *row == Row::Unread).unwrap();
    assert_eq!(message_ids(&rows[marker..])[0], 301);
    timeline.mark_read();
    assert_eq!(timeline.unread(), 0);
}

#[test]
fn an_event_arriving_while_scrolled_up_is_not_counted_as_an_unread_message() {
    use crate::test_items::event;
    let mut timeline = Timeline::new(items(0..300), false, &utc_day);
    timeline.slide_up();
    let archived = event(
        300,
        protocol::ConversationEvent::Archived,
        DAY0 + 3000 * MINUTE,
    );
    timeline.append(vec![archived], false, &utc_day);
    assert_eq!(timeline.unread(), 0);
    assert_eq!((timeline.len(), timeline.message_count()), (301, 300));
    timeline.append(items(301..302), false, &utc_day);
    assert_eq!(timeline.unread(), 1);
}

#[test]
fn an_item_already_loaded_is_updated_in_place() {
    let mut timeline = Timeline::new(items(0..3), false, &utc_day);
    let mut sent = item(1, Inbound, "Ana", DAY0 + 10 * MINUTE);
    sent.text = "edited".into();
    timeline.append(vec![sent], false, &utc_day);
    assert_eq!(timeline.len(), 3);
    assert_eq!(timeline.unread(), 0);
    assert!(timeline.visible().iter().any(
        |row| matches!(row, Row::Message { item, .. } if item.id == 1 && item.text == "edited")
    ));
}

#[test]
fn a_reply_stays_one_item_when_its_id_changes_from_provisional_to_alcmeons() {
    let mut timeline = Timeline::new(items(0..5), false, &utc_day);
    let mut reply = item(
        i64::MAX - 1,
        protocol::ItemKind::Outbound,
        "Me",
        DAY0 + 60 * MINUTE,
    );
    reply.client_id = Some(protocol::ClientId::parse("c-1").unwrap());
    reply.delivery = Some(protocol::Delivery::Sending);
    timeline.append(vec![reply.clone()], true, &utc_day);
    assert_eq!(timeline.len(), 6);

    let mut recorded = reply.clone();
    recorded.id = 5;
    recorded.delivery = Some(protocol::Delivery::Sent);
    assert_eq!(timeline.find(&recorded), Some(&reply));
    timeline.append(vec![recorded], true, &utc_day);
    assert_eq!(timeline.len(), 6, "replaced, not added");
    assert_eq!(message_ids(timeline.visible()), vec![0, 1, 2, 3, 4, 5]);
    assert_eq!(timeline.unread(), 0);
}
