//! A loaded conversation's state as the widget follows it: the thread, what decides whether the
//! agent may reply (see `reply_gate`), and what the live region says.

use leptos::prelude::*;
use protocol::{AgentEmail, ReplyBlock, ThreadItem, ThreadPage};

use super::announcer::Announcer;
use super::thread::ThreadFeed;
use crate::announcement::Announcement;
use crate::api::Failure;
use crate::i18n::I18n;
use crate::reply_gate::ReplyGate;
use crate::time::{TimeFormat, now_ms};

/// In context for the thread's rows, the reply box and the live stream; all handles, so `Copy`.
#[derive(Clone, Copy)]
pub struct ConversationState {
    pub feed: ThreadFeed,
    gate: RwSignal<ReplyGate>,
    /// Failures the widget met itself while sending (the backend unreachable or refusing): the
    /// message id to show instead of the delivery's code, by reply client id.
    local_failures: StoredValue<LocalFailures>,
    announcer: Announcer,
    i18n: StoredValue<I18n>,
}

impl ConversationState {
    pub fn new(page: ThreadPage, times: StoredValue<TimeFormat, LocalStorage>, i18n: I18n) -> Self {
        Self {
            gate: RwSignal::new(ReplyGate::new(
                page.conversation.clone(),
                page.viewer.clone(),
                now_ms(),
            )),
            feed: ThreadFeed::new(page, times),
            local_failures: StoredValue::new(LocalFailures::default()),
            announcer: Announcer::new(),
            i18n: StoredValue::new(i18n),
        }
    }

    /// Why Send is disabled now, if it is.
    pub fn block(self) -> Option<ReplyBlock> {
        self.gate.with(ReplyGate::block)
    }

    /// Moves the clock the reply window is checked against.
    pub fn tick(self) {
        self.gate.try_update(|gate| gate.now_ms = now_ms());
    }

    /// The backend refused a reply; the reply box shows why if it is one of the rule's reasons.
    pub fn refuse(self, failure: &Failure) {
        self.gate.try_update(|gate| gate.refuse(failure));
    }

    pub fn viewer_email(self) -> Option<AgentEmail> {
        self.gate
            .try_with_untracked(|gate| gate.viewer.email.clone())
    }

    /// The message id of a failure the widget met itself while sending this reply.
    pub fn local_failure(self, client_id: Option<&str>) -> Option<&'static str> {
        let client_id = client_id?;
        self.local_failures
            .try_with_value(|failures| failures.get(client_id))
            .flatten()
    }

    /// An item as the backend reports it (the live stream, or its answer to a send), or as a send
    /// failed (`local_failure`): announced if it is news, then followed by the conversation's
    /// status and reply window, then shown. Does nothing once unmounted.
    pub fn receive(self, item: ThreadItem, local_failure: Option<&'static str>) {
        if self.gate.is_disposed() {
            return;
        }
        if let Some(client_id) = &item.client_id {
            self.local_failures
                .try_update_value(|failures| failures.set(client_id, local_failure));
        }
        let previous = self.feed.known(&item);
        let news = Announcement::for_item(&item, previous.as_ref(), self.viewer_email().as_ref());
        if let Some(text) = news.and_then(|news| {
            self.i18n
                .try_with_value(|i18n| news.text(i18n, &item, local_failure))
        }) {
            self.announcer.say(text);
        }
        self.gate.try_update(|gate| gate.follow(&item, now_ms()));
        self.feed.append(vec![item]);
    }

    /// A reply shown before the backend answers (sending, or sending again): not news.
    pub fn show_sending(self, item: ThreadItem) {
        if let Some(client_id) = &item.client_id {
            self.local_failures
                .try_update_value(|failures| failures.set(client_id, None));
        }
        self.feed.append(vec![item]);
    }

    /// The newest page read again after the stream (re)opened: the backend's word on the
    /// conversation and on the items it holds; rows it adds are not announced.
    pub fn catch_up(self, page: ThreadPage) {
        self.local_failures.try_update_value(|failures| {
            for item in &page.items {
                if let Some(client_id) = &item.client_id {
                    failures.set(client_id, None);
                }
            }
        });
        self.gate.try_update(|gate| {
            gate.conversation = page.conversation;
            gate.viewer = page.viewer;
            gate.now_ms = now_ms();
        });
        self.feed.append(page.items);
    }

    /// Says something through the conversation's one live region.
    pub fn announce(self, text: String) {
        self.announcer.say(text);
    }

    pub fn announcer(self) -> Announcer {
        self.announcer
    }
}

/// A short list: only the replies that failed on the way to the backend while the widget is open.
#[derive(Default)]
struct LocalFailures(Vec<(String, &'static str)>);

impl LocalFailures {
    fn get(&self, client_id: &str) -> Option<&'static str> {
        let found = self.0.iter().find(|(id, _)| id == client_id);
        found.map(|(_, message_id)| *message_id)
    }

    fn set(&mut self, client_id: &str, message_id: Option<&'static str>) {
        self.0.retain(|(id, _)| id != client_id);
        if let Some(message_id) = message_id {
            self.0.push((client_id.to_owned(), message_id));
        }
    }
}
