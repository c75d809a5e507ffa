//! A WhatsApp conversation whose 24-hour window has closed: in place of the reply box, the same
//! template picker as the engagement page, sending into this conversation. The templates are the
//! environment's (`GET /v1/engagement-templates`); the customer's name pre-fills its variables.
//! The message then appears in the thread as the backend's replica reports it.

use leptos::prelude::*;
use protocol::Template;

use super::send_status_line::SendStatusLine;
use super::template_picker::TemplatePicker;
use crate::conversation::ConversationState;
use crate::engagement::{SendTarget, TemplateSend};
use crate::template_form::Known;
use crate::widget_context::WidgetContext;

#[component]
pub fn Reengagement(customer: String) -> impl IntoView {
    let i18n = WidgetContext::get().i18n();
    let state = ConversationState::get();
    let backend = state.backend();
    let templates = LocalResource::new(move || {
        let backend = backend.clone();
        async move { backend.engagement_templates().await }
    });
    let customer = StoredValue::new(customer);
    let loading = i18n.t("thread-loading");
    let shown = {
        let i18n = i18n.clone();
        move || {
            templates.get().map(|result| match result {
                Ok(templates) => {
                    view! { <ReengagementForm templates customer=customer.get_value()/> }.into_any()
                }
                Err(failure) => view! {
                    <p class="acw-error-text" role="alert">{i18n.t(failure.message_id())}</p>
                }
                .into_any(),
            })
        }
    };
    view! {
        <div class="acw-composer acw-reengagement" data-part="reengagement">
            <p class="acw-composer-blocked" id="acw-composer-reason">{i18n.t("reengage-intro")}</p>
            <Suspense fallback=move || view! { <p class="acw-status" role="status">{loading.clone()}</p> }>
                {shown.clone()}
            </Suspense>
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
