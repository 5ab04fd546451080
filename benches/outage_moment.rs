//! The outage moment, in seconds: how long after a surge to 20x the
//! expected rate starts does the service's status say "outage"? The
//! detector as the server runs it: a tick every 5 seconds judges the minute
//! under way on its partial count (`ServiceDetector::peek_status`), and each
//! completed minute is stepped. Per baseline rate (reports a minute,
//! learned over three days of traffic in two countries), surges start at
//! a random second of the minute and a random phase of the tick; the
//! seconds from the surge's first report to the first tick showing
//! "outage" are printed (median, p90, worst), beside the minute boundary
//! the status would wait for without the partial minute.
//! Run with `cargo bench --bench outage_moment`.

use chrono::{DateTime, Duration, TimeZone, Utc};
use downwatch::detect::{Params, ServiceDetector, Status, StepCounts};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rand_distr::{Distribution, Poisson};

/// The server's default detector tick.
const TICK_SECONDS: i64 = 5;
const SURGE: f64 = 20.0;
const TRIALS: u64 = 40;
const COUNTRIES: [(&str, f64); 2] = [("US", 0.7), ("GB", 0.3)];

fn draw(rng: &mut StdRng, mu: f64) -> u64 {
    Poisson::new(mu.max(1e-9)).map_or(0.0, |p| p.sample(rng)) as u64
}

/// One second of reports at `per_minute`, added to `counts`.
fn add_second(rng: &mut StdRng, counts: &mut StepCounts, per_minute: f64) {
    for (code, share) in COUNTRIES {
        let n = draw(rng, per_minute * share / 60.0);
        if n > 0 {
            counts.total += n;
            *counts.regions.entry(code.to_string()).or_default() += n;
        }
    }
}

/// A detector that has learned three days of `rate` reports a minute.
fn learned(rng: &mut StdRng, rate: f64, t0: DateTime<Utc>, params: &Params) -> ServiceDetector {
    let mut d = ServiceDetector::new("spotify", 1, params);
    for m in 0..3 * 1440 {
        let mut counts = StepCounts::default();
        for (code, share) in COUNTRIES {
            let n = draw(rng, rate * share);
            counts.total += n;
            if n > 0 {
                counts.regions.insert(code.to_string(), n);
            }
        }
        d.step(t0 + Duration::minutes(m + 1), &counts, params);
    }
    d
}

/// Seconds from the surge's start to the first tick showing "outage".
fn trial(
    rng: &mut StdRng,
    base: &ServiceDetector,
    rate: f64,
    t0: DateTime<Utc>,
    params: &Params,
) -> Option<i64> {
    let mut d = base.clone();
    let minute0 = t0 + Duration::minutes(3 * 1440);
    let onset = rng.random_range(0..60_i64);
    let tick_phase = rng.random_range(0..TICK_SECONDS);
    let mut counts = StepCounts::default();
    let mut minute_start = minute0;
    for s in 0..600_i64 {
        let now = minute0 + Duration::seconds(s);
        if now - minute_start >= Duration::minutes(1) {
            d.step(now, &counts, params);
            counts = StepCounts::default();
            minute_start = now;
        }
        let per_minute = if s >= onset { rate * SURGE } else { rate };
        add_second(rng, &mut counts, per_minute);
        if (s - tick_phase) % TICK_SECONDS == 0 && s >= onset {
            let elapsed = (now - minute_start).num_milliseconds() as f64 / 60_000.0 + 1.0 / 60.0;
            let status = d
                .worst_status()
                .max(d.peek_status(now, &counts, elapsed, params));
            if status == Status::Outage {
                return Some(s + 1 - onset);
            }
        }
    }
    None
}

fn percentile(sorted: &[i64], p: f64) -> i64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let params = Params::default();
    let t0 = Utc
        .with_ymd_and_hms(2026, 1, 5, 0, 0, 0)
        .single()
        .expect("time");
    println!(
        "outage moment: seconds from a surge to {SURGE}x expected to the first detector tick (every {TICK_SECONDS} s) showing \"outage\", {TRIALS} surges per rate at random seconds"
    );
    for rate in [1.0, 5.0, 20.0, 100.0, 1000.0] {
        let mut rng = StdRng::seed_from_u64(rate as u64);
        let base = learned(&mut rng, rate, t0, &params);
        let mut seconds: Vec<i64> = Vec::new();
        let mut missed = 0;
        for _ in 0..TRIALS {
            match trial(&mut rng, &base, rate, t0, &params) {
                Some(s) => seconds.push(s),
                None => missed += 1,
            }
        }
        seconds.sort_unstable();
        if seconds.is_empty() {
            println!("baseline {rate:>6} reports/min: never within 10 minutes");
            continue;
        }
        println!(
            "baseline {rate:>6} reports/min: median {} s, p90 {} s, worst {} s{}",
            percentile(&seconds, 0.5),
            percentile(&seconds, 0.9),
            seconds[seconds.len() - 1],
            if missed > 0 {
                format!(", {missed} not within 10 minutes")
            } else {
                String::new()
            }
        );
    }
}
