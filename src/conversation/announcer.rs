//! The conversation's one announcement path for screen readers. What arrives in a burst is said
//! together, and each announcement is new text for the region (`components/announcer.rs`), so the
//! same words twice are read twice.

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

    /// What the region says now (tracked).
    pub fn said(self) -> String {
        self.said.with(|(text, _)| text.clone())
    }
}
