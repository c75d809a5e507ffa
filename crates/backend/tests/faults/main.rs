//! The fault suite: the real backend, and the real Alcméon emulator, under the faults issue 14
//! lists. Each test prints its figures (`cargo test --test faults -- --nocapture` shows them).
//!
//! Bounded by default, so that `cargo test --workspace` (`make test`) stays fast; `FAULTS=full`
//! (`make faults`) runs each at full scale: minute-long outages, a thousand replies with several
//! kills ([`scale`]).
//!
//! - `outage`: Alcméon's send answering 429, 500, or hanging past the backend's timeout, during
//!   replies from several agents: each delivered once, in order, statuses true, within budget.
//! - `reply_kill`: the real binary killed with SIGKILL during a burst of replies, restarted.
//! - `instance_kill`: one of two instances on PostgreSQL killed mid-burst; the other takes over,
//!   each reply once, and a reply it took over before one posted to it after.
//! - `hang_ups`: hundreds of clients hanging up mid-reply on two PostgreSQL instances.
//! - `tokens`: refused session tokens, and what the answer and the log show of them.
//! - `log_flood`: thousands of refused requests, and how much of them the log shows.
//! - `webhook_bodies`: huge, forged and replayed webhook bodies.
//! - `webhook_faults`: thousands of customer messages with webhooks dropped and sent twice.
//! - `stream_drops`: live streams dropped a hundred times during a burst.

#[path = "../api/event_stream.rs"]
#[allow(dead_code)]
mod event_stream;
#[path = "../api/helpers.rs"]
#[allow(dead_code)]
mod helpers;
mod process;
mod scale;

mod hang_ups;
mod instance_kill;
mod log_flood;
mod outage;
mod reply_kill;
mod stream_drops;
mod tokens;
mod webhook_bodies;
mod webhook_faults;
