use leptos::prelude::*;
use protocol::{ItemKind, ThreadItem};

use crate::i18n::I18n;
use crate::time::TimeFormat;

/// One message. Its text is the customer's or agent's, untrusted: it is only ever a text node.
#[component]
pub fn Message(item: ThreadItem) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let times = expect_context::<StoredValue<TimeFormat, LocalStorage>>();
    let (class, fallback_author) = match item.kind {
        ItemKind::Inbound => ("acw-message acw-inbound", "message-from-customer"),
        ItemKind::Outbound => ("acw-message acw-outbound", "message-from-agent"),
    };
    let author = if item.author.is_empty() {
        i18n.t(fallback_author)
    } else {
        item.author
    };
    view! {
        <li class=class data-item-id=item.id>
            <div class="acw-bubble" dir="auto">{item.text}</div>
            <div class="acw-meta">
                <span class="acw-author" dir="auto">{author}</span>
                " · "
                <time class="acw-time">{times.with_value(|times| times.date_time(item.at_ms))}</time>
            </div>
        </li>
    }
}
