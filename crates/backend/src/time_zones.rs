//! The agent's time zone, from the tz database (chrono-tz), as the `protocol::ZoneRules` the widget
//! uses: the widget would otherwise need the whole database, which costs it about 70 KB brotli.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Offset, TimeZone};
use chrono_tz::Tz;
use protocol::{OffsetChange, ZoneRules};

/// The rules cover 2000-01-01 to 2040-01-01 UTC; outside, the nearest edge's offset holds.
/// Social-media conversations start after 2000, and chrono-tz has no rules past 2037 anyway.
const FROM_S: i64 = 946_684_800;
const UNTIL_S: i64 = 2_208_988_800;
/// Offsets are sampled this often, then each change is found to the second. Since 2000, no zone
/// has changed twice within six hours.
const SAMPLE_EVERY_S: i64 = 6 * 60 * 60;

/// Rules computed once per zone and shared.
#[derive(Clone, Default)]
pub struct ZoneRulesCache {
    computed: Arc<Mutex<HashMap<Tz, Arc<ZoneRules>>>>,
}

impl ZoneRulesCache {
    /// The rules of the IANA zone `name` (exact spelling, e.g. `America/St_Johns`), or `None` for
    /// a name the tz database does not have.
    pub fn rules(&self, name: &str) -> Option<Arc<ZoneRules>> {
        let zone: Tz = name.parse().ok()?;
        if let Some(rules) = self.lock().get(&zone) {
            return Some(rules.clone());
        }
        let rules = Arc::new(zone_rules(zone));
        self.lock().insert(zone, rules.clone());
        Some(rules)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Tz, Arc<ZoneRules>>> {
        self.computed
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

pub fn zone_rules(zone: Tz) -> ZoneRules {
    let first = offset_s_at(zone, FROM_S);
    let mut changes = Vec::new();
    let mut previous = first;
    let mut sampled = FROM_S;
    while sampled < UNTIL_S {
        let next = sampled + SAMPLE_EVERY_S;
        let offset_s = offset_s_at(zone, next);
        if offset_s != previous {
            changes.push(OffsetChange {
                at_ms: first_second_with(zone, offset_s, sampled, next) * 1000,
                offset_s,
            });
            previous = offset_s;
        }
        sampled = next;
    }
    ZoneRules {
        zone: zone.name().to_owned(),
        offset_s: first,
        changes,
    }
}

/// The first second in `(before, by]` at which `zone` is `offset_s` east of UTC, knowing it is
/// at `by` and is not at `before`.
fn first_second_with(zone: Tz, offset_s: i32, mut before: i64, mut by: i64) -> i64 {
    while by - before > 1 {
        let middle = before + (by - before) / 2;
        if offset_s_at(zone, middle) == offset_s {
            by = middle;
        } else {
            before = middle;
        }
    }
    by
}

fn offset_s_at(zone: Tz, at_s: i64) -> i32 {
    let at = DateTime::from_timestamp(at_s, 0).expect("within chrono's range");
    zone.offset_from_utc_datetime(&at.naive_utc())
        .fix()
        .local_minus_utc()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDateTime;

    use super::*;

    fn rules(name: &str) -> Arc<ZoneRules> {
        ZoneRulesCache::default().rules(name).expect(name)
    }

    fn utc_ms(text: &str) -> i64 {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M")
            .unwrap()
            .and_utc()
            .timestamp_millis()
    }

    /// The wall-clock reading of `at_ms` in the zone, e.g. `2026-11-01 01:30`.
    fn local(rules: &ZoneRules, at_ms: i64) -> String {
        DateTime::from_timestamp_millis(rules.local_ms(at_ms))
            .unwrap()
            .naive_utc()
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }

    #[test]
    fn on_the_fall_back_day_both_one_thirties_read_one_thirty() {
        let new_york = rules("America/New_York");
        // 2026-11-01: 01:30 EDT is 05:30 UTC, and 01:30 EST an hour later is 06:30 UTC.
        assert_eq!(
            local(&new_york, utc_ms("2026-11-01 05:30")),
            "2026-11-01 01:30"
        );
        assert_eq!(
            local(&new_york, utc_ms("2026-11-01 06:30")),
            "2026-11-01 01:30"
        );
        assert_eq!(new_york.offset_s_at(utc_ms("2026-11-01 05:30")), -4 * 3600);
        assert_eq!(new_york.offset_s_at(utc_ms("2026-11-01 06:30")), -5 * 3600);
        let paris = rules("Europe/Paris");
        // 2026-10-25: 02:30 CEST is 00:30 UTC; 02:30 CET is 01:30 UTC.
        assert_eq!(
            local(&paris, utc_ms("2026-10-25 00:30")),
            "2026-10-25 02:30"
        );
        assert_eq!(
            local(&paris, utc_ms("2026-10-25 01:30")),
            "2026-10-25 02:30"
        );
    }

    #[test]
    fn the_spring_forward_hour_is_skipped() {
        let new_york = rules("America/New_York");
        // 2026-03-08 at 07:00 UTC New York jumps from 02:00 EST to 03:00 EDT.
        assert_eq!(
            local(&new_york, utc_ms("2026-03-08 06:59")),
            "2026-03-08 01:59"
        );
        assert_eq!(
            local(&new_york, utc_ms("2026-03-08 07:00")),
            "2026-03-08 03:00"
        );
    }

    #[test]
    fn half_and_quarter_hour_zones_keep_their_minutes() {
        let at = utc_ms("2026-11-24 12:00");
        assert_eq!(local(&rules("Asia/Kolkata"), at), "2026-11-24 17:30");
        assert_eq!(local(&rules("Asia/Kathmandu"), at), "2026-11-24 17:45");
        assert_eq!(local(&rules("Australia/Eucla"), at), "2026-11-24 20:45");
        // St. John's is on NST (−3:30) in November and NDT (−2:30) in July.
        let st_johns = rules("America/St_Johns");
        assert_eq!(local(&st_johns, at), "2026-11-24 08:30");
        assert_eq!(
            local(&st_johns, utc_ms("2026-07-01 12:00")),
            "2026-07-01 09:30"
        );
    }

    #[test]
    fn the_same_instant_falls_on_different_days_in_different_zones() {
        let at = utc_ms("2026-11-24 23:30");
        let paris = rules("Europe/Paris").local_day(at);
        let los_angeles = rules("America/Los_Angeles").local_day(at);
        assert_eq!(paris.previous(), los_angeles);
    }

    #[test]
    fn unknown_or_misspelt_zones_have_no_rules() {
        let cache = ZoneRulesCache::default();
        for name in ["Mars/Olympus_Mons", "", "europe/paris", "Europe/Paris "] {
            assert!(cache.rules(name).is_none(), "{name:?}");
        }
        assert_eq!(cache.rules("UTC").unwrap().changes, vec![]);
    }

    /// Every zone chrono-tz knows gives the same offset through the rules as through chrono-tz:
    /// just before and at each change, and every 4 days and 1 hour across the window.
    #[test]
    fn rules_agree_with_chrono_tz_for_every_zone() {
        for zone in chrono_tz::TZ_VARIANTS {
            let rules = zone_rules(zone);
            let mut instants: Vec<i64> = rules
                .changes
                .iter()
                .flat_map(|change| [change.at_ms / 1000 - 1, change.at_ms / 1000])
                .collect();
            instants.extend((FROM_S..UNTIL_S).step_by(97 * 3600));
            for at_s in instants {
                assert_eq!(
                    rules.offset_s_at(at_s * 1000),
                    offset_s_at(zone, at_s),
                    "{} at {at_s}",
                    zone.name()
                );
            }
        }
    }

    /// Densely, for zones with unusual histories since 2000: Morocco suspends summer time for
    /// Ramadan, Samoa skipped a day in 2011, Lord Howe shifts by half an hour.
    #[test]
    fn rules_agree_with_chrono_tz_hour_by_hour_for_unusual_zones() {
        for name in [
            "Africa/Casablanca",
            "Pacific/Apia",
            "Australia/Lord_Howe",
            "Asia/Gaza",
        ] {
            let zone: Tz = name.parse().unwrap();
            let rules = zone_rules(zone);
            for at_s in (FROM_S..UNTIL_S).step_by(3600) {
                assert_eq!(
                    rules.offset_s_at(at_s * 1000),
                    offset_s_at(zone, at_s),
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn samoa_skips_friday_30_december_2011() {
        let apia = rules("Pacific/Apia");
        let before = utc_ms("2011-12-30 09:59");
        let after = utc_ms("2011-12-30 10:00");
        assert_eq!(local(&apia, before), "2011-12-29 23:59");
        assert_eq!(local(&apia, after), "2011-12-31 00:00");
        assert_eq!(apia.local_day(after).0 - apia.local_day(before).0, 2);
    }
}
