//! Where a template send stands: sending, sent (with Alcméon's message id), or failed with the
//! translated reason and Alcméon's own words. Not a live region: the outcome is said through the
//! widget's one announcer (`TemplateSend`). A send the backend never answered offers Retry (same client id); a refusal
//! because the customer already talks with the brand offers to open that conversation.

use leptos::prelude::*;
use protocol::SendFailureCode;

use crate::engagement::TemplateSend;
use crate::engagement_text::status_text;
use crate::send_status::SendStatus;
use crate::widget_context::WidgetContext;

/// The status line's id, which the Send button is described by.
pub const STATUS_ID: &str = "acw-send-status";

#[component]
pub fn SendStatusLine(
    /// Opens a conversation in place; without it, no offer to open the ongoing one.
    #[prop(optional)]
    open_conversation: Option<Callback<i64>>,
) -> impl IntoView {
    let i18n = WidgetContext::get().i18n();
    let send = TemplateSend::get();
    let status = move || send.status();
    let text = {
        let i18n = i18n.clone();
        move || status_text(&i18n, &status())
    };
    let ongoing = move || match status() {
        SendStatus::Failed(failure) if failure.code == SendFailureCode::OngoingConversation => {
            failure.ongoing_conversation_id
        }
        _ => None,
    };
    let open_label = i18n.t("engagement-open-conversation");
    let open = move || {
        let (id, open) = (ongoing()?, open_conversation?);
        Some(view! {
            <button
                type="button"
                class="acw-link-button"
                data-part="open-ongoing"
                on:click=move |_| open.run(id)
            >
                {open_label.clone()}
            </button>
        })
    };
    let retry_label = i18n.t("delivery-retry");
    let retry = move || {
        matches!(status(), SendStatus::NotReached(_)).then(|| {
            view! {
                <button type="button" class="acw-retry" data-part="retry" on:click=move |_| send.send()>
                    {retry_label.clone()}
                </button>
            }
        })
    };
    view! {
        <div
            class="acw-send-status"
            id=STATUS_ID
            data-part="send-status"
            data-state=move || status().name()
        >
            <span class="acw-send-status-text">{text}</span>
            {open}
            {retry}
        </div>
    }
}
