//! The customer's other conversations (the 360° list), newest activity first: channel, account,
//! when something last happened (in the agent's zone) and status. One click opens it in place,
//! as a conversation of the list above the panel.

use leptos::prelude::*;
use protocol::CustomerConversation;

use crate::case_conversations::CaseConversations;
use crate::time::ms_of_iso;
use crate::widget_context::WidgetContext;

#[component]
pub fn OtherConversations(conversations: Vec<CustomerConversation>) -> impl IntoView {
    if conversations.is_empty() {
        return ().into_any();
    }
    let context = WidgetContext::get();
    let i18n = context.i18n();
    let case = CaseConversations::get();
    let rows = conversations
        .into_iter()
        .map(|other| {
            let when = ms_of_iso(&other.last_activity_at).map(|at_ms| context.date_time(at_ms));
            let id = other.id;
            view! {
                <li>
                    <button type="button" class="acw-link-button acw-contact-other" data-conversation-id=id on:click=move |_| case.open(id)>
                        {i18n.t(other.channel.message_id())}" · "
                        <span dir="auto">{other.account_name}</span>
                        " · "{when}" · "
                        {i18n.t(other.status.message_id())}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="acw-contact-others">
            <summary>{i18n.t("customer-others")}</summary>
            <ul>{rows}</ul>
        </details>
    }
    .into_any()
}
