//! The reply box. The draft is saved on every keystroke, under its conversation's id, and forgotten
//! only when the reply is sent: a reload, the box being blocked meanwhile, or the agent switching
//! to another conversation of the Case and back, never loses what the agent typed.

use fluent_bundle::FluentArgs;
use leptos::ev;
use leptos::prelude::*;
use protocol::{Channel, LengthUnit, ReplyBlock, is_blank};

use crate::case_conversations::CaseConversations;
use crate::widget_context::WidgetContext;

/// Shown from this share of the channel's limit on, so the counter does not distract earlier.
const COUNTER_FROM_PERCENT: usize = 80;

/// The reply box: multi-line, Enter sends and Shift+Enter adds a line, the channel's limit counted
/// in the channel's own unit, and the draft kept across reloads. While a reply cannot be sent, the
/// box is disabled, keeps the draft, and says why.
#[component]
pub fn Composer(
    conversation_id: i64,
    channel: Channel,
    customer: String,
    /// Why the agent may not reply now, if they may not.
    #[prop(into)]
    block: Signal<Option<ReplyBlock>>,
    on_send: Callback<String>,
) -> impl IntoView {
    let i18n = WidgetContext::get().i18n();
    let limit = channel.reply_limit();
    let case = CaseConversations::get();
    let text = RwSignal::new(case.draft(conversation_id));
    let used = Memo::new(move |_| text.with(|t| limit.measure(t)));
    let blank = Memo::new(move |_| text.with(|t| is_blank(t)));
    let too_long = move || used.get() > limit.max;
    let blocked = Memo::new(move |_| block.get().is_some());
    let can_send = move || !blocked.get() && !blank.get() && !too_long();

    let send = move || {
        if can_send() {
            let reply = text.get_untracked();
            text.set(String::new());
            case.save_draft(conversation_id, "");
            on_send.run(reply);
        }
    };
    let on_input = move |event: ev::Event| {
        let value = event_target_value(&event);
        case.save_draft(conversation_id, &value);
        text.set(value);
    };
    let on_keydown = move |event: ev::KeyboardEvent| {
        if event.key() == "Enter" && !event.shift_key() && !event.is_composing() {
            event.prevent_default();
            send();
        }
    };

    let counter_i18n = i18n.clone();
    let counter = move || {
        let used = used.get();
        if used * 100 < limit.max * COUNTER_FROM_PERCENT {
            return None;
        }
        let (id, count) = match (used > limit.max, limit.unit) {
            (false, LengthUnit::Chars) => ("composer-left-chars", limit.max - used),
            (false, LengthUnit::Bytes) => ("composer-left-bytes", limit.max - used),
            (true, LengthUnit::Chars) => ("composer-over-chars", used - limit.max),
            (true, LengthUnit::Bytes) => ("composer-over-bytes", used - limit.max),
        };
        let mut args = FluentArgs::new();
        args.set("count", count);
        Some(counter_i18n.t_with(id, &args))
    };
    let mut label_args = FluentArgs::new();
    label_args.set("customer", customer);
    let label = i18n.t_with("composer-label", &label_args);
    let reason_i18n = i18n.clone();
    let reason = move || block.get().map(|block| reason_i18n.t(block.message_id()));
    let over_class = move || {
        if too_long() {
            "acw-counter acw-counter-over"
        } else {
            "acw-counter"
        }
    };

    view! {
        <form class="acw-composer" on:submit=move |event: ev::SubmitEvent| { event.prevent_default(); send(); }>
            <Show when=move || blocked.get()>
                <p class="acw-composer-blocked" id="acw-composer-reason">{reason.clone()}</p>
            </Show>
            <textarea
                class="acw-composer-text"
                rows="3"
                dir="auto"
                aria-label=label
                aria-describedby="acw-composer-counter acw-composer-reason"
                placeholder=i18n.t("composer-placeholder")
                prop:value=move || text.get()
                disabled=move || blocked.get()
                on:input=on_input
                on:keydown=on_keydown
            ></textarea>
            <div class="acw-composer-bar">
                <span class=over_class id="acw-composer-counter">{counter}</span>
                <span class="acw-composer-hint">{i18n.t("composer-hint")}</span>
                <button type="submit" class="acw-send" disabled=move || !can_send()>
                    {i18n.t("composer-send")}
                </button>
            </div>
        </form>
    }
}
