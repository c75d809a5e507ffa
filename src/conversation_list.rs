//! The conversations of one Case as the widget lists them, newest first (the order the host gives),
//! with the one on screen selected. Each row sums up its conversation (channel, customer, status,
//! when its newest item happened) from a thread page, the one on screen from what it shows.
//!
//! Invariants: the list never holds an id twice and always holds the selected one; a row is
//! unread only while it is not selected and its newest item is not the one the agent last saw
//! there (a row first summed up while off screen counts as seen: the widget cannot know what the
//! agent read before it was mounted).

use protocol::{Channel, Conversation, ConversationStatus, ThreadItem, ThreadPage};

/// What a row shows of its conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub channel: Channel,
    pub customer_name: String,
    pub status: ConversationStatus,
    /// When the newest item happened (ms since the epoch, UTC); `None` for an empty thread.
    pub last_at_ms: Option<i64>,
    /// The newest item's id: it changes whenever something happens in the conversation.
    newest_item: Option<i64>,
}

impl Summary {
    pub fn new(conversation: &Conversation, newest: Option<&ThreadItem>) -> Self {
        Self {
            channel: conversation.channel,
            customer_name: conversation.customer_name.clone(),
            status: conversation.status,
            last_at_ms: newest.map(|item| item.at_ms),
            newest_item: newest.map(|item| item.id),
        }
    }

    /// The summary of a thread page (its items oldest first, e.g. the backend's `limit=1` page).
    pub fn of(page: &ThreadPage) -> Self {
        Self::new(&page.conversation, page.items.last())
    }
}

/// Where a row's summary stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowState {
    Loading,
    Ready(Summary),
    /// The conversation could not be read: the Fluent message id of why.
    Failed(&'static str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: i64,
    pub state: RowState,
    /// The newest item the agent has had on screen (or found there at first); `None` until known.
    seen: Option<Option<i64>>,
}

/// A key that moves the selection along the list (an ARIA tablist's keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Next,
    Previous,
    First,
    Last,
}

impl Move {
    /// The move a key stands for in a horizontal list; in a right-to-left text the arrows are
    /// mirrored, so → always goes towards the end the agent reads last.
    pub fn of_key(key: &str, right_to_left: bool) -> Option<Self> {
        let (forward, backward) = if right_to_left {
            ("ArrowLeft", "ArrowRight")
        } else {
            ("ArrowRight", "ArrowLeft")
        };
        match key {
            k if k == forward => Some(Self::Next),
            k if k == backward => Some(Self::Previous),
            "Home" => Some(Self::First),
            "End" => Some(Self::Last),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConversationList {
    rows: Vec<Row>,
    selected: i64,
}

impl ConversationList {
    /// The conversations `ids` (newest first; repeats dropped), with `open` selected; `open` is
    /// put first when the list lacks it.
    pub fn new(open: i64, ids: &[i64]) -> Self {
        let mut unique: Vec<i64> = Vec::with_capacity(ids.len() + 1);
        if !ids.contains(&open) {
            unique.push(open);
        }
        for &id in ids {
            if !unique.contains(&id) {
                unique.push(id);
            }
        }
        let rows = unique
            .into_iter()
            .map(|id| Row {
                id,
                state: RowState::Loading,
                seen: None,
            })
            .collect();
        Self {
            rows,
            selected: open,
        }
    }

    /// More than one conversation: the widget shows the list.
    pub fn is_several(&self) -> bool {
        self.rows.len() > 1
    }

    pub fn ids(&self) -> Vec<i64> {
        self.rows.iter().map(|row| row.id).collect()
    }

    pub fn row(&self, id: i64) -> Option<&Row> {
        self.rows.iter().find(|row| row.id == id)
    }

    pub fn selected(&self) -> i64 {
        self.selected
    }

    /// Adds `id` at the end (a conversation the agent opened from elsewhere, e.g. the customer's
    /// other conversations); nothing when the list has it.
    pub fn add(&mut self, id: i64) {
        if self.row(id).is_none() {
            self.rows.push(Row {
                id,
                state: RowState::Loading,
                seen: None,
            });
        }
    }

    /// Selects `id` if the list has it; false when nothing changed. The row counts as read.
    pub fn select(&mut self, id: i64) -> bool {
        if id == self.selected || self.row(id).is_none() {
            return false;
        }
        self.selected = id;
        if let Some(row) = self.row_mut(id)
            && let RowState::Ready(summary) = &row.state
        {
            row.seen = Some(summary.newest_item);
        }
        true
    }

    /// The id a move from the selected row lands on; the ends wrap around.
    pub fn moved(&self, step: Move) -> i64 {
        let last = self.rows.len().saturating_sub(1);
        let at = self
            .rows
            .iter()
            .position(|row| row.id == self.selected)
            .unwrap_or_default();
        let to = match step {
            Move::Next if at == last => 0,
            Move::Next => at + 1,
            Move::Previous if at == 0 => last,
            Move::Previous => at - 1,
            Move::First => 0,
            Move::Last => last,
        };
        self.rows.get(to).map_or(self.selected, |row| row.id)
    }

    /// A conversation's newest state: from a page read for it, or from what is on screen.
    pub fn summarize(&mut self, id: i64, summary: Summary) {
        let selected = self.selected == id;
        if let Some(row) = self.row_mut(id) {
            if selected || row.seen.is_none() {
                row.seen = Some(summary.newest_item);
            }
            row.state = RowState::Ready(summary);
        }
    }

    /// A conversation could not be read; a summary read before is kept.
    pub fn failed(&mut self, id: i64, message_id: &'static str) {
        if let Some(row) = self.row_mut(id)
            && !matches!(row.state, RowState::Ready(_))
        {
            row.state = RowState::Failed(message_id);
        }
    }

    /// Something happened in the conversation since the agent last had it on screen.
    pub fn unread(&self, id: i64) -> bool {
        let Some(row) = self.row(id) else {
            return false;
        };
        match (&row.state, row.seen) {
            (RowState::Ready(summary), Some(seen)) => {
                id != self.selected && summary.newest_item != seen
            }
            _ => false,
        }
    }

    fn row_mut(&mut self, id: i64) -> Option<&mut Row> {
        self.rows.iter_mut().find(|row| row.id == id)
    }
}

#[cfg(test)]
mod tests;
