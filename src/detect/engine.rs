//! The detector of one service: the seasonal baseline of its whole traffic,
//! its global series, and a series per region whose expectation is the
//! region's learned share of the service's baseline (sparse regions borrow
//! strength from the whole service).

use super::baseline::SeasonalBaseline;
use super::incident::{GLOBAL, Incident, IncidentEvent};
use super::params::Params;
use super::series::{SeriesDetector, Status};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Reports of one step of one service.
#[derive(Debug, Clone, Default)]
pub struct StepCounts {
    pub total: u64,
    /// By region code ("US", "US-CA").
    pub regions: HashMap<String, u64>,
    /// By symptom, all regions.
    pub symptoms: HashMap<String, u64>,
    /// By country, then symptom.
    pub country_symptoms: HashMap<String, HashMap<String, u64>>,
}

/// A floor under every region's expectation (reports per minute), so a
/// region never seen before is judged against something.
const REGION_FLOOR_RATE: f64 = 0.01;

/// Minutes a newly seen region learns its share before it is scored.
const REGION_WARMUP_MINUTES: f64 = 60.0;

/// A region's series and its share of the service's traffic: the ratio of
/// its reports to the service's, both weighted the same way since the region
/// was first seen (a plain running ratio at first, then exponential
/// forgetting), so a region new to a busy service learns its share at once.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct RegionSeries {
    weighted_count: f64,
    weighted_total: f64,
    learned_minutes: f64,
    detector: SeriesDetector,
}

impl RegionSeries {
    fn share(&self) -> f64 {
        if self.weighted_total > 0.0 {
            (self.weighted_count / self.weighted_total).min(1.0)
        } else {
            0.0
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ServiceDetector {
    service: String,
    step_minutes: u32,
    baseline: SeasonalBaseline,
    global: SeriesDetector,
    regions: BTreeMap<String, RegionSeries>,
    /// End of the last step fed.
    last_step: Option<DateTime<Utc>>,
}

impl ServiceDetector {
    pub fn new(service: &str, step_minutes: u32, params: &Params) -> Self {
        Self {
            service: service.to_string(),
            step_minutes: step_minutes.max(1),
            baseline: SeasonalBaseline::new(params),
            global: SeriesDetector::new(service, GLOBAL, step_minutes, params),
            regions: BTreeMap::new(),
            last_step: None,
        }
    }

    pub fn service(&self) -> &str {
        &self.service
    }

    pub fn last_step(&self) -> Option<DateTime<Utc>> {
        self.last_step
    }

    pub fn series_count(&self) -> usize {
        1 + self.regions.len()
    }

    /// Expected reports per minute at `t` in `region` (None = global).
    pub fn expected_rate(&self, t: DateTime<Utc>, region: Option<&str>) -> f64 {
        let rate = self.baseline.rate(t);
        match region {
            None => rate,
            Some(code) => {
                let share = self.share(code);
                share * rate + REGION_FLOOR_RATE
            }
        }
    }

    /// The part of the service's reports that usually comes from `code`
    /// (0 for a region never seen): maps weigh a window's expectation by it.
    pub fn share(&self, code: &str) -> f64 {
        self.regions.get(code).map_or(0.0, RegionSeries::share)
    }

    /// Status of a series (None = global).
    pub fn status(&self, region: Option<&str>) -> Status {
        match region {
            None => self.global.status(),
            Some(code) => self
                .regions
                .get(code)
                .map_or(Status::Ok, |r| r.detector.status()),
        }
    }

    /// The worst status over the service's series.
    pub fn worst_status(&self) -> Status {
        let mut worst = self.global.status();
        for r in self.regions.values() {
            worst = worst.max(r.detector.status());
        }
        worst
    }

    /// The service's status if the minute under way were judged now, on
    /// `counts` so far, `elapsed_minutes` into it (see
    /// [`SeriesDetector::peek`]): the whole-world series and each region
    /// scored so far, the worst of them.
    pub fn peek_status(
        &self,
        at: DateTime<Utc>,
        counts: &StepCounts,
        elapsed_minutes: f64,
        params: &Params,
    ) -> Status {
        // At least 5 seconds of expectation: the minute's first reports
        // are not judged against nothing.
        let minutes = elapsed_minutes.clamp(5.0 / 60.0, f64::from(self.step_minutes));
        let rate = self.baseline.rate(at);
        let mut worst = self.global.peek(counts.total, rate * minutes, params);
        for (code, region) in &self.regions {
            if region.learned_minutes < REGION_WARMUP_MINUTES {
                continue;
            }
            let count = counts.regions.get(code).copied().unwrap_or(0);
            let expected = (region.share() * rate + REGION_FLOOR_RATE) * minutes;
            worst = worst.max(region.detector.peek(count, expected, params));
        }
        worst
    }

    /// Regions whose status is not ok, with their status.
    pub fn non_ok_regions(&self) -> HashMap<String, String> {
        self.regions
            .iter()
            .filter(|(_, r)| r.detector.status() != Status::Ok)
            .map(|(c, r)| (c.clone(), r.detector.status().as_str().to_string()))
            .collect()
    }

    /// Records an open incident's busiest-network share and suspect flag.
    pub fn mark_network(&mut self, id: &str, share: Option<f64>, suspect: bool) {
        let global = self.global.incident_mut().into_iter();
        let regional = self
            .regions
            .values_mut()
            .filter_map(|r| r.detector.incident_mut());
        for incident in global.chain(regional).filter(|i| i.id == id) {
            incident.busiest_network_share = share;
            incident.suspect = suspect;
        }
    }

    /// Incidents open now.
    pub fn active_incidents(&self) -> impl Iterator<Item = &Incident> {
        self.global
            .incident()
            .into_iter()
            .chain(self.regions.values().filter_map(|r| r.detector.incident()))
    }

    /// Feeds the step ending at `at`; returns what happened to incidents.
    pub fn step(
        &mut self,
        at: DateTime<Utc>,
        counts: &StepCounts,
        params: &Params,
    ) -> Vec<IncidentEvent> {
        let minutes = f64::from(self.step_minutes);
        let rate = self.baseline.rate(at);
        let slow_rate = self.baseline.slow_rate(at);
        let mut events = Vec::new();
        events.extend(self.global.observe(
            at,
            (counts.total, rate * minutes, slow_rate * minutes),
            Some(&counts.symptoms),
            params,
        ));

        for code in counts.regions.keys() {
            if !self.regions.contains_key(code) {
                self.regions.insert(
                    code.clone(),
                    RegionSeries {
                        weighted_count: 0.0,
                        weighted_total: 0.0,
                        learned_minutes: 0.0,
                        detector: SeriesDetector::new(
                            &self.service,
                            code,
                            self.step_minutes,
                            params,
                        ),
                    },
                );
            }
        }
        let global_learns = self.global.learning_allowed(params);
        let forget = 1.0 - (-minutes / params.share_tau_minutes).exp();
        for (code, region) in self.regions.iter_mut() {
            let count = counts.regions.get(code).copied().unwrap_or(0);
            // Read before this region learns from the step.
            let share = region.share();
            let expected = (share * rate + REGION_FLOOR_RATE) * minutes;
            let slow_expected = (share * slow_rate + REGION_FLOOR_RATE) * minutes;
            let symptoms = if code.contains('-') {
                None
            } else {
                counts.country_symptoms.get(code)
            };
            // A region new to the service learns its share for a while
            // before it is judged on it; its reports count globally meanwhile.
            if region.learned_minutes >= REGION_WARMUP_MINUTES {
                events.extend(region.detector.observe(
                    at,
                    (count, expected, slow_expected),
                    symptoms,
                    params,
                ));
            }
            if global_learns && region.detector.learning_allowed(params) {
                region.learned_minutes += minutes;
                let a = forget.max(minutes / region.learned_minutes);
                region.weighted_count += a * (count as f64 - region.weighted_count);
                region.weighted_total += a * (counts.total as f64 - region.weighted_total);
            }
        }
        if global_learns {
            let capped = !self.global.freeze_expired(params);
            self.baseline
                .learn(at, counts.total as f64, minutes, capped, params);
        }
        // Forget regions that have gone quiet and hold nothing open.
        self.regions
            .retain(|_, r| r.weighted_count > 1e-4 || r.detector.status() != Status::Ok);
        self.link_incidents(&mut events);
        self.last_step = Some(at);
        events
    }

    /// Global incident <-> regional incidents.
    fn link_incidents(&mut self, events: &mut [IncidentEvent]) {
        let regional: Vec<String> = self
            .regions
            .iter()
            .filter(|(_, r)| r.detector.incident().is_some())
            .map(|(c, _)| c.clone())
            .collect();
        let global_id = self.global.incident().map(|i| i.id.clone());
        if let Some(g) = self.global.incident_mut() {
            for code in &regional {
                if !g.affected_regions.contains(code) {
                    g.affected_regions.push(code.clone());
                }
            }
        }
        for r in self.regions.values_mut() {
            if let (Some(inc), Some(gid)) = (r.detector.incident_mut(), &global_id) {
                inc.global_incident = Some(gid.clone());
            }
        }
        for e in events.iter_mut() {
            if e.incident.region == GLOBAL {
                if let Some(g) = self.global.incident() {
                    e.incident.affected_regions = g.affected_regions.clone();
                }
            } else if e.incident.global_incident.is_none() {
                e.incident.global_incident = global_id.clone();
            }
        }
    }

    /// The start of the next step to feed, given the current time: steps
    /// are fed once complete.
    pub fn next_step_end(&self, fallback_start: DateTime<Utc>) -> DateTime<Utc> {
        self.last_step.unwrap_or(fallback_start) + Duration::minutes(i64::from(self.step_minutes))
    }
}
