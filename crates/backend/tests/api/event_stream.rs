//! The backend's event streams read over real HTTP, as the widget reads them with fetch (shared by
//! the API tests and the fault suite).

use std::time::Duration;

use protocol::{Delivery, ThreadItem};

use crate::helpers::TestApp;

/// A conversation's event stream read over real HTTP, as the widget reads it with fetch.
pub struct EventStream {
    pub response: reqwest::Response,
    buffer: String,
}

impl EventStream {
    pub async fn open(app: &TestApp, conversation_id: i64, last_event_id: Option<i64>) -> Self {
        Self::open_with(app, &app.session_token(), conversation_id, last_event_id).await
    }

    pub async fn open_with(
        app: &TestApp,
        token: &str,
        conversation_id: i64,
        last_event_id: Option<i64>,
    ) -> Self {
        Self::open_on(app, &app.url(""), token, conversation_id, last_event_id).await
    }

    /// As [`Self::open_with`], on the backend instance at `base_url`.
    pub async fn open_on(
        app: &TestApp,
        base_url: &str,
        token: &str,
        conversation_id: i64,
        last_event_id: Option<i64>,
    ) -> Self {
        let url = format!("{base_url}/v1/conversations/{conversation_id}/events");
        Self::open_url(app, &url, token, last_event_id).await
    }

    /// Any of the backend's event streams, at `url`.
    pub async fn open_url(
        app: &TestApp,
        url: &str,
        token: &str,
        last_event_id: Option<i64>,
    ) -> Self {
        let mut request = app.http.get(url).bearer_auth(token);
        if let Some(id) = last_event_id {
            request = request.header("Last-Event-ID", id.to_string());
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 200);
        let content_type = response.headers()["content-type"].to_str().unwrap();
        assert!(
            content_type.starts_with("text/event-stream"),
            "{content_type}"
        );
        Self {
            response,
            buffer: String::new(),
        }
    }

    /// The deliveries the reply with `client_id` goes through on this stream, until it is sent
    /// (each wait for its next change 20 s at most); `what` names it in a failure.
    pub async fn deliveries_until_sent(&mut self, client_id: &str, what: &str) -> Vec<Delivery> {
        let mut deliveries = vec![];
        while deliveries.last() != Some(&Delivery::Sent) {
            let (_, item) = self
                .next_item(Duration::from_secs(20))
                .await
                .unwrap_or_else(|| panic!("{what}"));
            if item.client_id.as_deref() == Some(client_id) {
                deliveries.push(item.delivery.clone().unwrap());
            }
        }
        deliveries
    }

    /// The next `item` event (its id and item), or `None` when none comes within `wait`.
    pub async fn next_item(&mut self, wait: Duration) -> Option<(i64, ThreadItem)> {
        loop {
            let frame = self.next_frame(wait).await?;
            if frame.event == "item" {
                let item = serde_json::from_str(&frame.data).unwrap();
                return Some((frame.id.unwrap().parse().unwrap(), item));
            }
        }
    }

    /// The next event of any kind (keep-alive comments skipped).
    pub async fn next_frame(&mut self, wait: Duration) -> Option<Frame> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let frame: String = self.buffer.drain(..end + 2).collect();
                let field = |name: &str| {
                    frame
                        .lines()
                        .find_map(|line| line.strip_prefix(name))
                        .map(|v| v.trim_start().to_owned())
                };
                let Some(event) = field("event:") else {
                    continue;
                };
                return Some(Frame {
                    event,
                    id: field("id:"),
                    data: field("data:").unwrap_or_default(),
                });
            }
            let chunk = tokio::time::timeout_at(deadline, self.response.chunk())
                .await
                .ok()?
                .unwrap()?;
            self.buffer.push_str(&String::from_utf8_lossy(&chunk));
        }
    }
}

pub struct Frame {
    pub event: String,
    pub id: Option<String>,
    pub data: String,
}

/// Waits until the replica holds the conversation and every action the emulator held at the
/// start, so no seeded event is still to come when a test opens its stream.
pub async fn wait_for_conversation(app: &TestApp, conversation_id: i64) {
    app.replica_ready().await;
    for _ in 0..300 {
        if app.thread_page(conversation_id, "").await.status() == 200 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("conversation {conversation_id} never reached the replica");
}
