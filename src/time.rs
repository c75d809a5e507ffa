//! Times are stored in UTC and shown in the agent's Salesforce time zone and locale. The zone's
//! offsets come from the backend (`protocol::ZoneRules`, computed with chrono-tz), which gives each
//! instant's local wall-clock reading; the browser's `Intl.DateTimeFormat` writes that reading in
//! the agent's locale style (12/24 h, month names, digits), set to UTC so that it adds no zone of
//! its own.

use js_sys::{Date, Object, Reflect};
use protocol::{LocalDay, ZoneRules};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat(locale, options)`, returning the RangeError for an unknown locale
    /// instead of aborting.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = DateTimeFormat)]
    fn date_time_format(
        locale: &JsValue,
        options: &JsValue,
    ) -> Result<js_sys::Intl::DateTimeFormat, JsValue>;
}

const DAY_MS: i64 = 24 * 60 * 60 * 1000;
const DATE_TIME: &[(&str, &str)] = &[("dateStyle", "medium"), ("timeStyle", "short")];
const TIME: &[(&str, &str)] = &[("timeStyle", "short")];
const DAY: &[(&str, &str)] = &[
    ("weekday", "long"),
    ("year", "numeric"),
    ("month", "long"),
    ("day", "numeric"),
];

/// The formatters do not depend on the zone: they are made while the zone's rules load (each
/// `Intl.DateTimeFormat` costs milliseconds to make), and the rules set after (`in_zone`).
#[derive(Clone)]
pub struct TimeFormat {
    zone: ZoneRules,
    date_time: js_sys::Intl::DateTimeFormat,
    time: js_sys::Intl::DateTimeFormat,
    day: js_sys::Intl::DateTimeFormat,
}

impl TimeFormat {
    /// Times in `locale`'s style, in UTC until [`TimeFormat::in_zone`].
    pub fn new(locale: &str) -> Self {
        let make = |options| {
            formatter(locale, options)
                .or_else(|| formatter("en", options))
                .expect("every browser formats in English")
        };
        Self {
            zone: ZoneRules::utc(),
            date_time: make(DATE_TIME),
            time: make(TIME),
            day: make(DAY),
        }
    }

    /// The same formats, in the agent's `zone`.
    pub fn in_zone(self, zone: ZoneRules) -> Self {
        Self { zone, ..self }
    }

    /// The date and time of `at_ms` (milliseconds since the epoch, UTC) in the agent's zone.
    pub fn date_time(&self, at_ms: i64) -> String {
        format(&self.date_time, self.zone.local_ms(at_ms))
    }

    /// The time of day of `at_ms` in the agent's zone, e.g. `3:29 PM`.
    pub fn time(&self, at_ms: i64) -> String {
        format(&self.time, self.zone.local_ms(at_ms))
    }

    /// The local day of `at_ms` in full, for a day separator, e.g. `Tuesday, November 24, 2026`.
    pub fn day(&self, at_ms: i64) -> String {
        format(&self.day, self.zone.local_ms(at_ms))
    }

    /// The local calendar day of `at_ms` in the agent's zone.
    pub fn local_day(&self, at_ms: i64) -> LocalDay {
        self.zone.local_day(at_ms)
    }
}

/// The ISO 8601 form of `at_ms`, for a `<time datetime>` attribute.
pub fn iso(at_ms: i64) -> String {
    date(at_ms).to_iso_string().into()
}

/// A local day as `YYYY-MM-DD`, for a `<time datetime>` attribute.
pub fn day_iso(day: LocalDay) -> String {
    let mut text = iso(day.0 * DAY_MS);
    text.truncate("YYYY-MM-DD".len());
    text
}

/// The milliseconds since the epoch of an RFC 3339 time, as the backend writes them.
pub fn ms_of_iso(text: &str) -> Option<i64> {
    let at = Date::parse(text);
    at.is_finite().then_some(at as i64)
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

fn formatter(locale: &str, fields: &[(&str, &str)]) -> Option<js_sys::Intl::DateTimeFormat> {
    let options = Object::new();
    let set = |key: &str, value: &str| Reflect::set(&options, &key.into(), &value.into());
    set("timeZone", "UTC").ok()?;
    for (key, value) in fields {
        set(key, value).ok()?;
    }
    date_time_format(&JsValue::from_str(locale), &options).ok()
}
