//! A line in the thread for something an agent or a bot did to the conversation (archived,
//! assigned, tagged…): centred and quiet, between the message groups.

use leptos::prelude::*;
use protocol::ThreadItem;

use crate::i18n::I18n;
use crate::item_text::event_text;
use crate::time::{TimeFormat, iso};

#[component]
pub fn EventLine(anchor: String, item: ThreadItem) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let times = expect_context::<StoredValue<TimeFormat, LocalStorage>>();
    let (time, full) = times.with_value(|t| (t.time(item.at_ms), t.date_time(item.at_ms)));
    view! {
        <li class="acw-event" data-row=anchor data-item-id=item.id>
            <span class="acw-event-body">
                <span class="acw-event-text" dir="auto">{event_text(&i18n, &item)}</span>
                " · "
                <time class="acw-event-time" datetime=iso(item.at_ms) title=full>{time}</time>
            </span>
        </li>
    }
}
