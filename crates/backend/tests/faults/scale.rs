//! How big a fault test runs: bounded by default (each test well under a minute, for
//! `cargo test --workspace`), or at full scale with `FAULTS=full` (`make faults`).

/// Whether `FAULTS=full` is set.
pub fn full() -> bool {
    std::env::var("FAULTS").is_ok_and(|value| value == "full")
}

/// `bounded` by default, `full` with `FAULTS=full`.
pub fn pick<T>(bounded: T, full: T) -> T {
    if self::full() { full } else { bounded }
}

/// What the figures say about the scale they were measured at.
pub fn name() -> &'static str {
    pick("bounded", "full")
}
