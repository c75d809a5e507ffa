//! The org's daily REST API budget: calls counted per UTC day, refused past the limit.
//!
//! Invariant: `used` never exceeds the limit through calls (a refused call is not counted); the
//! emulator control may set any value.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::OrgData;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ApiUsage {
    /// The UTC day `used` counts.
    day: Option<NaiveDate>,
    used: u64,
}

/// The day's budget is spent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LimitExceeded;

impl OrgData {
    /// Counts one call, unless the day's `limit` is spent; returns the calls used today.
    pub fn count_call(&mut self, limit: u64, now: DateTime<Utc>) -> Result<u64, LimitExceeded> {
        let used = self.calls_used(now);
        if used >= limit {
            return Err(LimitExceeded);
        }
        self.set_calls_used(used + 1, now);
        Ok(used + 1)
    }

    /// The calls counted today.
    pub fn calls_used(&self, now: DateTime<Utc>) -> u64 {
        if self.usage.day == Some(now.date_naive()) {
            self.usage.used
        } else {
            0
        }
    }

    pub fn set_calls_used(&mut self, used: u64, now: DateTime<Utc>) {
        self.usage = ApiUsage {
            day: Some(now.date_naive()),
            used,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_is_per_utc_day_and_a_refused_call_is_not_counted() {
        let mut data = OrgData::new(&[]);
        let day = DateTime::parse_from_rfc3339("2026-11-26T23:59:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(data.count_call(2, day), Ok(1));
        assert_eq!(data.count_call(2, day), Ok(2));
        assert_eq!(data.count_call(2, day), Err(LimitExceeded));
        assert_eq!(data.calls_used(day), 2);
        let next_day = day + chrono::TimeDelta::minutes(2);
        assert_eq!(data.count_call(2, next_day), Ok(1));
    }
}
