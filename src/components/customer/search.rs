//! The agent's search for the customer's Contact: a term, Salesforce's matches (searched by the
//! host as the agent, in the fields the admin chose), each linked in one click; or a new Contact,
//! pre-filled with the customer's name and number, created as the agent and linked. A failure
//! says why in the agent's language and keeps the term, the matches and the new Contact's fields.

use fluent_bundle::FluentArgs;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::case_conversations::CaseConversations;
use crate::conversation_customer::CustomerState;
use crate::conversation_list::RowState;
use crate::host_context::{ContactMatch, NewContact};
use crate::widget_context::WidgetContext;

#[component]
pub fn ContactSearch(customer: CustomerState, phone: String) -> impl IntoView {
    // Read here, while the component is being made: the async tasks below run outside it.
    let i18n = StoredValue::new(WidgetContext::get().i18n());
    let term = RwSignal::new(String::new());
    let found = RwSignal::new(None::<Vec<ContactMatch>>);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let said = move |id: &str, reason: String| {
        let mut args = FluentArgs::new();
        args.set("reason", reason);
        i18n.with_value(|i18n| i18n.t_with(id, &args))
    };
    let link = move |record: ContactMatch| {
        busy.set(true);
        spawn_local(async move {
            if let Err(failure) = customer.link(record.link()).await {
                let reason = i18n.with_value(|i18n| i18n.t(failure.message_id()));
                problem.try_set(Some(said("customer-link-failed", reason)));
            }
            busy.try_set(false);
        });
    };
    let search = move |event: SubmitEvent| {
        event.prevent_default();
        let asked = term.get_untracked();
        if asked.trim().is_empty() {
            return;
        }
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            match customer.search(asked).await {
                Ok(records) => drop(found.try_set(Some(records))),
                Err(reason) => drop(problem.try_set(Some(said("customer-search-failed", reason)))),
            }
            busy.try_set(false);
        });
    };
    let results = move || {
        found.get().map(|records| {
            if records.is_empty() {
                return view! { <p class="acw-contact-detail">{i18n.with_value(|i18n| i18n.t("customer-no-results"))}</p> }.into_any();
            }
            let rows = records
                .into_iter()
                .map(|record| {
                    let label = i18n.with_value(|i18n| i18n.t("customer-link"));
                    let (name, detail) = (record.name.clone(), record.detail.clone());
                    view! {
                        <li>
                            <span class="acw-contact-match" dir="auto">{name}</span>
                            " "<span class="acw-contact-detail" dir="auto">{detail}</span>" "
                            <button type="button" disabled=move || busy.get() on:click=move |_| link(record.clone())>{label}</button>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="acw-contact-matches">{rows}</ul> }.into_any()
        })
    };
    view! {
        <div class="acw-contact-search">
            <form role="search" on:submit=search>
                <input
                    type="search"
                    aria-label=i18n.with_value(|i18n| i18n.t("customer-search-label"))
                    prop:value=move || term.get()
                    on:input=move |event| term.set(event_target_value(&event))
                />
                " "<button type="submit" disabled=move || busy.get()>{i18n.with_value(|i18n| i18n.t("customer-search"))}</button>
            </form>
            {results}
            <NewContactForm customer phone busy problem link said/>
            {move || problem.get().map(|text| view! { <p class="acw-error-text" role="alert">{text}</p> })}
        </div>
    }
}

/// A new Contact, pre-filled from the conversation; created, then linked.
#[component]
fn NewContactForm(
    customer: CustomerState,
    phone: String,
    busy: RwSignal<bool>,
    problem: RwSignal<Option<String>>,
    link: impl Fn(ContactMatch) + Copy + 'static,
    /// A Fluent message with its `reason`.
    said: impl Fn(&str, String) -> String + Copy + 'static,
) -> impl IntoView {
    let i18n = WidgetContext::get().i18n();
    let case = CaseConversations::get();
    let customer_name =
        case.with_list(
            |list| match list.row(customer.conversation_id()).map(|row| &row.state) {
                Some(RowState::Ready(summary)) => summary.customer_name.clone(),
                _ => String::new(),
            },
        );
    let name = RwSignal::new(customer_name);
    let phone = RwSignal::new(phone);
    let create = move |event: SubmitEvent| {
        event.prevent_default();
        let contact = NewContact {
            name: name.get_untracked().trim().to_owned(),
            phone: phone.get_untracked().trim().to_owned(),
        };
        if contact.name.is_empty() {
            return;
        }
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            match customer.create(contact).await {
                Ok(created) => link(created),
                Err(reason) => {
                    problem.try_set(Some(said("customer-create-failed", reason)));
                    busy.try_set(false);
                }
            }
        });
    };
    view! {
        <form class="acw-contact-new" on:submit=create>
            <label>{i18n.t("customer-new-name")}" "
                <input prop:value=move || name.get() on:input=move |event| name.set(event_target_value(&event))/>
            </label>
            " "
            <label>{i18n.t("customer-new-phone")}" "
                <input type="tel" prop:value=move || phone.get() on:input=move |event| phone.set(event_target_value(&event))/>
            </label>
            " "<button type="submit" disabled=move || busy.get()>{i18n.t("customer-create")}</button>
        </form>
    }
}
