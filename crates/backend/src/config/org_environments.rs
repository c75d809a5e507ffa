//! `BACKEND_ORG_ENVIRONMENTS`: how many Alcméon environments each Salesforce org is connected to.
//! Engagement is offered only to an org connected to exactly one (the seed's rule); the backend
//! cannot see the other environments, so an admin declares them.
//!
//! Invariant: an org not listed counts 1; a listed count is a whole number of at least 1.

use std::collections::BTreeMap;

use super::{ConfigError, split_list};

const NAME: &str = "BACKEND_ORG_ENVIRONMENTS";

/// Environment counts by Salesforce org id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrgEnvironments(BTreeMap<String, u32>);

impl OrgEnvironments {
    /// How many Alcméon environments `org` is connected to (1 unless configured).
    pub fn count(&self, org: &str) -> u32 {
        self.0.get(org).copied().unwrap_or(1)
    }

    /// Reads `orgId=N,orgId=N`.
    pub fn parse(raw: &str) -> Result<Self, ConfigError> {
        let invalid = |reason: String| ConfigError::Invalid { name: NAME, reason };
        let mut counts = BTreeMap::new();
        for entry in split_list(raw) {
            let (org, count) = entry
                .split_once('=')
                .ok_or_else(|| invalid(format!("{entry:?} is not orgId=count")))?;
            let count: u32 = count
                .trim()
                .parse()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| invalid(format!("{entry:?}: the count is a whole number ≥ 1")))?;
            if counts.insert(org.trim().to_owned(), count).is_some() {
                return Err(invalid(format!("org {:?} is listed twice", org.trim())));
            }
        }
        Ok(Self(counts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_orgs_have_their_count_and_the_others_one() {
        let counts = OrgEnvironments::parse("00DA=2, 00DB=1").unwrap();
        assert_eq!(counts.count("00DA"), 2);
        assert_eq!(counts.count("00DB"), 1);
        assert_eq!(counts.count("00DC"), 1);
        assert_eq!(OrgEnvironments::default().count("00DA"), 1);
    }

    #[test]
    fn a_malformed_entry_is_refused_by_name() {
        for bad in ["00DA", "00DA=0", "00DA=two", "00DA=2,00DA=3"] {
            let error = OrgEnvironments::parse(bad).unwrap_err().to_string();
            assert!(
                error.starts_with("BACKEND_ORG_ENVIRONMENTS is not valid"),
                "{error}"
            );
        }
    }
}
