use protocol::ZoneRules;

use super::*;
use crate::test_items::{DAY0, MINUTE, event, item, reply, utc_day};

/// A day near `DAY0` (24 November 2026) as `2026-11-DD`, for readable expectations.
fn november(day: LocalDay) -> String {
    let day0 = ZoneRules::utc().local_day(DAY0);
    format!("2026-11-{}", 24 + day.0 - day0.0)
}

fn shape(rows: &[Row]) -> Vec<String> {
    rows.iter()
        .map(|row| match row {
            Row::Day { day, .. } => format!("day {}", november(*day)),
            Row::Unread => "unread".to_owned(),
            Row::Message {
                item,
                group_start,
                group_end,
            } => format!(
                "{}{}{}",
                if *group_start { "[" } else { " " },
                item.id,
                if *group_end { "]" } else { "" }
            ),
            Row::Event { item } => format!("event {}", item.id),
        })
        .collect()
}

#[test]
fn consecutive_messages_by_one_author_within_five_minutes_form_one_group() {
    use ItemKind::*;
    let items = vec![
        item(1, Inbound, "Ana", DAY0 + 60 * MINUTE),
        item(2, Inbound, "Ana", DAY0 + 61 * MINUTE),
        item(3, Inbound, "Ana", DAY0 + 65 * MINUTE),
        // six minutes after the previous message: a new group
        item(4, Inbound, "Ana", DAY0 + 71 * MINUTE),
        item(5, Outbound, "Bob", DAY0 + 72 * MINUTE),
        // another agent answering: a new group
        item(6, Outbound, "Eve", DAY0 + 72 * MINUTE),
        item(7, Outbound, "Eve", DAY0 + 73 * MINUTE),
        // same name, other side of the conversation: a new group
        item(8, Inbound, "Eve", DAY0 + 73 * MINUTE),
    ];
    let rows = build_rows(&items, utc_day, None);
    assert_eq!(
        shape(&rows),
        [
            "day 2026-11-24",
            "[1",
            " 2",
            " 3]",
            "[4]",
            "[5]",
            "[6",
            " 7]",
            "[8]"
        ]
    );
}

#[test]
fn an_event_is_a_line_of_its_own_that_ends_the_group_before_it() {
    use ItemKind::*;
    use protocol::ConversationEvent::OnHold;
    let items = vec![
        item(1, Inbound, "Ana", DAY0 + MINUTE),
        event(2, OnHold, DAY0 + 2 * MINUTE),
        item(3, Inbound, "Ana", DAY0 + 3 * MINUTE),
        item(4, Inbound, "Ana", DAY0 + 4 * MINUTE),
        event(5, OnHold, DAY0 + 5 * MINUTE),
        event(6, OnHold, DAY0 + 5 * MINUTE),
    ];
    let rows = build_rows(&items, utc_day, None);
    assert_eq!(
        shape(&rows),
        [
            "day 2026-11-24",
            "[1]",
            "event 2",
            "[3",
            " 4]",
            "event 5",
            "event 6"
        ]
    );
    assert_eq!(
        rows[2].anchor_key(),
        "m2",
        "events are items the view can anchor on"
    );
    assert!(rows[2].is_item());
}

#[test]
fn agents_group_by_email_and_bots_by_name() {
    let items = vec![
        reply(1, "Léa Martin", Some("lea@brand.example"), DAY0 + MINUTE),
        // the reply just sent, before the backend named its author
        reply(2, "", Some("LEA@brand.example"), DAY0 + 2 * MINUTE),
        reply(
            3,
            "Léa Martin",
            Some("other@brand.example"),
            DAY0 + 3 * MINUTE,
        ),
        reply(4, "Léa Martin", None, DAY0 + 4 * MINUTE),
        reply(5, "Léa Martin", None, DAY0 + 5 * MINUTE),
    ];
    let rows = build_rows(&items, utc_day, None);
    assert_eq!(
        shape(&rows),
        ["day 2026-11-24", "[1", " 2]", "[3]", "[4", " 5]"]
    );
}

#[test]
fn the_viewers_own_replies_are_told_from_other_agents_and_bots() {
    let viewer = AgentEmail::parse("lea@brand.example").unwrap();
    let sender = |item: ThreadItem| Sender::of(&item, Some(&viewer));
    assert_eq!(
        sender(reply(1, "Léa", Some("Lea@Brand.example"), DAY0)),
        Some(Sender::Me)
    );
    assert_eq!(
        sender(reply(2, "Tom", Some("tom@brand.example"), DAY0)),
        Some(Sender::OtherAgent)
    );
    assert_eq!(sender(reply(3, "Lumio bot", None, DAY0)), Some(Sender::Bot));
    assert_eq!(
        sender(item(4, ItemKind::Inbound, "Ana", DAY0)),
        Some(Sender::Customer)
    );
    assert_eq!(
        sender(event(5, protocol::ConversationEvent::Archived, DAY0)),
        None
    );
    assert_eq!(
        Sender::of(&reply(6, "Léa", Some("lea@brand.example"), DAY0), None),
        Some(Sender::OtherAgent),
        "before the session names the viewer, no reply is theirs"
    );
    assert_eq!(Sender::Me.class(), "acw-message--mine");
    assert_eq!(Sender::OtherAgent.class(), "acw-message--other-agent");
}

#[test]
fn a_steady_writer_stays_one_group_and_an_older_page_only_regroups_its_first_message() {
    use ItemKind::*;
    let every_minute = |ids: std::ops::Range<i64>| -> Vec<ThreadItem> {
        ids.map(|id| item(id, Inbound, "Ana", DAY0 + id * MINUTE))
            .collect()
    };
    let newest = build_rows(&every_minute(20..40), utc_day, None);
    let all = build_rows(&every_minute(0..40), utc_day, None);
    assert_eq!(shape(&newest)[1], "[20");
    assert_eq!(
        shape(&all)[21],
        " 20",
        "the old first message joins the older group"
    );
    assert_eq!(
        shape(&newest)[2..],
        shape(&all)[22..],
        "nothing after it changes"
    );
}

#[test]
fn a_new_local_day_starts_with_a_separator_and_breaks_a_group() {
    use ItemKind::*;
    let items = vec![
        item(1, Inbound, "Ana", DAY0 - 2 * MINUTE),
        item(2, Inbound, "Ana", DAY0 + MINUTE),
        item(3, Inbound, "Ana", DAY0 + 2 * MINUTE),
        item(4, Inbound, "Ana", DAY0 + 2 * 24 * 60 * MINUTE),
    ];
    let rows = build_rows(&items, utc_day, None);
    assert_eq!(
        shape(&rows),
        [
            "day 2026-11-23",
            "[1]",
            "day 2026-11-24",
            "[2",
            " 3]",
            "day 2026-11-26",
            "[4]"
        ]
    );
    assert_eq!(
        rows[2],
        Row::Day {
            day: utc_day(&item(0, ItemKind::Inbound, "", DAY0)),
            at_ms: DAY0 + MINUTE
        }
    );
}

#[test]
fn the_unread_marker_goes_before_the_first_unread_message_and_breaks_its_group() {
    use ItemKind::*;
    let items = vec![
        item(1, Inbound, "Ana", DAY0 + MINUTE),
        item(2, Inbound, "Ana", DAY0 + 2 * MINUTE),
        item(3, Inbound, "Ana", DAY0 + 3 * MINUTE),
    ];
    let rows = build_rows(&items, utc_day, Some(2));
    assert_eq!(
        shape(&rows),
        ["day 2026-11-24", "[1]", "unread", "[2", " 3]"]
    );
}

#[test]
fn an_empty_thread_has_no_rows() {
    assert!(build_rows(&[], utc_day, None).is_empty());
}

#[test]
fn today_and_yesterday_are_the_agents_local_days() {
    let today = LocalDay(20_000);
    assert_eq!(day_label(today, today), DayLabel::Today);
    assert_eq!(day_label(LocalDay(19_999), today), DayLabel::Yesterday);
    assert_eq!(day_label(LocalDay(19_998), today), DayLabel::Date);
    assert_eq!(
        day_label(LocalDay(20_001), today),
        DayLabel::Date,
        "a day after today (clock skew) is a date"
    );
}

/// 24 November 2026: Paris is UTC+1 and Los Angeles UTC−8 (both on winter time).
#[test]
fn the_same_messages_get_different_day_separators_for_agents_in_different_zones() {
    use ItemKind::*;
    let items = vec![
        item(1, Inbound, "Ana", DAY0 + 12 * 60 * MINUTE),
        item(2, Inbound, "Ana", DAY0 + (23 * 60 + 30) * MINUTE),
    ];
    let now = DAY0 + (31 * 60 + 30) * MINUTE;
    let separators = |zone: &ZoneRules| -> Vec<(String, DayLabel)> {
        let today = zone.local_day(now);
        build_rows(&items, |item| zone.local_day(item.at_ms), None)
            .iter()
            .filter_map(|row| match row {
                Row::Day { day, .. } => Some((november(*day), day_label(*day, today))),
                _ => None,
            })
            .collect()
    };
    let paris = ZoneRules::fixed("Europe/Paris", 3600);
    let los_angeles = ZoneRules::fixed("America/Los_Angeles", -8 * 3600);
    assert_eq!(
        separators(&paris),
        [
            ("2026-11-24".to_owned(), DayLabel::Yesterday),
            ("2026-11-25".to_owned(), DayLabel::Today)
        ]
    );
    assert_eq!(
        separators(&los_angeles),
        [("2026-11-24".to_owned(), DayLabel::Today)]
    );
}

#[test]
fn a_row_is_drawn_again_when_its_group_place_or_delivery_changes_but_keeps_its_anchor() {
    let mut message = item(9, ItemKind::Outbound, "Bob", DAY0);
    let sending = Row::Message {
        item: message.clone(),
        group_start: true,
        group_end: true,
    };
    message.delivery = Some(protocol::Delivery::Sent);
    let sent = Row::Message {
        item: message.clone(),
        group_start: true,
        group_end: true,
    };
    assert_eq!(sending.anchor_key(), sent.anchor_key());
    assert_ne!(sending.render_key(), sent.render_key());
    let mut failed = |detail: Option<&str>| {
        message.delivery = Some(protocol::Delivery::Failed {
            code: protocol::FailureCode::AlcmeonRefused,
            detail: detail.map(str::to_owned),
        });
        Row::Message {
            item: message.clone(),
            group_start: true,
            group_end: true,
        }
        .render_key()
    };
    let without_detail = failed(None);
    assert_ne!(without_detail, failed(Some("brand-new-error")));
}

#[test]
fn every_delivery_looks_the_same_whoever_sent_it_and_only_the_authors_failed_reply_offers_retry() {
    let failure = protocol::Delivery::Failed {
        code: protocol::FailureCode::ChannelRefused,
        detail: None,
    };
    assert_eq!(
        delivery_look(&protocol::Delivery::Sending),
        ("sending", "○")
    );
    assert_eq!(delivery_look(&protocol::Delivery::Sent), ("sent", "✓"));
    assert_eq!(delivery_look(&failure), ("failed", "!"));

    let with = |delivery: protocol::Delivery, client_id: Option<&str>| {
        let mut item = reply(1, "Emma", Some("emma@brand.example"), DAY0);
        item.delivery = Some(delivery);
        item.client_id = client_id.map(|raw| protocol::ClientId::parse(raw).unwrap());
        item
    };
    let widget_reply = with(failure.clone(), Some("c-1"));
    assert!(offers_retry(&widget_reply, Sender::Me));
    assert!(
        !offers_retry(&widget_reply, Sender::OtherAgent),
        "a colleague's failed widget reply is theirs to retry"
    );
    assert!(
        !offers_retry(&with(failure.clone(), None), Sender::Me),
        "written in Alcméon: nothing to resend"
    );
    assert!(!offers_retry(&with(failure, None), Sender::Bot));
    assert!(!offers_retry(
        &with(protocol::Delivery::Sent, Some("c-1")),
        Sender::Me
    ));
}
