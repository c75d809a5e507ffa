//! Black-box tests: each starts a real emulator in-process on a free port and talks HTTP to it.

mod helpers;

mod binary;
mod collections;
mod limits;
mod oauth;
mod outage;
mod persistence;
mod query;
mod sobjects;
