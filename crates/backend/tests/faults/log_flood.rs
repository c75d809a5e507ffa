//! A flood of refused requests does not flood the log (`telemetry.rs`): wrongly signed webhooks,
//! webhooks announcing bodies over the cap (each another length), and session tokens of orgs the
//! backend does not know, each asking another path, so that neither the length, the path nor the
//! reason logged is ever the same twice. Each is refused; the log, as
//! the binary writes it by default, shows the first refusals of each kind, then a few, and how
//! many it left out.

use std::time::{Duration, Instant};

use futures_util::StreamExt;
use serde_json::json;
use tempfile::TempDir;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::helpers::{SESSION_SECRET, SHAPED_SIGNATURE, WEBHOOK_BODY_CAP, free_port, mint};
use crate::process::{Backend, emulator_for};

/// What the log says of each kind of refusal.
const REFUSALS: [&str; 3] = [
    "webhook refused: bad signature",
    "webhook refused before its body: over the size cap",
    "session token refused",
];
/// Refused requests of each kind.
const FLOOD: usize = 2_000;

/// The status code of a webhook announcing `length` bytes, answered before any is sent.
async fn announce(addr: &str, length: usize) -> u16 {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST /webhooks/alcmeon HTTP/1.1\r\nHost: backend\r\nContent-Type: application/json\r\n\
         X-Alcmeon-Webhook-Signature: {SHAPED_SIGNATURE}\r\nContent-Length: {length}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = [0; 12];
    stream.read_exact(&mut answer).await.unwrap();
    String::from_utf8_lossy(&answer[9..12]).parse().unwrap()
}

#[tokio::test]
async fn a_flood_of_refused_requests_is_each_refused_and_logged_in_part_with_a_count_of_the_rest() {
    let port = free_port();
    let emulator = emulator_for(port).await;
    let data = TempDir::new().unwrap();
    let http = reqwest::Client::new();
    let backend = Backend::start(
        port,
        &data,
        &emulator.base_url(),
        backend::telemetry::DEFAULT_FILTER,
    );
    backend.wait_for_replica(&http, &emulator).await;
    let url = backend.url.clone();

    let started = Instant::now();
    let webhooks = futures_util::stream::iter(0..FLOOD)
        .map(|n| {
            http.post(format!("{url}/webhooks/alcmeon"))
                .header("X-Alcmeon-Webhook-Signature", SHAPED_SIGNATURE)
                .json(&json!({ "id": n, "type": "task-create" }))
                .send()
        })
        .buffer_unordered(32)
        .map(|response| response.unwrap().status().as_u16())
        .collect::<Vec<u16>>()
        .await;
    let addr = url.trim_start_matches("http://").to_owned();
    let oversized = futures_util::stream::iter(0..FLOOD)
        .map(|n| announce(&addr, WEBHOOK_BODY_CAP + 1 + n))
        .buffer_unordered(32)
        .collect::<Vec<u16>>()
        .await;
    let tokens = futures_util::stream::iter(0..FLOOD)
        .map(|n| {
            let token = mint(
                SESSION_SECRET,
                json!({ "aud": url, "org": format!("00DFLOOD{n:07}") }),
            );
            http.get(format!("{url}/v1/conversations/{}/thread", 5_000 + n))
                .bearer_auth(token)
                .send()
        })
        .buffer_unordered(32)
        .map(|response| response.unwrap().status().as_u16())
        .collect::<Vec<u16>>()
        .await;
    let flood_took = started.elapsed();
    assert!(webhooks.iter().all(|status| *status == 401), "{webhooks:?}");
    assert!(
        oversized.iter().all(|status| *status == 413),
        "{oversized:?}"
    );
    assert!(tokens.iter().all(|status| *status == 401), "{tokens:?}");

    // The count of what was left out comes within a summary interval (10 s) of the flood.
    let deadline = Instant::now() + Duration::from_secs(30);
    let left_out = |log: &str, refusal: &str| {
        log.lines()
            .any(|line| line.contains("Suppressed") && line.contains(refusal))
    };
    let log = loop {
        let log = backend.log();
        if REFUSALS.iter().all(|refusal| left_out(&log, refusal)) {
            break log;
        }
        assert!(
            Instant::now() < deadline,
            "no count of the refusals left out: {}",
            &log[log.len().saturating_sub(2_000)..]
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let logged = |refusal: &str| {
        log.lines()
            .filter(|line| line.contains(refusal) && !line.contains("Suppressed"))
            .count()
    };
    let lines = REFUSALS.map(logged);
    println!(
        "{FLOOD} forged webhooks, {FLOOD} over the cap and {FLOOD} refused tokens in \
         {flood_took:.1?}: {lines:?} log lines, {} bytes of log in all",
        log.len()
    );
    for summary in log.lines().filter(|line| line.contains("Suppressed")) {
        println!("{summary}");
    }
    for (refusal, lines) in REFUSALS.into_iter().zip(lines) {
        assert!(
            lines >= 50,
            "the first refused {refusal} are logged: {lines}"
        );
        assert!(
            lines < FLOOD / 10,
            "{lines} lines for {FLOOD} refused {refusal}"
        );
    }
}
