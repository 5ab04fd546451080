//! The seasonal baseline of a service: expected reports per minute at a
//! given time of week, learned continuously with exponential forgetting.
//!
//! expected rate = level x daily[15-minute slot of day] x weekly[day of week]
//!
//! The level follows slow changes (growth, busy days) over about half a day;
//! a slow level does the same over days, for the slow chart;
//! the daily profile remembers about a week of days, the weekly one about a
//! month of weeks. Sparse series are shrunk toward a flat profile so that a
//! few reports do not carve spikes into it.

use super::params::Params;
use chrono::{DateTime, Datelike, Timelike, Utc};
use serde::{Deserialize, Serialize};

const SLOTS: usize = 96;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SeasonalBaseline {
    level: f64,
    /// The level over days (0 in state saved before it existed: the level
    /// stands in until it has learned).
    #[serde(default)]
    slow_level: f64,
    daily: Vec<f64>,
    weekly: Vec<f64>,
    /// Minutes of history learned, in all and per slot / per day: a
    /// profile entry averages its first visits plainly, then forgets
    /// exponentially, so a young baseline is not stuck near flat.
    learned_minutes: f64,
    daily_minutes: Vec<f64>,
    weekly_minutes: Vec<f64>,
}

fn slot_of(t: DateTime<Utc>) -> usize {
    (t.hour() as usize * 4 + t.minute() as usize / 15) % SLOTS
}

fn day_of(t: DateTime<Utc>) -> usize {
    t.weekday().num_days_from_monday() as usize
}

/// Weight of one update covering `minutes` against a memory of `tau`.
fn weight(minutes: f64, tau: f64) -> f64 {
    1.0 - (-minutes / tau.max(1e-9)).exp()
}

impl SeasonalBaseline {
    pub fn new(params: &Params) -> Self {
        Self {
            level: params.prior_rate_per_minute,
            slow_level: params.prior_rate_per_minute,
            daily: vec![1.0; SLOTS],
            weekly: vec![1.0; 7],
            learned_minutes: 0.0,
            daily_minutes: vec![0.0; SLOTS],
            weekly_minutes: vec![0.0; 7],
        }
    }

    /// Expected reports per minute at `t`.
    pub fn rate(&self, t: DateTime<Utc>) -> f64 {
        self.level * self.daily[slot_of(t)] * self.weekly[day_of(t)]
    }

    /// Expected reports per minute at `t` by the slow level: what the
    /// fast level would say had it not followed the last hours.
    pub fn slow_rate(&self, t: DateTime<Utc>) -> f64 {
        let level = if self.slow_level > 0.0 {
            self.slow_level
        } else {
            self.level
        };
        level * self.daily[slot_of(t)] * self.weekly[day_of(t)]
    }

    pub fn learned_minutes(&self) -> f64 {
        self.learned_minutes
    }

    /// Learns from `count` reports over the `minutes` ending at `t`. With
    /// `capped` (and after its first day), counts are capped at
    /// `learn_cap_ratio` x expected plus `min_reports`: a spike teaches the
    /// baseline no more than a doubling does, and the slack keeps sparse
    /// series, whose counts are mostly zeros and a few reports, from
    /// sinking.
    pub fn learn(
        &mut self,
        t: DateTime<Utc>,
        count: f64,
        minutes: f64,
        capped: bool,
        params: &Params,
    ) {
        let (slot, day) = (slot_of(t), day_of(t));
        let seasonal = self.daily[slot] * self.weekly[day];
        let mut rate = count / minutes;
        if capped && self.learned_minutes >= 1440.0 {
            let expected = self.level * seasonal * minutes;
            let cap = params.learn_cap_ratio * expected + params.min_reports as f64;
            rate = rate.min(cap / minutes);
        }
        // Early on, learn the level fast (a running mean), then forget slowly.
        let early = 1.0 / (1.0 + self.learned_minutes / minutes);
        let a = weight(minutes, params.level_tau_minutes).max(early);
        let deseasoned = rate / seasonal.max(1e-6);
        self.level += a * (deseasoned - self.level);
        self.level = self.level.max(1e-4);
        if self.slow_level <= 0.0 {
            self.slow_level = self.level;
        }
        let a_slow = weight(minutes, params.slow_level_tau_minutes).max(early);
        self.slow_level += a_slow * (deseasoned - self.slow_level);
        self.slow_level = self.slow_level.max(1e-4);

        // Shrinkage: a pseudo-rate of one report per 10 minutes on both
        // sides keeps sparse series' profiles near flat.
        let c = 0.1;
        let expected_here = self.level * seasonal;
        let ratio = (rate + c) / (expected_here + c);
        // Profiles start once the level has a few hours behind it, the
        // weekly one once the daily one has seen a whole day; each entry
        // averages its first visits (against a prior of one visit at 1.0)
        // before forgetting exponentially.
        if self.learned_minutes >= 180.0 {
            self.daily_minutes[slot] += minutes;
            let a_daily = weight(minutes, 15.0 * params.daily_tau_days)
                .max(minutes / (self.daily_minutes[slot] + 15.0));
            self.daily[slot] *= 1.0 + a_daily * (ratio - 1.0);
        }
        if self.learned_minutes >= 1440.0 + 180.0 {
            self.weekly_minutes[day] += minutes;
            let a_weekly = weight(minutes, 1440.0 * params.weekly_tau_weeks)
                .max(minutes / (self.weekly_minutes[day] + 1440.0));
            self.weekly[day] *= 1.0 + a_weekly * (ratio - 1.0);
        }
        normalise(&mut self.daily);
        normalise(&mut self.weekly);
        self.learned_minutes += minutes;
    }
}

/// Keeps a profile's mean at 1 so the level carries the scale.
fn normalise(profile: &mut [f64]) {
    let mean = profile.iter().sum::<f64>() / profile.len() as f64;
    if mean > 0.0 {
        for f in profile.iter_mut() {
            *f = (*f / mean).clamp(0.05, 20.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn learns_a_daily_cycle() {
        let p = Params::default();
        let mut b = SeasonalBaseline::new(&p);
        let t0 = Utc
            .with_ymd_and_hms(2026, 1, 5, 0, 0, 0)
            .single()
            .expect("t");
        // Busy afternoons (6/min), quiet nights (1/min), for three weeks.
        for m in 0..(21 * 1440) {
            let t = t0 + Duration::minutes(m);
            let rate = if (12..20).contains(&t.hour()) {
                6.0
            } else {
                1.0
            };
            b.learn(t, rate, 1.0, true, &p);
        }
        let t = t0 + Duration::days(21);
        let afternoon = b.rate(t + Duration::hours(15));
        let night = b.rate(t + Duration::hours(3));
        assert!((afternoon - 6.0).abs() < 1.0, "afternoon {afternoon}");
        assert!((night - 1.0).abs() < 0.4, "night {night}");
    }
}
