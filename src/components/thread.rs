//! The conversation's header and its thread: an accessible log that holds only a window of rows
//! (see `timeline`), loads older pages when the agent scrolls near the top without moving what
//! they are reading, and offers "Jump to latest" with an unread count when scrolled up. The log is
//! not a live region (rows come and go as the window slides): news is announced by the
//! conversation's announcer instead.

use fluent_bundle::FluentArgs;
use leptos::html;
use leptos::leptos_dom::helpers::request_animation_frame;
use leptos::prelude::*;
use leptos::task::spawn_local;
use protocol::{Conversation, ThreadItem, ThreadPage};
use wasm_bindgen::JsCast;

use super::message::ThreadRow;
use crate::api::{Backend, Failure};
use crate::i18n::I18n;
use crate::time::{TimeFormat, now_ms};
use crate::timeline::Timeline;

/// How many older items one request asks for.
const OLDER_PAGE: u32 = 50;
/// Closer than this to an edge of the scrolled content, the window slides or a page loads.
const EDGE_PX: i32 = 600;
/// Closer than this to the bottom, the agent is reading the newest message and follows new ones.
const FOLLOW_PX: i32 = 8;

/// The thread's state, in context for whoever feeds it new items (the live stream).
#[derive(Clone, Copy)]
pub struct ThreadFeed {
    timeline: RwSignal<Timeline>,
    /// The agent is at the bottom of the newest rows: new items scroll into view.
    following: RwSignal<bool>,
    scroller: NodeRef<html::Div>,
    times: StoredValue<TimeFormat, LocalStorage>,
}

impl ThreadFeed {
    /// The thread of a freshly loaded first page, opened on its newest messages.
    pub fn new(page: ThreadPage, times: StoredValue<TimeFormat, LocalStorage>) -> Self {
        let timeline = Timeline::new(page.items, page.has_older, &|item| {
            times.with_value(|t| t.local_day(item.at_ms))
        });
        Self {
            timeline: RwSignal::new(timeline),
            following: RwSignal::new(true),
            scroller: NodeRef::new(),
            times,
        }
    }

    /// Adds new items at the bottom, or updates loaded ones (same id or same reply client id).
    /// If the agent is scrolled up, they count as unread and the view does not move.
    /// Does nothing once the thread is unmounted (a late answer or event).
    pub fn append(self, items: Vec<ThreadItem>) {
        let Some(following) = self.following.try_get_untracked() else {
            return;
        };
        let times = self.times;
        self.timeline.try_update(|timeline| {
            timeline.append(items, following, &|item| {
                times.with_value(|t| t.local_day(item.at_ms))
            })
        });
        if following {
            request_animation_frame(move || self.scroll_to_bottom());
        }
    }

    /// The loaded version of `item`, if the thread has it already.
    pub fn known(self, item: &ThreadItem) -> Option<ThreadItem> {
        self.timeline
            .try_with_untracked(|timeline| timeline.find(item).cloned())
            .flatten()
    }

    fn scroll_to_bottom(self) {
        if let Some(el) = self.scroller.try_get_untracked().flatten() {
            el.set_scroll_top(el.scroll_height());
        }
    }
}

/// What the scroll handling needs; all handles, so it is `Copy` into callbacks.
#[derive(Clone, Copy)]
struct Scrolling {
    feed: ThreadFeed,
    backend: StoredValue<Backend, LocalStorage>,
    conversation_id: i64,
    loading_older: RwSignal<bool>,
    older_failed: RwSignal<Option<Failure>>,
    busy: RwSignal<bool>,
}

impl Scrolling {
    /// Reacts to where the agent is: follow, mark read, slide the window or load older items.
    /// Does nothing while the log is busy (a page loading, or rows changed and the reading
    /// position not yet restored): measuring then would anchor on a moved row.
    fn check(self) {
        if self.busy.try_get_untracked() != Some(false) {
            return;
        }
        let Some(el) = self.feed.scroller.try_get_untracked().flatten() else {
            return;
        };
        let top = el.scroll_top();
        let remaining = el.scroll_height() - top - el.client_height();
        let Some((at_start, at_end, has_older, unread)) = self
            .feed
            .timeline
            .try_with_untracked(|t| (t.at_start(), t.at_end(), t.has_older(), t.unread()))
        else {
            return;
        };
        let following = at_end && remaining <= FOLLOW_PX;
        if self.feed.following.get_untracked() != following {
            self.feed.following.set(following);
        }
        if following && unread > 0 {
            self.feed.timeline.update(Timeline::mark_read);
        }
        if top < EDGE_PX {
            if !at_start {
                self.slide(Timeline::slide_up);
            } else if has_older
                && !self.loading_older.get_untracked()
                && self.older_failed.with_untracked(Option::is_none)
            {
                self.load_older();
            }
        } else if remaining < EDGE_PX && !at_end {
            self.slide(Timeline::slide_down);
        }
    }

    fn slide(self, change: fn(&mut Timeline) -> bool) {
        let anchor = self.anchor();
        let mut changed = false;
        self.busy.set(true);
        self.feed.timeline.update(|t| changed = change(t));
        self.after_render(anchor, changed);
    }

    /// Once the DOM shows the new rows: puts the anchor row back where it was, and looks again.
    fn after_render(self, anchor: Option<(String, i32)>, look_again: bool) {
        request_animation_frame(move || {
            self.restore(anchor);
            self.busy.try_set(false);
            if look_again {
                self.check();
            }
        });
    }

    /// The first message row at least partly visible, and where its bubble is in the view (px
    /// below the log's visible top). Offsets are relative to the log (it is positioned).
    fn anchor(self) -> Option<(String, i32)> {
        let el = self.feed.scroller.try_get_untracked().flatten()?;
        let top = el.scroll_top();
        let mut row = el.query_selector(".acw-rows").ok()??.first_element_child();
        while let Some(element) = row {
            let html = element.unchecked_ref::<web_sys::HtmlElement>();
            if html.offset_top() + html.offset_height() > top
                && let Some(key) = element
                    .get_attribute("data-row")
                    .filter(|k| k.starts_with('m'))
            {
                return Some((key, anchor_top(&element) - top));
            }
            row = element.next_element_sibling();
        }
        None
    }

    fn restore(self, anchor: Option<(String, i32)>) {
        let Some((key, in_view)) = anchor else {
            return;
        };
        let Some(el) = self.feed.scroller.try_get_untracked().flatten() else {
            return;
        };
        if let Ok(Some(row)) = el.query_selector(&format!("[data-row=\"{key}\"]")) {
            let wanted = anchor_top(&row) - in_view;
            if wanted != el.scroll_top() {
                el.set_scroll_top(wanted);
            }
        }
    }

    fn load_older(self) {
        let Some(before) = self.feed.timeline.with_untracked(Timeline::oldest_id) else {
            return;
        };
        self.loading_older.set(true);
        self.busy.set(true);
        let backend = self.backend.get_value();
        let times = self.feed.times;
        spawn_local(async move {
            let result = backend
                .older(self.conversation_id, before, OLDER_PAGE)
                .await;
            if self.loading_older.try_set(false).is_some() {
                return; // unmounted meanwhile
            }
            match result {
                Ok(page) => {
                    let anchor = self.anchor();
                    self.feed.timeline.update(|t| {
                        // Slide onto the new rows only if the agent is still at the top.
                        let at_start = t.at_start();
                        t.prepend(page.items, page.has_older, &|item| {
                            times.with_value(|times| times.local_day(item.at_ms))
                        });
                        if at_start {
                            t.slide_up();
                        }
                    });
                    self.after_render(anchor, true);
                }
                Err(failure) => {
                    self.busy.set(false);
                    self.older_failed.set(Some(failure));
                }
            }
        });
    }

    fn jump_to_latest(self) {
        self.feed.timeline.update(|t| {
            t.show_latest();
            t.mark_read();
        });
        request_animation_frame(move || {
            self.feed.scroll_to_bottom();
            self.check();
        });
    }
}

/// Where a row's bubble is in the log's content: a message keeps its bubble in place even when it
/// gains or loses its author line (an older page can make it join a group).
fn anchor_top(row: &web_sys::Element) -> i32 {
    let element = match row.query_selector(".acw-bubble") {
        Ok(Some(bubble)) => bubble,
        _ => row.clone(),
    };
    element.unchecked_ref::<web_sys::HtmlElement>().offset_top()
}

#[component]
pub fn Thread(conversation: Conversation, feed: ThreadFeed, backend: Backend) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let today = feed.times.with_value(|t| t.local_day(now_ms()));
    let scrolling = Scrolling {
        feed,
        backend: StoredValue::new_local(backend),
        conversation_id: conversation.id,
        loading_older: RwSignal::new(false),
        older_failed: RwSignal::new(None),
        busy: RwSignal::new(false),
    };
    // The view is in the document by the next frame: open on the newest message.
    request_animation_frame(move || {
        feed.scroll_to_bottom();
        scrolling.check();
    });

    let mut args = FluentArgs::new();
    args.set("customer", conversation.customer_name.clone());
    let log_label = i18n.t_with("thread-label", &args);
    let count = {
        let i18n = i18n.clone();
        move || {
            feed.timeline.with(|t| {
                let mut args = FluentArgs::new();
                args.set("count", t.message_count());
                let id = if t.has_older() {
                    "thread-count-more"
                } else {
                    "thread-count"
                };
                i18n.t_with(id, &args)
            })
        }
    };
    let empty = {
        let text = i18n.t("thread-empty");
        move || {
            feed.timeline
                .with(Timeline::is_empty)
                .then(|| view! { <p class="acw-status">{text.clone()}</p> })
        }
    };
    // One slot of fixed height above the rows, so its text changing never moves the rows.
    let older = {
        let i18n = i18n.clone();
        move || {
            if scrolling.loading_older.get() {
                i18n.t("thread-loading-older").into_any()
            } else if let Some(failure) = scrolling.older_failed.get() {
                let retry = move |_| {
                    scrolling.older_failed.set(None);
                    scrolling.load_older();
                };
                view! {
                    <span class="acw-error-text">{i18n.t(failure.message_id())}</span>
                    " "
                    <button type="button" class="acw-link-button" on:click=retry>
                        {i18n.t("thread-retry")}
                    </button>
                }
                .into_any()
            } else if feed
                .timeline
                .with(|t| t.at_start() && !t.has_older() && !t.is_empty())
            {
                i18n.t("thread-beginning").into_any()
            } else {
                ().into_any()
            }
        }
    };
    let jump_label = i18n.t("thread-jump-latest");
    let unread = {
        let i18n = i18n.clone();
        move || {
            let count = feed.timeline.with(Timeline::unread);
            (count > 0).then(|| {
                let mut args = FluentArgs::new();
                args.set("count", count);
                view! { <span class="acw-unread-count">{i18n.t_with("thread-unread", &args)}</span> }
            })
        }
    };
    view! {
        <header class="acw-header">
            <span class="acw-customer" dir="auto">{conversation.customer_name}</span>
            <span class=format!("acw-channel acw-channel-{}", conversation.channel.message_id())>
                {i18n.t(conversation.channel.message_id())}
            </span>
            <span class="acw-account" dir="auto">{conversation.account_name}</span>
            <span class="acw-count">{count}</span>
        </header>
        {empty}
        <div class="acw-thread-frame">
            <div
                class="acw-thread"
                role="log"
                aria-live="off"
                aria-label=log_label
                aria-busy=move || scrolling.busy.get().to_string()
                tabindex="0"
                node_ref=feed.scroller
                on:scroll=move |_| scrolling.check()
            >
                <p class="acw-older">{older}</p>
                <ol class="acw-rows">
                    <For
                        each=move || feed.timeline.with(|t| t.visible().to_vec())
                        key=|row| row.render_key()
                        let(row)
                    >
                        <ThreadRow row today=today/>
                    </For>
                </ol>
            </div>
            <button
                type="button"
                class="acw-jump"
                hidden=move || feed.following.get()
                on:click=move |_| scrolling.jump_to_latest()
            >
                <span aria-hidden="true">"↓ "</span>
                {jump_label}
                {unread}
            </button>
        </div>
    }
}
