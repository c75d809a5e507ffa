//! The link (contract section 4): a send sent at T to customer P from account A opens the first
//! conversation of A with P whose first customer message is at or after T and within the link
//! window after T. The linker looks again whenever the replica records something or a send
//! changes, and at start; each record is linked once (`store::link_engagement`).
//!
//! Alcméon dates messages to the second, so T is taken to its whole second: an answer written in
//! the second of the send still links.

use std::time::Duration;

use tokio::sync::broadcast::error::RecvError;
use tokio::task::JoinHandle;

use crate::store::{RecipientConversation, Store, StoreError};

/// The least time between two looks for links.
const BETWEEN_LOOKS: Duration = Duration::from_millis(100);

/// The conversation `sent_at_ms` opened among a recipient's conversations, if any.
pub fn pick(
    conversations: &[RecipientConversation],
    sent_at_ms: i64,
    window: Duration,
) -> Option<i64> {
    let from = sent_at_ms - sent_at_ms.rem_euclid(1000);
    let until = sent_at_ms.saturating_add(i64::try_from(window.as_millis()).unwrap_or(i64::MAX));
    conversations
        .iter()
        .filter_map(|c| Some((c.first_customer_message_at_ms?, c.conversation_id)))
        .filter(|(first, _)| (from..=until).contains(first))
        .min()
        .map(|(_, conversation_id)| conversation_id)
}

/// Links every sent engagement whose conversation the replica now holds.
pub async fn link_pending(store: &Store, window: Duration) -> Result<(), StoreError> {
    let now = chrono::Utc::now().timestamp_millis();
    let oldest = now.saturating_sub(i64::try_from(window.as_millis()).unwrap_or(i64::MAX));
    for pending in store.pending_links(oldest).await? {
        let conversations = store
            .recipient_conversations(pending.account_id, &pending.phone)
            .await?;
        if let Some(conversation_id) = pick(&conversations, pending.sent_at_ms, window)
            && store
                .link_engagement(&pending.org, &pending.record_key, conversation_id, now)
                .await?
        {
            tracing::info!(
                record = %pending.record_key,
                conversation_id,
                "an engagement's customer answered: linked"
            );
        }
    }
    Ok(())
}

/// Looks for links at start, then on every replica or send change.
pub fn spawn(store: Store, window: Duration) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut thread = store.subscribe();
        let mut sends = store.subscribe_engagements();
        loop {
            if let Err(error) = link_pending(&store, window).await {
                tracing::warn!(%error, "engagement links not looked for; will look again");
            }
            let closed = tokio::select! {
                changed = thread.recv() => matches!(changed, Err(RecvError::Closed)),
                changed = sends.recv() => matches!(changed, Err(RecvError::Closed)),
            };
            if closed {
                return;
            }
            // One look covers every change that arrives meanwhile: under a burst of webhooks or
            // replies it looks a few times a second, not once per change.
            tokio::time::sleep(BETWEEN_LOOKS).await;
            while thread.try_recv().is_ok() || sends.try_recv().is_ok() {}
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const WEEK: Duration = Duration::from_secs(7 * 24 * 3600);

    fn conversation(id: i64, first: Option<i64>) -> RecipientConversation {
        RecipientConversation {
            conversation_id: id,
            first_customer_message_at_ms: first,
        }
    }

    #[test]
    fn the_first_conversation_begun_after_the_send_is_linked() {
        let sent = 1_000_000_500;
        let conversations = [
            conversation(30, Some(sent + 5_000)),
            conversation(20, Some(sent + 1_000)),
            conversation(10, Some(sent - 10_000)),
            conversation(40, None),
        ];
        assert_eq!(pick(&conversations, sent, WEEK), Some(20));
    }

    #[test]
    fn an_answer_in_the_second_of_the_send_links_and_an_earlier_conversation_does_not() {
        let sent = 1_000_000_500;
        assert_eq!(
            pick(&[conversation(1, Some(1_000_000_000))], sent, WEEK),
            Some(1)
        );
        assert_eq!(
            pick(&[conversation(1, Some(999_999_999))], sent, WEEK),
            None
        );
    }

    #[test]
    fn a_conversation_begun_after_the_window_is_not_linked() {
        let sent = 1_000_000_000;
        let window = Duration::from_secs(60);
        assert_eq!(
            pick(&[conversation(1, Some(sent + 60_000))], sent, window),
            Some(1)
        );
        assert_eq!(
            pick(&[conversation(1, Some(sent + 60_001))], sent, window),
            None
        );
    }
}
