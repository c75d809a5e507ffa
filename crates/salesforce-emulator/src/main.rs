//! Runs the emulator with its configuration from `SALESFORCE_EMULATOR_*` variables.

use std::process::ExitCode;

use salesforce_emulator::{Config, serve};

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("salesforce-emulator: invalid configuration: {error}");
            return ExitCode::FAILURE;
        }
    };
    let emulator = match serve(config).await {
        Ok(emulator) => emulator,
        Err(error) => {
            eprintln!("salesforce-emulator: could not start: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!("salesforce-emulator listening on {}", emulator.base_url());
    tokio::select! {
        result = emulator.wait() => result.map_or(ExitCode::FAILURE, |()| ExitCode::SUCCESS),
        _ = tokio::signal::ctrl_c() => ExitCode::SUCCESS,
    }
}
