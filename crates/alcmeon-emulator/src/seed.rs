//! The demo data a fresh emulator starts with: five conversations of "Lumio", a home-goods shop,
//! one per channel, with customer messages and agent answers spread over the last five days.
//!
//! Ids are deterministic (conversations 1001..=1005, agents 11..=13); timestamps are relative to
//! the moment of seeding so the demo always looks current. Action ids follow time order across
//! conversations, as they would in Alcméon.

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};

use crate::model::{ActionStatus, AdminUser, Channel};
use crate::state::{InboundMessage, NewConversation, State};

const SOPHIE: u64 = 11;
const KARIM: u64 = 12;
const EMMA: u64 = 13;

/// How long after an answer its `execute-answer` is recorded.
const DELIVERY_DELAY: TimeDelta = TimeDelta::seconds(4);

pub fn demo_state(instance_id: &str, now: DateTime<Utc>) -> State {
    let mut state = State::new(instance_id);
    for (id, name, email) in [
        (SOPHIE, "Sophie Laurent", "sophie.laurent@example.com"),
        (KARIM, "Karim Benali", "karim.benali@example.com"),
        (EMMA, "Emma Schmidt", "emma.schmidt@example.com"),
    ] {
        state.add_agent(AdminUser {
            id,
            email: email.to_owned(),
            name: name.to_owned(),
            is_bot: false,
        });
    }
    let mut timeline = Vec::new();
    for script in conversations() {
        let conversation_id = state.add_conversation(NewConversation {
            channel: script.channel,
            account_name: script.account_name.to_owned(),
            customer_name: script.customer_name.to_owned(),
        });
        for step in script.steps {
            let at = now - step.ago();
            timeline.push((at, conversation_id, step.event()));
            if let Step::Agent { delivered, .. } = step {
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
    timeline.sort_by_key(|(at, _, _)| *at);
    replay(&mut state, timeline);
    state
}

enum Event {
    Customer {
        text: &'static str,
        rating_value: Option<u8>,
    },
    Answer {
        agent: u64,
        text: &'static str,
    },
    Delivery(ActionStatus),
}

fn replay(state: &mut State, timeline: Vec<(DateTime<Utc>, u64, Event)>) {
    let mut last_answer: HashMap<u64, u64> = HashMap::new();
    for (at, conversation_id, event) in timeline {
        match event {
            Event::Customer { text, rating_value } => {
                let inbound = InboundMessage {
                    text: text.to_owned(),
                    author_name: None,
                    rating_value,
                    at,
                };
                state.add_inbound(conversation_id, inbound);
            }
            Event::Answer { agent, text } => {
                let task_id = state
                    .latest_task_id(conversation_id)
                    .expect("a script answers a message");
                let advisor = state.agent_or_new(agent);
                let answer = state
                    .add_answer(task_id, advisor, text, at)
                    .expect("the task exists");
                last_answer.insert(conversation_id, answer.id);
            }
            Event::Delivery(outcome) => {
                state.add_execute_answer(last_answer[&conversation_id], outcome, at);
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

#[derive(Clone, Copy)]
enum Step {
    Customer {
        minutes_ago: i64,
        text: &'static str,
        rating_value: Option<u8>,
    },
    Agent {
        minutes_ago: i64,
        agent: u64,
        text: &'static str,
        delivered: bool,
    },
}

impl Step {
    fn ago(&self) -> TimeDelta {
        match self {
            Step::Customer { minutes_ago, .. } | Step::Agent { minutes_ago, .. } => {
                TimeDelta::minutes(*minutes_ago)
            }
        }
    }

    fn event(&self) -> Event {
        match *self {
            Step::Customer {
                text, rating_value, ..
            } => Event::Customer { text, rating_value },
            Step::Agent { agent, text, .. } => Event::Answer { agent, text },
        }
    }
}

const fn ago(days: i64, hours: i64, minutes: i64) -> i64 {
    (days * 24 + hours) * 60 + minutes
}

fn customer(minutes_ago: i64, text: &'static str) -> Step {
    Step::Customer {
        minutes_ago,
        text,
        rating_value: None,
    }
}

fn review(minutes_ago: i64, rating: u8, text: &'static str) -> Step {
    Step::Customer {
        minutes_ago,
        text,
        rating_value: Some(rating),
    }
}

fn agent(minutes_ago: i64, agent: u64, text: &'static str) -> Step {
    Step::Agent {
        minutes_ago,
        agent,
        text,
        delivered: true,
    }
}

fn undelivered(minutes_ago: i64, agent: u64, text: &'static str) -> Step {
    Step::Agent {
        minutes_ago,
        agent,
        text,
        delivered: false,
    }
}

fn conversations() -> Vec<Script> {
    vec![
        Script {
            channel: Channel::Whatsapp,
            account_name: "Lumio WhatsApp",
            customer_name: "Amélie Dubois",
            steps: vec![
                customer(
                    ago(2, 5, 46),
                    "Bonjour! My order #LM-48213 was due yesterday and I still have nothing. Can you check?",
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
                customer(ago(1, 2, 57), "I can send a photo if you need one."),
                agent(
                    ago(1, 2, 40),
                    KARIM,
                    "So sorry, Amélie! A free replacement is on its way and you'll get a return label by email today. No need for a photo.",
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
                customer(ago(0, 2, 0), "Yes please, the sand one, for Saturday."),
            ],
        },
        Script {
            channel: Channel::Instagram,
            account_name: "lumio.home",
            customer_name: "ليلى حداد",
            steps: vec![
                customer(ago(4, 3, 49), "مرحبا! Do you deliver to Dubai?"),
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
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionType, Channel};

    #[test]
    fn the_demo_has_five_channels_in_conversations_1001_to_1005() {
        let state = demo_state("demo-instance", Utc::now());
        assert_eq!(state.conversation_ids(), vec![1001, 1002, 1003, 1004, 1005]);
        let channels: Vec<Channel> = (1001..=1005)
            .map(|id| state.conversation_actions(id).unwrap()[0].account.channel)
            .collect();
        assert_eq!(
            channels,
            [
                Channel::Whatsapp,
                Channel::Facebook,
                Channel::Instagram,
                Channel::Twitter,
                Channel::Gmb
            ]
        );
    }

    #[test]
    fn the_demo_stays_small_and_in_time_order() {
        let now = Utc::now();
        let actions = demo_state("demo-instance", now).actions_between(0, None, usize::MAX);
        assert!(actions.len() < 60, "{} actions", actions.len());
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
        let actions = demo_state("demo-instance", Utc::now()).actions_between(0, None, usize::MAX);
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
