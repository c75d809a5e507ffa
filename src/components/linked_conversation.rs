//! The conversation an engagement became (or the customer's ongoing one the agent chose to open),
//! on screen in place of the engagement: its newest page is read (waiting while the backend
//! fetches it), then it opens as the Case's conversation with what the agent typed meanwhile as
//! its draft; if the agent's focus was in the widget, it goes to the reply box.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::case_view::CaseView;
use super::loaded::Loaded;
use crate::api::Backend;

/// Where the focus goes in the conversation, the first of these that is there.
const FOCUS_TARGETS: [&str; 3] = [
    ".acw-composer-text:not(:disabled)",
    "[data-part=\"template-select\"]",
    ".acw-thread",
];

#[component]
pub fn LinkedConversation(
    id: i64,
    draft: String,
    focus: bool,
    backend: Backend,
    root: NodeRef<html::Section>,
) -> impl IntoView {
    let load = {
        let backend = backend.clone();
        async move { backend.thread(id).await }
    };
    let backend = StoredValue::new_local(backend);
    let draft = StoredValue::new(draft);
    let opened = move |page| {
        if focus {
            request_animation_frame(move || focus_reply_box(root));
        }
        view! {
            <CaseView
                page
                conversation_ids=vec![id]
                backend=backend.get_value()
                draft=draft.get_value()
            />
        }
        .into_any()
    };
    view! { <Loaded load view=opened error_class="acw-error"/> }
}

fn focus_reply_box(root: NodeRef<html::Section>) {
    let Some(root) = root.get_untracked() else {
        return;
    };
    for selector in FOCUS_TARGETS {
        if let Ok(Some(target)) = root.query_selector(selector)
            && let Ok(target) = target.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = target.focus();
            return;
        }
    }
}
