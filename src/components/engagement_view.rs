//! Engagement mode on screen: the header naming the mode and the customer, who receives the
//! message from which account and their consent, then why nothing can be sent or the template
//! picker, where the send stands, and once it is sent, a box where the agent prepares the reply
//! while the customer has not answered (it becomes the conversation's draft). The view owns no
//! state: it opens the engagement's (`EngagementState::open`) and lays out the views that read it.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use protocol::{EngagementBlock, EngagementPage};

use super::focus;
use super::recipient_card::RecipientCard;
use super::send_status_line::SendStatusLine;
use super::template_picker::TemplatePicker;
use crate::api::Backend;
use crate::engagement::{EngagementState, Switch, TemplateSend};
use crate::engagement_text::block_text;
use crate::host_context::HostCallbacks;
use crate::send_status::SendStatus;
use crate::widget_context::WidgetContext;

const DRAFT_ID: &str = "acw-engagement-draft";
const DRAFT_HINT_ID: &str = "acw-engagement-draft-hint";

#[component]
pub fn EngagementView(
    page: EngagementPage,
    backend: Backend,
    host: HostCallbacks,
    on_switch: Callback<Switch>,
) -> impl IntoView {
    let context = WidgetContext::get();
    let i18n = context.i18n();
    let customer = page.recipient.name.clone();
    let channel = page.sender.channel;
    let account = page
        .sender
        .name
        .clone()
        .unwrap_or_else(|| page.sender.raw_account_id.clone());
    let state = EngagementState::open(page, backend, host, on_switch);
    let send = TemplateSend::get();
    let status = move || send.status();
    let blocked = move || state.with_page(|page| page.blocked);
    let sent = move || matches!(status(), SendStatus::Sent { .. });
    // One message per engagement: once sent, the picker goes; while the agent's own attempt is
    // unanswered, it stays for Retry.
    let picker_shown = move || match status() {
        SendStatus::NotReached(_) => true,
        SendStatus::Sent { .. } => false,
        _ => blocked().is_none(),
    };
    let block_line = {
        let i18n = i18n.clone();
        move || {
            let block = blocked()?;
            let own_send_shows_it = block == EngagementBlock::AlreadySent
                && matches!(status(), SendStatus::Sent { .. } | SendStatus::Sending);
            (!own_send_shows_it).then(|| {
                let text = block_text(&i18n, block, |at_ms| context.date_time(at_ms));
                view! {
                    <p class="acw-engagement-blocked" role="note" data-part="block" data-block=block_kind(block)>
                        {text}
                    </p>
                }
            })
        }
    };
    let waiting = {
        let i18n = i18n.clone();
        move || {
            sent().then(|| {
                let draft = NodeRef::<html::Textarea>::new();
                // Send went with the picker: the focus goes on to the reply being prepared.
                request_animation_frame(move || {
                    if let Some(draft) = draft.get_untracked()
                        && send.ended_here()
                        && focus::is_lost(&draft)
                    {
                        let _ = draft.focus();
                    }
                });
                let on_input = move |event: ev::Event| state.set_draft(&event_target_value(&event));
                view! {
                    <div class="acw-engagement-waiting" data-part="waiting">
                        <p class="acw-engagement-waiting-text">{i18n.t("engagement-waiting")}</p>
                        <label for=DRAFT_ID>{i18n.t("engagement-draft-label")}</label>
                        <textarea
                            id=DRAFT_ID
                            class="acw-composer-text"
                            rows="3"
                            dir="auto"
                            data-part="engagement-draft"
                            node_ref=draft
                            aria-describedby=DRAFT_HINT_ID
                            prop:value=move || state.draft()
                            on:input=on_input
                        ></textarea>
                        <p class="acw-composer-hint" id=DRAFT_HINT_ID>{i18n.t("engagement-draft-hint")}</p>
                    </div>
                }
            })
        }
    };
    let channel_view = channel.map(|channel| {
        view! {
            <span class=format!("acw-channel acw-channel-{}", channel.message_id())>
                {i18n.t(channel.message_id())}
            </span>
        }
    });
    view! {
        <header class="acw-header">
            <span class="acw-mode" data-mode="engagement">{i18n.t("mode-engagement")}</span>
            <span class="acw-customer" dir="auto">{customer}</span>
            {channel_view}
            <span class="acw-account" dir="auto">{account}</span>
        </header>
        <div class="acw-engagement" data-part="engagement">
            <RecipientCard/>
            {block_line}
            <Show when=picker_shown>
                <TemplatePicker/>
            </Show>
            <SendStatusLine open_conversation=Callback::new(move |id| state.open_ongoing(id))/>
            {waiting}
        </div>
    }
}

/// The block's kind as the backend names it, for `data-block`.
pub fn block_kind(block: EngagementBlock) -> &'static str {
    block
        .message_id()
        .strip_prefix("engagement-blocked-")
        .unwrap_or("unknown")
}
