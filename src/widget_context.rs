//! What every view reads about the agent: the language they read and how they write times and
//! numbers. Provided once, when the conversation has loaded (`app.rs`), and read only through
//! [`WidgetContext::get`]: no view names how it is stored.

use leptos::prelude::*;
use protocol::LocalDay;

use crate::i18n::I18n;
use crate::number_format::NumberFormat;
use crate::time::TimeFormat;

/// All handles, so `Copy` into callbacks.
#[derive(Clone, Copy)]
pub struct WidgetContext {
    i18n: StoredValue<I18n>,
    /// The agent's Salesforce language as the host gave it (`fr`, `pt-BR`), which may be one the
    /// widget has no texts for.
    lang: StoredValue<String>,
    times: StoredValue<TimeFormat, LocalStorage>,
    numbers: StoredValue<NumberFormat, LocalStorage>,
}

impl WidgetContext {
    pub fn new(i18n: I18n, lang: &str, times: TimeFormat, numbers: NumberFormat) -> Self {
        Self {
            i18n: StoredValue::new(i18n),
            lang: StoredValue::new(lang.to_owned()),
            times: StoredValue::new_local(times),
            numbers: StoredValue::new_local(numbers),
        }
    }

    /// The context the widget provided; every view below the loaded conversation has it.
    pub fn get() -> Self {
        expect_context()
    }

    /// The agent's language.
    pub fn i18n(self) -> I18n {
        self.i18n.get_value()
    }

    /// The agent's Salesforce language, e.g. to offer templates in it first.
    pub fn lang(self) -> String {
        self.lang.get_value()
    }

    /// The time of day of `at_ms` in the agent's zone, e.g. `3:29 PM`.
    pub fn time(self, at_ms: i64) -> String {
        self.times.with_value(|times| times.time(at_ms))
    }

    /// The date and time of `at_ms` in the agent's zone.
    pub fn date_time(self, at_ms: i64) -> String {
        self.times.with_value(|times| times.date_time(at_ms))
    }

    /// The local day of `at_ms` in full, e.g. `Tuesday, November 24, 2026`.
    pub fn day(self, at_ms: i64) -> String {
        self.times.with_value(|times| times.day(at_ms))
    }

    /// The local calendar day of `at_ms` in the agent's zone.
    pub fn local_day(self, at_ms: i64) -> LocalDay {
        self.times.with_value(|times| times.local_day(at_ms))
    }

    /// A number written in the agent's locale.
    pub fn number(self, value: f64) -> String {
        self.numbers.with_value(|numbers| numbers.number(value))
    }
}
