//! The conversation an engagement became (or the customer's ongoing one the agent chose to open),
//! on screen in place of the engagement: its newest page is read (waiting while the backend
//! fetches it), then it opens as the Case's conversation with what the agent typed meanwhile as
//! its draft; if the agent's focus was in the widget, it goes to the reply box.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::case_view::CaseView;
use crate::api::Backend;
use crate::widget_context::WidgetContext;

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
    let i18n = WidgetContext::get().i18n();
    let thread_backend = backend.clone();
    let thread = LocalResource::new(move || {
        let backend = thread_backend.clone();
        async move { backend.thread(id).await }
    });
    let backend = StoredValue::new_local(backend);
    let draft = StoredValue::new(draft);
    let loading = i18n.t("thread-loading");
    view! {
        <Suspense fallback=move || view! { <p class="acw-status" role="status">{loading.clone()}</p> }>
            {move || thread.get().map(|result| match result {
                Ok(page) => {
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
                }
                Err(failure) => view! {
                    <p class="acw-error" role="alert">{i18n.t(failure.message_id())}</p>
                }
                .into_any(),
            })}
        </Suspense>
    }
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
