//! An agent's email as every part compares it. Invariant: an `AgentEmail` is trimmed, lower case
//! and shaped like `local@domain`, so two spellings of one address are one value, whichever part
//! (session token, Alcméon's user list, a stored reply) it came from.

use std::fmt;

use crate::validated_text::validated_text;

/// The longest address SMTP carries (RFC 5321's path limit, less the angle brackets).
const MAX_EMAIL_CHARS: usize = 254;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, format = Email, example = "camille.martin@example.com"))]
pub struct AgentEmail(String);

validated_text!(AgentEmail);

/// Why a text is not an agent's email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidAgentEmail;

impl fmt::Display for InvalidAgentEmail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "an agent's email has one @ between a name and a domain, no spaces, at most {MAX_EMAIL_CHARS} characters"
        )
    }
}

impl std::error::Error for InvalidAgentEmail {}

impl AgentEmail {
    pub fn parse(raw: &str) -> Result<Self, InvalidAgentEmail> {
        let email = raw.trim().to_lowercase();
        let well_formed = match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty() && !domain.is_empty() && !domain.contains('@')
            }
            None => false,
        };
        if !well_formed
            || email.chars().count() > MAX_EMAIL_CHARS
            || email.chars().any(char::is_whitespace)
        {
            return Err(InvalidAgentEmail);
        }
        Ok(Self(email))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_spellings_of_one_address_are_one_email() {
        let typed = AgentEmail::parse("  Camille.Martin@Example.COM ").unwrap();
        let stored = AgentEmail::parse("camille.martin@example.com").unwrap();
        assert_eq!(typed, stored);
        assert_eq!(typed.as_str(), "camille.martin@example.com");
    }

    #[test]
    fn text_that_is_not_an_address_is_refused() {
        for raw in [
            "",
            "   ",
            "camille",
            "@example.com",
            "camille@",
            "a@b@c",
            "ca mille@example.com",
        ] {
            assert_eq!(AgentEmail::parse(raw), Err(InvalidAgentEmail), "{raw:?}");
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert_eq!(AgentEmail::parse(&long), Err(InvalidAgentEmail));
    }

    #[test]
    fn the_wire_carries_the_normalised_text_and_refuses_a_malformed_one() {
        let email: AgentEmail = serde_json::from_str("\"A@B.example\"").unwrap();
        assert_eq!(serde_json::to_string(&email).unwrap(), "\"a@b.example\"");
        assert!(serde_json::from_str::<AgentEmail>("\"nobody\"").is_err());
    }
}
