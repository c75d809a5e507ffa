//! Mounting and unmounting the widget, and its top-level view.

use leptos::mount::{UnmountHandle, mount_to};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::api::{Backend, Failure};
use crate::components::ConversationView;
use crate::context::WidgetContext;
use crate::file_size::NumberFormat;
use crate::i18n::I18n;
use crate::time::TimeFormat;

/// What `mount` returns to the host; `unmount()` removes the widget, its listeners and requests.
#[wasm_bindgen]
pub struct WidgetHandle {
    mounted: Option<UnmountHandle<AnyViewState>>,
}

#[wasm_bindgen]
impl WidgetHandle {
    pub fn unmount(&mut self) {
        self.mounted.take();
    }
}

/// Mounts the widget into `element` with the host's context (see `WidgetContext`).
#[wasm_bindgen]
pub fn mount(element: HtmlElement, context: JsValue) -> Result<WidgetHandle, JsError> {
    let (context, get_token) = WidgetContext::from_js(&context)
        .map_err(|e| JsError::new(&format!("invalid widget context: {e}")))?;
    let backend = Backend::new(&context.backend_url, get_token);
    let mounted = mount_to(element, move || view! { <App context backend/> }.into_any());
    Ok(WidgetHandle {
        mounted: Some(mounted),
    })
}

#[component]
fn App(context: WidgetContext, backend: Backend) -> impl IntoView {
    let i18n = I18n::negotiate(&context.lang);
    let times = TimeFormat::new(context.format_locale(), &context.time_zone);
    let zone_note = times.unknown_zone.clone().map(|zone| {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("zone", zone);
        view! { <p class="acw-note" role="note">{i18n.t_with("unknown-time-zone", &args)}</p> }
    });
    provide_context(i18n.clone());
    provide_context(StoredValue::new_local(times));
    provide_context(StoredValue::new_local(NumberFormat::new(
        context.format_locale(),
    )));

    let conversation_id = context.conversation_id;
    let thread_backend = StoredValue::new_local(backend.clone());
    let thread = LocalResource::new(move || {
        let backend = backend.clone();
        async move { backend.thread(conversation_id).await }
    });
    let status_i18n = i18n.clone();
    let error_view = move |failure: Failure| {
        view! { <p class="acw-error" role="alert">{status_i18n.t(failure.message_id())}</p> }
    };
    let lang = i18n.lang().to_owned();
    let dir = if i18n.is_right_to_left() {
        "rtl"
    } else {
        "ltr"
    };
    view! {
        <section class="acw" lang=lang dir=dir>
            {zone_note}
            <Suspense fallback=move || view! { <p class="acw-status" role="status">{i18n.t("thread-loading")}</p> }>
                {move || thread.get().map(|result| match result {
                    Ok(page) => view! { <ConversationView page backend=thread_backend.get_value()/> }.into_any(),
                    Err(failure) => error_view.clone()(failure).into_any(),
                })}
            </Suspense>
        </section>
    }
}
