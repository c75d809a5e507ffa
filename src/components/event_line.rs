//! A line in the thread for something an agent or a bot did to the conversation (archived,
//! assigned, tagged…): centred and quiet, between the message groups. The line is the widget's
//! own sentence and reads in the widget's direction; the names in it are isolated by Fluent, so
//! an Arabic name does not turn an English line right to left.

use leptos::prelude::*;
use protocol::ThreadItem;

use crate::item_text::event_text;
use crate::time::iso;
use crate::widget_context::WidgetContext;

#[component]
pub fn EventLine(anchor: String, item: ThreadItem) -> impl IntoView {
    let context = WidgetContext::get();
    let i18n = context.i18n();
    let (time, full) = (context.time(item.at_ms), context.date_time(item.at_ms));
    view! {
        <li class="acw-event" data-row=anchor data-item-id=item.id>
            <span class="acw-event-body">
                <span class="acw-event-text">{event_text(&i18n, &item)}</span>
                " · "
                <time class="acw-event-time" datetime=iso(item.at_ms) title=full>{time}</time>
            </span>
        </li>
    }
}
