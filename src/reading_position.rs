//! Where the thread's log scrolls, decided in plain numbers (pixels) apart from the DOM that
//! measures and scrolls it. Two promises to the agent:
//! - what they are reading stays put: when rows are added, removed or redrawn above it, the first
//!   item they can see keeps its bubble the same distance below the log's visible top;
//! - at the bottom of the newest rows they follow the conversation (new messages scroll into
//!   view); scrolled up they are never moved, and new messages wait for them as unread.
//!
//! The view's adapter (`components/thread_view/log.rs`) only measures and applies.

use crate::rows::Row;

/// Closer than this to an edge of the scrolled content, the window slides or a page loads.
pub const EDGE_PX: i32 = 600;
/// Closer than this to the bottom, the agent is reading the newest message and follows new ones.
pub const FOLLOW_PX: i32 = 8;

/// The log's scroll state as the browser measures it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewport {
    /// How far the content is scrolled (`scrollTop`).
    pub top: i32,
    /// The whole content's height (`scrollHeight`).
    pub content: i32,
    /// The visible height (`clientHeight`).
    pub visible: i32,
}

impl Viewport {
    /// How much content is below the visible part.
    pub fn below(self) -> i32 {
        self.content - self.top - self.visible
    }

    /// A scroll top that shows the end of the content: the browser stops a scroll at the end.
    pub fn to_bottom(self) -> i32 {
        self.content
    }
}

/// Where the window of rows in the DOM is in the loaded thread (see `Timeline`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// The window begins at the oldest loaded row.
    pub at_start: bool,
    /// The window ends at the newest row.
    pub at_end: bool,
    /// An older page may be asked now: there is one, none is loading, the last try did not fail.
    pub may_load_older: bool,
}

/// What the window does next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    SlideUp,
    LoadOlder,
    SlideDown,
}

/// What the view makes of where the agent has scrolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    /// The agent is at the bottom of the newest rows: new items scroll into view and are read.
    pub following: bool,
    pub next: Option<Move>,
}

/// What the previous look found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Before {
    /// Where the log was scrolled.
    pub top: i32,
    pub following: bool,
}

/// Looks at where the agent is: following the newest rows, or near an edge of the window (then
/// it slides, or an older page loads once the window shows the oldest loaded row). Only the agent
/// moving up stops following: content that grew below a following agent (a message, an image)
/// before the view scrolled to it leaves them following, whenever the scroll event comes.
pub fn look(viewport: Viewport, window: Window, before: Before) -> Look {
    let stayed = before.following && viewport.top >= before.top;
    let following = window.at_end && (viewport.below() <= FOLLOW_PX || stayed);
    let next = if viewport.top < EDGE_PX {
        if !window.at_start {
            Some(Move::SlideUp)
        } else if window.may_load_older {
            Some(Move::LoadOlder)
        } else {
            None
        }
    } else if viewport.below() < EDGE_PX && !window.at_end {
        Some(Move::SlideDown)
    } else {
        None
    };
    Look { following, next }
}

/// After new items arrive: the scroll top that keeps a following agent at the bottom; `None`
/// leaves an agent who scrolled up where they are (the rows came below what they read).
pub fn after_arrival(following: bool, viewport: Viewport) -> Option<i32> {
    following.then(|| viewport.to_bottom())
}

/// A row of the log as the browser lays it out (px in the log's content).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowBox {
    /// The row's anchor key (`data-row`, see `Row::anchor_key`).
    pub key: String,
    pub top: i32,
    pub height: i32,
}

/// The row the agent is reading: the first item row at least partly visible at `scroll_top`.
pub fn reading(rows: impl IntoIterator<Item = RowBox>, scroll_top: i32) -> Option<String> {
    rows.into_iter()
        .find(|row| row.top + row.height > scroll_top && Row::is_item_key(&row.key))
        .map(|row| row.key)
}

/// What the agent is reading, held across a change of rows: the item's key, and how far below
/// the log's visible top its bubble is. The bubble, not the row: a message keeps its bubble in
/// place even when it gains or loses its author line (an older page can make it join a group).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub key: String,
    in_view: i32,
}

impl Anchor {
    pub fn new(key: String, bubble_top: i32, scroll_top: i32) -> Self {
        Self {
            key,
            in_view: bubble_top - scroll_top,
        }
    }

    /// The scroll top that puts the bubble, now at `bubble_top`, back where the agent saw it;
    /// `None` when it is there already.
    pub fn restore(&self, bubble_top: i32, scroll_top: i32) -> Option<i32> {
        let wanted = bubble_top - self.in_view;
        (wanted != scroll_top).then_some(wanted)
    }
}

#[cfg(test)]
mod tests;
