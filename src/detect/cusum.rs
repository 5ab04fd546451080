//! The evidence of one series: likelihood-ratio CUSUM charts over negative
//! binomial counts, and the threshold each series earns from its own past
//! excursions.
//!
//! A chart accumulates, step by step, the log-likelihood ratio of "reports
//! run at `size` x baseline" against "reports run at up to `null` x
//! baseline" (Page's CUSUM: the sum restarts from zero whenever it would go
//! negative). Several fast charts, one per outage size, race against the
//! seasonal baseline (Lorden's multi-chart CUSUM: the largest one speaks);
//! a slow chart compares a larger null with a baseline that moves over days,
//! so a rise over hours that the fast baseline follows still adds up.
//!
//! Calibration: every excursion of a chart group (from leaving zero to
//! returning to it) has a peak. Peaks above `tail_nats` are modelled as an
//! exponential tail (a generalised Pareto tail of shape zero, as in SPOT)
//! with two running estimates: how often they happen per step and their mean
//! excess. The threshold is where that tail predicts one false alarm per
//! `false_alarm_minutes`, and never below `threshold_nats`, the threshold an
//! exact negative binomial would need. A series whose routine spikes run
//! high needs a bigger spike; a quiet one keeps the model's threshold.

use super::params::Params;
use super::stat::nb_log_lr;
use serde::{Deserialize, Serialize};

/// One CUSUM chart: its sum (nats) and the run since it last left zero,
/// which is the change point estimate and the incident's evidence.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub struct Chart {
    pub sum: f64,
    pub steps: u32,
    pub observed: u64,
    pub expected: f64,
}

impl Chart {
    fn update(&mut self, llr: f64, count: u64, expected: f64) {
        let sum = self.sum + llr;
        if sum > 0.0 {
            self.sum = sum;
            self.steps = self.steps.saturating_add(1);
            self.observed = self.observed.saturating_add(count);
            self.expected += expected;
        } else {
            *self = Chart::default();
        }
    }
}

/// The exponential tail fitted to a chart group's excursion peaks.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tail {
    /// Peak of the excursion under way (0 when the charts rest at zero).
    peak: f64,
    /// Excursions above `tail_nats` and minutes watched, both forgetting
    /// exponentially: their ratio is the tail's rate.
    peaks: f64,
    minutes: f64,
    /// Mean excess of those peaks over `tail_nats`, from the exact model's
    /// 1 nat.
    excess: f64,
    /// Excursions counted (for the running average of the first ones).
    peaks_seen: f64,
}

impl Tail {
    fn new() -> Self {
        Self {
            peak: 0.0,
            peaks: 0.0,
            minutes: 0.0,
            excess: 1.0,
            peaks_seen: 0.0,
        }
    }

    /// The threshold (nats) this tail asks for: where it predicts one
    /// excursion past it per `false_alarm_minutes`. A series watched less
    /// than a day counts as watched for a day.
    pub fn threshold(&self, params: &Params) -> f64 {
        let rate = self.peaks / self.minutes.max(MIN_WATCHED_MINUTES);
        let fitted =
            params.tail_nats + self.excess * (rate * params.false_alarm_minutes).max(1.0).ln();
        fitted.max(params.threshold_nats)
    }

    /// Ends a step with the group's largest sum `sum`; `learn` is false
    /// while the series is flagged (its excursion is kept, not judged).
    fn step(&mut self, sum: f64, learn: bool, params: &Params, step_minutes: u32) {
        let minutes = f64::from(step_minutes.max(1));
        if learn {
            let keep = (-minutes / params.calibration_tau_minutes).exp();
            self.peaks *= keep;
            self.minutes = self.minutes * keep + minutes;
        }
        if sum > 0.0 {
            self.peak = self.peak.max(sum);
            return;
        }
        let peak = std::mem::take(&mut self.peak);
        if !learn || peak <= params.tail_nats {
            return;
        }
        // An excursion that reached the threshold counts as reaching it:
        // an outage's size says nothing about the noise.
        let cap = self.threshold(params);
        let excess = peak.min(cap) - params.tail_nats;
        self.peaks += 1.0;
        self.peaks_seen += 1.0;
        let a = (1.0 / (self.peaks_seen + params.calibration_prior_peaks))
            .max(1.0 / params.calibration_peaks);
        self.excess += a * (excess - self.excess);
        self.excess = self.excess.clamp(1.0, params.max_tail_excess);
    }
}

/// Watching time a young series' tail rate is spread over at least.
const MIN_WATCHED_MINUTES: f64 = 1440.0;

/// All charts of one series.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Charts {
    /// One per `Params::outage_sizes`, against the seasonal baseline.
    fast: Vec<Chart>,
    /// Against the slow baseline.
    slow: Chart,
    fast_tail: Tail,
    slow_tail: Tail,
}

/// Which chart speaks, and how loud relative to its threshold.
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    pub chart: Chart,
    pub threshold: f64,
    /// chart.sum / threshold: 1 or more is an outage.
    pub level: f64,
}

impl Charts {
    pub fn new(params: &Params) -> Self {
        Self {
            fast: vec![Chart::default(); params.outage_sizes.len()],
            slow: Chart::default(),
            fast_tail: Tail::new(),
            slow_tail: Tail::new(),
        }
    }

    /// Feeds one step: `count` reports when `expected` were due by the
    /// seasonal baseline and `slow_expected` by the slow one.
    pub fn update(
        &mut self,
        (count, expected, slow_expected): (u64, f64, f64),
        alpha: f64,
        learn: bool,
        params: &Params,
        step_minutes: u32,
    ) {
        if self.fast.len() != params.outage_sizes.len() {
            self.fast = vec![Chart::default(); params.outage_sizes.len()];
        }
        let null = params.null_ratio * expected;
        for (chart, size) in self.fast.iter_mut().zip(&params.outage_sizes) {
            let llr = nb_log_lr(count, null, size * expected, alpha);
            chart.update(llr, count, expected);
        }
        let slow_null = params.slow_null_ratio * slow_expected;
        let llr = nb_log_lr(count, slow_null, params.slow_size * slow_expected, alpha);
        self.slow.update(llr, count, slow_expected);
        let fast_sum = self.fast.iter().map(|c| c.sum).fold(0.0, f64::max);
        self.fast_tail.step(fast_sum, learn, params, step_minutes);
        self.slow_tail
            .step(self.slow.sum, learn, params, step_minutes);
    }

    /// The loudest chart, relative to its group's threshold.
    pub fn reading(&self, params: &Params) -> Reading {
        let fast_threshold = self.fast_tail.threshold(params);
        let slow_threshold = self.slow_tail.threshold(params);
        let mut best = Reading {
            chart: self.slow,
            threshold: slow_threshold,
            level: self.slow.sum / slow_threshold,
        };
        for chart in &self.fast {
            let level = chart.sum / fast_threshold;
            if level > best.level {
                best = Reading {
                    chart: *chart,
                    threshold: fast_threshold,
                    level,
                };
            }
        }
        best
    }

    /// The loudest fast chart's level if a partial step of `count` reports,
    /// when `expected` were due so far, were added now (nothing is kept),
    /// with the reports and expectation of its run. The fast threshold is
    /// raised by `extra_nats`: the cost of looking several times a step.
    pub fn peek(
        &self,
        count: u64,
        expected: f64,
        alpha: f64,
        extra_nats: f64,
        params: &Params,
    ) -> (f64, u64, f64) {
        let threshold = self.fast_tail.threshold(params) + extra_nats;
        let null = params.null_ratio * expected;
        let mut best = (0.0, 0, 0.0);
        for (chart, size) in self.fast.iter().zip(&params.outage_sizes) {
            let sum = (chart.sum + nb_log_lr(count, null, size * expected, alpha)).max(0.0);
            let level = sum / threshold;
            if level > best.0 {
                best = (
                    level,
                    chart.observed.saturating_add(count),
                    chart.expected + expected,
                );
            }
        }
        best
    }

    /// Re-arms every chart (after an incident resolves).
    pub fn reset(&mut self) {
        self.fast.iter_mut().for_each(|c| *c = Chart::default());
        self.slow = Chart::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(tail: &mut Tail, peaks: &[f64], params: &Params) {
        for &p in peaks {
            tail.step(p, true, params, 5);
            tail.step(0.0, true, params, 5);
        }
    }

    #[test]
    fn a_quiet_series_keeps_the_model_threshold() {
        let params = Params::default();
        let mut tail = Tail::new();
        feed(&mut tail, &vec![1.0; 5000], &params);
        assert_eq!(tail.threshold(&params), params.threshold_nats);
    }

    #[test]
    fn routine_high_peaks_raise_the_threshold() {
        let params = Params::default();
        let mut tail = Tail::new();
        // A peak of 12 nats every fifty steps: routine, not an outage.
        let peaks: Vec<f64> = (0..5000)
            .map(|i| if i % 50 == 0 { 12.0 } else { 1.0 })
            .collect();
        feed(&mut tail, &peaks, &params);
        assert!(
            tail.threshold(&params) > 20.0,
            "{}",
            tail.threshold(&params)
        );
    }
}
