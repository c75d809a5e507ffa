//! A loaded conversation: its thread, the reply box, the live stream that keeps the thread
//! current, and the replies the agent sends.

use leptos::prelude::*;
use leptos::task::spawn_local;
use protocol::{Delivery, ErrorCode, ItemKind, NewReply, ThreadItem, ThreadPage};
use send_wrapper::SendWrapper;

use super::composer::Composer;
use super::thread::{Thread, ThreadFeed};
use crate::api::{Backend, Failure};
use crate::i18n::I18n;
use crate::live;
use crate::time::{TimeFormat, now_ms};

/// Ids of replies the backend has not answered for yet: above every id the backend gives (its
/// provisional ids start at 2^52), below 2^53 so JavaScript numbers keep them exact.
const OPTIMISTIC_ID_TOP: i64 = (1 << 53) - 1;

/// Sends the agent's replies and retries failed ones; in context for the thread's Retry buttons.
#[derive(Clone, Copy)]
pub struct Replies {
    feed: ThreadFeed,
    backend: StoredValue<Backend, LocalStorage>,
    i18n: StoredValue<I18n>,
    conversation_id: i64,
    read_only: RwSignal<bool>,
    sent: StoredValue<i64>,
}

impl Replies {
    /// Shows the reply at once as sending, then as the backend reports it.
    pub fn send(self, text: String) {
        let sent = self.sent.try_update_value(|n| {
            *n += 1;
            *n
        });
        let item = ThreadItem {
            id: OPTIMISTIC_ID_TOP - sent.unwrap_or_default(),
            kind: ItemKind::Outbound,
            author: String::new(),
            text,
            at_ms: now_ms(),
            delivery: Some(Delivery::Sending),
            client_id: Some(new_client_id()),
        };
        self.deliver(item, false);
    }

    /// Sends a failed reply again under the same client id, so it can never go out twice.
    pub fn retry(self, item: ThreadItem) {
        self.deliver(
            ThreadItem {
                delivery: Some(Delivery::Sending),
                ..item
            },
            true,
        );
    }

    fn deliver(self, item: ThreadItem, retrying: bool) {
        self.feed.append(vec![item.clone()]);
        let Some(client_id) = item.client_id.clone() else {
            return;
        };
        let reply = NewReply {
            client_id: client_id.clone(),
            text: item.text.clone(),
        };
        let backend = self.backend.get_value();
        spawn_local(async move {
            // Posting the same client id returns the reply as the backend has it; only a failed
            // one is then sent again.
            let result = match backend.send_reply(self.conversation_id, &reply).await {
                Ok(stored)
                    if retrying && matches!(stored.delivery, Some(Delivery::Failed { .. })) =>
                {
                    backend.retry_reply(self.conversation_id, &client_id).await
                }
                other => other,
            };
            let shown = match result {
                Ok(stored) => stored,
                Err(failure) => {
                    if matches!(&failure, Failure::Api(e) if e.code == ErrorCode::Forbidden) {
                        self.read_only.try_set(true);
                    }
                    let reason = self
                        .i18n
                        .try_with_value(|i18n| i18n.t(failure.message_id()))
                        .unwrap_or_default();
                    ThreadItem {
                        delivery: Some(Delivery::Failed { reason }),
                        ..item
                    }
                }
            };
            self.feed.append(vec![shown]);
        });
    }
}

fn new_client_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|crypto| crypto.random_uuid())
        .unwrap_or_else(|| format!("{}-{}", now_ms(), (js_sys::Math::random() * 1e12) as u64))
}

#[component]
pub fn ConversationView(page: ThreadPage, backend: Backend) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let times = expect_context::<StoredValue<TimeFormat, LocalStorage>>();
    let conversation = page.conversation.clone();
    let conversation_id = conversation.id;
    let feed = ThreadFeed::new(page, times);
    let replies = Replies {
        feed,
        backend: StoredValue::new_local(backend.clone()),
        i18n: StoredValue::new(i18n),
        conversation_id,
        read_only: RwSignal::new(false),
        sent: StoredValue::new(0),
    };
    provide_context(replies);
    follow_live(feed, backend.clone(), conversation_id);

    view! {
        <Thread conversation=conversation.clone() feed backend/>
        <Composer
            conversation_id
            channel=conversation.channel
            customer=conversation.customer_name
            read_only=replies.read_only
            on_send=Callback::new(move |text| replies.send(text))
        />
    }
}

/// Keeps the thread current from the backend's event stream until the widget unmounts. Each time
/// the stream (re)opens, the newest page is read again so nothing that changed before the stream
/// was established is missed (items are matched by id, so nothing shows twice).
fn follow_live(feed: ThreadFeed, backend: Backend, conversation_id: i64) {
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
                    feed.append(page.items);
                }
            });
        },
        move |item| feed.append(vec![item]),
    ));
}
