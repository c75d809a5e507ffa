//! The thread's state while the conversation is open: the loaded items and the window of rows in
//! the DOM (`Timeline`), whether the agent follows the newest rows, and older pages asked from the
//! backend. Rows change only through here; when items arrive while the agent follows, the view
//! hears of it (`on_arrival`) and keeps the newest row in sight.

use std::future::Future;

use leptos::prelude::*;
use protocol::{ThreadItem, ThreadPage};

use crate::api::Backend;
use crate::failure::Failure;
use crate::reading_position::Window;
use crate::timeline::Timeline;
use crate::widget_context::WidgetContext;

/// How many older items one request asks for.
const OLDER_PAGE: u32 = 50;

/// Where the request for an older page stands.
#[derive(Debug, Clone, PartialEq)]
pub enum OlderPage {
    Idle,
    Loading,
    /// The last request failed; the agent may try again.
    Failed(Failure),
}

/// All handles, so `Copy` into callbacks.
#[derive(Clone, Copy)]
pub struct ThreadFeed {
    timeline: RwSignal<Timeline>,
    /// The agent is at the bottom of the newest rows: new items scroll into view.
    following: RwSignal<bool>,
    older: RwSignal<OlderPage>,
    /// Run when items arrived while the agent followed.
    on_arrival: StoredValue<Option<Callback<()>>>,
    context: WidgetContext,
    backend: StoredValue<Backend, LocalStorage>,
    conversation_id: i64,
}

impl ThreadFeed {
    /// The thread of a freshly loaded first page, opened on its newest messages.
    pub fn new(page: ThreadPage, context: WidgetContext, backend: Backend) -> Self {
        let timeline = Timeline::new(page.items, page.has_older, &|item| {
            context.local_day(item.at_ms)
        });
        Self {
            timeline: RwSignal::new(timeline),
            following: RwSignal::new(true),
            older: RwSignal::new(OlderPage::Idle),
            on_arrival: StoredValue::new(None),
            context,
            backend: StoredValue::new_local(backend),
            conversation_id: page.conversation.id,
        }
    }

    /// Reads the loaded items and the window of rows in the DOM (tracked).
    pub fn with_timeline<R>(self, read: impl FnOnce(&Timeline) -> R) -> R {
        self.timeline.with(read)
    }

    /// Whether the agent follows the newest rows (tracked).
    pub fn following(self) -> bool {
        self.following.get()
    }

    /// Whether the agent follows the newest rows now; false once unmounted.
    pub fn still_following(self) -> bool {
        self.following.try_get_untracked() == Some(true)
    }

    /// Where the request for an older page stands (tracked).
    pub fn older(self) -> OlderPage {
        self.older.get()
    }

    /// Runs `keep_in_sight` each time items arrive while the agent follows.
    pub fn on_arrival(self, keep_in_sight: Callback<()>) {
        self.on_arrival.set_value(Some(keep_in_sight));
    }

    /// Adds new items at the bottom, or updates loaded ones (same id or same reply client id).
    /// If the agent is scrolled up, they count as unread and the view does not move.
    /// Does nothing once the thread is unmounted (a late answer or event).
    pub fn append(self, items: Vec<ThreadItem>) {
        let Some(following) = self.following.try_get_untracked() else {
            return;
        };
        let context = self.context;
        self.timeline.try_update(|timeline| {
            timeline.append(items, following, &|item| context.local_day(item.at_ms))
        });
        if following && let Some(Some(keep_in_sight)) = self.on_arrival.try_get_value() {
            keep_in_sight.try_run(());
        }
    }

    /// The loaded version of `item`, if the thread has it already.
    pub fn known(self, item: &ThreadItem) -> Option<ThreadItem> {
        self.timeline
            .try_with_untracked(|timeline| timeline.find(item).cloned())
            .flatten()
    }

    /// Where the window is, for deciding where it goes next; `None` once unmounted.
    pub fn window(self) -> Option<Window> {
        let may_ask = self
            .older
            .try_with_untracked(|older| *older == OlderPage::Idle)?;
        self.timeline.try_with_untracked(|t| Window {
            at_start: t.at_start(),
            at_end: t.at_end(),
            may_load_older: may_ask && t.has_older(),
        })
    }

    /// Whether the agent follows the newest rows; following, they have read them all.
    pub fn follow(self, following: bool) {
        if self.following.get_untracked() != following {
            self.following.set(following);
        }
        if following && self.timeline.with_untracked(Timeline::unread) > 0 {
            self.timeline.update(Timeline::mark_read);
        }
    }

    /// Slides the window (`Timeline::slide_up` or `slide_down`); false when it was at the edge.
    pub fn slide(self, change: fn(&mut Timeline) -> bool) -> bool {
        let mut changed = false;
        self.timeline.update(|t| changed = change(t));
        changed
    }

    /// Puts the window on the newest rows, all read.
    pub fn show_latest(self) {
        self.timeline.update(|t| {
            t.show_latest();
            t.mark_read();
        });
    }

    /// Asks the backend for the page before the oldest loaded item; `None` when nothing is
    /// loaded. The future gives the page, or `None` when it failed (the agent is shown why and
    /// may try again) or the thread was unmounted meanwhile.
    pub fn ask_older(self) -> Option<impl Future<Output = Option<ThreadPage>> + use<>> {
        let before = self.timeline.with_untracked(Timeline::oldest_id)?;
        self.older.set(OlderPage::Loading);
        let backend = self.backend.get_value();
        Some(async move {
            let result = backend
                .older(self.conversation_id, before, OLDER_PAGE)
                .await;
            let next = match &result {
                Ok(_) => OlderPage::Idle,
                Err(failure) => OlderPage::Failed(failure.clone()),
            };
            if self.older.try_set(next).is_some() {
                return None; // unmounted meanwhile
            }
            result.ok()
        })
    }

    /// Adds an older page above the loaded items; the window slides onto the new rows only if
    /// the agent is still at the top.
    pub fn prepend(self, page: ThreadPage) {
        let context = self.context;
        self.timeline.update(|t| {
            let at_start = t.at_start();
            t.prepend(page.items, page.has_older, &|item| {
                context.local_day(item.at_ms)
            });
            if at_start {
                t.slide_up();
            }
        });
    }
}
