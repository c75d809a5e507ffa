//! What differs by channel: message id formats, channel-specific author data, and whether
//! conversations are private messages or public posts.

use crate::model::{Channel, FacebookAuthor, InstagramAuthor};

/// Google reviews and X mentions are public; the other channels are private messaging.
pub fn is_private(channel: Channel) -> bool {
    !matches!(channel, Channel::Gmb | Channel::Twitter)
}

/// A plausible channel-side id (`Message.external_id`).
pub fn external_id(channel: Channel, message_id: u64) -> String {
    match channel {
        Channel::Whatsapp => format!("wamid.EMU{message_id}"),
        Channel::Facebook => format!("m_emu{message_id}"),
        Channel::Instagram => format!("aWdfZW11{message_id}"),
        Channel::Twitter => format!("1790000000000{message_id}"),
        Channel::Gmb => format!("accounts/emu/locations/emu/reviews/{message_id}"),
        _ => format!("emu-{message_id}"),
    }
}

pub fn facebook_author(name: &str) -> FacebookAuthor {
    let (first_name, last_name) = name.split_once(' ').unwrap_or((name, ""));
    FacebookAuthor {
        first_name: first_name.to_owned(),
        last_name: last_name.to_owned(),
        name: name.to_owned(),
    }
}

pub fn instagram_author(name: &str, author_id: u64) -> InstagramAuthor {
    let username: String = name
        .split_whitespace()
        .map(|word| {
            word.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_lowercase()
        })
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(".");
    let username = if username.is_empty() {
        format!("user{author_id}")
    } else {
        username
    };
    InstagramAuthor {
        username,
        full_name: name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instagram_username_keeps_latin_letters_or_falls_back_to_the_author_id() {
        assert_eq!(instagram_author("Zoe Durand", 7).username, "zoe.durand");
        assert_eq!(instagram_author("ليلى حداد", 3003).username, "user3003");
    }

    #[test]
    fn a_facebook_name_splits_at_the_first_space() {
        let author = facebook_author("Jonas van Weber");
        assert_eq!(
            (author.first_name.as_str(), author.last_name.as_str()),
            ("Jonas", "van Weber")
        );
    }
}
