//! A loaded conversation's state as the widget follows it: the thread, the conversation's status
//! and reply window, who is reading, why replies are refused, and what the live region says.

use std::collections::HashMap;

use leptos::prelude::*;
use protocol::{Conversation, ReplyBlock, ThreadItem, ThreadPage, Viewer};

use super::announcer::Announcer;
use super::thread::ThreadFeed;
use crate::announcement::Announcement;
use crate::i18n::I18n;
use crate::reply_gate::{current_block, refusal_after};
use crate::time::{TimeFormat, now_ms};

/// In context for the thread's rows, the reply box and the live stream; all handles, so `Copy`.
#[derive(Clone, Copy)]
pub struct ConversationState {
    pub feed: ThreadFeed,
    pub conversation: RwSignal<Conversation>,
    pub viewer: RwSignal<Viewer>,
    /// What the backend said when it last refused a reply, until the customer writes again.
    pub refused: RwSignal<Option<ReplyBlock>>,
    /// The clock the reply window is checked against.
    pub now: RwSignal<i64>,
    /// Failures the widget met itself while sending (the backend unreachable or refusing), by
    /// reply client id: the message id to show instead of the delivery's code.
    local_failures: StoredValue<HashMap<String, &'static str>>,
    announcer: Announcer,
    i18n: StoredValue<I18n>,
}

impl ConversationState {
    pub fn new(page: ThreadPage, times: StoredValue<TimeFormat, LocalStorage>, i18n: I18n) -> Self {
        Self {
            conversation: RwSignal::new(page.conversation.clone()),
            viewer: RwSignal::new(page.viewer.clone()),
            feed: ThreadFeed::new(page, times),
            refused: RwSignal::new(None),
            now: RwSignal::new(now_ms()),
            local_failures: StoredValue::new(HashMap::new()),
            announcer: Announcer::new(),
            i18n: StoredValue::new(i18n),
        }
    }

    /// Why Send is disabled now, if it is.
    pub fn block(self) -> Option<ReplyBlock> {
        let may_reply = self.viewer.with(|viewer| viewer.may_reply);
        self.conversation.with(|conversation| {
            current_block(conversation, may_reply, self.now.get(), self.refused.get())
        })
    }

    pub fn viewer_email(self) -> String {
        self.viewer
            .try_with_untracked(|viewer| viewer.email.clone())
            .unwrap_or_default()
    }

    /// The message id of a failure the widget met itself while sending this reply.
    pub fn local_failure(self, client_id: Option<&str>) -> Option<&'static str> {
        let client_id = client_id?;
        self.local_failures
            .try_with_value(|failures| failures.get(client_id).copied())
            .flatten()
    }

    /// An item as the backend reports it (the live stream, or its answer to a send), or as a send
    /// failed (`local_failure`): announced if it is news, then followed by the conversation's
    /// status and reply window, then shown. Does nothing once unmounted.
    pub fn receive(self, item: ThreadItem, local_failure: Option<&'static str>) {
        if let Some(client_id) = &item.client_id {
            let remembered = self
                .local_failures
                .try_update_value(|failures| match local_failure {
                    Some(id) => failures.insert(client_id.clone(), id),
                    None => failures.remove(client_id),
                });
            if remembered.is_none() {
                return;
            }
        }
        let previous = self.feed.known(&item);
        if let Some(news) = Announcement::for_item(&item, previous.as_ref(), &self.viewer_email()) {
            let text = self
                .i18n
                .with_value(|i18n| news.text(i18n, &item, local_failure));
            self.announcer.say(text);
        }
        self.conversation.try_update(|c| c.follow(&item));
        self.refused
            .try_update(|refused| *refused = refusal_after(*refused, &item));
        self.now.try_set(now_ms());
        self.feed.append(vec![item]);
    }

    /// A reply shown before the backend answers (sending, or sending again): not news.
    pub fn show_sending(self, item: ThreadItem) {
        if let Some(client_id) = &item.client_id {
            self.local_failures
                .try_update_value(|failures| failures.remove(client_id));
        }
        self.feed.append(vec![item]);
    }

    /// The newest page read again after the stream (re)opened: the backend's word on the
    /// conversation and on the items it holds; rows it adds are not announced.
    pub fn catch_up(self, page: ThreadPage) {
        self.local_failures.try_update_value(|failures| {
            for item in &page.items {
                if let Some(client_id) = &item.client_id {
                    failures.remove(client_id);
                }
            }
        });
        self.conversation.try_set(page.conversation);
        self.viewer.try_set(page.viewer);
        self.now.try_set(now_ms());
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
