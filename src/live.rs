//! Live updates: Server-Sent Events streams (a conversation's, the engagement's) read with `fetch`
//! so the session token travels in the Authorization header (the browser's EventSource cannot
//! send one), and resumed with `Last-Event-ID` after a drop so no change is missed. One reader for
//! every stream: it reopens with a growing delay, and runs `on_open` each time it is established.

use std::time::Duration;

use protocol::{EngagementPage, QueuedReply, ThreadItem};
use serde::de::DeserializeOwned;
use web_sys::AbortSignal;

use crate::api::Backend;
use crate::api::engagement::ENGAGEMENT_EVENTS;
use crate::json;
use crate::server_sent_events::{EventStreamReader, ServerSentEvent};

const FIRST_RETRY: Duration = Duration::from_secs(1);
const LONGEST_RETRY: Duration = Duration::from_secs(30);

/// Follows a conversation's events after `position` (a thread page's `stream_position`; from the
/// stream's start without one) until `stop` aborts: `on_open` runs each time the stream is
/// (re)established, `on_item` for each changed thread item, `on_queued` for each word on a reply
/// waiting for Alcméon's rate limit.
pub async fn follow(
    backend: Backend,
    conversation_id: i64,
    position: Option<i64>,
    stop: AbortSignal,
    on_open: impl Fn(),
    on_item: impl Fn(ThreadItem),
    on_queued: impl Fn(QueuedReply),
) {
    let path = format!("/v1/conversations/{conversation_id}/events");
    let position = position.map(|seq| seq.to_string());
    follow_events(
        backend,
        &path,
        position,
        stop,
        on_open,
        |event| match event.kind.as_str() {
            "item" => decoded(event, &on_item),
            "queued" => decoded(event, &on_queued),
            _ => {}
        },
    )
    .await;
}

/// Follows the engagement's events until `stop` aborts: `on_open` runs each time the stream is
/// (re)established, `on_page` with the whole page each time its send or its link changes.
pub async fn follow_engagement(
    backend: Backend,
    stop: AbortSignal,
    on_open: impl Fn(),
    on_page: impl Fn(EngagementPage),
) {
    follow_events(backend, ENGAGEMENT_EVENTS, None, stop, on_open, |event| {
        if event.kind == "engagement" {
            decoded(event, &on_page);
        }
    })
    .await;
}

/// Gives the event's data, read as JSON, to `on_data` (data that does not read is skipped).
fn decoded<T: DeserializeOwned>(event: &ServerSentEvent, on_data: &impl Fn(T)) {
    if let Ok(value) = json::decode::<T>(&event.data) {
        on_data(value);
    }
}

/// Reads the stream at `path` after the event id `start_after`, giving each event to `on_event`.
async fn follow_events(
    backend: Backend,
    path: &str,
    start_after: Option<String>,
    stop: AbortSignal,
    on_open: impl Fn(),
    on_event: impl Fn(&ServerSentEvent),
) {
    let mut last_event_id = start_after;
    let mut retry = FIRST_RETRY;
    while !stop.aborted() {
        if let Ok(body) = backend
            .open_events(path, last_event_id.as_deref(), &stop)
            .await
        {
            retry = FIRST_RETRY;
            on_open();
            let mut events = EventStreamReader::resuming_after(last_event_id.take());
            while let Some(chunk) = body.next_chunk().await {
                events.push(&chunk).iter().for_each(&on_event);
            }
            last_event_id = events.last_event_id;
        }
        if stop.aborted() {
            break;
        }
        gloo_timers::future::sleep(retry).await;
        retry = (retry * 2).min(LONGEST_RETRY);
    }
}
