//! Simulated live traffic for demos: every period, a customer writes again, visiting the
//! conversations in turn and cycling through a fixed list of lines (deterministic, no randomness),
//! except in WhatsApp conversations whose 24-hour window is closed or closes within the hour, so
//! the demo keeps showing a closed window and a countdown (1006, 1008);
//! and the scripted recipient who answers each WhatsApp engagement after a delay, in the
//! template's language.

use std::time::Duration;

use chrono::{TimeDelta, Utc};

use crate::alcmeon_data::InboundMessage;
use crate::emulator::Emulator;
use crate::model::Channel;

/// A WhatsApp conversation whose customer has been silent this long has its window closing.
const WINDOW_ENDING: TimeDelta = TimeDelta::hours(23);

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

/// The recipient's answer to an engagement, by the template's language.
fn engagement_answer(language: &str) -> &'static str {
    match language {
        "fr" => "Bonjour, merci pour le message ! Quand est-ce que ma commande arrive ?",
        _ => "Hi, thanks for the message! When will my order arrive?",
    }
}

/// After `delay`, the recipient of the engagement answers it (the actions are notified).
pub async fn answer_engagement_later(emulator: Emulator, message_id: String, delay: Duration) {
    tokio::time::sleep(delay).await;
    let language = emulator.data.read(|data| {
        let sent = data
            .sent_engagements()
            .iter()
            .find(|sent| sent.message_id == message_id)?;
        let template = data
            .templates()
            .whatsapp
            .iter()
            .find(|template| template.id == sent.template_id)?;
        Some(template.language.clone())
    });
    let text = engagement_answer(language.as_deref().unwrap_or("en"));
    if let Err(refusal) = emulator.answer_engagement(&message_id, text.to_owned()) {
        tracing::warn!(%message_id, ?refusal, "the scripted engagement answer was refused");
    }
}

pub async fn run(emulator: Emulator, every: Duration) {
    let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
    for turn in 0usize.. {
        ticks.tick().await;
        let now = Utc::now();
        let conversations = emulator.data.read(|data| {
            let window_ending = |id: u64| {
                data.channel_of(id) == Some(Channel::Whatsapp)
                    && data
                        .last_customer_message_at(id)
                        .is_some_and(|at| now - at > WINDOW_ENDING)
            };
            let mut ids = data.conversation_ids();
            ids.retain(|&id| !window_ending(id));
            ids
        });
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
