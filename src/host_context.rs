//! What the host tells the widget at mount: where the backend is, which conversation to show (and the Case's others), the
//! agent's Salesforce language and time zone, and how to get a session token. Read once, in
//! `mount`; nothing else in the widget sees the JavaScript object.

use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HostContext {
    pub backend_url: String,
    /// The conversation to open: the Case's newest.
    pub conversation_id: i64,
    /// Every conversation of the Case, newest first (on a conversation's own page, that one):
    /// the widget lists them when there are several.
    #[serde(default)]
    pub conversation_ids: Vec<i64>,
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

fn default_lang() -> String {
    "en-US".into()
}

fn default_time_zone() -> String {
    "UTC".into()
}

impl HostContext {
    /// Reads the context object, and its `getToken` function, which returns a promise of a fresh
    /// session token each call.
    pub fn from_js(value: &JsValue) -> Result<(Self, js_sys::Function), String> {
        let context: Self =
            serde_wasm_bindgen::from_value(value.clone()).map_err(|e| e.to_string())?;
        let get_token = js_sys::Reflect::get(value, &JsValue::from_str("getToken"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .ok_or("the context has no getToken function")?;
        Ok((context, get_token))
    }

    /// The locale dates are formatted in: the Salesforce locale, else the language.
    pub fn format_locale(&self) -> &str {
        self.locale.as_deref().unwrap_or(&self.lang)
    }
}
