//! How long the sync waits: after an org's outage, after one record's refusal, and when the org's
//! daily API budget is nearly spent.
//!
//! Invariants: every wait doubles from its first value up to its cap, never shorter than the first
//! value; the sync stops calling an org once its reported usage reaches [`USAGE_CEILING_PERCENT`]
//! of its limit, leaving the rest of the budget to the org's other integrations.

use std::time::Duration;

use crate::salesforce::ApiUsage;

/// An org that failed as a whole (outage, timeout, unreadable answer) is tried again after this,
/// doubling with each failure in a row up to [`ORG_RETRY_CAP`].
const ORG_RETRY_FIRST: Duration = Duration::from_secs(1);
const ORG_RETRY_CAP: Duration = Duration::from_secs(5 * 60);
/// A record Salesforce refused alone is tried again after this, doubling up to the cap.
const RECORD_RETRY_FIRST: Duration = Duration::from_secs(10);
const RECORD_RETRY_CAP: Duration = Duration::from_secs(60 * 60);
/// The share of the org's daily budget the sync may spend.
pub const USAGE_CEILING_PERCENT: u64 = 90;
/// How long the sync leaves an org alone when its budget is (nearly) spent. Salesforce's limit
/// is over a rolling 24 hours and no answer says when room comes back, so the sync asks again
/// (one call) at this pace.
pub const USAGE_PAUSE: Duration = Duration::from_secs(15 * 60);

/// The wait after the org's `failures`-th failure in a row (1 for the first).
pub fn org_retry(failures: u32) -> Duration {
    doubled(ORG_RETRY_FIRST, ORG_RETRY_CAP, failures)
}

/// The wait after a record's `attempts`-th refusal (1 for the first).
pub fn record_retry(attempts: i64) -> Duration {
    doubled(
        RECORD_RETRY_FIRST,
        RECORD_RETRY_CAP,
        u32::try_from(attempts).unwrap_or(u32::MAX),
    )
}

/// Whether the org's budget is spent as far as the sync may spend it.
pub fn near_limit(usage: ApiUsage) -> bool {
    usage.limit > 0 && usage.used * 100 >= usage.limit * USAGE_CEILING_PERCENT
}

fn doubled(first: Duration, cap: Duration, times: u32) -> Duration {
    let doublings = times.saturating_sub(1).min(31);
    first.saturating_mul(1 << doublings).min(cap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_from_their_first_value_up_to_their_cap() {
        assert_eq!(org_retry(1), Duration::from_secs(1));
        assert_eq!(org_retry(4), Duration::from_secs(8));
        assert_eq!(org_retry(40), Duration::from_secs(300));
        assert_eq!(record_retry(0), Duration::from_secs(10));
        assert_eq!(record_retry(2), Duration::from_secs(20));
        assert_eq!(record_retry(i64::MAX), Duration::from_secs(3600));
    }

    #[test]
    fn the_sync_stops_at_ninety_percent_of_the_daily_budget() {
        let usage = |used| ApiUsage { used, limit: 1000 };
        assert!(!near_limit(usage(899)));
        assert!(near_limit(usage(900)));
        assert!(near_limit(usage(1000)));
        assert!(!near_limit(ApiUsage { used: 5, limit: 0 }));
    }
}
