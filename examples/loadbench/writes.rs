//! The writes scenario: what a report costs Redis, at the outage moment
//! and in mixed traffic, beside the naive one-round-trip ingest and the
//! trivial endpoint in the same run.
//!
//! - **trivial**: the ceiling endpoint (`POST`, answers 202, no work);
//! - **naive**: `serve_naive`, the yardstick: one pipelined
//!   `HINCRBY` + `EXPIRE` per report on a private redis-server;
//! - **mixed**: downwatch on the Redis store, the ingest scenario's Zipf
//!   mix over the whole catalog;
//! - **outage**: 90% of the reports for one service (`--service`), the
//!   rest mixed; every report from a client address of its own (through
//!   the trusted proxy header), so from many networks and countries;
//! - both again on a three-master Redis Cluster.
//!
//! For each it prints reports/s and its ratio to the naive ingest, p50 and
//! p99, errors, Redis commands per report (INFO commandstats, counting
//! those inside scripts, summed over the cluster's masters) beside the
//! server's own `downwatch_redis_report_commands_total` per report, round
//! trips per report, CPU per report (server and Redis), and whether every
//! acknowledged report is stored; then the targets, met or not.

use crate::Options;
use crate::ingest::reports_through_api;
use crate::servers::{PrivateCluster, PrivateRedis, Server, cpu_secs};
use crate::wrk::{self, WrkRun};
use downwatch::catalog::Catalog;
use std::path::Path;
use std::process::Command;

/// The server's write-cost counters: (Redis commands, round trips, reports
/// written) by its report writers so far.
fn write_cost(server: &Server) -> (f64, f64, f64) {
    let out = Command::new("curl")
        .args(["-sf", &format!("{}/metrics", server.url())])
        .output()
        .expect("curl");
    let text = String::from_utf8_lossy(&out.stdout);
    let value = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(' '))
            .and_then(|v| v.trim().parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (
        value("downwatch_redis_report_commands_total"),
        value("downwatch_redis_report_round_trips_total"),
        value("downwatch_redis_reports_written_total"),
    )
}

/// One measured run of reports against a server on Redis.
struct Figures {
    run: WrkRun,
    /// INFO commandstats calls per report (all Redis nodes).
    commands: f64,
    /// The same per command (EVALSHA included), the most frequent first,
    /// with Redis's microseconds a call.
    each: Vec<(String, f64, f64)>,
    /// Microseconds Redis spent running the write script, per report
    /// (INFO commandstats: the commands inside it included).
    script_us: f64,
    /// By the server's own metrics (None for the naive ingest).
    own: Option<(f64, f64)>,
    server_cpu_us: f64,
    redis_cpu_us: f64,
    /// Acknowledged, counted and read back through the API, as last
    /// compared (None: not checked); see [`stored_verdict`].
    exact: Option<(u64, u64, u64)>,
}

/// The Redis nodes a run writes to.
fn nodes_of<'a>(
    single: &'a Option<PrivateRedis>,
    cluster: &'a Option<PrivateCluster>,
) -> Vec<&'a PrivateRedis> {
    match (single, cluster) {
        (Some(r), _) => vec![r],
        (None, Some(c)) => c.nodes.iter().collect(),
        (None, None) => Vec::new(),
    }
}

/// Runs wrk with `script` against `server` (2 s of warm-up first) and
/// reads what it cost `nodes`.
fn measure(
    runner: &wrk::Runner,
    o: &Options,
    server: &Server,
    nodes: &[&PrivateRedis],
    script: &Path,
    naive: bool,
) -> Figures {
    let url = format!("{}/api/v1/reports", server.url());
    runner.run(&url, script, o.connections, 2);
    for n in nodes {
        n.query(&["CONFIG", "RESETSTAT"]);
    }
    let before = (
        server.report_metrics().0,
        write_cost(server),
        cpu_secs(server.child.id()),
        nodes.iter().map(|n| cpu_secs(n.child.id())).sum::<f64>(),
    );
    let run = runner.run(&url, script, o.connections, o.duration);
    let reports = if naive {
        run.requests.saturating_sub(run.errors)
    } else {
        server.report_metrics().0 - before.0
    };
    let after = write_cost(server);
    let per = |x: f64| x / reports.max(1) as f64;
    let stats: Vec<_> = nodes.iter().map(|n| n.command_calls()).collect();
    let calls: u64 = stats.iter().map(|s| s.all).sum();
    // (name, calls, usec) summed over the nodes.
    let mut sums: Vec<(String, u64, u64)> = Vec::new();
    for (name, n, usec) in stats.iter().flat_map(|s| &s.each) {
        match sums.iter_mut().find(|(m, _, _)| m == name) {
            Some((_, calls, time)) => (*calls, *time) = (*calls + n, *time + usec),
            None => sums.push((name.clone(), *n, *usec)),
        }
    }
    let mut each: Vec<(String, f64, f64)> = sums
        .into_iter()
        .map(|(name, n, usec)| (name, per(n as f64), usec as f64 / n.max(1) as f64))
        .collect();
    each.sort_by(|a, b| b.1.total_cmp(&a.1));
    // The service list is a cached view (up to a second old): compare
    // until it shows every counted report, for at most a few seconds.
    let exact = (!naive).then(|| {
        let mut last = (0, 0, 0);
        for _ in 0..10 {
            std::thread::sleep(std::time::Duration::from_millis(500));
            let (acknowledged, counted, _) = server.report_metrics();
            last = (acknowledged, counted, reports_through_api(&server.url()));
            if last.2 >= last.1 {
                break;
            }
        }
        last
    });
    Figures {
        commands: per(calls as f64),
        script_us: per(stats.iter().map(|s| s.script_usec as f64).sum()),
        each,
        own: (!naive).then(|| {
            let written = (after.2 - before.1.2).max(1.0);
            (
                (after.0 - before.1.0) / written,
                (after.1 - before.1.1) / written,
            )
        }),
        server_cpu_us: per((cpu_secs(server.child.id()) - before.2) * 1e6),
        redis_cpu_us: per(
            (nodes.iter().map(|n| cpu_secs(n.child.id())).sum::<f64>() - before.3) * 1e6,
        ),
        exact,
        run,
    }
}

/// What the comparison of acknowledged, counted and stored reports says.
/// When wrk stops it closes its connections with a request in flight on
/// each: a report already in a batch on its way to Redis is stored, but
/// its answer has nobody to go to, so the server never counts it as
/// acknowledged. So up to `abandoned` (wrk's connections, times its runs
/// against the server) more may be stored than acknowledged; fewer stored
/// would be an acknowledged report lost.
fn stored_verdict((acknowledged, counted, stored): (u64, u64, u64), abandoned: u64) -> String {
    if acknowledged != counted {
        format!("MISMATCH ({acknowledged} acknowledged, {counted} counted)")
    } else if stored == counted {
        "exact".to_string()
    } else if stored < counted {
        format!(
            "LOST {} ({counted} counted, {stored} stored)",
            counted - stored
        )
    } else if stored - counted <= abandoned {
        format!(
            "complete (+{} stored of requests wrk abandoned at its stop)",
            stored - counted
        )
    } else {
        format!("MISMATCH ({counted} counted, {stored} stored)")
    }
}

fn met(ok: bool) -> &'static str {
    if ok { "met" } else { "NOT MET" }
}

/// Runs the writes scenario and prints its figures.
pub fn run(o: &Options) {
    let catalog = Catalog::bundled().expect("catalog");
    assert!(
        catalog.services().iter().any(|s| s.slug == o.service),
        "--service {} is not in the catalog",
        o.service
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let mixed = dir.path().join("mixed.lua");
    std::fs::write(&mixed, wrk::script(&catalog, 0)).expect("write script");
    let outage = dir.path().join("outage.lua");
    std::fs::write(&outage, wrk::outage_script(&catalog, &o.service)).expect("write script");
    let runner = wrk::Runner::new(o.threads, 0x2b00_0000);
    println!(
        "writes (Redis cost a report): {} s per run, wrk -t{} -c{}; every report from a client \
         address of its own (X-Forwarded-For through the trusted proxy); outage = {:.0}% of \
         reports to {}, the rest mixed",
        o.duration,
        o.threads,
        o.connections,
        wrk::OUTAGE_SHARE * 100.0,
        o.service
    );

    let trivial = {
        let server = Server::start(&["ceiling"]);
        let url = format!("{}/api/v1/reports", server.url());
        runner.run(&url, &mixed, o.connections, 2);
        runner.run(&url, &mixed, o.connections, o.duration)
    };
    println!(
        "trivial endpoint: {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms",
        trivial.per_second, trivial.p50_ms, trivial.p99_ms
    );
    let naive = {
        let redis = PrivateRedis::start();
        let server = Server::start(&["naive", &redis.url()]);
        measure(&runner, o, &server, &[&redis], &mixed, true)
    };
    println!(
        "naive ingest (one HINCRBY+EXPIRE round trip a report): {:.0} reports/s ({:.2} of \
         trivial), p50 {:.2} ms, p99 {:.2} ms, errors {} | {:.2} Redis commands a report | CPU a \
         report: server {:.1} us, redis-server {:.1} us",
        naive.run.per_second,
        naive.run.per_second / trivial.per_second,
        naive.run.p50_ms,
        naive.run.p99_ms,
        naive.run.errors,
        naive.commands,
        naive.server_cpu_us,
        naive.redis_cpu_us
    );

    println!(
        "  {:<15} {:>10} {:>6} {:>7} {:>7} {:>6} {:>9} {:>9} {:>8} {:>10} {:>10}  stored",
        "run",
        "reports/s",
        "naive",
        "p50 ms",
        "p99 ms",
        "errors",
        "cmds/rep",
        "(metrics)",
        "rt/rep",
        "server us",
        "redis us"
    );
    let mut targets = Vec::new();
    for &backend in &o.backends {
        for (name, script) in [("mixed", &mixed), ("outage", &outage)] {
            // "redis-hashtables": one Redis that keeps every hash as a
            // hash table (no listpack, whose fields are searched in turn),
            // beside the default to compare Redis's time a command.
            let single = match backend {
                "redis" => Some(PrivateRedis::start()),
                "redis-hashtables" => Some(PrivateRedis::start_with(&[
                    "--hash-max-listpack-entries",
                    "0",
                ])),
                _ => None,
            };
            let cluster = (backend == "cluster").then(PrivateCluster::start);
            let url = single.as_ref().map_or_else(
                || {
                    cluster
                        .as_ref()
                        .map(PrivateCluster::url)
                        .unwrap_or_default()
                },
                PrivateRedis::url,
            );
            let server = Server::start(&["serve", &url]);
            let nodes = nodes_of(&single, &cluster);
            let f = measure(&runner, o, &server, &nodes, script, false);
            let ratio = f.run.per_second / naive.run.per_second;
            let (own, trips) = f.own.unwrap_or_default();
            println!(
                "  {:<15} {:>10.0} {:>5.2}x {:>7.2} {:>7.2} {:>6} {:>9.2} {:>9.2} {:>8.3} {:>10.1} {:>10.1}  {}",
                format!("{backend} {name}"),
                f.run.per_second,
                ratio,
                f.run.p50_ms,
                f.run.p99_ms,
                f.run.errors,
                f.commands,
                own,
                trips,
                f.server_cpu_us,
                f.redis_cpu_us,
                // wrk ran twice against the server: warm-up and measure.
                f.exact.map_or_else(
                    || "-".to_string(),
                    |e| stored_verdict(e, 2 * o.connections as u64)
                )
            );
            let each: Vec<String> = f
                .each
                .iter()
                .filter(|(_, n, _)| *n >= 0.01)
                .map(|(name, n, usec)| format!("{name} {n:.2} ({usec:.2} us)"))
                .collect();
            println!(
                "  {:<15} commands a report (Redis time a call): {} | Redis time in the write script {:.1} us a \
                 report ({:.0} reports/s a Redis core)",
                "",
                each.join(", "),
                f.script_us,
                1e6 / f.script_us.max(0.001)
            );
            if backend == "redis" {
                let (least, most) = if name == "outage" {
                    (1.0, 3.0)
                } else {
                    (0.6, 8.0)
                };
                targets.push(format!(
                    "{name}: >= {least:.1}x naive: {} ({ratio:.2}x); <= {most:.0} commands a \
                     report: {} ({:.2}); p99 <= 20 ms: {} ({:.2} ms)",
                    met(ratio >= least),
                    met(f.commands <= most),
                    f.commands,
                    met(f.run.p99_ms <= 20.0),
                    f.run.p99_ms
                ));
            }
        }
    }
    for t in targets {
        println!("target, {t}");
    }
}

#[cfg(test)]
mod tests {
    use super::stored_verdict;

    #[test]
    fn reports_abandoned_by_wrk_are_told_apart_from_lost_ones() {
        assert_eq!(stored_verdict((500, 500, 500), 128), "exact");
        assert!(stored_verdict((500, 500, 540), 128).starts_with("complete (+40"));
        assert!(stored_verdict((500, 500, 499), 128).starts_with("LOST 1"));
        assert!(stored_verdict((500, 500, 700), 128).starts_with("MISMATCH"));
        assert!(stored_verdict((501, 500, 500), 128).starts_with("MISMATCH"));
    }
}
