//! The conversation's newest page as the host fetched it itself, while the widget's script and
//! WebAssembly loaded (the context's optional `firstThread`: a promise of `{ status, body }`,
//! the body as text). It saves the first open a request and the wait for it.
//!
//! Invariant: it is used once, for the conversation the context opens, and only when the host's
//! answer is a `200` holding that conversation's page; any other answer leaves the widget to ask
//! the backend itself, as it does without it: after a `202` (the backend is fetching the
//! conversation from Alcméon) it says so meanwhile; after a `401`, an error, a rejected promise
//! or a body that is no page it just asks.

use protocol::ThreadPage;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::api::Opening;
use crate::json;

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

    /// What the host's answer says of conversation `conversation_id`: its page, or that the
    /// backend is fetching it; `None` when it says neither.
    pub async fn opening(self, conversation_id: i64) -> Option<Opening> {
        let answer = JsFuture::from(self.0).await.ok()?;
        let field = |name: &str| js_sys::Reflect::get(&answer, &JsValue::from_str(name)).ok();
        let status = field("status")?.as_f64()?;
        let body = field("body")?.as_string()?;
        opening_of(status, || json::decode(&body).ok(), conversation_id)
    }
}

/// What a host's answer of `status`, whose body `read_page` reads, says of conversation
/// `conversation_id`.
fn opening_of(
    status: f64,
    read_page: impl FnOnce() -> Option<ThreadPage>,
    conversation_id: i64,
) -> Option<Opening> {
    if status == 202.0 {
        return Some(Opening::Fetching);
    }
    if status != 200.0 {
        return None;
    }
    let page = read_page()?;
    (page.conversation.id == conversation_id).then_some(Opening::Page(page))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"{"conversation":{"id":1001,"channel":"whatsapp","account_name":"Brand",
        "customer_name":"Amélie"},"viewer":{"email":"sophie@example.com","may_reply":true},
        "items":[],"has_older":false,"stream_position":42}"#;

    fn answer(status: f64, body: &str, conversation_id: i64) -> Option<Opening> {
        opening_of(status, || serde_json::from_str(body).ok(), conversation_id)
    }

    #[test]
    fn a_200_with_the_conversations_page_is_used_with_its_stream_position() {
        let Some(Opening::Page(page)) = answer(200.0, PAGE, 1001) else {
            panic!("the host's page is used");
        };
        assert_eq!(page.conversation.id, 1001);
        assert_eq!(page.stream_position, Some(42));
    }

    #[test]
    fn a_202_says_the_backend_is_fetching_the_conversation() {
        let answer = answer(202.0, r#"{"conversation_id":1001}"#, 1001);
        assert!(matches!(answer, Some(Opening::Fetching)));
    }

    #[test]
    fn any_other_answer_leaves_the_widget_to_ask_the_backend() {
        assert!(answer(401.0, PAGE, 1001).is_none());
        assert!(answer(500.0, "", 1001).is_none());
        assert!(answer(200.0, "not json", 1001).is_none());
        assert!(
            answer(200.0, PAGE, 1002).is_none(),
            "another conversation's"
        );
    }
}
