//! Who receives the engagement's message, on which channel, from which Alcméon account, and their
//! consent as the backend reports it. Customer text (their name, the number as the record holds
//! it) only ever becomes text nodes, isolated (`bdi`) so it keeps its own direction while the
//! list keeps the widget's; the number reads left to right in any language.

use leptos::prelude::*;

use crate::engagement::EngagementState;
use crate::engagement_text::{consent_text, phone_text};
use crate::widget_context::WidgetContext;

#[component]
pub fn RecipientCard() -> impl IntoView {
    let context = WidgetContext::get();
    let i18n = context.i18n();
    let state = EngagementState::get();
    let unknown = i18n.t("engagement-unknown");
    let or_unknown = move |text: String| {
        if text.trim().is_empty() {
            unknown.clone()
        } else {
            text
        }
    };
    let (name, phone, channel, sender) = state.with_page(|page| {
        let sender = page
            .sender
            .name
            .clone()
            .unwrap_or_else(|| page.sender.raw_account_id.clone());
        let channel = page.sender.channel.map(|c| i18n.t(c.message_id()));
        (
            or_unknown(page.recipient.name.clone()),
            or_unknown(phone_text(&page.recipient)),
            or_unknown(channel.unwrap_or_default()),
            or_unknown(sender),
        )
    });
    let consent = {
        let i18n = i18n.clone();
        move || {
            let consent = state.with_page(|page| page.consent);
            consent_text(&i18n, consent, |at_ms| context.date_time(at_ms))
        }
    };
    let consent_state = move || {
        state.with_page(|page| match page.consent {
            None => "unknown",
            Some(protocol::ConsentState::OptedIn { .. }) => "opted-in",
            Some(protocol::ConsentState::OptedOut { .. }) => "opted-out",
            Some(protocol::ConsentState::NoOptIn) => "no-opt-in",
        })
    };
    view! {
        <dl class="acw-recipient" data-part="recipient">
            <dt>{i18n.t("engagement-recipient")}</dt>
            <dd data-part="recipient-name"><bdi>{name}</bdi></dd>
            <dt>{i18n.t("engagement-phone")}</dt>
            <dd data-part="recipient-phone"><bdi dir="ltr">{phone}</bdi></dd>
            <dt>{i18n.t("engagement-channel")}</dt>
            <dd data-part="recipient-channel">{channel}</dd>
            <dt>{i18n.t("engagement-sender")}</dt>
            <dd data-part="sender"><bdi>{sender}</bdi></dd>
            <dt>{i18n.t("engagement-consent")}</dt>
            <dd data-part="consent" data-consent=consent_state>{consent}</dd>
        </dl>
    }
}
