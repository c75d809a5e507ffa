use std::io::IsTerminal;
use std::time::Duration;

use tracing_subscriber::EnvFilter;
use tracing_subscriber::filter::FilterExt;
use tracing_subscriber::prelude::*;
use tracing_throttle::{Policy, TracingRateLimitLayer};

/// The log filter when `RUST_LOG` is not set: info for our crates, warn for the rest.
pub const DEFAULT_FILTER: &str = "warn,backend=info,alcmeon_widget_backend=info";

/// How many identical events (same level, message and fields) are logged at once before they are
/// held to one a second: a flood of refused requests must not flood the log.
const IDENTICAL_BURST: f64 = 50.0;
/// How often the count of identical events left out is logged (a `WARN` per kind of event).
const LEFT_OUT_SUMMARY: Duration = Duration::from_secs(10);
/// Fields a sender chooses (a refused request's path, why its token was refused, the length a
/// webhook announced): two events differing only there are identical, so changing them does not
/// get a flood past the limit.
const SENDERS_FIELDS: [&str; 3] = ["path", "reason", "length"];

/// Logs to stderr, filtered by `RUST_LOG` (default [`DEFAULT_FILTER`]), with
/// repeated identical events limited ([`IDENTICAL_BURST`]); coloured only on a terminal, so a log
/// file holds plain text. Runs inside the Tokio runtime (the summaries are a task).
pub fn init() {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let identical = TracingRateLimitLayer::builder()
        .with_policy(Policy::token_bucket(IDENTICAL_BURST, 1.0).expect("a valid policy"))
        .with_excluded_fields(SENDERS_FIELDS.map(String::from).to_vec())
        .with_active_emission(true)
        .with_summary_interval(LEFT_OUT_SUMMARY)
        .build()
        .expect("a valid log limit");
    let log = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_filter(filter.and(identical));
    let _ = tracing_subscriber::registry().with(log).try_init();
}
