//! One (service, region) series: recent counts against expectations, its
//! overdispersion estimate, its score and its incident state machine
//! (ok -> possible -> outage -> resolved, with hysteresis).

use super::incident::{
    Evidence, Incident, IncidentEvent, IncidentEventKind, IncidentState, SymptomCount,
    TimelinePoint,
};
use super::params::Params;
use super::stat::surprise;
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

/// The strongest evidence among the windows at one step.
#[derive(Debug, Clone)]
pub struct Score {
    pub score: f64,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SeriesDetector {
    service: String,
    region: String,
    step_minutes: u32,
    recent: VecDeque<Step>,
    /// Overdispersion of the window sums, one per window of `Params`:
    /// independent noise averages out over long windows, bursty traffic
    /// does not, and each window learns which it faces.
    alphas: Vec<f64>,
    alpha_samples: f64,
    /// Running 99th percentile of the raw score in normal operation.
    noise_q99: f64,
    status: Status,
    /// Steps in the current "possible" run, and calm steps in a row.
    above_steps: u32,
    calm_steps: u32,
    /// Steps learning has been frozen for.
    frozen_steps: u32,
    incident: Option<Incident>,
    /// Windows do not reach back past this step: set when an incident
    /// resolves, so the surge it was about cannot reopen it.
    #[serde(default)]
    barrier: Option<DateTime<Utc>>,
    symptom_totals: BTreeMap<String, u64>,
    last_resolved: Option<Incident>,
}

impl SeriesDetector {
    pub fn new(service: &str, region: &str, step_minutes: u32, params: &Params) -> Self {
        Self {
            service: service.to_string(),
            region: region.to_string(),
            step_minutes: step_minutes.max(1),
            recent: VecDeque::new(),
            alphas: vec![params.prior_alpha; params.windows_minutes.len()],
            alpha_samples: 0.0,
            noise_q99: params.reference_q99,
            status: Status::Ok,
            above_steps: 0,
            calm_steps: 0,
            frozen_steps: 0,
            incident: None,
            barrier: None,
            symptom_totals: BTreeMap::new(),
            last_resolved: None,
        }
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

    /// The overdispersion estimate of the shortest window.
    pub fn alpha(&self) -> f64 {
        self.alphas.first().copied().unwrap_or(0.0)
    }

    fn alpha_of(&self, index: usize, params: &Params) -> f64 {
        self.alphas
            .get(index)
            .copied()
            .unwrap_or(params.prior_alpha)
    }

    /// Whether the baseline may learn from the latest step: not while the
    /// series is flagged, unless it has been flagged for too long (then the
    /// new level is the new normal).
    pub fn learning_allowed(&self, params: &Params) -> bool {
        self.status == Status::Ok
            || self.frozen_steps * self.step_minutes >= params.max_freeze_minutes
    }

    /// Sum of counts and of expectations over the last `minutes`.
    pub fn window(&self, minutes: u32) -> (u64, f64) {
        let steps = (minutes.div_ceil(self.step_minutes)).max(1) as usize;
        self.usable()
            .take(steps)
            .fold((0, 0.0), |(x, mu), s| (x + s.count, mu + s.expected))
    }

    /// Recent steps, newest first, back to the barrier.
    fn usable(&self) -> impl Iterator<Item = &Step> {
        let barrier = self.barrier;
        self.recent
            .iter()
            .rev()
            .take_while(move |s| barrier.is_none_or(|b| s.at > b))
    }

    fn max_steps(&self, params: &Params) -> usize {
        let longest = params.windows_minutes.iter().copied().max().unwrap_or(60);
        longest.div_ceil(self.step_minutes).max(1) as usize
    }

    /// The strongest window at the latest step.
    pub fn score(&self, params: &Params) -> Score {
        let at = self.recent.back().map_or_else(Utc::now, |s| s.at);
        let mut best = Score {
            score: 0.0,
            evidence: Evidence {
                at,
                window_minutes: 0,
                observed: 0,
                expected: 0.0,
                score: 0.0,
                alpha: self.alpha(),
            },
        };
        let mut seen = Vec::new();
        let available = self.usable().count();
        for (index, &w) in params.windows_minutes.iter().enumerate() {
            let alpha = self.alpha_of(index, params);
            let steps = w.div_ceil(self.step_minutes).max(1);
            if seen.contains(&steps) || steps as usize > available {
                continue;
            }
            seen.push(steps);
            let (x, mu) = self.window(w);
            let s = if x >= params.min_reports && x as f64 >= params.min_ratio * mu {
                // Tested against the tolerated excess, not the baseline: a
                // surge must be significantly above `tolerated_ratio` times
                // normal, so chatter and busy days do not qualify however
                // many reports they bring.
                surprise(x, params.null_mean(w, mu), alpha)
            } else {
                0.0
            };
            if s > best.score || best.evidence.window_minutes == 0 {
                best = Score {
                    score: s,
                    evidence: Evidence {
                        at,
                        window_minutes: steps * self.step_minutes,
                        observed: x,
                        expected: mu,
                        score: s,
                        alpha,
                    },
                };
            }
        }
        best
    }

    /// Feeds one step: `count` reports over the step ending at `at`, when
    /// `expected` were due; `symptoms` are the step's reports by symptom.
    pub fn observe(
        &mut self,
        at: DateTime<Utc>,
        count: u64,
        expected: f64,
        symptoms: Option<&HashMap<String, u64>>,
        params: &Params,
    ) -> Option<IncidentEvent> {
        self.recent.push_back(Step {
            at,
            count,
            expected,
        });
        while self.recent.len() > self.max_steps(params) {
            self.recent.pop_front();
        }
        let mut scored = self.score(params);
        if self.status == Status::Ok {
            // A step that already looks unusual (an outage building up
            // below the thresholds) must not teach the series that such
            // swings are normal.
            let (x15, mu15) = self.window(15);
            if scored.score < params.calm_score && (mu15 < 5.0 || (x15 as f64) < 1.5 * mu15) {
                self.learn_dispersion(params);
            }
            self.learn_noise(scored.score, params);
        }
        // Calibration: a series whose normal traffic scores higher than the
        // model predicts (heavier tails than the negative binomial) has that
        // excess taken off.
        let excess = (self.noise_q99 - params.reference_q99).max(0.0);
        scored.score = (scored.score - excess).max(0.0);
        scored.evidence.score = scored.score;
        let event = self.transition(at, &scored, params);
        if let (Some(incident), Some(symptoms)) = (self.incident.as_mut(), symptoms) {
            for (s, n) in symptoms {
                *self.symptom_totals.entry(s.clone()).or_default() += n;
            }
            incident.top_symptoms = top_symptoms(&self.symptom_totals);
        }
        if self.status == Status::Ok {
            self.frozen_steps = 0;
        } else {
            self.frozen_steps += 1;
        }
        event
    }

    /// Stochastic estimate of the 99th percentile of normal scores.
    fn learn_noise(&mut self, score: f64, params: &Params) {
        let eta = 0.2;
        if score > self.noise_q99 {
            self.noise_q99 += eta * 0.999;
        } else {
            self.noise_q99 -= eta * 0.001;
        }
        self.noise_q99 = self.noise_q99.clamp(params.reference_q99, 20.0);
    }

    /// Method-of-moments estimates of each window's alpha:
    /// E[(x - mu)^2] = mu + alpha mu^2.
    fn learn_dispersion(&mut self, params: &Params) {
        self.alpha_samples += 1.0;
        let a = (1.0 / (self.alpha_samples + 20.0)).max(1.0 / 2000.0);
        for (index, &w) in params.windows_minutes.iter().enumerate() {
            let (x, mu) = self.window(w);
            if mu < 2.0 {
                continue;
            }
            let sample =
                (((x as f64 - mu).powi(2) - mu) / (mu * mu)).clamp(0.0, 4.0 * params.max_alpha);
            if let Some(alpha) = self.alphas.get_mut(index) {
                *alpha += a * (sample - *alpha);
                *alpha = alpha.clamp(params.min_alpha, params.max_alpha);
            }
        }
    }

    fn transition(
        &mut self,
        at: DateTime<Utc>,
        s: &Score,
        params: &Params,
    ) -> Option<IncidentEvent> {
        let step = self.step_minutes;
        match self.status {
            Status::Ok | Status::Possible => {
                if s.score >= params.possible_score {
                    self.above_steps += 1;
                    self.calm_steps = 0;
                    let confirmed = self.above_steps >= 2
                        && self.above_steps * step >= params.confirm_minutes
                        && s.evidence.observed as f64 >= 2.5 * s.evidence.expected;
                    if s.score >= params.outage_score || confirmed {
                        return Some(self.open(at, s, params));
                    }
                    self.status = Status::Possible;
                } else if self.status == Status::Possible {
                    self.calm_steps += 1;
                    if self.calm_steps * step >= 5 {
                        self.status = Status::Ok;
                        self.above_steps = 0;
                        self.calm_steps = 0;
                    }
                } else {
                    self.above_steps = 0;
                }
                None
            }
            Status::Outage => {
                // Calm: the last five minutes are back near normal (the
                // long windows still remember the surge and are ignored).
                let (x, mu) = self.window(5);
                let calm = (x as f64) < params.calm_ratio * mu.max(1.0) || x < params.min_reports;
                self.calm_steps = if calm { self.calm_steps + 1 } else { 0 };
                let last = self.recent.back().cloned();
                let incident = self.incident.as_mut()?;
                if let Some(last) = last {
                    record_point(incident, &last, s.score, step, params);
                }
                incident.updated_at = at;
                if self.calm_steps * step >= params.resolve_minutes {
                    incident.state = IncidentState::Resolved;
                    incident.resolved_at = Some(at);
                    let done = self.incident.take()?;
                    self.last_resolved = Some(done.clone());
                    self.barrier = Some(at);
                    self.status = Status::Ok;
                    self.above_steps = 0;
                    self.calm_steps = 0;
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

    fn open(&mut self, at: DateTime<Utc>, s: &Score, params: &Params) -> IncidentEvent {
        self.status = Status::Outage;
        self.calm_steps = 0;
        let step = self.step_minutes;
        let reopen = self.last_resolved.take().filter(|prev| {
            prev.resolved_at
                .is_some_and(|r| at - r <= Duration::minutes(i64::from(params.reopen_minutes)))
        });
        if let Some(mut incident) = reopen {
            incident.state = IncidentState::Outage;
            incident.resolved_at = None;
            incident.updated_at = at;
            incident.reopened += 1;
            self.incident = Some(incident.clone());
            return IncidentEvent {
                kind: IncidentEventKind::Updated,
                incident,
            };
        }
        // Onset: the first step of the triggering window that ran above
        // expectation.
        let window_steps = (s.evidence.window_minutes / step).max(1) as usize;
        let in_window: Vec<&Step> = self.recent.iter().rev().take(window_steps).collect();
        let onset_step = in_window
            .iter()
            .rev()
            .find(|st| st.count as f64 > 1.5 * st.expected.max(0.5))
            .or(in_window.last())
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
            detection: s.evidence.clone(),
            timeline: Vec::new(),
            affected_regions: Vec::new(),
            global_incident: None,
            reopened: 0,
            busiest_network_share: None,
            suspect: false,
            updates: Vec::new(),
            official_status: None,
            official_acknowledged_at: None,
            acknowledgement_lag_minutes: None,
            official_incident: None,
        };
        // The steps since onset belong to the incident too.
        let since_onset: Vec<Step> = self
            .recent
            .iter()
            .filter(|st| st.at >= onset_step)
            .cloned()
            .collect();
        for st in &since_onset {
            record_point(&mut incident, st, s.score, step, params);
        }
        self.incident = Some(incident.clone());
        IncidentEvent {
            kind: IncidentEventKind::Opened,
            incident,
        }
    }
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
