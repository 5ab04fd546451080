//! The reads scenario, "the outage moment": what people checking "is it
//! down?" get from downwatch on the Redis store, idle and during a report
//! flood that opens an outage, beside the trivial endpoint measured in the
//! same run.
//!
//! 1. The trivial endpoint answers `GET /` (a few bytes of HTML): the
//!    ceiling every ratio is taken against.
//! 2. downwatch starts on a private redis-server, with loopback as its
//!    trusted proxy and a detector tick of a second, and takes a quiet
//!    background of a few reports for every service of the catalog, so
//!    pages show data (too few in any window to open an incident).
//! 3. Idle reads: wrk on each page and read API route in turn.
//! 4. The flood: reports for one service at a set rate, open loop, each
//!    from an address of its own (so from many networks and countries)
//!    through the proxy ([`crate::flood`]). Meanwhile readers load the
//!    service's status page, `/`, `/map` and the service's API answer in
//!    turn; the status page's run has a minute boundary in its middle, so
//!    it spans the detector stepping the flood's first minute and the
//!    outage opening. A watcher polls the active outages to see it open.
//!
//! Every read sends `Accept-Encoding: gzip, br` as a browser does, no
//! conditional headers (every answer is a full 200), and a client address
//! of its own (X-Forwarded-For), as many people are; per-address limits
//! then see people, not one benchmark.

use crate::flood::{Flood, FloodFigures, FloodSettings};
use crate::servers::{PrivateRedis, Server};
use crate::wrk::{self, BROWSER_ACCEPT_ENCODING, Runner, WrkRun};
use crate::{Options, minute};
use downwatch::catalog::Catalog;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The detector's tick during the scenario: short, so an outage opens
/// within a second of the minute that shows it.
const DETECTOR_INTERVAL_MS: &str = "1000";

/// Seconds the flood runs before the readers start.
const FLOOD_LEAD_SECS: u64 = 3;

/// The issue's target for the status page's size on the wire.
const STATUS_PAGE_MAX_BYTES: u64 = 30_000;

/// The issue's latency target during the flood, for the status page and
/// for reports.
const FLOOD_P99_MAX_MS: f64 = 50.0;

/// Reports of the quiet background for each service: below the detector's
/// fewest reports for a window (8), so no incident opens before the flood.
const BACKGROUND_PER_SERVICE: usize = 5;

/// The background: every service in turn, `BACKGROUND_PER_SERVICE` times,
/// with its symptoms in turn.
fn background_reports(catalog: &Catalog) -> Vec<(String, String)> {
    (0..BACKGROUND_PER_SERVICE)
        .flat_map(|round| {
            catalog.services().iter().map(move |s| {
                let symptom = s.symptoms[round % s.symptoms.len()].clone();
                (s.slug.clone(), symptom)
            })
        })
        .collect()
}

/// A route read in the benchmark, and the issue's targets for it.
struct Route {
    path: String,
    /// Least share of the ceiling's rate when idle.
    idle_target: Option<f64>,
    /// Read during the flood, with (least share, largest p99 in ms).
    flood: Option<Option<(f64, f64)>>,
}

/// The pages are read under their language prefix (`/en/`): the
/// unprefixed addresses answer a redirect to the reader's language, which
/// is not the page.
fn routes(slug: &str) -> Vec<Route> {
    let route = |path: String, idle_target, flood| Route {
        path,
        idle_target,
        flood,
    };
    vec![
        route(
            format!("/en/status/{slug}"),
            Some(0.25),
            Some(Some((0.10, FLOOD_P99_MAX_MS))),
        ),
        route("/en/".into(), Some(0.25), Some(None)),
        route("/en/map".into(), Some(0.25), Some(None)),
        route(format!("/api/v1/services/{slug}"), Some(0.25), Some(None)),
        route("/api/v1/services".into(), Some(0.25), None),
        route(
            format!("/api/v1/services/{slug}/timeseries"),
            Some(0.25),
            None,
        ),
        route("/api/v1/heatmap".into(), Some(0.25), None),
        route("/api/v1/outages?active=true".into(), Some(0.25), None),
        route(format!("/en/status/{slug}/history"), Some(0.25), None),
        route(format!("/en/status/{slug}/feed.atom"), Some(0.25), None),
        route(format!("/badge/{slug}.svg"), Some(0.25), None),
    ]
}

/// "met" or "NOT MET", for a target.
fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "NOT MET" }
}

/// One line of a table of reads: the figures, the ratio to the ceiling
/// and the target.
fn read_line(path: &str, run: &WrkRun, ceiling: &WrkRun, target: Option<(f64, f64)>) -> String {
    let ratio = run.per_second / ceiling.per_second.max(1e-9);
    let target = match target {
        None => String::new(),
        Some((share, p99)) => {
            let share_met = ratio >= share;
            if p99.is_finite() {
                format!(
                    "target >= {:.0}% and p99 <= {p99:.0} ms: {}",
                    share * 100.0,
                    verdict(share_met && run.p99_ms <= p99)
                )
            } else {
                format!("target >= {:.0}%: {}", share * 100.0, verdict(share_met))
            }
        }
    };
    format!(
        "  {path:<38} {:>8.0}/s {:>8.2} {:>9.2} {:>9.0} B {:>6} {:>7.2}%  {target}",
        run.per_second,
        run.p50_ms,
        run.p99_ms,
        run.bytes_per_request(),
        run.errors,
        ratio * 100.0,
    )
    .trim_end()
    .to_string()
}

fn table_header() -> String {
    format!(
        "  {:<38} {:>10} {:>8} {:>9} {:>11} {:>6} {:>8}",
        "route", "throughput", "p50 ms", "p99 ms", "per answer", "errors", "of ceil."
    )
}

/// A page as it travels: its status, encoding and sizes.
#[derive(Debug, Default, PartialEq)]
struct Wire {
    status: u16,
    encoding: Option<String>,
    header_bytes: u64,
    body_bytes: u64,
}

/// Reads what `curl -s -D - -o /dev/null -w '\n%{size_header} %{size_download}\n'`
/// prints: the response head, then the sizes.
fn parse_wire(text: &str) -> Wire {
    let mut wire = Wire::default();
    for line in text.lines() {
        let line = line.trim();
        if let Some(status) = line.strip_prefix("HTTP/") {
            wire.status = status
                .split_whitespace()
                .nth(1)
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
        } else if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-encoding")
        {
            wire.encoding = Some(value.trim().to_string());
        } else if let Some((head, body)) = line.split_once(' ')
            && let (Ok(h), Ok(b)) = (head.parse(), body.parse())
        {
            (wire.header_bytes, wire.body_bytes) = (h, b);
        }
    }
    wire
}

/// GETs `url` once with curl, as a browser that sends `accept_encoding`
/// (or none) from `client`, and says what came over the wire.
fn wire(url: &str, accept_encoding: Option<&str>, client: std::net::Ipv4Addr) -> Wire {
    let mut curl = Command::new("curl");
    curl.args(["-s", "-D", "-", "-o", "/dev/null"])
        .args(["-w", "\n%{size_header} %{size_download}\n"])
        .args(["-H", &format!("X-Forwarded-For: {client}")]);
    if let Some(encoding) = accept_encoding {
        curl.args(["-H", &format!("Accept-Encoding: {encoding}")]);
    }
    let out = curl.arg(url).output().expect("curl");
    parse_wire(&String::from_utf8_lossy(&out.stdout))
}

/// The status page's size on the wire, compressed as a browser asks and
/// not, against the target.
fn print_wire(label: &str, url: &str, runner: &Runner) {
    let offset = runner.next_offset();
    let browser = wire(url, Some(BROWSER_ACCEPT_ENCODING), wrk::address(offset, 0));
    let plain = wire(url, None, wrk::address(offset, 1));
    println!(
        "status page on the wire {label}: {} B body ({} B headers, HTTP {}, Content-Encoding: {}) \
         with Accept-Encoding: {BROWSER_ACCEPT_ENCODING}; {} B body without (HTTP {}) | \
         target <= {STATUS_PAGE_MAX_BYTES} B: {}",
        browser.body_bytes,
        browser.header_bytes,
        browser.status,
        browser.encoding.as_deref().unwrap_or("none"),
        plain.body_bytes,
        plain.status,
        verdict(browser.status == 200 && browser.body_bytes <= STATUS_PAGE_MAX_BYTES)
    );
}

/// GETs JSON through the read API with curl, from `client`.
fn get_json(url: &str, client: std::net::Ipv4Addr) -> serde_json::Value {
    let out = Command::new("curl")
        .args(["-sf", "-H", &format!("X-Forwarded-For: {client}"), url])
        .output()
        .expect("curl");
    serde_json::from_slice(&out.stdout).unwrap_or_default()
}

/// The service's active incidents' regions, as the read API lists them.
fn active_regions(url: &str, slug: &str, client: std::net::Ipv4Addr) -> Vec<String> {
    let v = get_json(
        &format!("{url}/api/v1/outages?active=true&service={slug}"),
        client,
    );
    v["outages"].as_array().map_or_else(Vec::new, |a| {
        a.iter()
            .filter_map(|i| i["region"].as_str().map(String::from))
            .collect()
    })
}

/// Polls the service's active outages on a thread of its own until one
/// shows or it is stopped; gives when it first showed.
struct IncidentWatch {
    stop: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<Option<SystemTime>>,
}

impl IncidentWatch {
    fn start(url: String, slug: String, offset: u64) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            let mut seq = 0;
            while !flag.load(Ordering::Relaxed) {
                seq += 1;
                if !active_regions(&url, &slug, wrk::address(offset, seq)).is_empty() {
                    return Some(SystemTime::now());
                }
                std::thread::sleep(Duration::from_millis(250));
            }
            None
        });
        Self { stop, thread }
    }

    fn stop(self) -> Option<SystemTime> {
        self.stop.store(true, Ordering::Relaxed);
        self.thread.join().expect("watch thread")
    }
}

/// Seconds since the Unix epoch.
fn unix_secs(t: SystemTime) -> f64 {
    t.duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

/// The first minute boundary at or after `t`.
fn next_minute_boundary(t: SystemTime) -> f64 {
    (unix_secs(t) / 60.0).ceil() * 60.0
}

fn print_flood(f: &FloodFigures, rate: f64, slug: &str, countries: usize, stored: u64) {
    let p99 = f.quantile_ms(0.99);
    println!(
        "reports to {slug}: {:.0}/s achieved of {rate:.0}/s asked ({} due, {} acknowledged, \
         {} rate limited, {} other answers, {} unanswered, {} not sent) | p50 {:.2} ms \
         p99 {:.2} ms (from when each was due) | {stored} counted in the last 15 min, from \
         {countries} countries | target p99 <= {FLOOD_P99_MAX_MS:.0} ms: {}",
        f.per_second(),
        f.due,
        f.acknowledged,
        f.limited,
        f.errors,
        f.unanswered,
        f.missed,
        f.quantile_ms(0.5),
        p99,
        verdict(p99 <= FLOOD_P99_MAX_MS && f.errors + f.unanswered + f.missed == 0)
    );
}

/// Runs the reads scenario and prints its figures.
pub fn run(o: &Options) {
    let catalog = Catalog::bundled().expect("catalog");
    let Some(service) = catalog.service(&o.service) else {
        eprintln!("loadbench: no service {:?} in the catalog", o.service);
        std::process::exit(2);
    };
    let slug = service.slug.clone();
    let dir = tempfile::tempdir().expect("tempdir");
    let read_script = dir.path().join("read.lua");
    std::fs::write(&read_script, wrk::read_script()).expect("write script");
    let runner = Runner::new(o.threads, 0x8b00_0000);
    println!(
        "outage moment (reads, Redis store): {} s per run; idle reads wrk -t{} -c{}, during the \
         flood {} readers; reads send Accept-Encoding: {BROWSER_ACCEPT_ENCODING}, no conditional \
         headers, each from a client address of its own",
        o.duration, o.threads, o.connections, o.readers
    );

    let ceiling = {
        let server = Server::start(&["ceiling"]);
        let url = format!("{}/", server.url());
        runner.run(&url, &read_script, o.connections, 2);
        runner.run(&url, &read_script, o.connections, o.duration)
    };
    println!(
        "ceiling (trivial actix-web endpoint, GET /): {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms, \
         {:.0} B per answer, errors {}",
        ceiling.per_second,
        ceiling.p50_ms,
        ceiling.p99_ms,
        ceiling.bytes_per_request(),
        ceiling.errors
    );

    let redis = PrivateRedis::start();
    let server = Server::start_with_env(
        &["serve", &redis.url()],
        &[("DOWNWATCH_DETECTOR_INTERVAL_MS", DETECTOR_INTERVAL_MS)],
    );
    let base = server.url();
    let reports_url = format!("{base}/api/v1/reports");
    let background = Flood::start(FloodSettings {
        url: reports_url.clone(),
        reports: background_reports(&catalog),
        rate: 200.0,
        offset: runner.next_offset(),
        limit: Some((BACKGROUND_PER_SERVICE * catalog.services().len()) as u64),
    })
    .finish();
    println!(
        "background: {} reports acknowledged, {BACKGROUND_PER_SERVICE} for each of the {} \
         services of the catalog (errors {}), then idle",
        background.acknowledged,
        catalog.services().len(),
        background.errors + background.unanswered + background.limited + background.missed
    );

    let routes = routes(&slug);
    println!(
        "idle reads (wrk -t{} -c{}, {} s each):",
        o.threads, o.connections, o.duration
    );
    println!("{}", table_header());
    runner.run(
        &format!("{base}{}", routes[0].path),
        &read_script,
        o.connections,
        2,
    );
    for r in &routes {
        let run = runner.run(
            &format!("{base}{}", r.path),
            &read_script,
            o.connections,
            o.duration,
        );
        let target = r.idle_target.map(|share| (share, f64::INFINITY));
        // wrk counts a redirect as an answer: say when a route is not one.
        let answer = wire(
            &format!("{base}{}", r.path),
            Some(BROWSER_ACCEPT_ENCODING),
            wrk::address(runner.next_offset(), 0),
        );
        let line = read_line(&r.path, &run, &ceiling, target);
        match answer.status {
            200 => println!("{line}"),
            other => println!("{line} (HTTP {other}, not a 200: the figure is not the route's)"),
        }
    }
    let status_url = format!("{base}/en/status/{slug}");
    print_wire("(idle)", &status_url, &runner);

    // The status page's run (the first after the lead) holds the minute
    // boundary at which the detector steps the flood's first minute.
    minute::wait_for_boundary_in(FLOOD_LEAD_SECS + o.duration.div_ceil(2));
    let started = SystemTime::now();
    let flood = Flood::start(FloodSettings {
        url: reports_url,
        reports: service
            .symptoms
            .iter()
            .map(|symptom| (slug.clone(), symptom.clone()))
            .collect(),
        rate: o.rate,
        offset: runner.next_offset(),
        limit: None,
    });
    let watch = IncidentWatch::start(base.clone(), slug.clone(), runner.next_offset());
    std::thread::sleep(Duration::from_secs(FLOOD_LEAD_SECS));
    let mut lines = Vec::new();
    for r in routes.iter().filter(|r| r.flood.is_some()) {
        let run = runner.run(
            &format!("{base}{}", r.path),
            &read_script,
            o.readers,
            o.duration,
        );
        lines.push(read_line(&r.path, &run, &ceiling, r.flood.flatten()));
    }
    let figures = flood.stop();
    let opened = watch.stop();
    let client = wrk::address(runner.next_offset(), 0);
    let heat = get_json(&format!("{base}/api/v1/heatmap?service={slug}"), client);
    let countries = heat["regions"].as_array().map_or(0, Vec::len);
    let stored = heat["total"].as_u64().unwrap_or(0);

    println!(
        "during the flood ({:.0} reports/s on {slug}, open loop; readers wrk -t{} -c{}, {} s \
         each, one route after another):",
        o.rate, o.threads, o.readers, o.duration
    );
    println!("{}", table_header());
    for line in &lines {
        println!("{line}");
    }
    print_flood(&figures, o.rate, &slug, countries, stored);
    let boundary = next_minute_boundary(started);
    let regions = active_regions(&base, &slug, wrk::address(runner.next_offset(), 0));
    match opened {
        Some(at) => println!(
            "incident: opened, seen {:.1} s after the minute boundary that completed the \
             flood's first minute; active now in {} region(s): {}",
            unix_secs(at) - boundary,
            regions.len(),
            regions.join(", ")
        ),
        None => println!(
            "incident: NOT opened during the flood (active now: {})",
            if regions.is_empty() {
                "none".to_string()
            } else {
                regions.join(", ")
            }
        ),
    }
    print_wire("(after the flood, incident open)", &status_url, &runner);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_curl_says_of_the_wire() {
        let text = "HTTP/1.1 200 OK\r\ncontent-length: 2310\r\nContent-Encoding: br\r\n\
                    content-type: text/html\r\n\r\n\n412 2310\n";
        assert_eq!(
            parse_wire(text),
            Wire {
                status: 200,
                encoding: Some("br".to_string()),
                header_bytes: 412,
                body_bytes: 2310,
            }
        );
        let plain = parse_wire("HTTP/1.1 304 Not Modified\r\netag: \"x\"\r\n\r\n\n120 0\n");
        assert_eq!(
            (plain.status, plain.encoding, plain.body_bytes),
            (304, None, 0)
        );
    }

    #[test]
    fn lines_mark_targets_met_or_not() {
        let ceiling = WrkRun {
            per_second: 100_000.0,
            ..WrkRun::default()
        };
        let run = WrkRun {
            per_second: 12_000.0,
            p99_ms: 60.0,
            requests: 10,
            bytes_read: 25_000.0,
            ..WrkRun::default()
        };
        let idle = read_line("/", &run, &ceiling, Some((0.10, f64::INFINITY)));
        assert!(
            idle.contains("12.00%") && idle.ends_with("target >= 10%: met"),
            "{idle}"
        );
        assert!(idle.contains(" 2500 B"), "{idle}");
        let flood = read_line("/", &run, &ceiling, Some((0.10, 50.0)));
        assert!(
            flood.ends_with("target >= 10% and p99 <= 50 ms: NOT MET"),
            "{flood}"
        );
        let none = read_line("/", &run, &ceiling, None);
        assert!(none.ends_with("12.00%"), "{none:?}");
    }

    #[test]
    fn the_background_gives_every_service_a_few_reports() {
        let catalog = Catalog::bundled().expect("catalog");
        let reports = background_reports(&catalog);
        assert_eq!(
            reports.len(),
            BACKGROUND_PER_SERVICE * catalog.services().len()
        );
        for s in catalog.services() {
            let of: Vec<_> = reports.iter().filter(|(slug, _)| *slug == s.slug).collect();
            assert_eq!(of.len(), BACKGROUND_PER_SERVICE, "{}", s.slug);
            assert!(of.iter().all(|(_, symptom)| s.symptoms.contains(symptom)));
        }
    }

    #[test]
    fn the_boundary_after_a_moment() {
        let at = |s: u64| UNIX_EPOCH + Duration::from_millis(s);
        assert_eq!(next_minute_boundary(at(59_500)), 60.0);
        assert_eq!(next_minute_boundary(at(60_000)), 60.0);
        assert_eq!(next_minute_boundary(at(60_001)), 120.0);
    }

    #[test]
    fn the_issue_targets_are_on_the_routes() {
        let routes = routes("spotify");
        let find = |p: &str| routes.iter().find(|r| r.path == p).expect(p);
        assert_eq!(find("/en/status/spotify").idle_target, Some(0.25));
        assert_eq!(find("/en/status/spotify").flood, Some(Some((0.10, 50.0))));
        // Every page under its language prefix: a redirect is not a page.
        assert!(
            routes
                .iter()
                .all(|r| !["/", "/map"].contains(&r.path.as_str())
                    && !r.path.starts_with("/status/")),
        );
        assert!(find("/en/status/spotify/feed.atom").idle_target.is_some());
        // Issue 28: every read route at a quarter of the ceiling, each
        // request from an address of its own.
        assert!(routes.iter().all(|r| r.idle_target == Some(0.25)));
        let read_in_flood: Vec<&str> = routes
            .iter()
            .filter(|r| r.flood.is_some())
            .map(|r| r.path.as_str())
            .collect();
        assert_eq!(
            read_in_flood,
            [
                "/en/status/spotify",
                "/en/",
                "/en/map",
                "/api/v1/services/spotify"
            ]
        );
    }
}
