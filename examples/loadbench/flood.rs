//! Reports at a set rate, each from a client address of its own, through
//! the trusted loopback proxy (X-Forwarded-For): the outage-moment
//! scenario's flood on one service, and its quiet background over the
//! catalog.
//!
//! Open loop, as wrk2 paces (Debian's wrk cannot): request `i` is due at
//! `start + i / rate` whatever became of the earlier ones, and its latency
//! is counted from when it was due, not from when it could be sent, so a
//! server that stalls shows the wait its reporters really had (no
//! coordinated omission). It runs on a thread of its own in this process,
//! on a single-threaded tokio runtime: at hundreds of reports a second it
//! costs the machine little beside the server.

use crate::wrk;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use tokio::task::JoinSet;

/// Reports waiting for an answer at most; a report due beyond that is not
/// sent and counts as missed (the server has stalled).
const MAX_IN_FLIGHT: usize = 1024;

/// What to send.
pub struct FloodSettings {
    /// `http://host:port/api/v1/reports`.
    pub url: String,
    /// (service, symptom) of each report, taken in turn.
    pub reports: Vec<(String, String)>,
    /// Reports a second.
    pub rate: f64,
    /// Where this flood's client addresses start ([`wrk::address`]).
    pub offset: u64,
    /// Stop after this many reports (None: when stopped).
    pub limit: Option<u64>,
}

/// When each request of a paced run is due.
#[derive(Debug, Clone, Copy)]
pub struct Schedule {
    start: Instant,
    /// Requests a second.
    rate: f64,
}

impl Schedule {
    pub fn new(start: Instant, rate: f64) -> Self {
        Self {
            start,
            rate: rate.max(1e-3),
        }
    }

    /// When request `i` (from 0) is due: computed from the start, not
    /// added up request by request, so no rounding accumulates.
    pub fn due(&self, i: u64) -> Instant {
        self.start + Duration::from_secs_f64(i as f64 / self.rate)
    }
}

/// The `q`-quantile (0..=1) of `sorted` latencies, by nearest rank.
pub fn quantile(sorted: &[Duration], q: f64) -> Option<Duration> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

/// What a flood measured.
#[derive(Debug, Default, Clone)]
pub struct FloodFigures {
    /// Reports due while the flood ran.
    pub due: u64,
    /// Answered 202.
    pub acknowledged: u64,
    /// Answered 429 (a rate limit).
    pub limited: u64,
    /// Any other answer.
    pub errors: u64,
    /// No answer (connection failed or timed out).
    pub unanswered: u64,
    /// Not sent: too many were waiting already.
    pub missed: u64,
    /// From the first report due to the end of the flood.
    pub elapsed: Duration,
    /// Every answered report's latency from when it was due, sorted.
    pub latencies: Vec<Duration>,
}

impl FloodFigures {
    /// Acknowledged reports a second.
    pub fn per_second(&self) -> f64 {
        self.acknowledged as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    pub fn quantile_ms(&self, q: f64) -> f64 {
        quantile(&self.latencies, q).map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0)
    }
}

/// A flood running on its own thread until [`Flood::stop`].
pub struct Flood {
    stop: Arc<AtomicBool>,
    thread: JoinHandle<FloodFigures>,
}

impl Flood {
    pub fn start(settings: FloodSettings) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("tokio runtime")
                .block_on(drive(settings, flag))
        });
        Self { stop, thread }
    }

    /// Stops sending, waits for the answers still due, and returns the
    /// figures.
    pub fn stop(self) -> FloodFigures {
        self.stop.store(true, Ordering::Relaxed);
        self.finish()
    }

    /// Waits until the flood has sent its `limit` and had the answers.
    pub fn finish(self) -> FloodFigures {
        self.thread.join().expect("flood thread")
    }
}

/// One report's outcome: its HTTP status (None: no answer) and latency.
type Outcome = (Option<u16>, Duration);

async fn drive(s: FloodSettings, stop: Arc<AtomicBool>) -> FloodFigures {
    downwatch::install_tls_provider();
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        // Well under the server's keep-alive (5 s by default), so a
        // connection idle since a burst is not reused as the server
        // closes it.
        .pool_idle_timeout(Duration::from_secs(1))
        .build()
        .expect("HTTP client");
    let schedule = Schedule::new(Instant::now(), s.rate);
    let mut figures = FloodFigures::default();
    let mut in_flight: JoinSet<Outcome> = JoinSet::new();
    let mut i = 0;
    while !stop.load(Ordering::Relaxed) && s.limit.is_none_or(|limit| i < limit) {
        let due = schedule.due(i);
        tokio::time::sleep_until(due.into()).await;
        while let Some(done) = in_flight.try_join_next() {
            record(&mut figures, done.ok());
        }
        figures.due += 1;
        if in_flight.len() >= MAX_IN_FLIGHT {
            figures.missed += 1;
            i += 1;
            continue;
        }
        let (service, symptom) = &s.reports[i as usize % s.reports.len()];
        let request = client
            .post(&s.url)
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", wrk::address(s.offset, i).to_string())
            .body(format!(
                r#"{{"service":"{service}","symptom":"{symptom}"}}"#
            ));
        in_flight.spawn(async move {
            let status = match request.send().await {
                // Read the body so the connection goes back to the pool.
                Ok(r) => {
                    let status = r.status().as_u16();
                    r.bytes().await.ok().map(|_| status)
                }
                Err(_) => None,
            };
            (status, due.elapsed())
        });
        i += 1;
    }
    figures.elapsed = schedule.due(i) - schedule.due(0);
    while let Some(done) = in_flight.join_next().await {
        record(&mut figures, done.ok());
    }
    figures.latencies.sort_unstable();
    figures
}

fn record(figures: &mut FloodFigures, outcome: Option<Outcome>) {
    let Some((status, latency)) = outcome else {
        figures.unanswered += 1;
        return;
    };
    match status {
        Some(202) => figures.acknowledged += 1,
        Some(429) => figures.limited += 1,
        Some(_) => figures.errors += 1,
        None => figures.unanswered += 1,
    }
    if status.is_some() {
        figures.latencies.push(latency);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_due_at_the_rate_from_the_start() {
        let start = Instant::now();
        let s = Schedule::new(start, 500.0);
        assert_eq!(s.due(0), start);
        assert_eq!(s.due(1) - start, Duration::from_millis(2));
        assert_eq!(s.due(500) - start, Duration::from_secs(1));
        // Not rounded per request: 3 a second stays 3 a second.
        let s = Schedule::new(start, 3.0);
        let after = s.due(3_000) - start;
        assert!(after.abs_diff(Duration::from_secs(1000)) < Duration::from_micros(1));
    }

    #[test]
    fn quantiles_by_nearest_rank() {
        let ms: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(quantile(&ms, 0.5), Some(Duration::from_millis(50)));
        assert_eq!(quantile(&ms, 0.99), Some(Duration::from_millis(99)));
        assert_eq!(quantile(&ms, 1.0), Some(Duration::from_millis(100)));
        assert_eq!(quantile(&ms, 0.0), Some(Duration::from_millis(1)));
        assert_eq!(quantile(&ms[..1], 0.99), Some(Duration::from_millis(1)));
        assert_eq!(quantile(&[], 0.5), None);
    }

    #[test]
    fn outcomes_are_sorted_into_their_kinds() {
        let mut f = FloodFigures::default();
        let ms = Duration::from_millis;
        record(&mut f, Some((Some(202), ms(3))));
        record(&mut f, Some((Some(429), ms(1))));
        record(&mut f, Some((Some(503), ms(2))));
        record(&mut f, Some((None, ms(10_000))));
        record(&mut f, None);
        assert_eq!((f.acknowledged, f.limited, f.errors), (1, 1, 1));
        assert_eq!(f.unanswered, 2);
        assert_eq!(f.latencies, vec![ms(3), ms(1), ms(2)]);
    }
}
