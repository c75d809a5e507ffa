use backend::{Config, telemetry};

/// mimalloc rather than the system allocator: idle live streams cost less, and the memory they
/// held goes back to the system once they close.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    telemetry::init();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("alcmeon-widget-backend cannot start: {error}");
            std::process::exit(2);
        }
    };
    let server = backend::start(config).await?;
    println!("alcmeon-widget-backend listening on http://{}", server.addr);
    tokio::signal::ctrl_c().await?;
    Ok(())
}
