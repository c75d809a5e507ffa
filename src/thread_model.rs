//! The thread as rows to show: day separators, an unread marker, and messages grouped by author.
//! Pure Rust without the browser: the caller says which local calendar day (in the agent's time
//! zone) each item falls on, and which day is today.

use protocol::{Delivery, ItemKind, ThreadItem};

/// Consecutive messages by the same author and kind are grouped when each comes within this long
/// after the previous one. Measuring from the previous message (not the group's first) keeps
/// groups stable when an older page is added: only the old first message can join a group.
pub const GROUP_WINDOW_MS: i64 = 5 * 60 * 1000;

/// A calendar day in the agent's zone, `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DayKey(pub String);

impl DayKey {
    pub fn new(year: i32, month: u32, day: u32) -> Self {
        Self(format!("{year:04}-{month:02}-{day:02}"))
    }

    fn parts(&self) -> Option<(i32, u32, u32)> {
        let mut parts = self.0.splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Some((year, month, day))
    }

    /// The calendar day before this one.
    pub fn previous(&self) -> Option<Self> {
        let (year, month, day) = self.parts()?;
        Some(if day > 1 {
            Self::new(year, month, day - 1)
        } else if month > 1 {
            Self::new(year, month - 1, days_in_month(year, month - 1))
        } else {
            Self::new(year - 1, 12, 31)
        })
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// What a day separator says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayLabel {
    Today,
    Yesterday,
    /// Any other day: the view formats the date in the agent's locale and zone.
    Date,
}

pub fn day_label(day: &DayKey, today: &DayKey) -> DayLabel {
    if day == today {
        DayLabel::Today
    } else if today.previous().as_ref() == Some(day) {
        DayLabel::Yesterday
    } else {
        DayLabel::Date
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// Starts a local calendar day; `at_ms` is its first item's time, for formatting the date.
    Day { day: DayKey, at_ms: i64 },
    /// Marks where the messages that arrived while the agent was scrolled up begin.
    Unread,
    Message {
        item: ThreadItem,
        /// The first message of its group: shows the author and time.
        group_start: bool,
        /// The last message of its group.
        group_end: bool,
    },
}

impl Row {
    /// Stable identity of the row in the thread, whatever its presentation (`m42`, `d2026-11-24`).
    pub fn anchor_key(&self) -> String {
        match self {
            Self::Day { day, .. } => format!("d{}", day.0),
            Self::Unread => "u".to_owned(),
            Self::Message { item, .. } => format!("m{}", item.id),
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
                    None => "",
                    Some(Delivery::Sending) => "sending",
                    Some(Delivery::Sent) => "sent",
                    Some(Delivery::Failed { reason }) => reason,
                };
                format!(
                    "m{}:{}{}:{}{delivery}",
                    item.id,
                    *group_start as u8,
                    *group_end as u8,
                    matches!(item.delivery, Some(Delivery::Failed { .. })) as u8
                )
            }
            other => other.anchor_key(),
        }
    }

    pub fn is_message(&self) -> bool {
        matches!(self, Self::Message { .. })
    }
}

fn same_group(previous: &ThreadItem, next: &ThreadItem) -> bool {
    previous.kind == next.kind
        && previous.author == next.author
        && next.at_ms >= previous.at_ms
        && next.at_ms - previous.at_ms <= GROUP_WINDOW_MS
}

/// The rows for `items` (oldest first): a separator before each new local day, the unread marker
/// before the item `unread_from` when given, and messages grouped by author and kind.
pub fn build_rows(
    items: &[ThreadItem],
    mut day_of: impl FnMut(&ThreadItem) -> DayKey,
    unread_from: Option<i64>,
) -> Vec<Row> {
    let mut rows = Vec::with_capacity(items.len() + items.len() / 8 + 2);
    let mut current_day: Option<DayKey> = None;
    let mut previous: Option<&ThreadItem> = None;
    let mut last_message: Option<usize> = None;
    for item in items {
        let day = day_of(item);
        let mut breaks_group = false;
        if current_day.as_ref() != Some(&day) {
            rows.push(Row::Day {
                day: day.clone(),
                at_ms: item.at_ms,
            });
            current_day = Some(day);
            breaks_group = true;
        }
        if unread_from == Some(item.id) {
            rows.push(Row::Unread);
            breaks_group = true;
        }
        let continues =
            !breaks_group && previous.is_some_and(|previous| same_group(previous, item));
        if !continues
            && let Some(Row::Message { group_end, .. }) = last_message.map(|i| &mut rows[i])
        {
            *group_end = true;
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
    }
}

#[cfg(test)]
pub(crate) mod tests {
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
        }
    }

    /// Days in UTC, for tests: the real caller asks Intl for the agent's zone.
    pub fn utc_day(item: &ThreadItem) -> DayKey {
        let days = (item.at_ms - DAY0).div_euclid(24 * 60 * MINUTE);
        DayKey::new(2026, 11, (24 + days) as u32)
    }

    fn shape(rows: &[Row]) -> Vec<String> {
        rows.iter()
            .map(|row| match row {
                Row::Day { day, .. } => format!("day {}", day.0),
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
                day: DayKey("2026-11-24".into()),
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
    fn today_and_yesterday_compare_day_keys_across_month_and_year_ends() {
        let today = DayKey::new(2026, 3, 1);
        assert_eq!(day_label(&DayKey::new(2026, 3, 1), &today), DayLabel::Today);
        assert_eq!(
            day_label(&DayKey::new(2026, 2, 28), &today),
            DayLabel::Yesterday
        );
        assert_eq!(day_label(&DayKey::new(2026, 2, 27), &today), DayLabel::Date);
        assert_eq!(
            DayKey::new(2024, 3, 1).previous(),
            Some(DayKey::new(2024, 2, 29))
        );
        assert_eq!(
            DayKey::new(2027, 1, 1).previous(),
            Some(DayKey::new(2026, 12, 31))
        );
        assert_eq!(
            DayKey::new(2026, 5, 1).previous(),
            Some(DayKey::new(2026, 4, 30))
        );
        assert_eq!(
            day_label(&DayKey::new(2026, 3, 2), &today),
            DayLabel::Date,
            "a day after today (clock skew) is a date"
        );
        assert_eq!(DayKey("garbage".into()).previous(), None);
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
            item: message,
            group_start: true,
            group_end: true,
        };
        assert_eq!(sending.anchor_key(), sent.anchor_key());
        assert_ne!(sending.render_key(), sent.render_key());
    }
}
