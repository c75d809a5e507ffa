//! The conversation's header (it names the widget's mode, conversation, before the customer) and
//! its thread: an accessible log that holds only a window of rows (see `timeline`), loads older
//! pages when the agent scrolls near the top without moving what they are reading (see
//! `reading_position`), and offers "Jump to latest" with an unread count when scrolled up. The log is not a live region (rows come and go as the window slides): news
//! is announced by the conversation's announcer instead.

mod log;

use fluent_bundle::FluentArgs;
use leptos::prelude::*;
use protocol::Conversation;

use self::log::Log;
use super::thread_row::ThreadRow;
use crate::conversation::{ConversationState, OlderPage};
use crate::time::now_ms;
use crate::timeline::Timeline;
use crate::widget_context::WidgetContext;

#[component]
pub fn ThreadView(conversation: Conversation) -> impl IntoView {
    let context = WidgetContext::get();
    let i18n = context.i18n();
    let today = context.local_day(now_ms());
    let feed = ConversationState::get().feed();
    let log = Log::open(feed);

    let mut args = FluentArgs::new();
    args.set("customer", conversation.customer_name.clone());
    let log_label = i18n.t_with("thread-label", &args);
    let count = {
        let i18n = i18n.clone();
        move || {
            feed.with_timeline(|t| {
                let mut args = FluentArgs::new();
                args.set("count", t.message_count());
                let id = if t.has_older() {
                    "thread-count-more"
                } else {
                    "thread-count"
                };
                i18n.t_with(id, &args)
            })
        }
    };
    let empty = {
        let text = i18n.t("thread-empty");
        move || {
            feed.with_timeline(Timeline::is_empty)
                .then(|| view! { <p class="acw-status">{text.clone()}</p> })
        }
    };
    // One slot of fixed height above the rows, so its text changing never moves the rows.
    let older = {
        let i18n = i18n.clone();
        move || match feed.older() {
            OlderPage::Loading => i18n.t("thread-loading-older").into_any(),
            OlderPage::Failed(failure) => view! {
                <span class="acw-error-text">{i18n.t(failure.message_id())}</span>
                " "
                <button type="button" class="acw-link-button" on:click=move |_| log.load_older()>
                    {i18n.t("thread-retry")}
                </button>
            }
            .into_any(),
            OlderPage::Idle
                if feed.with_timeline(|t| t.at_start() && !t.has_older() && !t.is_empty()) =>
            {
                i18n.t("thread-beginning").into_any()
            }
            OlderPage::Idle => ().into_any(),
        }
    };
    let jump_label = i18n.t("thread-jump-latest");
    let unread = {
        let i18n = i18n.clone();
        move || {
            let count = feed.with_timeline(Timeline::unread);
            (count > 0).then(|| {
                let mut args = FluentArgs::new();
                args.set("count", count);
                view! { <span class="acw-unread-count">{i18n.t_with("thread-unread", &args)}</span> }
            })
        }
    };
    view! {
        <header class="acw-header">
            <span class="acw-mode" data-mode="conversation">{i18n.t("mode-conversation")}</span>
            <span class="acw-customer" dir="auto">{conversation.customer_name}</span>
            <span class=format!("acw-channel acw-channel-{}", conversation.channel.message_id())>
                {i18n.t(conversation.channel.message_id())}
            </span>
            <span class="acw-account" dir="auto">{conversation.account_name}</span>
            <span class="acw-count">{count}</span>
        </header>
        {empty}
        <div class="acw-thread-frame">
            <div
                class="acw-thread"
                role="log"
                aria-live="off"
                aria-label=log_label
                aria-busy=move || log.busy().to_string()
                tabindex="0"
                node_ref=log.node()
                on:scroll=move |_| log.check()
            >
                <p class="acw-older">{older}</p>
                <ol class="acw-rows">
                    <For
                        each=move || feed.with_timeline(|t| t.visible().to_vec())
                        key=|row| row.render_key()
                        let(row)
                    >
                        <ThreadRow row today=today/>
                    </For>
                </ol>
            </div>
            <button
                type="button"
                class="acw-jump"
                hidden=move || feed.following()
                on:click=move |_| log.jump_to_latest()
            >
                <span aria-hidden="true">"↓ "</span>
                {jump_label}
                {unread}
            </button>
        </div>
    }
}
