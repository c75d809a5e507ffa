//! Numbers written the way the agent's Salesforce locale writes them (the browser's
//! `Intl.NumberFormat`); an unknown locale writes them in English rather than failing.

use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    /// `Intl.NumberFormat(locale)`, returning the RangeError for an unknown locale instead of
    /// aborting.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = NumberFormat)]
    fn number_format(locale: &JsValue) -> Result<js_sys::Intl::NumberFormat, JsValue>;
}

/// Writes numbers in the agent's locale.
#[derive(Clone)]
pub struct NumberFormat(js_sys::Intl::NumberFormat);

impl NumberFormat {
    pub fn new(locale: &str) -> Self {
        let format = number_format(&JsValue::from_str(locale))
            .or_else(|_| number_format(&JsValue::from_str("en")))
            .expect("every browser formats numbers in English");
        Self(format)
    }

    pub fn number(&self, value: f64) -> String {
        self.0
            .format()
            .call1(&JsValue::UNDEFINED, &JsValue::from_f64(value))
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_else(|| value.to_string())
    }
}
