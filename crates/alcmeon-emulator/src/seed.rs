//! The demo data a fresh emulator starts with: eight conversations of "Lumio", a home-goods shop,
//! with customer messages, agent answers and agent actions spread over the last five days.
//! Timestamps are relative to the moment of seeding so the demo always looks current; action ids
//! follow time order across conversations, as they would in Alcméon.
//!
//! Deterministic ids: agents 11 Sophie Laurent, 12 Karim Benali, 13 Emma Schmidt, active accounts
//! with the Agent role (bot 1 records customer messages); 14 Lucas Martin, an inactive account
//! (`INACTIVE_AGENT_EMAIL`) who never acts; conversations 1001..=1008; attachments from 90001 in
//! time order (90001 the PDF, 90002 the PNG); tags from 601, tag values from 701.
//!
//! | id | channel | customer | what it shows | reply window |
//! |---|---|---|---|---|
//! | 1001 | WhatsApp | Amélie Dubois | first message carries `order-confirmation.pdf` (application/pdf); "Here's a photo of the crack." carries `cracked-lampshade.png` (image/png); Sophie `assign-to` Karim | open: last message 40 min ago |
//! | 1002 | Messenger | Jonas Weber | Emma `acquire`s; one answer failed, then resent; Emma puts it `on-hold` | open: 2 h ago (7 days) |
//! | 1003 | Instagram | ليلى حداد | Karim `acquire`s | open: 3.6 days ago (7 days) |
//! | 1004 | X | Chloé ✈️ Travels | Sophie `tag`s Topic = Delivery delay, `archive`s, the customer writes again (open) | none |
//! | 1005 | Google reviews | Marco Rossi | reviews with `rating_value` | none |
//! | 1006 | WhatsApp | Thomas Moreau | the customer last wrote 2 days ago | closed (24 h) |
//! | 1007 | X | Nadia K. | Karim answers, then `archive`s: closed | none |
//! | 1008 | WhatsApp | Léa Fontaine (opted in) | Emma promised an answer; the customer last wrote 23 h 30 min before the seeding (24 h minus `ALCMEON_EMULATOR_CLOSING_WINDOW_SECS`) | closing: 30 min left at start |
//!
//! Engagements (`seed/engagements.rs`): the opt-in list 1501 of WhatsApp account 201 with an
//! opted-in customer (Camille Petit, `33612345678`), an opted-out one (Hugo Bernard,
//! `33698765432`), Amélie Dubois (`33611223344`, conversation 1001) and Léa Fontaine
//! (`33623456789`, conversation 1008), both opted in; Thomas Moreau (`33687654321`, conversation
//! 1006) never opted in. The customers of 1001, 1006 and 1008 carry their numbers. WhatsApp
//! templates 2001..=2003, RCS (account 401) 2101, 2102, KakaoTalk (account 402) 2201, 2202.

mod engagements;

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};

use crate::alcmeon_data::{
    AccountAccess, AgentAction, AlcmeonData, InboundMessage, NewAttachment, NewConversation,
};
use crate::model::{ActionStatus, AdminUser, Channel};

const SOPHIE: u64 = 11;
const KARIM: u64 = 12;
const EMMA: u64 = 13;
const LUCAS: u64 = 14;

/// A seeded account that was deactivated: it may not answer until reactivated.
pub const INACTIVE_AGENT_EMAIL: &str = "lucas.martin@example.com";

/// Who acts in `agent-actions` and `agent-replies` when the request names nobody: Sophie.
pub const DEFAULT_AGENT_EMAIL: &str = "sophie.laurent@example.com";

/// How long after an answer its `execute-answer` is recorded.
const DELIVERY_DELAY: TimeDelta = TimeDelta::seconds(4);

/// Files customers send in the demo.
#[derive(Clone, Copy)]
enum File {
    OrderConfirmation,
    CrackedLampshade,
}

impl File {
    fn attachment(self) -> NewAttachment {
        let (mime_type, bytes): (&str, &[u8]) = match self {
            File::OrderConfirmation => (
                "application/pdf",
                include_bytes!("../assets/order-confirmation.pdf"),
            ),
            File::CrackedLampshade => (
                "image/png",
                include_bytes!("../assets/cracked-lampshade.png"),
            ),
        };
        NewAttachment {
            mime_type: mime_type.to_owned(),
            bytes: bytes.to_vec(),
        }
    }
}

/// The demo data as seeded at `now`; the customer of conversation 1008 last wrote 24 hours minus
/// `closing_window` before.
pub fn demo_data(instance_id: &str, now: DateTime<Utc>, closing_window: TimeDelta) -> AlcmeonData {
    let mut data = AlcmeonData::new(instance_id);
    for (id, name, email) in [
        (SOPHIE, "Sophie Laurent", DEFAULT_AGENT_EMAIL),
        (KARIM, "Karim Benali", "karim.benali@example.com"),
        (EMMA, "Emma Schmidt", "emma.schmidt@example.com"),
    ] {
        data.add_agent(AdminUser {
            id,
            email: email.to_owned(),
            name: name.to_owned(),
            is_bot: false,
        });
        data.set_access(id, AccountAccess::agent());
    }
    data.add_agent(AdminUser {
        id: LUCAS,
        email: INACTIVE_AGENT_EMAIL.to_owned(),
        name: "Lucas Martin".to_owned(),
        is_bot: false,
    });
    data.set_access(
        LUCAS,
        AccountAccess {
            is_active: false,
            ..AccountAccess::agent()
        },
    );
    let mut timeline = Vec::new();
    for script in conversations(closing_window) {
        let conversation_id = data.add_conversation(NewConversation {
            channel: script.channel,
            account_name: script.account_name.to_owned(),
            customer_name: script.customer_name.to_owned(),
        });
        for step in script.steps {
            let at = now - step.ago;
            timeline.push((at, conversation_id, step.event));
            if let Event::Answer { delivered, .. } = step.event {
                let outcome = if delivered {
                    ActionStatus::Ok
                } else {
                    ActionStatus::Fail
                };
                timeline.push((
                    at + DELIVERY_DELAY,
                    conversation_id,
                    Event::Delivery(outcome),
                ));
            }
        }
    }
    engagements::add(&mut data, now);
    timeline.sort_by_key(|(at, _, _)| *at);
    replay(&mut data, timeline);
    data
}

#[derive(Clone, Copy)]
enum Event {
    Customer {
        text: &'static str,
        rating_value: Option<u8>,
        file: Option<File>,
    },
    Answer {
        agent: u64,
        text: &'static str,
        delivered: bool,
    },
    Delivery(ActionStatus),
    Agent {
        agent: u64,
        action: Move,
    },
}

/// An agent action of the demo, naming agents by id.
#[derive(Clone, Copy)]
enum Move {
    Acquire,
    AssignTo(u64),
    OnHold,
    Archive,
    Tag(&'static str, &'static str),
}

fn replay(data: &mut AlcmeonData, timeline: Vec<(DateTime<Utc>, u64, Event)>) {
    let mut last_answer: HashMap<u64, u64> = HashMap::new();
    for (at, conversation_id, event) in timeline {
        match event {
            Event::Customer {
                text,
                rating_value,
                file,
            } => {
                let inbound = InboundMessage {
                    text: text.to_owned(),
                    author_name: None,
                    rating_value,
                    attachments: file.map(File::attachment).into_iter().collect(),
                    at,
                };
                data.add_inbound(conversation_id, inbound);
            }
            Event::Answer { agent, text, .. } => {
                let task_id = data
                    .latest_task_id(conversation_id)
                    .expect("a script answers a message");
                let advisor = data.agent_or_new(agent);
                let answer = data
                    .add_answer(task_id, advisor, text, at)
                    .expect("the task exists");
                last_answer.insert(conversation_id, answer.id);
            }
            Event::Delivery(outcome) => {
                data.add_execute_answer(last_answer[&conversation_id], outcome, at);
            }
            Event::Agent { agent, action } => {
                let action = match action {
                    Move::Acquire => AgentAction::Acquire,
                    Move::AssignTo(to) => AgentAction::AssignTo {
                        to: data.agent_or_new(to),
                    },
                    Move::OnHold => AgentAction::OnHold,
                    Move::Archive => AgentAction::Archive,
                    Move::Tag(name, value) => AgentAction::Tag {
                        name: name.to_owned(),
                        value: value.to_owned(),
                    },
                };
                let actor = data.agent_or_new(agent);
                data.add_agent_action(conversation_id, actor, action, at)
                    .expect("a script acts after a message");
            }
        }
    }
}

struct Script {
    channel: Channel,
    account_name: &'static str,
    customer_name: &'static str,
    steps: Vec<Step>,
}

struct Step {
    ago: TimeDelta,
    event: Event,
}

const fn ago(days: i64, hours: i64, minutes: i64) -> i64 {
    (days * 24 + hours) * 60 + minutes
}

fn customer(minutes_ago: i64, text: &'static str) -> Step {
    Step {
        ago: TimeDelta::minutes(minutes_ago),
        event: Event::Customer {
            text,
            rating_value: None,
            file: None,
        },
    }
}

fn customer_sends(minutes_ago: i64, text: &'static str, file: File) -> Step {
    Step {
        ago: TimeDelta::minutes(minutes_ago),
        event: Event::Customer {
            text,
            rating_value: None,
            file: Some(file),
        },
    }
}

fn review(minutes_ago: i64, rating: u8, text: &'static str) -> Step {
    Step {
        ago: TimeDelta::minutes(minutes_ago),
        event: Event::Customer {
            text,
            rating_value: Some(rating),
            file: None,
        },
    }
}

fn agent(minutes_ago: i64, agent: u64, text: &'static str) -> Step {
    Step {
        ago: TimeDelta::minutes(minutes_ago),
        event: Event::Answer {
            agent,
            text,
            delivered: true,
        },
    }
}

fn undelivered(minutes_ago: i64, agent: u64, text: &'static str) -> Step {
    Step {
        ago: TimeDelta::minutes(minutes_ago),
        event: Event::Answer {
            agent,
            text,
            delivered: false,
        },
    }
}

fn acts(minutes_ago: i64, agent: u64, action: Move) -> Step {
    Step {
        ago: TimeDelta::minutes(minutes_ago),
        event: Event::Agent { agent, action },
    }
}

fn conversations(closing_window: TimeDelta) -> Vec<Script> {
    let last_wrote = TimeDelta::hours(24) - closing_window;
    let before_last = |minutes: i64, event: Event| Step {
        ago: last_wrote + TimeDelta::minutes(minutes),
        event,
    };
    vec![
        Script {
            channel: Channel::Whatsapp,
            account_name: "Lumio WhatsApp",
            customer_name: "Amélie Dubois",
            steps: vec![
                customer_sends(
                    ago(2, 5, 46),
                    "Bonjour! My order #LM-48213 was due yesterday and I still have nothing. Can you check?",
                    File::OrderConfirmation,
                ),
                agent(
                    ago(2, 5, 40),
                    SOPHIE,
                    "Hello Amélie, I'm sorry about the delay. Your parcel is at our Lyon depot and will be delivered tomorrow before 1 pm.",
                ),
                customer(
                    ago(2, 5, 37),
                    "OK thanks. Can the courier leave it with my neighbour if I'm out?",
                ),
                agent(
                    ago(2, 5, 31),
                    SOPHIE,
                    "Yes, I've added a note for the courier to leave it with your neighbour at no. 12.",
                ),
                customer(ago(1, 2, 58), "It arrived 🎉 but the lampshade is cracked…"),
                customer_sends(
                    ago(1, 2, 57),
                    "Here's a photo of the crack.",
                    File::CrackedLampshade,
                ),
                acts(ago(1, 2, 50), SOPHIE, Move::AssignTo(KARIM)),
                agent(
                    ago(1, 2, 40),
                    KARIM,
                    "So sorry, Amélie, and thanks for the photo! A free replacement is on its way and you'll get a return label by email today.",
                ),
                customer(
                    ago(0, 0, 40),
                    "Got the label, thank you! When will the new one ship?",
                ),
            ],
        },
        Script {
            channel: Channel::Facebook,
            account_name: "Lumio Home",
            customer_name: "Jonas Weber",
            steps: vec![
                customer(ago(3, 6, 15), "Hi, is the Lyon store open on Sunday?"),
                acts(ago(3, 5, 50), EMMA, Move::Acquire),
                undelivered(
                    ago(3, 5, 45),
                    EMMA,
                    "Hi Jonas! The Lyon store is open on Sundays from 10:00 to 18:00.",
                ),
                agent(
                    ago(3, 5, 43),
                    EMMA,
                    "Hi Jonas! The Lyon store is open on Sundays from 10:00 to 18:00.",
                ),
                customer(
                    ago(3, 5, 35),
                    "Great, thanks! Do you have the Oslo sofa in stock there?",
                ),
                agent(
                    ago(3, 5, 20),
                    EMMA,
                    "We have two in grey and one in sand. Would you like us to hold one for you?",
                ),
                acts(ago(3, 5, 18), EMMA, Move::OnHold),
                customer(ago(0, 2, 0), "Yes please, the sand one, for Saturday."),
            ],
        },
        Script {
            channel: Channel::Instagram,
            account_name: "lumio.home",
            customer_name: "ليلى حداد",
            steps: vec![
                customer(ago(4, 3, 49), "مرحبا! Do you deliver to Dubai?"),
                acts(ago(3, 15, 0), KARIM, Move::Acquire),
                agent(
                    ago(3, 14, 55),
                    KARIM,
                    "Hello Layla! Yes, we ship to the UAE in 5–7 business days, free above €150.",
                ),
                customer(ago(3, 14, 30), "شكرا جزيلا 🙏 I'll order this week."),
                agent(
                    ago(3, 14, 12),
                    KARIM,
                    "You're welcome! Let us know if you need anything.",
                ),
            ],
        },
        Script {
            channel: Channel::Twitter,
            account_name: "@LumioHelp",
            customer_name: "Chloé ✈️ Travels",
            steps: vec![
                customer(
                    ago(1, 7, 58),
                    "@LumioHelp ordered a rug 3 weeks ago and still no tracking number. Anyone there? 😤",
                ),
                acts(ago(1, 7, 45), SOPHIE, Move::Tag("Topic", "Delivery delay")),
                agent(
                    ago(1, 7, 40),
                    SOPHIE,
                    "Hi Chloé, sorry for the wait! Could you send us your order number by DM so we can look into it?",
                ),
                customer(ago(1, 7, 29), "@LumioHelp sent!"),
                agent(
                    ago(1, 7, 10),
                    SOPHIE,
                    "Thanks! Your rug ships today; the tracking link is on its way by email.",
                ),
                acts(ago(1, 7, 5), SOPHIE, Move::Archive),
                customer(ago(0, 0, 15), "@LumioHelp still nothing in my inbox…"),
            ],
        },
        Script {
            channel: Channel::Gmb,
            account_name: "Lumio Paris Opéra",
            customer_name: "Marco Rossi",
            steps: vec![
                review(
                    ago(5, 1, 38),
                    4,
                    "Lovely shop and very helpful staff. Only downside: the queue at the checkout on Saturday.",
                ),
                agent(
                    ago(4, 6, 55),
                    EMMA,
                    "Thank you for your review, Marco! We're opening a second checkout on weekends from next month.",
                ),
                review(
                    ago(0, 6, 0),
                    5,
                    "Update: the second checkout is there now, no queue at all. 5 stars!",
                ),
            ],
        },
        Script {
            channel: Channel::Whatsapp,
            account_name: "Lumio WhatsApp",
            customer_name: "Thomas Moreau",
            steps: vec![
                customer(
                    ago(2, 3, 10),
                    "Hi! Do you sell replacement bulbs for the Nova lamp?",
                ),
                agent(
                    ago(2, 2, 55),
                    EMMA,
                    "Yes! E14 bulbs are under Spare parts on our website, €6.90 for two.",
                ),
                customer(ago(2, 2, 40), "Found them, thanks!"),
            ],
        },
        Script {
            channel: Channel::Twitter,
            account_name: "@LumioHelp",
            customer_name: "Nadia K.",
            steps: vec![
                customer(
                    ago(0, 5, 0),
                    "@LumioHelp the Oslo sofa arrived and it's perfect, thank you!",
                ),
                agent(ago(0, 4, 45), KARIM, "So glad you like it, Nadia! Enjoy 🛋️"),
                acts(ago(0, 4, 40), KARIM, Move::Archive),
            ],
        },
        Script {
            channel: Channel::Whatsapp,
            account_name: "Lumio WhatsApp",
            customer_name: "Léa Fontaine",
            steps: vec![
                before_last(
                    25,
                    Event::Customer {
                        text: "Hello! I ordered the Arles armchair in ochre. Could I have it in sage green instead?",
                        rating_value: None,
                        file: None,
                    },
                ),
                before_last(
                    15,
                    Event::Answer {
                        agent: EMMA,
                        text: "Hi Léa! I'm asking our workshop whether the sage fabric is in stock and will come back to you.",
                        delivered: true,
                    },
                ),
                before_last(
                    0,
                    Event::Customer {
                        text: "Great, thank you! No rush.",
                        rating_value: None,
                        file: None,
                    },
                ),
            ],
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionType, Channel};

    const CLOSING: TimeDelta = TimeDelta::minutes(30);

    #[test]
    fn the_demo_has_conversations_1001_to_1008_on_five_channels() {
        let data = demo_data("demo-instance", Utc::now(), CLOSING);
        assert_eq!(data.conversation_ids(), (1001..=1008).collect::<Vec<_>>());
        let channels: Vec<Channel> = (1001..=1008)
            .map(|id| data.conversation_actions(id).unwrap()[0].account.channel)
            .collect();
        assert_eq!(
            channels,
            [
                Channel::Whatsapp,
                Channel::Facebook,
                Channel::Instagram,
                Channel::Twitter,
                Channel::Gmb,
                Channel::Whatsapp,
                Channel::Twitter,
                Channel::Whatsapp,
            ]
        );
    }

    /// How long ago the customer last wrote in a conversation.
    fn customer_silent_for(
        data: &AlcmeonData,
        conversation_id: u64,
        now: DateTime<Utc>,
    ) -> TimeDelta {
        let actions = data.conversation_actions(conversation_id).unwrap();
        let last = actions
            .iter()
            .rev()
            .find(|action| action.action_type == ActionType::TaskCreate)
            .unwrap();
        now - last
            .task
            .message
            .date
            .and_time(last.task.message.time)
            .and_utc()
    }

    #[test]
    fn conversations_1001_to_1005_stay_answerable_1006_and_1007_do_not_and_1008_is_closing() {
        let now = Utc::now();
        let data = demo_data("demo-instance", now, CLOSING);
        // The channels' reply windows: WhatsApp 24 hours, Messenger and Instagram 7 days (with
        // a day to spare for a demo left running).
        assert!(customer_silent_for(&data, 1001, now) < TimeDelta::hours(23));
        assert!(customer_silent_for(&data, 1002, now) < TimeDelta::days(6));
        assert!(customer_silent_for(&data, 1003, now) < TimeDelta::days(6));
        assert!(customer_silent_for(&data, 1006, now) > TimeDelta::days(2));
        let closing = customer_silent_for(&data, 1008, now);
        assert!(
            (TimeDelta::minutes(23 * 60 + 29)..TimeDelta::minutes(23 * 60 + 31)).contains(&closing),
            "1008's window closes in 30 minutes: silent for {closing}"
        );
        let closed = data.conversation_actions(1007).unwrap();
        assert_eq!(closed.last().unwrap().action_type, ActionType::Archive);
        let reopened = data.conversation_actions(1004).unwrap();
        assert_eq!(
            reopened.last().unwrap().action_type,
            ActionType::TaskCreate,
            "the customer wrote after the archive"
        );
    }

    #[test]
    fn the_demo_shows_agent_actions_and_a_png_and_a_pdf() {
        let actions =
            demo_data("demo-instance", Utc::now(), CLOSING).actions_between(0, None, usize::MAX);
        for action_type in [
            ActionType::Acquire,
            ActionType::AssignTo,
            ActionType::OnHold,
            ActionType::Tag,
            ActionType::Archive,
        ] {
            assert!(
                actions.iter().any(|a| a.action_type == action_type),
                "{action_type:?}"
            );
        }
        let files: Vec<(u64, &str)> = actions
            .iter()
            .flat_map(|a| &a.task.message.attachments)
            .map(|file| (file.id, file.mime_type.as_str()))
            .collect();
        assert!(files.contains(&(90001, "application/pdf")), "{files:?}");
        assert!(files.contains(&(90002, "image/png")), "{files:?}");
    }

    #[test]
    fn the_demo_stays_small_and_in_time_order() {
        let now = Utc::now();
        let actions = demo_data("demo-instance", now, CLOSING).actions_between(0, None, usize::MAX);
        assert!(actions.len() < 80, "{} actions", actions.len());
        let moments: Vec<_> = actions
            .iter()
            .map(|action| (action.date, action.time))
            .collect();
        assert!(moments.is_sorted());
        assert!(moments.last().unwrap().0 <= now.date_naive());
        assert!(
            actions
                .iter()
                .any(|action| action.status == ActionStatus::Fail)
        );
    }

    #[test]
    fn every_answer_is_followed_by_its_delivery() {
        let actions =
            demo_data("demo-instance", Utc::now(), CLOSING).actions_between(0, None, usize::MAX);
        let answers = actions
            .iter()
            .filter(|a| a.action_type == ActionType::Answer)
            .count();
        let deliveries = actions
            .iter()
            .filter(|a| a.action_type == ActionType::ExecuteAnswer)
            .count();
        assert_eq!(answers, deliveries);
    }
}
