//! Exactly once across a crash. Alcméon's send has no idempotency key, and the process may die
//! after Alcméon accepted a reply and before the reply was marked so. Before a reply resumed at
//! start-up is sent again, its conversation's actions are read from Alcméon
//! (`GET /actions/conversations/{id}`, at reply priority) and recorded as a webhook would record
//! them: recording an `answer` links it to the oldest reply still waiting for it (same task, same
//! text, same advisor, stored before the answer, not linked to another answer:
//! `store::reply_delivery`), which leaves sending. What is still sending afterwards was never
//! accepted, and is sent.
//!
//! The window of doubt: Alcméon records an accepted answer a moment after it answers `started`;
//! reading sooner could miss it. So the read waits [`SETTLE`] after start-up, which is after the
//! crash. An answer with the same text written by the same advisor on the same task outside this
//! backend, from just before the reply was stored until the read, is taken for the reply.

use std::time::Duration;

use super::Outbox;
use crate::alcmeon::ClientError;

/// How long after start-up a resumed reply's conversation is read: longer than Alcméon takes to
/// record an answer it accepted.
pub(super) const SETTLE: Duration = Duration::from_secs(3);

impl Outbox {
    /// Records the conversation's actions as Alcméon holds them now; false when Alcméon could not
    /// tell (then none of its resumed replies may be sent blindly).
    pub(super) async fn reconcile(&self, conversation_id: i64) -> bool {
        let actions = loop {
            match self
                .alcmeon
                .conversation_actions_for_replies(conversation_id)
                .await
            {
                // The governor holds every caller until Alcméon's reset.
                Err(ClientError::RateLimited { .. }) => continue,
                Err(error) => {
                    tracing::warn!(conversation_id, %error,
                        "could not ask Alcméon which replies it has; they are shown failed");
                    return false;
                }
                Ok(actions) => break actions.unwrap_or_default(),
            }
        };
        let mut actions = actions;
        actions.sort_by_key(|action| action.get("id").and_then(serde_json::Value::as_i64));
        for action in &actions {
            if let Err(error) = self.store.record_action(action).await {
                tracing::warn!(conversation_id, %error,
                    "could not record what Alcméon has of a conversation; its replies are shown failed");
                return false;
            }
        }
        true
    }
}
