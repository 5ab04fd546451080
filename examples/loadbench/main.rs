//! The load benchmark, driven by wrk, in two scenarios that run one after
//! the other by default:
//!
//! - **ingest**: full report ingestion over HTTP on the memory store and
//!   on the Redis store (a private redis-server), beside a trivial
//!   actix-web endpoint on the same machine as the ceiling;
//! - **writes**: what a report costs Redis, at the outage moment (90% of
//!   reports for one service) and in mixed traffic, on one Redis and on a
//!   three-master cluster, beside the naive one-round-trip ingest
//!   (`writes.rs`);
//! - **reads** ("the outage moment"): pages and read API on the Redis
//!   store, idle and then while a report flood on one service opens an
//!   outage, beside the trivial endpoint.
//!
//! ```sh
//! apt-get install wrk redis-server curl   # once
//! cargo run --release --example loadbench
//! cargo run --release --example loadbench -- --scenario reads --duration 5
//! cargo run --release --example loadbench -- --scenario writes
//! cargo run --release --example loadbench -- --duration 20 --connections 128
//! ```
//!
//! Each server runs in a child process (this binary again, in a server
//! mode), so its memory and CPU time are its own.
//!
//! The ingest scenario prints for each store reports/s at peak, p50/p99
//! latency at peak and in a paced run at half the peak rate (timed to span
//! a minute boundary, when the detector steps every series), errors, the
//! server's and Redis's CPU time per report (from /proc, beside the
//! trivial endpoint's per request, and wrk's own), what CPU the issue's
//! target rates (80% and 60% of the ceiling) would leave per report, Redis
//! commands per report and Redis's time in each, the server's RSS, and
//! whether the counts stored equal the reports the server acknowledged.
//! Every request comes from a different client address, so every report
//! counts (none is a repeat) and the default rate limits apply as in
//! production.
//!
//! The reads scenario is described in `reads.rs`.

mod flood;
mod ingest;
mod minute;
mod reads;
mod servers;
mod writes;
mod wrk;

use downwatch::catalog::Catalog;
use std::process::{Command, Stdio};

/// mimalloc: under many threads of small, short-lived allocations (every
/// request's strings and maps) it is markedly cheaper than glibc's malloc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Which parts of the benchmark run.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Scenario {
    All,
    Ingest,
    Writes,
    Reads,
}

struct Options {
    scenario: Scenario,
    /// Seconds of each measured run.
    duration: u64,
    /// wrk connections of the peak runs and of idle reads.
    connections: usize,
    threads: usize,
    /// Reports a second of the reads scenario's flood.
    rate: f64,
    /// wrk connections reading during the flood.
    readers: usize,
    /// The service the flood falls on, whose pages are read.
    service: String,
    /// Stores the writes scenario measures downwatch on: "redis",
    /// "cluster" (these two by default) and "redis-hashtables" (one Redis
    /// with `hash-max-listpack-entries 0`, to compare with "redis").
    backends: Vec<&'static str>,
}

const USAGE: &str = "usage: loadbench [--scenario all|ingest|writes|reads] [--duration SECS] \
[--connections N] [--threads N] [--rate REPORTS_PER_SEC] [--readers N] [--service SLUG] \
[--backends redis,redis-hashtables,cluster]";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("ceiling") => servers::serve_ceiling(),
        Some("serve") => servers::serve_downwatch(args.get(1).cloned()),
        Some("naive") => {
            servers::serve_naive(args.get(1).map_or("redis://127.0.0.1/", String::as_str))
        }
        // The wrk script alone, to drive another server by hand:
        // `wrk -s script.lua http://host/api/v1/reports -- 2 0`.
        Some("script") => print!("{}", wrk::script(&Catalog::bundled().expect("catalog"), 0)),
        _ => {
            let o = options(&args).unwrap_or_else(|| {
                eprintln!("{USAGE}");
                std::process::exit(2);
            });
            check_tools();
            if matches!(o.scenario, Scenario::All | Scenario::Ingest) {
                ingest::run(&o);
            }
            if matches!(o.scenario, Scenario::All | Scenario::Writes) {
                if o.scenario == Scenario::All {
                    println!();
                }
                writes::run(&o);
            }
            if matches!(o.scenario, Scenario::All | Scenario::Reads) {
                if o.scenario == Scenario::All {
                    println!();
                }
                reads::run(&o);
            }
        }
    }
}

/// The options, or None when one is unknown or has no valid value.
fn options(args: &[String]) -> Option<Options> {
    let mut o = Options {
        scenario: Scenario::All,
        duration: 10,
        connections: 64,
        threads: 2,
        rate: 500.0,
        readers: 32,
        service: "spotify".to_string(),
        backends: vec!["redis", "cluster"],
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next()?;
        let number = || value.parse::<u64>().ok().filter(|n| *n > 0);
        match flag.as_str() {
            "--scenario" => {
                o.scenario = match value.as_str() {
                    "all" => Scenario::All,
                    "ingest" => Scenario::Ingest,
                    "writes" => Scenario::Writes,
                    "reads" => Scenario::Reads,
                    _ => return None,
                }
            }
            "--duration" => o.duration = number()?,
            "--connections" => o.connections = number()? as usize,
            "--threads" => o.threads = number()? as usize,
            "--rate" => o.rate = value.parse().ok().filter(|r: &f64| *r > 0.0)?,
            "--readers" => o.readers = number()? as usize,
            "--service" => o.service = value.clone(),
            "--backends" => {
                o.backends = value
                    .split(',')
                    .map(|b| match b {
                        "redis" => Some("redis"),
                        "redis-hashtables" => Some("redis-hashtables"),
                        "cluster" => Some("cluster"),
                        _ => None,
                    })
                    .collect::<Option<Vec<_>>>()?;
            }
            _ => return None,
        }
    }
    Some(o)
}

fn check_tools() {
    for tool in ["wrk", "redis-server", "redis-cli", "curl"] {
        let found = Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !found {
            eprintln!("loadbench needs {tool}: apt-get install wrk redis-server curl");
            std::process::exit(2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &str) -> Option<Options> {
        let args: Vec<String> = args.split_whitespace().map(String::from).collect();
        options(&args)
    }

    #[test]
    fn options_default_to_the_whole_benchmark() {
        let o = parse("").expect("defaults");
        assert_eq!(o.scenario, Scenario::All);
        assert_eq!((o.duration, o.connections, o.readers), (10, 64, 32));
        assert_eq!((o.rate, o.service.as_str()), (500.0, "spotify"));
    }

    #[test]
    fn options_pick_a_scenario_and_its_settings() {
        let o =
            parse("--scenario reads --duration 3 --rate 250.5 --service github").expect("valid");
        assert_eq!(o.scenario, Scenario::Reads);
        assert_eq!(
            (o.duration, o.rate, o.service.as_str()),
            (3, 250.5, "github")
        );
        assert!(parse("--scenario writes").is_some());
        let o = parse("--scenario writes --backends cluster").expect("valid");
        assert_eq!(o.backends, ["cluster"]);
        assert!(parse("--backends redis,mongo").is_none());
        let o = parse("--backends redis,redis-hashtables").expect("valid");
        assert_eq!(o.backends, ["redis", "redis-hashtables"]);
        assert!(parse("--scenario bogus").is_none());
        assert!(parse("--duration").is_none());
        assert!(parse("--duration 0").is_none());
        assert!(parse("--rate -5").is_none());
        assert!(parse("--colour blue").is_none());
    }
}
