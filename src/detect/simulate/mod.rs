//! `downwatch simulate`: synthetic report traffic for many services, with
//! injected outages, run through the detector in virtual time; prints
//! detection latency, misses and false incidents. Deterministic per seed.
//!
//! Traffic: per-service base rates from 0.05 to 50 reports per minute
//! (log-uniform), a daily cycle and a weekly one, per-minute negative
//! binomial noise (a gamma-mixed Poisson whose gamma is shared by the
//! service's countries, overdispersion 0.1 to 0.3 per service), 3-6
//! countries per service with their own shares. Confounders: two 5-minute
//! chatter bursts at 2x per service-week, busy days at 1.5x, services
//! growing up to 30% a week. Outages: 3x (faint) to 30x, ramping up over 2
//! to 6 minutes, 10 minutes to 2 hours: everywhere, of one symptom or in
//! one country (the multiplier in total, all the added reports there),
//! or in one country with the multiplier there only.
//! Latency counts from the first minute of the ramp.

mod report;

pub use report::{Detection, OutageRow, SimulateReport};

use super::engine::{ServiceDetector, StepCounts};
use super::incident::{GLOBAL, IncidentEventKind};
use super::params::Params;
use crate::traffic;
use chrono::{DateTime, Duration, TimeZone, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rand_distr::{Binomial, Distribution};
use std::collections::HashMap;
use std::f64::consts::PI;

#[derive(Debug, Clone)]
pub struct SimulateOptions {
    pub seed: u64,
    pub services: usize,
    pub weeks: u32,
    /// Leading weeks the detector learns in without being scored.
    pub warmup_weeks: u32,
    /// Print one line per scored outage too.
    pub list_outages: bool,
}

impl Default for SimulateOptions {
    fn default() -> Self {
        Self {
            seed: 1,
            services: 100,
            weeks: 6,
            warmup_weeks: 1,
            list_outages: false,
        }
    }
}

const COUNTRIES: [&str; 8] = ["US", "GB", "DE", "FR", "BR", "IN", "JP", "AU"];

/// What people report; each service has three to five of them.
const SYMPTOMS: [&str; 5] = ["login", "app", "website", "connection", "payments"];

#[derive(Debug, Clone)]
struct Outage {
    start: i64,
    end: i64,
    multiplier: f64,
    /// None = every region.
    region: Option<String>,
    /// A one-country outage whose multiplier holds in that country only;
    /// otherwise (as for a symptom) it is the multiplier in total, all
    /// the added reports in that country.
    there: bool,
    /// The affected country's share of the service's reports (1 when
    /// everywhere).
    region_share: f64,
    /// None = every symptom. An outage of one symptom adds the same
    /// reports as an outage of everything would, all on that symptom.
    symptom: Option<String>,
    /// Minutes from normal to `multiplier` (linear).
    ramp: i64,
    /// Reports per 5 minutes at the outage's level in the affected area,
    /// at the start.
    reports_per_5m: f64,
    /// Base rate of the service (reports per minute).
    service_base: f64,
}

impl Outage {
    /// The outage's multiplier at `minute` (1 outside it).
    fn factor(&self, minute: i64) -> f64 {
        if minute < self.start || minute >= self.end {
            return 1.0;
        }
        let ramp = ((minute - self.start + 1) as f64 / self.ramp.max(1) as f64).min(1.0);
        1.0 + (self.multiplier - 1.0) * ramp
    }

    /// The multiplier of the cell (`region`, `symptom`), a symptom whose
    /// share of the service's reports is `share`, at `minute`.
    fn cell_factor(&self, minute: i64, region: &str, symptom: &str, share: f64) -> f64 {
        if self.region.as_ref().is_some_and(|r| r != region) {
            return 1.0;
        }
        let mut f = self.factor(minute);
        if self.region.is_some() && !self.there {
            f = 1.0 + (f - 1.0) / self.region_share.max(1e-6);
        }
        match &self.symptom {
            None => f,
            Some(s) if s == symptom => 1.0 + (f - 1.0) / share.max(1e-6),
            Some(_) => 1.0,
        }
    }
}

/// Services at least this busy (reports per minute) are "busy global
/// services" for the regional figure.
const BUSY_SERVICE_RATE: f64 = 10.0;

#[derive(Debug, Clone)]
struct SimService {
    name: String,
    base: f64,
    daily_amp: f64,
    daily_phase: f64,
    weekend: f64,
    growth_per_week: f64,
    /// Gamma shape of the noise: variance = mu + mu^2 / shape (shape =
    /// 1 / overdispersion).
    shape: f64,
    regions: Vec<(String, f64)>,
    /// Symptoms and their shares of the reports.
    symptoms: Vec<(String, f64)>,
    outages: Vec<Outage>,
    bursts: Vec<i64>,
    busy_days: Vec<i64>,
}

impl SimService {
    fn rate(&self, minute: i64) -> f64 {
        let day = (minute % 1440) as f64 / 1440.0;
        let daily = 1.0 + self.daily_amp * (2.0 * PI * (day - self.daily_phase)).sin();
        let dow = (minute / 1440) % 7;
        let weekly = if dow >= 5 { self.weekend } else { 1.0 };
        let growth = 1.0 + self.growth_per_week * minute as f64 / (7.0 * 1440.0);
        let mut r = self.base * daily * weekly * growth;
        if self.bursts.iter().any(|&b| minute >= b && minute < b + 5) {
            r *= 2.0;
        }
        if self
            .busy_days
            .iter()
            .any(|&d| minute >= d && minute < d + 1440)
        {
            r *= 1.5;
        }
        r
    }
}

fn make_service(i: usize, rng: &mut StdRng, minutes: i64, warmup: i64) -> SimService {
    let base = (rng.random_range(0.05_f64.ln()..50_f64.ln())).exp();
    let n_regions = rng.random_range(3..=6);
    let mut weights: Vec<f64> = (0..n_regions)
        .map(|_| rng.random_range(0.2..1.0_f64).powi(2))
        .collect();
    let total: f64 = weights.iter().sum();
    weights.iter_mut().for_each(|w| *w /= total);
    let regions = COUNTRIES
        .iter()
        .take(n_regions)
        .zip(weights)
        .map(|(c, w)| (c.to_string(), w))
        .collect();
    let weeks = minutes as f64 / (7.0 * 1440.0);
    let mut bursts = Vec::new();
    for _ in 0..(weeks * 2.0).round() as usize {
        bursts.push(rng.random_range(warmup..minutes - 10));
    }
    let mut busy_days = Vec::new();
    if rng.random_bool(0.5) {
        busy_days.push(rng.random_range(warmup / 1440..minutes / 1440 - 1) * 1440);
    }
    let n_symptoms = rng.random_range(3..=5);
    let mut mix: Vec<f64> = (0..n_symptoms)
        .map(|_| rng.random_range(0.2..1.0_f64))
        .collect();
    let sum: f64 = mix.iter().sum();
    mix.iter_mut().for_each(|w| *w /= sum);
    let symptoms = SYMPTOMS
        .iter()
        .take(n_symptoms)
        .zip(mix)
        .map(|(c, w)| (c.to_string(), w))
        .collect();
    let growth_per_week = if rng.random_bool(0.2) {
        rng.random_range(0.1..0.3)
    } else {
        0.0
    };
    SimService {
        name: format!("svc{i:04}"),
        base,
        daily_amp: rng.random_range(0.3..0.8),
        daily_phase: rng.random_range(0.0..1.0),
        weekend: rng.random_range(0.7..1.3),
        growth_per_week,
        shape: 1.0 / rng.random_range(0.1..0.3),
        regions,
        symptoms,
        outages: Vec::new(),
        bursts,
        busy_days,
    }
}

fn add_outages(s: &mut SimService, rng: &mut StdRng, minutes: i64, warmup: i64) {
    let weeks = ((minutes - warmup) / (7 * 1440)).max(1);
    for w in 0..weeks {
        if !rng.random_bool(0.6) {
            continue;
        }
        let week_start = warmup + w * 7 * 1440;
        let start = rng.random_range(week_start..week_start + 7 * 1440 - 200);
        let multiplier = *[3.0, 5.0, 8.0, 15.0, 30.0]
            .get(rng.random_range(0..5))
            .unwrap_or(&5.0);
        let length = rng.random_range(10..120);
        // A quarter in one country (the multiplier in total), a quarter
        // in one country (the multiplier there only), a quarter of one
        // symptom, a quarter of everything everywhere.
        let kind = rng.random_range(0..4);
        let region = (kind == 0 || kind == 3).then(|| {
            let i = rng.random_range(0..s.regions.len());
            s.regions[i].0.clone()
        });
        // Half the one-country outages (multiplier in total) are of one
        // symptom there too (a login outage in one country).
        let symptom = (kind == 1 || (kind == 0 && rng.random_bool(0.5))).then(|| {
            let i = rng.random_range(0..s.symptoms.len());
            s.symptoms[i].0.clone()
        });
        let share = region
            .as_ref()
            .and_then(|r| s.regions.iter().find(|(c, _)| c == r).map(|(_, w)| *w))
            .unwrap_or(1.0);
        let there = kind == 3;
        // Reports in the affected area at the outage's level.
        let area_multiplier = if region.is_some() && !there {
            1.0 + (multiplier - 1.0) / share
        } else {
            multiplier
        };
        let reports_per_5m = s.rate(start) * share * area_multiplier * 5.0;
        s.outages.push(Outage {
            start,
            end: start + length,
            multiplier,
            region,
            there,
            region_share: share,
            symptom,
            ramp: rng.random_range(2..=6),
            reports_per_5m,
            service_base: s.base,
        });
    }
}

/// The least minutes (from the outage's first) any detector could need at
/// `threshold` nats: a Poisson likelihood ratio that knows the outage's
/// exact shape, on the counts it expects, in the part of the service the
/// outage is concentrated on (`area_rate` reports a minute usually); None
/// if the outage ends first. The service's own noise only adds to it.
fn oracle_minutes(o: &Outage, area_rate: f64, area_share: f64, threshold: f64) -> Option<f64> {
    let mut nats = 0.0;
    for m in o.start..o.end {
        let f = o.factor(m);
        let f = if o.there {
            f
        } else {
            1.0 + (f - 1.0) / area_share.max(1e-6)
        };
        nats += area_rate * (f * f.ln() - (f - 1.0));
        if nats >= threshold {
            return Some((m + 1 - o.start) as f64);
        }
    }
    None
}

/// Splits the `n` reports of country `code` among the symptoms, in
/// proportion to their `cells` (a multinomial draw, as sequential
/// binomials), into the step's counts by symptom and by country and
/// symptom.
fn split(
    (code, n): (&str, u64),
    symptoms: &[(String, f64)],
    cells: &[f64],
    counts: &mut StepCounts,
    rng: &mut StdRng,
) {
    let mut left = n;
    let mut weight: f64 = cells.iter().sum();
    for ((symptom, _), cell) in symptoms.iter().zip(cells) {
        if left == 0 {
            break;
        }
        let p = (cell / weight.max(1e-12)).clamp(0.0, 1.0);
        let k = Binomial::new(left, p).map_or(left, |b| b.sample(rng));
        weight -= cell;
        left -= k;
        if k > 0 {
            *counts.symptoms.entry(symptom.clone()).or_default() += k;
            counts
                .country_symptoms
                .entry(code.to_string())
                .or_default()
                .insert(symptom.clone(), k);
        }
    }
}

/// Runs the simulation and returns its figures.
pub fn run(opts: &SimulateOptions, params: &Params) -> SimulateReport {
    let mut rng = StdRng::seed_from_u64(opts.seed);
    let minutes = i64::from(opts.weeks) * 7 * 1440;
    let warmup = i64::from(opts.warmup_weeks) * 7 * 1440;
    let t0: DateTime<Utc> = Utc
        .with_ymd_and_hms(2026, 1, 5, 0, 0, 0)
        .single()
        .unwrap_or_default();
    let mut report = SimulateReport {
        service_weeks: opts.services as f64 * f64::from(opts.weeks - opts.warmup_weeks),
        ..SimulateReport::default()
    };
    for i in 0..opts.services {
        let mut s = make_service(i, &mut rng, minutes, warmup);
        add_outages(&mut s, &mut rng, minutes, warmup);
        report.bursts += s.bursts.len();
        report.busy_days += s.busy_days.len();
        report.growing += usize::from(s.growth_per_week > 0.0);
        let mut detector = ServiceDetector::new(&s.name, 1, params);
        let mut detected: Vec<Option<f64>> = vec![None; s.outages.len()];
        let mut regional: Vec<Option<f64>> = vec![None; s.outages.len()];
        let mut global_too: Vec<bool> = vec![false; s.outages.len()];
        let mut how: Vec<(String, Option<String>)> = vec![Default::default(); s.outages.len()];
        let gamma = traffic::Burst::with_shape(s.shape);
        let mut resolved: Vec<Option<f64>> = vec![None; s.outages.len()];
        // Which outage each incident was matched to (the latest).
        let mut by_incident: HashMap<String, usize> = HashMap::new();
        for m in 0..minutes {
            let rate = s.rate(m);
            let mut counts = StepCounts::default();
            let noise = gamma.sample(&mut rng);
            let live: Vec<&Outage> = s
                .outages
                .iter()
                .filter(|o| m >= o.start && m < o.end)
                .collect();
            for (code, share) in &s.regions {
                // Each symptom's part of this region's rate, outages
                // included; the region's count is split among them.
                let cells: Vec<f64> = s
                    .symptoms
                    .iter()
                    .map(|(symptom, w)| {
                        live.iter()
                            .map(|o| o.cell_factor(m, code, symptom, *w))
                            .product::<f64>()
                            * w
                    })
                    .collect();
                let mu = rate * share * cells.iter().sum::<f64>();
                let lambda = (mu * noise).max(1e-9);
                let n = traffic::poisson(lambda, &mut rng);
                if n > 0 {
                    counts.regions.insert(code.clone(), n);
                    counts.total += n;
                    split((code, n), &s.symptoms, &cells, &mut counts, &mut rng);
                }
            }
            let at = t0 + Duration::minutes(m + 1);
            for e in detector.step(at, &counts, params) {
                if m < warmup {
                    continue;
                }
                if e.kind == IncidentEventKind::Resolved {
                    // The first resolution at or after the outage's end.
                    if let Some(&k) = by_incident.get(&e.incident.id) {
                        if m + 1 < s.outages[k].end {
                            report.early_resolutions += 1;
                            report.early_global += usize::from(e.incident.region == GLOBAL);
                        } else if resolved[k].is_none() {
                            resolved[k] = Some((m + 1 - s.outages[k].end) as f64);
                        }
                    }
                    continue;
                }
                // Every transition into outage is a detection, and any
                // one outside an outage a false incident.
                if !e.kind.is_detection() {
                    continue;
                }
                let matched = s.outages.iter().position(|o| {
                    m >= o.start
                        && m < o.end + 30
                        && (e.incident.region == GLOBAL
                            || o.region.is_none()
                            || o.region.as_deref() == Some(e.incident.region.as_str()))
                });
                match matched {
                    Some(k) => {
                        by_incident.insert(e.incident.id.clone(), k);
                        report.by_symptom_chart += usize::from(
                            e.kind == IncidentEventKind::Opened
                                && e.incident.detection.symptom.is_some(),
                        );
                        if e.incident.region == GLOBAL && s.outages[k].region.is_some() {
                            global_too[k] = true;
                        }
                        let latency = Some((m + 1 - s.outages[k].start) as f64);
                        if detected[k].is_none() {
                            detected[k] = latency;
                            how[k] = (
                                e.incident.region.clone(),
                                e.incident.detection.symptom.clone(),
                            );
                        }
                        if regional[k].is_none()
                            && s.outages[k].region.as_deref() == Some(e.incident.region.as_str())
                        {
                            regional[k] = latency;
                        }
                    }
                    None => {
                        report.false_incidents += 1;
                        report.false_global += usize::from(e.incident.region == GLOBAL);
                        report.false_by_symptom +=
                            usize::from(e.incident.detection.symptom.is_some());
                    }
                }
            }
        }
        report.resolution.extend(
            s.outages
                .iter()
                .zip(detected.iter().zip(&resolved))
                .filter(|(o, (d, _))| o.reports_per_5m >= 20.0 && d.is_some())
                .map(|(_, (_, r))| *r),
        );
        for (o, (d, g)) in s.outages.iter().zip(detected.iter().zip(&global_too)) {
            if o.region.is_some() && d.is_some() {
                report.one_country_detected += 1;
                report.one_country_global += usize::from(*g);
            }
        }
        for (o, r) in s.outages.iter().zip(&regional) {
            if o.region.is_some() && o.service_base >= BUSY_SERVICE_RATE && o.reports_per_5m >= 20.0
            {
                report.regional.push(Detection {
                    latency: *r,
                    ramp: o.ramp as f64,
                });
            }
        }
        for ((o, latency), (region, symptom)) in s.outages.iter().zip(detected).zip(how) {
            let d = Detection {
                latency,
                ramp: o.ramp as f64,
            };
            let kind = match (&o.region, &o.symptom) {
                (Some(_), _) if o.there => "country-there",
                (Some(_), Some(_)) => "country-symptom",
                (Some(_), None) => "country",
                (None, Some(_)) => "symptom",
                (None, None) => "everywhere",
            };
            // The share of the service the outage is concentrated on.
            let symptom_share = o
                .symptom
                .as_ref()
                .and_then(|x| s.symptoms.iter().find(|(c, _)| c == x))
                .map_or(1.0, |(_, w)| *w);
            let area_share = o.region_share * symptom_share;
            let oracle = oracle_minutes(
                o,
                s.rate(o.start) * area_share,
                area_share,
                params.threshold_nats,
            );
            if o.reports_per_5m >= 20.0 {
                report.rows.push(OutageRow {
                    oracle,
                    service: s.name.clone(),
                    base: s.base,
                    kind,
                    share: o.region_share,
                    multiplier: o.multiplier,
                    ramp: o.ramp,
                    reports_per_5m: o.reports_per_5m,
                    latency,
                    region,
                    symptom,
                });
            }
            if o.reports_per_5m < 20.0 {
                report.small.push(d);
            } else if o.there {
                report.country_there.push(d);
            } else if o.multiplier < 5.0 {
                match (&o.region, &o.symptom) {
                    (Some(_), Some(_)) => report.faint_country_symptom.push(d),
                    (Some(_), None) => report.faint_country.push(d),
                    (None, Some(_)) => report.faint_symptom.push(d),
                    (None, None) => report.faint.push(d),
                }
            } else {
                report.strong.push(d);
            }
        }
    }
    report
}
