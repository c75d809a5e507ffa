//! The conversation's live region: visually hidden and polite. It replaces its paragraph with a
//! new one for each announcement, because screen readers announce added nodes.

use leptos::prelude::*;

use crate::conversation::ConversationState;

#[component]
pub fn AnnouncerRegion() -> impl IntoView {
    let announcer = ConversationState::get().announcer();
    let paragraph = move || {
        let text = announcer.said();
        (!text.is_empty()).then(|| view! { <p>{text}</p> })
    };
    view! { <div class="acw-announcer" role="status">{paragraph}</div> }
}
