use serde::{Deserialize, Serialize};
use strum::{EnumDiscriminants, VariantArray};

/// Something an agent or a bot did to a conversation, shown as a line in the thread. Built from
/// Alcméon's action types; internal notes (`comment`, `help-*`), `first-seen` and the channels'
/// social actions (likes, follows…) are not shown.
/// [`EventKind`] names each variant without its data; `EventKind::VARIANTS` lists them all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, EnumDiscriminants)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[strum_discriminants(name(EventKind), derive(VariantArray))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ConversationEvent {
    /// `archive`: closed without a reply.
    Archived,
    /// `auto-archive`: closed by a bot rule.
    AutoArchived,
    /// `assign-to`: handed to another agent.
    Assigned {
        to: String,
    },
    /// `acquire`: the author took the conversation.
    Acquired,
    /// `release`: the author gave it back.
    Released,
    /// `steal`: the author took it over from another agent.
    TakenOver {
        from: String,
    },
    /// `on-hold`.
    OnHold,
    /// `tag`: a tag was set.
    Tagged {
        tag: String,
        value: String,
    },
    /// `tag-vip` / `untag-vip`: the customer was marked, or no longer marked, VIP.
    MarkedVip,
    UnmarkedVip,
    /// `anonymize-gdpr`: the retention period ended and the content was anonymised.
    Anonymized,
    /// A kind this widget does not know yet (a newer backend).
    #[serde(other)]
    Other,
}

impl ConversationEvent {
    /// The event Alcméon's action `type` stands for, if it is one the thread shows; `parties`
    /// carries the names the action's `data` gives.
    pub fn from_alcmeon(action_type: &str, parties: EventParties) -> Option<ConversationEvent> {
        Some(match action_type {
            "archive" => Self::Archived,
            "auto-archive" => Self::AutoArchived,
            "assign-to" => Self::Assigned { to: parties.other },
            "acquire" => Self::Acquired,
            "release" => Self::Released,
            "steal" => Self::TakenOver {
                from: parties.other,
            },
            "on-hold" => Self::OnHold,
            "tag" => Self::Tagged {
                tag: parties.tag,
                value: parties.value,
            },
            "tag-vip" => Self::MarkedVip,
            "untag-vip" => Self::UnmarkedVip,
            "anonymize-gdpr" => Self::Anonymized,
            _ => return None,
        })
    }

    /// Whether the conversation is closed after this event.
    pub fn closes_conversation(&self) -> bool {
        matches!(self, Self::Archived | Self::AutoArchived)
    }

    /// The Fluent message id the widget shows for this event; it takes `$author` and the event's
    /// own fields (`$to`, `$from`, `$tag`, `$value`).
    pub fn message_id(&self) -> &'static str {
        EventKind::from(self).message_id()
    }
}

impl EventKind {
    /// The Fluent message id of events of this kind.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Archived => "event-archived",
            Self::AutoArchived => "event-auto-archived",
            Self::Assigned => "event-assigned",
            Self::Acquired => "event-acquired",
            Self::Released => "event-released",
            Self::TakenOver => "event-taken-over",
            Self::OnHold => "event-on-hold",
            Self::Tagged => "event-tagged",
            Self::MarkedVip => "event-marked-vip",
            Self::UnmarkedVip => "event-unmarked-vip",
            Self::Anonymized => "event-anonymized",
            Self::Other => "event-other",
        }
    }
}

/// What an action's `data` says besides its type: the other agent (`assign-to`'s `to`, `steal`'s
/// `from`) and, for `tag`, the tag's name and new value. Empty where the action has none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventParties {
    pub other: String,
    pub tag: String,
    pub value: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_changing_action_types_become_events_and_internal_ones_do_not() {
        let parties = EventParties {
            other: "Léa".into(),
            ..EventParties::default()
        };
        assert_eq!(
            ConversationEvent::from_alcmeon("assign-to", parties),
            Some(ConversationEvent::Assigned { to: "Léa".into() })
        );
        for hidden in [
            "comment",
            "help-request",
            "first-seen",
            "task-create",
            "twitter-favorite",
        ] {
            let event = ConversationEvent::from_alcmeon(hidden, EventParties::default());
            assert!(event.is_none(), "{hidden}");
        }
    }

    #[test]
    fn only_archiving_closes_the_conversation() {
        assert!(ConversationEvent::Archived.closes_conversation());
        assert!(ConversationEvent::AutoArchived.closes_conversation());
        assert!(!ConversationEvent::OnHold.closes_conversation());
    }

    #[test]
    fn events_travel_tagged_by_type_and_unknown_types_read_as_other() {
        let json = serde_json::to_string(&ConversationEvent::TakenOver { from: "Ana".into() });
        assert_eq!(json.unwrap(), r#"{"type":"taken_over","from":"Ana"}"#);
        let unknown: ConversationEvent =
            serde_json::from_str(r#"{"type":"merged","into":7}"#).unwrap();
        assert_eq!(unknown, ConversationEvent::Other);
    }
}
