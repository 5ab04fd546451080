//! One (service, region) series: its recent steps, its overdispersion
//! estimate, its CUSUM charts (see `cusum`) and its incident state machine
//! (ok -> possible -> outage -> resolved, with hysteresis and one incident
//! per episode).

use super::cusum::{Charts, Reading};
use super::incident::{
    Evidence, Incident, IncidentEvent, IncidentEventKind, IncidentState, SymptomCount,
    TimelinePoint,
};
use super::params::Params;
use super::stat::{learn_alpha, nb_log_lr};
use super::symptoms::Carried;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, VecDeque};

/// What a series looks like now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Ok,
    Possible,
    Outage,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Possible => "possible",
            Status::Outage => "outage",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Step {
    at: DateTime<Utc>,
    count: u64,
    expected: f64,
}

/// Minutes of steps kept: the calm test, the onset estimate and the steps
/// an incident starts its timeline with.
const RECENT_MINUTES: u32 = 60;

/// Whether an outage may open on a reading (a symptom's chart's when
/// true), with the series' alpha, its run being the series' last `.2`
/// steps, which held `.0` reports where `.1` were expected (at most the
/// steps kept).
pub type Support<'a> = &'a dyn Fn(&Reading, bool, f64, (u64, f64, u32)) -> bool;

/// Minutes a flagged series must stay below `possible_level` to be ok.
const POSSIBLE_CALM_MINUTES: u32 = 5;

/// Minutes of recent reports the calm test of an open outage looks at.
const CALM_WINDOW_MINUTES: u32 = 5;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SeriesDetector {
    service: String,
    region: String,
    step_minutes: u32,
    recent: VecDeque<Step>,
    /// Overdispersion of one step's count around its expectation (0 in
    /// state saved before it existed: the prior stands in).
    #[serde(default)]
    step_alpha: f64,
    #[serde(default)]
    step_alpha_samples: f64,
    /// The CUSUM charts and their calibration; None in state saved before
    /// they existed (they start afresh, the baseline is kept).
    #[serde(default)]
    charts: Option<Charts>,
    /// The latest step's evidence reached `freeze_level` of its
    /// threshold: the baseline waits.
    #[serde(default)]
    building: bool,
    status: Status,
    /// Calm steps in a row.
    calm_steps: u32,
    /// Steps learning has been frozen for.
    frozen_steps: u32,
    incident: Option<Incident>,
    /// The calm test does not reach back past this step: set when an
    /// incident resolves.
    #[serde(default)]
    barrier: Option<DateTime<Utc>>,
    symptom_totals: BTreeMap<String, u64>,
    last_resolved: Option<Incident>,
    /// While an outage is open: the evidence (nats) that reports are back
    /// at the expected level rather than still at the outage's, as a
    /// CUSUM (see [`SeriesDetector::back_evidence`]), and the steps of its
    /// current run.
    #[serde(default)]
    back_sum: f64,
    #[serde(default)]
    back_steps: u32,
    /// The outage's highest level so far (observed / expected over the
    /// calm window), which sets what "still going on" means.
    #[serde(default)]
    outage_peak_ratio: f64,
    /// Nats added to the charts' threshold: the multiple-testing cost of
    /// the series sharing this one's false-alarm budget (a service's
    /// regions; 0 for the world's).
    #[serde(default)]
    extra_nats: f64,
}

impl SeriesDetector {
    pub fn new(service: &str, region: &str, step_minutes: u32, params: &Params) -> Self {
        let step_minutes = step_minutes.max(1);
        Self {
            service: service.to_string(),
            region: region.to_string(),
            step_minutes,
            recent: VecDeque::new(),
            step_alpha: params.prior_alpha,
            step_alpha_samples: 0.0,
            charts: Some(Charts::new(params)),
            building: false,
            status: Status::Ok,
            calm_steps: 0,
            frozen_steps: 0,
            incident: None,
            barrier: None,
            symptom_totals: BTreeMap::new(),
            last_resolved: None,
            back_sum: 0.0,
            back_steps: 0,
            outage_peak_ratio: 0.0,
            extra_nats: 0.0,
        }
    }

    /// Sets the multiple-testing cost (nats) this series' charts pay.
    pub fn set_extra_nats(&mut self, nats: f64) {
        self.extra_nats = nats.max(0.0);
    }

    pub fn status(&self) -> Status {
        self.status
    }

    pub fn incident(&self) -> Option<&Incident> {
        self.incident.as_ref()
    }

    pub fn incident_mut(&mut self) -> Option<&mut Incident> {
        self.incident.as_mut()
    }

    /// The overdispersion estimate of one step's count.
    pub fn alpha(&self, params: &Params) -> f64 {
        if self.step_alpha > 0.0 {
            self.step_alpha
        } else {
            params.prior_alpha
        }
    }

    /// Whether the baseline may learn from the latest step: not while
    /// evidence builds or the series is flagged, unless that has lasted too
    /// long (then the new level is the new normal).
    pub fn learning_allowed(&self, params: &Params) -> bool {
        (self.status == Status::Ok && !self.building) || self.freeze_expired(params)
    }

    /// Learning has waited for `max_freeze_minutes`: what goes on now is
    /// the new normal, learned in full.
    pub fn freeze_expired(&self, params: &Params) -> bool {
        self.frozen_steps * self.step_minutes >= params.max_freeze_minutes
    }

    /// Sum of counts and of expectations over the last `minutes`.
    pub fn window(&self, minutes: u32) -> (u64, f64) {
        let steps = (minutes.div_ceil(self.step_minutes)).max(1) as usize;
        let barrier = self.barrier;
        self.recent
            .iter()
            .rev()
            .take_while(move |s| barrier.is_none_or(|b| s.at > b))
            .take(steps)
            .fold((0, 0.0), |(x, mu), s| (x + s.count, mu + s.expected))
    }

    /// Sum of counts and of expectations over the last `steps` steps
    /// (all of them, past any resolution).
    pub fn window_steps(&self, steps: u32) -> (u64, f64) {
        self.recent
            .iter()
            .rev()
            .take(steps as usize)
            .fold((0, 0.0), |(x, mu), s| (x + s.count, mu + s.expected))
    }

    fn charts_mut(&mut self, params: &Params) -> &mut Charts {
        self.charts.get_or_insert_with(|| Charts::new(params))
    }

    /// The loudest chart now.
    pub fn reading(&self, params: &Params) -> Option<Reading> {
        self.charts
            .as_ref()
            .map(|c| with_cost(c.reading(params), self.extra_nats))
    }

    /// Feeds one step: `count` reports over the step ending at `at`, when
    /// `expected` were due by the seasonal baseline and `slow_expected` by
    /// the slow one; `symptoms` are the step's reports by symptom.
    pub fn observe(
        &mut self,
        at: DateTime<Utc>,
        step: (u64, f64, f64),
        symptoms: Option<&HashMap<String, u64>>,
        params: &Params,
    ) -> Option<IncidentEvent> {
        self.observe_guarded(at, step, symptoms, params, (&|_, _, _, _| true, None))
    }

    /// As [`Self::observe`], opening an outage on its own charts only
    /// when `supported` agrees on the loudest chart's reading (with the
    /// series' alpha), otherwise staying "possible"; and opening on
    /// `carried`, a symptom chart past its threshold, if its own charts
    /// do not.
    pub fn observe_guarded(
        &mut self,
        at: DateTime<Utc>,
        step: (u64, f64, f64),
        symptoms: Option<&HashMap<String, u64>>,
        params: &Params,
        (supported, carried): (Support, Option<&Carried>),
    ) -> Option<IncidentEvent> {
        let (count, expected, _) = step;
        self.recent.push_back(Step {
            at,
            count,
            expected,
        });
        let keep = RECENT_MINUTES.div_ceil(self.step_minutes).max(1) as usize;
        while self.recent.len() > keep {
            self.recent.pop_front();
        }
        let alpha = self.alpha(params);
        let calm = self.status == Status::Ok;
        let step_minutes = self.step_minutes;
        let charts = self.charts_mut(params);
        charts.update(step, alpha, calm, params, step_minutes);
        let reading = with_cost(charts.reading(params), self.extra_nats);
        self.building = reading.level >= params.freeze_level;
        if calm && !self.building {
            self.learn_dispersion(count, expected, params);
        }
        let mut event = self.transition(at, &reading, alpha, params, (supported, carried));
        if let (Some(incident), Some(symptoms)) = (self.incident.as_mut(), symptoms) {
            for (s, n) in symptoms {
                *self.symptom_totals.entry(s.clone()).or_default() += n;
            }
            incident.top_symptoms = top_symptoms(&self.symptom_totals);
            // The event says what is wrong from its first step on (a
            // notice of an opened incident names its symptoms).
            if let Some(e) = event.as_mut().filter(|e| e.incident.id == incident.id) {
                e.incident.top_symptoms = incident.top_symptoms.clone();
            }
        }
        if self.status == Status::Ok && !self.building {
            self.frozen_steps = 0;
        } else {
            self.frozen_steps += 1;
        }
        event
    }

    /// The status this series would show if the step under way, with
    /// `count` reports so far where `expected` were due so far, were judged
    /// now: the outage moment shows before its minute completes. Nothing
    /// is kept; the completed step decides the incident.
    pub fn peek(&self, count: u64, expected: f64, params: &Params) -> Status {
        if self.status == Status::Outage {
            return Status::Outage;
        }
        let Some(charts) = self.charts.as_ref() else {
            return self.status;
        };
        let (level, observed, run_expected) = charts.peek(
            count,
            expected,
            self.alpha(params),
            params.peek_extra_nats + self.extra_nats,
            params,
        );
        let enough =
            observed >= params.min_reports && observed as f64 >= params.min_ratio * run_expected;
        if level >= 1.0 && enough {
            Status::Outage
        } else if level >= params.possible_level {
            Status::Possible.max(self.status)
        } else {
            self.status
        }
    }

    /// Method-of-moments estimate of one step's overdispersion:
    /// E[(x - mu)^2] = mu + alpha mu^2, from steps that show no evidence.
    fn learn_dispersion(&mut self, count: u64, expected: f64, params: &Params) {
        if self.step_alpha <= 0.0 {
            self.step_alpha = params.prior_alpha;
        }
        learn_alpha(
            (&mut self.step_alpha, &mut self.step_alpha_samples),
            count,
            expected,
            params,
        );
    }

    fn transition(
        &mut self,
        at: DateTime<Utc>,
        r: &Reading,
        alpha: f64,
        params: &Params,
        (supported, carried): (Support, Option<&Carried>),
    ) -> Option<IncidentEvent> {
        let step = self.step_minutes;
        let supports = |r: &Reading, carried: bool| {
            let steps = r.chart.steps.clamp(1, self.recent.len().max(1) as u32);
            let (x, mu) = self.window_steps(steps);
            supported(r, carried, alpha, (x, mu, steps))
        };
        match self.status {
            Status::Ok | Status::Possible => {
                let enough = r.chart.observed >= params.min_reports
                    && r.chart.observed as f64 >= params.min_ratio * r.chart.expected;
                if r.level >= 1.0 && enough && supports(r, false) {
                    return Some(self.open(at, r, alpha, params, None));
                }
                if let Some(c) = carried.filter(|c| supports(&c.reading, true)) {
                    return Some(self.open(at, &c.reading, c.alpha, params, Some(&c.symptom)));
                }
                if r.level >= params.possible_level {
                    self.status = Status::Possible;
                    self.calm_steps = 0;
                } else if self.status == Status::Possible {
                    self.calm_steps += 1;
                    if self.calm_steps * step >= POSSIBLE_CALM_MINUTES {
                        self.status = Status::Ok;
                        self.calm_steps = 0;
                    }
                }
                None
            }
            Status::Outage => {
                // Calm: the last five minutes are back near normal (the
                // charts still remember the surge and are ignored).
                let (x, mu) = self.window(CALM_WINDOW_MINUTES);
                // Few reports are not calm by themselves: on a quiet series
                // three reports in five minutes can be 8x normal.
                let calm = (x as f64) < params.calm_ratio * mu.max(1.0);
                self.calm_steps = if calm { self.calm_steps + 1 } else { 0 };
                let last = self.recent.back().cloned();
                let back = last
                    .as_ref()
                    .is_some_and(|st| self.back_evidence(st, (x, mu), alpha, params));
                let incident = self.incident.as_mut()?;
                if let Some(last) = last {
                    record_point(incident, &last, r.chart.sum, step, params);
                }
                incident.updated_at = at;
                if back || self.calm_steps * step >= params.resolve_minutes {
                    incident.state = IncidentState::Resolved;
                    incident.resolved_at = Some(at);
                    let done = self.incident.take()?;
                    self.last_resolved = Some(done.clone());
                    self.barrier = Some(at);
                    self.status = Status::Ok;
                    self.calm_steps = 0;
                    self.charts_mut(params).reset();
                    return Some(IncidentEvent {
                        kind: IncidentEventKind::Resolved,
                        incident: done,
                    });
                }
                Some(IncidentEvent {
                    kind: IncidentEventKind::Updated,
                    incident: incident.clone(),
                })
            }
        }
    }

    /// Steps the evidence that the outage is over: the log-likelihood
    /// ratio of "reports are back at the expected level" against "reports
    /// still run at `q0` x expected", summed as a CUSUM. `q0` is the
    /// geometric mean of the outage's peak level and normal, between
    /// `min_ratio` and `back_max_ratio`: a tail-off halfway down is still
    /// the outage, a return to normal is evidence at once. True when the
    /// sum reaches `resolve_nats` over at least `back_min_minutes`.
    fn back_evidence(
        &mut self,
        last: &Step,
        (x, mu): (u64, f64),
        alpha: f64,
        params: &Params,
    ) -> bool {
        if mu > 0.0 {
            self.outage_peak_ratio = self.outage_peak_ratio.max(x as f64 / mu);
        }
        let q0 = self
            .outage_peak_ratio
            .sqrt()
            .clamp(params.min_ratio, params.back_max_ratio);
        let expected = last.expected.max(1e-6);
        let llr = nb_log_lr(last.count, q0 * expected, expected, alpha);
        self.back_sum += llr;
        if self.back_sum > 0.0 {
            self.back_steps += 1;
        } else {
            self.back_sum = 0.0;
            self.back_steps = 0;
        }
        self.back_sum >= params.resolve_nats
            && self.back_steps * self.step_minutes >= params.back_min_minutes
    }

    fn open(
        &mut self,
        at: DateTime<Utc>,
        r: &Reading,
        alpha: f64,
        params: &Params,
        symptom: Option<&str>,
    ) -> IncidentEvent {
        self.status = Status::Outage;
        self.calm_steps = 0;
        self.back_sum = 0.0;
        self.back_steps = 0;
        // The outage's level on this series' own reports (a symptom's
        // chart runs at its own level).
        self.outage_peak_ratio = if symptom.is_none() {
            r.chart.observed as f64 / r.chart.expected.max(1e-6)
        } else {
            0.0
        };
        let step = self.step_minutes;
        // A surge well above the last incident's peak is news of its own,
        // not the same episode going on.
        let peak_now = self.recent.back().map_or(0.0, |st| st.count as f64) / f64::from(step);
        let reopen = self.last_resolved.take().filter(|prev| {
            prev.resolved_at
                .is_some_and(|t| at - t <= Duration::minutes(i64::from(params.reopen_minutes)))
                && peak_now <= params.new_episode_ratio * prev.peak_reports_per_minute
        });
        if let Some(mut incident) = reopen {
            incident.state = IncidentState::Outage;
            incident.resolved_at = None;
            incident.updated_at = at;
            incident.reopened += 1;
            incident.reopened_at = Some(at);
            self.incident = Some(incident.clone());
            return IncidentEvent {
                kind: IncidentEventKind::Reopened,
                incident,
            };
        }
        // Onset: the first step of the chart's run that ran above
        // expectation (the CUSUM's change point, sharpened).
        let run_steps = r.chart.steps.max(1) as usize;
        let in_run: Vec<&Step> = self.recent.iter().rev().take(run_steps).collect();
        let onset_step = in_run
            .iter()
            .rev()
            .find(|st| st.count as f64 > 1.5 * st.expected.max(0.5))
            .or(in_run.last())
            .map_or(at, |st| st.at);
        let started_at = onset_step - Duration::minutes(i64::from(step));
        self.symptom_totals.clear();
        let mut incident = Incident {
            id: format!(
                "{}.{}.{}",
                self.service,
                self.region,
                started_at.timestamp() / 60
            ),
            service: self.service.clone(),
            region: self.region.clone(),
            state: IncidentState::Outage,
            started_at,
            detected_at: at,
            resolved_at: None,
            updated_at: at,
            peak_reports_per_minute: 0.0,
            peak_at: at,
            total_reports: 0,
            top_symptoms: Vec::new(),
            detection: Evidence {
                at,
                window_minutes: r.chart.steps.saturating_mul(step),
                observed: r.chart.observed,
                expected: r.chart.expected,
                score: r.chart.sum,
                alpha,
                symptom: symptom.map(str::to_string),
            },
            timeline: Vec::new(),
            affected_regions: Vec::new(),
            global_incident: None,
            reopened: 0,
            reopened_at: None,
            busiest_network_share: None,
            suspect: false,
            updates: Vec::new(),
            official_status: None,
            official_acknowledged_at: None,
            acknowledgement_lag_minutes: None,
            official_incident: None,
            probable_cause: None,
        };
        // The steps since onset belong to the incident too.
        let since_onset: Vec<Step> = self
            .recent
            .iter()
            .filter(|st| st.at >= onset_step)
            .cloned()
            .collect();
        for st in &since_onset {
            record_point(&mut incident, st, r.chart.sum, step, params);
        }
        self.incident = Some(incident.clone());
        IncidentEvent {
            kind: IncidentEventKind::Opened,
            incident,
        }
    }
}

/// A reading whose threshold is raised by `extra` nats.
fn with_cost(mut r: Reading, extra: f64) -> Reading {
    r.threshold += extra;
    r.level = r.chart.sum / r.threshold;
    r
}

fn record_point(incident: &mut Incident, st: &Step, score: f64, step: u32, params: &Params) {
    incident.total_reports += st.count;
    let per_minute = st.count as f64 / f64::from(step);
    if per_minute > incident.peak_reports_per_minute {
        incident.peak_reports_per_minute = per_minute;
        incident.peak_at = st.at;
    }
    incident.timeline.push(TimelinePoint {
        at: st.at,
        observed: st.count,
        expected: st.expected,
        score,
    });
    if incident.timeline.len() > params.max_evidence_points {
        incident.timeline.remove(0);
    }
}

fn top_symptoms(totals: &BTreeMap<String, u64>) -> Vec<SymptomCount> {
    let mut v: Vec<SymptomCount> = totals
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(s, n)| SymptomCount {
            symptom: s.clone(),
            count: *n,
        })
        .collect();
    v.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.symptom.cmp(&b.symptom))
    });
    v.truncate(5);
    v
}
