//! The conversation's one announcement path for screen readers: a visually hidden polite live
//! region. Each announcement is a new paragraph (only additions are read, so the same words twice
//! are read twice, and a burst reads in order); the last few stay, older ones leave silently.

use leptos::prelude::*;

/// How many announcements stay in the region.
const KEPT: usize = 3;

#[derive(Clone, Copy)]
pub struct Announcer {
    said: RwSignal<Vec<(u64, String)>>,
    count: StoredValue<u64>,
}

impl Announcer {
    pub fn new() -> Self {
        Self {
            said: RwSignal::new(Vec::new()),
            count: StoredValue::new(0),
        }
    }

    pub fn say(self, text: String) {
        let Some(id) = self.count.try_update_value(|count| {
            *count += 1;
            *count
        }) else {
            return;
        };
        self.said.try_update(|said| {
            said.push((id, text));
            let excess = said.len().saturating_sub(KEPT);
            said.drain(..excess);
        });
    }
}

#[component]
pub fn AnnouncerRegion(announcer: Announcer) -> impl IntoView {
    view! {
        <div class="acw-announcer" role="status" aria-atomic="false">
            <For each=move || announcer.said.get() key=|(id, _)| *id let((_, text))>
                <p>{text}</p>
            </For>
        </div>
    }
}
