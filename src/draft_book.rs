//! The agent's unsent drafts while the widget is open, one per conversation: switching to another
//! conversation of the Case and back finds each draft as it was left. Browser storage keeps them
//! across reloads too (`drafts`), but it may be unavailable; this book never is.
//!
//! Invariant: a draft is written and read under its conversation's id only, so nothing typed in
//! one conversation shows in another; a sent draft is kept as empty (known empty, not unknown).

/// A short list: a Case has few conversations.
#[derive(Debug, Default)]
pub struct DraftBook(Vec<(i64, String)>);

impl DraftBook {
    /// The draft of `conversation_id`; `None` when nothing was typed there since the widget opened.
    pub fn get(&self, conversation_id: i64) -> Option<&str> {
        let found = self.0.iter().find(|(id, _)| *id == conversation_id);
        found.map(|(_, text)| text.as_str())
    }

    /// Keeps `text` as the draft of `conversation_id` (empty once it is sent).
    pub fn set(&mut self, conversation_id: i64, text: &str) {
        match self.0.iter_mut().find(|(id, _)| *id == conversation_id) {
            Some((_, draft)) => text.clone_into(draft),
            None => self.0.push((conversation_id, text.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_conversation_keeps_its_own_draft() {
        let mut book = DraftBook::default();
        assert_eq!(book.get(1001), None, "nothing typed yet");
        book.set(1001, "Bonjour Amélie");
        book.set(1005, "Thank you for your review");
        book.set(1001, "Bonjour Amélie, votre colis");
        assert_eq!(book.get(1001), Some("Bonjour Amélie, votre colis"));
        assert_eq!(book.get(1005), Some("Thank you for your review"));
        assert_eq!(
            book.get(1003),
            None,
            "no draft leaks into another conversation"
        );
    }

    #[test]
    fn a_sent_draft_is_known_empty_and_the_others_stay() {
        let mut book = DraftBook::default();
        book.set(1001, "A");
        book.set(1005, "B");
        book.set(1001, "");
        assert_eq!(
            book.get(1001),
            Some(""),
            "known empty: storage is not asked again"
        );
        assert_eq!(book.get(1005), Some("B"));
    }
}
