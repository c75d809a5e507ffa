//! Where a thread item's id comes from, by range. Invariant: the three ranges never overlap, and
//! each is above the one before, so an item sorts after everything Alcméon has recorded until
//! Alcméon records it too, and every id stays exact in a JavaScript number (below 2^53).
//!
//! | range | who gives it | what it is |
//! |---|---|---|
//! | `1 ..` [`PROVISIONAL_BASE`] | Alcméon | an action id |
//! | [`PROVISIONAL_BASE`] `..` [`OPTIMISTIC_BASE`] | the backend | a reply Alcméon has not recorded yet ([`provisional`]) |
//! | [`OPTIMISTIC_BASE`] `..=` [`OPTIMISTIC_TOP`] | the widget | a reply the backend has not answered for yet ([`optimistic`]) |

/// The first provisional id: 2^52.
pub const PROVISIONAL_BASE: i64 = 1 << 52;
/// The lowest id the widget uses for a reply it is still sending.
pub const OPTIMISTIC_BASE: i64 = OPTIMISTIC_TOP - (1 << 40);
/// The highest id any item has: 2^53 − 1, JavaScript's largest exact integer.
pub const OPTIMISTIC_TOP: i64 = (1 << 53) - 1;

/// The backend's id for the stored reply with this row id (1, 2, …).
pub fn provisional(reply_row: i64) -> i64 {
    PROVISIONAL_BASE + reply_row
}

/// The widget's id for the `nth` reply it sent since it mounted (1, 2, …).
pub fn optimistic(nth: i64) -> i64 {
    OPTIMISTIC_TOP - nth
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ranges_are_ordered_and_exact_in_javascript() {
        let largest_action = PROVISIONAL_BASE - 1;
        assert!(largest_action < provisional(1));
        assert!(provisional(OPTIMISTIC_BASE - PROVISIONAL_BASE - 1) < OPTIMISTIC_BASE);
        assert!(OPTIMISTIC_BASE < optimistic(1_000_000));
        assert!(optimistic(1) <= OPTIMISTIC_TOP);
        assert_eq!(OPTIMISTIC_TOP as f64 as i64, OPTIMISTIC_TOP);
    }
}
