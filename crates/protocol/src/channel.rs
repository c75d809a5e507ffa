use serde::{Deserialize, Serialize};
use strum::VariantArray;

/// The social channel a conversation happens on, named after Alcméon's social-account `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, VariantArray)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Whatsapp,
    Facebook,
    Instagram,
    Twitter,
    /// Google Business reviews (Alcméon's `gmb`).
    Gmb,
    /// Alcméon's web and in-app chat.
    Inmessage,
    /// Any channel this widget has no specific rule for (wechat, line, trustpilot…).
    #[serde(other)]
    Other,
}

impl Channel {
    /// Reads Alcméon's social-account `type`; unknown types become [`Channel::Other`].
    pub fn from_alcmeon_type(account_type: &str) -> Self {
        match account_type {
            "whatsapp" => Self::Whatsapp,
            "facebook" => Self::Facebook,
            "instagram" => Self::Instagram,
            "twitter" => Self::Twitter,
            "gmb" => Self::Gmb,
            "inmessage" => Self::Inmessage,
            _ => Self::Other,
        }
    }

    /// The Fluent message id of the channel's display name.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Whatsapp => "channel-whatsapp",
            Self::Facebook => "channel-facebook",
            Self::Instagram => "channel-instagram",
            Self::Twitter => "channel-twitter",
            Self::Gmb => "channel-gmb",
            Self::Inmessage => "channel-inmessage",
            Self::Other => "channel-other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alcmeon_account_types_map_to_channels_and_unknown_ones_to_other() {
        assert_eq!(Channel::from_alcmeon_type("gmb"), Channel::Gmb);
        assert_eq!(Channel::from_alcmeon_type("whatsapp"), Channel::Whatsapp);
        assert_eq!(Channel::from_alcmeon_type("kakaotalk"), Channel::Other);
    }

    #[test]
    fn an_unknown_channel_on_the_wire_reads_as_other() {
        let channel: Channel = serde_json::from_str("\"tiktok\"").unwrap();
        assert_eq!(channel, Channel::Other);
        assert_eq!(serde_json::to_string(&Channel::Gmb).unwrap(), "\"gmb\"");
    }
}
