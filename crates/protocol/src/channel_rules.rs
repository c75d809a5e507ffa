//! How long a reply may be on each channel, and in which unit the channel counts. The widget checks
//! a draft with these functions as the agent types; the backend checks again before sending.

use serde::{Deserialize, Serialize};

use crate::Channel;

/// Alcméon's own ceiling for any reply (answer.yaml, `SendAnswerRequest.message.maxLength`).
pub const ALCMEON_MAX_REPLY_CHARS: usize = 10_000;

/// What a channel counts when it limits a message's length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LengthUnit {
    /// Unicode scalar values (`str::chars`).
    Chars,
    /// Bytes of the UTF-8 encoding.
    Bytes,
}

/// A channel's limit on a reply's length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyLimit {
    pub max: usize,
    pub unit: LengthUnit,
}

/// A reply longer than its channel allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TooLong {
    pub length: usize,
    pub max: usize,
    pub unit: LengthUnit,
}

impl std::fmt::Display for TooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unit = match self.unit {
            LengthUnit::Chars => "characters",
            LengthUnit::Bytes => "bytes (UTF-8)",
        };
        write!(
            f,
            "the reply is {} {unit} long; this channel allows at most {} {unit}",
            self.length, self.max
        )
    }
}

/// Each channel's documented limit on a reply, never above [`ALCMEON_MAX_REPLY_CHARS`]:
/// WhatsApp Business text messages 4096 characters; Messenger (Facebook) text messages 2000
/// characters; Instagram messages 1000 bytes of UTF-8; X (Twitter) posts 280 characters; Google
/// Business Profile review replies 4096 bytes; Alcméon's web and in-app chat, and any other
/// channel, Alcméon's own 10000 characters.
const LIMITS: [(Channel, usize, LengthUnit); 7] = [
    (Channel::Whatsapp, 4096, LengthUnit::Chars),
    (Channel::Facebook, 2000, LengthUnit::Chars),
    (Channel::Instagram, 1000, LengthUnit::Bytes),
    (Channel::Twitter, 280, LengthUnit::Chars),
    (Channel::Gmb, 4096, LengthUnit::Bytes),
    (
        Channel::Inmessage,
        ALCMEON_MAX_REPLY_CHARS,
        LengthUnit::Chars,
    ),
    (Channel::Other, ALCMEON_MAX_REPLY_CHARS, LengthUnit::Chars),
];

impl Channel {
    /// The longest reply this channel takes, and the unit it counts in.
    pub fn reply_limit(self) -> ReplyLimit {
        LIMITS
            .iter()
            .find(|(channel, _, _)| *channel == self)
            .map(|&(_, max, unit)| ReplyLimit { max, unit })
            .unwrap_or(ReplyLimit {
                max: ALCMEON_MAX_REPLY_CHARS,
                unit: LengthUnit::Chars,
            })
    }
}

impl ReplyLimit {
    /// The length of `text` in this limit's unit.
    pub fn measure(self, text: &str) -> usize {
        match self.unit {
            LengthUnit::Chars => text.chars().count(),
            LengthUnit::Bytes => text.len(),
        }
    }

    /// Whether `text` fits.
    pub fn check(self, text: &str) -> Result<(), TooLong> {
        let length = self.measure(text);
        if length <= self.max {
            Ok(())
        } else {
            Err(TooLong {
                length,
                max: self.max,
                unit: self.unit,
            })
        }
    }
}

/// Whether `text` has nothing to send: empty or only white space.
pub fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use strum::VariantArray;

    use super::*;

    #[test]
    fn every_channel_has_a_limit_within_alcmeons_ceiling() {
        for &channel in Channel::VARIANTS {
            let limit = channel.reply_limit();
            assert!(
                limit.max > 0 && limit.max <= ALCMEON_MAX_REPLY_CHARS,
                "{channel:?}"
            );
        }
    }

    #[test]
    fn instagram_and_google_reviews_count_bytes_the_others_characters() {
        assert_eq!(Channel::Instagram.reply_limit().unit, LengthUnit::Bytes);
        assert_eq!(Channel::Gmb.reply_limit().unit, LengthUnit::Bytes);
        assert_eq!(
            Channel::Whatsapp.reply_limit(),
            ReplyLimit {
                max: 4096,
                unit: LengthUnit::Chars
            }
        );
        assert_eq!(Channel::Twitter.reply_limit().max, 280);
        assert_eq!(Channel::Facebook.reply_limit().max, 2000);
        assert_eq!(Channel::Other.reply_limit().max, 10_000);
    }

    #[test]
    fn emoji_accents_and_cjk_are_measured_in_the_channels_unit() {
        let chars = ReplyLimit {
            max: 10,
            unit: LengthUnit::Chars,
        };
        let bytes = ReplyLimit {
            max: 10,
            unit: LengthUnit::Bytes,
        };
        for (text, n_chars, n_bytes) in [
            ("hello", 5, 5),
            ("été", 3, 5),
            ("😀", 1, 4),
            ("你好", 2, 6),
            ("e\u{301}", 2, 3),
        ] {
            assert_eq!(chars.measure(text), n_chars, "{text}");
            assert_eq!(bytes.measure(text), n_bytes, "{text}");
        }
    }

    #[test]
    fn a_reply_over_the_instagram_byte_limit_is_too_long_though_its_characters_fit() {
        let limit = Channel::Instagram.reply_limit();
        let fits = "😀".repeat(250);
        assert_eq!(limit.check(&fits), Ok(()));
        let over = format!("{fits}a");
        assert_eq!(
            limit.check(&over),
            Err(TooLong {
                length: 1001,
                max: 1000,
                unit: LengthUnit::Bytes
            })
        );
        assert!(Channel::Whatsapp.reply_limit().check(&over).is_ok());
    }

    #[test]
    fn a_tweet_of_280_cjk_characters_fits_and_281_does_not() {
        let limit = Channel::Twitter.reply_limit();
        assert!(limit.check(&"字".repeat(280)).is_ok());
        let error = limit.check(&"字".repeat(281)).unwrap_err();
        assert_eq!(error.length, 281);
        assert!(error.to_string().contains("280 characters"), "{error}");
    }

    #[test]
    fn blank_means_empty_or_only_white_space() {
        assert!(is_blank(""));
        assert!(is_blank(" \n\t\u{3000}"));
        assert!(!is_blank(" a "));
        assert!(!is_blank("😀"));
    }

    #[test]
    fn limits_travel_as_json() {
        let json = serde_json::to_string(&Channel::Instagram.reply_limit()).unwrap();
        assert_eq!(json, r#"{"max":1000,"unit":"bytes"}"#);
    }
}
