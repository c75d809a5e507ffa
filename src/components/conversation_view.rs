//! A loaded conversation on screen: its thread, the reply window's countdown, the reply box
//! (blocked with its reason when the agent may not reply; on WhatsApp once the window has
//! closed, the template picker instead), and the one live region announcing news. The view owns
//! no state: it opens the conversation's (`ConversationState::open`) and lays out the views that
//! read it.

use leptos::prelude::*;
use protocol::{Channel, ReplyBlock, ThreadPage};

use super::announcer::AnnouncerRegion;
use super::composer::Composer;
use super::reengagement::Reengagement;
use super::thread_view::ThreadView;
use super::window_countdown::WindowCountdown;
use crate::api::Backend;
use crate::conversation::{Announcer, ConversationState};

#[component]
pub fn ConversationView(page: ThreadPage, backend: Backend) -> impl IntoView {
    let conversation = page.conversation.clone();
    let header = conversation.clone();
    let state = ConversationState::open(page, backend);
    let templates_only = Memo::new(move |_| {
        conversation.channel == Channel::Whatsapp
            && state.block() == Some(ReplyBlock::ReplyWindowClosed)
    });
    let customer = conversation.customer_name.clone();
    let reply_box = move || {
        if templates_only.get() {
            view! { <Reengagement customer=customer.clone()/> }.into_any()
        } else {
            view! {
                <Composer
                    conversation_id=conversation.id
                    channel=conversation.channel
                    customer=customer.clone()
                    block=Signal::derive(move || state.block())
                    on_send=Callback::new(move |text| state.send(text))
                />
            }
            .into_any()
        }
    };
    // An engagement that became this conversation keeps the widget's live region for it.
    let region = use_context::<Announcer>()
        .is_none()
        .then(|| view! { <AnnouncerRegion/> });
    view! {
        <ThreadView conversation=header/>
        <WindowCountdown/>
        {reply_box}
        {region}
    }
}
