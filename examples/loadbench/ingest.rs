//! The ingest scenario: full report ingestion at peak and paced, on the
//! memory store and on the Redis store, beside the trivial endpoint.

use crate::servers::{CommandStats, PrivateRedis, Server, cpu_secs};
use crate::wrk::{self, WrkRun};
use crate::{Options, minute};
use downwatch::catalog::Catalog;
use std::process::Command;
use std::time::Duration;

/// The sum of every service's reports in the last 15 minutes, read through
/// the server's own API.
pub fn reports_through_api(url: &str) -> u64 {
    let out = Command::new("curl")
        .args(["-sf", &format!("{url}/api/v1/services")])
        .output()
        .expect("curl");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    v["services"].as_array().map_or(0, |a| {
        a.iter()
            .filter_map(|s| s["reports_last_15m"].as_u64())
            .sum()
    })
}

struct StoreFigures {
    name: &'static str,
    peak: WrkRun,
    paced: WrkRun,
    acknowledged: u64,
    counted: u64,
    through_api: u64,
    rss_mib: (f64, f64),
    /// Mean detector tick over every service of the catalog.
    tick_secs: f64,
    /// Reports acknowledged during the peak run.
    during_peak: u64,
    /// CPU microseconds a report at peak: the server's, and Redis's.
    server_cpu_us: f64,
    redis_cpu_us: Option<f64>,
    /// Redis command calls during the peak run.
    commands: Option<CommandStats>,
    redis_mib: Option<f64>,
}

/// The targets: full ingestion at this share of the trivial
/// endpoint's rate.
fn target_ratio(store: &str) -> f64 {
    if store == "memory" { 0.8 } else { 0.6 }
}

/// What the target rate leaves per report: every program of the benchmark
/// shares this machine's cores, so at the target rate they give each report
/// `cores / rate` of CPU. wrk takes its share (counted at its cost per
/// request against the ceiling, its cheapest: against a slower server it
/// wakes more often per request), and the server (and Redis) must make do
/// with the rest.
fn print_budget(f: &StoreFigures, ceiling: &WrkRun, cores: usize) {
    let ratio = target_ratio(f.name);
    let rate = ratio * ceiling.per_second;
    let per_report = cores as f64 * 1e6 / rate;
    let wrk = ceiling.client_cpu_us().min(f.peak.client_cpu_us());
    let left = per_report - wrk;
    let taken = f.server_cpu_us + f.redis_cpu_us.unwrap_or(0.0);
    println!(
        "{:<6} budget at {:.0}% ({:.0} reports/s): {cores} cores give {:.1} us a report, \
         wrk takes {:.1}, leaving {:.1} us for the server{}; they take {:.1} us -> {}",
        f.name,
        ratio * 100.0,
        rate,
        per_report,
        wrk,
        left,
        if f.redis_cpu_us.is_some() {
            " and Redis"
        } else {
            ""
        },
        taken,
        if taken <= left {
            "within budget"
        } else {
            "over budget"
        }
    );
}

/// Runs the ingest scenario and prints its figures.
pub fn run(o: &Options) {
    let catalog = Catalog::bundled().expect("catalog");
    let dir = tempfile::tempdir().expect("tempdir");
    let peak_script = dir.path().join("peak.lua");
    std::fs::write(&peak_script, wrk::script(&catalog, 0)).expect("write script");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "loadbench: {} s per run, wrk -t{} -c{}, {cores} cores, {} services",
        o.duration,
        o.threads,
        o.connections,
        catalog.services().len()
    );
    // Each run starts its client addresses elsewhere, so none repeats.
    let runner = wrk::Runner::new(o.threads, 0x0b00_0000);

    let (ceiling, ceiling_cpu) = {
        let server = Server::start(&["ceiling"]);
        let url = format!("{}/api/v1/reports", server.url());
        runner.run(&url, &peak_script, o.connections, 2);
        let before = cpu_secs(server.child.id());
        let peak = runner.run(&url, &peak_script, o.connections, o.duration);
        let cpu = cpu_secs(server.child.id()) - before;
        (peak.clone(), cpu / peak.requests.max(1) as f64)
    };
    println!(
        "ceiling (trivial actix-web endpoint): {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms | \
         CPU a request: server {:.1} us, wrk {:.1} us",
        ceiling.per_second,
        ceiling.p50_ms,
        ceiling.p99_ms,
        ceiling_cpu * 1e6,
        ceiling.client_cpu_us()
    );

    let mut figures = Vec::new();
    for name in ["memory", "redis"] {
        let redis = (name == "redis").then(PrivateRedis::start);
        let mut args = vec!["serve".to_string()];
        if let Some(r) = &redis {
            args.push(r.url());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let server = Server::start(&args);
        let url = format!("{}/api/v1/reports", server.url());
        runner.run(&url, &peak_script, o.connections, 2);
        if let Some(r) = &redis {
            r.query(&["CONFIG", "RESETSTAT"]);
        }
        let before = server.report_metrics().0;
        let cpu_before = (
            cpu_secs(server.child.id()),
            redis.as_ref().map(|r| cpu_secs(r.child.id())),
        );
        let peak = runner.run(&url, &peak_script, o.connections, o.duration);
        let during_peak = server.report_metrics().0 - before;
        let per_report = |secs: f64| secs * 1e6 / during_peak.max(1) as f64;
        let server_cpu_us = per_report(cpu_secs(server.child.id()) - cpu_before.0);
        let redis_cpu_us = redis
            .as_ref()
            .zip(cpu_before.1)
            .map(|(r, before)| per_report(cpu_secs(r.child.id()) - before));
        let commands = redis.as_ref().map(PrivateRedis::command_calls);

        // Paced: each connection waits 10 ms between requests, with enough
        // connections for half the peak rate.
        let delay_ms = 10;
        let paced_connections = ((peak.per_second / 2.0) * delay_ms as f64 / 1000.0)
            .round()
            .max(1.0) as usize;
        let paced_script = dir.path().join("paced.lua");
        std::fs::write(&paced_script, wrk::script(&catalog, delay_ms)).expect("write script");
        minute::wait_to_straddle(o.duration);
        let paced = runner.run(&url, &paced_script, paced_connections, o.duration);
        std::thread::sleep(Duration::from_millis(500));
        let (acknowledged, counted, tick_secs) = server.report_metrics();
        figures.push(StoreFigures {
            name,
            through_api: reports_through_api(&server.url()),
            rss_mib: server.rss_mib(),
            during_peak,
            server_cpu_us,
            redis_cpu_us,
            commands,
            redis_mib: redis.as_ref().map(PrivateRedis::used_memory_mib),
            peak,
            paced,
            acknowledged,
            counted,
            tick_secs,
        });
    }

    let services = catalog.services().len();
    for f in &figures {
        let exact = f.acknowledged == f.counted && f.counted == f.through_api;
        println!(
            "{:<6} peak {:>7.0} reports/s = {:>3.0}% of ceiling | p50 {:.2} ms p99 {:.2} ms | \
             paced across a minute {:.0}/s: p50 {:.2} ms p99 {:.2} ms | errors {} | RSS {:.1} MiB (peak {:.1}){} | \
             acknowledged {} counted {} stored {} -> {}",
            f.name,
            f.peak.per_second,
            100.0 * f.peak.per_second / ceiling.per_second,
            f.peak.p50_ms,
            f.peak.p99_ms,
            f.paced.per_second,
            f.paced.p50_ms,
            f.paced.p99_ms,
            f.peak.errors + f.paced.errors,
            f.rss_mib.0,
            f.rss_mib.1,
            f.redis_mib
                .map_or(String::new(), |m| format!(" | redis used {m:.1} MiB")),
            f.acknowledged,
            f.counted,
            f.through_api,
            if exact { "exact" } else { "MISMATCH" }
        );
        println!(
            "{:<6} CPU a report at peak: server {:.1} us{}, wrk {:.1} us",
            f.name,
            f.server_cpu_us,
            f.redis_cpu_us
                .map_or(String::new(), |r| format!(", redis-server {r:.1} us")),
            f.peak.client_cpu_us()
        );
        print_budget(f, &ceiling, cores);
        println!(
            "{:<6} detector tick over {} services: {:.1} ms ({:.3} ms a service)",
            f.name,
            services,
            f.tick_secs * 1000.0,
            f.tick_secs * 1000.0 / services as f64
        );
        if let Some(c) = &f.commands {
            let n = f.during_peak.max(1) as f64;
            println!(
                "{:<6} Redis commands per report {:.2} (counting those inside scripts), \
                 write round trips per report {:.3} ({:.1} reports per batch), \
                 Redis time in the write script {:.1} us per report",
                f.name,
                c.all as f64 / n,
                c.evalsha as f64 / n,
                n / c.evalsha.max(1) as f64,
                c.script_usec as f64 / n
            );
            let each: Vec<String> = c
                .each
                .iter()
                // The write script's own commands: the rest (the
                // detector's, the benchmark's) are rare beside them.
                .filter(|(name, calls, _)| name != "evalsha" && *calls as f64 / n >= 0.01)
                .map(|(name, calls, usec)| {
                    format!(
                        "{name} {:.2}/report {:.1} us",
                        *calls as f64 / n,
                        *usec as f64 / n
                    )
                })
                .collect();
            println!("{:<6} inside: {}", f.name, each.join(", "));
        }
    }
}
