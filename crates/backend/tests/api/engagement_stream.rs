//! The engagement's live page (`GET /v1/engagement/events`) through the demo's story: Camille is
//! sent the order update, she answers (the emulator's control), and the stream carries the page
//! with the send, then with the conversation her answer opened, whose thread the engagement
//! token then reads. The link waits for a conversation begun after the send, within the window.

use std::time::Duration;

use protocol::{EngagementPage, SendState};
use serde_json::json;

use crate::engagement::{CAMILLE, engagement_token, order_update, page, ready, sent, with_consent};
use crate::engagement_access::camille_answers;
use crate::event_stream::EventStream;
use crate::helpers::{ORG_ID, Options, SESSION_SECRET, TestApp, mint, spawn_app_with};

const LONG: Duration = Duration::from_secs(30);

/// The engagement stream read over real HTTP, as the widget reads it with fetch.
struct PageStream(EventStream);

impl PageStream {
    async fn open(app: &TestApp, token: &str) -> Self {
        let url = app.url("/v1/engagement/events");
        Self(EventStream::open_url(app, &url, token, None).await)
    }

    /// The next event's name and data; `None` when the stream ends (or nothing comes for `wait`).
    async fn next(&mut self, wait: Duration) -> Option<(String, String)> {
        let frame = self.0.next_frame(wait).await?;
        Some((frame.event, frame.data))
    }

    /// The next page `wanted` accepts.
    async fn page_where(&mut self, wanted: impl Fn(&EngagementPage) -> bool) -> EngagementPage {
        loop {
            let (event, data) = self.next(LONG).await.expect("the stream goes on");
            assert_eq!(event, "engagement");
            let page: EngagementPage = serde_json::from_str(&data).unwrap();
            if wanted(&page) {
                return page;
            }
        }
    }
}

#[tokio::test]
async fn the_stream_carries_the_send_and_then_the_conversation_the_answer_opened() {
    let app = spawn_app_with(with_consent()).await;
    ready(&app).await;
    let token = engagement_token(&app, CAMILLE, "201", json!({}));
    let mut stream = PageStream::open(&app, &token).await;
    assert_eq!(stream.next(LONG).await.unwrap().0, "ready");
    let first = stream.page_where(|_| true).await;
    assert_eq!((first.send.as_ref(), first.conversation_id), (None, None));

    let opened = camille_answers(&app, &token).await;
    let sent_page = stream
        .page_where(|p| p.send.as_ref().is_some_and(|s| s.state == SendState::Sent))
        .await;
    assert_eq!(
        sent_page.blocked,
        Some(protocol::EngagementBlock::AlreadySent)
    );
    let linked = stream.page_where(|p| p.conversation_id.is_some()).await;
    assert_eq!(linked.conversation_id, Some(opened));
    assert_eq!(page(&app, &token).await.conversation_id, Some(opened));

    let thread = app.get_thread(opened, Some(&token)).await;
    assert_eq!(thread.status(), 200);
    let thread: protocol::ThreadPage = thread.json().await.unwrap();
    assert!(
        thread
            .items
            .iter()
            .any(|i| i.text == "Yes, what about my order?"),
        "{:?}",
        thread.items
    );
}

#[tokio::test]
async fn a_conversation_begun_before_the_send_or_after_the_window_is_not_linked() {
    // A one-second window: Amélie's conversation 1001 began long before, and an answer after the
    // window opens a conversation the engagement does not take.
    let app = spawn_app_with(Options {
        link_window: Duration::from_secs(1),
        ..with_consent()
    })
    .await;
    ready(&app).await;
    let token = engagement_token(&app, CAMILLE, "201", json!({}));
    let send = sent(&app, &token, &order_update("late-1")).await;
    let mut stream = PageStream::open(&app, &token).await;
    assert_eq!(stream.next(LONG).await.unwrap().0, "ready");
    let first = stream.page_where(|_| true).await;
    assert_eq!(first.send.unwrap().state, SendState::Sent);
    // Past the window by the emulator's clock (its messages are dated to the second).
    let sent_at = send.sent_at_ms.unwrap();
    while chrono::Utc::now().timestamp_millis() < sent_at + 2_100 {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let message_id = send.message_id.unwrap();
    let answer = app
        .emulator_control(
            &format!("/engagements/{message_id}/answer"),
            json!({"text": "Late answer"}),
        )
        .await;
    app.wait_for_replica("latest_action_id", answer["action_id"].as_i64().unwrap())
        .await;
    assert!(
        stream.next(Duration::from_millis(500)).await.is_none(),
        "no new page: nothing was linked"
    );
    assert_eq!(page(&app, &token).await.conversation_id, None);
}

#[tokio::test]
async fn the_stream_ends_when_the_token_expires() {
    let app = spawn_app_with(with_consent()).await;
    ready(&app).await;
    let now = chrono::Utc::now().timestamp() as u64;
    let short = mint(
        SESSION_SECRET,
        json!({"org": ORG_ID, "aud": app.audience(), "convs": [], "iat": now, "exp": now + 2,
               "eng": {"id": crate::engagement::RECORD, "to": CAMILLE, "from": "201"}}),
    );
    let mut stream = PageStream::open(&app, &short).await;
    assert_eq!(stream.next(LONG).await.unwrap().0, "ready");
    assert_eq!(stream.next(LONG).await.unwrap().0, "engagement");
    let started = std::time::Instant::now();
    assert!(stream.next(LONG).await.is_none());
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "it ended, not timed out"
    );
}
