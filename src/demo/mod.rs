//! Demo mode (`downwatch serve --demo`): shows downwatch working within a
//! minute of a first run. At start it writes a week of simulated reports
//! for every catalog service into the store and steps the real detector
//! (the driver, on a clock of its own) over that week, so baselines are
//! learned at once; then it feeds live reports minute by minute with
//! outages injected every few minutes ([`traffic::Schedule`]). Incidents
//! come from the detector alone: nothing here writes one.
//!
//! A store that holds anything but demo data is refused (unless forced;
//! never when it has subscribers), so a demo never mixes simulated reports
//! into real ones nor sends its incidents to real people
//! ([`store_check`]); every payload the demo's server sends says "demo".

mod store_check;
pub mod traffic;

use crate::catalog::Catalog;
use crate::clock::{Clock, ManualClock};
use crate::detect::Params;
use crate::driver::DetectorTask;
use crate::ingest::Report;
use crate::store::{DocName, Store, StoreError, window};
use chrono::{DateTime, Duration, Utc};
use futures_util::{StreamExt, stream};
use std::sync::Arc;
use traffic::{Crowd, Schedule};

/// The per-service document that marks a store as the demo's.
pub const DEMO_DOC: DocName<bool> = DocName::new("demo");

/// Days of history written at start.
pub(crate) const HISTORY_DAYS: i64 = 7;
/// The last minutes of history whose reports carry a reporter each (the
/// pages count distinct people over up to a day); older ones only count.
const IDENTIFIED_MINUTES: i64 = 24 * 60;
/// Minutes of history written between two detector steps: the driver
/// catches up at most this much at once.
const HISTORY_CHUNK_MINUTES: i64 = 120;
/// Reports written at once (Redis batches them).
const CONCURRENT_WRITES: usize = 256;
/// How often the live feed writes the reports since its last write.
const FEED_EVERY: std::time::Duration = std::time::Duration::from_secs(1);
/// The crowd's seed: the same demo every run.
const SEED: u64 = 2026;

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(
        "--demo: the store already holds data that is not the demo's ({what} of {service}); \
         use a fresh store (a new Redis database: redis://host:port/N), or --demo-force to mix simulated reports into it"
    )]
    NotADemoStore { service: String, what: &'static str },
    #[error(
        "--demo: the store holds {what} of {service}, who would be sent the demo's simulated incidents; \
         use a fresh store (a new Redis database: redis://host:port/N)"
    )]
    HasSubscribers { service: String, what: &'static str },
    #[error("--demo: {0}")]
    Store(#[from] StoreError),
}

/// The live part of the demo, run as a background task by the server.
pub struct LiveFeed {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    crowd: Crowd,
    last: DateTime<Utc>,
}

/// Prepares the store for the demo: refuses a store with other data unless
/// `force`, writes a week of history and steps the detector over it (a
/// store that already is the demo's keeps its history), and returns the
/// live feed to run.
pub async fn prepare(
    store: Arc<dyn Store>,
    catalog: Arc<Catalog>,
    clock: Arc<dyn Clock>,
    params: &Params,
    force: bool,
) -> Result<LiveFeed, DemoError> {
    let now = clock.now();
    let profiles = traffic::profiles(&catalog, SEED);
    let started_minute = window::minute_of(now);
    let schedule = Schedule::new(minute_start(started_minute), &profiles);
    let mut crowd = Crowd::new(profiles, Some(schedule), SEED);
    let resumed = store_check::check_store(store.as_ref(), &catalog, now, force).await?;
    for slug in catalog.slugs() {
        store.save(slug, DEMO_DOC, &true).await?;
    }
    if resumed {
        tracing::info!("demo: the store holds a demo already; feeding live reports");
    } else {
        tracing::info!(
            days = HISTORY_DAYS,
            "demo: writing simulated history and learning baselines"
        );
        let written = write_history(&store, &catalog, params, &mut crowd, now).await?;
        tracing::info!(reports = written, "demo: history written");
    }
    Ok(LiveFeed {
        store,
        clock,
        crowd,
        last: now,
    })
}

fn minute_start(minute: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(minute * 60, 0).unwrap_or_default()
}

/// Writes `reports` at `at`, several at once; how many were written.
async fn write(store: &Arc<dyn Store>, reports: Vec<Report>, at: DateTime<Utc>) -> usize {
    let results: Vec<Result<_, StoreError>> = stream::iter(reports)
        .map(|r| {
            let store = store.clone();
            async move { store.record(&r, at).await }
        })
        .buffer_unordered(CONCURRENT_WRITES)
        .collect()
        .await;
    let failed = results.iter().filter(|r| r.is_err()).count();
    if failed > 0 {
        tracing::warn!(failed, "demo: some simulated reports were not written");
    }
    results.len() - failed
}

/// Writes the week before `now` minute by minute and, every
/// [`HISTORY_CHUNK_MINUTES`], lets the detector's driver step over what
/// was written, on a clock that follows the history. The detector state it
/// leaves in the store is where the server's own detector goes on from.
async fn write_history(
    store: &Arc<dyn Store>,
    catalog: &Arc<Catalog>,
    params: &Params,
    crowd: &mut Crowd,
    now: DateTime<Utc>,
) -> Result<usize, DemoError> {
    let current = window::minute_of(now);
    let first = current - HISTORY_DAYS * 24 * 60;
    let history_clock = ManualClock::new(minute_start(first));
    // A tick a millisecond apart: its leases lapse at once after the
    // history, for the server's detector to take.
    let mut driver = DetectorTask::new(
        store.clone(),
        catalog.clone(),
        Arc::new(history_clock.clone()),
        params.clone(),
        std::time::Duration::from_millis(1),
    );
    driver.tick().await;
    let mut written = 0;
    let mut minute = first;
    while minute < current {
        let end = (minute + HISTORY_CHUNK_MINUTES).min(current);
        for m in minute..end {
            // Within the minute, so each lands in its bucket.
            let at = minute_start(m) + Duration::seconds(30);
            let reports = crowd.reports(at, 1.0, m >= current - IDENTIFIED_MINUTES);
            written += write(store, reports, at).await;
        }
        history_clock.set(minute_start(end));
        driver.tick().await;
        minute = end;
    }
    // The current minute up to now.
    let elapsed = (now - minute_start(current)).num_milliseconds() as f64 / 60_000.0;
    if elapsed > 0.0 {
        let reports = crowd.reports(now, elapsed, true);
        written += write(store, reports, now).await;
    }
    Ok(written)
}

impl LiveFeed {
    /// Feeds simulated reports in real time, forever.
    pub async fn run(mut self) {
        let mut ticker = tokio::time::interval(FEED_EVERY);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            let now = self.clock.now();
            let minutes = (now - self.last).num_milliseconds() as f64 / 60_000.0;
            if minutes <= 0.0 {
                continue;
            }
            // A long pause (a suspended laptop) is not made up for.
            let reports = self.crowd.reports(now, minutes.min(1.0), true);
            self.last = now;
            write(&self.store, reports, now).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::status::STATE_DOC;
    use crate::store::MemoryStore;
    use chrono::TimeZone;

    fn start() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 30).unwrap()
    }

    /// A catalog of two services, so the week is quick to step.
    fn small_catalog() -> Arc<Catalog> {
        let toml = r#"
[symptoms]
login = "Login"
app = "App"
[[category]]
slug = "music"
name = "Music"
[[service]]
slug = "spotify"
name = "Spotify"
category = "music"
symptoms = ["app", "login"]
[[service]]
slug = "deezer"
name = "Deezer"
category = "music"
symptoms = ["login"]
"#;
        Arc::new(Catalog::parse(toml, "test.toml").expect("catalog"))
    }

    #[tokio::test]
    async fn refuses_a_store_with_other_data_unless_forced() {
        let store: Arc<dyn Store> = Arc::new(MemoryStore::new(0));
        let catalog = small_catalog();
        let report = Report {
            service: "spotify".into(),
            symptom: "login".into(),
            ..Report::default()
        };
        store.record(&report, start()).await.expect("record");
        let clock: Arc<dyn Clock> = Arc::new(ManualClock::new(start()));
        let refused = prepare(
            store.clone(),
            catalog.clone(),
            clock.clone(),
            &Params::default(),
            false,
        )
        .await;
        assert!(
            matches!(refused, Err(DemoError::NotADemoStore { .. })),
            "a store with a real report is refused"
        );
        prepare(store, catalog, clock, &Params::default(), true)
            .await
            .expect("forced");
    }

    #[tokio::test]
    async fn history_leaves_a_learned_detector_and_a_second_start_resumes() {
        let store: Arc<dyn Store> = Arc::new(MemoryStore::new(30 * 60));
        let catalog = small_catalog();
        let clock: Arc<dyn Clock> = Arc::new(ManualClock::new(start()));
        prepare(
            store.clone(),
            catalog.clone(),
            clock.clone(),
            &Params::default(),
            false,
        )
        .await
        .expect("demo");
        let detector = store
            .load("spotify", STATE_DOC)
            .await
            .expect("doc")
            .expect("detector state");
        assert_eq!(
            detector.last_step().map(window::minute_of),
            Some(window::minute_of(start())),
            "the detector stepped up to the demo's start"
        );
        let day = window::count_last_minutes(
            store.as_ref(),
            "spotify",
            crate::store::keys::TOTAL,
            start(),
            24 * 60,
        )
        .await
        .expect("count");
        assert!(day > 100, "a day of history: {day}");
        // The demo's own store is not refused on a restart.
        prepare(store, catalog, clock, &Params::default(), false)
            .await
            .expect("resumed");
    }
}
