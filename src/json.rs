//! JSON through the browser's own `JSON.parse` and `JSON.stringify`, with serde-wasm-bindgen
//! between JavaScript values and our types: the widget links no JSON parser of its own (serde_json
//! cost about a tenth of the wasm, see `bench/widget-shares`).
//!
//! Maps are written as JSON objects, as serde_json would, not as JavaScript `Map`s.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};

/// Reads `text` as JSON into `T`.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(|e| describe(&e))?;
    from_value(value)
}

/// Reads a JavaScript value (e.g. what `JSON.parse` gave) into `T`.
pub fn from_value<T: DeserializeOwned>(value: JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// `value` as a JavaScript value shaped as its JSON would be.
pub fn to_value(value: &impl Serialize) -> Result<JsValue, String> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| e.to_string())
}

/// `value` as JSON text.
pub fn encode(value: &impl Serialize) -> Result<String, String> {
    let value = to_value(value)?;
    js_sys::JSON::stringify(&value)
        .map(String::from)
        .map_err(|e| describe(&e))
}

fn describe(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => error.message().into(),
        None => format!("{error:?}"),
    }
}
