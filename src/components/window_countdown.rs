//! The reply window's last hour, counted down under the thread (`protocol`'s
//! `reply_window_left_ms` decides when it shows; `countdown` how it reads). Its clock ticks each
//! second while the view is mounted, the text changing once a minute, then each second in the
//! last minute (the DOM is written only when it changes); when it reaches zero, the conversation's clock moves at once, so the reply box
//! turns into the template picker on time.

use std::time::Duration;

use leptos::leptos_dom::helpers::set_interval_with_handle;
use leptos::prelude::*;

use crate::conversation::ConversationState;
use crate::countdown::countdown_text;
use crate::time::now_ms;
use crate::widget_context::WidgetContext;

const TICK: Duration = Duration::from_secs(1);

#[component]
pub fn WindowCountdown() -> impl IntoView {
    let i18n = WidgetContext::get().i18n();
    let state = ConversationState::get();
    let now = RwSignal::new(now_ms());
    let left = move || {
        now.try_get()
            .and_then(|now| state.reply_window_left_ms(now))
    };
    if let Ok(interval) = set_interval_with_handle(
        move || {
            let was_open = untrack(left).is_some();
            now.try_set(now_ms());
            if was_open && untrack(left).is_none() {
                state.tick();
            }
        },
        TICK,
    ) {
        on_cleanup(move || interval.clear());
    }
    let text = move || left().map(|left| countdown_text(&i18n, left));
    view! {
        <p class="acw-countdown" data-part="window-countdown" hidden=move || left().is_none()>
            <span aria-hidden="true">"⏱ "</span>
            {text}
        </p>
    }
}
