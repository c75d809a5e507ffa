//! The thread as rows to show: day separators, an unread marker, event lines, and messages
//! grouped by sender. Pure Rust without the browser: the caller says which local calendar day (in
//! the agent's time zone) each item falls on, and which day is today.

use protocol::{AgentEmail, Delivery, ItemKind, LocalDay, ThreadItem};

/// Consecutive messages by the same sender are grouped when each comes within this long
/// after the previous one. Measuring from the previous message (not the group's first) keeps
/// groups stable when an older page is added: only the old first message can join a group.
pub const GROUP_WINDOW_MS: i64 = 5 * 60 * 1000;

/// What a day separator says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayLabel {
    Today,
    Yesterday,
    /// Any other day: the view formats the date in the agent's locale and zone.
    Date,
}

pub fn day_label(day: LocalDay, today: LocalDay) -> DayLabel {
    if day == today {
        DayLabel::Today
    } else if day == today.previous() {
        DayLabel::Yesterday
    } else {
        DayLabel::Date
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// Starts a local calendar day; `at_ms` is its first item's time, for formatting the date.
    Day { day: LocalDay, at_ms: i64 },
    /// Marks where the messages that arrived while the agent was scrolled up begin.
    Unread,
    Message {
        item: ThreadItem,
        /// The first message of its group: shows the author and time.
        group_start: bool,
        /// The last message of its group.
        group_end: bool,
    },
    /// Something done to the conversation (`ItemKind::Event`): a line of its own between groups.
    Event { item: ThreadItem },
}

impl Row {
    /// Stable identity of the row in the thread, whatever its presentation (`m42`, `d2026-11-24`).
    /// Every item, message or event, is `m` and its id: the rows the view can anchor on.
    pub fn anchor_key(&self) -> String {
        match self {
            Self::Day { day, .. } => format!("d{}", day.0),
            Self::Unread => "u".to_owned(),
            Self::Message { item, .. } | Self::Event { item } => format!("m{}", item.id),
        }
    }

    /// Identity of what the row shows: it changes when the row must be drawn again (its place in
    /// a group or its delivery state changed).
    pub fn render_key(&self) -> String {
        match self {
            Self::Message {
                item,
                group_start,
                group_end,
            } => {
                let delivery = match &item.delivery {
                    None => String::new(),
                    Some(Delivery::Sending) => "sending".to_owned(),
                    Some(Delivery::Sent) => "sent".to_owned(),
                    Some(Delivery::Failed { code, detail }) => {
                        format!("{}:{}", code.message_id(), detail.as_deref().unwrap_or(""))
                    }
                };
                format!(
                    "m{}:{}{}:{delivery}",
                    item.id, *group_start as u8, *group_end as u8,
                )
            }
            other => other.anchor_key(),
        }
    }

    /// Whether the row shows a thread item (a message or an event).
    pub fn is_item(&self) -> bool {
        matches!(self, Self::Message { .. } | Self::Event { .. })
    }
}

/// Who a message is from, as the agent reading the thread sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sender {
    Customer,
    /// The agent reading the thread (their email is the item's `agent_email`).
    Me,
    OtherAgent,
    /// An outbound message without an agent's email.
    Bot,
}

impl Sender {
    /// The sender of a message (`None` for an event) for the viewer whose email is given.
    pub fn of(item: &ThreadItem, viewer: Option<&AgentEmail>) -> Option<Self> {
        Some(match (item.kind, item.agent_email.as_ref()) {
            (ItemKind::Inbound, _) => Self::Customer,
            (ItemKind::Event, _) => return None,
            (ItemKind::Outbound, None) => Self::Bot,
            (ItemKind::Outbound, Some(email)) if Some(email) == viewer => Self::Me,
            (ItemKind::Outbound, Some(_)) => Self::OtherAgent,
        })
    }

    /// The CSS class that gives the message its look; the browser tests find it by this class.
    pub fn class(self) -> &'static str {
        match self {
            Self::Customer => "acw-message--customer",
            Self::Me => "acw-message--mine",
            Self::OtherAgent => "acw-message--other-agent",
            Self::Bot => "acw-message--bot",
        }
    }
}

/// Emails travel lower case; comparing without ASCII case is enough and needs no Unicode tables.
/// Both messages come from the same person: the customer, one agent (by email, so a reply shown
/// before the backend named its author joins the agent's group), or one bot (by name).
fn same_sender(previous: &ThreadItem, next: &ThreadItem) -> bool {
    if previous.kind != next.kind {
        return false;
    }
    match (&previous.agent_email, &next.agent_email) {
        (Some(a), Some(b)) => a == b,
        (None, None) => previous.author == next.author,
        _ => false,
    }
}

fn same_group(previous: &ThreadItem, next: &ThreadItem) -> bool {
    same_sender(previous, next)
        && next.at_ms >= previous.at_ms
        && next.at_ms - previous.at_ms <= GROUP_WINDOW_MS
}

/// The rows for `items` (oldest first): a separator before each new local day, the unread marker
/// before the item `unread_from` when given, event lines, and messages grouped by sender (an event
/// ends the group before it).
pub fn build_rows(
    items: &[ThreadItem],
    mut day_of: impl FnMut(&ThreadItem) -> LocalDay,
    unread_from: Option<i64>,
) -> Vec<Row> {
    let mut rows = Vec::with_capacity(items.len() + items.len() / 8 + 2);
    let mut current_day: Option<LocalDay> = None;
    let mut previous: Option<&ThreadItem> = None;
    let mut last_message: Option<usize> = None;
    for item in items {
        let day = day_of(item);
        let mut breaks_group = false;
        if current_day != Some(day) {
            rows.push(Row::Day {
                day,
                at_ms: item.at_ms,
            });
            current_day = Some(day);
            breaks_group = true;
        }
        if unread_from == Some(item.id) {
            rows.push(Row::Unread);
            breaks_group = true;
        }
        let is_event = item.kind == ItemKind::Event;
        let continues = !breaks_group
            && !is_event
            && previous.is_some_and(|previous| same_group(previous, item));
        if !continues
            && let Some(Row::Message { group_end, .. }) = last_message.map(|i| &mut rows[i])
        {
            *group_end = true;
        }
        if is_event {
            last_message = None;
            previous = None;
            rows.push(Row::Event { item: item.clone() });
            continue;
        }
        last_message = Some(rows.len());
        previous = Some(item);
        rows.push(Row::Message {
            item: item.clone(),
            group_start: !continues,
            group_end: false,
        });
    }
    if let Some(Row::Message { group_end, .. }) = last_message.map(|i| &mut rows[i]) {
        *group_end = true;
    }
    rows
}

/// The CSS class of a message's side of the thread.
pub fn kind_class(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Inbound => "acw-inbound",
        ItemKind::Outbound => "acw-outbound",
        ItemKind::Event => "acw-event",
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use protocol::ZoneRules;

    use super::*;

    const MINUTE: i64 = 60_000;
    /// 2026-11-24T00:00:00Z
    pub const DAY0: i64 = 1_795_478_400_000;

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

    pub fn reply(id: i64, author: &str, email: Option<&str>, at_ms: i64) -> ThreadItem {
        ThreadItem {
            agent_email: email.map(|email| AgentEmail::parse(email).unwrap()),
            ..item(id, ItemKind::Outbound, author, at_ms)
        }
    }

    pub fn event(id: i64, event: protocol::ConversationEvent, at_ms: i64) -> ThreadItem {
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
}
