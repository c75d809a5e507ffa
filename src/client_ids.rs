//! The ids the widget gives what it sends (replies, template sends): the browser's random UUID,
//! or, where it has none, the time and a random number. One id per attempt the agent makes; the
//! idempotency that makes a repeat harmless is the backend's, keyed on it.

use protocol::ClientId;

/// A fresh client id.
pub fn new_client_id() -> ClientId {
    let raw = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|crypto| crypto.random_uuid())
        .unwrap_or_else(|| {
            let now = js_sys::Date::now() as i64;
            format!("{now}-{}", (js_sys::Math::random() * 1e12) as u64)
        });
    ClientId::parse(&raw).expect("a UUID, or digits and a dash, make a client id")
}
