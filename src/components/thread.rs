use fluent_bundle::FluentArgs;
use leptos::prelude::*;
use protocol::ThreadPage;

use super::message::Message;
use crate::i18n::I18n;

/// The conversation's header and its messages, as an accessible log.
#[component]
pub fn Thread(page: ThreadPage) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let conversation = page.conversation;
    let mut args = FluentArgs::new();
    args.set("customer", conversation.customer_name.clone());
    let log_label = i18n.t_with("thread-label", &args);
    let mut count = FluentArgs::new();
    count.set("count", page.items.len());
    let empty = page
        .items
        .is_empty()
        .then(|| view! { <p class="acw-status">{i18n.t("thread-empty")}</p> });
    view! {
        <header class="acw-header">
            <span class="acw-customer" dir="auto">{conversation.customer_name}</span>
            <span class=format!("acw-channel acw-channel-{}", conversation.channel.message_id())>
                {i18n.t(conversation.channel.message_id())}
            </span>
            <span class="acw-account" dir="auto">{conversation.account_name}</span>
            <span class="acw-count">{i18n.t_with("thread-count", &count)}</span>
        </header>
        {empty}
        <ol class="acw-thread" role="log" aria-live="polite" aria-label=log_label tabindex="0">
            {page.items.into_iter().map(|item| view! { <Message item/> }).collect_view()}
        </ol>
    }
}
