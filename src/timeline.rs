//! The loaded part of a thread and the window of its rows that is in the DOM.
//!
//! Long threads are windowed the way chat apps do it: the DOM holds at most [`Timeline::WINDOW`]
//! rows, a contiguous slice of the loaded rows. Scrolling near an edge slides the window by
//! [`Timeline::STEP`] rows (or loads an older page once the window reaches the oldest loaded row),
//! and the view keeps the first visible row where it was. Row heights are never estimated, so
//! messages of any length never make the view jump. Pure Rust: the component does the scrolling.

use protocol::{ItemKind, LocalDay, ThreadItem};

use crate::thread_model::{Row, build_rows};

pub struct Timeline {
    /// Every loaded item, oldest first, and its local day.
    items: Vec<ThreadItem>,
    days: Vec<LocalDay>,
    rows: Vec<Row>,
    /// The rows in the DOM: `rows[start..end]`.
    start: usize,
    end: usize,
    has_older: bool,
    /// The first item that arrived while the agent was scrolled up, and how many came since.
    unread_from: Option<i64>,
    unread: usize,
}

impl Timeline {
    /// At most this many rows are in the DOM.
    pub const WINDOW: usize = 120;
    /// How far the window slides at a time.
    pub const STEP: usize = 40;

    /// The newest page, showing its newest rows.
    pub fn new(
        items: Vec<ThreadItem>,
        has_older: bool,
        day_of: &dyn Fn(&ThreadItem) -> LocalDay,
    ) -> Self {
        let days = items.iter().map(day_of).collect();
        let mut timeline = Self {
            items,
            days,
            rows: vec![],
            start: 0,
            end: 0,
            has_older,
            unread_from: None,
            unread: 0,
        };
        timeline.rebuild();
        timeline.show_latest();
        timeline
    }

    fn rebuild(&mut self) {
        let mut days = self.days.iter();
        self.rows = build_rows(
            &self.items,
            |_| days.next().copied().unwrap_or(LocalDay(i64::MIN)),
            self.unread_from,
        );
    }

    /// Rebuilds the rows, keeping the window on the same messages (the first and last message in
    /// it), with the day separator or unread marker right before the first one.
    fn rebuild_keeping_window(&mut self) {
        let messages = || {
            self.rows[self.start..self.end]
                .iter()
                .filter(|row| row.is_item())
        };
        let first = messages().next().map(Row::anchor_key);
        let last = messages().next_back().map(Row::anchor_key);
        self.rebuild();
        let position = |key: &Option<String>| {
            key.as_ref()
                .and_then(|key| self.rows.iter().position(|row| row.anchor_key() == *key))
        };
        match (position(&first), position(&last)) {
            (Some(mut start), Some(last)) if start <= last => {
                while start > 0 && !self.rows[start - 1].is_item() {
                    start -= 1;
                }
                self.start = start;
                self.end = (last + 1).min(start + Self::WINDOW);
            }
            _ => self.show_latest(),
        }
    }

    pub fn visible(&self) -> &[Row] {
        &self.rows[self.start..self.end]
    }

    /// How many items are loaded, events included.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// How many loaded items are messages (event lines are not).
    pub fn message_count(&self) -> usize {
        let events = self
            .items
            .iter()
            .filter(|item| item.kind == ItemKind::Event);
        self.items.len() - events.count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The window begins at the oldest loaded row.
    pub fn at_start(&self) -> bool {
        self.start == 0
    }

    /// The window ends at the newest row.
    pub fn at_end(&self) -> bool {
        self.end == self.rows.len()
    }

    pub fn has_older(&self) -> bool {
        self.has_older
    }

    /// The id to ask older items before (`?before=`).
    pub fn oldest_id(&self) -> Option<i64> {
        self.items.first().map(|item| item.id)
    }

    /// How many items arrived while the agent was scrolled up and has not seen yet.
    pub fn unread(&self) -> usize {
        self.unread
    }

    /// Slides the window toward older rows; false when it already shows the oldest loaded row.
    pub fn slide_up(&mut self) -> bool {
        if self.start == 0 {
            return false;
        }
        self.start = self.start.saturating_sub(Self::STEP);
        self.end = self.end.min(self.start + Self::WINDOW);
        true
    }

    /// Slides the window toward newer rows; false when it already shows the newest row.
    pub fn slide_down(&mut self) -> bool {
        if self.at_end() {
            return false;
        }
        self.end = (self.end + Self::STEP).min(self.rows.len());
        self.start = self.start.max(self.end.saturating_sub(Self::WINDOW));
        true
    }

    /// Puts the window on the newest rows.
    pub fn show_latest(&mut self) {
        self.end = self.rows.len();
        self.start = self.end.saturating_sub(Self::WINDOW);
    }

    /// Adds an older page (oldest first) before the loaded items. The window stays on the same
    /// messages; slide it up to show the new ones.
    pub fn prepend(
        &mut self,
        older: Vec<ThreadItem>,
        has_older: bool,
        day_of: &dyn Fn(&ThreadItem) -> LocalDay,
    ) {
        self.has_older = has_older;
        let first = self.oldest_id();
        let older: Vec<_> = older
            .into_iter()
            .filter(|item| first.is_none_or(|first| item.id < first))
            .collect();
        if older.is_empty() {
            return;
        }
        let days: Vec<_> = older.iter().map(day_of).collect();
        self.items.splice(0..0, older);
        self.days.splice(0..0, days);
        self.rebuild_keeping_window();
    }

    /// Adds new items, or updates the ones already loaded (same id, e.g. a delivery state).
    /// When the agent follows the newest messages the window follows them; otherwise the new
    /// items count as unread and the unread marker goes before the first of them.
    pub fn append(
        &mut self,
        newer: Vec<ThreadItem>,
        following: bool,
        day_of: &dyn Fn(&ThreadItem) -> LocalDay,
    ) {
        let was_at_end = self.at_end();
        let mut added = 0;
        for item in newer {
            if let Some(at) = self.items.iter().rposition(|known| same_item(known, &item)) {
                self.items.remove(at);
                let day = self.days.remove(at);
                let at = self.items.partition_point(|known| known.id < item.id);
                self.days.insert(at, day);
                self.items.insert(at, item);
                continue;
            }
            // Event lines are not messages: they show, but the unread count is of messages.
            if !following && item.kind != ItemKind::Event {
                if self.unread == 0 {
                    self.unread_from = Some(item.id);
                }
                self.unread += 1;
            }
            let at = self.items.partition_point(|known| known.id < item.id);
            self.days.insert(at, day_of(&item));
            self.items.insert(at, item);
            added += 1;
        }
        self.rebuild_keeping_window();
        if added > 0 && following && was_at_end {
            self.show_latest();
        }
    }

    /// The loaded version of `item`, if it is already in the thread.
    pub fn find(&self, item: &ThreadItem) -> Option<&ThreadItem> {
        self.items.iter().rev().find(|known| same_item(known, item))
    }

    /// The agent has seen the newest messages: the count goes; the marker stays where it was
    /// until new messages arrive while scrolled up again.
    pub fn mark_read(&mut self) {
        self.unread = 0;
    }
}

/// A reply is the same item through its life even when its id changes (provisional, then
/// Alcméon's action id): it is recognised by its client id too.
fn same_item(known: &ThreadItem, item: &ThreadItem) -> bool {
    known.id == item.id || (item.client_id.is_some() && known.client_id == item.client_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::thread_model::tests::{DAY0, item, utc_day};
    use protocol::ItemKind::Inbound;

    const MINUTE: i64 = 60_000;

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
        use crate::thread_model::tests::event;
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
}
