//! Times are stored in UTC and shown in the agent's Salesforce time zone and locale, formatted by
//! the browser's `Intl.DateTimeFormat` (its own time zone data, no bytes added to the widget).
//! Which local calendar day a time falls on is also Intl's answer, as a `YYYY-MM-DD` key.

use js_sys::{Array, Date, Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::thread_model::DayKey;

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

const DATE_TIME: &[(&str, &str)] = &[("dateStyle", "medium"), ("timeStyle", "short")];
const TIME: &[(&str, &str)] = &[("timeStyle", "short")];
const DAY: &[(&str, &str)] = &[
    ("weekday", "long"),
    ("year", "numeric"),
    ("month", "long"),
    ("day", "numeric"),
];
/// Gregorian, Latin digits: the parts of a day key whatever the agent's locale.
const DAY_KEY: &[(&str, &str)] = &[
    ("calendar", "gregory"),
    ("numberingSystem", "latn"),
    ("year", "numeric"),
    ("month", "numeric"),
    ("day", "numeric"),
];

pub struct TimeFormat {
    date_time: js_sys::Intl::DateTimeFormat,
    time: js_sys::Intl::DateTimeFormat,
    day: js_sys::Intl::DateTimeFormat,
    day_key: js_sys::Intl::DateTimeFormat,
    /// Set when the requested zone was unknown and UTC is used instead.
    pub unknown_zone: Option<String>,
}

impl TimeFormat {
    pub fn new(locale: &str, time_zone: &str) -> Self {
        let (zone, unknown_zone) = match formatter("en-US", time_zone, DAY_KEY) {
            Some(_) => (time_zone, None),
            None => ("UTC", Some(time_zone.to_owned())),
        };
        let make = |options| {
            formatter(locale, zone, options)
                .or_else(|| formatter("en", zone, options))
                .expect("every browser formats a known zone in English")
        };
        Self {
            date_time: make(DATE_TIME),
            time: make(TIME),
            day: make(DAY),
            day_key: formatter("en-US", zone, DAY_KEY).expect("checked above"),
            unknown_zone,
        }
    }

    /// The date and time of `at_ms` (milliseconds since the epoch, UTC) in the agent's zone.
    pub fn date_time(&self, at_ms: i64) -> String {
        format(&self.date_time, at_ms)
    }

    /// The time of day of `at_ms` in the agent's zone, e.g. `3:29 PM`.
    pub fn time(&self, at_ms: i64) -> String {
        format(&self.time, at_ms)
    }

    /// The local day of `at_ms` in full, for a day separator, e.g. `Tuesday, November 24, 2026`.
    pub fn day(&self, at_ms: i64) -> String {
        format(&self.day, at_ms)
    }

    /// The local calendar day of `at_ms` in the agent's zone.
    pub fn day_key(&self, at_ms: i64) -> DayKey {
        let parts: Array = self.day_key.format_to_parts(&date(at_ms));
        let (mut year, mut month, mut day) = (0, 0, 0);
        for part in parts.iter() {
            let field = |name: &str| {
                Reflect::get(&part, &name.into())
                    .ok()
                    .and_then(|v| v.as_string())
            };
            let value = field("value").and_then(|v| v.parse().ok()).unwrap_or(0);
            match field("type").as_deref() {
                Some("year") => year = value,
                Some("month") => month = value,
                Some("day") => day = value,
                _ => {}
            }
        }
        DayKey::new(year as i32, month, day)
    }
}

/// The ISO 8601 form of `at_ms`, for a `<time datetime>` attribute.
pub fn iso(at_ms: i64) -> String {
    date(at_ms).to_iso_string().into()
}

/// The current time in milliseconds since the epoch.
pub fn now_ms() -> i64 {
    Date::now() as i64
}

fn date(at_ms: i64) -> Date {
    Date::new(&JsValue::from_f64(at_ms as f64))
}

fn format(formatter: &js_sys::Intl::DateTimeFormat, at_ms: i64) -> String {
    formatter
        .format()
        .call1(&JsValue::UNDEFINED, &date(at_ms))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

fn formatter(
    locale: &str,
    time_zone: &str,
    fields: &[(&str, &str)],
) -> Option<js_sys::Intl::DateTimeFormat> {
    let options = Object::new();
    let set = |key: &str, value: &str| Reflect::set(&options, &key.into(), &value.into());
    set("timeZone", time_zone).ok()?;
    for (key, value) in fields {
        set(key, value).ok()?;
    }
    date_time_format(&JsValue::from_str(locale), &options).ok()
}
