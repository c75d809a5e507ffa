//! Replies to one conversation stored through several instances sharing a database leave in the
//! order they were queued: before each try, a reply waits while a reply queued before it in its
//! conversation is still being sent by another instance (stored as sending, not yet accepted by
//! Alcméon). Within an instance the conversation's queue keeps that order already.
//!
//! Replies an instance takes over from a stopped one (`Outbox::resume_unsubmitted`) join the end
//! of its queue: they may leave after replies it had queued since.

use std::time::Duration;

use backon::{BackoffBuilder, ExponentialBuilder};

use super::Outbox;
use crate::store::{ReplyId, StoreError};

/// How often a waiting reply looks again: first soon, then at most this rarely.
const FIRST_LOOK: Duration = Duration::from_millis(50);
const LONGEST_LOOK: Duration = Duration::from_secs(1);

impl Outbox {
    pub(super) async fn wait_for_earlier_replies(
        &self,
        reply_id: ReplyId,
    ) -> Result<(), StoreError> {
        let mut looks = ExponentialBuilder::new()
            .with_min_delay(FIRST_LOOK)
            .with_max_delay(LONGEST_LOOK)
            .without_max_times()
            .build();
        while self.store.earlier_reply_sending_elsewhere(reply_id).await? {
            tokio::time::sleep(looks.next().unwrap_or(LONGEST_LOOK)).await;
        }
        Ok(())
    }
}
