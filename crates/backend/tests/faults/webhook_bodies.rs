//! Webhook bodies a sender could get wrong or forge, beyond what `tests/api/webhook.rs` covers
//! (bad and missing signatures, three malformed bodies, a replay one after the other, a length
//! over the cap announced before the body): a body that grows past the cap without announcing
//! its length, refused as it arrives; and bodies of 5 MB (a photo inline, well within the 64 MiB
//! cap, which Alcméon's 10 MiB attachments need) forged, malformed, or genuine and delivered
//! several times at once → refused, or stored once.

use std::time::{Duration, Instant};

use backend::alcmeon::sign;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::helpers::{ALCMEON_SECRET, SHAPED_SIGNATURE, TestApp, WEBHOOK_BODY_CAP, spawn_app};

const PATH: &str = "/webhooks/alcmeon";

async fn latest_action_id(app: &TestApp) -> i64 {
    app.health().await["replica"]["latest_action_id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn a_body_growing_past_the_cap_without_a_length_is_refused_as_it_arrives_and_stores_nothing()
{
    let app = spawn_app(0).await;
    app.replica_ready().await;
    let before = latest_action_id(&app).await;
    let addr = app.url("").trim_start_matches("http://").to_owned();
    let stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let (mut reader, mut writer) = stream.into_split();
    let head = format!(
        "POST {PATH} HTTP/1.1\r\nHost: backend\r\nContent-Type: application/json\r\n\
         X-Alcmeon-Webhook-Signature: {SHAPED_SIGNATURE}\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    let started = Instant::now();
    // Chunks of a megabyte, up to twice the cap, until the backend answers or hangs up.
    let sender = tokio::spawn(async move {
        writer.write_all(head.as_bytes()).await?;
        let chunk = vec![b' '; 1024 * 1024];
        let mut sent = 0;
        while sent < 2 * WEBHOOK_BODY_CAP {
            writer
                .write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
                .await?;
            writer.write_all(&chunk).await?;
            writer.write_all(b"\r\n").await?;
            sent += chunk.len();
        }
        writer.write_all(b"0\r\n\r\n").await?;
        Ok::<usize, std::io::Error>(sent)
    });
    let mut answer = Vec::new();
    let mut buffer = [0; 1024];
    let read = async {
        while !answer.windows(2).any(|w| w == b"\r\n") {
            let n = reader.read(&mut buffer).await.unwrap();
            assert!(n > 0, "the connection closed without an answer");
            answer.extend_from_slice(&buffer[..n]);
        }
    };
    tokio::time::timeout(Duration::from_secs(60), read)
        .await
        .expect("an answer while the body was still coming");
    let answered_after = started.elapsed();
    let status = String::from_utf8_lossy(&answer)
        .lines()
        .next()
        .unwrap()
        .to_owned();
    let finished = sender.await.unwrap();
    assert_eq!(status, "HTTP/1.1 413 Payload Too Large");
    app.wait_for_health(|h| {
        h["webhook"]["large_bodies_reading"] == 0 && h["webhook"]["large_bodies_waiting"] == 0
    })
    .await;
    assert_eq!(latest_action_id(&app).await, before, "nothing stored");
    println!(
        "webhook body past the cap, chunked: 413 after {:.2} s; the sender {}",
        answered_after.as_secs_f64(),
        match finished {
            Ok(sent) => format!("sent all {} MiB", sent / (1024 * 1024)),
            Err(error) => format!("was cut off ({})", error.kind()),
        }
    );
}

/// A customer message in conversation 1001 carrying a photo of `photo_bytes`, as a notification.
fn notification_with_photo(id: i64, photo_bytes: usize) -> String {
    let photo: Vec<u8> = (0..photo_bytes).map(|n| (n % 251) as u8).collect();
    let now = chrono::Utc::now();
    let (date, time) = (
        now.format("%Y-%m-%d").to_string(),
        now.format("%H:%M:%S").to_string(),
    );
    json!({ "id": id, "action": {
        "id": id, "type": "task-create", "date": date, "time": time,
        "account": { "id": 201, "name": "Lumio", "type": "whatsapp" },
        "task": { "id": id, "conversation_id": 1001, "message": {
            "content": "A big photo", "date": date, "time": time, "author": { "name": "Amélie" },
            "attachments": [{ "id": 1, "mime_type": "image/jpeg",
                              "data": BASE64.encode(&photo), "size": photo_bytes }] } }
    }})
    .to_string()
}

async fn post(app: &TestApp, body: String, secret: &str) -> u16 {
    let signature = sign(secret, PATH, body.as_bytes());
    app.http
        .post(app.url(PATH))
        .header("X-Alcmeon-Webhook-Signature", signature)
        .body(body)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn five_megabyte_bodies_forged_or_malformed_are_refused_and_one_replayed_at_once_is_stored_once()
 {
    let app = spawn_app(0).await;
    app.replica_ready().await;
    let before = latest_action_id(&app).await;
    let id = 990_301;
    let genuine = notification_with_photo(id, 3_750_000);
    let size = genuine.len();
    assert!(size > 5_000_000, "{size}");

    let forged = post(&app, genuine.clone(), "not-the-secret").await;
    let garbage = json!({ "id": id, "action": "x".repeat(size) }).to_string();
    let malformed = post(&app, garbage, ALCMEON_SECRET).await;
    let truncated = post(&app, genuine[..size - 10].to_owned(), ALCMEON_SECRET).await;
    assert_eq!((forged, malformed, truncated), (401, 400, 400));
    assert_eq!(
        latest_action_id(&app).await,
        before,
        "nothing of them stored"
    );

    let copies = 6;
    let started = Instant::now();
    let deliveries = (0..copies).map(|_| post(&app, genuine.clone(), ALCMEON_SECRET));
    let statuses = futures_util::future::join_all(deliveries).await;
    let took = started.elapsed();
    assert!(statuses.iter().all(|&s| s == 200), "{statuses:?}");
    let page = app.page(1001).await;
    let shown: Vec<_> = page.items.iter().filter(|item| item.id == id).collect();
    assert_eq!(shown.len(), 1, "the message shows once");
    assert_eq!(shown[0].attachments.len(), 1, "its photo is stored once");
    let health: Value = app.health().await;
    assert_eq!(health["replica"]["latest_action_id"], id);
    println!(
        "webhook bodies of {:.1} MB: forged → {forged}, malformed → {malformed}, cut short → {truncated}, nothing stored; {copies} copies at once → {statuses:?} in {:.2} s, stored once",
        size as f64 / 1e6,
        took.as_secs_f64()
    );
}
