use backend::{Config, telemetry};

/// jemalloc rather than the system allocator: the memory idle live streams held goes back to
/// the system once they close (glibc keeps it in its arenas).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's settings: a background thread gives freed pages back within about a second, even
/// when nothing else is allocated.
#[allow(non_upper_case_globals)]
#[unsafe(export_name = "_rjem_malloc_conf")]
pub static malloc_conf: &[u8; 43] = b"background_thread:true,dirty_decay_ms:1000\0";

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
