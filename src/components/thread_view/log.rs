//! The browser side of the thread's log: it measures the DOM for `reading_position`, and applies
//! what that decides. The numbers mean nothing here; their rules and tests live there.

use std::iter::successors;

use leptos::html;
use leptos::leptos_dom::helpers::request_animation_frame;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, HtmlElement};

use crate::conversation::ThreadFeed;
use crate::reading_position::{
    Anchor, Before, Move, RowBox, Viewport, after_arrival, look, reading,
};
use crate::timeline::Timeline;

/// The scrolling log of one thread; all handles, so `Copy` into callbacks.
#[derive(Clone, Copy)]
pub struct Log {
    feed: ThreadFeed,
    scroller: NodeRef<html::Div>,
    /// A page is loading, or rows changed and the reading position is not yet restored:
    /// measuring then would anchor on a moved row.
    busy: RwSignal<bool>,
    /// Where the log was scrolled at the last look.
    last_top: StoredValue<i32>,
}

impl Log {
    /// The log of `feed`, opened on its newest message once the view is in the document, and
    /// kept at the bottom when items arrive while the agent follows.
    pub fn open(feed: ThreadFeed) -> Self {
        let log = Self {
            feed,
            scroller: NodeRef::new(),
            busy: RwSignal::new(false),
            last_top: StoredValue::new(0),
        };
        let resized = log.stay_at_bottom_on_resize();
        request_animation_frame(move || {
            log.scroll_to_bottom();
            log.check();
            if let (Some(observer), Some(el)) = (&resized, log.element()) {
                observer.observe(&el);
                if let Ok(Some(rows)) = el.query_selector(".acw-rows") {
                    observer.observe(&rows);
                }
            }
        });
        feed.on_arrival(Callback::new(move |()| {
            request_animation_frame(move || log.keep_following());
        }));
        log
    }

    /// An observer (of the log and its rows, once they are in the document) that brings a
    /// following agent back to the newest message whenever their size changes: the composer
    /// appearing below, a font or an image loading, a message growing. Scrolling does not report
    /// those, so without it a layout change after the opening frame left a following agent above
    /// the newest message. Disconnected when the thread unmounts.
    fn stay_at_bottom_on_resize(self) -> Option<web_sys::ResizeObserver> {
        let on_resize = Closure::<dyn Fn()>::new(move || {
            if self.busy.try_get_untracked() == Some(false) && self.feed.still_following() {
                self.scroll_to_bottom();
            }
        });
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
        let kept = SendWrapper::new((observer.clone(), on_resize));
        on_cleanup(move || kept.0.disconnect());
        Some(observer)
    }

    pub fn node(self) -> NodeRef<html::Div> {
        self.scroller
    }

    /// Whether the log is busy (tracked), for `aria-busy`.
    pub fn busy(self) -> bool {
        self.busy.get()
    }

    /// Reacts to where the agent is: follow, mark read, slide the window or load older items.
    /// Does nothing while the log is busy.
    pub fn check(self) {
        if self.busy.try_get_untracked() != Some(false) {
            return;
        }
        let (Some(el), Some(window)) = (self.element(), self.feed.window()) else {
            return;
        };
        let viewport = viewport(&el);
        let before = Before {
            top: self.last_top.get_value(),
            following: self.feed.still_following(),
        };
        self.last_top.set_value(viewport.top);
        let look = look(viewport, window, before);
        self.feed.follow(look.following);
        match look.next {
            Some(Move::SlideUp) => self.slide(Timeline::slide_up),
            Some(Move::SlideDown) => self.slide(Timeline::slide_down),
            Some(Move::LoadOlder) => self.load_older(),
            None => {}
        }
    }

    /// Asks the page before the oldest loaded item, and shows it without moving what the agent
    /// reads.
    pub fn load_older(self) {
        let Some(page) = self.feed.ask_older() else {
            return;
        };
        self.busy.set(true);
        spawn_local(async move {
            match page.await {
                Some(page) => {
                    let anchor = self.anchor();
                    self.feed.prepend(page);
                    self.after_render(anchor, true);
                }
                None => {
                    self.busy.try_set(false);
                }
            }
        });
    }

    pub fn jump_to_latest(self) {
        self.feed.show_latest();
        request_animation_frame(move || {
            self.scroll_to_bottom();
            self.check();
        });
    }

    fn slide(self, change: fn(&mut Timeline) -> bool) {
        let anchor = self.anchor();
        self.busy.set(true);
        let changed = self.feed.slide(change);
        self.after_render(anchor, changed);
    }

    /// Once the DOM shows the new rows: puts the anchor back where it was, and looks again.
    fn after_render(self, anchor: Option<Anchor>, look_again: bool) {
        request_animation_frame(move || {
            self.restore(anchor);
            self.busy.try_set(false);
            if look_again {
                self.check();
            }
        });
    }

    fn anchor(self) -> Option<Anchor> {
        let el = self.element()?;
        let top = el.scroll_top();
        let rows = el.query_selector(".acw-rows").ok()??;
        let boxes =
            successors(rows.first_element_child(), Element::next_element_sibling).map(|row| {
                let html = row.unchecked_ref::<HtmlElement>();
                RowBox {
                    key: row.get_attribute("data-row").unwrap_or_default(),
                    top: html.offset_top(),
                    height: html.offset_height(),
                }
            });
        let key = reading(boxes, top)?;
        let row = row(&el, &key)?;
        Some(Anchor::new(key, bubble_top(&row), top))
    }

    fn restore(self, anchor: Option<Anchor>) {
        let (Some(anchor), Some(el)) = (anchor, self.element()) else {
            return;
        };
        if let Some(row) = row(&el, &anchor.key)
            && let Some(top) = anchor.restore(bubble_top(&row), el.scroll_top())
        {
            el.set_scroll_top(top);
        }
    }

    fn keep_following(self) {
        let following = self.feed.still_following();
        if let Some(el) = self.element()
            && let Some(top) = after_arrival(following, viewport(&el))
        {
            el.set_scroll_top(top);
        }
    }

    fn scroll_to_bottom(self) {
        if let Some(el) = self.element() {
            el.set_scroll_top(viewport(&el).to_bottom());
        }
    }

    fn element(self) -> Option<web_sys::HtmlDivElement> {
        self.scroller.try_get_untracked().flatten()
    }
}

fn viewport(el: &Element) -> Viewport {
    Viewport {
        top: el.scroll_top(),
        content: el.scroll_height(),
        visible: el.client_height(),
    }
}

fn row(el: &Element, key: &str) -> Option<Element> {
    el.query_selector(&format!("[data-row=\"{key}\"]")).ok()?
}

/// Where a row's bubble is in the log's content (the log is positioned); a row without one is
/// its own bubble.
fn bubble_top(row: &Element) -> i32 {
    let element = match row.query_selector(".acw-bubble") {
        Ok(Some(bubble)) => bubble,
        _ => row.clone(),
    };
    element.unchecked_ref::<HtmlElement>().offset_top()
}
