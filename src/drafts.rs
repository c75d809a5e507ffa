//! Drafts survive a reload: what the agent types is kept in the browser's localStorage, per
//! conversation, until it is sent.

fn key(conversation_id: i64) -> String {
    format!("alcmeon-widget:draft:{conversation_id}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load(conversation_id: i64) -> String {
    storage()
        .and_then(|s| s.get_item(&key(conversation_id)).ok().flatten())
        .unwrap_or_default()
}

/// Saves the draft, or forgets it when it is empty. Storage may be unavailable (private mode,
/// quota): the draft then lives only in the page, which is all we can do.
pub fn save(conversation_id: i64, text: &str) {
    if let Some(storage) = storage() {
        let _ = if text.is_empty() {
            storage.remove_item(&key(conversation_id))
        } else {
            storage.set_item(&key(conversation_id), text)
        };
    }
}
