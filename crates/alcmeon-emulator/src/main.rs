//! Runs the emulator with its configuration from `ALCMEON_EMULATOR_*` variables, until Ctrl-C or
//! SIGTERM.

use std::process::ExitCode;

use alcmeon_emulator::{Config, serve};

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
            eprintln!("alcmeon-emulator: invalid configuration: {error}");
            return ExitCode::FAILURE;
        }
    };
    let emulator = match serve(config).await {
        Ok(emulator) => emulator,
        Err(error) => {
            eprintln!("alcmeon-emulator: could not start: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!("alcmeon-emulator listening on {}", emulator.base_url());
    tokio::select! {
        result = emulator.wait() => result.map_or(ExitCode::FAILURE, |()| ExitCode::SUCCESS),
        () = stop_asked() => ExitCode::SUCCESS,
    }
}

/// Ctrl-C or SIGTERM: the emulator is then dropped, which writes its state file.
async fn stop_asked() {
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("SIGTERM can be listened to");
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate.recv() => {}
    }
}
