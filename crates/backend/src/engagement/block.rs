//! The one rule saying why an engagement may not be sent now (contract section 2), first match
//! wins: several environments → recipient → sender → permission → already sent → consent.
//! Pure: the facts are gathered by the caller (`page.rs`), the widget only shows the answer.

use protocol::{ConsentState, EngagementBlock};

/// What the record holds as its recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecipientFact {
    Missing,
    Malformed,
    Valid,
}

/// What the record holds as its sender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SenderFact {
    Missing,
    /// Not an account id, or not one this environment sends templates from.
    Unknown,
    Known,
}

/// Everything the rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    /// How many Alcméon environments the agent's org is connected to.
    pub environments: u32,
    pub recipient: RecipientFact,
    pub sender: SenderFact,
    /// The agent's `perms.reply`.
    pub may_reply: bool,
    /// A send of this engagement is sending or sent.
    pub live_send: bool,
    /// The recipient's consent; `None` when it could not be read.
    pub consent: Option<ConsentState>,
}

pub fn decide(facts: &Facts) -> Option<EngagementBlock> {
    if facts.environments != 1 {
        return Some(EngagementBlock::SeveralEnvironments {
            count: facts.environments,
        });
    }
    match facts.recipient {
        RecipientFact::Missing => return Some(EngagementBlock::RecipientMissing),
        RecipientFact::Malformed => return Some(EngagementBlock::RecipientMalformed),
        RecipientFact::Valid => {}
    }
    match facts.sender {
        SenderFact::Missing => return Some(EngagementBlock::SenderMissing),
        SenderFact::Unknown => return Some(EngagementBlock::SenderUnknown),
        SenderFact::Known => {}
    }
    if !facts.may_reply {
        return Some(EngagementBlock::NotPermitted);
    }
    if facts.live_send {
        return Some(EngagementBlock::AlreadySent);
    }
    match facts.consent {
        Some(ConsentState::OptedIn { .. }) => None,
        Some(ConsentState::NoOptIn) => Some(EngagementBlock::NoOptIn),
        Some(ConsentState::OptedOut { since_ms }) => Some(EngagementBlock::OptedOut { since_ms }),
        None => Some(EngagementBlock::ConsentUnknown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENDABLE: Facts = Facts {
        environments: 1,
        recipient: RecipientFact::Valid,
        sender: SenderFact::Known,
        may_reply: true,
        live_send: false,
        consent: Some(ConsentState::OptedIn { since_ms: 1 }),
    };

    #[test]
    fn a_consented_recipient_on_a_known_sender_may_be_sent_to() {
        assert_eq!(decide(&SENDABLE), None);
    }

    #[test]
    fn several_environments_block_before_anything_else() {
        let facts = Facts {
            environments: 2,
            recipient: RecipientFact::Missing,
            sender: SenderFact::Missing,
            may_reply: false,
            live_send: true,
            consent: None,
        };
        assert_eq!(
            decide(&facts),
            Some(EngagementBlock::SeveralEnvironments { count: 2 })
        );
        let none = Facts {
            environments: 0,
            ..SENDABLE
        };
        assert_eq!(
            decide(&none),
            Some(EngagementBlock::SeveralEnvironments { count: 0 })
        );
    }

    #[test]
    fn a_missing_or_malformed_recipient_blocks_before_the_sender() {
        let missing = Facts {
            recipient: RecipientFact::Missing,
            sender: SenderFact::Missing,
            ..SENDABLE
        };
        assert_eq!(decide(&missing), Some(EngagementBlock::RecipientMissing));
        let malformed = Facts {
            recipient: RecipientFact::Malformed,
            sender: SenderFact::Unknown,
            ..SENDABLE
        };
        assert_eq!(
            decide(&malformed),
            Some(EngagementBlock::RecipientMalformed)
        );
    }

    #[test]
    fn a_missing_or_unknown_sender_blocks_before_permissions() {
        let missing = Facts {
            sender: SenderFact::Missing,
            may_reply: false,
            ..SENDABLE
        };
        assert_eq!(decide(&missing), Some(EngagementBlock::SenderMissing));
        let unknown = Facts {
            sender: SenderFact::Unknown,
            may_reply: false,
            ..SENDABLE
        };
        assert_eq!(decide(&unknown), Some(EngagementBlock::SenderUnknown));
    }

    #[test]
    fn an_agent_without_reply_permission_is_blocked_before_an_earlier_send() {
        let facts = Facts {
            may_reply: false,
            live_send: true,
            ..SENDABLE
        };
        assert_eq!(decide(&facts), Some(EngagementBlock::NotPermitted));
    }

    #[test]
    fn a_send_sending_or_sent_blocks_before_consent() {
        let facts = Facts {
            live_send: true,
            consent: Some(ConsentState::NoOptIn),
            ..SENDABLE
        };
        assert_eq!(decide(&facts), Some(EngagementBlock::AlreadySent));
    }

    #[test]
    fn consent_blocks_last_with_its_reason() {
        let with = |consent| {
            decide(&Facts {
                consent,
                ..SENDABLE
            })
        };
        assert_eq!(
            with(Some(ConsentState::NoOptIn)),
            Some(EngagementBlock::NoOptIn)
        );
        assert_eq!(
            with(Some(ConsentState::OptedOut { since_ms: 9 })),
            Some(EngagementBlock::OptedOut { since_ms: 9 })
        );
        assert_eq!(with(None), Some(EngagementBlock::ConsentUnknown));
    }
}
