//! The `downwatch` binary: parse the command line, build the app, run it.

use downwatch::config::{Cli, Command};
use downwatch::startup::Application;

/// mimalloc: under many threads of small, short-lived allocations (every
/// request's strings and maps) it is markedly cheaper than glibc's malloc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    downwatch::telemetry::init();
    let cli = Cli::parse_with_renamed();
    let settings = match cli.command {
        Some(Command::Serve(s)) => *s,
        None => cli.serve,
        Some(Command::Replay { files }) => {
            let params = downwatch::detect::Params::default();
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            downwatch::detect::replay::run(&files, &params, &mut out)?;
            return Ok(());
        }
        Some(Command::Simulate {
            seed,
            services,
            weeks,
            warmup_weeks,
            outages,
            causes,
            runs,
        }) => {
            if causes {
                let opts = downwatch::cause::simulate::CauseSimOptions {
                    seed,
                    runs: runs as usize,
                };
                print!("{}", downwatch::cause::simulate::run(&opts).render());
                return Ok(());
            }
            anyhow::ensure!(
                warmup_weeks < weeks,
                "--warmup-weeks must be less than --weeks"
            );
            let opts = downwatch::detect::simulate::SimulateOptions {
                seed,
                services,
                weeks,
                warmup_weeks,
                list_outages: outages,
            };
            let report =
                downwatch::detect::simulate::run(&opts, &downwatch::detect::Params::default());
            print!("{}", report.render(&opts));
            return Ok(());
        }
        Some(Command::Healthcheck { listen }) => {
            downwatch::healthcheck::check(&listen)?;
            return Ok(());
        }
    };
    let app = Application::build(settings).await?;
    app.run_until_stopped().await?;
    Ok(())
}
