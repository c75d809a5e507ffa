//! The conversation's one announcement path for screen readers: a visually hidden polite live
//! region. Each announcement replaces the region's paragraph with a new one, so the same words
//! twice are read twice; what arrives in a burst is said together.

use leptos::prelude::*;

use crate::time::now_ms;

/// Announcements closer together than this are said as one.
const BURST_MS: i64 = 1_000;

#[derive(Clone, Copy)]
pub struct Announcer {
    /// What the region says, and when it last changed.
    said: RwSignal<(String, i64)>,
}

impl Announcer {
    pub fn new() -> Self {
        Self {
            said: RwSignal::new((String::new(), 0)),
        }
    }

    pub fn say(self, text: String) {
        let now = now_ms();
        self.said.try_update(|(said, at)| {
            if now - *at < BURST_MS && !said.is_empty() {
                said.push(' ');
                said.push_str(&text);
            } else {
                *said = text;
            }
            *at = now;
        });
    }
}

#[component]
pub fn AnnouncerRegion(announcer: Announcer) -> impl IntoView {
    // A new paragraph each time: screen readers announce added nodes.
    let paragraph = move || {
        let text = announcer.said.with(|(text, _)| text.clone());
        (!text.is_empty()).then(|| view! { <p>{text}</p> })
    };
    view! { <div class="acw-announcer" role="status">{paragraph}</div> }
}
