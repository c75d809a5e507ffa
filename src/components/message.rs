//! One row of the thread: a day separator, the unread marker, an event line, or a message.
//! Message text is the customer's or an agent's, untrusted: it only ever becomes text nodes, and
//! links only for http(s) URLs (see `linkify`).

use fluent_bundle::FluentArgs;
use leptos::prelude::*;
use protocol::{Delivery, LocalDay, ThreadItem};

use super::attachment::Attachments;
use super::conversation_state::ConversationState;
use super::event_line::EventLine;
use super::replies::Replies;
use crate::i18n::I18n;
use crate::item_text::{author_name, failure_reason};
use crate::linkify::{Segment, linkify};
use crate::thread_model::{DayLabel, Row, Sender, day_label, kind_class};
use crate::time::{TimeFormat, day_iso, iso};

#[component]
pub fn ThreadRow(row: Row, today: LocalDay) -> impl IntoView {
    let anchor = row.anchor_key();
    match row {
        Row::Day { day, at_ms } => view! { <DaySeparator anchor day at_ms today/> }.into_any(),
        Row::Unread => {
            let i18n = expect_context::<I18n>();
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
    let i18n = expect_context::<I18n>();
    let times = expect_context::<StoredValue<TimeFormat, LocalStorage>>();
    let label = match day_label(day, today) {
        DayLabel::Today => i18n.t("day-today"),
        DayLabel::Yesterday => i18n.t("day-yesterday"),
        DayLabel::Date => {
            let mut args = FluentArgs::new();
            args.set("date", times.with_value(|times| times.day(at_ms)));
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
    let i18n = expect_context::<I18n>();
    let times = expect_context::<StoredValue<TimeFormat, LocalStorage>>();
    let state = expect_context::<ConversationState>();
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
        let (time, full) = times.with_value(|t| (t.time(item.at_ms), t.date_time(item.at_ms)));
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
        let local = state.local_failure(item.client_id.as_deref());
        view! { <DeliveryLine item=item.clone() mine=sender == Sender::Me local/> }
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

/// Where a reply stands; a failed one says why, and the viewer's own offers Retry (disabled while
/// the reply box is blocked: the backend would refuse it for the same reason).
#[component]
fn DeliveryLine(item: ThreadItem, mine: bool, local: Option<&'static str>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let (state, icon, text) = match &item.delivery {
        None | Some(Delivery::Sending) => ("sending", "○", i18n.t("delivery-sending")),
        Some(Delivery::Sent) => ("sent", "✓", i18n.t("delivery-sent")),
        Some(failed @ Delivery::Failed { .. }) => {
            let mut args = FluentArgs::new();
            args.set("reason", failure_reason(&i18n, Some(failed), local));
            ("failed", "!", i18n.t_with("delivery-failed", &args))
        }
    };
    let retry = (state == "failed" && mine && item.client_id.is_some())
        .then(use_context::<Replies>)
        .flatten()
        .map(|replies| {
            let failed = item.clone();
            let state = expect_context::<ConversationState>();
            view! {
                <button
                    type="button"
                    class="acw-retry"
                    disabled=move || state.block().is_some()
                    aria-label=i18n.t("delivery-retry-label")
                    on:click=move |_| replies.retry(failed.clone())
                >
                    {i18n.t("delivery-retry")}
                </button>
            }
        });
    view! {
        <div class=format!("acw-delivery acw-delivery-{state}") data-state=state>
            <span class="acw-delivery-icon" aria-hidden="true">{icon}</span>
            <span class="acw-delivery-text" dir="auto">{text}</span>
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
