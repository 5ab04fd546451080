//! `downwatch simulate --causes`: shared-cause scenarios in virtual time,
//! through the real detector (`ServiceDetector::step` every minute for
//! every service) and the real correlator ([`Correlator::run`] every
//! minute, with onsets and history kept as the server's task keeps them).
//! Prints label precision and recall per kind and the time to label;
//! with `DW_SIM_DEBUG` set, each wrong label and missed cause on stderr.
//!
//! A world: 40 services with reports from four countries (DE, US, GB, FR),
//! each country's reports split over its operators' networks by their
//! market shares; two upstreams ("cdn", "cloud") with eight dependants
//! each; nine carriers with their own networks. Traffic: Poisson noise on
//! a gamma-mixed rate (overdispersion 0.1-0.3) with a daily cycle. A day
//! of learning, then six scored hours with one scenario starting between
//! hours two and three:
//! - isp: one operator's network fails in one country: 5-20 services get
//!   5-30x the reports from that network there, the operator's own service
//!   20x;
//! - upstream: 4-8 of an upstream's dependants get 5-30x everywhere, the
//!   upstream 10-30x;
//! - sympathy: one carrier gets 20-50x, the other carriers of its country
//!   2.5-4x;
//! - unrelated: 3-6 services fail at once (within 10 minutes), each in
//!   another country, with the usual mix of networks: no label is right.
//!
//! Any label in the scored hours that is not the scenario's cause counts
//! against precision.

use super::correlate::{CauseParams, Correlator, Inputs};
use super::model::{Cause, CauseKind};
use crate::catalog::Catalog;
use crate::detect::{Params, ServiceDetector, StepCounts};
use chrono::{DateTime, Duration, TimeZone, Utc};
use inputs::{Kept, asn_mixes, flags_now, rising_now};
use rand::SeedableRng;
use rand::rngs::StdRng;
use std::collections::{HashMap, HashSet};
use world::{catalog_text, inject, make_world};

mod inputs;
mod report;
mod world;

pub use report::CauseSimReport;

#[derive(Debug, Clone)]
pub struct CauseSimOptions {
    pub seed: u64,
    /// Runs of each scenario.
    pub runs: usize,
}

pub(super) const LEARN_MINUTES: i64 = 24 * 60;
pub(super) const SCORED_MINUTES: i64 = 6 * 60;
/// Minutes of per-minute ASN counts kept: the usual day and the window.
pub(super) const KEPT_MINUTES: usize = 24 * 60;

/// The scenario kinds, in the order they are printed.
const SCENARIOS: [&str; 4] = ["isp", "upstream", "sympathy", "unrelated"];

/// Runs every scenario `opts.runs` times.
pub fn run(opts: &CauseSimOptions) -> CauseSimReport {
    let catalog = match Catalog::parse(&catalog_text(), "<simulated catalog>") {
        Ok(c) => c,
        Err(e) => panic!("the simulated catalog is valid: {e}"),
    };
    let mut report = CauseSimReport {
        options: Some(opts.clone()),
        ..CauseSimReport::default()
    };
    for r in 0..opts.runs {
        for (s, scenario) in SCENARIOS.iter().enumerate() {
            let seed = opts.seed.wrapping_mul(1_000_003) ^ ((r * SCENARIOS.len() + s) as u64);
            let mut rng = StdRng::seed_from_u64(seed);
            one_run(&catalog, scenario, &mut rng, &mut report);
            report.runs += 1;
        }
    }
    report
}

fn one_run(catalog: &Catalog, scenario: &str, rng: &mut StdRng, report: &mut CauseSimReport) {
    let params = Params::default();
    let cause_params = CauseParams::default();
    let window = cause_params.window_minutes;
    let mut world = make_world(catalog, rng);
    let truth = inject(scenario, &mut world, rng);
    let t0: DateTime<Utc> = Utc
        .with_ymd_and_hms(2026, 1, 5, 0, 0, 0)
        .single()
        .unwrap_or_default();
    let mut detectors: Vec<ServiceDetector> = world
        .iter()
        .map(|s| ServiceDetector::new(&s.slug, 1, &params))
        .collect();
    let mut kept: Vec<Kept> = world.iter().map(|_| Kept::default()).collect();
    let mut onsets: HashMap<(String, String), DateTime<Utc>> = HashMap::new();
    let mut rising_onsets: HashMap<(String, String), DateTime<Utc>> = HashMap::new();
    let mut history: HashMap<String, Vec<DateTime<Utc>>> = HashMap::new();
    let mut causes: Vec<Cause> = Vec::new();
    let mut seen_labels: HashSet<String> = HashSet::new();
    let mut followers_flagged = false;
    // For the per-run timeline (`DW_SIM_DEBUG`): minutes from the start to
    // the failing carrier's first flag and to the right label.
    let mut primary_flagged: Option<i64> = None;
    let mut labelled: Option<f64> = None;
    let no_official = HashSet::new();
    for m in 0..LEARN_MINUTES + SCORED_MINUTES {
        let at = t0 + Duration::minutes(m + 1);
        for (i, s) in world.iter().enumerate() {
            let (by_country, by_asn) = s.reports(m, truth.start, rng);
            let mut counts = StepCounts::default();
            for (c, n) in &by_country {
                counts.regions.insert(c.to_string(), *n);
                counts.total += n;
            }
            detectors[i].step(at, &counts, &params);
            let k = &mut kept[i];
            k.regions.push_back(by_country);
            k.asns.push_back(by_asn);
            if k.regions.len() > KEPT_MINUTES + window as usize {
                k.regions.pop_front();
                k.asns.pop_front();
            }
        }
        // The correlator, as the server's task feeds it.
        let flags = flags_now(
            &world,
            &detectors,
            &kept,
            &mut onsets,
            &mut history,
            at,
            window,
        );
        let rising = rising_now(
            catalog,
            &world,
            &detectors,
            &kept,
            &flags,
            &mut rising_onsets,
            at,
            &cause_params,
        );
        if truth.kind == Some(CauseKind::Sympathy) && m >= truth.start {
            let mut parts = truth.id.as_deref().unwrap_or("").split(':').skip(1);
            let (country, primary) = (parts.next(), parts.next());
            if primary_flagged.is_none()
                && flags.iter().any(|f| Some(f.service.as_str()) == primary)
            {
                primary_flagged = Some(m + 1 - truth.start);
            }
            followers_flagged |= flags.iter().chain(&rising).any(|f| {
                catalog
                    .service(&f.service)
                    .is_some_and(|s| s.countries.iter().any(|c| Some(c.as_str()) == country))
                    && Some(f.service.as_str()) != primary
            });
        }
        let asns = asn_mixes(&flags, &world, &kept, window, cause_params.min_cluster);
        let no_names = HashMap::new();
        let inputs = Inputs {
            now: at,
            flags: &flags,
            asns: &asns,
            official_trouble: &no_official,
            history: &history,
            since: t0,
            rising: &rising,
            names: &no_names,
        };
        causes = Correlator {
            params: &cause_params,
            catalog,
        }
        .run(&inputs, &causes);
        if m < LEARN_MINUTES {
            continue;
        }
        for c in &causes {
            if !seen_labels.insert(c.id.clone()) {
                continue;
            }
            *report.issued.entry(c.kind).or_default() += 1;
            if truth.kind.is_none() {
                report.unrelated_labels += 1;
            }
            if std::env::var_os("DW_SIM_DEBUG").is_some()
                && truth.id.as_deref() != Some(c.id.as_str())
            {
                eprintln!(
                    "wrong label in {scenario} (truth {:?}) at minute {m} (start {}): {} members {:?} share {:?} usual {:?} conf {}",
                    truth.id,
                    truth.start,
                    c.id,
                    c.members,
                    c.share_now,
                    c.usual_share,
                    c.confidence
                );
            }
            if truth.id.as_deref() == Some(c.id.as_str()) {
                *report.right.entry(c.kind).or_default() += 1;
                *report.found.entry(c.kind).or_default() += 1;
                let start = t0 + Duration::minutes(truth.start);
                let after = (c.labelled_at - start).num_seconds() as f64 / 60.0;
                labelled = Some(after);
                report.from_start.entry(c.kind).or_default().push(after);
                report
                    .from_first
                    .entry(c.kind)
                    .or_default()
                    .push((c.labelled_at - c.first_onset).num_seconds() as f64 / 60.0);
            }
        }
    }
    if std::env::var_os("DW_SIM_DEBUG").is_some()
        && let Some(id) = &truth.id
        && !seen_labels.contains(id)
    {
        eprintln!("missed {id} (followers flagged: {followers_flagged})");
    }
    if std::env::var_os("DW_SIM_DEBUG").is_some() && truth.kind == Some(CauseKind::Sympathy) {
        eprintln!(
            "sympathy timeline: label {labelled:?} min after the start, failing carrier flagged after {primary_flagged:?}; carriers (reports/min, x): {}",
            world::surged(&world)
        );
    }
    match truth.kind {
        Some(CauseKind::Sympathy) if !followers_flagged => report.sympathy_unflagged += 1,
        Some(k) => *report.due.entry(k).or_default() += 1,
        None => {}
    }
}
