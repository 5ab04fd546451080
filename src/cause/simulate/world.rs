//! The simulated world: its countries and operators, its services and
//! their traffic, and the scenarios injected into it.

use super::LEARN_MINUTES;
use crate::catalog::Catalog;
use crate::cause::model::CauseKind;
use crate::traffic;
use rand::Rng;
use rand::rngs::StdRng;
use std::collections::HashMap;
use std::f64::consts::PI;

/// An operator: (catalog slug, name, ASN, market share in its country).
pub(super) type Operator = (&'static str, &'static str, u32, f64);

/// Countries and their operators.
pub(super) const OPERATORS: [(&str, &[Operator]); 4] = [
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

pub(super) const SERVICES: usize = 40;

pub(super) const DEPENDANTS: usize = 8;

pub(super) fn catalog_text() -> String {
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

/// One minute's reports of a service: per country, and per (country, ASN).
pub(super) type MinuteReports = (
    HashMap<&'static str, u64>,
    HashMap<(&'static str, u32), u64>,
);

/// One simulated service: its rate, where its reports come from, and the
/// multipliers of the scenario.
pub(super) struct SimService {
    pub(super) slug: String,
    pub(super) base: f64,
    pub(super) daily_phase: f64,
    pub(super) shape: f64,
    /// Country -> share of the service's reports.
    pub(super) countries: Vec<(&'static str, f64)>,
    /// For a carrier: its own ASN (most of its reports come from it).
    pub(super) own_asn: Option<u32>,
    /// (country or None = everywhere, ASN or None = every network,
    /// multiplier) from `start` on, ramping over 3 minutes.
    pub(super) surges: Vec<(Option<&'static str>, Option<u32>, f64)>,
}

impl SimService {
    fn rate(&self, minute: i64) -> f64 {
        let day = (minute % 1440) as f64 / 1440.0;
        self.base * (1.0 + 0.4 * (2.0 * PI * (day - self.daily_phase)).sin())
    }

    /// One minute's reports (minute `m` of the run, the scenario starting
    /// at minute `start`): per country and per (country, ASN). The one
    /// place traffic is generated.
    pub(super) fn reports(&self, m: i64, start: i64, rng: &mut StdRng) -> MinuteReports {
        // Surges ramp up over 3 minutes from the start.
        let ramp = if self.surges.is_empty() || m < start {
            0.0
        } else {
            ((m - start + 1) as f64 / 3.0).min(1.0)
        };
        let noise = traffic::Burst::with_shape(self.shape).sample(rng);
        let rate = self.rate(m) * noise;
        let mut by_country = HashMap::new();
        let mut by_asn = HashMap::new();
        for (country, share) in &self.countries {
            for (_, _, asn, op_share) in operators_of(country) {
                // A carrier's reports come mostly from its own network.
                let mix = match self.own_asn {
                    Some(own) if own == *asn => 0.8,
                    Some(_) => 0.2 / (operators_of(country).len() - 1).max(1) as f64,
                    None => *op_share,
                };
                let mu = rate * share * mix * self.factor(country, *asn, ramp);
                let n = traffic::poisson(mu.max(1e-9), rng);
                if n > 0 {
                    *by_country.entry(*country).or_insert(0) += n;
                    *by_asn.entry((*country, *asn)).or_insert(0) += n;
                }
            }
        }
        (by_country, by_asn)
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
pub(super) struct Truth {
    pub(super) kind: Option<CauseKind>,
    /// The expected cause id (`isp:DE:telekom`, `upstream:cdn`, …).
    pub(super) id: Option<String>,
    pub(super) start: i64,
}

pub(super) fn make_world(catalog: &Catalog, rng: &mut StdRng) -> Vec<SimService> {
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

/// The surged services with their base rate and multipliers, for the
/// per-run timelines (`DW_SIM_DEBUG`).
pub(super) fn surged(world: &[SimService]) -> String {
    let parts: Vec<String> = world
        .iter()
        .filter(|s| !s.surges.is_empty())
        .map(|s| {
            let m: Vec<String> = s.surges.iter().map(|x| format!("{:.1}", x.2)).collect();
            format!("{} {:.1} {}", s.slug, s.base, m.join("*"))
        })
        .collect();
    parts.join(", ")
}

pub(super) fn operators_of(country: &str) -> &'static [Operator] {
    OPERATORS
        .iter()
        .find(|(c, _)| *c == country)
        .map_or(&[][..], |(_, o)| o)
}

/// Injects `scenario` into `world`; the truth to score against.
pub(super) fn inject(scenario: &str, world: &mut [SimService], rng: &mut StdRng) -> Truth {
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
