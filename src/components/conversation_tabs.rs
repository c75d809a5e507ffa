//! The Case's conversations as an ARIA tablist (APG "tabs with automatic activation"): one tab per
//! conversation, newest first, each saying its channel, customer, when its newest item happened
//! (in the agent's zone, as the thread writes times) and its status, with a mark when something
//! happened there since the agent last had it on screen. One click, or one arrow key (Home, End),
//! puts a conversation on screen; only the selected tab is in the Tab order, and it is announced
//! as selected. A tablist rather than a listbox: the list switches the panel below it, which is
//! what tabs are, and screen readers then announce the panel's relation to the selected tab.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use protocol::{ConversationStatus, LocalDay};
use wasm_bindgen::JsCast;

use crate::case_conversations::CaseConversations;
use crate::conversation_list::{Move, RowState};
use crate::time::{iso, now_ms};
use crate::widget_context::WidgetContext;

/// The panel the tabs control (`CaseView`'s).
pub const PANEL_ID: &str = "acw-conversation-panel";

/// The id of the tab of conversation `id`.
pub fn tab_id(id: i64) -> String {
    format!("acw-conversation-tab-{id}")
}

#[component]
pub fn ConversationTabs() -> impl IntoView {
    let case = CaseConversations::get();
    let i18n = WidgetContext::get().i18n();
    let right_to_left = i18n.is_right_to_left();
    let tablist = NodeRef::<html::Div>::new();
    let on_keydown = move |event: ev::KeyboardEvent| {
        let Some(step) = Move::of_key(&event.key(), right_to_left) else {
            return;
        };
        event.prevent_default();
        let id = case.moved(step);
        case.select(id);
        focus_tab(tablist, id);
    };
    view! {
        <div
            class="acw-conversation-tabs"
            role="tablist"
            aria-label=i18n.t("conversations-label")
            node_ref=tablist
            on:keydown=on_keydown
        >
            <For each=move || case.with_list(|list| list.ids()) key=|id| *id let(id)>
                <ConversationTab id/>
            </For>
        </div>
    }
}

#[component]
fn ConversationTab(id: i64) -> impl IntoView {
    let case = CaseConversations::get();
    let context = WidgetContext::get();
    let i18n = context.i18n();
    let today = context.local_day(now_ms());
    let selected = Memo::new(move |_| case.selected() == id);
    let state =
        Memo::new(move |_| case.with_list(|list| list.row(id).map(|row| row.state.clone())));
    let unread = Memo::new(move |_| case.with_list(|list| list.unread(id)));
    let content = move || match state.get() {
        Some(RowState::Ready(summary)) => {
            let channel = summary.channel.message_id();
            let status = match summary.status {
                ConversationStatus::Open => "open",
                ConversationStatus::Closed => "closed",
            };
            let time = summary.last_at_ms.map(|at_ms| {
                let short = short_time(context, at_ms, today);
                view! {
                    <time class="acw-tab-time" datetime=iso(at_ms) title=context.date_time(at_ms)>{short}</time>
                    " · "
                }
            });
            view! {
                <span class="acw-tab-line">
                    <span class=format!("acw-tab-channel acw-channel-{channel}")>{i18n.t(channel)}</span>
                    <span class="acw-tab-customer" dir="auto">{summary.customer_name}</span>
                </span>
                <span class="acw-tab-line acw-tab-meta">
                    {time}
                    <span class="acw-tab-status" data-status=status>
                        {i18n.t(summary.status.message_id())}
                    </span>
                </span>
            }
            .into_any()
        }
        Some(RowState::Failed(message_id)) => {
            view! { <span class="acw-tab-line acw-error-text">{i18n.t(message_id)}</span> }
                .into_any()
        }
        _ => view! { <span class="acw-tab-line acw-tab-meta">{i18n.t("thread-loading")}</span> }
            .into_any(),
    };
    let unread_text = context.i18n().t("conversation-new-activity");
    let unread_mark = move || {
        unread.get().then(|| {
            view! { <span class="acw-tab-unread" title=unread_text.clone()><span class="acw-visually-hidden">{unread_text.clone()}</span></span> }
        })
    };
    view! {
        <button
            type="button"
            role="tab"
            class="acw-conversation-tab"
            id=tab_id(id)
            data-conversation-id=id
            aria-controls=PANEL_ID
            aria-selected=move || selected.get().to_string()
            tabindex=move || if selected.get() { "0" } else { "-1" }
            on:click=move |_| case.select(id)
        >
            {content}
            {unread_mark}
        </button>
    }
}

/// Today's times as the thread writes them (`3:29 PM`); other days' with their date.
fn short_time(context: WidgetContext, at_ms: i64, today: LocalDay) -> String {
    if context.local_day(at_ms) == today {
        context.time(at_ms)
    } else {
        context.date_time(at_ms)
    }
}

fn focus_tab(tablist: NodeRef<html::Div>, id: i64) {
    let Some(tablist) = tablist.get_untracked() else {
        return;
    };
    let selector = format!("[data-conversation-id=\"{id}\"]");
    if let Ok(Some(tab)) = tablist.query_selector(&selector)
        && let Ok(tab) = tab.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = tab.focus();
    }
}
