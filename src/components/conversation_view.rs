//! A loaded conversation on screen: its thread, the reply box (blocked with its reason when the
//! agent may not reply), and the one live region announcing news. The view owns no state: it
//! opens the conversation's (`ConversationState::open`) and lays out the views that read it.

use leptos::prelude::*;
use protocol::ThreadPage;

use super::announcer::AnnouncerRegion;
use super::composer::Composer;
use super::thread_view::ThreadView;
use crate::api::Backend;
use crate::conversation::ConversationState;

#[component]
pub fn ConversationView(page: ThreadPage, backend: Backend) -> impl IntoView {
    let conversation = page.conversation.clone();
    let state = ConversationState::open(page, backend);
    view! {
        <ThreadView conversation=conversation.clone()/>
        <Composer
            conversation_id=conversation.id
            channel=conversation.channel
            customer=conversation.customer_name
            block=Signal::derive(move || state.block())
            on_send=Callback::new(move |text| state.send(text))
        />
        <AnnouncerRegion/>
    }
}
