//! The detector inside the server: a background task that, every few
//! seconds, feeds each service's completed minutes to its detector and
//! stores incidents, status and state. With several processes on one Redis,
//! a per-service lease makes exactly one of them evaluate a service per
//! tick; state lives in the store, so the lease can move and a restart
//! loses nothing.

use super::engine::{ServiceDetector, StepCounts};
use super::incident::{IncidentEvent, IncidentEventKind};
use super::params::Params;
use super::series::Status;
use crate::catalog::Catalog;
use crate::clock::Clock;
use crate::store::{Bucket, Resolution, Store, StoreError, window};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// Document names in the store.
pub const STATE_DOC: &str = "detector";
pub const STATUS_DOC: &str = "status";

/// At most this many missed minutes are caught up after a pause.
const MAX_BACKLOG_MINUTES: i64 = 120;

/// What the read API shows of a service's detection, kept small so the
/// service list can read every service's at once.
#[derive(Debug, Clone, Serialize, serde::Deserialize, Default)]
pub struct StatusDoc {
    pub status: String,
    /// Regions whose own status is not "ok".
    pub regions: HashMap<String, String>,
    /// Expected reports per minute now (global).
    pub expected_per_minute: f64,
    pub active_incidents: Vec<String>,
    pub updated_at: Option<chrono::DateTime<chrono::Utc>>,
}

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
}

impl DetectorTask {
    pub fn new(
        store: Arc<dyn Store>,
        catalog: Arc<Catalog>,
        clock: Arc<dyn Clock>,
        params: Params,
        interval: Duration,
    ) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        Self {
            store,
            catalog,
            clock,
            params,
            interval,
            owner: format!("{}-{nanos:x}", std::process::id()),
            held: HashMap::new(),
            published: HashMap::new(),
        }
    }

    /// Runs forever, one tick per interval.
    pub async fn run(mut self) {
        let mut ticker = tokio::time::interval(self.interval);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            self.tick().await;
        }
    }

    /// Evaluates every service this process holds the lease for.
    pub async fn tick(&mut self) {
        let slugs: Vec<String> = self
            .catalog
            .services()
            .iter()
            .map(|s| s.slug.clone())
            .collect();
        for slug in slugs {
            if let Err(e) = self.tick_service(&slug).await {
                tracing::warn!(service = %slug, error = %e, "detector tick failed");
                // Our copy may be ahead of or behind the store now.
                self.held.remove(&slug);
            }
        }
    }

    async fn tick_service(&mut self, slug: &str) -> Result<(), StoreError> {
        let ttl_ms = u64::try_from(self.interval.as_millis())
            .unwrap_or(u64::MAX)
            .saturating_mul(3)
            .saturating_add(1000);
        if !self.store.try_lease(slug, &self.owner, ttl_ms).await? {
            self.held.remove(slug);
            return Ok(());
        }
        if !self.held.contains_key(slug) {
            let loaded = match self.store.get_doc(slug, STATE_DOC).await? {
                Some(json) => serde_json::from_str(&json).unwrap_or_else(|e| {
                    tracing::warn!(service = %slug, error = %e, "unreadable detector state; starting afresh");
                    ServiceDetector::new(slug, 1, &self.params)
                }),
                None => ServiceDetector::new(slug, 1, &self.params),
            };
            self.held.insert(slug.to_string(), loaded);
        }
        let now = self.clock.now();
        let current = window::minute_of(now);
        let Some(detector) = self.held.get_mut(slug) else {
            return Ok(());
        };
        let first = match detector.last_step() {
            Some(at) => (window::minute_of(at)).max(current - MAX_BACKLOG_MINUTES),
            None => current - 1,
        };
        if first >= current {
            return Ok(());
        }
        let buckets = self
            .store
            .buckets(slug, Resolution::Minute, first..current)
            .await?;
        let mut events = Vec::new();
        for (i, bucket) in buckets.iter().enumerate() {
            let minute = first + i as i64;
            let Some(at) = chrono::DateTime::from_timestamp((minute + 1) * 60, 0) else {
                continue;
            };
            events.extend(detector.step(at, &step_counts(bucket), &self.params));
        }
        self.mark_brigading(slug, now, &mut events).await?;
        let Some(detector) = self.held.get_mut(slug) else {
            return Ok(());
        };
        for e in &events {
            detector.mark_network(
                &e.incident.id,
                e.incident.busiest_network_share,
                e.incident.suspect,
            );
        }
        let state =
            serde_json::to_string(detector).map_err(|e| StoreError::Backend(e.to_string()))?;
        let status = StatusDoc {
            status: service_status(detector).as_str().to_string(),
            regions: detector.non_ok_regions(),
            expected_per_minute: detector.expected_rate(now, None),
            active_incidents: detector.active_incidents().map(|i| i.id.clone()).collect(),
            updated_at: Some(now),
        };
        let status =
            serde_json::to_string(&status).map_err(|e| StoreError::Backend(e.to_string()))?;
        for e in &events {
            let json = serde_json::to_string(&e.incident)
                .map_err(|e| StoreError::Backend(e.to_string()))?;
            self.store
                .put_incident(
                    slug,
                    &e.incident.id,
                    e.incident.started_at.timestamp(),
                    &json,
                )
                .await?;
        }
        self.store.put_doc(slug, STATE_DOC, &state).await?;
        self.store.put_doc(slug, STATUS_DOC, &status).await?;
        for e in events {
            if self.worth_publishing(&e) {
                crate::events::publish(self.store.as_ref(), &e).await?;
            }
        }
        Ok(())
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
        let bucket = window::last_minutes(self.store.as_ref(), slug, now, minutes).await?;
        let share = window::busiest_network_share(&bucket);
        let suspect = window::is_network_suspect(&bucket);
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
            IncidentEventKind::Opened => {
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
