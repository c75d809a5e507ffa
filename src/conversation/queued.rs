//! Replies waiting for Alcméon's rate limit, as the stream tells them (`event: queued`): each
//! shows about how long it still waits, counted down by a clock that ticks each second only while
//! a reply is queued, and the live region says it once when a reply starts waiting.

use std::time::Duration;

use leptos::leptos_dom::helpers::set_interval_with_handle;
use leptos::prelude::*;
use protocol::QueuedReply;

use super::state::ConversationState;
use crate::countdown::queued_text;
use crate::time::now_ms;

const TICK: Duration = Duration::from_secs(1);

impl ConversationState {
    /// The backend's word on a queued reply: about when it leaves, or that it left.
    pub(super) fn queue(self, reply: QueuedReply) {
        let Some(told) = self
            .queued
            .try_with_untracked(|queued| queued.iter().any(|(id, _)| *id == reply.item_id))
        else {
            return; // unmounted
        };
        self.queued.update(|queued| {
            queued.retain(|(id, _)| *id != reply.item_id);
            queued.extend(reply.until_ms.map(|until| (reply.item_id, until)));
        });
        let left = reply.until_ms.map(|until| until - now_ms());
        if let (false, Some(left @ 1..)) = (told, left) {
            self.announce(queued_text(&self.context.i18n(), left));
        }
    }

    /// Forgets the queued replies: a stream that opens tells those still queued again.
    pub(super) fn forget_queued(self) {
        self.queued.try_set(vec![]);
    }

    /// How long the reply shown as `item_id` still waits for Alcméon's rate limit, while it does
    /// (tracked: it counts down).
    pub fn queued_left_ms(self, item_id: i64) -> Option<i64> {
        let now = self.clock.get();
        let until = self.queued.with(|queued| {
            queued
                .iter()
                .find(|(id, _)| *id == item_id)
                .map(|(_, until)| *until)
        })?;
        (until > now).then(|| until - now)
    }

    /// Moves the notices' clock each second while a reply is queued, and only then.
    pub(super) fn tick_while_queued(self) {
        let waiting = Memo::new(move |_| self.queued.with(|queued| !queued.is_empty()));
        Effect::new(move |_| {
            if !waiting.get() {
                return;
            }
            self.clock.set(now_ms());
            let tick = move || {
                self.clock.try_set(now_ms());
            };
            if let Ok(interval) = set_interval_with_handle(tick, TICK) {
                on_cleanup(move || interval.clear());
            }
        });
    }
}
