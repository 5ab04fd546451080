//! Charts per symptom: a report says what is broken, and an outage of one
//! feature (logins, payments) is a much larger rise on its own symptom than
//! on the service's total. Each symptom the service is reported with gets
//! the same CUSUM charts as a series (see `cusum`), against its learned
//! share of the service's baseline, and the same calibration; they do not
//! open incidents of their own: a symptom chart past its threshold opens
//! the service's incident, which then says that symptom carried the
//! evidence.
//!
//! Multiple testing: the symptom charts share one false-alarm budget, the
//! size of one series' budget. Each asks for its own threshold plus
//! ln(number of symptom charts) nats (a Bonferroni split: with k charts,
//! each is allowed 1/k of the false alarms), so the service's false alarms
//! at most double whatever the number of symptoms, and a service with one
//! symptom pays nothing.

use super::cusum::{Charts, Reading};
use super::params::Params;
use super::stat::learn_alpha;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// A floor under each symptom's expectation (reports per minute).
const SYMPTOM_FLOOR_RATE: f64 = 0.01;

/// Minutes a symptom new to the service learns its share before it is
/// judged on it.
const SYMPTOM_WARMUP_MINUTES: f64 = 60.0;

/// One symptom: its share of the service's reports and its charts.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct SymptomSeries {
    weighted_count: f64,
    weighted_total: f64,
    learned_minutes: f64,
    charts: Charts,
    alpha: f64,
    alpha_samples: f64,
}

impl SymptomSeries {
    fn share(&self) -> f64 {
        if self.weighted_total > 0.0 {
            (self.weighted_count / self.weighted_total).min(1.0)
        } else {
            0.0
        }
    }
}

/// The symptom that carried an outage's evidence, and its chart.
#[derive(Debug, Clone)]
pub struct Carried {
    pub symptom: String,
    pub reading: Reading,
    pub alpha: f64,
}

/// The service's charts per symptom (whole world).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SymptomCharts {
    series: BTreeMap<String, SymptomSeries>,
}

impl SymptomCharts {
    /// Symptom charts judged now.
    pub fn scored(&self) -> usize {
        self.series
            .values()
            .filter(|s| s.learned_minutes >= SYMPTOM_WARMUP_MINUTES)
            .count()
    }

    /// The multiple-testing cost (nats) each symptom chart pays: ln of
    /// the number of symptom charts judged.
    pub fn extra_nats(&self) -> f64 {
        (self.scored().max(1) as f64).ln()
    }

    /// Feeds one step of the series (the service's whole world, or one
    /// country): `counts` by symptom, of `total` reports, when `rate` and
    /// `slow_rate` per minute were due for the series over `minutes`.
    /// `calm`: nothing is flagged (the charts' calibration and the
    /// dispersion learn); `learn`: the shares may learn. Returns the
    /// loudest symptom chart past its threshold plus `extra` nats (the
    /// multiple-testing cost of the charts sharing its budget), with
    /// enough reports to open.
    #[allow(clippy::too_many_arguments)]
    pub fn step(
        &mut self,
        counts: &HashMap<String, u64>,
        total: u64,
        (rate, slow_rate, minutes): (f64, f64, f64),
        (calm, learn): (bool, bool),
        extra: f64,
        params: &Params,
        step_minutes: u32,
    ) -> Option<Carried> {
        for code in counts.keys() {
            self.series
                .entry(code.clone())
                .or_insert_with(|| SymptomSeries {
                    weighted_count: 0.0,
                    weighted_total: 0.0,
                    learned_minutes: 0.0,
                    charts: Charts::new(params),
                    alpha: params.prior_alpha,
                    alpha_samples: 0.0,
                });
        }
        let forget = 1.0 - (-minutes / params.share_tau_minutes).exp();
        let mut loudest: Option<Carried> = None;
        for (symptom, s) in self.series.iter_mut() {
            let count = counts.get(symptom).copied().unwrap_or(0);
            let share = s.share();
            if s.learned_minutes >= SYMPTOM_WARMUP_MINUTES {
                let expected = (share * rate + SYMPTOM_FLOOR_RATE) * minutes;
                let slow_expected = (share * slow_rate + SYMPTOM_FLOOR_RATE) * minutes;
                s.charts.update(
                    (count, expected, slow_expected),
                    s.alpha,
                    calm,
                    params,
                    step_minutes,
                );
                let mut reading = s.charts.reading(params);
                if calm && reading.level < params.freeze_level {
                    learn_alpha(
                        (&mut s.alpha, &mut s.alpha_samples),
                        count,
                        expected,
                        params,
                    );
                }
                reading.threshold += extra;
                reading.level = reading.chart.sum / reading.threshold;
                let enough = reading.chart.observed >= params.min_reports
                    && reading.chart.observed as f64 >= params.min_ratio * reading.chart.expected;
                if reading.level >= 1.0
                    && enough
                    && loudest
                        .as_ref()
                        .is_none_or(|l| reading.level > l.reading.level)
                {
                    loudest = Some(Carried {
                        symptom: symptom.clone(),
                        reading,
                        alpha: s.alpha,
                    });
                }
            }
            if learn {
                s.learned_minutes += minutes;
                let a = forget.max(minutes / s.learned_minutes);
                s.weighted_count += a * (count as f64 - s.weighted_count);
                s.weighted_total += a * (total as f64 - s.weighted_total);
            }
        }
        self.series
            .retain(|_, s| s.weighted_count > 1e-4 || s.learned_minutes < SYMPTOM_WARMUP_MINUTES);
        loudest
    }

    /// Re-arms every chart (an incident opened or resolved).
    pub fn reset(&mut self) {
        self.series.values_mut().for_each(|s| s.charts.reset());
    }
}
