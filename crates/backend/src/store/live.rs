//! One read of the event log per conversation per change, shared by the live streams watching it.
//!
//! Each watched conversation has a window: the newest events of its log read so far (at most
//! [`WINDOW`]), every event after `from` up to the window's last, as the log was at its last read.
//! A stream woken by an event asks for the events after its own position; when the window already
//! reaches that event it is served from the window, otherwise it reads the log after the window's
//! last event, under the window's lock, so the other streams woken by the same event wait for that
//! one read and are served from it. A stream resuming from `Last-Event-ID`, or behind the window
//! (too slow), reads its own backlog from the log.
//!
//! Invariants: the log is appended in sequence order (the store's writers commit one at a time),
//! so a read that reaches event `s` holds every earlier event of the conversation; a stream is only
//! served from a window whose `from` is at or before its position, so it misses nothing; a stream
//! that cannot name the event it waits for (it lagged behind the wake-ups, or its last read was
//! a full batch) asks for a read begun after a [`Mark`] it took, so nothing committed before that
//! is missed. The window is forgotten when its last stream ends.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};

use super::{Store, StoreError, ThreadEvent};

/// The most events one read of the log returns.
const READ_BATCH: u32 = 128;
/// The most events a window keeps: two reads' worth, for streams a read behind.
const WINDOW: usize = 2 * READ_BATCH as usize;

/// The windows of the conversations watched on this instance.
#[derive(Default)]
pub(super) struct Windows {
    open: Mutex<HashMap<i64, Weak<Window>>>,
    log_reads: AtomicU64,
}

struct Window {
    conversation_id: i64,
    /// Reads of the log begun for this window, counted under its write lock as each starts.
    reads_begun: AtomicU64,
    events: tokio::sync::RwLock<Events>,
}

struct Events {
    /// Every event of the conversation after `from` (as of the last read) is in `newest`.
    from: i64,
    newest: VecDeque<Arc<ThreadEvent>>,
    /// The last read returned a full batch: more may follow the window's last event.
    full: bool,
    /// The number of the last read that succeeded (`Window::reads_begun` when it began).
    read: u64,
}

impl Events {
    fn last_seq(&self) -> i64 {
        self.newest.back().map_or(self.from, |event| event.seq)
    }

    fn reached(&self, wanted: Wanted) -> bool {
        match wanted {
            Wanted::Through(seq) => self.last_seq() >= seq,
            Wanted::ReadSince(Mark(mark)) => self.read > mark,
        }
    }

    fn after(&self, seq: i64) -> Vec<Arc<ThreadEvent>> {
        let first = self.newest.partition_point(|event| event.seq <= seq);
        self.newest.range(first..).cloned().collect()
    }

    fn append(&mut self, events: Vec<ThreadEvent>) {
        self.newest.extend(events.into_iter().map(Arc::new));
        while self.newest.len() > WINDOW {
            if let Some(dropped) = self.newest.pop_front() {
                self.from = dropped.seq;
            }
        }
    }
}

/// Where a window's reads stood: a read begun after it sees everything committed before it.
#[derive(Debug, Clone, Copy)]
pub struct Mark(u64);

/// What a stream waits for.
#[derive(Debug, Clone, Copy)]
pub enum Wanted {
    /// The event with this sequence number woke it.
    Through(i64),
    /// Whatever the log holds now: a read begun after the mark.
    ReadSince(Mark),
}

/// Events for one stream, oldest first.
pub struct LiveEvents {
    pub events: Vec<Arc<ThreadEvent>>,
    /// More may be logged after them: ask again with [`Wanted::ReadSince`] this mark.
    pub more: Option<Mark>,
}

/// One stream's access to its conversation's window.
pub struct LiveReader {
    store: Store,
    window: Arc<Window>,
}

impl Store {
    /// A reader of the conversation's log for one live stream, sharing its reads with the
    /// conversation's other streams on this instance.
    pub async fn live_reader(&self, conversation_id: i64) -> Result<LiveReader, StoreError> {
        let window = {
            let mut open = self.live.open.lock().expect("live windows lock");
            match open.get(&conversation_id).and_then(Weak::upgrade) {
                Some(window) => window,
                None => {
                    let window = Arc::new(Window {
                        conversation_id,
                        reads_begun: AtomicU64::new(0),
                        // Until its first read, the window serves no one.
                        events: tokio::sync::RwLock::new(Events {
                            from: i64::MAX,
                            newest: VecDeque::new(),
                            full: false,
                            read: 0,
                        }),
                    });
                    open.insert(conversation_id, Arc::downgrade(&window));
                    window
                }
            }
        };
        let reader = LiveReader {
            store: self.clone(),
            window,
        };
        let mut events = reader.window.events.write().await;
        if events.from == i64::MAX {
            let begun = reader.window.reads_begun.fetch_add(1, Ordering::SeqCst) + 1;
            self.live.log_reads.fetch_add(1, Ordering::Relaxed);
            events.from = self.last_event_seq(conversation_id).await?;
            events.read = begun;
        }
        drop(events);
        Ok(reader)
    }

    /// How many times live streams read the event log on this instance (their windows' reads
    /// and their own backlogs).
    pub fn live_log_reads(&self) -> u64 {
        self.live.log_reads.load(Ordering::Relaxed)
    }
}

impl LiveReader {
    pub fn mark(&self) -> Mark {
        Mark(self.window.reads_begun.load(Ordering::SeqCst))
    }

    /// The conversation's events after `seq`, including what `wanted` says is logged.
    pub async fn events_after(&self, seq: i64, wanted: Wanted) -> Result<LiveEvents, StoreError> {
        {
            // Streams woken together are served together; only a read takes the window alone.
            let events = self.window.events.read().await;
            if seq >= events.from && events.reached(wanted) {
                return Ok(self.serve(&events, seq));
            }
        }
        let mut events = self.window.events.write().await;
        if seq >= events.from && !events.reached(wanted) {
            let begun = self.window.reads_begun.fetch_add(1, Ordering::SeqCst) + 1;
            let read = self.read_log(events.last_seq()).await?;
            events.full = read.len() == READ_BATCH as usize;
            events.read = begun;
            events.append(read);
        }
        if seq < events.from {
            drop(events);
            return self.backlog(seq).await;
        }
        Ok(self.serve(&events, seq))
    }

    /// The conversation's events after `seq` as the log holds them now, read for this stream
    /// alone: a resuming stream's backlog (the window may still hold events the log has pruned).
    pub async fn backlog(&self, seq: i64) -> Result<LiveEvents, StoreError> {
        let read = self.read_log(seq).await?;
        let more = (read.len() == READ_BATCH as usize).then(|| self.mark());
        let events = read.into_iter().map(Arc::new).collect();
        Ok(LiveEvents { events, more })
    }

    fn serve(&self, events: &Events, seq: i64) -> LiveEvents {
        LiveEvents {
            events: events.after(seq),
            more: events.full.then(|| self.mark()),
        }
    }

    async fn read_log(&self, after: i64) -> Result<Vec<ThreadEvent>, StoreError> {
        self.store.live.log_reads.fetch_add(1, Ordering::Relaxed);
        let conversation_id = self.window.conversation_id;
        self.store
            .events_after(conversation_id, after, READ_BATCH)
            .await
    }
}

impl Drop for LiveReader {
    fn drop(&mut self) {
        let mut open = self.store.live.open.lock().expect("live windows lock");
        // Windows are only shared under this lock: the last reader alone sees one reference.
        if Arc::strong_count(&self.window) == 1 {
            open.remove(&self.window.conversation_id);
        }
    }
}
