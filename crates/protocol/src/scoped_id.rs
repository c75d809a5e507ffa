//! The external id of an `alcmeon__Conversation__c` record (`alcmeon__scoped_id__c`, an External
//! ID of at most 30 characters): four numbers joined by `:`, the Alcméon company, the social
//! account, the customer (Alcméon's `custom_field_user_id`) and the conversation. A part not known
//! yet is `0`. The backend writes it and reads it back from the org's callouts; the conversation is
//! always the last part.

use std::fmt;
use std::str::FromStr;

/// `alcmeon__scoped_id__c`'s length in the package.
pub const MAX_SCOPED_ID_CHARS: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ScopedId {
    pub company_id: i64,
    pub account_id: i64,
    pub customer_id: i64,
    pub conversation_id: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidScopedId;

impl fmt::Display for InvalidScopedId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "not a conversation's scoped id (four numbers joined by ':', at most 30 characters)",
        )
    }
}

impl std::error::Error for InvalidScopedId {}

impl fmt::Display for ScopedId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}:{}",
            self.company_id, self.account_id, self.customer_id, self.conversation_id
        )
    }
}

impl FromStr for ScopedId {
    type Err = InvalidScopedId;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.len() > MAX_SCOPED_ID_CHARS {
            return Err(InvalidScopedId);
        }
        let mut parts = text.split(':').map(|part| {
            if part.is_empty() || !part.bytes().all(|byte| byte.is_ascii_digit()) {
                return Err(InvalidScopedId);
            }
            part.parse::<i64>().map_err(|_| InvalidScopedId)
        });
        let mut next = || parts.next().unwrap_or(Err(InvalidScopedId));
        let id = ScopedId {
            company_id: next()?,
            account_id: next()?,
            customer_id: next()?,
            conversation_id: next()?,
        };
        match parts.next() {
            None if id.conversation_id > 0 => Ok(id),
            _ => Err(InvalidScopedId),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scoped_id_reads_back_what_it_wrote() {
        let id = ScopedId {
            company_id: 7,
            account_id: 3001,
            customer_id: 40_000_123,
            conversation_id: 987_654,
        };
        let text = id.to_string();
        assert_eq!(text, "7:3001:40000123:987654");
        assert_eq!(text.parse::<ScopedId>(), Ok(id));
    }

    #[test]
    fn anything_but_four_numbers_naming_a_conversation_is_refused() {
        for bad in [
            "",
            "1:2:3",
            "1:2:3:4:5",
            "1:2:x:4",
            "1:2:-3:4",
            "1::3:4",
            "1:2:3:0",
            " 1:2:3:4",
            "1:2:3:99999999999999999999",
            "123456789:123456789:123456789:1",
        ] {
            assert_eq!(bad.parse::<ScopedId>(), Err(InvalidScopedId), "{bad:?}");
        }
    }
}
