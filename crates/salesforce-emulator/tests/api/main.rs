//! Black-box tests: each starts a real emulator in-process on a free port and talks HTTP to it.
//! `architecture` reads the sources instead, to hold the invariants `src/lib.rs` states.

mod helpers;

mod architecture;
mod binary;
mod collections;
mod limits;
mod oauth;
mod outage;
mod persistence;
mod query;
mod sobjects;
