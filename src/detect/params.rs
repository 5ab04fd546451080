//! The detector's defaults, in one place (documented in docs/detection.md).
//! `replay`, `simulate` and the server all use these; nothing is tuned per
//! dataset or per series: what differs between series is learned.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Params {
    /// Outage sizes (multiples of the baseline) the fast charts look for,
    /// one chart each: the faintest outage worth declaring, a clear one and
    /// a flood. A chart gathers evidence fastest for surges near its size.
    pub outage_sizes: Vec<f64>,
    /// The fast charts' null hypothesis: reports run at up to this many
    /// times the baseline (baseline error, the day's news).
    pub null_ratio: f64,
    /// The slow chart: reports at `slow_size` x the slow baseline against
    /// `slow_null_ratio` x it. The null covers busy days (hours at 1.5x).
    pub slow_size: f64,
    pub slow_null_ratio: f64,
    /// Evidence (nats) an outage needs when the negative binomial is exact:
    /// about one false alarm per `false_alarm_minutes` of a series.
    pub threshold_nats: f64,
    /// Excursion peaks above this (nats) form each series' tail.
    pub tail_nats: f64,
    /// The false alarm interval the calibrated threshold aims at.
    pub false_alarm_minutes: f64,
    /// Memory of the tail's rate (minutes) and of its mean excess (peaks).
    pub calibration_tau_minutes: f64,
    pub calibration_peaks: f64,
    /// Pseudo-peaks at the model's excess of 1 nat a young series starts
    /// with.
    pub calibration_prior_peaks: f64,
    /// Largest mean excess a tail may reach (nats): bounds how far a run of
    /// alarms can raise its own threshold.
    pub max_tail_excess: f64,
    /// Share of the threshold at which a series is "possible".
    pub possible_level: f64,
    /// Share of the threshold at which evidence is building: the baseline
    /// stops learning.
    pub freeze_level: f64,
    /// Fewest reports in the evidence before an outage opens: two stray
    /// reports never open anything.
    pub min_reports: u64,
    /// Smallest observed/expected ratio over the evidence that can open an
    /// outage.
    pub min_ratio: f64,
    /// An outage resolves after this many minutes in a row with the last
    /// five minutes below `calm_ratio` times expected (at least one
    /// report's worth).
    pub resolve_minutes: u32,
    pub calm_ratio: f64,
    /// ... or sooner, once the evidence that reports are back at the
    /// expected level (rather than at the outage's) reaches this many nats
    /// over at least `back_min_minutes`: e^-4, about one excursion in 55
    /// under the outage's level, ends it early.
    #[serde(default = "default_resolve_nats")]
    pub resolve_nats: f64,
    #[serde(default = "default_back_min_minutes")]
    pub back_min_minutes: u32,
    /// The outage level that evidence is weighed against is at most this
    /// many times expected (see `SeriesDetector::back_evidence`).
    #[serde(default = "default_back_max_ratio")]
    pub back_max_ratio: f64,
    /// A series that triggers again within this many minutes of resolving
    /// reopens the same incident instead of a new one: one episode (a
    /// flickering outage, a run of spikes in one news story), one incident.
    pub reopen_minutes: u32,
    /// ... unless its step peaks above this many times the last incident's
    /// peak: a much larger surge is an event of its own.
    pub new_episode_ratio: f64,
    /// Evidence (nats) added to the threshold when the minute under way is
    /// judged on its partial count (`peek`): looked at every 5 seconds, a
    /// minute gives up to 12 chances, ln 12 = 2.5 nats.
    #[serde(default = "default_peek_extra_nats")]
    pub peek_extra_nats: f64,
    /// Cold start: the rate (reports per minute) assumed for a series with
    /// no history.
    pub prior_rate_per_minute: f64,
    /// Cold start: overdispersion assumed before it is estimated.
    pub prior_alpha: f64,
    /// Bounds of the overdispersion estimate.
    pub min_alpha: f64,
    pub max_alpha: f64,
    /// Steps the overdispersion estimate averages over.
    pub alpha_memory_steps: f64,
    /// Time constants (minutes) of the baseline's exponential forgetting.
    pub level_tau_minutes: f64,
    pub slow_level_tau_minutes: f64,
    pub daily_tau_days: f64,
    pub weekly_tau_weeks: f64,
    pub share_tau_minutes: f64,
    /// The baseline learns from counts capped at this many times expected.
    pub learn_cap_ratio: f64,
    /// Learning pauses while evidence builds (a chart at `freeze_level` of
    /// its threshold) or a series is flagged, for at most this long.
    pub max_freeze_minutes: u32,
    /// Evidence points kept per incident (one per minute, oldest dropped).
    pub max_evidence_points: usize,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            outage_sizes: vec![3.0, 8.0, 30.0],
            null_ratio: 1.25,
            slow_size: 4.0,
            slow_null_ratio: 2.0,
            threshold_nats: 14.0,
            tail_nats: 4.0,
            false_alarm_minutes: 1_000_000.0,
            calibration_tau_minutes: 14.0 * 1440.0,
            calibration_peaks: 50.0,
            calibration_prior_peaks: 5.0,
            max_tail_excess: 3.0,
            possible_level: 0.5,
            freeze_level: 0.5,
            min_reports: 8,
            min_ratio: 2.0,
            resolve_minutes: 15,
            calm_ratio: 1.5,
            resolve_nats: default_resolve_nats(),
            back_min_minutes: default_back_min_minutes(),
            back_max_ratio: default_back_max_ratio(),
            reopen_minutes: 24 * 60,
            new_episode_ratio: 3.0,
            peek_extra_nats: default_peek_extra_nats(),
            prior_rate_per_minute: 0.2,
            prior_alpha: 0.15,
            min_alpha: 0.002,
            max_alpha: 2.0,
            alpha_memory_steps: 2000.0,
            level_tau_minutes: 12.0 * 60.0,
            slow_level_tau_minutes: 3.0 * 1440.0,
            daily_tau_days: 7.0,
            weekly_tau_weeks: 4.0,
            share_tau_minutes: 24.0 * 60.0,
            learn_cap_ratio: 2.0,
            max_freeze_minutes: 6 * 60,
            max_evidence_points: 720,
        }
    }
}

fn default_resolve_nats() -> f64 {
    4.0
}

fn default_back_min_minutes() -> u32 {
    3
}

fn default_back_max_ratio() -> f64 {
    4.0
}

fn default_peek_extra_nats() -> f64 {
    12f64.ln()
}
