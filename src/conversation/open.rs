//! Opening a loaded conversation: its state is provided to the views below and kept current (the
//! live stream, the reply window's clock, its row in the Case's list) until they unmount, and nothing outlives them: the
//! stream is aborted, the clock cleared, the files' object URLs freed.

use std::cell::Cell;
use std::time::Duration;

use leptos::leptos_dom::helpers::set_interval_with_handle;
use leptos::prelude::*;
use leptos::task::spawn_local;
use protocol::ThreadPage;
use send_wrapper::SendWrapper;

use super::state::ConversationState;
use crate::api::Backend;
use crate::case_conversations::CaseConversations;
use crate::conversation_list::Summary;
use crate::live;
use crate::widget_context::WidgetContext;

/// How often the reply window is checked again while nothing arrives.
const CLOCK_TICK: Duration = Duration::from_secs(30);

impl ConversationState {
    /// The state of the conversation `page` opens, in context for the views below the caller.
    pub fn open(page: ThreadPage, backend: Backend) -> Self {
        let position = page.stream_position;
        let state = Self::new(page, backend.clone(), WidgetContext::get());
        provide_context(state);
        let files = SendWrapper::new(state.files());
        on_cleanup(move || files.close());
        state.tick_clock();
        state.tick_while_queued();
        state.follow_live(backend, position);
        state.keep_row_current();
        state
    }

    /// What the conversation looks like on screen now (tracked): its row in the Case's list.
    fn summary(self) -> Summary {
        let newest = self.feed.with_timeline(|t| t.newest().cloned());
        self.gate
            .with(|gate| Summary::new(&gate.conversation, newest.as_ref()))
    }

    /// Keeps the conversation's row in the Case's list as the thread on screen changes.
    fn keep_row_current(self) {
        let Some(case) = use_context::<CaseConversations>() else {
            return;
        };
        let summary = Memo::new(move |_| self.summary());
        let id = self.conversation_id;
        Effect::new(move |_| case.summarize(id, summary.get()));
    }

    /// Moves the clock the reply window is checked against, so the window closes while the
    /// agent looks at it.
    fn tick_clock(self) {
        if let Ok(interval) = set_interval_with_handle(move || self.tick(), CLOCK_TICK) {
            on_cleanup(move || interval.clear());
        }
    }

    /// Keeps the conversation current from the backend's event stream until the views unmount.
    /// The stream starts at the page's `position`, so nothing that changed since the page was
    /// read is missed, and reopens after the last event it gave. The newest page is read again
    /// each time the stream reopens after a drop (the backend may have restarted and backfilled
    /// what its lost webhooks carried), and on the first open of a page without a position (an
    /// older backend); items are matched by id, so nothing shows twice. Each time it opens, the
    /// stream tells the replies queued behind the rate limit anew: those told before are
    /// forgotten.
    fn follow_live(self, backend: Backend, position: Option<i64>) {
        let Ok(controller) = web_sys::AbortController::new() else {
            return;
        };
        let stop = controller.signal();
        let controller = SendWrapper::new(controller);
        on_cleanup(move || controller.abort());
        let conversation_id = self.conversation_id;
        let refresh_backend = backend.clone();
        let skip_read = Cell::new(position.is_some());
        spawn_local(live::follow(
            backend,
            conversation_id,
            position,
            stop,
            move || {
                self.forget_queued();
                if skip_read.replace(false) {
                    return;
                }
                let backend = refresh_backend.clone();
                spawn_local(async move {
                    if let Ok(page) = backend.thread(conversation_id).await {
                        self.catch_up(page);
                    }
                });
            },
            move |item| self.receive(item, None),
            move |reply| self.queue(reply),
        ));
    }
}
