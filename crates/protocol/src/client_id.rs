//! The id the widget gives a reply it sends: the reply's idempotency key for its whole life.
//! Invariant: a `ClientId` is 1 to 64 characters from URL-unreserved ASCII (`A–Z a–z 0–9 - . _ ~`),
//! so it goes into a path (`…/replies/{client_id}/retry`) as it is and never needs escaping.

use std::fmt;

use crate::validated_text::validated_text;

pub const MAX_CLIENT_ID_CHARS: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClientId(String);

validated_text!(ClientId);

/// Why a text is not a client id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidClientId;

impl fmt::Display for InvalidClientId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "client_id must be 1 to {MAX_CLIENT_ID_CHARS} characters among A-Z a-z 0-9 - . _ ~"
        )
    }
}

impl std::error::Error for InvalidClientId {}

impl ClientId {
    pub fn parse(raw: &str) -> Result<Self, InvalidClientId> {
        let unreserved = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~');
        if raw.is_empty() || raw.len() > MAX_CLIENT_ID_CHARS || !raw.chars().all(unreserved) {
            return Err(InvalidClientId);
        }
        Ok(Self(raw.to_owned()))
    }
}

/// The OpenAPI schema states the same rule as [`ClientId::parse`], from the same constant.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for ClientId {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .min_length(Some(1))
            .max_length(Some(MAX_CLIENT_ID_CHARS))
            .pattern(Some("^[A-Za-z0-9._~-]+$"))
            .description(Some(
                "The widget's id for a reply, its idempotency key: URL-unreserved ASCII.",
            ))
            .examples(["0f8fad5b-d9cb-469f-a165-70867728950e"])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for ClientId {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browser_uuid_is_a_client_id() {
        let id = ClientId::parse("0f8fad5b-d9cb-469f-a165-70867728950e").unwrap();
        assert_eq!(id.as_str(), "0f8fad5b-d9cb-469f-a165-70867728950e");
    }

    #[test]
    fn ids_that_would_need_escaping_in_a_path_or_are_too_long_are_refused() {
        let too_long = "a".repeat(MAX_CLIENT_ID_CHARS + 1);
        for raw in ["", " ", "a/b", "a b", "é", "../x", "a?b", too_long.as_str()] {
            assert_eq!(ClientId::parse(raw), Err(InvalidClientId), "{raw:?}");
        }
        assert!(ClientId::parse(&"a".repeat(MAX_CLIENT_ID_CHARS)).is_ok());
    }

    #[test]
    fn the_wire_refuses_a_malformed_id() {
        assert!(serde_json::from_str::<ClientId>("\"a/b\"").is_err());
        let id: ClientId = serde_json::from_str("\"c-1\"").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"c-1\"");
    }
}
