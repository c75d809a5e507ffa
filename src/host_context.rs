//! What the host tells the widget at mount: where the backend is, what to show (a conversation and
//! the Case's others, or an engagement), the agent's Salesforce language and time zone, how to get
//! a session token, the host's optional callbacks that write an engagement's outcome to its
//! Salesforce record, and the first thread page the host may have fetched itself
//! (`first_thread`). Read once, in `mount`; nothing else in the widget sees the JavaScript object.
//!
//! Invariant: a context with a `conversationId` opens that conversation (conversation mode, as
//! before engagements existed); without one, it must name an `engagementId` (engagement mode).
//! The host's engagement callbacks never fail a send: their errors are
//! logged to the console, not shown to the agent. The Contact callbacks' errors are the agent's to
//! read: they come back as the host's text (Salesforce's, in the agent's language).

use protocol::ContactLink;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::first_thread::FirstThread;
use crate::json;

/// All the host hands the widget at mount.
pub type FromHost = (
    HostContext,
    js_sys::Function,
    HostCallbacks,
    Option<FirstThread>,
);

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HostContext {
    pub backend_url: String,
    /// Conversation mode: the conversation to open, the Case's newest.
    #[serde(default)]
    pub conversation_id: Option<i64>,
    /// Every conversation of the Case, newest first (on a conversation's own page, that one):
    /// the widget lists them when there are several.
    #[serde(default)]
    pub conversation_ids: Vec<i64>,
    /// Engagement mode: the `alcmeon__Engagement__c` record the session token is bound to.
    #[serde(default)]
    pub engagement_id: Option<String>,
    /// `@salesforce/i18n/lang`, e.g. `en-US`, `fr`, `pt-BR`.
    #[serde(default = "default_lang")]
    pub lang: String,
    /// `@salesforce/i18n/locale`, used to format dates and times.
    #[serde(default)]
    pub locale: Option<String>,
    /// `@salesforce/i18n/timeZone`, an IANA name.
    #[serde(default = "default_time_zone")]
    pub time_zone: String,
    /// Where the widget's static files are (the static resource): its locale files are there.
    #[serde(default)]
    pub assets_url: Option<String>,
}

/// What the widget opens first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    Conversation(i64),
    Engagement,
}

fn default_lang() -> String {
    "en-US".into()
}

fn default_time_zone() -> String {
    "UTC".into()
}

impl HostContext {
    /// Reads the context object, its `getToken` function, which returns a promise of a fresh
    /// session token each call, the host's callbacks, and its `firstThread` when it has one.
    pub fn from_js(value: &JsValue) -> Result<FromHost, String> {
        let context: Self = json::from_value(value.clone())?;
        context.opening()?;
        let get_token =
            function(value, "getToken").ok_or("the context has no getToken function")?;
        let callbacks = HostCallbacks {
            record_send: function(value, "recordEngagementSend"),
            record_conversation: function(value, "recordEngagementConversation"),
            search_contacts: function(value, "searchContacts"),
            create_contact: function(value, "createContact"),
        };
        Ok((
            context,
            get_token,
            callbacks,
            FirstThread::from_context(value),
        ))
    }

    /// The mode the context names.
    pub fn opening(&self) -> Result<Opening, String> {
        match (self.conversation_id, &self.engagement_id) {
            (Some(id), _) => Ok(Opening::Conversation(id)),
            (None, Some(record)) if !record.trim().is_empty() => Ok(Opening::Engagement),
            _ => Err("the context names neither a conversationId nor an engagementId".into()),
        }
    }

    /// The locale dates are formatted in: the Salesforce locale, else the language.
    pub fn format_locale(&self) -> &str {
        self.locale.as_deref().unwrap_or(&self.lang)
    }
}

fn function(value: &JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(value, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
}

/// What an ended send wrote, for the engagement record (`recordEngagementSend`'s argument).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SendRecord {
    pub content: String,
    pub language: String,
    /// When Alcméon accepted it, ISO 8601; `null` when it failed.
    pub sent_at: Option<String>,
    /// Why it failed, as the agent read it; `null` when sent.
    pub error: Option<String>,
}

/// A Salesforce record the host's Contact search found, or the one it created.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactMatch {
    pub id: String,
    pub name: String,
    /// A person account (an Account), not a Contact.
    #[serde(default)]
    pub person_account: bool,
    /// What tells it apart from others of the same name (the searched fields' values).
    #[serde(default)]
    pub detail: String,
}

impl ContactMatch {
    /// The link the backend stores for it.
    pub fn link(&self) -> ContactLink {
        ContactLink {
            contact_id: self.id.clone(),
            contact_name: self.name.clone(),
            person_account: self.person_account,
        }
    }
}

/// A Contact to create, pre-filled from the conversation (`createContact`'s argument).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewContact {
    pub name: String,
    pub phone: String,
}

/// The host's optional callbacks (contract section 5); absent ones are skipped.
#[derive(Clone, Default)]
pub struct HostCallbacks {
    record_send: Option<js_sys::Function>,
    record_conversation: Option<js_sys::Function>,
    search_contacts: Option<js_sys::Function>,
    create_contact: Option<js_sys::Function>,
}

impl HostCallbacks {
    /// The host can search and create Contacts (the LWC can; the frame fallback cannot).
    pub fn finds_contacts(&self) -> bool {
        self.search_contacts.is_some() && self.create_contact.is_some()
    }

    /// The records the agent may see that match `term`; `Err` holds the host's reason.
    pub async fn search_contacts(&self, term: &str) -> Result<Vec<ContactMatch>, String> {
        let found = ask(&self.search_contacts, &JsValue::from_str(term)).await?;
        json::from_value(found)
    }

    /// Creates a Contact as the agent; `Err` holds the host's reason.
    pub async fn create_contact(&self, contact: &NewContact) -> Result<ContactMatch, String> {
        let created = ask(&self.create_contact, &json::to_value(contact)?).await?;
        json::from_value(created)
    }

    /// Has the host write an ended send to the engagement record.
    pub fn record_engagement_send(&self, record: &SendRecord) {
        let argument = json::to_value(record).map_err(|e| JsValue::from_str(&e));
        match argument {
            Ok(argument) => call(self.record_send.clone(), "recordEngagementSend", argument),
            Err(error) => log_failure("recordEngagementSend", &error),
        }
    }

    /// Has the host write the conversation the engagement became to the engagement record. The
    /// host answers `false` while Salesforce has no record of that conversation yet (Alcméon's
    /// package creates it a little later): it is asked again, [`LINK_ATTEMPTS`] times in all.
    pub fn record_engagement_conversation(&self, conversation_id: i64) {
        let Some(callback) = self.record_conversation.clone() else {
            return;
        };
        let name = "recordEngagementConversation";
        wasm_bindgen_futures::spawn_local(async move {
            let argument = JsValue::from_f64(conversation_id as f64);
            for _ in 0..LINK_ATTEMPTS {
                match invoke(&callback, &argument).await {
                    Ok(written) if written.as_bool() == Some(false) => {
                        gloo_timers::future::sleep(LINK_RETRY).await;
                    }
                    Ok(_) => return,
                    Err(error) => return log_failure(name, &error),
                }
            }
        });
    }
}

/// How often, and how far apart, the host is asked to write an engagement's conversation.
const LINK_ATTEMPTS: usize = 6;
const LINK_RETRY: std::time::Duration = std::time::Duration::from_secs(20);

/// Calls a host callback and waits for its promise in the background; a throw or a rejection is
/// logged.
fn call(callback: Option<js_sys::Function>, name: &'static str, argument: JsValue) {
    let Some(callback) = callback else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(error) = invoke(&callback, &argument).await {
            log_failure(name, &error);
        }
    });
}

/// What a host callback's promise (or plain value) resolves to.
async fn invoke(callback: &js_sys::Function, argument: &JsValue) -> Result<JsValue, JsValue> {
    let returned = callback.call1(&JsValue::NULL, argument)?;
    JsFuture::from(js_sys::Promise::resolve(&returned)).await
}

/// Calls a host callback the agent waits for; its rejection becomes the host's text.
async fn ask(callback: &Option<js_sys::Function>, argument: &JsValue) -> Result<JsValue, String> {
    let callback = callback
        .as_ref()
        .ok_or("the host offers no such callback")?;
    invoke(callback, argument).await.map_err(|error| {
        js_sys::Reflect::get(&error, &JsValue::from_str("message"))
            .ok()
            .and_then(|message| message.as_string())
            .or_else(|| error.as_string())
            .unwrap_or_else(|| format!("{error:?}"))
    })
}

fn log_failure(name: &str, error: &JsValue) {
    web_sys::console::warn_2(
        &JsValue::from_str(&format!("alcmeon-widget: {name} failed:")),
        error,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(json: &str) -> HostContext {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_conversation_id_opens_conversation_mode_and_an_engagement_id_alone_engagement_mode() {
        let conversation = context(r#"{"backendUrl":"b","conversationId":1001}"#);
        assert_eq!(conversation.opening(), Ok(Opening::Conversation(1001)));
        let engagement = context(
            r#"{"backendUrl":"b","conversationId":null,"engagementId":"a0X000000000001AAA"}"#,
        );
        assert_eq!(engagement.opening(), Ok(Opening::Engagement));
        let both = context(
            r#"{"backendUrl":"b","conversationId":1001,"engagementId":"a0X000000000001AAA"}"#,
        );
        assert_eq!(both.opening(), Ok(Opening::Conversation(1001)));
        assert!(context(r#"{"backendUrl":"b"}"#).opening().is_err());
        assert!(
            context(r#"{"backendUrl":"b","engagementId":" "}"#)
                .opening()
                .is_err()
        );
    }

    #[test]
    fn an_ended_send_reaches_the_host_with_nulls_where_nothing_is_known() {
        let record = SendRecord {
            content: "Bonjour".into(),
            language: "fr".into(),
            sent_at: None,
            error: Some("Alcméon refused the message".into()),
        };
        assert_eq!(
            serde_json::to_string(&record).unwrap(),
            r#"{"content":"Bonjour","language":"fr","sentAt":null,"error":"Alcméon refused the message"}"#
        );
    }
}
