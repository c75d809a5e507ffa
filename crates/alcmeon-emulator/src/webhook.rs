//! Real-time notifications: every new action is POSTed as `{"id", "action"}` to the webhook URL.
//!
//! As in Alcméon: signed with `X-Alcmeon-Webhook-Signature` (lowercase hex HMAC-SHA256, keyed by
//! the application secret, over `<URL path> + " " + <body>`), one-second timeout, never retried.
//! One background worker sends them in id order so API handlers never wait for the receiver.
//! A configured share is deliberately dropped (its id still consumed) to exercise gap recovery,
//! and another sent twice, as an at-least-once sender would.
//!
//! [`WebhookCounts`] says what became of every notification, so tests can wait until none is left
//! in flight instead of sleeping.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use hmac::{Hmac, Mac};
use reqwest::Url;
use serde::Serialize;
use sha2::Sha256;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use crate::model::Notification;

pub const SIGNATURE_HEADER: &str = "X-Alcmeon-Webhook-Signature";
const TIMEOUT: Duration = Duration::from_secs(1);

/// What became of the notifications so far. Every notification is counted exactly once: `queued`
/// until the worker has its answer (waiting or being sent), then `delivered` (the receiver said
/// 200) or `failed` (another status, or no answer within the timeout); `dropped` on purpose
/// instead of being queued.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct WebhookCounts {
    pub queued: u64,
    pub delivered: u64,
    pub dropped: u64,
    pub failed: u64,
    /// Notifications sent a second time (each copy is also counted as queued, then delivered or
    /// failed).
    pub duplicated: u64,
}

/// The notifications deliberately not sent as Alcméon would: dropped, or sent twice.
#[derive(Clone, Copy, Debug, Default)]
pub struct WebhookFaults {
    pub drop_percent: u8,
    pub duplicate_percent: u8,
}

#[derive(Clone)]
pub struct Notifier {
    queue: Option<mpsc::UnboundedSender<Notification>>,
    faults: WebhookFaults,
    counts: Arc<Mutex<WebhookCounts>>,
}

impl Notifier {
    pub fn disabled() -> Notifier {
        Notifier {
            queue: None,
            faults: WebhookFaults::default(),
            counts: Arc::default(),
        }
    }

    /// Starts the sending worker; it stops when every `Notifier` clone is gone or it is aborted.
    pub fn start(url: Url, secret: String, faults: WebhookFaults) -> (Notifier, JoinHandle<()>) {
        let (queue, pending) = mpsc::unbounded_channel();
        let counts = Arc::<Mutex<WebhookCounts>>::default();
        let worker = tokio::spawn(deliver_all(pending, url, secret, counts.clone()));
        (
            Notifier {
                queue: Some(queue),
                faults,
                counts,
            },
            worker,
        )
    }

    /// Counted before this returns, so a notification is `queued` as soon as its action exists.
    pub fn notify(&self, notifications: Vec<Notification>) {
        let Some(queue) = &self.queue else { return };
        // Held while queueing, so the worker cannot count an outcome before its `queued`.
        let mut counts = self.counts.lock().expect("lock");
        for notification in notifications {
            if is_dropped(notification.id, self.faults.drop_percent) {
                tracing::info!(
                    id = notification.id,
                    "webhook notification dropped on purpose"
                );
                counts.dropped += 1;
                continue;
            }
            let copies = if is_duplicated(notification.id, self.faults.duplicate_percent) {
                counts.duplicated += 1;
                vec![notification.clone(), notification]
            } else {
                vec![notification]
            };
            for copy in copies {
                if queue.send(copy).is_err() {
                    return;
                }
                counts.queued += 1;
            }
        }
    }

    pub fn counts(&self) -> WebhookCounts {
        *self.counts.lock().expect("lock")
    }
}

pub fn signature(secret: &str, path: &str, body: &[u8]) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes keys of any length");
    mac.update(path.as_bytes());
    mac.update(b" ");
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

/// Spreads drops evenly and reproducibly: id `n` is dropped when `n * percent / 100` steps up.
fn is_dropped(id: u64, percent: u8) -> bool {
    let percent = u64::from(percent);
    id * percent / 100 != id.saturating_sub(1) * percent / 100
}

/// As [`is_dropped`], shifted so that below 50 % the duplicated ids are not the dropped ones.
fn is_duplicated(id: u64, percent: u8) -> bool {
    is_dropped(id + 50, percent)
}

async fn deliver_all(
    mut pending: mpsc::UnboundedReceiver<Notification>,
    url: Url,
    secret: String,
    counts: Arc<Mutex<WebhookCounts>>,
) {
    let client = reqwest::Client::builder()
        .timeout(TIMEOUT)
        .build()
        .expect("a plain HTTP client builds");
    while let Some(notification) = pending.recv().await {
        let body = serde_json::to_vec(&notification).expect("notifications always serialize");
        let request = client
            .post(url.clone())
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header(SIGNATURE_HEADER, signature(&secret, url.path(), &body))
            .body(body);
        let delivered = match request.send().await {
            Ok(response) if response.status() == reqwest::StatusCode::OK => true,
            Ok(response) => {
                let status = response.status();
                tracing::warn!(id = notification.id, %status, "webhook refused");
                false
            }
            Err(error) => {
                tracing::warn!(id = notification.id, %error, "webhook not delivered");
                false
            }
        };
        let mut counts = counts.lock().expect("lock");
        counts.queued -= 1;
        if delivered {
            counts.delivered += 1;
        } else {
            counts.failed += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_covers_the_path_a_space_and_the_body() {
        let mut mac = Hmac::<Sha256>::new_from_slice(b"demo-secret").unwrap();
        mac.update(b"/hooks/alcmeon {\"id\":1}");
        let expected = hex::encode(mac.finalize().into_bytes());
        assert_eq!(
            signature("demo-secret", "/hooks/alcmeon", br#"{"id":1}"#),
            expected
        );
        assert_eq!(expected.len(), 64);
        assert_eq!(expected, expected.to_lowercase());
    }

    #[test]
    fn drops_follow_the_configured_share_exactly() {
        let dropped = |percent| (1..=100).filter(|&id| is_dropped(id, percent)).count();
        assert_eq!(dropped(0), 0);
        assert_eq!(dropped(25), 25);
        assert_eq!(dropped(50), 50);
        assert_eq!(dropped(100), 100);
        let every_other: Vec<bool> = (1..=4).map(|id| is_dropped(id, 50)).collect();
        assert_eq!(every_other, [false, true, false, true]);
    }

    #[test]
    fn duplicates_follow_their_share_and_are_not_dropped_ones() {
        let ids = 1..=1000;
        let duplicated: Vec<u64> = ids.clone().filter(|&id| is_duplicated(id, 1)).collect();
        assert_eq!(duplicated.len(), 10);
        assert!(duplicated.iter().all(|&id| !is_dropped(id, 5)));
        assert_eq!(ids.filter(|&id| is_dropped(id, 5)).count(), 50);
    }
}
