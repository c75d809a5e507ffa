//! Simulated live traffic for demos: every period, a customer writes again, visiting the
//! conversations in turn and cycling through a fixed list of lines (deterministic, no randomness).

use std::time::Duration;

use chrono::Utc;

use crate::alcmeon_data::InboundMessage;
use crate::emulator::Emulator;

const LINES: [&str; 8] = [
    "Hello? Any news on this?",
    "Thanks for your help so far 🙂",
    "One more question: do you deliver on Saturdays?",
    "I just checked the tracking page and it hasn't moved.",
    "Could you call me back instead? It's easier.",
    "Perfect, that works for me.",
    "Is there a store near Bordeaux where I can pick it up?",
    "Merci beaucoup, bonne journée !",
];

pub async fn run(emulator: Emulator, every: Duration) {
    let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
    for turn in 0usize.. {
        ticks.tick().await;
        let conversations = emulator.data.read(|data| data.conversation_ids());
        let Some(&conversation_id) = conversations.get(turn % conversations.len().max(1)) else {
            continue;
        };
        let inbound = InboundMessage {
            text: LINES[turn % LINES.len()].to_owned(),
            author_name: None,
            rating_value: None,
            attachments: vec![],
            at: Utc::now(),
        };
        emulator.receive_inbound(conversation_id, inbound);
    }
}
