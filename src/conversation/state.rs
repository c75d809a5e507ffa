//! A loaded conversation's state as the widget follows it. Every item the backend reports, and
//! every reply the widget sends, goes through `receive` or `show_sending`: in that order it is
//! announced if it is news, then it moves the reply gate, then it is shown. So the live region,
//! the reply box and the thread never disagree about an item.

use leptos::prelude::*;
use protocol::{AgentEmail, ClientId, ReplyBlock, ThreadItem, ThreadPage};

use super::announcer::Announcer;
use super::attachment_files::AttachmentFiles;
use super::local_failures::LocalFailures;
use super::thread_feed::ThreadFeed;
use crate::announcement::Announcement;
use crate::api::Backend;
use crate::failure::Failure;
use crate::reply_gate::ReplyGate;
use crate::time::now_ms;
use crate::widget_context::WidgetContext;

/// In context for every view of the conversation (see `ConversationState::open`); all handles,
/// so `Copy`.
#[derive(Clone, Copy)]
pub struct ConversationState {
    pub(super) feed: ThreadFeed,
    pub(super) gate: RwSignal<ReplyGate>,
    /// Failures the widget met itself while sending, by reply client id.
    pub(super) local_failures: StoredValue<LocalFailures>,
    pub(super) announcer: Announcer,
    pub(super) context: WidgetContext,
    pub(super) backend: StoredValue<Backend, LocalStorage>,
    pub(super) conversation_id: i64,
    /// How many replies this widget has sent: their optimistic item ids.
    pub(super) sent: StoredValue<i64>,
    pub(super) files: StoredValue<AttachmentFiles, LocalStorage>,
    /// Replies waiting for Alcméon's rate limit: item id, and about when it leaves (`queued.rs`).
    pub(super) queued: RwSignal<Vec<(i64, i64)>>,
    /// The time their notices count down from.
    pub(super) clock: RwSignal<i64>,
}

impl ConversationState {
    pub(super) fn new(page: ThreadPage, backend: Backend, context: WidgetContext) -> Self {
        let conversation_id = page.conversation.id;
        Self {
            gate: RwSignal::new(ReplyGate::new(
                page.conversation.clone(),
                page.viewer.clone(),
                now_ms(),
            )),
            files: StoredValue::new_local(AttachmentFiles::new(backend.clone(), conversation_id)),
            feed: ThreadFeed::new(page, context, backend.clone()),
            local_failures: StoredValue::new(LocalFailures::default()),
            // The widget's, when it has one (an engagement that became this conversation).
            announcer: use_context::<Announcer>().unwrap_or_else(Announcer::new),
            context,
            backend: StoredValue::new_local(backend),
            conversation_id,
            sent: StoredValue::new(0),
            queued: RwSignal::new(vec![]),
            clock: RwSignal::new(now_ms()),
        }
    }

    /// The open conversation's state, as `open` provided it.
    pub fn get() -> Self {
        expect_context()
    }

    pub fn feed(self) -> ThreadFeed {
        self.feed
    }

    pub fn announcer(self) -> Announcer {
        self.announcer
    }

    /// The conversation's attachments.
    pub fn files(self) -> AttachmentFiles {
        self.files.get_value()
    }

    /// Why Send is disabled now, if it is (tracked).
    pub fn block(self) -> Option<ReplyBlock> {
        self.gate.with(ReplyGate::block)
    }

    /// How long the reply window stays open during its last hour, at `now_ms` (tracked: it
    /// moves when the customer writes).
    pub fn reply_window_left_ms(self, now_ms: i64) -> Option<i64> {
        self.gate
            .with(|gate| gate.conversation.reply_window_left_ms(now_ms))
    }

    /// The backend the conversation is read from, for what the conversation's views open
    /// inside it (a template send once the reply window has closed).
    pub fn backend(self) -> Backend {
        self.backend.get_value()
    }

    pub fn conversation_id(self) -> i64 {
        self.conversation_id
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
    pub fn local_failure(self, client_id: Option<&ClientId>) -> Option<&'static str> {
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
        if let Some(news) = news {
            let text = news.text(&self.context.i18n(), &item, local_failure);
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

    /// The newest page read again after the stream opened (only for a page that told no stream
    /// position): the backend's word on the
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
}
