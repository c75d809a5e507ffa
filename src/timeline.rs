//! The loaded part of a thread and the window of its rows that is in the DOM.
//!
//! Long threads are windowed the way chat apps do it: the DOM holds at most [`Timeline::WINDOW`]
//! rows, a contiguous slice of the loaded rows. Scrolling near an edge slides the window by
//! [`Timeline::STEP`] rows (or loads an older page once the window reaches the oldest loaded row),
//! and the view keeps the first visible row where it was. Row heights are never estimated, so
//! messages of any length never make the view jump. Pure Rust: the component does the scrolling.

use protocol::{ItemKind, LocalDay, ThreadItem};

use crate::rows::{Row, build_rows};

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

    /// The newest loaded item (the highest id: a reply not yet recorded by Alcméon is newest).
    pub fn newest(&self) -> Option<&ThreadItem> {
        self.items.last()
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
mod tests;
