//! A time zone as the widget needs it: the offsets from UTC in force over the years a conversation
//! can span. The backend computes them from the tz database (chrono-tz) for the agent's zone, so
//! the widget formats times and finds local calendar days without a tz database of its own.

use serde::{Deserialize, Serialize};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ZoneRules {
    /// The IANA name, e.g. `Europe/Paris`.
    pub zone: String,
    /// Seconds east of UTC before the first change.
    pub offset_s: i32,
    /// Each time the offset changes, oldest first.
    pub changes: Vec<OffsetChange>,
}

/// From `at_ms` (milliseconds since the epoch, UTC) on, the zone is `offset_s` seconds east of UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OffsetChange {
    pub at_ms: i64,
    pub offset_s: i32,
}

/// A calendar day in some zone, counted in days since 1970-01-01 in that zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDay(pub i64);

impl LocalDay {
    pub fn previous(self) -> Self {
        Self(self.0 - 1)
    }
}

impl ZoneRules {
    pub fn utc() -> Self {
        Self::fixed("UTC", 0)
    }

    /// A zone that never changes its offset.
    pub fn fixed(zone: &str, offset_s: i32) -> Self {
        Self {
            zone: zone.to_owned(),
            offset_s,
            changes: Vec::new(),
        }
    }

    /// Seconds east of UTC at the instant `at_ms`.
    pub fn offset_s_at(&self, at_ms: i64) -> i32 {
        let in_force = self.changes.partition_point(|change| change.at_ms <= at_ms);
        match in_force {
            0 => self.offset_s,
            n => self.changes[n - 1].offset_s,
        }
    }

    /// The zone's wall-clock reading at `at_ms`, as milliseconds since a local 1970-01-01 00:00:
    /// formatting this as if it were UTC shows the local date and time.
    pub fn local_ms(&self, at_ms: i64) -> i64 {
        at_ms + i64::from(self.offset_s_at(at_ms)) * 1000
    }

    /// The local calendar day `at_ms` falls on.
    pub fn local_day(&self, at_ms: i64) -> LocalDay {
        LocalDay(self.local_ms(at_ms).div_euclid(DAY_MS))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR_MS: i64 = 60 * 60 * 1000;

    /// Paris in 2026: CET (+1) until 29 March 01:00 UTC, then CEST (+2) until 25 October 01:00 UTC.
    fn paris_2026() -> ZoneRules {
        ZoneRules {
            zone: "Europe/Paris".into(),
            offset_s: 3600,
            changes: vec![
                OffsetChange {
                    at_ms: 1_774_746_000_000,
                    offset_s: 7200,
                },
                OffsetChange {
                    at_ms: 1_792_890_000_000,
                    offset_s: 3600,
                },
            ],
        }
    }

    #[test]
    fn the_offset_in_force_changes_exactly_at_each_change() {
        let paris = paris_2026();
        let spring = paris.changes[0].at_ms;
        assert_eq!(paris.offset_s_at(spring - 1), 3600);
        assert_eq!(paris.offset_s_at(spring), 7200);
        let autumn = paris.changes[1].at_ms;
        assert_eq!(paris.offset_s_at(autumn - 1), 7200);
        assert_eq!(paris.offset_s_at(autumn), 3600);
        assert_eq!(paris.offset_s_at(i64::MIN), 3600);
        assert_eq!(paris.offset_s_at(i64::MAX), 3600);
    }

    #[test]
    fn the_local_day_turns_at_local_midnight_not_at_utc_midnight() {
        let paris = paris_2026();
        // 2026-07-14 22:30 UTC is 00:30 on the 15th in Paris (CEST), still the 14th in UTC.
        let at = 1_784_068_200_000;
        assert_eq!(
            paris.local_day(at),
            ZoneRules::utc().local_day(at + 2 * HOUR_MS)
        );
        assert_eq!(
            paris.local_day(at).previous(),
            ZoneRules::utc().local_day(at)
        );
    }

    #[test]
    fn days_before_1970_count_backwards_without_rounding_towards_zero() {
        let utc = ZoneRules::utc();
        assert_eq!(utc.local_day(-1), LocalDay(-1));
        assert_eq!(utc.local_day(0), LocalDay(0));
        assert_eq!(
            ZoneRules::fixed("Etc/GMT+5", -5 * 3600).local_day(HOUR_MS),
            LocalDay(-1)
        );
    }

    #[test]
    fn rules_cross_the_wire_as_json() {
        let json = serde_json::to_string(&paris_2026()).unwrap();
        assert_eq!(
            serde_json::from_str::<ZoneRules>(&json).unwrap(),
            paris_2026()
        );
    }
}
