//! Measures what active (service, region) series cost in Redis: 1,000
//! services with reports from 100 countries each (100,000 series, counting
//! each service's global series among them) for five minutes, written
//! through `RedisStore` into a private redis-server, then `used_memory`
//! per series per minute of activity.
//!
//! ```sh
//! cargo run --release --example redis_memory
//! ```
//!
//! Each report carries a symptom, a platform and a country, so it touches
//! the fields a real one does (`t`, `s:`, `p:`, `r:`, `rs:`) in a minute,
//! a quarter-hour and an hour bucket. A second pass adds a reporter to
//! every report, to show the dedupe markers and HyperLogLogs on top. A last
//! pass floods one service for one minute from 10,000 networks and prints
//! what its keys hold: the fields a reader of that minute steps through.

use chrono::{Duration, TimeZone, Utc};
use downwatch::geo::Region;
use downwatch::ingest::Report;
use downwatch::store::window;
use downwatch::store::{Counts, RedisStore, Store};
use futures_util::future::join_all;
use std::process::{Command, Stdio};
use std::sync::Arc;

const SERVICES: usize = 1_000;
const COUNTRIES: usize = 99;
const MINUTES: i64 = 5;

fn used_memory(port: u16) -> f64 {
    let out = Command::new("redis-cli")
        .args(["-p", &port.to_string(), "INFO", "memory"])
        .output()
        .expect("redis-cli");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.trim().strip_prefix("used_memory:"))
        .and_then(|v| v.parse().ok())
        .expect("used_memory")
}

/// Two-letter codes, as countries have.
fn country(i: usize) -> String {
    let a = (b'A' + (i / 26) as u8) as char;
    let b = (b'A' + (i % 26) as u8) as char;
    format!("{a}{b}")
}

async fn fill(store: Arc<RedisStore>, with_reporters: bool, pass: usize) -> usize {
    let t0 = Utc
        .with_ymd_and_hms(2026, 3, 2, 12, 0, 0)
        .single()
        .expect("time");
    let mut written = 0;
    for minute in 0..MINUTES {
        let at = t0 + Duration::minutes(minute) + Duration::seconds(pass as i64);
        let tasks = (0..SERVICES).map(|s| {
            let store = store.clone();
            async move {
                for c in 0..COUNTRIES {
                    let report = Report {
                        service: format!("service-{s}"),
                        symptom: ["app", "login", "website"][c % 3].to_string(),
                        platform: Some(["android", "ios"][c % 2].to_string()),
                        region: Region {
                            country: Some(country(c)),
                            ..Region::default()
                        },
                        reporter: with_reporters
                            .then(|| format!("{pass}-{s}-{c}-{minute}-reporter-hash-0123456789")),
                        ..Report::default()
                    };
                    store.record(&report, at).await.expect("record");
                }
            }
        });
        join_all(tasks).await;
        written += SERVICES * COUNTRIES;
    }
    written
}

#[tokio::main]
async fn main() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut redis = Command::new("redis-server")
        .args([
            "--port",
            &port.to_string(),
            "--save",
            "",
            "--appendonly",
            "no",
        ])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .spawn()
        .expect("redis-server (apt-get install redis-server)");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let store =
        Arc::new(RedisStore::new(&format!("redis://127.0.0.1:{port}/"), 1800).expect("store"));
    store.ping().await.expect("redis up");

    let series = SERVICES * (COUNTRIES + 1);
    let before = used_memory(port);
    let started = std::time::Instant::now();
    let reports = fill(store.clone(), false, 0).await;
    let counters = used_memory(port) - before;
    println!(
        "{series} series ({SERVICES} services x {COUNTRIES} countries + global), {MINUTES} minutes, {reports} reports in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    println!(
        "  counters: {:.0} bytes per series per minute of activity ({:.1} MiB in all; minute, quarter-hour and hour buckets)",
        counters / (series as f64 * MINUTES as f64),
        counters / 1_048_576.0
    );
    let before = used_memory(port);
    let reports = fill(store.clone(), true, 1).await;
    let reporters = used_memory(port) - before;
    println!(
        "  with a reporter on each report: {:.0} more bytes per report (dedupe marker kept 30 min, HyperLogLog registers)",
        reporters / reports as f64
    );
    flood(&store, port).await;
    let _ = redis.kill();
    let _ = redis.wait();
}

const FLOOD_NETWORKS: usize = 10_000;

/// One minute of one service from 10,000 networks, a fifth of the reports
/// from one of them: the fields and bytes of each key that minute wrote.
async fn flood(store: &Arc<RedisStore>, port: u16) {
    let at = Utc
        .with_ymd_and_hms(2026, 3, 2, 13, 0, 10)
        .single()
        .expect("time");
    let tasks = (0..8).map(|w| {
        let store = store.clone();
        async move {
            for i in (w..FLOOD_NETWORKS + FLOOD_NETWORKS / 4).step_by(8) {
                let report = Report {
                    service: "flood".to_string(),
                    symptom: "login".to_string(),
                    region: Region {
                        country: Some(country(i % COUNTRIES)),
                        ..Region::default()
                    },
                    network: Some(if i < FLOOD_NETWORKS {
                        format!("{i:012x}")
                    } else {
                        "00000000beef".to_string()
                    }),
                    ..Report::default()
                };
                store.record(&report, at).await.expect("record");
            }
        }
    });
    join_all(tasks).await;
    let networks = window::networks_last_minutes(store.as_ref(), "flood", at, 1)
        .await
        .expect("networks");
    println!(
        "flood: one minute of one service, {} reports from {FLOOD_NETWORKS} networks + 1 with {} (share {:.3}, read as {:.3})",
        networks.reports(),
        FLOOD_NETWORKS / 4,
        0.25 / 1.25,
        window::busiest_network_share(&networks).unwrap_or(0.0)
    );
    let minute = at.timestamp() / 60;
    for (what, key) in [
        ("minute bucket", format!("dw:{{flood}}:m:{minute}")),
        ("quarter bucket", format!("dw:{{flood}}:q:{}", minute / 15)),
        // The minute and hour hashes hold their network summaries too.
        ("hour bucket", format!("dw:{{flood}}:h:{}", minute / 60)),
    ] {
        let fields = redis_cli(port, &["HLEN", &key]);
        let bytes = redis_cli(port, &["MEMORY", "USAGE", &key]);
        println!("  {what:<16} {fields:>5} fields {bytes:>7} bytes  ({key})");
    }
}

fn redis_cli(port: u16, args: &[&str]) -> String {
    let out = Command::new("redis-cli")
        .args(["-p", &port.to_string()])
        .args(args)
        .output()
        .expect("redis-cli");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}
