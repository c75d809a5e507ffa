//! File sizes as people read them: bytes, KB, MB or GB (of 1024), never "1024 KB". The number
//! itself is written by the caller's function (in the widget, `NumberFormat` in the agent's
//! locale), so this stays plain Rust.

use fluent_bundle::FluentArgs;

use crate::i18n::I18n;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeUnit {
    Bytes,
    Kilobytes,
    Megabytes,
    Gigabytes,
}

impl SizeUnit {
    fn message_id(self) -> &'static str {
        match self {
            Self::Bytes => "size-bytes",
            Self::Kilobytes => "size-kb",
            Self::Megabytes => "size-mb",
            Self::Gigabytes => "size-gb",
        }
    }
}

/// The unit and the number to show for `bytes`: one decimal under 10, whole numbers from 10 on,
/// and the next unit once the rounded number would reach 1024.
pub fn human_size(bytes: u64) -> (SizeUnit, f64) {
    const LARGER: [SizeUnit; 3] = [
        SizeUnit::Kilobytes,
        SizeUnit::Megabytes,
        SizeUnit::Gigabytes,
    ];
    if bytes < 1024 {
        return (SizeUnit::Bytes, bytes as f64);
    }
    let round = |value: f64| {
        if value < 10.0 {
            (value * 10.0).round() / 10.0
        } else {
            value.round()
        }
    };
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while round(value) >= 1024.0 && unit + 1 < LARGER.len() {
        value /= 1024.0;
        unit += 1;
    }
    (LARGER[unit], round(value))
}

/// The size as the agent reads it, e.g. `1.2 MB`, `1,2 Mo`; `number` writes a number in the
/// agent's locale.
pub fn size_text(i18n: &I18n, bytes: u64, number: impl Fn(f64) -> String) -> String {
    let (unit, value) = human_size(bytes);
    let mut args = FluentArgs::new();
    args.set("count", value);
    args.set("size", number(value));
    i18n.t_with(unit.message_id(), &args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_take_the_largest_unit_that_keeps_the_number_under_1024() {
        assert_eq!(human_size(0), (SizeUnit::Bytes, 0.0));
        assert_eq!(human_size(1023), (SizeUnit::Bytes, 1023.0));
        assert_eq!(human_size(1024), (SizeUnit::Kilobytes, 1.0));
        assert_eq!(human_size(1280), (SizeUnit::Kilobytes, 1.3));
        assert_eq!(human_size(150 * 1024 + 300), (SizeUnit::Kilobytes, 150.0));
        assert_eq!(
            human_size(1024 * 1024 - 1),
            (SizeUnit::Megabytes, 1.0),
            "1023.999 KB reads 1 MB, never 1024 KB"
        );
        assert_eq!(human_size(5 * 1024 * 1024 / 2), (SizeUnit::Megabytes, 2.5));
        assert_eq!(human_size(3 << 40), (SizeUnit::Gigabytes, 3072.0));
    }

    fn visible(text: String) -> String {
        text.replace(['\u{2068}', '\u{2069}'], "")
    }

    #[test]
    fn a_size_reads_in_the_agents_language_with_its_decimal_mark() {
        let french_number = |value: f64| value.to_string().replace('.', ",");
        let french = I18n::negotiate("fr");
        assert_eq!(
            visible(size_text(&french, 1_300_000, french_number)),
            "1,2\u{a0}Mo"
        );
        let english = I18n::negotiate("en");
        assert_eq!(
            visible(size_text(&english, 2048, |v| v.to_string())),
            "2\u{a0}KB"
        );
        assert_eq!(visible(size_text(&english, 1, |v| v.to_string())), "1 byte");
        assert_eq!(
            visible(size_text(&french, 512, |v| v.to_string())),
            "512 octets"
        );
    }
}
