use std::time::Duration;

use protocol::{Delivery, FailureCode, ItemKind, ThreadPage};
use serde_json::json;

use crate::event_stream::{EventStream, wait_for_conversation};
use crate::helpers::{ORG_ID, Options, SESSION_SECRET, mint, spawn_app, spawn_app_with};

#[tokio::test]
async fn a_customer_message_arrives_as_an_event_and_a_reconnect_replays_exactly_the_missed_ones() {
    let app = spawn_app(0).await;
    wait_for_conversation(&app, 1003).await;
    let mut stream = EventStream::open(&app, 1003, None).await;
    app.customer_writes(1003, "first live message").await;
    let (first_id, item) = loop {
        let (id, item) = stream.next_item(Duration::from_secs(20)).await.unwrap();
        if item.text == "first live message" {
            break (id, item);
        }
    };
    assert_eq!(item.kind, protocol::ItemKind::Inbound);
    drop(stream);

    // While the widget is offline, two messages arrive here and one elsewhere.
    app.customer_writes(1003, "missed one").await;
    app.customer_writes(1001, "another conversation").await;
    let last = app.customer_writes(1003, "missed two").await;
    app.wait_for_replica("latest_action_id", last).await;

    let mut stream = EventStream::open(&app, 1003, Some(first_id)).await;
    let (a, one) = stream.next_item(Duration::from_secs(5)).await.unwrap();
    let (b, two) = stream.next_item(Duration::from_secs(5)).await.unwrap();
    assert_eq!(
        (one.text.as_str(), two.text.as_str()),
        ("missed one", "missed two")
    );
    assert!(first_id < a && a < b);
    assert!(
        stream.next_item(Duration::from_millis(500)).await.is_none(),
        "nothing else was missed"
    );
    app.customer_writes(1003, "live again").await;
    let (c, three) = stream.next_item(Duration::from_secs(5)).await.unwrap();
    assert_eq!(three.text, "live again");
    assert!(c > b);
}

/// An agent whose access to the record is removed gets no token from Apex: the stream they hold
/// ends with the token they have, and the widget's reconnect needs a fresh one.
#[tokio::test]
async fn a_stream_ends_when_its_session_token_expires() {
    let app = spawn_app(0).await;
    wait_for_conversation(&app, 1003).await;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let expiring = mint(
        SESSION_SECRET,
        json!({ "org": ORG_ID, "aud": app.audience(), "iat": now, "exp": now + 2 }),
    );
    let mut stream = EventStream::open_with(&app, &expiring, 1003, None).await;
    let ready = stream.next_frame(Duration::from_secs(5)).await.unwrap();
    assert_eq!(ready.event, "ready");

    // Keep-alives come every 15 s: the body ends long before a reader would see one unless the
    // stream is cut at the token's expiry.
    let ended = tokio::time::timeout(Duration::from_secs(12), async {
        while stream.response.chunk().await.unwrap().is_some() {}
    })
    .await;
    assert!(ended.is_ok(), "the stream outlived its token");

    let written = app.customer_writes(1003, "after the token expired").await;
    app.wait_for_replica("latest_action_id", written).await;
    let start = ready.id.unwrap().parse().unwrap();
    let mut resumed = EventStream::open(&app, 1003, Some(start)).await;
    let (_, item) = resumed.next_item(Duration::from_secs(5)).await.unwrap();
    assert_eq!(
        item.text, "after the token expired",
        "a fresh token resumes"
    );
}

#[tokio::test]
async fn a_stream_first_tells_where_it_starts_so_a_widget_that_saw_no_item_can_resume() {
    let app = spawn_app(0).await;
    wait_for_conversation(&app, 1003).await;
    let mut stream = EventStream::open(&app, 1003, None).await;
    let ready = stream.next_frame(Duration::from_secs(5)).await.unwrap();
    assert_eq!(ready.event, "ready", "the first event");
    let start: i64 = ready.id.expect("ready carries an id").parse().unwrap();
    drop(stream);

    let last = app
        .customer_writes(1003, "written before any item was seen")
        .await;
    app.wait_for_replica("latest_action_id", last).await;
    let mut stream = EventStream::open(&app, 1003, Some(start)).await;
    let (_, item) = stream.next_item(Duration::from_secs(5)).await.unwrap();
    assert_eq!(item.text, "written before any item was seen");
}

/// The widget reads the newest page, then opens the stream at the page's `stream_position`
/// without reading the page again: a change committed in between comes by the stream, and
/// nothing the page already reflects comes again.
#[tokio::test]
async fn a_change_between_the_page_and_the_stream_comes_from_the_pages_stream_position() {
    let app = spawn_app(0).await;
    wait_for_conversation(&app, 1003).await;
    let page = app.page(1003).await;
    let position = page
        .stream_position
        .expect("the newest page tells its stream position");
    let text = "written after the page was read";
    let last = app.customer_writes(1003, text).await;
    app.wait_for_replica("latest_action_id", last).await;
    assert!(page.items.iter().all(|item| item.text != text));

    let mut stream = EventStream::open(&app, 1003, Some(position)).await;
    let (id, item) = stream
        .next_item(Duration::from_secs(5))
        .await
        .expect("the change made between the page and the stream is streamed");
    assert_eq!(item.text, text, "the first event is that change");
    assert!(id > position);
    assert!(
        stream.next_item(Duration::from_millis(500)).await.is_none(),
        "nothing else is sent"
    );

    let before = page.items.last().unwrap().id;
    let older: ThreadPage = app
        .thread_page(1003, &format!("?before={before}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(older.stream_position, None, "an older page has no position");
}

#[tokio::test]
async fn a_replys_delivery_changes_are_pushed_until_it_is_sent() {
    let app = spawn_app(0).await;
    wait_for_conversation(&app, 1002).await;
    let mut stream = EventStream::open(&app, 1002, None).await;
    let response = app
        .http
        .post(app.url("/v1/conversations/1002/replies"))
        .bearer_auth(app.session_token())
        .json(&json!({"client_id": "live-1", "text": "On its way"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let deliveries = stream
        .deliveries_until_sent("live-1", "the reply's delivery is pushed")
        .await;
    assert_eq!(deliveries.first(), Some(&Delivery::Sending));
}

#[tokio::test]
async fn the_event_stream_requires_a_session_in_the_header_and_a_known_conversation() {
    let app = spawn_app(0).await;
    let anonymous = app
        .http
        .get(app.url("/v1/conversations/1001/events"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    let unknown = app
        .http
        .get(app.url("/v1/conversations/424242/events"))
        .bearer_auth(app.token_for(424242))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 404);
}

#[tokio::test]
async fn older_pages_walk_back_through_the_whole_thread_without_gaps_or_overlaps() {
    let app = spawn_app(0).await;
    let opened: serde_json::Value = app
        .http
        .post(format!(
            "{}/_emulator/conversations",
            app.emulator.base_url()
        ))
        .json(&json!({"channel": "whatsapp", "customer_name": "Paged", "messages": 120}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let conversation = opened["conversation_id"].as_i64().unwrap();
    let highest = app.emulator_highest_action_id().await;
    app.wait_for_replica("latest_action_id", highest).await;

    let mut page: ThreadPage = app
        .thread_page(conversation, "")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page.items.len(), 50);
    let mut seen = page.items.clone();
    while page.has_older {
        let before = page.items[0].id;
        page = app
            .thread_page(conversation, &format!("?before={before}&limit=50"))
            .await
            .json()
            .await
            .unwrap();
        assert!(page.items.iter().all(|i| i.id < before));
        seen.splice(0..0, page.items.clone());
    }
    assert_eq!(seen.len(), 120);
    assert!(seen.windows(2).all(|w| w[0].id < w[1].id));
    assert_eq!(seen[0].text, "Message 1 of 120");

    let all: ThreadPage = app
        .thread_page(conversation, "?limit=120")
        .await
        .json()
        .await
        .unwrap();
    assert!(
        !all.has_older,
        "a first page holding everything has nothing older"
    );
    let short: ThreadPage = app
        .thread_page(conversation, "?limit=119")
        .await
        .json()
        .await
        .unwrap();
    assert!(short.has_older);
    for bad in ["?limit=0", "?limit=201", "?before=abc"] {
        let response = app.thread_page(conversation, bad).await;
        assert_eq!(response.status(), 400, "{bad}");
        let error: serde_json::Value = response.json().await.unwrap();
        assert_eq!(error["code"], "bad_request");
    }
    for bad in [
        "/v1/conversations/abc/thread",
        "/v1/conversations/abc/events",
    ] {
        let response = app
            .http
            .get(app.url(bad))
            .bearer_auth(app.session_token())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "{bad}");
        let error: serde_json::Value = response.json().await.unwrap();
        assert_eq!(error["code"], "bad_request");
    }
}

#[tokio::test]
async fn changes_older_than_the_retention_are_forgotten_and_recent_ones_still_replayed() {
    let app = spawn_app_with(Options {
        event_retention: Duration::from_secs(4),
        ..Options::default()
    })
    .await;
    app.replica_ready().await;
    let mut replay = EventStream::open(&app, 1003, Some(0)).await;
    let (seeded, _) = replay
        .next_item(Duration::from_secs(1))
        .await
        .expect("the seeded messages were logged");
    drop(replay);

    app.wait_for_health(|health| {
        health["events"]["oldest_seq"]
            .as_i64()
            .is_none_or(|oldest| oldest > seeded)
    })
    .await;
    let recent = app
        .customer_writes(1003, "written after the others expired")
        .await;
    app.wait_for_replica("latest_action_id", recent).await;
    let mut replay = EventStream::open(&app, 1003, Some(0)).await;
    let (_, item) = replay.next_item(Duration::from_secs(2)).await.unwrap();
    assert_eq!(
        item.text, "written after the others expired",
        "the expired changes are gone: the replay starts with the recent one"
    );
}

#[tokio::test]
async fn answers_written_in_alcmeon_tell_their_delivery_on_the_page_and_the_stream() {
    let app = spawn_app(0).await;
    app.replica_ready().await;
    let page = app.page(1002).await;
    let lyon: Vec<_> = page
        .items
        .iter()
        .filter(|item| item.text.starts_with("Hi Jonas! The Lyon store"))
        .map(|item| (item.client_id.clone(), item.delivery.clone()))
        .collect();
    assert_eq!(
        lyon,
        [
            (
                None,
                Some(Delivery::Failed {
                    code: FailureCode::ChannelRefused,
                    detail: None,
                })
            ),
            (None, Some(Delivery::Sent)),
        ],
        "seeded: Emma's first answer failed, the copy she resent was delivered"
    );
    for item in &page.items {
        assert_eq!(
            item.delivery.is_some(),
            item.kind == ItemKind::Outbound,
            "{item:?}"
        );
    }

    let mut stream = EventStream::open(&app, 1003, None).await;
    let answer = app
        .emulator_control(
            "/conversations/1003/agent-replies",
            json!({"text": "Emma here, the parcel left today",
                   "agent_email": "emma.schmidt@example.com"}),
        )
        .await["answer_action_id"]
        .as_i64()
        .unwrap();
    let mut deliveries = vec![];
    while deliveries.last() != Some(&Delivery::Sent) {
        let (_, item) = stream
            .next_item(Duration::from_secs(20))
            .await
            .expect("the answer's delivery is pushed");
        if item.id == answer {
            deliveries.push(item.delivery.clone().unwrap());
        }
    }
    // Webhooks may bring the `execute-answer` before its `answer`: then the answer comes sent.
    assert!(
        deliveries[..deliveries.len() - 1]
            .iter()
            .all(|delivery| *delivery == Delivery::Sending)
    );
    let theirs = app.wait_for_item(1003, |item| item.id == answer).await;
    assert_eq!(theirs.delivery, Some(Delivery::Sent));
}
