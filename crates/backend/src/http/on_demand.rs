//! The not-found path of the thread route: a conversation the replica does not hold whole is
//! fetched from Alcméon (`sync::ConversationFetcher`, one call however many widgets ask), and the
//! request learns where that stands.
//!
//! How a request waits, so the widget can always say what is happening: the request that starts
//! the fetch answers at once that it is under way (`202`, the widget shows its loading state and
//! asks again); a request that finds a fetch under way waits for it, at most [`WAIT`] (under the
//! browser's and proxies' timeouts), and answers the thread as soon as it arrives, `404` when
//! Alcméon does not know the conversation, `502` when Alcméon failed, or `202` again while
//! Alcméon's rate limit still holds the call (a 429 is waited out, never shown as a failure).
//! Invariant: called only after the handler accepted the request; nothing is fetched for a caller
//! it refused.

use std::time::Duration;

use super::conversations::not_found;
use super::{AppError, AppState};
use crate::sync::Fetched;

/// The longest a request waits for a fetch under way.
pub const WAIT: Duration = Duration::from_secs(25);

/// Where a conversation the replica lacked stands for this request.
pub enum Arrival {
    /// The replica now holds it whole: read it again.
    Arrived,
    /// Still being fetched: answer `202` and let the widget ask again.
    Fetching,
}

/// Starts or joins the fetch of `conversation_id` and says where it stands.
pub async fn fetch_missing(state: &AppState, conversation_id: i64) -> Result<Arrival, AppError> {
    match state.fetcher.fetch(conversation_id).outcome(WAIT).await {
        None => Ok(Arrival::Fetching),
        Some(Fetched::Whole) => Ok(Arrival::Arrived),
        Some(Fetched::Unknown) => Err(not_found(conversation_id)),
        Some(Fetched::Failed) => Err(AppError::Upstream(format!(
            "conversation {conversation_id} could not be fetched from Alcméon"
        ))),
    }
}
