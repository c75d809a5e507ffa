//! The conversation's newest page as the host fetched it itself, while the widget's script and
//! WebAssembly loaded (the context's optional `firstThread`: a promise of `{ status, body }`,
//! the body as text). It saves the first open a request and the wait for it.
//!
//! Invariant: it is used once, for the conversation the context opens, and only when the host's
//! answer is a `200` holding that conversation's page; any other answer (`202` while the backend
//! fetches the conversation, `401`, an error, a rejected promise, a body that is no page) leaves
//! the widget to ask the backend itself, as it does without it.

use protocol::ThreadPage;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The host's answer to the first thread request, still on its way.
pub struct FirstThread(js_sys::Promise);

impl FirstThread {
    /// The context's `firstThread`, when it has one.
    pub fn from_context(context: &JsValue) -> Option<Self> {
        let value = js_sys::Reflect::get(context, &JsValue::from_str("firstThread")).ok()?;
        if value.is_undefined() || value.is_null() {
            return None;
        }
        Some(Self(js_sys::Promise::resolve(&value)))
    }

    /// Conversation `conversation_id`'s page, when that is what the host's answer holds.
    pub async fn page(self, conversation_id: i64) -> Option<ThreadPage> {
        let answer = JsFuture::from(self.0).await.ok()?;
        let field = |name: &str| js_sys::Reflect::get(&answer, &JsValue::from_str(name)).ok();
        let status = field("status")?.as_f64()?;
        let body = field("body")?.as_string()?;
        page_of(status, &body, conversation_id)
    }
}

/// The page in a host's answer of `status` and `body`, if it is `conversation_id`'s.
fn page_of(status: f64, body: &str, conversation_id: i64) -> Option<ThreadPage> {
    if status != 200.0 {
        return None;
    }
    let page: ThreadPage = serde_json::from_str(body).ok()?;
    (page.conversation.id == conversation_id).then_some(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"{"conversation":{"id":1001,"channel":"whatsapp","account_name":"Brand",
        "customer_name":"Amélie"},"viewer":{"email":"sophie@example.com","may_reply":true},
        "items":[],"has_older":false,"stream_position":42}"#;

    #[test]
    fn a_200_with_the_conversations_page_is_used_with_its_stream_position() {
        let page = page_of(200.0, PAGE, 1001).expect("the host's page is used");
        assert_eq!(page.conversation.id, 1001);
        assert_eq!(page.stream_position, Some(42));
    }

    #[test]
    fn any_other_answer_leaves_the_widget_to_ask_the_backend() {
        assert!(page_of(202.0, r#"{"conversation_id":1001}"#, 1001).is_none());
        assert!(page_of(401.0, PAGE, 1001).is_none());
        assert!(page_of(200.0, "not json", 1001).is_none());
        assert!(
            page_of(200.0, PAGE, 1002).is_none(),
            "another conversation's"
        );
    }
}
