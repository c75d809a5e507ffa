//! A live region: visually hidden and polite. It replaces its paragraph with a new one for each
//! announcement, because screen readers announce added nodes. The conversation has one (its
//! announcer by default); the widget has one that outlives a switch from engagement to
//! conversation, so what it says about the switch is heard.

use leptos::prelude::*;

use crate::conversation::{Announcer, ConversationState};

#[component]
pub fn AnnouncerRegion(
    /// Whose announcements it says; the open conversation's when not given.
    #[prop(optional)]
    announcer: Option<Announcer>,
) -> impl IntoView {
    let announcer = announcer.unwrap_or_else(|| ConversationState::get().announcer());
    let paragraph = move || {
        let text = announcer.said();
        (!text.is_empty()).then(|| view! { <p>{text}</p> })
    };
    view! { <div class="acw-announcer" role="status">{paragraph}</div> }
}
