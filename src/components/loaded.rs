//! A view whose data loads first: the loading line, then the data's view, or the failure's
//! message in the agent's language. One definition of the pattern rather than a resource and a
//! `Suspense` in each view (both are generic over the data, and each copy costs wasm).

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;

use crate::failure::Failure;
use crate::widget_context::WidgetContext;

/// Runs `load` once, then shows `view` of its data; `error_class` styles its failure.
#[component]
pub fn Loaded<T, L, V>(load: L, view: V, error_class: &'static str) -> impl IntoView
where
    T: 'static,
    L: Future<Output = Result<T, Failure>> + 'static,
    V: Fn(T) -> AnyView + 'static,
{
    let i18n = WidgetContext::get().i18n();
    let outcome = RwSignal::new_local(None::<Result<T, Failure>>);
    spawn_local(async move {
        let loaded = load.await;
        outcome.try_set(Some(loaded));
    });
    let loading = i18n.t("thread-loading");
    let view = SendWrapper::new(view);
    move || {
        outcome.track();
        match outcome.try_update_untracked(Option::take).flatten() {
            None => view! { <p class="acw-status" role="status">{loading.clone()}</p> }.into_any(),
            Some(Ok(data)) => view(data),
            Some(Err(failure)) => view! {
                <p class=error_class role="alert">{i18n.t(failure.message_id())}</p>
            }
            .into_any(),
        }
    }
}
