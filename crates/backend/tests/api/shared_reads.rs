//! The live streams of one conversation share their reads of the event log (`store/live.rs`).

use std::time::Duration;

use futures_util::future::join_all;

use crate::event_stream::{EventStream, wait_for_conversation};
use crate::helpers::{TestApp, spawn_app};

const STREAMS: usize = 30;

/// `count` streams of the conversation, each past its `event: ready` (subscribed and positioned).
async fn open_streams(app: &TestApp, conversation_id: i64, count: usize) -> Vec<EventStream> {
    let streams = join_all((0..count).map(|_| async {
        let mut stream = EventStream::open(app, conversation_id, None).await;
        let ready = stream.next_frame(Duration::from_secs(5)).await.unwrap();
        assert_eq!(ready.event, "ready");
        stream
    }));
    streams.await
}

#[tokio::test]
async fn one_change_reaches_every_stream_of_the_conversation_with_one_read_of_the_log() {
    let app = spawn_app(0).await;
    wait_for_conversation(&app, 1003).await;
    let mut streams = open_streams(&app, 1003, STREAMS).await;
    let reads_before = app.store().live_log_reads();

    app.customer_writes(1003, "to everyone watching").await;
    let items = join_all(
        streams
            .iter_mut()
            .map(|stream| stream.next_item(Duration::from_secs(20))),
    )
    .await;
    for item in items {
        let (_, item) = item.expect("every stream hears the change");
        assert_eq!(item.text, "to everyone watching");
    }
    assert_eq!(
        app.store().live_log_reads() - reads_before,
        1,
        "{STREAMS} streams woken by one change read the log once"
    );
}

/// A stream resuming from far back reads its own backlog, in order and whole, then takes the
/// changes the conversation's other streams share.
#[tokio::test]
async fn a_stream_resuming_from_before_the_shared_reads_still_gets_its_whole_backlog() {
    let app = spawn_app(0).await;
    wait_for_conversation(&app, 1003).await;
    let mut watching = open_streams(&app, 1003, 2).await;
    app.customer_writes(1003, "while others watch").await;
    for stream in &mut watching {
        let (_, item) = stream.next_item(Duration::from_secs(20)).await.unwrap();
        assert_eq!(item.text, "while others watch");
    }

    let mut resuming = EventStream::open(&app, 1003, Some(0)).await;
    let mut backlog = vec![];
    while let Some((id, item)) = resuming.next_item(Duration::from_millis(500)).await {
        backlog.push((id, item.text));
    }
    let ids: Vec<i64> = backlog.iter().map(|(id, _)| *id).collect();
    assert!(
        ids.len() > 1 && ids.windows(2).all(|pair| pair[0] < pair[1]),
        "in order, each once: {backlog:?}"
    );
    assert_eq!(
        backlog.last().map(|(_, text)| text.as_str()),
        Some("while others watch")
    );
    let page = app.page(1003).await;
    assert!(
        page.items
            .iter()
            .all(|item| backlog.iter().any(|(_, text)| *text == item.text)),
        "every item of the thread was in the backlog"
    );

    app.customer_writes(1003, "live for all three").await;
    watching.push(resuming);
    for stream in &mut watching {
        let (id, item) = stream.next_item(Duration::from_secs(20)).await.unwrap();
        assert_eq!(item.text, "live for all three");
        assert!(id > *ids.last().unwrap());
    }
}
