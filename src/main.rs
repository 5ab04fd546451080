//! The `downwatch` binary: parse the command line, build the app, run it.

use clap::Parser;
use downwatch::config::{Cli, Command};
use downwatch::startup::Application;

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    downwatch::telemetry::init();
    let cli = Cli::parse();
    let settings = match cli.command {
        Some(Command::Serve(s)) => s,
        None => cli.serve,
    };
    let app = Application::build(settings).await?;
    app.run_until_stopped().await?;
    Ok(())
}
