//! The life of a reply sent from the widget: one enum, stored as text in `replies.state`, and its
//! transitions in one place, [`ReplyState::next`].
//!
//! Invariant: the store changes a reply's state only by an [`ReplyEvent`]'s guarded UPDATE, which
//! sets the event's [`ReplyEvent::target`] and matches only the states [`ReplyEvent::sources`]
//! lists (both derived from `next`). So two writers racing on one reply change it once, and an
//! event that comes too late (Alcméon's `started` after its `answer` was already read) changes
//! nothing.
//!
//! | state | what is known | event → next state |
//! |---|---|---|
//! | `sending` | stored; Alcméon has not accepted it | accepted → `submitted`; refused → `failed`; answer recorded → `recorded` |
//! | `submitted` | Alcméon answered `started` | answer recorded → `recorded` |
//! | `recorded` | its `answer` action is in the replica | delivered → `sent`; undelivered → `failed` |
//! | `sent` | the channel delivered it | (none) |
//! | `failed` | refused, or undelivered on the channel | retried → `sending`; answer recorded → `recorded` (a send that seemed to fail) |
//!
//! Versions before migration 0005 stored only `sending`, `sent` and `failed`, with a `submitted`
//! flag; that migration turned the flag and the linked answer into `submitted` and `recorded`.

use std::fmt;

use protocol::{Delivery, FailureCode};
use sqlx::Any;
use sqlx::any::{AnyTypeInfo, AnyValueRef};
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use strum::VariantArray;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, VariantArray)]
pub enum ReplyState {
    Sending,
    Submitted,
    Recorded,
    Sent,
    Failed,
}

/// What can happen to a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, VariantArray)]
pub enum ReplyEvent {
    /// Alcméon answered `started` to `POST /v1/answer/send`.
    Accepted,
    /// Sending did not start: Alcméon refused the reply or could not be reached.
    Refused,
    /// Alcméon's `answer` action for the reply was read (webhook or backfill).
    AnswerRecorded,
    /// Its `execute-answer` said `ok`.
    Delivered,
    /// Its `execute-answer` said anything else.
    Undelivered,
    /// The agent asked to send it again.
    Retried,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a reply that is {from} cannot be {event:?}")]
pub struct IllegalTransition {
    pub from: ReplyState,
    pub event: ReplyEvent,
}

impl ReplyState {
    /// A reply's state when it is first stored.
    pub const INITIAL: ReplyState = ReplyState::Sending;

    /// The state after `event`, or why the event cannot happen to a reply in this state.
    pub fn next(self, event: ReplyEvent) -> Result<ReplyState, IllegalTransition> {
        use ReplyEvent::*;
        use ReplyState::*;
        match (self, event) {
            (Sending, Accepted) => Ok(Submitted),
            (Sending, Refused) => Ok(Failed),
            (Sending | Submitted | Failed, AnswerRecorded) => Ok(Recorded),
            (Recorded, Delivered) => Ok(Sent),
            (Recorded, Undelivered) => Ok(Failed),
            (Failed, Retried) => Ok(Sending),
            (from, event) => Err(IllegalTransition { from, event }),
        }
    }

    /// The name stored in `replies.state`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sending => "sending",
            Self::Submitted => "submitted",
            Self::Recorded => "recorded",
            Self::Sent => "sent",
            Self::Failed => "failed",
        }
    }

    /// The state stored under `name`, if it is one.
    pub fn from_stored(name: &str) -> Option<ReplyState> {
        Self::VARIANTS
            .iter()
            .copied()
            .find(|state| state.as_str() == name)
    }

    /// How the widget sees the reply: every state before the channel's verdict is *sending*.
    /// `code` and `detail` are the stored failure, read only for a failed reply.
    pub fn delivery(self, code: Option<FailureCode>, detail: Option<String>) -> Delivery {
        match self {
            Self::Sending | Self::Submitted | Self::Recorded => Delivery::Sending,
            Self::Sent => Delivery::Sent,
            Self::Failed => Delivery::Failed {
                code: code.unwrap_or(FailureCode::Unknown),
                detail,
            },
        }
    }
}

impl fmt::Display for ReplyState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Stored as its name ([`ReplyState::as_str`]), the one spelling SQL and Rust share.
/// As stored, for rows read as JSON (a thread page).
impl<'de> serde::Deserialize<'de> for ReplyState {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        ReplyState::from_stored(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("no reply state is called {name:?}")))
    }
}

impl sqlx::Type<Any> for ReplyState {
    fn type_info() -> AnyTypeInfo {
        <&str as sqlx::Type<Any>>::type_info()
    }

    fn compatible(ty: &AnyTypeInfo) -> bool {
        <&str as sqlx::Type<Any>>::compatible(ty)
    }
}

impl<'q> sqlx::Encode<'q, Any> for ReplyState {
    fn encode_by_ref(
        &self,
        buf: &mut <Any as sqlx::Database>::ArgumentBuffer,
    ) -> Result<IsNull, BoxDynError> {
        <&str as sqlx::Encode<'q, Any>>::encode(self.as_str(), buf)
    }
}

impl<'r> sqlx::Decode<'r, Any> for ReplyState {
    fn decode(value: AnyValueRef<'r>) -> Result<Self, BoxDynError> {
        let name = <&str as sqlx::Decode<'r, Any>>::decode(value)?;
        Self::from_stored(name).ok_or_else(|| format!("{name:?} is not a reply state").into())
    }
}

impl ReplyEvent {
    /// The states this event may leave.
    pub fn sources(self) -> Vec<ReplyState> {
        ReplyState::VARIANTS
            .iter()
            .copied()
            .filter(|state| state.next(self).is_ok())
            .collect()
    }

    /// The state this event leads to, from whichever source (each event has one).
    pub fn target(self) -> ReplyState {
        ReplyState::VARIANTS
            .iter()
            .find_map(|state| state.next(self).ok())
            .expect("every event leaves some state")
    }

    /// The SQL condition an UPDATE for this event matches on: `state IN ('sending', …)`. Built
    /// from the enum's own names, never from input.
    pub fn guard(self) -> String {
        let sources: Vec<String> = self
            .sources()
            .iter()
            .map(|state| format!("'{state}'"))
            .collect();
        format!("state IN ({})", sources.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::ReplyEvent::*;
    use super::ReplyState::*;
    use super::*;

    #[test]
    fn a_reply_goes_from_sending_to_sent_through_alcmeons_acceptance_and_answer() {
        let sent = Sending
            .next(Accepted)
            .and_then(|s| s.next(AnswerRecorded))
            .and_then(|s| s.next(Delivered));
        assert_eq!(sent, Ok(Sent));
        assert_eq!(
            Sending.next(AnswerRecorded),
            Ok(Recorded),
            "answer before `started`"
        );
    }

    #[test]
    fn a_failed_reply_is_retried_or_found_delivered_after_all() {
        assert_eq!(Sending.next(Refused), Ok(Failed));
        assert_eq!(Recorded.next(Undelivered), Ok(Failed));
        assert_eq!(Failed.next(Retried), Ok(Sending));
        assert_eq!(Failed.next(AnswerRecorded), Ok(Recorded));
    }

    #[test]
    fn a_sent_reply_never_changes_and_late_or_repeated_events_are_refused() {
        for event in ReplyEvent::VARIANTS {
            assert_eq!(
                Sent.next(*event),
                Err(IllegalTransition {
                    from: Sent,
                    event: *event
                })
            );
        }
        let illegal = [
            (Recorded, Accepted),
            (Submitted, Accepted),
            (Recorded, Refused),
            (Submitted, Refused),
            (Sending, Delivered),
            (Submitted, Undelivered),
            (Sending, Retried),
            (Recorded, Retried),
            (Recorded, AnswerRecorded),
        ];
        for (from, event) in illegal {
            assert_eq!(from.next(event), Err(IllegalTransition { from, event }));
        }
    }

    #[test]
    fn each_event_leads_to_one_state_and_its_guard_lists_the_states_it_leaves() {
        for event in ReplyEvent::VARIANTS {
            let targets: Vec<_> = event.sources().iter().map(|s| s.next(*event)).collect();
            assert!(
                targets.iter().all(|t| *t == Ok(event.target())),
                "{event:?}"
            );
        }
        assert_eq!(
            AnswerRecorded.guard(),
            "state IN ('sending', 'submitted', 'failed')"
        );
        assert_eq!(Retried.guard(), "state IN ('failed')");
    }

    #[test]
    fn every_state_is_read_back_from_its_stored_name() {
        for state in ReplyState::VARIANTS {
            assert_eq!(ReplyState::from_stored(state.as_str()), Some(*state));
        }
        assert_eq!(ReplyState::from_stored("pending"), None);
    }

    #[test]
    fn the_widget_sees_sending_until_the_channels_verdict() {
        for state in [Sending, Submitted, Recorded] {
            assert_eq!(state.delivery(None, None), Delivery::Sending);
        }
        assert_eq!(
            Failed.delivery(Some(FailureCode::TaskNotFound), None),
            Delivery::Failed {
                code: FailureCode::TaskNotFound,
                detail: None
            }
        );
    }
}
