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
use super::model::{AsnMix, Cause, CauseKind, Flag};
use crate::catalog::Catalog;
use crate::detect::{GLOBAL, Params, ServiceDetector, StepCounts};
use crate::traffic;
use chrono::{DateTime, Duration, TimeZone, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::f64::consts::PI;

#[derive(Debug, Clone)]
pub struct CauseSimOptions {
    pub seed: u64,
    /// Runs of each scenario.
    pub runs: usize,
}

/// An operator: (catalog slug, name, ASN, market share in its country).
type Operator = (&'static str, &'static str, u32, f64);

/// Countries and their operators.
const OPERATORS: [(&str, &[Operator]); 4] = [
    (
        "DE",
        &[
            ("telekom", "Deutsche Telekom", 3320, 0.4),
            ("vodafone-de", "Vodafone", 3209, 0.35),
            ("o2-de", "O2", 6805, 0.25),
        ],
    ),
    (
        "US",
        &[
            ("att", "AT&T", 7018, 0.4),
            ("t-mobile", "T-Mobile", 21928, 0.35),
            ("verizon", "Verizon", 701, 0.25),
        ],
    ),
    (
        "GB",
        &[
            ("bt", "BT", 2856, 0.55),
            ("virgin-media", "Virgin Media", 5089, 0.45),
        ],
    ),
    (
        "FR",
        &[
            ("orange", "Orange", 3215, 0.6),
            ("free", "Free", 12322, 0.4),
        ],
    ),
];

const SERVICES: usize = 40;
const DEPENDANTS: usize = 8;
const LEARN_MINUTES: i64 = 24 * 60;
const SCORED_MINUTES: i64 = 6 * 60;
/// Minutes of per-minute ASN counts kept: the usual day and the window.
const KEPT_MINUTES: usize = 24 * 60;

/// The scenario kinds, in the order they are printed.
const SCENARIOS: [&str; 4] = ["isp", "upstream", "sympathy", "unrelated"];

fn catalog_text() -> String {
    let mut t = String::from(
        "[symptoms]\napp = \"App\"\n\n[[category]]\nslug = \"x\"\nname = \"X\"\n\n\
         [[service]]\nslug = \"cdn\"\nname = \"CDN\"\ncategory = \"x\"\nsymptoms = [\"app\"]\n\n\
         [[service]]\nslug = \"cloud\"\nname = \"Cloud\"\ncategory = \"x\"\nsymptoms = [\"app\"]\n",
    );
    for (country, ops) in OPERATORS {
        for (slug, name, asn, _) in ops {
            t.push_str(&format!(
                "\n[[service]]\nslug = \"{slug}\"\nname = \"{name}\"\ncategory = \"x\"\nasns = [{asn}]\ncountries = [\"{country}\"]\nsymptoms = [\"app\"]\n"
            ));
        }
    }
    for i in 0..SERVICES {
        let dep = match i / DEPENDANTS {
            0 => "depends_on = [\"cdn\"]\n",
            1 => "depends_on = [\"cloud\"]\n",
            _ => "",
        };
        t.push_str(&format!(
            "\n[[service]]\nslug = \"s{i}\"\nname = \"S{i}\"\ncategory = \"x\"\n{dep}symptoms = [\"app\"]\n"
        ));
    }
    t
}

/// One simulated service: its rate, where its reports come from, and the
/// multipliers of the scenario.
struct SimService {
    slug: String,
    base: f64,
    daily_phase: f64,
    shape: f64,
    /// Country -> share of the service's reports.
    countries: Vec<(&'static str, f64)>,
    /// For a carrier: its own ASN (most of its reports come from it).
    own_asn: Option<u32>,
    /// (country or None = everywhere, ASN or None = every network,
    /// multiplier) from `start` on, ramping over 3 minutes.
    surges: Vec<(Option<&'static str>, Option<u32>, f64)>,
}

impl SimService {
    fn rate(&self, minute: i64) -> f64 {
        let day = (minute % 1440) as f64 / 1440.0;
        self.base * (1.0 + 0.4 * (2.0 * PI * (day - self.daily_phase)).sin())
    }

    fn factor(&self, country: &str, asn: u32, ramp: f64) -> f64 {
        let mut f = 1.0;
        for (c, a, m) in &self.surges {
            if c.is_none_or(|c| c == country) && a.is_none_or(|a| a == asn) {
                f *= 1.0 + (m - 1.0) * ramp;
            }
        }
        f
    }
}

/// What a scenario claims, for scoring.
struct Truth {
    kind: Option<CauseKind>,
    /// The expected cause id (`isp:DE:telekom`, `upstream:cdn`, …).
    id: Option<String>,
    start: i64,
}

/// Results over all runs.
#[derive(Default)]
pub struct CauseSimReport {
    /// Per kind: labels issued in scored time, and of those right.
    issued: HashMap<CauseKind, usize>,
    right: HashMap<CauseKind, usize>,
    /// Per kind: runs that should get the label, and those that did.
    due: HashMap<CauseKind, usize>,
    found: HashMap<CauseKind, usize>,
    /// Per kind: minutes from the cause's start, and from the cluster's
    /// first flag, to the label.
    from_start: HashMap<CauseKind, Vec<f64>>,
    from_first: HashMap<CauseKind, Vec<f64>>,
    /// Sympathy runs where no other carrier was flagged (nothing to label).
    sympathy_unflagged: usize,
    /// Labels in unrelated-outage runs.
    unrelated_labels: usize,
    runs: usize,
    options: Option<CauseSimOptions>,
}

const KINDS: [CauseKind; 3] = [CauseKind::Isp, CauseKind::Upstream, CauseKind::Sympathy];

fn percentile(v: &[f64], p: f64) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    if s.is_empty() {
        return f64::NAN;
    }
    s[((s.len() as f64 - 1.0) * p).round() as usize]
}

impl CauseSimReport {
    pub fn render(&self) -> String {
        let mut out = String::new();
        if let Some(o) = &self.options {
            out.push_str(&format!(
                "downwatch simulate --causes: seed {}, {} runs of each scenario ({} in all), {} services + 2 upstreams + 10 carriers, \
                 {} h learning then {} h scored per run\n",
                o.seed,
                o.runs,
                self.runs,
                SERVICES,
                LEARN_MINUTES / 60,
                SCORED_MINUTES / 60
            ));
        }
        for k in KINDS {
            let issued = self.issued.get(&k).copied().unwrap_or(0);
            let right = self.right.get(&k).copied().unwrap_or(0);
            let due = self.due.get(&k).copied().unwrap_or(0);
            let found = self.found.get(&k).copied().unwrap_or(0);
            let start = self.from_start.get(&k).map_or(&[][..], Vec::as_slice);
            let first = self.from_first.get(&k).map_or(&[][..], Vec::as_slice);
            out.push_str(&format!(
                "{:<9} precision {:.3} ({right}/{issued}), recall {:.3} ({found}/{due}); \
                 cause start -> label median {:.1} min, p90 {:.1}; first flag of the cluster -> label median {:.1} min, p90 {:.1}\n",
                k.as_str(),
                right as f64 / issued.max(1) as f64,
                found as f64 / due.max(1) as f64,
                percentile(start, 0.5),
                percentile(start, 0.9),
                percentile(first, 0.5),
                percentile(first, 0.9),
            ));
        }
        out.push_str(&format!(
            "unrelated coincident outages: {} labels in {} runs (each one counted against its kind's precision)\n",
            self.unrelated_labels,
            self.options.as_ref().map_or(0, |o| o.runs)
        ));
        out.push_str(&format!(
            "sympathy runs where no other carrier was flagged (nothing to label, left out of recall): {}\n",
            self.sympathy_unflagged
        ));
        out
    }
}

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

fn make_world(catalog: &Catalog, rng: &mut StdRng) -> Vec<SimService> {
    let mut out = Vec::new();
    for s in catalog.services() {
        let (base, countries, own_asn) = if let Some(&asn) = s.asns.first() {
            let country = OPERATORS
                .iter()
                .find(|(c, _)| s.countries.iter().any(|x| x == c))
                .map_or("DE", |(c, _)| *c);
            (rng.random_range(1.0..8.0), vec![(country, 1.0)], Some(asn))
        } else {
            let mut w: Vec<f64> = (0..4).map(|_| rng.random_range(0.2..1.0_f64)).collect();
            let total: f64 = w.iter().sum();
            w.iter_mut().for_each(|x| *x /= total);
            let countries = OPERATORS.iter().map(|(c, _)| *c).zip(w).collect();
            (
                (rng.random_range(1.0_f64.ln()..20.0_f64.ln())).exp(),
                countries,
                None,
            )
        };
        out.push(SimService {
            slug: s.slug.clone(),
            base,
            daily_phase: rng.random_range(0.0..1.0),
            shape: 1.0 / rng.random_range(0.1..0.3),
            countries,
            own_asn,
            surges: Vec::new(),
        });
    }
    out
}

fn operators_of(country: &str) -> &'static [Operator] {
    OPERATORS
        .iter()
        .find(|(c, _)| *c == country)
        .map_or(&[][..], |(_, o)| o)
}

/// Injects `scenario` into `world`; the truth to score against.
fn inject(scenario: &str, world: &mut [SimService], rng: &mut StdRng) -> Truth {
    let start = LEARN_MINUTES + 120 + rng.random_range(0..60);
    let generic: Vec<usize> = (0..world.len())
        .filter(|&i| world[i].slug.starts_with('s') && world[i].own_asn.is_none())
        .collect();
    let pick = |rng: &mut StdRng, n: usize, from: &[usize]| {
        let mut from = from.to_vec();
        let mut out = Vec::new();
        while out.len() < n && !from.is_empty() {
            out.push(from.swap_remove(rng.random_range(0..from.len())));
        }
        out
    };
    match scenario {
        "isp" => {
            let (country, ops) = OPERATORS[rng.random_range(0..OPERATORS.len())];
            let (slug, _, asn, _) = ops[rng.random_range(0..ops.len())];
            let n = rng.random_range(5..=20);
            for i in pick(rng, n, &generic) {
                let m = rng.random_range(5.0..30.0);
                world[i].surges.push((Some(country), Some(asn), m));
            }
            if let Some(own) = world.iter_mut().find(|s| s.slug == slug) {
                own.surges.push((None, None, 20.0));
            }
            Truth {
                kind: Some(CauseKind::Isp),
                id: Some(format!("isp:{country}:{slug}")),
                start,
            }
        }
        "upstream" => {
            let (up, first) = if rng.random_bool(0.5) {
                ("cdn", 0)
            } else {
                ("cloud", DEPENDANTS)
            };
            let n = rng.random_range(4..=DEPENDANTS);
            let deps: Vec<usize> = (first..first + DEPENDANTS)
                .filter_map(|i| world.iter().position(|s| s.slug == format!("s{i}")))
                .collect();
            for i in pick(rng, n, &deps) {
                let m = rng.random_range(5.0..30.0);
                world[i].surges.push((None, None, m));
            }
            if let Some(u) = world.iter_mut().find(|s| s.slug == up) {
                u.surges.push((None, None, rng.random_range(10.0..30.0)));
            }
            Truth {
                kind: Some(CauseKind::Upstream),
                id: Some(format!("upstream:{up}")),
                start,
            }
        }
        "sympathy" => {
            let (country, ops) = OPERATORS[rng.random_range(0..2)];
            let p = rng.random_range(0..ops.len());
            for (k, (slug, ..)) in ops.iter().enumerate() {
                let m = if k == p {
                    rng.random_range(20.0..50.0)
                } else {
                    rng.random_range(2.5..4.0)
                };
                if let Some(s) = world.iter_mut().find(|s| s.slug == *slug) {
                    s.surges.push((None, None, m));
                }
            }
            Truth {
                kind: Some(CauseKind::Sympathy),
                id: Some(format!("sympathy:{country}:{}", ops[p].0)),
                start,
            }
        }
        _ => {
            let n = rng.random_range(3..=6);
            let countries = ["DE", "US", "GB", "FR"];
            for (k, i) in pick(rng, n, &generic).into_iter().enumerate() {
                let country = countries[k % countries.len()];
                let m = rng.random_range(10.0..30.0);
                world[i].surges.push((Some(country), None, m));
            }
            Truth {
                kind: None,
                id: None,
                start,
            }
        }
    }
}

/// Per-minute counts kept for the correlator's inputs.
#[derive(Default)]
struct Kept {
    /// Oldest first: (country -> count) per minute.
    regions: VecDeque<HashMap<&'static str, u64>>,
    /// Oldest first: ((country, asn) -> count) per minute.
    asns: VecDeque<HashMap<(&'static str, u32), u64>>,
}

fn one_run(catalog: &Catalog, scenario: &str, rng: &mut StdRng, report: &mut CauseSimReport) {
    let params = Params::default();
    let cause_params = CauseParams::default();
    let window = cause_params.window_minutes;
    let mut world = make_world(catalog, rng);
    let starts_at = |s: &SimService, m: i64, start: i64| {
        if s.surges.is_empty() || m < start {
            0.0
        } else {
            ((m - start + 1) as f64 / 3.0).min(1.0)
        }
    };
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
    let no_official = HashSet::new();
    for m in 0..LEARN_MINUTES + SCORED_MINUTES {
        let at = t0 + Duration::minutes(m + 1);
        for (i, s) in world.iter().enumerate() {
            let ramp = starts_at(s, m, truth.start);
            let noise = traffic::Burst::with_shape(s.shape).sample(rng);
            let rate = s.rate(m) * noise;
            let mut counts = StepCounts::default();
            let mut by_country = HashMap::new();
            let mut by_asn = HashMap::new();
            for (country, share) in &s.countries {
                for (_, _, asn, op_share) in operators_of(country) {
                    // A carrier's reports come mostly from its own network.
                    let mix = match s.own_asn {
                        Some(own) if own == *asn => 0.8,
                        Some(_) => 0.2 / (operators_of(country).len() - 1).max(1) as f64,
                        None => *op_share,
                    };
                    let mu = rate * share * mix * s.factor(country, *asn, ramp);
                    let n = traffic::poisson(mu.max(1e-9), rng);
                    if n > 0 {
                        *by_country.entry(*country).or_insert(0) += n;
                        *by_asn.entry((*country, *asn)).or_insert(0) += n;
                    }
                }
            }
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
                report
                    .from_start
                    .entry(c.kind)
                    .or_default()
                    .push((c.labelled_at - start).num_seconds() as f64 / 60.0);
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
    match truth.kind {
        Some(CauseKind::Sympathy) if !followers_flagged => report.sympathy_unflagged += 1,
        Some(k) => *report.due.entry(k).or_default() += 1,
        None => {}
    }
}

/// The flags of this minute with their onsets (kept across minutes, new
/// ones added to the history), as `CauseTask` builds them.
fn flags_now(
    world: &[SimService],
    detectors: &[ServiceDetector],
    kept: &[Kept],
    onsets: &mut HashMap<(String, String), DateTime<Utc>>,
    history: &mut HashMap<String, Vec<DateTime<Utc>>>,
    at: DateTime<Utc>,
    window: i64,
) -> Vec<Flag> {
    let mut flags = Vec::new();
    let mut now_onsets = HashMap::new();
    for (i, (s, d)) in world.iter().zip(detectors).enumerate() {
        let mut regions: Vec<String> = d.non_ok_regions().into_keys().collect();
        regions.sort();
        if d.status(None) != crate::detect::Status::Ok {
            regions.insert(0, GLOBAL.to_string());
        }
        let recent = kept[i].regions.iter().rev().take(window as usize);
        let mut sums: HashMap<&str, u64> = HashMap::new();
        for minute in recent {
            for (c, n) in minute {
                *sums.entry(c).or_default() += n;
            }
        }
        let total: u64 = sums.values().sum();
        for region in regions {
            let key = (s.slug.clone(), region.clone());
            let onset = match onsets.get(&key) {
                Some(&t) => t,
                None => {
                    let place = region.split('-').next().unwrap_or(&region).to_string();
                    let place = if region == GLOBAL {
                        GLOBAL.to_string()
                    } else {
                        place
                    };
                    history.entry(place).or_default().push(at);
                    at
                }
            };
            now_onsets.insert(key, onset);
            let (observed, expected) = if region == GLOBAL {
                (total, expected_over(d, None, at, window))
            } else {
                (
                    sums.get(region.as_str()).copied().unwrap_or(0),
                    expected_over(d, Some(&region), at, window),
                )
            };
            let mostly_from = (region == GLOBAL)
                .then(|| {
                    sums.iter()
                        .max_by_key(|(_, n)| **n)
                        .filter(|(_, n)| 2 * **n > total)
                        .map(|(c, _)| c.to_string())
                })
                .flatten();
            flags.push(Flag {
                service: s.slug.clone(),
                region,
                onset,
                observed,
                expected,
                mostly_from,
            });
        }
    }
    *onsets = now_onsets;
    let keep_from = at - Duration::days(7);
    for h in history.values_mut() {
        h.retain(|&t| t >= keep_from);
    }
    flags
}

/// The unflagged carriers rising significantly in a country where a
/// carrier is flagged, with when they were first seen so, as `CauseTask`
/// builds them.
#[allow(clippy::too_many_arguments)]
fn rising_now(
    catalog: &Catalog,
    world: &[SimService],
    detectors: &[ServiceDetector],
    kept: &[Kept],
    flags: &[Flag],
    onsets: &mut HashMap<(String, String), DateTime<Utc>>,
    at: DateTime<Utc>,
    params: &CauseParams,
) -> Vec<Flag> {
    let is_carrier = |slug: &str| catalog.service(slug).is_some_and(|s| !s.asns.is_empty());
    let countries: BTreeSet<&str> = flags
        .iter()
        .filter(|f| is_carrier(&f.service))
        .filter_map(|f| catalog.service(&f.service))
        .flat_map(|s| s.countries.iter().map(String::as_str))
        .collect();
    let mut now_onsets = HashMap::new();
    let mut out = Vec::new();
    for country in countries {
        for (i, s) in world.iter().enumerate() {
            let serves = catalog
                .service(&s.slug)
                .is_some_and(|c| !c.asns.is_empty() && c.countries.iter().any(|c| c == country));
            let flagged = flags
                .iter()
                .any(|f| f.service == s.slug && (f.region == country || f.region == GLOBAL));
            if !serves || flagged {
                continue;
            }
            let observed: u64 = kept[i]
                .regions
                .iter()
                .rev()
                .take(params.window_minutes as usize)
                .filter_map(|minute| minute.get(country))
                .sum();
            let expected = expected_over(&detectors[i], Some(country), at, params.window_minutes);
            if !params.rises_significantly(observed, expected) {
                continue;
            }
            let key = (s.slug.clone(), country.to_string());
            let onset = onsets.get(&key).copied().unwrap_or(at);
            now_onsets.insert(key, onset);
            out.push(Flag {
                service: s.slug.clone(),
                region: country.to_string(),
                onset,
                observed,
                expected,
                mostly_from: None,
            });
        }
    }
    *onsets = now_onsets;
    out
}

fn expected_over(
    d: &ServiceDetector,
    region: Option<&str>,
    at: DateTime<Utc>,
    minutes: i64,
) -> f64 {
    (0..minutes)
        .map(|k| d.expected_rate(at - Duration::minutes(k), region))
        .sum()
}

/// The ASN mixes of the services of countries with enough flags, as the
/// task reads them: the window now, the day before as usual.
fn asn_mixes(
    flags: &[Flag],
    world: &[SimService],
    kept: &[Kept],
    window: i64,
    min_cluster: usize,
) -> HashMap<(String, String), AsnMix> {
    let mut by_country: HashMap<&str, HashSet<&str>> = HashMap::new();
    for f in flags {
        if let Some(c) = f.country() {
            by_country.entry(c).or_default().insert(&f.service);
        }
    }
    let mut out = HashMap::new();
    for (country, services) in by_country {
        if services.len() < min_cluster {
            continue;
        }
        for slug in services {
            let Some(i) = world.iter().position(|s| s.slug == slug) else {
                continue;
            };
            let minutes = &kept[i].asns;
            let split = minutes.len().saturating_sub(window as usize);
            let mut mix = AsnMix {
                usual_minutes: split.max(1) as i64,
                ..AsnMix::default()
            };
            for (k, minute) in minutes.iter().enumerate() {
                let into = if k < split {
                    &mut mix.usual
                } else {
                    &mut mix.now
                };
                for ((c, asn), n) in minute {
                    if *c == country {
                        *into.entry(*asn).or_default() += n;
                    }
                }
            }
            out.insert((slug.to_string(), country.to_string()), mix);
        }
    }
    out
}
