//! Where a template send stands as the agent sees it, and which client id the next attempt uses.
//!
//! Invariants: one click is one attempt with one client id; an attempt whose outcome the widget
//! does not know yet (the backend could not be reached, or answered that it is still sending)
//! keeps its id, and the next attempt reuses it, so the backend answers with that send instead of
//! sending another; once the backend says sent or failed, the next attempt gets a new id (a
//! failed send does not block a new one). Each send this widget asked for is reported to the host
//! once, when it ends.

use protocol::{ClientId, EngagementSend, SendFailure, SendState};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendStatus {
    Idle,
    Sending,
    Sent {
        /// Alcméon's message id.
        message_id: Option<String>,
    },
    Failed(SendFailure),
    /// The request got no answer from the backend, for this reason (a Fluent message id);
    /// sending again reuses the attempt's client id.
    NotReached(&'static str),
}

impl SendStatus {
    /// The status of a send as the backend reports it.
    pub fn of(send: &EngagementSend) -> Self {
        match send.state {
            SendState::Sending => Self::Sending,
            SendState::Sent => Self::Sent {
                message_id: send.message_id.clone(),
            },
            SendState::Failed => Self::Failed(send.failure.clone().unwrap_or(SendFailure {
                code: protocol::SendFailureCode::Unknown,
                detail: String::new(),
                ongoing_conversation_id: None,
            })),
        }
    }

    /// Whether a send is on its way (Send is disabled meanwhile).
    pub fn is_busy(&self) -> bool {
        *self == Self::Sending
    }

    /// The `data-state` the status line carries.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Idle => "idle",
            Self::Sending => "sending",
            Self::Sent { .. } => "sent",
            Self::Failed(_) => "failed",
            Self::NotReached(_) => "not-reached",
        }
    }
}

/// This widget's attempts at sending.
#[derive(Debug, Default)]
pub struct Attempts {
    /// The attempt whose outcome is not known yet.
    unsettled: Option<ClientId>,
    /// Every attempt this widget made, and whether its end was reported to the host.
    mine: Vec<(ClientId, bool)>,
}

impl Attempts {
    /// The client id of a new attempt: the unsettled attempt's, else `fresh()`.
    pub fn next(&mut self, fresh: impl FnOnce() -> ClientId) -> ClientId {
        let id = self.unsettled.take().unwrap_or_else(fresh);
        if !self.mine.iter().any(|(mine, _)| *mine == id) {
            self.mine.push((id.clone(), false));
        }
        self.unsettled = Some(id.clone());
        id
    }

    /// Whether `client_id`'s outcome is still unknown (no answer, and the live stream has not
    /// reported it ended either).
    pub fn awaits(&self, client_id: &ClientId) -> bool {
        self.unsettled.as_ref() == Some(client_id)
    }

    /// The backend's word on a send. True when it is one of this widget's attempts that has
    /// just ended: the host is to record it (once).
    pub fn answered(&mut self, send: &EngagementSend) -> bool {
        if !send.has_ended() {
            return false;
        }
        if self.unsettled.as_ref() == Some(&send.client_id) {
            self.unsettled = None;
        }
        match self.mine.iter_mut().find(|(id, _)| *id == send.client_id) {
            Some((_, reported)) if !*reported => {
                *reported = true;
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(raw: &str) -> ClientId {
        ClientId::parse(raw).unwrap()
    }

    fn send(client_id: &str, state: SendState) -> EngagementSend {
        EngagementSend {
            client_id: id(client_id),
            state,
            template_id: 2002,
            language: "fr".into(),
            content: "Bonjour".into(),
            requested_at_ms: 1,
            message_id: (state == SendState::Sent).then(|| "wamid.1".into()),
            sent_at_ms: None,
            failure: None,
        }
    }

    #[test]
    fn an_attempt_without_an_answer_is_retried_under_the_same_client_id() {
        let mut attempts = Attempts::default();
        let first = attempts.next(|| id("c-1"));
        // The network dropped: no answer. The agent sends again.
        let again = attempts.next(|| id("c-2"));
        assert_eq!(again, first);
        // The backend was still sending: the id is kept.
        assert!(!attempts.answered(&send("c-1", SendState::Sending)));
        assert_eq!(attempts.next(|| id("c-3")), first);
    }

    #[test]
    fn an_attempt_the_live_stream_reported_sent_no_longer_awaits_its_lost_answer() {
        let mut attempts = Attempts::default();
        let first = attempts.next(|| id("c-1"));
        assert!(attempts.awaits(&first));
        // The stream says it was sent before the request's answer was lost on the way.
        assert!(attempts.answered(&send("c-1", SendState::Sent)));
        assert!(!attempts.awaits(&first), "the lost answer changes nothing");
    }

    #[test]
    fn after_a_failure_at_alcmeon_a_new_attempt_gets_a_new_client_id() {
        let mut attempts = Attempts::default();
        attempts.next(|| id("c-1"));
        assert!(attempts.answered(&send("c-1", SendState::Failed)));
        assert_eq!(attempts.next(|| id("c-2")), id("c-2"));
    }

    #[test]
    fn the_host_records_each_of_this_widgets_sends_once_when_it_ends() {
        let mut attempts = Attempts::default();
        attempts.next(|| id("c-1"));
        assert!(!attempts.answered(&send("c-1", SendState::Sending)));
        assert!(attempts.answered(&send("c-1", SendState::Sent)));
        assert!(
            !attempts.answered(&send("c-1", SendState::Sent)),
            "the live stream repeats it: recorded already"
        );
        assert!(
            !attempts.answered(&send("other-tab", SendState::Sent)),
            "a send another widget made is theirs to record"
        );
    }

    #[test]
    fn a_status_reads_the_backends_send() {
        assert_eq!(
            SendStatus::of(&send("c-1", SendState::Sent)),
            SendStatus::Sent {
                message_id: Some("wamid.1".into())
            }
        );
        assert!(SendStatus::of(&send("c-1", SendState::Sending)).is_busy());
        let SendStatus::Failed(failure) = SendStatus::of(&send("c-1", SendState::Failed)) else {
            panic!("failed")
        };
        assert_eq!(failure.code, protocol::SendFailureCode::Unknown);
    }
}
