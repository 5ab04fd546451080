//! The detector of one service: the seasonal baseline of its whole traffic,
//! its global series, and a series per region whose expectation is the
//! region's learned share of the service's baseline (sparse regions borrow
//! strength from the whole service).

use super::baseline::SeasonalBaseline;
use super::cusum::Reading;
use super::incident::{GLOBAL, Incident, IncidentEvent};
use super::params::Params;
use super::series::{SeriesDetector, Status};
use super::stat::nb_log_lr;
use super::symptoms::SymptomCharts;
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

/// A service whose other countries are expected to send less than this
/// share of its reports is its one country: the world's series speaks
/// for it.
const SOLE_COUNTRY_REST: f64 = 0.1;

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
    /// Charts per symptom, whole world (absent in state saved before they
    /// existed: they start afresh).
    #[serde(default)]
    symptoms: SymptomCharts,
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
            symptoms: SymptomCharts::default(),
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
    pub fn non_ok_regions(&self) -> HashMap<String, Status> {
        self.regions
            .iter()
            .filter(|(_, r)| r.detector.status() != Status::Ok)
            .map(|(c, r)| (c.clone(), r.detector.status()))
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
    ///
    /// The regions are judged first; the world's series then opens only
    /// when the evidence outside the one country that rose most supports
    /// it too (see [`Self::supported_outside`]): an outage in one country
    /// is that country's incident alone. One event, one incident, in the
    /// right place. A symptom's chart past its threshold opens the
    /// world's incident too (see `symptoms`).
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
        // The regions share one false-alarm budget too.
        let region_cost = (self
            .regions
            .values()
            .filter(|r| r.learned_minutes >= REGION_WARMUP_MINUTES)
            .count()
            .max(1) as f64)
            .ln();
        let world_learns = self.global.learning_allowed(params);
        for (code, region) in self.regions.iter_mut() {
            // A region new to the service learns its share for a while
            // before it is judged on it; its reports count globally meanwhile.
            if region.learned_minutes < REGION_WARMUP_MINUTES {
                continue;
            }
            region.detector.set_extra_nats(region_cost);
            let count = counts.regions.get(code).copied().unwrap_or(0);
            let share = region.share();
            let region_rate = share * rate + REGION_FLOOR_RATE;
            let region_slow_rate = share * slow_rate + REGION_FLOOR_RATE;
            let symptoms = if code.contains('-') {
                None
            } else {
                counts.country_symptoms.get(code)
            };
            events.extend(region.detector.observe(
                at,
                (count, region_rate * minutes, region_slow_rate * minutes),
                symptoms,
                params,
            ));
        }

        let global_out = self.global.status() == Status::Outage;
        // The symptoms' charts: one of them past its threshold opens the
        // world's incident if the world's own charts do not.
        let carried = self.symptoms.step(
            &counts.symptoms,
            counts.total,
            (rate, slow_rate, minutes),
            (self.global.status() == Status::Ok, world_learns),
            self.symptoms.extra_nats(),
            params,
            self.step_minutes,
        );
        let carried = carried.filter(|_| !global_out);
        let regions = &self.regions;
        let supported = |reading: &Reading, carried: bool, alpha: f64, window: (u64, f64, u32)| {
            Self::supported_outside(regions, (reading, carried), alpha, window, params)
        };
        let global_event = self.global.observe_guarded(
            at,
            (counts.total, rate * minutes, slow_rate * minutes),
            Some(&counts.symptoms),
            params,
            (&supported, carried.as_ref()),
        );
        if global_event.as_ref().is_some_and(|e| {
            e.kind.is_detection() || e.kind == super::incident::IncidentEventKind::Resolved
        }) {
            // Re-armed with the world's charts.
            self.symptoms.reset();
        }
        events.extend(global_event);

        let global_learns = self.global.learning_allowed(params);
        let forget = 1.0 - (-minutes / params.share_tau_minutes).exp();
        for (code, region) in self.regions.iter_mut() {
            if !global_learns || !region.detector.learning_allowed(params) {
                continue;
            }
            let count = counts.regions.get(code).copied().unwrap_or(0);
            region.learned_minutes += minutes;
            let a = forget.max(minutes / region.learned_minutes);
            region.weighted_count += a * (count as f64 - region.weighted_count);
            region.weighted_total += a * (counts.total as f64 - region.weighted_total);
        }
        // The baseline learns on while the world is flagged, capped (a
        // flagged minute teaches it no more than a doubling): frozen
        // outright, a service flagged at a daily peak its profile never saw
        // would never learn that peak and reopen there every day.
        let capped = !self.global.freeze_expired(params);
        self.baseline
            .learn(at, counts.total as f64, minutes, capped, params);
        // Forget regions that have gone quiet and hold nothing open.
        self.regions
            .retain(|_, r| r.weighted_count > 1e-4 || r.detector.status() != Status::Ok);
        self.link_incidents(&mut events);
        self.last_step = Some(at);
        events
    }

    /// Whether the world's series may open on `reading` (its own chart's
    /// or a symptom's), whose run covers the world's last `window`
    /// (reports, expectation; at most the last 60 steps): the rise must
    /// not be one country's alone. Over those steps the country with the
    /// most reports above its expectation is taken out, and the rest of
    /// the service's reports (other countries, and reports of no known
    /// place) must still hold evidence of an outage of one of the charts'
    /// sizes: at least `possible_level` of the reading's threshold (the
    /// steps summed as one count, their overdispersion `alpha` divided by
    /// their number); for a symptom's reading (`carried`), which holds the
    /// evidence of an outage already, more likely an outage than not
    /// (above 0 nats). A service reported from one country almost alone
    /// (the rest expected under `SOLE_COUNTRY_REST` of its reports) is
    /// that country: its world's series opens as ever, as it does without
    /// regions (a total-only series).
    fn supported_outside(
        regions: &BTreeMap<String, RegionSeries>,
        (reading, carried): (&Reading, bool),
        alpha: f64,
        (observed, expected, steps): (u64, f64, u32),
        params: &Params,
    ) -> bool {
        // A symptom's chart already holds the evidence of an outage; the
        // rest of the reports need only lean towards one.
        let bar = if carried {
            0.0
        } else {
            params.possible_level * reading.threshold
        };
        let top = regions
            .iter()
            .filter(|(code, r)| !code.contains('-') && r.learned_minutes >= REGION_WARMUP_MINUTES)
            .map(|(_, r)| r.detector.window_steps(steps))
            .max_by(|a, b| (a.0 as f64 - a.1).total_cmp(&(b.0 as f64 - b.1)));
        let Some((top_count, top_expected)) = top else {
            return true;
        };
        let rest = observed.saturating_sub(top_count);
        let rest_expected = expected - top_expected;
        if rest_expected < SOLE_COUNTRY_REST * expected {
            return true;
        }
        let alpha = alpha / f64::from(steps.max(1));
        let evidence = params
            .outage_sizes
            .iter()
            .map(|size| {
                nb_log_lr(
                    rest,
                    params.null_ratio * rest_expected,
                    size * rest_expected,
                    alpha,
                )
            })
            .fold(f64::MIN, f64::max);
        evidence >= bar
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
