//! The shared live reads (`live.rs`) through bursts longer than a read and than a window.

use serde_json::json;

use super::test_databases::{TestDatabase, fresh_store};
use super::{Dialect, LiveReader, Store, Wanted};

async fn conversation_store() -> (Store, TestDatabase) {
    let (store, database) = fresh_store(Dialect::Sqlite).await;
    store.start_replica_after(0).await.unwrap();
    let task_create = json!({"id": 1, "type": "task-create", "date": "2026-11-20", "time": "10:00:00",
        "account": {"type": "whatsapp"},
        "task": {"id": 10, "conversation_id": 100,
                 "message": {"content": "hi", "author": {"name": "Léa"}}}});
    store.record_action(&task_create).await.unwrap();
    (store, database)
}

/// Logs `count` agent answers in conversation 100; returns the last event's sequence number.
async fn burst(store: &Store, first_action: i64, count: i64) -> i64 {
    for id in first_action..first_action + count {
        let answer = json!({"id": id, "type": "answer", "date": "2026-11-20", "time": "10:01:00",
            "user": {"id": 7, "name": "Agent"}, "task": {"id": 10, "conversation_id": 100},
            "data": {"answers": [{"content": format!("answer {id}")}]}});
        store.record_action(&answer).await.unwrap();
    }
    store.latest_event_seq().await.unwrap()
}

/// What a stream at `after`, woken by the event `through`, sends until it waits again.
async fn woken(reader: &LiveReader, mut after: i64, through: i64) -> Vec<i64> {
    let mut sent = vec![];
    let mut wanted = Wanted::Through(through);
    loop {
        let read = reader.events_after(after, wanted).await.unwrap();
        sent.extend(read.events.iter().map(|event| event.seq));
        after = sent.last().copied().unwrap_or(after);
        match read.more {
            Some(mark) => wanted = Wanted::ReadSince(mark),
            None => return sent,
        }
    }
}

#[tokio::test]
async fn streams_woken_by_a_burst_longer_than_the_window_get_it_whole_in_order_once() {
    let (store, _database) = conversation_store().await;
    let start = store.latest_event_seq().await.unwrap();
    let first = store.live_reader(100).await.unwrap();
    let second = store.live_reader(100).await.unwrap();
    let last = burst(&store, 2, 300).await;
    let logged: Vec<i64> = store
        .events_after(100, start, 1000)
        .await
        .unwrap()
        .iter()
        .map(|event| event.seq)
        .collect();
    assert_eq!(logged.len(), 300);

    assert_eq!(woken(&first, start, last).await, logged);
    // The window kept only the newest events: the second stream reads the rest itself.
    assert_eq!(woken(&second, start, last).await, logged);
}

#[tokio::test]
async fn streams_at_one_position_share_one_read_and_a_lagged_one_reads_once_more() {
    let (store, _database) = conversation_store().await;
    let start = store.latest_event_seq().await.unwrap();
    let readers = [
        store.live_reader(100).await.unwrap(),
        store.live_reader(100).await.unwrap(),
        store.live_reader(100).await.unwrap(),
    ];
    let last = burst(&store, 2, 3).await;
    let reads = store.live_log_reads();
    for reader in &readers {
        assert_eq!(woken(reader, start, last).await.len(), 3);
    }
    assert_eq!(store.live_log_reads() - reads, 1);

    let lagged_at = readers[0].mark();
    let newest = burst(&store, 5, 1).await;
    let read = readers[0]
        .events_after(last, Wanted::ReadSince(lagged_at))
        .await
        .unwrap();
    let seqs: Vec<i64> = read.events.iter().map(|event| event.seq).collect();
    assert_eq!(
        seqs,
        [newest],
        "a read begun after the lag holds what it missed"
    );
    assert_eq!(store.live_log_reads() - reads, 2);
}
