//! `GET /v1/conversations/{id}/events`: the conversation's thread changes as Server-Sent Events.
//!
//! Each event is `event: item`, `id: <seq>`, `data: <ThreadItem JSON>`; an item with an id the
//! widget already shows replaces it. The events table is the truth and the broadcast channel only
//! a wake-up: on connect the stream subscribes first, then reads every logged event after
//! `Last-Event-ID` (none without the header); on each wake-up it reads the log again after the
//! last sequence it sent. So a reconnect misses nothing, nothing is sent twice, and events go out
//! in sequence order even when two writers publish out of order. The newest thread page carries
//! `stream_position`, the log's position read before its items (`store/thread.rs`): the widget
//! opens the stream with `Last-Event-ID` set to it, after the page and without reading the page
//! again, and misses nothing in between (an item in both the page and an event is simply
//! replaced). Without `Last-Event-ID` the stream starts at the conversation's latest change when
//! the response headers are sent. Every stream opens with `event: ready`
//! whose id is the sequence it starts after, so a widget that has not yet received an item still
//! has a position to resume from. The session token comes in the
//! Authorization header (the widget reads the stream with fetch), never in the URL, and the stream
//! ends when that token expires: the widget reconnects with a fresh one and `Last-Event-ID`, so an
//! agent whose access to the record was removed stops receiving within a token's life.
//!
//! The streams of one conversation read the log together (`store/live.rs`): a change wakes them
//! all, and one of them reads the log for every other. One timer per stream serves both the
//! keep-alive comment and the token's expiry.
//!
//! Besides the log, `event: queued` (no id: it is never logged) tells that a reply waits for
//! Alcméon's rate limit and about until when, or that it no longer does (a `QueuedReply`, kept by
//! the outbox in memory): one for each reply queued when the stream opens, then each change. A
//! stream that falls behind those changes ends, and the widget, reconnecting, forgets the ones it
//! had and hears the current ones again.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, Sse};
use futures_util::Stream;
use protocol::{ApiError, QueuedReply};
use tokio::sync::broadcast::{self, error::RecvError};
use tokio::time::Instant;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::conversations::not_found;
use super::grant::Granted;
use super::{AppError, AppState};
use crate::store::{LiveReader, StoreError, ThreadEvent, Wanted};

/// The longest a stream stays silent: then it sends a comment, so that proxies keep it open.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(stream))
}

/// The conversation's thread changes as Server-Sent Events: first `event: ready` (its id is the
/// position the stream starts after), then `event: item` with a `ThreadItem` as JSON data, under
/// increasing ids, and `event: queued` (no id) with a `QueuedReply` for each reply waiting for
/// Alcméon's rate limit (when the stream opens, and on each change). Send `Last-Event-ID` to
/// resume after an event, or to start after the `stream_position` of the thread page just read.
#[utoipa::path(
    get,
    path = "/v1/conversations/{conversation_id}/events",
    operation_id = "streamEvents",
    tag = "conversations",
    params(
        ("conversation_id" = i64, Path, description = "Alcméon's conversation id"),
        ("Last-Event-ID" = Option<i64>, Header, description = "Resume after this event id (or a thread page's `stream_position`)"),
    ),
    security(("session" = [])),
    responses(
        (status = 200, description = "A stream of `ready` then `item` events (each item's data is a ThreadItem) and `queued` events (a QueuedReply)", content_type = "text/event-stream", body = String),
        (status = 400, description = "A malformed conversation id", body = ApiError),
        (status = 401, description = "No valid session token", body = ApiError),
        (status = 403, description = "The session token's record does not name this conversation", body = ApiError),
        (status = 404, description = "The backend does not know the conversation", body = ApiError),
    )
)]
pub async fn stream(
    State(state): State<AppState>,
    Granted {
        agent,
        conversation_id,
    }: Granted,
    headers: HeaderMap,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    if state.store.conversation(conversation_id).await?.is_none() {
        return Err(not_found(conversation_id));
    }
    let last_event_id = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok());
    let live = state.store.subscribe();
    let queued_changes = state.outbox.subscribe_queued();
    let reader = state.store.live_reader(conversation_id).await?;
    let now = Instant::now();
    let mut cursor = Cursor {
        live,
        reader,
        conversation_id,
        last_seq: 0,
        ready: false,
        pending: VecDeque::new(),
        wanted: None,
        queued_changes,
        queued: state.outbox.queued_replies(conversation_id).into(),
        keep_alive_at: now + KEEP_ALIVE,
        expires_at: now + agent.expires_in(),
    };
    match last_event_id {
        Some(seq) => {
            cursor.last_seq = seq;
            let backlog = cursor.reader.backlog(seq).await?;
            cursor.wanted = backlog.more.map(Wanted::ReadSince);
            cursor.pending.extend(backlog.events);
        }
        None => cursor.last_seq = state.store.last_event_seq(conversation_id).await?,
    }
    let events = futures_util::stream::unfold(cursor, |mut cursor| async move {
        let sse = cursor.next().await?;
        let sse = sse.unwrap_or_else(|_| Event::default().comment("unserialisable item"));
        Some((Ok(sse), cursor))
    });
    Ok(Sse::new(events))
}

struct Cursor {
    live: broadcast::Receiver<ThreadEvent>,
    reader: LiveReader,
    conversation_id: i64,
    last_seq: i64,
    /// `event: ready` went out.
    ready: bool,
    pending: VecDeque<Arc<ThreadEvent>>,
    /// Logged events to read before waiting again.
    wanted: Option<Wanted>,
    /// Every conversation's queued replies as they change (`outbox/queued.rs`).
    queued_changes: broadcast::Receiver<(i64, QueuedReply)>,
    /// This conversation's queued replies to tell.
    queued: VecDeque<QueuedReply>,
    keep_alive_at: Instant,
    /// When the session token expires, and the stream with it.
    expires_at: Instant,
}

impl Cursor {
    /// The next event to send (`Err` if it could not be written); `None` ends the stream (the
    /// widget reconnects).
    async fn next(&mut self) -> Option<Result<Event, axum::Error>> {
        let event = self.next_event().await?;
        self.keep_alive_at = Instant::now() + KEEP_ALIVE;
        Some(event)
    }

    async fn next_event(&mut self) -> Option<Result<Event, axum::Error>> {
        if !self.ready {
            self.ready = true;
            let ready = Event::default().event("ready");
            return Some(Ok(ready.id(self.last_seq.to_string()).data("{}")));
        }
        loop {
            if let Some(reply) = self.queued.pop_front() {
                return Some(Event::default().event("queued").json_data(&reply));
            }
            if let Some(event) = self.pending.pop_front() {
                self.last_seq = event.seq;
                let sse = Event::default().event("item").id(event.seq.to_string());
                return Some(sse.json_data(&event.item));
            }
            if let Some(wanted) = self.wanted.take() {
                // Boxed: an idle stream keeps only the small future of its wait.
                if let Err(error) = Box::pin(self.read_log(wanted)).await {
                    tracing::warn!(%error, "event stream stopped");
                    return None;
                }
                continue;
            }
            let now = Instant::now();
            if now >= self.expires_at {
                return None;
            }
            if now >= self.keep_alive_at {
                return Some(Ok(Event::DEFAULT_KEEP_ALIVE));
            }
            tokio::select! {
                logged = self.live.recv() => match logged {
                    Ok(event) if event.conversation_id != self.conversation_id => {}
                    Ok(event) => self.wanted = Some(Wanted::Through(event.seq)),
                    Err(RecvError::Lagged(_)) => {
                        self.wanted = Some(Wanted::ReadSince(self.reader.mark()));
                    }
                    Err(RecvError::Closed) => return None,
                },
                queued = self.queued_changes.recv() => match queued {
                    Ok((conversation_id, reply)) if conversation_id == self.conversation_id => {
                        self.queued.push_back(reply);
                    }
                    Ok(_) => {}
                    // A removal missed is a notice the widget would keep: it reconnects instead.
                    Err(_) => return None,
                },
                () = tokio::time::sleep_until(self.keep_alive_at.min(self.expires_at)) => {}
            }
        }
    }

    async fn read_log(&mut self, wanted: Wanted) -> Result<(), StoreError> {
        let after = self.pending.back().map_or(self.last_seq, |e| e.seq);
        let read = self.reader.events_after(after, wanted).await?;
        self.wanted = read.more.map(Wanted::ReadSince);
        self.pending.extend(read.events);
        Ok(())
    }
}
