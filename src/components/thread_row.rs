//! One row of the thread: a day separator, the unread marker, an event line, or a message.
//! Message text is the customer's or an agent's, untrusted: it only ever becomes text nodes, and
//! links only for http(s) URLs (see `linkify`). Every row carries its anchor key in `data-row`,
//! which the log keeps the reading position on.

use fluent_bundle::FluentArgs;
use leptos::prelude::*;
use protocol::{Delivery, LocalDay, ThreadItem};

use super::attachment::Attachments;
use super::event_line::EventLine;
use crate::conversation::ConversationState;
use crate::countdown::queued_text;
use crate::item_text::{author_name, failure_reason};
use crate::linkify::{Segment, linkify};
use crate::rows::{DayLabel, Row, Sender, day_label, delivery_look, kind_class, offers_retry};
use crate::time::{day_iso, iso};
use crate::widget_context::WidgetContext;

#[component]
pub fn ThreadRow(row: Row, today: LocalDay) -> impl IntoView {
    let anchor = row.anchor_key();
    match row {
        Row::Day { day, at_ms } => view! { <DaySeparator anchor day at_ms today/> }.into_any(),
        Row::Unread => {
            let i18n = WidgetContext::get().i18n();
            view! {
                <li class="acw-unread" data-row=anchor>
                    <span>{i18n.t("thread-new-messages")}</span>
                </li>
            }
            .into_any()
        }
        Row::Event { item } => view! { <EventLine anchor item/> }.into_any(),
        Row::Message {
            item,
            group_start,
            group_end,
        } => view! { <Message anchor item group_start group_end/> }.into_any(),
    }
}

#[component]
fn DaySeparator(anchor: String, day: LocalDay, at_ms: i64, today: LocalDay) -> impl IntoView {
    let context = WidgetContext::get();
    let i18n = context.i18n();
    let label = match day_label(day, today) {
        DayLabel::Today => i18n.t("day-today"),
        DayLabel::Yesterday => i18n.t("day-yesterday"),
        DayLabel::Date => {
            let mut args = FluentArgs::new();
            args.set("date", context.day(at_ms));
            i18n.t_with("day-date", &args)
        }
    };
    view! {
        <li class="acw-day" data-row=anchor>
            <time class="acw-day-label" datetime=day_iso(day)>{label}</time>
        </li>
    }
}

#[component]
fn Message(anchor: String, item: ThreadItem, group_start: bool, group_end: bool) -> impl IntoView {
    let context = WidgetContext::get();
    let i18n = context.i18n();
    let state = ConversationState::get();
    let sender = Sender::of(&item, state.viewer_email().as_ref()).unwrap_or(Sender::Bot);
    let mut class = format!("acw-message {} {}", kind_class(item.kind), sender.class());
    if group_start {
        class.push_str(" acw-group-start");
    }
    if group_end {
        class.push_str(" acw-group-end");
    }
    let meta = group_start.then(|| {
        let author = author_name(&i18n, &item, sender);
        let (time, full) = (context.time(item.at_ms), context.date_time(item.at_ms));
        view! {
            <div class="acw-meta">
                <span class="acw-author" dir="auto">{author}</span>
                " · "
                <time class="acw-time" datetime=iso(item.at_ms) title=full>{time}</time>
            </div>
        }
    });
    let bubble = (!item.text.is_empty() || item.attachments.is_empty()).then(|| {
        view! { <div class="acw-bubble" dir="auto">{message_text(&item.text)}</div> }
    });
    let delivery = item.delivery.is_some().then(|| {
        let local = state.local_failure(item.client_id.as_ref());
        let retry = offers_retry(&item, sender);
        view! { <DeliveryLine item=item.clone() retry local/> }
    });
    view! {
        <li class=class data-row=anchor data-item-id=item.id>
            {meta}
            {bubble}
            <Attachments attachments=item.attachments/>
            {delivery}
        </li>
    }
}

/// Where a message stands, whoever sent it; a failed one says why, and the viewer's own reply
/// offers Retry (disabled while the reply box is blocked: the backend would refuse it for the same
/// reason). A reply queued behind Alcméon's rate limit says about how long it still waits,
/// counting down. The line is the widget's own sentence: it reads in the widget's direction, not
/// one guessed from its first letter (its inserted reason is isolated by Fluent).
#[component]
fn DeliveryLine(item: ThreadItem, retry: bool, local: Option<&'static str>) -> impl IntoView {
    let i18n = WidgetContext::get().i18n();
    let conversation = ConversationState::get();
    let delivery = item.delivery.clone().unwrap_or(Delivery::Sending);
    let (state, icon) = delivery_look(&delivery);
    let said = match &delivery {
        Delivery::Sending => i18n.t("delivery-sending"),
        Delivery::Sent => i18n.t("delivery-sent"),
        Delivery::Failed { .. } => {
            let mut args = FluentArgs::new();
            args.set("reason", failure_reason(&i18n, Some(&delivery), local));
            i18n.t_with("delivery-failed", &args)
        }
    };
    // A reply still sending may be queued behind Alcméon's rate limit: about how long, meanwhile.
    let (id, sending) = (item.id, delivery == Delivery::Sending);
    let text = move || match sending.then(|| conversation.queued_left_ms(id)).flatten() {
        Some(left) => queued_text(&i18n, left),
        None => said.clone(),
    };
    let retry = retry.then(|| {
        let failed = item.clone();
        let i18n = WidgetContext::get().i18n();
        view! {
            <button
                type="button"
                class="acw-retry"
                disabled=move || conversation.block().is_some()
                aria-label=i18n.t("delivery-retry-label")
                on:click=move |_| conversation.retry(failed.clone())
            >
                {i18n.t("delivery-retry")}
            </button>
        }
    });
    view! {
        <div class=format!("acw-delivery acw-delivery-{state}") data-state=state>
            <span class="acw-delivery-icon" aria-hidden="true">{icon}</span>
            <span class="acw-delivery-text">{text}</span>
            {retry}
        </div>
    }
}

/// The text as text nodes, with http(s) URLs as links that open in a new tab without giving the
/// new page access to this one.
fn message_text(text: &str) -> impl IntoView + use<> {
    linkify(text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(text) => text.into_any(),
            Segment::Link(url) => {
                let href = url.clone();
                view! { <a href=href rel="noopener noreferrer" target="_blank">{url}</a> }
                    .into_any()
            }
        })
        .collect_view()
}
