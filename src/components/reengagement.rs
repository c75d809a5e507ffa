//! A WhatsApp conversation whose 24-hour window has closed: in place of the reply box, the same
//! template picker as the engagement page, sending into this conversation. The backend says first
//! (`GET /v1/conversations/{id}/reengagement`) whether the customer may be sent a template and
//! which ones: a blocked re-engagement shows its reason instead of the picker. The customer's
//! name pre-fills the variables. The message then appears in the thread as the backend's replica
//! reports it.

use leptos::prelude::*;
use protocol::{ReengagementPage, Template};

use super::engagement_view::block_kind;
use super::loaded::Loaded;
use super::send_status_line::SendStatusLine;
use super::template_picker::TemplatePicker;
use crate::conversation::ConversationState;
use crate::engagement::{SendTarget, TemplateSend};
use crate::engagement_text::block_text;
use crate::template_form::Known;
use crate::widget_context::WidgetContext;

#[component]
pub fn Reengagement(customer: String) -> impl IntoView {
    let context = WidgetContext::get();
    let i18n = context.i18n();
    let state = ConversationState::get();
    let backend = state.backend();
    let conversation_id = state.conversation_id();
    let load = async move { backend.reengagement(conversation_id).await };
    let customer = StoredValue::new(customer);
    let intro = i18n.t("reengage-intro");
    let shown = move |page| match page {
        ReengagementPage {
            blocked: Some(block),
            ..
        } => {
            let text = block_text(&i18n, block, |at_ms| context.date_time(at_ms));
            view! {
                <p class="acw-engagement-blocked" role="note" data-part="block" data-block=block_kind(block)>
                    {text}
                </p>
            }
            .into_any()
        }
        ReengagementPage { templates, .. } => {
            view! { <ReengagementForm templates customer=customer.get_value()/> }.into_any()
        }
    };
    view! {
        <div class="acw-composer acw-reengagement" data-part="reengagement">
            <p class="acw-composer-blocked" id="acw-composer-reason">{intro}</p>
            <Loaded load view=shown error_class="acw-error-text"/>
        </div>
    }
}

#[component]
fn ReengagementForm(templates: Vec<Template>, customer: String) -> impl IntoView {
    let state = ConversationState::get();
    let known = Known {
        customer_name: customer,
        ..Known::default()
    };
    TemplateSend::provide(
        &templates,
        known,
        SendTarget::Conversation(state.conversation_id()),
        state.backend(),
        None,
        state.announcer(),
    );
    view! {
        <TemplatePicker/>
        <SendStatusLine/>
    }
}
