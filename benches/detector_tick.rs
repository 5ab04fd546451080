//! One detector tick over 100,000 active (service, region) series: 20,000
//! services with four regions each plus their global series, each service
//! reported with four symptoms (so four symptom charts beside them, and
//! the countries' symptom charts, one symptom per country a minute in
//! turn, so four per country once seen). Prints the
//! tick's CPU time, and the memory of that state: resident bytes per series
//! in the process and serialised bytes per series (the detector documents
//! kept in the store). Run with `cargo bench --bench detector_tick`.

use chrono::{Duration, TimeZone, Utc};
use downwatch::detect::{Params, ServiceDetector, StepCounts};
use std::time::Instant;

const SERVICES: usize = 20_000;
const REGIONS: [&str; 4] = ["US", "GB", "DE", "FR"];
const SYMPTOMS: [&str; 4] = ["login", "app", "website", "connection"];

/// User + system CPU seconds of this process (Linux /proc).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(") ")?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Resident memory of this process in bytes (Linux /proc).
fn rss_bytes() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    Some(kb * 1024.0)
}

fn counts(service: usize, minute: i64) -> StepCounts {
    let mut c = StepCounts::default();
    for (i, code) in REGIONS.iter().enumerate() {
        // Deterministic, varied, non-zero traffic.
        let n = ((service * 7 + i * 13 + minute as usize * 3) % 9 + 1) as u64;
        c.regions.insert((*code).to_string(), n);
        c.total += n;
        // Each region's reports go to one symptom, in turn.
        let symptom = SYMPTOMS[(service + i + minute as usize) % SYMPTOMS.len()];
        *c.symptoms.entry(symptom.to_string()).or_default() += n;
        c.country_symptoms
            .entry((*code).to_string())
            .or_default()
            .insert(symptom.to_string(), n);
    }
    c
}

fn main() {
    // The default detector, except that the cold-start prior matches the
    // traffic: a tick of steady detection is measured, not 20,000 services
    // opening incidents at once.
    let params = Params {
        prior_rate_per_minute: 20.0,
        ..Params::default()
    };
    let t0 = Utc
        .with_ymd_and_hms(2026, 1, 5, 0, 0, 0)
        .single()
        .expect("time");
    let rss_before = rss_bytes();
    let mut detectors: Vec<ServiceDetector> = (0..SERVICES)
        .map(|i| ServiceDetector::new(&format!("svc{i}"), 1, &params))
        .collect();
    // Every region past its warm-up hour and every window full.
    let warmup = 125;
    for m in 0..warmup {
        let at = t0 + Duration::minutes(m + 1);
        for (i, d) in detectors.iter_mut().enumerate() {
            d.step(at, &counts(i, m), &params);
        }
    }
    let series: usize = detectors.iter().map(ServiceDetector::series_count).sum();
    let rss = match (rss_before, rss_bytes()) {
        (Some(a), Some(b)) => format!("{:.0} bytes", (b - a) / series as f64),
        _ => "n/a".to_string(),
    };
    let json: usize = detectors
        .iter()
        .map(|d| serde_json::to_string(d).map_or(0, |j| j.len()))
        .sum();
    // Inputs are prepared outside the measurement: the tick is detection.
    let inputs: Vec<StepCounts> = (0..SERVICES).map(|i| counts(i, warmup)).collect();
    let at = t0 + Duration::minutes(warmup + 1);
    let cpu_before = cpu_seconds();
    let wall = Instant::now();
    let mut events = 0;
    for (d, c) in detectors.iter_mut().zip(&inputs) {
        events += d.step(at, c, &params).len();
    }
    let wall = wall.elapsed();
    let cpu = match (cpu_before, cpu_seconds()) {
        (Some(a), Some(b)) => format!("{:.3} s", b - a),
        _ => "n/a".to_string(),
    };
    println!(
        "detector tick: {series} series ({SERVICES} services x {} regions + global), {} symptom charts per service",
        REGIONS.len(),
        SYMPTOMS.len()
    );
    println!(
        "  wall {:.3} s, CPU {cpu} (one thread), {:.0} ns per series, {events} incident events",
        wall.as_secs_f64(),
        wall.as_nanos() as f64 / series as f64
    );
    println!(
        "  memory: {rss} resident per series in the process, {:.0} bytes per series serialised (the store's detector documents)",
        json as f64 / series as f64
    );
}
