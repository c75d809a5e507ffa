//! Mounting and unmounting the widget, and its top-level view. Nothing is written before the
//! agent's language is there; once the conversation and the agent's time zone are loaded, the
//! widget's context (`WidgetContext`) is provided here, once, for every view below. While the
//! backend fetches a conversation its replica did not hold (it answers `202`), the loading state
//! says so, and the widget asks again until the thread comes.

use leptos::context::Provider;
use leptos::mount::{UnmountHandle, mount_to};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::api::{Backend, Opening};
use crate::components::CaseView;
use crate::failure::Failure;
use crate::host_context::HostContext;
use crate::i18n::I18n;
use crate::locale_files;
use crate::number_format::NumberFormat;
use crate::time::TimeFormat;
use crate::widget_context::WidgetContext;
use fluent_bundle::FluentArgs;
use futures_util::future::join;
use protocol::{ThreadPage, ZoneRules};

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

/// Mounts the widget into `element` with the host's context (see `HostContext`).
#[wasm_bindgen]
pub fn mount(element: HtmlElement, context: JsValue) -> Result<WidgetHandle, JsError> {
    let (context, get_token) = HostContext::from_js(&context)
        .map_err(|e| JsError::new(&format!("invalid widget context: {e}")))?;
    let backend = Backend::new(&context.backend_url, get_token);
    let mounted = mount_to(element, move || view! { <App context backend/> }.into_any());
    Ok(WidgetHandle {
        mounted: Some(mounted),
    })
}

#[component]
fn App(context: HostContext, backend: Backend) -> impl IntoView {
    let lang = context.lang.clone();
    let assets_url = context.assets_url.clone();
    let strings = LocalResource::new(move || {
        let (lang, assets_url) = (lang.clone(), assets_url.clone());
        async move { locale_files::load(&lang, assets_url.as_deref()).await }
    });
    let conversation_id = context.conversation_id;
    let thread_backend = StoredValue::new_local(backend.clone());
    let zone_name = context.time_zone.clone();
    let fetching = RwSignal::new(false);
    let thread = LocalResource::new(move || {
        let backend = backend.clone();
        let zone_name = zone_name.clone();
        async move {
            let page = async {
                loop {
                    match backend.open_thread(conversation_id).await? {
                        Opening::Page(page) => return Ok(page),
                        Opening::Fetching => fetching.set(true),
                    }
                }
            };
            let (page, zone) = join(page, backend.zone_rules(&zone_name)).await;
            page.map(|page| (page, zone.ok()))
        }
    });
    let context = StoredValue::new(context);
    // Nothing is written until the agent's language is there: no English flash for others.
    move || {
        strings
            .get()
            .map(|i18n| view! { <Widget i18n context=context.get_value() thread fetching=fetching.read_only() thread_backend/> })
    }
}

type ThreadLoad = Result<(ThreadPage, Option<ZoneRules>), Failure>;

#[component]
fn Widget(
    i18n: I18n,
    context: HostContext,
    thread: LocalResource<ThreadLoad>,
    /// The backend is fetching the conversation from Alcméon.
    fetching: ReadSignal<bool>,
    thread_backend: StoredValue<Backend, LocalStorage>,
) -> impl IntoView {
    let format_locale = context.format_locale().to_owned();
    let conversation_ids = context.conversation_ids.clone();
    let loaded_i18n = i18n.clone();
    let loaded_view = move |page, zone: Option<ZoneRules>| {
        let zone_note = zone.is_none().then(|| {
            let mut args = FluentArgs::new();
            args.set("zone", context.time_zone.clone());
            view! { <p class="acw-note" role="note">{loaded_i18n.t_with("unknown-time-zone", &args)}</p> }
        });
        let times = TimeFormat::new(&format_locale, zone.unwrap_or_else(ZoneRules::utc));
        let numbers = NumberFormat::new(&format_locale);
        view! {
            {zone_note}
            <Provider value=WidgetContext::new(loaded_i18n.clone(), times, numbers)>
                <CaseView page conversation_ids=conversation_ids.clone() backend=thread_backend.get_value()/>
            </Provider>
        }
    };
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
            {move || match thread.get() {
                None => {
                    let i18n = i18n.clone();
                    let loading = move || {
                        i18n.t(if fetching.get() { "thread-fetching" } else { "thread-loading" })
                    };
                    view! { <p class="acw-status" role="status">{loading}</p> }.into_any()
                }
                Some(Ok((page, zone))) => loaded_view.clone()(page, zone).into_any(),
                Some(Err(failure)) => error_view.clone()(failure).into_any(),
            }}
        </section>
    }
}
