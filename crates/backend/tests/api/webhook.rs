use backend::alcmeon::sign;
use serde_json::json;

use crate::helpers::{ALCMEON_SECRET, SHAPED_SIGNATURE, WEBHOOK_BODY_CAP, spawn_app};

fn notification(id: i64, action_id: i64) -> String {
    json!({ "id": id, "action": {
        "id": action_id, "type": "task-create", "date": "2026-11-24", "time": "08:00:00",
        "account": { "id": 201, "name": "Lumio", "type": "whatsapp" },
        "task": { "conversation_id": 1001, "message": { "content": "forged?", "date": "2026-11-24",
            "time": "08:00:00", "author": { "name": "Someone" } } }
    }})
    .to_string()
}

#[tokio::test]
async fn a_webhook_with_a_bad_or_missing_signature_is_refused_and_stores_nothing() {
    let app = spawn_app(0).await;
    let body = notification(900_001, 900_001);
    let forged = sign("not-the-secret", "/webhooks/alcmeon", body.as_bytes());
    let other_path = sign(ALCMEON_SECRET, "/elsewhere", body.as_bytes());
    for signature in [
        Some(forged.as_str()),
        Some(other_path.as_str()),
        Some("zz"),
        None,
    ] {
        let mut request = app
            .http
            .post(app.url("/webhooks/alcmeon"))
            .body(body.clone());
        if let Some(signature) = signature {
            request = request.header("X-Alcmeon-Webhook-Signature", signature);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 401, "signature {signature:?}");
        let error: serde_json::Value = response.json().await.unwrap();
        assert_eq!(error["code"], "unauthenticated");
    }
    assert!(
        app.health().await["replica"]["latest_action_id"]
            .as_i64()
            .unwrap()
            < 900_001
    );

    let signed = sign(ALCMEON_SECRET, "/webhooks/alcmeon", body.as_bytes());
    let response = app
        .http
        .post(app.url("/webhooks/alcmeon"))
        .header("X-Alcmeon-Webhook-Signature", signed)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(app.health().await["replica"]["latest_action_id"], 900_001);
}

#[tokio::test]
async fn with_a_third_of_webhooks_dropped_every_action_is_still_recovered() {
    let app = spawn_app(33).await;
    let mut last = 0;
    for n in 0..30 {
        last = app
            .customer_writes(1001 + n % 5, &format!("message {n}"))
            .await;
    }
    // One more message after the burst: its notification exposes any gap before it.
    last = last.max(app.customer_writes(1001, "the last one").await);
    let expected = app.emulator_actions().await;
    app.wait_for_replica("actions_read_through", last).await;
    let token = app.session_token();
    let mut replicated = 0;
    for conversation in 1001..=1005 {
        let page: protocol::ThreadPage = app
            .get_thread(conversation, Some(&token))
            .await
            .json()
            .await
            .unwrap();
        replicated += page
            .items
            .iter()
            .filter(|i| i.text.starts_with("message "))
            .count();
    }
    assert_eq!(replicated, 30);
    assert!(expected.len() as i64 >= last);
}

/// A raw HTTP/1.1 post to the webhook: its headers and the first `sent` bytes of its body.
async fn raw_post(
    app: &crate::helpers::TestApp,
    signature: Option<&str>,
    length: u64,
    sent: &[u8],
) -> tokio::net::TcpStream {
    use tokio::io::AsyncWriteExt;
    let addr = app.url("").trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let signature = signature
        .map(|s| format!("X-Alcmeon-Webhook-Signature: {s}\r\n"))
        .unwrap_or_default();
    let head = format!(
        "POST /webhooks/alcmeon HTTP/1.1\r\nHost: backend\r\nContent-Type: application/json\r\n\
         {signature}Content-Length: {length}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(sent).await.unwrap();
    stream
}

/// The status line of the answer, read without sending anything more.
async fn status_line(stream: &mut tokio::net::TcpStream) -> String {
    use tokio::io::AsyncReadExt;
    let mut answer = Vec::new();
    let mut buffer = [0; 1024];
    let read = async {
        while !answer.windows(2).any(|w| w == b"\r\n") {
            let n = stream.read(&mut buffer).await.unwrap();
            assert!(n > 0, "the connection closed without an answer");
            answer.extend_from_slice(&buffer[..n]);
        }
    };
    tokio::time::timeout(std::time::Duration::from_secs(20), read)
        .await
        .expect("answered without the body");
    let text = String::from_utf8_lossy(&answer).into_owned();
    text.lines().next().unwrap().to_owned()
}

#[tokio::test]
async fn an_unsigned_or_oversized_webhook_is_refused_before_its_body_is_read() {
    let app = spawn_app(0).await;
    // 60 MiB announced, none sent: the answer cannot have waited for the body.
    for signature in [None, Some("zz"), Some(&SHAPED_SIGNATURE[1..])] {
        let mut stream = raw_post(&app, signature, 60 * 1024 * 1024, b"").await;
        assert_eq!(
            status_line(&mut stream).await,
            "HTTP/1.1 401 Unauthorized",
            "{signature:?}"
        );
    }
    let mut stream = raw_post(
        &app,
        Some(SHAPED_SIGNATURE),
        (WEBHOOK_BODY_CAP + 1024 * 1024) as u64,
        b"",
    )
    .await;
    assert_eq!(
        status_line(&mut stream).await,
        "HTTP/1.1 413 Payload Too Large"
    );
}

#[tokio::test]
async fn large_webhook_bodies_are_read_two_at_a_time_and_the_rest_wait() {
    let app = spawn_app(0).await;
    let length = 2 * 1024 * 1024;
    let mut first = raw_post(&app, Some(SHAPED_SIGNATURE), length, b"{").await;
    let _second = raw_post(&app, Some(SHAPED_SIGNATURE), length, b"{").await;
    let third = raw_post(&app, Some(SHAPED_SIGNATURE), length, b"{").await;
    app.wait_for_health(|h| {
        h["webhook"]["large_bodies_reading"] == 2 && h["webhook"]["large_bodies_waiting"] == 1
    })
    .await;

    // The first body arrives whole (its signature is wrong): its turn ends and the third's begins.
    use tokio::io::AsyncWriteExt;
    let rest = vec![b' '; usize::try_from(length).unwrap() - 1];
    first.write_all(&rest).await.unwrap();
    assert_eq!(status_line(&mut first).await, "HTTP/1.1 401 Unauthorized");
    app.wait_for_health(|h| {
        h["webhook"]["large_bodies_reading"] == 2 && h["webhook"]["large_bodies_waiting"] == 0
    })
    .await;
    drop(third);
    drop(_second);
    app.wait_for_health(|h| {
        h["webhook"]["large_bodies_reading"] == 0 && h["webhook"]["large_bodies_waiting"] == 0
    })
    .await;
}

/// Posts `body` to the webhook, signed with the right secret.
async fn post_signed(app: &crate::helpers::TestApp, body: &str) -> reqwest::StatusCode {
    let signature = sign(ALCMEON_SECRET, "/webhooks/alcmeon", body.as_bytes());
    app.http
        .post(app.url("/webhooks/alcmeon"))
        .header("X-Alcmeon-Webhook-Signature", signature)
        .body(body.to_owned())
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn a_replayed_webhook_stores_its_action_once_and_a_malformed_one_stores_nothing() {
    let app = spawn_app(0).await;
    app.replica_ready().await;
    let action_id = 900_002;
    for notification_id in [900_002, 900_002, 900_003] {
        let status = post_signed(&app, &notification(notification_id, action_id)).await;
        assert_eq!(status, 200, "notification {notification_id}");
    }
    let page = app.page(1001).await;
    let shown = page
        .items
        .iter()
        .filter(|item| item.id == action_id)
        .count();
    assert_eq!(shown, 1, "the replayed action shows once");

    for malformed in [
        "{\"id\": 900004, \"action\": ".to_owned(),
        json!({ "id": 900_004 }).to_string(),
        json!({ "id": "x", "action": { "id": 900_004 } }).to_string(),
    ] {
        let status = post_signed(&app, &malformed).await;
        assert_eq!(status, 400, "{malformed}");
    }
    assert_eq!(
        app.health().await["replica"]["latest_action_id"],
        action_id,
        "nothing of the malformed bodies was stored"
    );
    assert_eq!(app.page(1001).await.items, page.items);
}
