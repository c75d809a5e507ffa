//! A widget whose live stream keeps dropping during a burst of customer messages misses none and
//! sees none twice: each reconnect resumes after the last event it received (`Last-Event-ID`).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::event_stream::{EventStream, wait_for_conversation};
use crate::helpers::{Options, spawn_app_with};

const MESSAGES: usize = 200;
/// The figure; it costs a few seconds, so the bounded run makes it too.
const DROPS: usize = 100;

/// Reads the stream, dropping it after every few items and at random moments, until every message
/// of the burst came; returns how many times each text came and how many drops there were.
async fn burst_with_drops(postgres: bool) -> (HashMap<String, usize>, usize) {
    let app = spawn_app_with(Options {
        postgres,
        ..Options::default()
    })
    .await;
    wait_for_conversation(&app, 1004).await;
    // On PostgreSQL the widget streams from another instance than the one taking the webhooks.
    let other = if postgres {
        Some(app.start_instance().await)
    } else {
        None
    };
    let base_url = other
        .as_ref()
        .map_or_else(|| app.url(""), |server| format!("http://{}", server.addr));
    let mut last_event_id = Some(app.page(1004).await.stream_position.unwrap());

    let writer = {
        let http = app.http.clone();
        let url = format!(
            "{}/_emulator/conversations/1004/inbound",
            app.emulator.base_url()
        );
        tokio::spawn(async move {
            for n in 0..MESSAGES {
                http.post(&url)
                    .json(&serde_json::json!({ "text": format!("burst {n}") }))
                    .send()
                    .await
                    .unwrap();
            }
        })
    };

    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut drops = 0;
    let started = Instant::now();
    while seen.len() < MESSAGES {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "{} of {MESSAGES} messages seen after {drops} drops",
            seen.len()
        );
        let mut stream =
            EventStream::open_on(&app, &base_url, &app.session_token(), 1004, last_event_id).await;
        // Drop after 0 to 3 items, or after a short wait when nothing comes.
        let keep = if drops < DROPS { drops % 4 } else { usize::MAX };
        let mut read = 0;
        while read < keep {
            let wait = Duration::from_millis(if drops < DROPS { 30 } else { 2_000 });
            let Some((id, item)) = stream.next_item(wait).await else {
                break;
            };
            last_event_id = Some(id);
            if item.text.starts_with("burst ") {
                *seen.entry(item.text).or_default() += 1;
            }
            read += 1;
        }
        drops += 1;
    }
    writer.await.unwrap();
    (seen, drops)
}

fn assert_each_seen_once(seen: &HashMap<String, usize>, drops: usize) {
    assert!(drops >= DROPS, "only {drops} drops");
    let twice: Vec<_> = seen.iter().filter(|(_, count)| **count > 1).collect();
    assert!(twice.is_empty(), "seen more than once: {twice:?}");
    for n in 0..MESSAGES {
        assert!(seen.contains_key(&format!("burst {n}")), "burst {n} missed");
    }
    println!("stream drops: {MESSAGES} messages, {drops} drops, 0 missed, 0 seen twice",);
}

#[tokio::test]
async fn a_stream_dropped_a_hundred_times_during_a_burst_misses_nothing() {
    let (seen, drops) = burst_with_drops(false).await;
    assert_each_seen_once(&seen, drops);
}

#[tokio::test]
async fn across_instances_a_stream_dropped_a_hundred_times_during_a_burst_misses_nothing() {
    let (seen, drops) = burst_with_drops(true).await;
    assert_each_seen_once(&seen, drops);
}
