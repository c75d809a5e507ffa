//! A flood of well-formed but wrongly signed 60 MiB webhooks costs the real binary about two
//! bodies of memory, not one per post: the HMAC covers the body, so each must be read to be
//! refused, but only two large bodies are read at once. Measured as the process's peak resident
//! memory (Linux `VmHWM`); before that limit, four such posts took the backend from 24 MB to 377 MB.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use crate::helpers::{ALCMEON_SECRET, INSTANCE_ID, ORG_ID, SESSION_SECRET};

const BODY_BYTES: usize = 60 * 1024 * 1024;
const POSTS: usize = 8;
const MIB: u64 = 1024 * 1024;

struct Backend {
    child: Child,
    url: String,
    _data: tempfile::TempDir,
}

impl Drop for Backend {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The real binary on a free port, with an Alcméon nobody answers (nothing here needs one).
fn start_backend() -> Backend {
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_alcmeon-widget-backend"))
        .env_clear()
        .env("BACKEND_ADDR", "127.0.0.1:0")
        .env(
            "BACKEND_DATABASE_URL",
            format!("sqlite://{}", data.path().join("backend.db").display()),
        )
        .env("BACKEND_ORGS", format!("{ORG_ID}={SESSION_SECRET}@1"))
        .env("ALCMEON_API_URL", "http://127.0.0.1:9")
        .env("ALCMEON_INSTANCE_ID", INSTANCE_ID)
        .env("ALCMEON_APP_SECRET", ALCMEON_SECRET)
        .env("ALCMEON_COMPANY_ID", "1")
        .env("ALCMEON_ROLES_FOR_REPLY", "801")
        .env("ALCMEON_ROLES_FOR_MODERATE", "802")
        .env("ALCMEON_TEAMS", "901")
        .env("RUST_LOG", "warn,backend=info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the backend binary runs");
    let (lines, heard) = std::sync::mpsc::channel();
    for output in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ] {
        let lines = lines.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(output).lines().map_while(Result::ok) {
                let _ = lines.send(line);
            }
        });
    }
    let url = loop {
        let line = heard
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("the backend says where it listens");
        if let Some(at) = line.find("listening on http://") {
            let rest = &line[at + "listening on ".len()..];
            break rest.split_whitespace().next().unwrap().to_owned();
        }
    };
    Backend {
        child,
        url,
        _data: data,
    }
}

/// The process's peak resident memory so far, in bytes.
fn peak_resident_bytes(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status
        .lines()
        .find(|line| line.starts_with("VmHWM:"))
        .expect("Linux reports VmHWM");
    let kib: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib * 1024
}

#[tokio::test]
async fn a_flood_of_wrongly_signed_large_webhooks_costs_about_two_bodies_of_memory() {
    let backend = start_backend();
    let pid = backend.child.id();
    let before = peak_resident_bytes(pid);
    let body = bytes::Bytes::from(vec![b' '; BODY_BYTES]);
    let http = reqwest::Client::new();
    let posts = (0..POSTS).map(|_| {
        http.post(format!("{}/webhooks/alcmeon", backend.url))
            .header("content-type", "application/json")
            .header("X-Alcmeon-Webhook-Signature", "0".repeat(64))
            .body(body.clone())
            .send()
    });
    for answer in futures_util::future::join_all(posts).await {
        assert_eq!(
            answer.unwrap().status(),
            401,
            "a wrong signature is refused"
        );
    }
    let grown = peak_resident_bytes(pid).saturating_sub(before);
    eprintln!(
        "{POSTS} wrongly signed posts of {} MiB: peak resident memory grew by {} MiB",
        BODY_BYTES as u64 / MIB,
        grown / MIB
    );
    assert!(
        grown < 3 * BODY_BYTES as u64,
        "{POSTS} posts of {} MiB grew the peak by {} MiB",
        BODY_BYTES as u64 / MIB,
        grown / MIB
    );
}
