//! Phone numbers as Alcméon's opt-in and template APIs take them: E.164, stored and answered
//! without the `+` (optin-api.yaml's `user_phone_number`, e.g. `33612345678`).
//!
//! The two refusals are optin-api.yaml's: `invalid-phone-number-format` when the text is not a
//! number at all (`abc123`), `invalid-phone-number` when it is digits but no E.164 number (`123`).

/// Why a text is not an E.164 phone number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneProblem {
    /// Not `+`-optional digits (optin-api.yaml: `invalid-phone-number-format`).
    Format,
    /// Digits, but not 8 to 15 of them starting with a country code (`invalid-phone-number`).
    Number,
}

impl PhoneProblem {
    /// The spec's `error` string.
    pub fn code(self) -> &'static str {
        match self {
            PhoneProblem::Format => "invalid-phone-number-format",
            PhoneProblem::Number => "invalid-phone-number",
        }
    }

    /// The spec's `details` text (`"Invalid phone number: 123"`).
    pub fn details(self, raw: &str) -> String {
        match self {
            PhoneProblem::Format => format!("Invalid phone number format: {raw}"),
            PhoneProblem::Number => format!("Invalid phone number: {raw}"),
        }
    }
}

/// The number without `+`; `plus_allowed` says whether a leading `+` is accepted (the opt-in API
/// accepts both forms; the template sends are given the documented form, without it).
pub fn normalize(raw: &str, plus_allowed: bool) -> Result<String, PhoneProblem> {
    let trimmed = raw.trim();
    let digits = match trimmed.strip_prefix('+') {
        Some(rest) if plus_allowed => rest,
        Some(_) => return Err(PhoneProblem::Format),
        None => trimmed,
    };
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(PhoneProblem::Format);
    }
    if !(8..=15).contains(&digits.len()) || digits.starts_with('0') {
        return Err(PhoneProblem::Number);
    }
    Ok(digits.to_owned())
}

/// ITU country calling codes of two digits (the others are one digit, `1` and `7`, or three).
const TWO_DIGIT_CODES: [&str; 44] = [
    "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47",
    "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65",
    "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
];

/// Splits a normalized number into its country calling code and the rest, as synchronize.yaml's
/// `CustomFieldPhoneFieldValue` holds it: `33612345678` → (`33`, `612345678`).
pub fn split_country_code(number: &str) -> (String, String) {
    let length = if number.starts_with('1') || number.starts_with('7') {
        1
    } else if TWO_DIGIT_CODES.iter().any(|code| number.starts_with(code)) {
        2
    } else {
        3
    };
    let length = length.min(number.len());
    (number[..length].to_owned(), number[length..].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_kept_without_plus_and_refused_as_the_spec_names_it() {
        assert_eq!(normalize("+33612345678", true).unwrap(), "33612345678");
        assert_eq!(normalize("33612345678", false).unwrap(), "33612345678");
        assert_eq!(normalize("+33612345678", false), Err(PhoneProblem::Format));
        assert_eq!(normalize("abc123", true), Err(PhoneProblem::Format));
        assert_eq!(normalize("123", true), Err(PhoneProblem::Number));
        assert_eq!(normalize("0612345678", true), Err(PhoneProblem::Number));
    }

    #[test]
    fn the_country_code_is_one_two_or_three_digits() {
        let split = |number| split_country_code(number);
        assert_eq!(split("33612345678"), ("33".into(), "612345678".into()));
        assert_eq!(split("14155550100"), ("1".into(), "4155550100".into()));
        assert_eq!(split("35312345678"), ("353".into(), "12345678".into()));
    }
}
