//! Replies to one conversation stored through several instances sharing a database leave in the
//! order they were queued: before each try, a reply waits while a reply queued before it in its
//! conversation is still being sent (stored as sending, not yet accepted by Alcméon) by another
//! instance. Within an instance the conversation's queue keeps that order, except for replies
//! taken over from a stopped instance (`Outbox::resume_unsubmitted`), which join the end of the
//! queue: a reply finding such an earlier one behind it sends that one first.

use std::time::Duration;

use backon::{BackoffBuilder, ExponentialBuilder};
use tokio::time::Instant;

use super::{Outbox, delivery};
use crate::store::{ReplyId, StoreError};

/// How often a waiting reply looks again: first soon, then at most this rarely.
const FIRST_LOOK: Duration = Duration::from_millis(50);
const LONGEST_LOOK: Duration = Duration::from_secs(1);
/// How long a reply waits for an earlier one this instance sends but has not queued yet: one it
/// is taking over at this moment (claimed, then queued).
const TAKEOVER_PATIENCE: Duration = Duration::from_secs(5);

impl Outbox {
    pub(super) async fn wait_for_earlier_replies(
        &self,
        reply_id: ReplyId,
        conversation_id: i64,
        conversation: &mut delivery::Conversation,
    ) -> Result<(), StoreError> {
        let mut looks = ExponentialBuilder::new()
            .with_min_delay(FIRST_LOOK)
            .with_max_delay(LONGEST_LOOK)
            .without_max_times()
            .build();
        let patience = Instant::now() + TAKEOVER_PATIENCE;
        loop {
            let earlier = self.store.earlier_replies_sending(reply_id).await?;
            let queued_behind = earlier
                .iter()
                .find_map(|reply| self.queues.take(conversation_id, reply.id));
            if let Some(job) = queued_behind {
                Box::pin(self.deliver_one(job, conversation)).await;
                continue;
            }
            let elsewhere = earlier.iter().any(|reply| reply.sent_here == 0);
            if !elsewhere && (earlier.is_empty() || Instant::now() >= patience) {
                return Ok(());
            }
            tokio::time::sleep(looks.next().unwrap_or(LONGEST_LOOK)).await;
        }
    }
}
