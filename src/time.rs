//! Times are stored in UTC and shown in the agent's Salesforce time zone and locale, formatted by
//! the browser's `Intl.DateTimeFormat` (its own time zone data, no bytes added to the widget).

use js_sys::{Date, Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat(locale, options)`, returning the RangeError for an unknown zone or
    /// locale instead of aborting.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = DateTimeFormat)]
    fn date_time_format(
        locale: &JsValue,
        options: &JsValue,
    ) -> Result<js_sys::Intl::DateTimeFormat, JsValue>;
}

pub struct TimeFormat {
    formatter: js_sys::Intl::DateTimeFormat,
    /// Set when the requested zone was unknown and UTC is used instead.
    pub unknown_zone: Option<String>,
}

impl TimeFormat {
    pub fn new(locale: &str, time_zone: &str) -> Self {
        if let Some(formatter) = formatter(locale, time_zone).or_else(|| formatter("en", time_zone))
        {
            return Self {
                formatter,
                unknown_zone: None,
            };
        }
        let formatter = formatter(locale, "UTC")
            .or_else(|| formatter("en", "UTC"))
            .expect("every browser formats UTC in English");
        Self {
            formatter,
            unknown_zone: Some(time_zone.to_owned()),
        }
    }

    /// The date and time of `at_ms` (milliseconds since the epoch, UTC) in the agent's zone.
    pub fn date_time(&self, at_ms: i64) -> String {
        let date = Date::new(&JsValue::from_f64(at_ms as f64));
        self.formatter
            .format()
            .call1(&JsValue::UNDEFINED, &date)
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_default()
    }
}

fn formatter(locale: &str, time_zone: &str) -> Option<js_sys::Intl::DateTimeFormat> {
    let options = Object::new();
    let set = |key: &str, value: &str| Reflect::set(&options, &key.into(), &value.into());
    set("timeZone", time_zone).ok()?;
    set("dateStyle", "medium").ok()?;
    set("timeStyle", "short").ok()?;
    date_time_format(&JsValue::from_str(locale), &options).ok()
}
