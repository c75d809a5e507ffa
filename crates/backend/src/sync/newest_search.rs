//! The search for the newest action Alcméon holds, as a pure state machine: it proposes the next
//! `min_action_id` to look after and learns from what `GET /actions` answered there. No I/O, so
//! its call counts are tested on simulated histories (`newest_search/tests.rs`).
//!
//! A look after `probe` answers the (at most ten) lowest ids above it: an empty page bounds the
//! newest action from above, a short page ends at it, a full page raises the lower bound to its
//! last id and tells when that action happened. Action ids follow time in Alcméon, so from two
//! dated actions the search extrapolates where ids stand now and looks just below that guess;
//! each full page gives a newer point and a shorter extrapolation. When the guess misses (it falls
//! outside what is known, or an interpolated look did not halve the range) the next look halves
//! the range instead, so a history whose pace varies (nights, weekends) still takes about
//! `log2` of the guess's error, never more than a plain halving search.

use chrono::{DateTime, Utc};

use crate::alcmeon::ACTIONS_PAGE_SIZE;

const PAGE: i64 = ACTIONS_PAGE_SIZE as i64;

/// How much the upper look grows while no two dated actions give a pace.
const GALLOP: i64 = 64;

/// How much the least step past a full page grows with each one.
const STRIDE_GROWTH: i64 = 4;

/// What one look after a `min_action_id` showed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Look {
    /// Nothing above it.
    Empty,
    /// Fewer than a page: `last` is the newest action.
    Short { last: i64 },
    /// A full page ending at `last`, which happened `at` (if the action says).
    Full {
        last: i64,
        at: Option<DateTime<Utc>>,
    },
}

/// An action id and when it happened.
#[derive(Debug, Clone, Copy)]
struct Point {
    id: i64,
    at: DateTime<Utc>,
}

#[derive(Debug)]
pub struct NewestSearch {
    now: DateTime<Utc>,
    /// The newest action id known to exist (0 before any).
    lo: i64,
    /// The lowest id known to have nothing above it.
    hi: Option<i64>,
    /// The dated actions seen, ascending: the pace between two of them.
    points: Vec<Point>,
    /// Whether anything was looked at yet: the first look is after `lo` itself.
    looked: bool,
    halve_next: bool,
    /// The least a look goes past `lo` while nothing bounds the search: it grows with every full
    /// page, so a guess that keeps landing on full pages (a pace measured too low) cannot crawl.
    stride: i64,
}

/// The next thing the search wants.
#[derive(Debug, PartialEq)]
pub enum Step {
    /// Look at `GET /actions?min_action_id=…`.
    LookAfter(i64),
    /// The newest action id (0 when Alcméon holds none).
    Found(i64),
}

impl NewestSearch {
    /// A search at time `now` (the pace is extrapolated up to it).
    pub fn new(now: DateTime<Utc>) -> Self {
        Self {
            now,
            lo: 0,
            hi: None,
            points: Vec::new(),
            looked: false,
            halve_next: false,
            stride: PAGE,
        }
    }

    /// An action known to exist (a webhook brought it): the newest is at least it.
    pub fn knows(&mut self, id: i64) {
        self.lo = self.lo.max(id);
    }

    /// Invariant: the newest action is in `lo..=hi`, and every look is after an id in
    /// `lo..hi`, so each one ends the search, lowers `hi` or raises `lo`.
    pub fn next(&mut self) -> Step {
        if self.hi.is_some_and(|hi| hi <= self.lo) {
            return Step::Found(self.lo);
        }
        if !self.looked {
            return Step::LookAfter(self.lo);
        }
        let guess = self.guess();
        let probe = match self.hi {
            None => match guess {
                Some(guess) => guess.max(self.lo.saturating_add(self.stride)),
                None => self.lo.max(PAGE).saturating_mul(GALLOP),
            },
            Some(hi) => match guess.filter(|guess| !self.halve_next && *guess < hi) {
                Some(guess) => guess,
                None => self.lo + (hi - self.lo) / 2,
            },
        };
        Step::LookAfter(probe)
    }

    /// Learns what the look after `probe` showed; the answer when it ends the search.
    pub fn saw(&mut self, probe: i64, look: Look) -> Option<i64> {
        let range_before = self.hi.map(|hi| hi - self.lo);
        self.looked = true;
        match look {
            Look::Empty => self.hi = Some(self.hi.map_or(probe, |hi| hi.min(probe))),
            Look::Short { last } => return Some(last),
            Look::Full { last, at } => {
                self.lo = self.lo.max(last);
                if self.hi.is_none() {
                    self.stride = self.stride.saturating_mul(STRIDE_GROWTH);
                }
                if let Some(at) = at {
                    let index = self.points.partition_point(|point| point.id < last);
                    self.points.insert(index, Point { id: last, at });
                }
            }
        }
        // A look that did not halve a bounded range hands the next one to halving.
        self.halve_next = match (range_before, self.hi) {
            (Some(before), Some(hi)) => hi - self.lo > before / 2,
            _ => false,
        };
        None
    }

    /// Where ids stand now at the recent pace, less half a page so that the look's page straddles
    /// the newest action. The pace is the one between the newest dated action and the newest one
    /// at least a second older, so a history whose traffic grew is extrapolated at today's pace,
    /// not its average.
    fn guess(&self) -> Option<i64> {
        let latest = *self.points.last()?;
        let ahead = (self.now - latest.at).num_milliseconds().max(0);
        let base = self
            .points
            .iter()
            .rev()
            .find(|point| (latest.at - point.at).num_milliseconds() >= 1000)?;
        let span = (latest.at - base.at).num_milliseconds();
        if span <= 0 || latest.id <= base.id {
            return None;
        }
        let pace = (latest.id - base.id) as f64 / span as f64;
        let guess = latest.id as f64 + pace * ahead as f64 - (PAGE / 2) as f64;
        Some((guess.min(i64::MAX as f64 / 2.0) as i64).max(self.lo))
    }
}

#[cfg(test)]
mod tests;
