//! The detector's defaults, in one place (documented in docs/detection.md).
//! `replay`, `simulate` and the server all use these; nothing is tuned per
//! dataset.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Params {
    /// Windows compared with the baseline, in minutes.
    pub windows_minutes: Vec<u32>,
    /// Fewest reports in a window before it can raise the score: two stray
    /// reports never open anything.
    pub min_reports: u64,
    /// Smallest observed/expected ratio in a window that can raise the
    /// score, whatever the statistic says (guards busy series against a
    /// dispersion estimate that is too low).
    pub min_ratio: f64,
    /// The null hypothesis of every test: reports run at up to this many
    /// times the baseline. Only a rate significantly above it raises the
    /// score. Windows up to `short_window_minutes` tolerate news chatter
    /// (minutes at 2x); longer ones tolerate busy days (hours at 1.5x) and
    /// the averaged-out chatter, so they tolerate less.
    pub tolerated_ratio: f64,
    pub tolerated_ratio_long: f64,
    pub short_window_minutes: u32,
    /// The tolerance applies in full to busy windows only: at this many
    /// expected reports it is half applied. Chatter on a quiet series is a
    /// handful of reports, which Poisson noise already covers, so small
    /// counts are judged against the baseline itself and surges there are
    /// caught sooner.
    pub tolerance_half_reports: f64,
    /// Score (-log10 tail probability) for status "possible".
    pub possible_score: f64,
    /// Score at which an outage is declared at once.
    pub outage_score: f64,
    /// Minutes "possible" must last (at `possible_score`) to become an outage.
    pub confirm_minutes: u32,
    /// An outage resolves after this many minutes in a row with the last
    /// five minutes below `calm_ratio` times expected (or under
    /// `min_reports`).
    pub resolve_minutes: u32,
    pub calm_ratio: f64,
    /// Steps scoring at or above this are not learned from by the
    /// dispersion estimate (an outage building up below the thresholds).
    pub calm_score: f64,
    /// A series that triggers again within this many minutes of resolving
    /// reopens the same incident instead of a new one.
    pub reopen_minutes: u32,
    /// Cold start: the rate (reports per minute) assumed for a series with
    /// no history.
    pub prior_rate_per_minute: f64,
    /// Cold start: overdispersion assumed before it is estimated.
    pub prior_alpha: f64,
    /// Bounds of the overdispersion estimate.
    pub min_alpha: f64,
    pub max_alpha: f64,
    /// Time constants (minutes) of the baseline's exponential forgetting.
    pub level_tau_minutes: f64,
    pub daily_tau_days: f64,
    pub weekly_tau_weeks: f64,
    pub share_tau_minutes: f64,
    /// Learning pauses while a series is flagged, for at most this long.
    pub max_freeze_minutes: u32,
    /// The 99.9th percentile of the score in normal traffic if the model
    /// were exact (the largest of five windows' -log10 p: about
    /// log10(5 x 1000)); a series running above it has its scores lowered
    /// by the difference.
    pub reference_q99: f64,
    /// Evidence points kept per incident (one per minute, oldest dropped).
    pub max_evidence_points: usize,
}

impl Params {
    /// The tolerated ratio of a window of `minutes`.
    pub fn tolerated_ratio_for(&self, minutes: u32) -> f64 {
        if minutes <= self.short_window_minutes {
            self.tolerated_ratio
        } else {
            self.tolerated_ratio_long
        }
    }

    /// The null hypothesis' mean for a window of `minutes` expecting `mu`:
    /// mu x (1 + (ratio - 1) x mu / (mu + tolerance_half_reports)).
    pub fn null_mean(&self, minutes: u32, mu: f64) -> f64 {
        let excess = self.tolerated_ratio_for(minutes) - 1.0;
        mu * (1.0 + excess * mu / (mu + self.tolerance_half_reports))
    }
}

impl Default for Params {
    fn default() -> Self {
        Self {
            windows_minutes: vec![1, 2, 5, 15, 60],
            min_reports: 8,
            min_ratio: 2.0,
            tolerated_ratio: 2.0,
            tolerated_ratio_long: 1.75,
            short_window_minutes: 5,
            tolerance_half_reports: 20.0,
            possible_score: 4.0,
            outage_score: 6.5,
            confirm_minutes: 3,
            resolve_minutes: 15,
            calm_score: 2.0,
            calm_ratio: 1.5,
            reopen_minutes: 60,
            prior_rate_per_minute: 0.2,
            prior_alpha: 0.15,
            min_alpha: 0.002,
            max_alpha: 2.0,
            level_tau_minutes: 12.0 * 60.0,
            daily_tau_days: 7.0,
            weekly_tau_weeks: 4.0,
            share_tau_minutes: 24.0 * 60.0,
            max_freeze_minutes: 6 * 60,
            reference_q99: 3.7,
            max_evidence_points: 720,
        }
    }
}
