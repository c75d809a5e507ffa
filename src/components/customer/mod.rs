//! The customer above a conversation: whether they are linked to a Salesforce Contact (its name a
//! link to its record), the agent's search, creation and link (`search.rs`), and the customer's
//! other conversations, each opened in place (`others.rs`). Nothing shows while the first answer
//! is awaited; customer and Contact texts reach the DOM as text only.

mod others;
mod search;

use leptos::prelude::*;
use protocol::CustomerView;

use self::others::OtherConversations;
use self::search::ContactSearch;
use crate::api::Backend;
use crate::conversation_customer::CustomerState;
use crate::host_context::HostCallbacks;
use crate::widget_context::WidgetContext;

/// The customer of conversation `id`, read when it opens; `may_link`: the agent may reply, which
/// linking needs.
#[component]
pub fn CustomerPanel(
    id: i64,
    may_link: bool,
    backend: Backend,
    host: HostCallbacks,
) -> impl IntoView {
    let customer = CustomerState::load(id, backend, host);
    let i18n = WidgetContext::get().i18n();
    move || {
        match customer.view() {
        None => ().into_any(),
        Some(Err(failure)) => {
            view! { <p class="acw-contact-panel acw-error-text" role="alert">{i18n.t(failure.message_id())}</p> }
                .into_any()
        }
        Some(Ok(view)) => view! {
            <section class="acw-contact-panel" aria-label=i18n.t("customer-heading")>
                <Linked customer may_link view=view.clone()/>
                <OtherConversations conversations=view.conversations/>
            </section>
        }
        .into_any(),
    }
    }
}

/// Who the customer is linked to, and the way to (re)link them.
#[component]
fn Linked(customer: CustomerState, may_link: bool, view: CustomerView) -> impl IntoView {
    let i18n = WidgetContext::get().i18n();
    let searching = RwSignal::new(false);
    let state = match (&view.customer_id, &view.link) {
        (None, _) => return view! { <p class="acw-contact-line">{i18n.t("customer-unknown")}</p> }.into_any(),
        (Some(_), Some(link)) => view! {
            <span>{i18n.t("customer-contact")}" "</span>
            <a class="acw-contact-name" href=link.record_path() target="_top" dir="auto">{link.contact_name.clone()}</a>
        }
        .into_any(),
        (Some(_), None) => view! { <span>{i18n.t("customer-unlinked")}</span> }.into_any(),
    };
    let find = (may_link && customer.finds_contacts()).then(|| {
        let label = i18n.t(if view.link.is_some() { "customer-change" } else { "customer-find" });
        view! {
            " "
            <button type="button" class="acw-link-button" aria-expanded=move || searching.get().to_string() on:click=move |_| searching.update(|open| *open = !*open)>
                {label}
            </button>
        }
    });
    let phone = view.phone.unwrap_or_default();
    view! {
        <p class="acw-contact-line">{state}{find}</p>
        {move || searching.get().then(|| view! { <ContactSearch customer phone=phone.clone()/> })}
    }
    .into_any()
}
