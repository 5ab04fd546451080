//! The load benchmark: full report ingestion over HTTP, driven by wrk, on
//! the memory store and on the Redis store (a private redis-server), beside
//! a trivial actix-web endpoint on the same machine as the ceiling.
//!
//! ```sh
//! apt-get install wrk redis-server   # once
//! cargo run --release --example loadbench
//! cargo run --release --example loadbench -- --duration 20 --connections 128
//! ```
//!
//! Each server runs in a child process (this binary again, in a server
//! mode), so its memory and CPU time are its own. For each store it prints
//! reports/s at peak, p50/p99 latency at peak and in a paced run at half
//! the peak rate (timed to span a minute boundary, when the detector steps
//! every series), errors, the server's and Redis's CPU time per report
//! (from /proc, beside the trivial endpoint's per request, and wrk's own),
//! what CPU the issue's target rates (80% and 60% of the ceiling) would
//! leave per report, Redis commands per report and Redis's time in each,
//! the server's RSS, and whether the counts stored equal the reports the
//! server acknowledged. Every request
//! comes from a different client address, so every report counts (none is
//! a repeat) and the default rate limits apply as in production.

mod wrk;

use actix_web::{App, HttpResponse, HttpServer, web};
use clap::Parser;
use downwatch::catalog::Catalog;
use downwatch::config::Cli;
use downwatch::startup::Application;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::Duration;
use wrk::WrkRun;

/// mimalloc: under many threads of small, short-lived allocations (every
/// request's strings and maps) it is markedly cheaper than glibc's malloc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Options {
    duration: u64,
    connections: usize,
    threads: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("ceiling") => serve_ceiling(),
        Some("serve") => serve_downwatch(args.get(1).cloned()),
        // The wrk script alone, to drive another server by hand:
        // `wrk -s script.lua http://host/api/v1/reports -- 2 0`.
        Some("script") => print!("{}", wrk::script(&Catalog::bundled().expect("catalog"), 0)),
        _ => bench(&options(&args)),
    }
}

fn options(args: &[String]) -> Options {
    let mut o = Options {
        duration: 10,
        connections: 64,
        threads: 2,
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().and_then(|v| v.parse::<u64>().ok());
        match (flag.as_str(), value) {
            ("--duration", Some(v)) => o.duration = v,
            ("--connections", Some(v)) => o.connections = v as usize,
            ("--threads", Some(v)) => o.threads = v as usize,
            _ => {
                eprintln!("usage: loadbench [--duration SECS] [--connections N] [--threads N]");
                std::process::exit(2);
            }
        }
    }
    o
}

/// A server child process: this binary in a server mode.
struct Server {
    child: Child,
    /// Held open: the server exits when it closes.
    _stdin: ChildStdin,
    port: u16,
}

impl Server {
    fn start(args: &[&str]) -> Self {
        let mut child = Command::new(std::env::current_exe().expect("own path"))
            .args(args)
            .env("RUST_LOG", "warn")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start server process");
        let stdin = child.stdin.take().expect("stdin");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let mut line = String::new();
        stdout.read_line(&mut line).expect("port line");
        let port = line
            .trim()
            .strip_prefix("port ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("server said {line:?}"));
        Self {
            child,
            _stdin: stdin,
            port,
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The server's own metrics: (acknowledged, counted) reports so far,
    /// and the mean detector tick in seconds.
    fn report_metrics(&self) -> (u64, u64, f64) {
        let out = Command::new("curl")
            .args(["-sf", &format!("{}/metrics", self.url())])
            .output()
            .expect("curl");
        let text = String::from_utf8_lossy(&out.stdout);
        let value = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name)?.strip_prefix(' '))
                .and_then(|v| v.trim().parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        let counted = value("downwatch_reports_counted_total") as u64;
        let repeated = value("downwatch_reports_repeated_total") as u64;
        let ticks = value("downwatch_detector_tick_duration_seconds_count");
        let tick_secs = value("downwatch_detector_tick_duration_seconds_sum") / ticks.max(1.0);
        (counted + repeated, counted, tick_secs)
    }

    /// Resident and peak resident memory, in MiB.
    fn rss_mib(&self) -> (f64, f64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.split_whitespace().next())
                .and_then(|kb| kb.parse::<f64>().ok())
                .map_or(f64::NAN, |kb| kb / 1024.0)
        };
        (field("VmRSS:"), field("VmHWM:"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The ceiling: actix-web reading the request body and answering 202 with
/// a small JSON body, nothing else, with the same worker count as
/// downwatch.
fn serve_ceiling() {
    actix_web::rt::System::new().block_on(async {
        let server = HttpServer::new(|| {
            App::new().route(
                "/api/v1/reports",
                web::post().to(|_body: web::Bytes| async {
                    HttpResponse::Accepted()
                        .content_type("application/json")
                        .body(r#"{"counted":true}"#)
                }),
            )
        })
        .bind("127.0.0.1:0")
        .expect("bind");
        let port = server.addrs()[0].port();
        announce(port);
        server.run().await.expect("ceiling server");
    });
}

/// downwatch as `downwatch serve` runs it: its settings from the command
/// line and `DOWNWATCH_*` variables (so a run can be tuned from the
/// environment), with loopback trusted as a proxy, on the Redis store at
/// `redis_url` or the memory store.
fn serve_downwatch(redis_url: Option<String>) {
    actix_web::rt::System::new().block_on(async {
        let mut args = vec!["downwatch", "--listen", "127.0.0.1:0"];
        args.extend(["--trusted-proxy", "127.0.0.1"]);
        if let Some(url) = &redis_url {
            args.extend(["--redis-url", url]);
        }
        let settings = Cli::parse_from(args).serve;
        let app = Application::build(settings).await.expect("app");
        announce(app.port());
        app.run_until_stopped().await.expect("server");
    });
}

/// Tells the benchmark the port, and exits when the benchmark goes away
/// (its end of stdin closes).
fn announce(port: u16) {
    println!("port {port}");
    let _ = std::io::stdout().flush();
    std::thread::spawn(|| {
        for line in std::io::stdin().lock().lines() {
            if line.is_err() {
                break;
            }
        }
        std::process::exit(0);
    });
}

/// CPU seconds (user + system) a process has used so far.
fn cpu_secs(pid: u32) -> f64 {
    stat_secs(&format!("/proc/{pid}/stat"), 14)
}

/// CPU seconds used by this process's children that have ended and been
/// waited for: the wrk runs, read before and after each.
fn ended_children_cpu_secs() -> f64 {
    stat_secs("/proc/self/stat", 16)
}

/// The sum of the two clock-tick fields at `field` and `field + 1`
/// (numbered as in proc(5)) of a `stat` file, in seconds.
fn stat_secs(path: &str, field: usize) -> f64 {
    static TICKS: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    let ticks = *TICKS.get_or_init(|| {
        Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
            .unwrap_or(100.0)
    });
    let stat = std::fs::read_to_string(path).unwrap_or_default();
    // Fields after the command name (which may hold spaces), from field 3.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<f64> = rest
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0.0))
        .collect();
    let at = |n: usize| fields.get(n - 3).copied().unwrap_or(0.0);
    (at(field) + at(field + 1)) / ticks
}

/// A private redis-server on a free port, persistence off.
struct PrivateRedis {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl PrivateRedis {
    fn start() -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let dir = tempfile::tempdir().expect("tempdir");
        let child = Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .spawn()
            .expect("start redis-server (apt-get install redis-server)");
        let redis = Self {
            child,
            port,
            _dir: dir,
        };
        for _ in 0..200 {
            if redis.query(&["PING"]).is_some() {
                return redis;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        panic!("redis-server did not start");
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/", self.port)
    }

    fn query(&self, args: &[&str]) -> Option<String> {
        let out = Command::new("redis-cli")
            .args(["-p", &self.port.to_string()])
            .args(args)
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// Calls of every command since the last CONFIG RESETSTAT: (all,
    /// EVALSHA, microseconds Redis spent in the EVALSHAs, and per command
    /// its name, calls and microseconds, the costliest first).
    fn command_calls(&self) -> CommandStats {
        let info = self.query(&["INFO", "commandstats"]).unwrap_or_default();
        let mut stats = CommandStats::default();
        for line in info.lines() {
            let Some((name, rest)) = line.trim().split_once(":calls=") else {
                continue;
            };
            let name = name.trim_start_matches("cmdstat_");
            if name == "info" || name == "config" {
                continue;
            }
            let number = |key: &str| {
                rest.split(',')
                    .find_map(|kv| kv.strip_prefix(key))
                    .and_then(|v| v.parse::<u64>().ok())
                    .unwrap_or(0)
            };
            let calls = rest
                .split(',')
                .next()
                .and_then(|c| c.parse().ok())
                .unwrap_or(0);
            let usec = number("usec=");
            stats.all += calls;
            if name == "evalsha" {
                stats.evalsha += calls;
                // A script's time includes the commands it runs.
                stats.script_usec += usec;
            }
            stats.each.push((name.to_string(), calls, usec));
        }
        stats
            .each
            .sort_by_key(|(_, _, usec)| std::cmp::Reverse(*usec));
        stats
    }

    fn used_memory_mib(&self) -> f64 {
        let info = self.query(&["INFO", "memory"]).unwrap_or_default();
        info.lines()
            .find_map(|l| l.trim().strip_prefix("used_memory:"))
            .and_then(|v| v.parse::<f64>().ok())
            .map_or(f64::NAN, |b| b / 1_048_576.0)
    }
}

impl Drop for PrivateRedis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The sum of every service's reports in the last 15 minutes, read through
/// the server's own API.
fn reports_through_api(url: &str) -> u64 {
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

#[derive(Default)]
struct CommandStats {
    all: u64,
    evalsha: u64,
    script_usec: u64,
    each: Vec<(String, u64, u64)>,
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

/// Waits until a run of `secs` started now would have a minute boundary
/// in its middle. At each minute the detector steps every series over the
/// minute just completed (after a peak run, a flood everywhere): the paced
/// run's latency must include that moment, not fall between two of them.
fn wait_to_straddle_a_minute(secs: u64) {
    if secs >= 60 {
        return;
    }
    let into_minute = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() % 60);
    let start_at = 60 - secs.div_ceil(2);
    let wait = (start_at + 60 - into_minute) % 60;
    std::thread::sleep(Duration::from_secs(wait));
}

/// The issue's targets: full ingestion at this share of the trivial
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

fn bench(o: &Options) {
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
    let offset = std::cell::Cell::new(0x0b00_0000_u64);
    let run = |url: &str, script: &std::path::Path, connections: usize, secs: u64| {
        offset.set(offset.get() + 0x0100_0000 + 7);
        let before = ended_children_cpu_secs();
        let mut run = wrk::run(url, script, o.threads, connections, secs, offset.get());
        run.client_cpu_secs = ended_children_cpu_secs() - before;
        run
    };

    let (ceiling, ceiling_cpu) = {
        let server = Server::start(&["ceiling"]);
        let url = format!("{}/api/v1/reports", server.url());
        run(&url, &peak_script, o.connections, 2);
        let before = cpu_secs(server.child.id());
        let peak = run(&url, &peak_script, o.connections, o.duration);
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
        run(&url, &peak_script, o.connections, 2);
        if let Some(r) = &redis {
            r.query(&["CONFIG", "RESETSTAT"]);
        }
        let before = server.report_metrics().0;
        let cpu_before = (
            cpu_secs(server.child.id()),
            redis.as_ref().map(|r| cpu_secs(r.child.id())),
        );
        let peak = run(&url, &peak_script, o.connections, o.duration);
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
        wait_to_straddle_a_minute(o.duration);
        let paced = run(&url, &paced_script, paced_connections, o.duration);
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
