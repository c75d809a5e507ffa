use backend::{Config, telemetry};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    telemetry::init();
    let config = Config::from_env()?;
    let server = backend::start(config).await?;
    println!("alcmeon-widget-backend listening on http://{}", server.addr);
    tokio::signal::ctrl_c().await?;
    Ok(())
}
