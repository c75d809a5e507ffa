//! Black-box tests: each starts a real emulator in-process on a free port and talks HTTP to it.
//! `architecture` reads the sources instead, to hold the invariants `src/lib.rs` states.

mod helpers;

mod accounts;
mod actions_paging;
mod answer_send;
mod architecture;
mod auth;
mod binary;
mod control;
mod conversation_fields;
mod custom_fields;
mod customer_traffic;
mod engagement_conversations;
mod engagements;
mod optins;
mod outage;
mod persistence;
mod rate_limit;
mod spec_conformance;
mod webhook;
mod windows_and_holds;
