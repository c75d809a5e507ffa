//! Mounting and unmounting the widget, and its top-level view. Nothing is written before the
//! agent's language is there; once the first page (a conversation's thread, or the engagement)
//! and the agent's time zone are loaded, the widget's context (`WidgetContext`) is provided here,
//! once, for every view below. While the backend fetches a conversation its replica did not hold
//! (it answers `202`), the loading state says so, and the widget asks again until the thread
//! comes. Both first loads (the page with the zone's rules, and the agent's texts) stop when the
//! widget unmounts.
//!
//! Engagement mode turns into conversation mode in place (`Screen`): when the backend links the
//! conversation the customer's answer opened, or the agent opens the customer's ongoing one. The
//! widget's root, its live region and the agent's focus stay; the engagement's views go.

use leptos::context::Provider;
use leptos::html;
use leptos::mount::{UnmountHandle, mount_to};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::task::spawn_local_scoped_with_cancellation;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::api::{Backend, Opening as ThreadOpening};
use crate::components::{AnnouncerRegion, CaseView, EngagementView, LinkedConversation, focus};
use crate::conversation::Announcer;
use crate::engagement::Switch;
use crate::failure::Failure;
use crate::first_thread::FirstThread;
use crate::host_context::{HostCallbacks, HostContext, Opening};
use crate::i18n::I18n;
use crate::locale_files;
use crate::number_format::NumberFormat;
use crate::time::TimeFormat;
use crate::widget_context::WidgetContext;
use fluent_bundle::FluentArgs;
use futures_util::future::join;
use gloo_timers::future::TimeoutFuture;
use protocol::{EngagementPage, ThreadPage, ZoneRules};

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
    let (context, get_token, host, first_thread) = HostContext::from_js(&context)
        .map_err(|e| JsError::new(&format!("invalid widget context: {e}")))?;
    let backend = Backend::new(&context.backend_url, get_token);
    let mounted = mount_to(element, move || {
        view! { <App context backend host first_thread/> }.into_any()
    });
    Ok(WidgetHandle {
        mounted: Some(mounted),
    })
}

/// The first page the widget shows.
#[derive(Clone)]
enum Opened {
    Thread(ThreadPage),
    Engagement(Box<EngagementPage>),
}

type FirstLoad = Result<(Opened, Option<ZoneRules>), Failure>;

/// How the widget writes for the agent: texts in their language, times and numbers in their
/// locale's style (times in UTC until the zone's rules are there).
#[derive(Clone)]
struct Writing {
    i18n: I18n,
    times: TimeFormat,
    numbers: NumberFormat,
}

#[component]
fn App(
    context: HostContext,
    backend: Backend,
    host: HostCallbacks,
    /// The page the host fetched itself while the widget loaded: used for the first open only.
    first_thread: Option<FirstThread>,
) -> impl IntoView {
    let opening = context.opening().unwrap_or(Opening::Engagement);
    let fetching = RwSignal::new(false);
    let first = RwSignal::new_local(None::<FirstLoad>);
    let zone_name = context.time_zone.clone();
    let opened = open_first(
        opening,
        first_thread,
        backend.clone(),
        zone_name.clone(),
        fetching,
    );
    let backend_for_zone = backend.clone();
    // Spawned first, so its requests leave before the texts are parsed and the formats made.
    spawn_local_scoped_with_cancellation(async move {
        let load = first_load(opening, opened, backend_for_zone, zone_name).await;
        first.try_set(Some(load));
    });
    let writing = RwSignal::new_local(None::<Writing>);
    let (lang, assets_url) = (context.lang.clone(), context.assets_url.clone());
    let format_locale = context.format_locale().to_owned();
    spawn_local_scoped_with_cancellation(async move {
        // The next task: the first load's requests are out by then (their token is a promise).
        TimeoutFuture::new(0).await;
        let i18n = locale_files::load(&lang, assets_url.as_deref()).await;
        let times = TimeFormat::new(&format_locale);
        let numbers = NumberFormat::new(&format_locale);
        writing.try_set(Some(Writing {
            i18n,
            times,
            numbers,
        }));
    });
    let context = StoredValue::new(context);
    let host = StoredValue::new_local(host);
    // Nothing is written until the agent's language is there: no English flash for others.
    let backend = StoredValue::new_local(backend);
    move || {
        writing.get().map(|writing| {
            view! {
                <Widget
                    writing
                    context=context.get_value()
                    first=first.read_only()
                    engagement=opening == Opening::Engagement
                    fetching=fetching.read_only()
                    backend=backend.get_value()
                    host=host.get_value()
                />
            }
        })
    }
}

/// The first page and the rules of the agent's time zone `zone`: a conversation's page carries
/// them (asked with it); the engagement's are asked alongside it. `None` for a zone the backend
/// does not know.
async fn first_load(
    opening: Opening,
    opened: impl Future<Output = Result<Opened, Failure>>,
    backend: Backend,
    zone: String,
) -> FirstLoad {
    let zone_rules = async move { backend.zone_rules(&zone).await.ok() };
    if opening == Opening::Engagement {
        let (opened, zone_rules) = join(opened, zone_rules).await;
        return opened.map(|opened| (opened, zone_rules));
    }
    let opened = opened.await?;
    let carried = match &opened {
        Opened::Thread(page) => page.zone_rules.as_deref().cloned(),
        Opened::Engagement(_) => None,
    };
    let zone_rules = match carried {
        Some(rules) => Some(rules),
        None => zone_rules.await,
    };
    Ok((opened, zone_rules))
}

/// The first page: the host's answer when it holds it, else asked of the backend (again while
/// it answers that it is fetching the conversation), with the rules of time zone `zone`.
async fn open_first(
    opening: Opening,
    first_thread: Option<FirstThread>,
    backend: Backend,
    zone: String,
    fetching: RwSignal<bool>,
) -> Result<Opened, Failure> {
    let host_answer = match (opening, first_thread) {
        (Opening::Conversation(id), Some(first_thread)) => first_thread.opening(id).await,
        _ => None,
    };
    match host_answer {
        Some(ThreadOpening::Page(page)) => return Ok(Opened::Thread(page)),
        Some(ThreadOpening::Fetching) => fetching.set(true),
        None => {}
    }
    match opening {
        Opening::Conversation(id) => loop {
            match backend.open_thread(id, &zone).await? {
                ThreadOpening::Page(page) => return Ok(Opened::Thread(page)),
                ThreadOpening::Fetching => fetching.set(true),
            }
        },
        Opening::Engagement => backend
            .engagement()
            .await
            .map(|page| Opened::Engagement(Box::new(page))),
    }
}

#[component]
fn Widget(
    writing: Writing,
    context: HostContext,
    first: ReadSignal<Option<FirstLoad>, LocalStorage>,
    /// The widget opens on an engagement.
    engagement: bool,
    /// The backend is fetching the conversation from Alcméon.
    fetching: ReadSignal<bool>,
    backend: Backend,
    host: HostCallbacks,
) -> impl IntoView {
    let Writing {
        i18n,
        times,
        numbers,
    } = writing;
    let agent_lang = context.lang.clone();
    let conversation_ids = context.conversation_ids.clone();
    let root = NodeRef::<html::Section>::new();
    let loaded_i18n = i18n.clone();
    let backend = StoredValue::new_local(backend);
    let host = StoredValue::new_local(host);
    let loaded_view = move |opened, zone: Option<ZoneRules>| {
        let zone_note = zone.is_none().then(|| {
            let mut args = FluentArgs::new();
            args.set("zone", context.time_zone.clone());
            view! { <p class="acw-note" role="note">{loaded_i18n.t_with("unknown-time-zone", &args)}</p> }
        });
        let times = times.clone().in_zone(zone.unwrap_or_else(ZoneRules::utc));
        view! {
            {zone_note}
            <Provider value=WidgetContext::new(
                loaded_i18n.clone(),
                &agent_lang,
                times,
                numbers.clone(),
            )>
                <Screens
                    opened
                    conversation_ids=conversation_ids.clone()
                    backend=backend.get_value()
                    host=host.get_value()
                    root
                />
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
        <section class="acw" lang=lang dir=dir node_ref=root>
            {move || match first.get() {
                None => {
                    let i18n = i18n.clone();
                    let loading = move || {
                        i18n.t(if engagement {
                            "engagement-loading"
                        } else if fetching.get() {
                            "thread-fetching"
                        } else {
                            "thread-loading"
                        })
                    };
                    view! { <p class="acw-status" role="status">{loading}</p> }.into_any()
                }
                Some(Ok((opened, zone))) => loaded_view.clone()(opened, zone).into_any(),
                Some(Err(failure)) => error_view.clone()(failure).into_any(),
            }}
        </section>
    }
}

/// What the widget shows, in the order it may show them: the Case's conversations or the
/// engagement, then the conversation the engagement became.
#[derive(Clone, PartialEq)]
enum Screen {
    Case,
    Engagement,
    Conversation {
        switch: Switch,
        /// The agent's focus was in the widget: it goes to the conversation's reply box.
        focus: bool,
    },
}

#[component]
fn Screens(
    opened: Opened,
    conversation_ids: Vec<i64>,
    backend: Backend,
    host: HostCallbacks,
    root: NodeRef<html::Section>,
) -> impl IntoView {
    let i18n = WidgetContext::get().i18n();
    let announcer = Announcer::new();
    let (screen, thread, engagement) = match opened {
        Opened::Thread(page) => (Screen::Case, Some(page), None),
        Opened::Engagement(page) => match page.conversation_id {
            Some(conversation_id) => {
                host.record_engagement_conversation(conversation_id);
                let switch = Switch {
                    conversation_id,
                    linked: true,
                    draft: String::new(),
                    customer: page.recipient.name,
                };
                let screen = Screen::Conversation {
                    switch,
                    focus: false,
                };
                (screen, None, None)
            }
            None => (Screen::Engagement, None, Some(*page)),
        },
    };
    // An engagement's live region outlives the switch (what it says about it is heard), and
    // serves the conversation it becomes: still one region.
    let region = (screen != Screen::Case).then(|| {
        provide_context(announcer);
        view! { <AnnouncerRegion announcer/> }
    });
    let screen = RwSignal::new(screen);
    let thread = StoredValue::new(thread);
    let engagement = StoredValue::new(engagement);
    let backend = StoredValue::new_local(backend);
    let host = StoredValue::new_local(host);
    let on_switch = Callback::new(move |switch: Switch| {
        if matches!(screen.get_untracked(), Screen::Conversation { .. }) {
            return;
        }
        if switch.linked {
            host.with_value(|host| host.record_engagement_conversation(switch.conversation_id));
            let mut args = FluentArgs::new();
            args.set("customer", switch.customer.clone());
            announcer.say(i18n.t_with("announce-conversation-started", &args));
        }
        let focus = focus_is_within(root);
        screen.set(Screen::Conversation { switch, focus });
    });
    let shown = move || {
        match screen.get() {
        Screen::Case => match thread.try_update_value(Option::take).flatten() {
            Some(page) => view! {
                <CaseView page conversation_ids=conversation_ids.clone() backend=backend.get_value() host=host.get_value()/>
            }
            .into_any(),
            None => ().into_any(),
        },
        Screen::Engagement => match engagement.try_update_value(Option::take).flatten() {
            Some(page) => view! {
                <EngagementView page backend=backend.get_value() host=host.get_value() on_switch/>
            }
            .into_any(),
            None => ().into_any(),
        },
        Screen::Conversation { switch, focus } => view! {
            <LinkedConversation
                id=switch.conversation_id
                draft=switch.draft
                focus
                backend=backend.get_value()
                root
            />
        }
        .into_any(),
    }
    };
    view! {
        {shown}
        {region}
    }
}

/// Whether the agent's focus is in the widget.
fn focus_is_within(root: NodeRef<html::Section>) -> bool {
    root.get_untracked()
        .is_some_and(|root| focus::is_within(&root))
}
