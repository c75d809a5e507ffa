//! Live updates: one Server-Sent Events stream per mounted widget, read with `fetch` so the
//! session token travels in the Authorization header (the browser's EventSource cannot send one),
//! and resumed with `Last-Event-ID` after a drop so no change is missed.

use std::time::Duration;

use eventsource_stream::Eventsource;
use futures_util::StreamExt;
use protocol::ThreadItem;
use web_sys::AbortSignal;

use crate::api::Backend;

const FIRST_RETRY: Duration = Duration::from_secs(1);
const LONGEST_RETRY: Duration = Duration::from_secs(30);

/// Follows a conversation's events until `stop` aborts: `on_open` runs each time the stream is
/// (re)established, `on_item` for each changed thread item.
pub async fn follow(
    backend: Backend,
    conversation_id: i64,
    stop: AbortSignal,
    on_open: impl Fn(),
    on_item: impl Fn(ThreadItem),
) {
    let mut last_event_id: Option<String> = None;
    let mut retry = FIRST_RETRY;
    while !stop.aborted() {
        if let Ok(body) = backend
            .open_events(conversation_id, last_event_id.as_deref(), &stop)
            .await
        {
            retry = FIRST_RETRY;
            on_open();
            let mut events = body.eventsource();
            while let Some(Ok(event)) = events.next().await {
                if !event.id.is_empty() {
                    last_event_id = Some(event.id.clone());
                }
                if event.event == "item"
                    && let Ok(item) = serde_json::from_str::<ThreadItem>(&event.data)
                {
                    on_item(item);
                }
            }
        }
        if stop.aborted() {
            break;
        }
        gloo_timers::future::sleep(retry).await;
        retry = (retry * 2).min(LONGEST_RETRY);
    }
}
