//! Exactly once across a crash or an outage. Alcméon's send has no idempotency key: the process
//! may die after Alcméon accepted a reply and before the reply was marked so, and a send that
//! timed out or got a 5xx may have been accepted all the same. Before such a reply is sent again,
//! its conversation's actions are read from Alcméon (`GET /actions/conversations/{id}`, at reply
//! priority) and recorded as a webhook would record them: recording an `answer` links it to the
//! oldest reply still waiting for it (same task, same text, same advisor, stored before the
//! answer, not linked to another answer: `store::reply_delivery`), which leaves sending. What is
//! still sending afterwards was never accepted, and is sent.
//!
//! The window of doubt: Alcméon records an accepted answer a moment after it answers `started`;
//! reading sooner could miss it. So the read waits [`SETTLE`] after the moment the send may have
//! been accepted (after start-up for a resumed reply, after the failed attempt otherwise). An
//! answer with the same text written by the same advisor on the same task outside this backend,
//! from just before the reply was stored until the read, is taken for the reply.

use std::time::Duration;

use super::Outbox;
use crate::alcmeon::ClientError;
use crate::store::StoreError;

/// How long after a send may have been accepted its conversation is read: longer than Alcméon
/// takes to record an answer it accepted.
pub(super) const SETTLE: Duration = Duration::from_secs(3);

/// Why the conversation could not be read and recorded.
#[derive(Debug, thiserror::Error)]
pub(super) enum ReconcileError {
    #[error(transparent)]
    Alcmeon(#[from] ClientError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Outbox {
    /// Records the conversation's actions as Alcméon holds them now.
    pub(super) async fn reconcile(&self, conversation_id: i64) -> Result<(), ReconcileError> {
        let actions = self
            .alcmeon
            .conversation_actions_for_replies(conversation_id)
            .await
            .inspect_err(|error| {
                tracing::warn!(conversation_id, %error,
                    "could not ask Alcméon which replies it has; none is sent again until it tells");
            })?;
        let mut actions = actions.unwrap_or_default();
        actions.sort_by_key(|action| action.get("id").and_then(serde_json::Value::as_i64));
        for action in &actions {
            self.store
                .record_action(action)
                .await
                .inspect_err(|error| {
                    tracing::warn!(conversation_id, %error,
                    "could not record what Alcméon has of a conversation");
                })?;
        }
        Ok(())
    }
}
