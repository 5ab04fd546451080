//! The detector inside the server: a background task that, every few
//! seconds, feeds each service's completed minutes to its detector and
//! stores incidents, status and state. With several processes on one Redis,
//! a per-service lease makes exactly one of them evaluate a service per
//! tick; state lives in the store, so the lease can move and a restart
//! loses nothing.

use super::worker::Worker;
use crate::catalog::Catalog;
use crate::clock::Clock;
use crate::detect::{
    IncidentEvent, IncidentEventKind, Params, ServiceDetector, Status, StepCounts,
};
use crate::read::status::{STATE_DOC, STATUS_DOC, StatusDoc};
use crate::store::{Bucket, Encoded, Resolution, Store, StoreError, window};
use futures_util::{StreamExt, stream};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

pub use crate::store::process_owner;

/// At most this many missed minutes are caught up after a pause.
const MAX_BACKLOG_MINUTES: i64 = 120;

/// Turns a minute bucket into the detector's step counts.
pub fn step_counts(bucket: &Bucket) -> StepCounts {
    let mut counts = StepCounts {
        total: window::total(bucket),
        ..StepCounts::default()
    };
    for (field, &n) in bucket {
        if let Some(region) = field.strip_prefix("r:") {
            counts.regions.insert(region.to_string(), n);
        } else if let Some(symptom) = field.strip_prefix("s:") {
            counts.symptoms.insert(symptom.to_string(), n);
        } else if let Some((country, symptom)) =
            field.strip_prefix("rs:").and_then(|r| r.split_once(':'))
        {
            counts
                .country_symptoms
                .entry(country.to_string())
                .or_default()
                .insert(symptom.to_string(), n);
        }
    }
    counts
}

/// Which of the `live` detectors evaluates `service`: rendezvous hashing,
/// so each process gets an even share and a process joining or leaving
/// moves only its own share. SHA-256, not the std hasher, so that
/// processes of different builds agree.
fn assignee<'a>(service: &str, live: &'a [String]) -> Option<&'a str> {
    live.iter()
        .max_by_key(|owner| {
            let digest = Sha256::new()
                .chain_update(service.as_bytes())
                .chain_update([0])
                .chain_update(owner.as_bytes())
                .finalize();
            let mut first = [0u8; 8];
            first.copy_from_slice(&digest[..8]);
            u64::from_be_bytes(first)
        })
        .map(String::as_str)
}

/// Services evaluated at once in a tick.
const CONCURRENT_SERVICES: usize = 32;

/// What one service's turn in a tick came to.
enum Evaluated {
    /// Another process holds the service's lease.
    NotOurs,
    Stepped {
        detector: Box<ServiceDetector>,
        events: Vec<IncidentEvent>,
    },
}

pub struct DetectorTask {
    store: Arc<dyn Store>,
    catalog: Arc<Catalog>,
    clock: Arc<dyn Clock>,
    params: Params,
    interval: Duration,
    owner: String,
    held: HashMap<String, ServiceDetector>,
    /// Last published (peak, regions, reopened) per open incident, so
    /// "updated" events go out only when something worth telling changed.
    published: HashMap<String, (u64, usize, u32)>,
    tick_duration: Option<prometheus::Histogram>,
    /// Where the CPU work of a tick runs, at low priority.
    worker: Worker,
    /// The shared-cause correlator, run after each tick.
    causes: Option<super::causes::CauseTask>,
}

impl DetectorTask {
    pub fn new(
        store: Arc<dyn Store>,
        catalog: Arc<Catalog>,
        clock: Arc<dyn Clock>,
        params: Params,
        interval: Duration,
    ) -> Self {
        Self {
            store,
            catalog,
            clock,
            params,
            interval,
            owner: process_owner(),
            held: HashMap::new(),
            published: HashMap::new(),
            tick_duration: None,
            worker: Worker::start(),
            causes: None,
        }
    }

    /// Runs the shared-cause correlator after each tick (in the process
    /// holding its lease); `names` names the operators behind AS numbers.
    pub fn with_causes(mut self, names: super::causes::AsnNames) -> Self {
        self.causes = Some(super::causes::CauseTask::new(
            self.store.clone(),
            self.catalog.clone(),
            self.clock.clone(),
            self.owner.clone(),
            names,
        ));
        self
    }

    /// Observes each tick's duration (seconds) in `histogram`.
    pub fn with_tick_metric(mut self, histogram: prometheus::Histogram) -> Self {
        self.tick_duration = Some(histogram);
        self
    }

    /// Runs forever, one tick per interval.
    pub async fn run(mut self) {
        let mut ticker = tokio::time::interval(self.interval);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            let started = std::time::Instant::now();
            self.tick().await;
            if let Some(h) = &self.tick_duration {
                h.observe(started.elapsed().as_secs_f64());
            }
        }
    }

    /// How long a lease or a heartbeat lasts: three ticks and a second.
    fn lease_ms(&self) -> u64 {
        u64::try_from(self.interval.as_millis())
            .unwrap_or(u64::MAX)
            .saturating_mul(3)
            .saturating_add(1000)
    }

    /// Evaluates the services assigned to this process among the live
    /// detectors, for each one whose lease it holds. A service assigned
    /// elsewhere is let go: its lease lapses and its new owner takes it.
    pub async fn tick(&mut self) {
        let live = match self
            .store
            .live_detectors(&self.owner, self.lease_ms())
            .await
        {
            Ok(live) => live,
            Err(e) => {
                tracing::warn!(error = %e, "detector heartbeat failed");
                return;
            }
        };
        let slugs: Vec<String> = self
            .catalog
            .services()
            .iter()
            .map(|s| s.slug.clone())
            .filter(|slug| assignee(slug, &live).is_none_or(|a| a == self.owner))
            .collect();
        // What is held for services no longer assigned here is dropped with
        // the rest of `held`; the outcomes refill it.
        let mut held = std::mem::take(&mut self.held);
        let jobs: Vec<(String, Option<ServiceDetector>)> = slugs
            .into_iter()
            .map(|slug| {
                let detector = held.remove(&slug);
                (slug, detector)
            })
            .collect();
        // Services are independent: evaluate several at once so a tick's
        // Redis round trips overlap instead of adding up.
        let this = &*self;
        let outcomes: Vec<(String, Result<Evaluated, StoreError>)> = stream::iter(jobs)
            .map(|(slug, held)| async move {
                let outcome = this.tick_service(&slug, held).await;
                (slug, outcome)
            })
            .buffer_unordered(CONCURRENT_SERVICES)
            .collect()
            .await;
        for (slug, outcome) in outcomes {
            let published = match outcome {
                Ok(Evaluated::NotOurs) => Ok(()),
                Ok(Evaluated::Stepped { detector, events }) => {
                    self.held.insert(slug.clone(), *detector);
                    self.publish(events).await
                }
                Err(e) => Err(e),
            };
            if let Err(e) = published {
                tracing::warn!(service = %slug, error = %e, "detector tick failed");
                // Our copy may be ahead of or behind the store now.
                self.held.remove(&slug);
            }
        }
        if let Some(causes) = &self.causes
            && let Err(e) = causes.tick(self.lease_ms()).await
        {
            tracing::warn!(error = %e, "shared-cause correlation failed");
        }
    }

    /// Steps one service's detector over the minutes completed since its
    /// last step and stores its state, status and incidents; the events to
    /// publish are returned, for [`Self::publish`] in one place.
    async fn tick_service(
        &self,
        slug: &str,
        held: Option<ServiceDetector>,
    ) -> Result<Evaluated, StoreError> {
        if !self
            .store
            .try_lease(slug, &self.owner, self.lease_ms())
            .await?
        {
            return Ok(Evaluated::NotOurs);
        }
        let mut detector = match held {
            Some(d) => d,
            // None, or unreadable (logged): start afresh.
            None => match self.store.load(slug, STATE_DOC).await? {
                Some(d) => d,
                None => ServiceDetector::new(slug, 1, &self.params),
            },
        };
        let now = self.clock.now();
        let current = window::minute_of(now);
        let first = match detector.last_step() {
            Some(at) => (window::minute_of(at)).max(current - MAX_BACKLOG_MINUTES),
            None => current - 1,
        };
        // The minute under way, judged on its partial count: a flood shows
        // within a tick or two, not when its minute completes.
        let partial = self
            .store
            .buckets(slug, Resolution::Minute, current..current + 1)
            .await?;
        let elapsed = (now.timestamp_millis() - current * 60_000) as f64 / 60_000.0;
        let peek = |d: &ServiceDetector| {
            partial.first().map_or(Status::Ok, |b| {
                d.peek_status(now, &step_counts(b), elapsed, &self.params)
            })
        };
        if first >= current {
            let peeked = self.unless_suspect(slug, now, peek(&detector)).await?;
            if peeked > service_status(&detector) {
                let status = status_doc(&detector, now, peeked);
                self.store.save(slug, STATUS_DOC, &status).await?;
            }
            return Ok(Evaluated::Stepped {
                detector: Box::new(detector),
                events: Vec::new(),
            });
        }
        let buckets = self
            .store
            .buckets(slug, Resolution::Minute, first..current)
            .await?;
        // Stepping a service with many regions, and serialising its state
        // (kilobytes per region), is real CPU work: it runs on the worker
        // thread, at low priority, so it never holds up report writes.
        let params = self.params.clone();
        let (mut detector, mut events) = self
            .worker
            .run(move || {
                let mut events = Vec::new();
                for (i, bucket) in buckets.iter().enumerate() {
                    let minute = first + i as i64;
                    let Some(at) = chrono::DateTime::from_timestamp((minute + 1) * 60, 0) else {
                        continue;
                    };
                    events.extend(detector.step(at, &step_counts(bucket), &params));
                }
                (detector, events)
            })
            .await?;
        self.mark_brigading(slug, now, &mut events).await?;
        for e in &events {
            detector.mark_network(
                &e.incident.id,
                e.incident.busiest_network_share,
                e.incident.suspect,
            );
        }
        let (detector, state) = self
            .worker
            .run(move || {
                let state = Encoded::new(&detector);
                (detector, state)
            })
            .await?;
        let state = state?;
        let peeked = self.unless_suspect(slug, now, peek(&detector)).await?;
        let status = status_doc(&detector, now, service_status(&detector).max(peeked));
        // Stepping took a while: if the lease lapsed meanwhile, another
        // process may be stepping the same minutes, and only one may store
        // and publish them.
        if !self
            .store
            .try_lease(slug, &self.owner, self.lease_ms())
            .await?
        {
            return Ok(Evaluated::NotOurs);
        }
        for e in &events {
            self.store.save_incident(&e.incident).await?;
        }
        self.store.save_encoded(slug, STATE_DOC, &state).await?;
        self.store.save(slug, STATUS_DOC, &status).await?;
        Ok(Evaluated::Stepped {
            detector: Box::new(detector),
            events,
        })
    }

    /// Appends the events worth telling to the shared event log.
    async fn publish(&mut self, events: Vec<IncidentEvent>) -> Result<(), StoreError> {
        for e in events {
            if self.worth_publishing(&e) {
                let joined = crate::read::join_event(self.store.as_ref(), &e).await?;
                crate::events::publish(self.store.as_ref(), &joined).await?;
            }
        }
        Ok(())
    }

    /// A peeked outage dominated by one network shows as "possible", as
    /// its incident would (see [`service_status`]).
    async fn unless_suspect(
        &self,
        slug: &str,
        now: chrono::DateTime<chrono::Utc>,
        peeked: Status,
    ) -> Result<Status, StoreError> {
        if peeked < Status::Outage {
            return Ok(peeked);
        }
        // Too few reports to tell one network from many: possible only.
        let networks = window::networks_last_minutes(self.store.as_ref(), slug, now, 1).await?;
        let judged = networks.reports() >= window::SUSPECT_MIN_REPORTS;
        Ok(if judged && !window::is_network_suspect(&networks) {
            peeked
        } else {
            Status::Possible
        })
    }

    /// Adds the busiest-network share of the reports since each incident
    /// started, and the suspect flag.
    async fn mark_brigading(
        &self,
        slug: &str,
        now: chrono::DateTime<chrono::Utc>,
        events: &mut [IncidentEvent],
    ) -> Result<(), StoreError> {
        let Some(started) = events.iter().map(|e| e.incident.started_at).min() else {
            return Ok(());
        };
        let minutes = (now - started).num_minutes().clamp(1, 24 * 60) + 1;
        let networks =
            window::networks_last_minutes(self.store.as_ref(), slug, now, minutes).await?;
        let share = window::busiest_network_share(&networks);
        let suspect = window::is_network_suspect(&networks);
        for e in events.iter_mut() {
            e.incident.busiest_network_share = share.map(|s| (s * 1000.0).round() / 1000.0);
            e.incident.suspect = suspect;
        }
        Ok(())
    }

    fn worth_publishing(&mut self, e: &IncidentEvent) -> bool {
        let i = &e.incident;
        let now = (
            i.peak_reports_per_minute.round() as u64,
            i.affected_regions.len(),
            i.reopened,
        );
        match e.kind {
            IncidentEventKind::Opened | IncidentEventKind::Reopened => {
                self.published.insert(i.id.clone(), now);
                true
            }
            IncidentEventKind::Resolved => {
                self.published.remove(&i.id);
                true
            }
            IncidentEventKind::OfficialUpdate => true,
            IncidentEventKind::Updated => {
                let before = self.published.insert(i.id.clone(), now);
                before != Some(now)
            }
        }
    }
}

/// The status document of `detector` at `now`, showing `status`.
fn status_doc(
    detector: &ServiceDetector,
    now: chrono::DateTime<chrono::Utc>,
    status: Status,
) -> StatusDoc {
    StatusDoc {
        status,
        regions: detector.non_ok_regions(),
        expected_per_minute: detector.expected_rate(now, None),
        active_incidents: detector.active_incidents().map(|i| i.id.clone()).collect(),
        updated_at: Some(now),
        global: Some(detector.status(None)),
    }
}

/// The worst status of the service's series, except that an outage
/// whose every open incident is suspect (dominated by one network) is
/// shown as "possible", not announced.
fn service_status(detector: &ServiceDetector) -> Status {
    let worst = detector.worst_status();
    let all_suspect = detector.active_incidents().all(|i| i.suspect);
    if worst == Status::Outage && all_suspect {
        Status::Possible
    } else {
        worst
    }
}

#[cfg(test)]
mod tests {
    use super::assignee;

    #[test]
    fn services_are_split_evenly_and_only_a_leavers_share_moves() {
        let three: Vec<String> = ["a-1", "b-2", "c-3"].map(String::from).to_vec();
        let services: Vec<String> = (0..3000).map(|i| format!("service-{i}")).collect();
        let before: Vec<&str> = services
            .iter()
            .map(|s| assignee(s, &three).expect("someone"))
            .collect();
        for owner in &three {
            let share = before.iter().filter(|a| *a == owner).count();
            assert!((900..=1100).contains(&share), "{owner}: {share}");
        }
        let two = vec![three[0].clone(), three[2].clone()];
        for (s, was) in services.iter().zip(&before) {
            let now = assignee(s, &two).expect("someone");
            if *was != "b-2" {
                assert_eq!(now, *was, "{s} moved without cause");
            }
        }
        assert_eq!(assignee("x", &[]), None);
    }
}
