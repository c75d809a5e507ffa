use chrono::{DateTime, Datelike, Duration, TimeZone, Timelike, Utc, Weekday};

use super::*;

/// A history of actions, ascending ids with their times, answering looks as `GET /actions` does.
struct History(Vec<(i64, DateTime<Utc>)>);

impl History {
    fn look_after(&self, probe: i64) -> Look {
        let start = self.0.partition_point(|(id, _)| *id <= probe);
        let page = &self.0[start..(start + PAGE as usize).min(self.0.len())];
        match page.last() {
            None => Look::Empty,
            Some((last, _)) if page.len() < PAGE as usize => Look::Short { last: *last },
            Some((last, at)) => Look::Full {
                last: *last,
                at: Some(*at),
            },
        }
    }

    fn newest(&self) -> i64 {
        self.0.last().map_or(0, |(id, _)| *id)
    }

    /// The newest id the search finds at `now`, knowing `known`, and how many looks it took.
    fn search(&self, now: DateTime<Utc>, known: i64) -> (i64, usize) {
        let mut search = NewestSearch::new(now);
        search.knows(known);
        for looks in 0..200 {
            match search.next() {
                Step::Found(id) => return (id, looks),
                Step::LookAfter(probe) => {
                    if let Some(id) = search.saw(probe, self.look_after(probe)) {
                        return (id, looks + 1);
                    }
                }
            }
        }
        panic!("no answer after 200 looks");
    }
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 23, 40, 0).unwrap()
}

/// The emulator's generated history: one action a millisecond, the last one now.
fn one_a_millisecond(count: i64) -> History {
    let first = now() - Duration::milliseconds(count);
    History(
        (1..=count)
            .map(|id| (id, first + Duration::milliseconds(id)))
            .collect(),
    )
}

/// Three years of a contact centre whose traffic tripled: weekdays 8:00–20:00 only, ids with
/// gaps, and the search run late on a Sunday, long after the last action.
fn three_years_of_office_hours(count: i64) -> History {
    let start = now() - Duration::days(3 * 365);
    let open_minutes: Vec<DateTime<Utc>> = (0..3 * 365 * 24 * 60)
        .map(|minute| start + Duration::minutes(minute))
        .filter(|at| !matches!(at.weekday(), Weekday::Sat | Weekday::Sun))
        .filter(|at| (8..20).contains(&at.hour()))
        .collect();
    let total = open_minutes.len() as f64;
    // Growth: the share of actions before minute m is (m / total)^1.6, so the pace triples.
    let mut id = 0;
    let actions = (0..count)
        .map(|n| {
            let share = (n as f64 / count as f64).powf(1.0 / 1.6);
            id += 1 + n % 3;
            (
                id,
                open_minutes[((share * total) as usize).min(open_minutes.len() - 1)],
            )
        })
        .collect();
    History(actions)
}

#[test]
fn an_empty_or_small_history_is_answered_by_the_first_look() {
    assert_eq!(History(vec![]).search(now(), 0), (0, 1));
    let five = one_a_millisecond(5);
    assert_eq!(five.search(now(), 0), (5, 1));
}

#[test]
fn a_webhooks_newest_action_ends_the_search_in_one_look() {
    let history = one_a_millisecond(1_000_000);
    assert_eq!(history.search(now(), 999_999), (1_000_000, 1));
}

#[test]
fn a_million_actions_at_a_steady_pace_take_a_few_looks() {
    let history = one_a_millisecond(1_000_000);
    let (newest, looks) = history.search(now(), 0);
    assert_eq!(newest, 1_000_000);
    assert!(looks <= 6, "{looks} looks");
}

/// A search at the end of a working day, and late on the Sunday after, when the pace measured
/// over the week overshoots by a weekend: fewer than the 29 looks a plain halving search takes.
#[test]
fn a_million_actions_of_office_hours_over_three_years_take_a_few_looks() {
    let history = three_years_of_office_hours(1_000_000);
    let friday_evening = Utc.with_ymd_and_hms(2026, 11, 20, 20, 0, 0).unwrap();
    let (newest, looks) = history.search(friday_evening, 0);
    assert_eq!(newest, history.newest());
    assert!(looks <= 13, "{looks} looks on Friday evening");
    let (newest, looks) = history.search(now(), 0);
    assert_eq!(newest, history.newest());
    assert!(looks <= 18, "{looks} looks on Sunday night");
}

/// Whatever the history, the search ends at its newest action (no look repeats forever).
#[test]
fn every_history_ends_at_its_newest_action() {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut random = move |below: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % below
    };
    for _ in 0..300 {
        let count = random(3000) as i64;
        let mut id = random(50) as i64;
        let mut at = now() - Duration::days(30);
        let actions = (0..count)
            .map(|_| {
                id += 1 + random(20) as i64;
                at += Duration::seconds(random(4000) as i64);
                (id, at.min(now()))
            })
            .collect();
        let history = History(actions);
        let known = match random(3) {
            0 => 0,
            _ => history
                .0
                .get(random(count.max(1) as u64) as usize)
                .map_or(0, |a| a.0),
        };
        assert_eq!(history.search(now(), known).0, history.newest());
    }
}
