//! A loaded conversation: its thread, the reply box (blocked with its reason when the agent may
//! not reply), the live stream that keeps both current, and the one live region announcing news.

use std::time::Duration;

use leptos::leptos_dom::helpers::set_interval_with_handle;
use leptos::prelude::*;
use leptos::task::spawn_local;
use protocol::ThreadPage;
use send_wrapper::SendWrapper;

use super::announcer::AnnouncerRegion;
use super::composer::Composer;
use super::conversation_state::ConversationState;
use super::replies::Replies;
use super::thread::Thread;
use crate::api::Backend;
use crate::attachments::AttachmentFiles;
use crate::i18n::I18n;
use crate::live;
use crate::time::TimeFormat;

/// How often the reply window is checked again while nothing arrives.
const CLOCK_TICK: Duration = Duration::from_secs(30);

#[component]
pub fn ConversationView(page: ThreadPage, backend: Backend) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let times = expect_context::<StoredValue<TimeFormat, LocalStorage>>();
    let conversation = page.conversation.clone();
    let conversation_id = conversation.id;
    let state = ConversationState::new(page, times, i18n);
    provide_context(state);
    let replies = Replies::new(state, backend.clone(), conversation_id);
    provide_context(replies);
    provide_files(AttachmentFiles::new(backend.clone(), conversation_id));
    tick_clock(state);
    follow_live(state, backend.clone(), conversation_id);

    view! {
        <Thread conversation=conversation.clone() feed=state.feed backend/>
        <Composer
            conversation_id
            channel=conversation.channel
            customer=conversation.customer_name
            block=Signal::derive(move || state.block())
            on_send=Callback::new(move |text| replies.send(text))
        />
        <AnnouncerRegion announcer=state.announcer()/>
    }
}

/// The attachments' store, in context for the rows; it frees its object URLs on unmount.
fn provide_files(files: AttachmentFiles) {
    let on_unmount = SendWrapper::new(files.clone());
    on_cleanup(move || on_unmount.close());
    provide_context(StoredValue::new_local(files));
}

/// Moves the clock the reply window is checked against, so the window closes while the agent
/// looks at it.
fn tick_clock(state: ConversationState) {
    if let Ok(interval) = set_interval_with_handle(move || state.tick(), CLOCK_TICK) {
        on_cleanup(move || interval.clear());
    }
}

/// Keeps the conversation current from the backend's event stream until the widget unmounts.
/// Each time the stream (re)opens, the newest page is read again so nothing that changed before
/// the stream was established is missed (items are matched by id, so nothing shows twice).
fn follow_live(state: ConversationState, backend: Backend, conversation_id: i64) {
    let Ok(controller) = web_sys::AbortController::new() else {
        return;
    };
    let stop = controller.signal();
    let controller = SendWrapper::new(controller);
    on_cleanup(move || controller.abort());
    let refresh_backend = backend.clone();
    spawn_local(live::follow(
        backend,
        conversation_id,
        stop,
        move || {
            let backend = refresh_backend.clone();
            spawn_local(async move {
                if let Ok(page) = backend.thread(conversation_id).await {
                    state.catch_up(page);
                }
            });
        },
        move |item| state.receive(item, None),
    ));
}
