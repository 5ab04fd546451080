//! The demo's simulated crowd: for every catalog service, who reports it
//! (a few countries, each on its own local day), how often (a daily cycle
//! peaking in the afternoon, weekends busier for leisure services and
//! quieter for work tools, negative binomial noise) and about what (the
//! service's symptoms, most common first), from which network (the
//! country's main operators by rough market share, real AS numbers); and
//! the outages injected on top ([`Schedule`]), among them an ISP's: several
//! services failing at once on one carrier's network. Deterministic per
//! seed.
//!
//! Written for the demo rather than taken from `detect::simulate`, whose
//! generator counts series in virtual time for scoring the method: the demo
//! needs whole reports (country, symptom, reporter) written through the
//! store, in step with the wall clock.

use crate::catalog::Catalog;
use crate::geo::Region;
use crate::ingest::Report;
use chrono::{DateTime, Datelike, Duration, Timelike, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Countries reports come from: code, weight in the crowd, UTC offset in
/// hours (standard time; close enough for a demo).
const COUNTRIES: &[(&str, f64, f64)] = &[
    ("US", 30.0, -5.0),
    ("GB", 8.0, 0.0),
    ("DE", 8.0, 1.0),
    ("IN", 8.0, 5.5),
    ("BR", 7.0, -3.0),
    ("FR", 6.0, 1.0),
    ("JP", 5.0, 9.0),
    ("CA", 4.0, -5.0),
    ("ES", 4.0, 1.0),
    ("IT", 4.0, 1.0),
    ("MX", 3.0, -6.0),
    ("AU", 3.0, 10.0),
    ("NL", 3.0, 1.0),
    ("PL", 2.0, 1.0),
    ("SE", 2.0, 1.0),
    ("TR", 2.0, 3.0),
];

/// The networks reports come from in some countries: AS numbers (from the
/// bundled ASN data, geoip/README.md) and rough shares of the reports.
/// Reports from other countries carry no AS number.
const OPERATORS: &[(&str, &[(u32, f64)])] = &[
    // Comcast, AT&T, Verizon, T-Mobile, Spectrum.
    (
        "US",
        &[
            (7922, 0.3),
            (7018, 0.2),
            (701, 0.2),
            (21928, 0.15),
            (20115, 0.15),
        ],
    ),
    // BT, Virgin Media, Sky.
    ("GB", &[(2856, 0.4), (5089, 0.3), (5607, 0.3)]),
    // Deutsche Telekom, Vodafone, Telefónica (O2), 1&1 Versatel.
    ("DE", &[(3320, 0.4), (3209, 0.3), (6805, 0.2), (8881, 0.1)]),
    // Orange, Free, SFR, Bouygues.
    (
        "FR",
        &[(3215, 0.4), (12322, 0.25), (15557, 0.2), (5410, 0.15)],
    ),
    // Telefónica, Orange Spain.
    ("ES", &[(3352, 0.6), (12479, 0.4)]),
    // KPN, Vodafone Ziggo.
    ("NL", &[(1136, 0.5), (33915, 0.5)]),
];

/// The ISP outage: this operator's network in this country fails, and
/// reports for this many services come from it.
const ISP_OUTAGE: (&str, u32) = ("DE", 3320);
const ISP_SERVICES: usize = 5;

/// Categories whose services people use at work: quieter at weekends.
const WORK_CATEGORIES: &[&str] = &["cloud", "productivity", "payments"];

/// Reports a minute, on average over a week, for the most reported service
/// of each category; the others in the category get less.
const TOP_RATE_PER_MINUTE: f64 = 1.0;

/// Overdispersion of a minute's count: crowd traffic is burstier than
/// Poisson (variance = mu + alpha mu^2).
const ALPHA: f64 = 0.1;

/// One service's crowd.
#[derive(Debug, Clone)]
pub struct Profile {
    pub slug: String,
    /// Reports a minute over a typical week.
    pub rate: f64,
    /// (country, share of the reports, UTC offset in hours), largest first.
    pub countries: Vec<(&'static str, f64, f64)>,
    /// Symptoms with their weights.
    symptoms: Vec<(String, f64)>,
    work: bool,
    /// A network operator (its catalog entry lists AS numbers): never one
    /// of the services failing on another operator's network.
    operator: bool,
}

impl Profile {
    /// Usual reports a minute from `country` (an index into `countries`)
    /// at `at`.
    pub fn usual(&self, country: usize, at: DateTime<Utc>) -> f64 {
        let Some(&(_, share, offset)) = self.countries.get(country) else {
            return 0.0;
        };
        let local = at + Duration::minutes((offset * 60.0) as i64);
        let hour = f64::from(local.hour()) + f64::from(local.minute()) / 60.0;
        // Low at night, highest mid-afternoon; about 1 on average.
        let daily = (0.2 + 0.8 * (-((hour - 15.0) / 5.0).powi(2)).exp()) / 0.5;
        let weekend = local.weekday().number_from_monday() >= 6;
        let weekly = match (weekend, self.work) {
            (true, true) => 0.55,
            (true, false) => 1.15,
            (false, true) => 1.18,
            (false, false) => 0.94,
        };
        self.rate * share * daily * weekly
    }

    fn symptom(&self, rng: &mut StdRng) -> String {
        pick(&self.symptoms, rng).cloned().unwrap_or_default()
    }
}

/// The weighted choice of one item.
fn pick<'a, T>(items: &'a [(T, f64)], rng: &mut StdRng) -> Option<&'a T> {
    let total: f64 = items.iter().map(|(_, w)| w).sum();
    let mut x = rng.random::<f64>() * total;
    for (item, w) in items {
        if x < *w {
            return Some(item);
        }
        x -= w;
    }
    items.last().map(|(item, _)| item)
}

/// Every service's crowd, made from the catalog and a seed.
pub fn profiles(catalog: &Catalog, seed: u64) -> Vec<Profile> {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut rank_in_category = std::collections::HashMap::<&str, usize>::new();
    catalog
        .services()
        .iter()
        .map(|s| {
            let rank = rank_in_category.entry(s.category.as_str()).or_insert(0);
            // The catalog lists each category's best-known services first.
            let rate = TOP_RATE_PER_MINUTE / (1.0 + *rank as f64).powf(1.3);
            *rank += 1;
            let mut countries = vec![COUNTRIES[0]];
            let others = rng.random_range(3..=5);
            while countries.len() <= others {
                let weighted: Vec<((&str, f64, f64), f64)> =
                    COUNTRIES.iter().map(|c| (*c, c.1)).collect();
                if let Some(c) = pick(&weighted, &mut rng)
                    && !countries.iter().any(|x| x.0 == c.0)
                {
                    countries.push(*c);
                }
            }
            let mut countries: Vec<(&'static str, f64, f64)> = countries
                .into_iter()
                .map(|(cc, w, offset)| (cc, w * rng.random_range(0.6..1.6), offset))
                .collect();
            let total: f64 = countries.iter().map(|c| c.1).sum();
            for c in &mut countries {
                c.1 /= total;
            }
            countries.sort_by(|a, b| b.1.total_cmp(&a.1));
            let symptoms = s
                .symptoms
                .iter()
                .enumerate()
                .map(|(i, sym)| (sym.clone(), 1.0 / (1.0 + i as f64)))
                .collect();
            Profile {
                slug: s.slug.clone(),
                rate,
                countries,
                symptoms,
                work: WORK_CATEGORIES.contains(&s.category.as_str()),
                operator: !s.asns.is_empty(),
            }
        })
        .collect()
}

/// What kind of outage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutageKind {
    /// Strong, in one country.
    Country,
    /// Strong, everywhere the service is used.
    Global,
    /// Three times the usual level, everywhere: slow to tell from noise.
    Faint,
    /// From one operator's network in one country ([`ISP_OUTAGE`]): the
    /// connection, not the service.
    Isp,
}

/// One injected outage.
#[derive(Debug, Clone)]
pub struct Outage {
    pub kind: OutageKind,
    /// Index of the service in the profiles.
    pub service: usize,
    /// The country, for [`OutageKind::Country`].
    pub country: Option<usize>,
    pub start: DateTime<Utc>,
    pub minutes: i64,
}

impl Outage {
    /// Extra reports a minute from the failing operator's network, for an
    /// ISP outage in `country`.
    fn isp_extra(&self, profile: &Profile, country: usize, at: DateTime<Utc>) -> f64 {
        let elapsed = (at - self.start).num_seconds() as f64 / 60.0;
        if self.kind != OutageKind::Isp
            || self.country != Some(country)
            || elapsed < 0.0
            || elapsed >= self.minutes as f64
        {
            return 0.0;
        }
        let fade = ((self.minutes as f64 - elapsed) / 3.0).min(1.0);
        (6.0 + 10.0 * profile.rate) * fade
    }

    /// Extra reports a minute from `country` at `at`, on top of `usual`.
    fn extra(&self, profile: &Profile, country: usize, at: DateTime<Utc>, usual: f64) -> f64 {
        let elapsed = (at - self.start).num_seconds() as f64 / 60.0;
        if elapsed < 0.0 || elapsed >= self.minutes as f64 {
            return 0.0;
        }
        // Full from the start (a break is sudden), fading over the last
        // three minutes as it is fixed.
        let fade = ((self.minutes as f64 - elapsed) / 3.0).min(1.0);
        let share = profile.countries.get(country).map_or(0.0, |c| c.1);
        let strength = match self.kind {
            OutageKind::Country if self.country == Some(country) => 25.0 + 15.0 * profile.rate,
            OutageKind::Country => 0.0,
            OutageKind::Global => (40.0 + 20.0 * profile.rate) * share,
            OutageKind::Faint => (2.0 * usual).max(3.0 * share),
            // Counted apart, on the operator's AS ([`Crowd::reports`]).
            OutageKind::Isp => 0.0,
        };
        strength * fade
    }
}

/// Minutes between the starts of two rounds of outages.
const ROUND_MINUTES: i64 = 40;

/// The outages injected while the demo runs: from `start` (the minute the
/// demo started), every round of [`ROUND_MINUTES`] brings a one-country
/// outage at once, an ISP outage 2 minutes later (the busiest services
/// used in its country failing on its network), a global one 8 minutes
/// after the start and a faint one 8 minutes after that, each on another
/// of the busier services; each resolves after 12 to 25 minutes.
#[derive(Debug, Clone)]
pub struct Schedule {
    start: DateTime<Utc>,
    /// Indices of the services outages rotate through, busiest first.
    busiest: Vec<usize>,
    /// The services of the ISP outage, with the index of its country in
    /// their profile.
    isp: Vec<(usize, usize)>,
}

impl Schedule {
    pub fn new(start: DateTime<Utc>, profiles: &[Profile]) -> Self {
        let mut busiest: Vec<usize> = (0..profiles.len()).collect();
        busiest.sort_by(|&a, &b| profiles[b].rate.total_cmp(&profiles[a].rate));
        let isp = busiest
            .iter()
            .filter(|&&i| !profiles[i].operator)
            .filter_map(|&i| {
                let c = profiles[i]
                    .countries
                    .iter()
                    .position(|c| c.0 == ISP_OUTAGE.0)?;
                Some((i, c))
            })
            .take(ISP_SERVICES)
            .collect();
        busiest.truncate(12);
        Self {
            start,
            busiest,
            isp,
        }
    }

    /// The outages of round `round`.
    pub fn round(&self, round: i64) -> Vec<Outage> {
        if self.busiest.is_empty() || round < 0 {
            return Vec::new();
        }
        let n = self.busiest.len() as i64;
        let service = |k: i64| self.busiest[(3 * round + k).rem_euclid(n) as usize];
        let start = self.start + Duration::minutes(round * ROUND_MINUTES);
        let isp = self.isp.iter().map(|&(service, country)| Outage {
            kind: OutageKind::Isp,
            service,
            country: Some(country),
            start: start + Duration::minutes(2),
            minutes: 15,
        });
        let mut outages = vec![
            Outage {
                kind: OutageKind::Country,
                service: service(0),
                // Not the largest country: a regional outage reads best
                // where the service is not mostly used.
                country: Some(1 + (round as usize % 2)),
                start,
                minutes: 12,
            },
            Outage {
                kind: OutageKind::Global,
                service: service(1),
                country: None,
                start: start + Duration::minutes(8),
                minutes: 15,
            },
            Outage {
                kind: OutageKind::Faint,
                service: service(2),
                country: None,
                start: start + Duration::minutes(16),
                minutes: 25,
            },
        ];
        outages.extend(isp);
        outages
    }

    /// The outages that may be under way at `at`.
    pub fn around(&self, at: DateTime<Utc>) -> Vec<Outage> {
        let round = (at - self.start).num_minutes().div_euclid(ROUND_MINUTES);
        let mut outages = self.round(round - 1);
        outages.extend(self.round(round));
        outages
    }
}

/// Draws reports: the usual traffic plus any outage under way.
pub struct Crowd {
    pub profiles: Vec<Profile>,
    pub schedule: Option<Schedule>,
    rng: StdRng,
    /// Each service's burst factor for `burst_minute`.
    bursts: Vec<f64>,
    burst_minute: i64,
}

impl Crowd {
    pub fn new(profiles: Vec<Profile>, schedule: Option<Schedule>, seed: u64) -> Self {
        let bursts = vec![1.0; profiles.len()];
        Self {
            profiles,
            schedule,
            rng: StdRng::seed_from_u64(seed),
            bursts,
            burst_minute: i64::MIN,
        }
    }

    /// A fresh burst factor per service and minute (mean 1): the gamma of
    /// a gamma-Poisson, so minute counts are negative binomial.
    fn burst(&mut self, service: usize, at: DateTime<Utc>) -> f64 {
        let minute = at.timestamp().div_euclid(60);
        if minute != self.burst_minute {
            self.burst_minute = minute;
            let gamma = crate::traffic::Burst::with_alpha(ALPHA);
            if gamma.varies() {
                for b in &mut self.bursts {
                    *b = gamma.sample(&mut self.rng);
                }
            }
        }
        self.bursts.get(service).copied().unwrap_or(1.0)
    }

    /// The reports of every service over `minutes` (a fraction of a minute
    /// for the live feed) ending at `at`, all placed at `at`. `identified`:
    /// each report carries a reporter of its own (counted among distinct
    /// people, and deduplicated); without, reports only add to the counts,
    /// which keeps a week of history light in Redis.
    pub fn reports(&mut self, at: DateTime<Utc>, minutes: f64, identified: bool) -> Vec<Report> {
        let outages = self
            .schedule
            .as_ref()
            .map(|s| s.around(at))
            .unwrap_or_default();
        let mut reports = Vec::new();
        for i in 0..self.profiles.len() {
            let burst = self.burst(i, at);
            for c in 0..self.profiles[i].countries.len() {
                let profile = &self.profiles[i];
                let usual = profile.usual(c, at);
                let extra: f64 = outages
                    .iter()
                    .filter(|o| o.service == i)
                    .map(|o| o.extra(profile, c, at, usual))
                    .sum();
                let isp: f64 = outages
                    .iter()
                    .filter(|o| o.service == i)
                    .map(|o| o.isp_extra(profile, c, at))
                    .sum();
                let mean = (usual * burst + extra) * minutes;
                let n = crate::traffic::poisson(mean, &mut self.rng);
                let n_isp = crate::traffic::poisson(isp * minutes, &mut self.rng);
                let country = profile.countries[c].0;
                let operators = OPERATORS
                    .iter()
                    .find(|(cc, _)| *cc == country)
                    .map_or(&[][..], |(_, ops)| *ops);
                for k in 0..n + n_isp {
                    let asn = if k >= n {
                        Some(ISP_OUTAGE.1)
                    } else {
                        pick(operators, &mut self.rng).copied()
                    };
                    let profile = &self.profiles[i];
                    let symptom = profile.symptom(&mut self.rng);
                    reports.push(Report {
                        service: profile.slug.clone(),
                        symptom,
                        platform: None,
                        region: Region {
                            country: Some(profile.countries[c].0.to_string()),
                            ..Region::default()
                        },
                        reporter: identified.then(|| format!("{:016x}", self.rng.random::<u64>())),
                        previous_reporter: None,
                        network: None,
                        network_budget: 0,
                        asn,
                    });
                }
            }
        }
        reports
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn catalog() -> Catalog {
        Catalog::bundled().expect("bundled catalog")
    }

    #[test]
    fn busy_afternoons_and_quiet_nights() {
        let profiles = profiles(&catalog(), 1);
        let spotify = profiles
            .iter()
            .find(|p| p.slug == "spotify")
            .expect("spotify");
        let us = spotify
            .countries
            .iter()
            .position(|c| c.0 == "US")
            .expect("US");
        // 15:00 and 03:00 in New York (UTC-5), a Wednesday.
        let afternoon = Utc.with_ymd_and_hms(2026, 3, 4, 20, 0, 0).unwrap();
        let night = Utc.with_ymd_and_hms(2026, 3, 4, 8, 0, 0).unwrap();
        assert!(spotify.usual(us, afternoon) > 4.0 * spotify.usual(us, night));
    }

    #[test]
    fn a_week_of_minutes_averages_the_services_rate() {
        let profiles = profiles(&catalog(), 1);
        let p = &profiles[0];
        let start = Utc.with_ymd_and_hms(2026, 3, 2, 0, 0, 0).unwrap();
        let minutes = 7 * 24 * 60;
        let total: f64 = (0..minutes)
            .map(|m| {
                let at = start + Duration::minutes(m);
                (0..p.countries.len()).map(|c| p.usual(c, at)).sum::<f64>()
            })
            .sum();
        let mean = total / minutes as f64;
        assert!((mean / p.rate - 1.0).abs() < 0.15, "{mean} vs {}", p.rate);
    }

    #[test]
    fn each_round_has_a_country_a_global_and_a_faint_outage() {
        let profiles = profiles(&catalog(), 1);
        let start = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
        let schedule = Schedule::new(start, &profiles);
        let kinds: Vec<OutageKind> = schedule.round(0).iter().map(|o| o.kind).collect();
        assert_eq!(
            kinds[..3],
            [OutageKind::Country, OutageKind::Global, OutageKind::Faint]
        );
        assert_eq!(kinds[3..], [OutageKind::Isp; ISP_SERVICES]);
        assert_eq!(schedule.round(0)[0].start, start);
        let mut crowd = Crowd::new(profiles, Some(schedule.clone()), 7);
        let first = &schedule.round(0)[0];
        let slug = crowd.profiles[first.service].slug.clone();
        let during = crowd.reports(start + Duration::minutes(2), 1.0, true);
        let after = crowd.reports(start + Duration::minutes(30), 1.0, true);
        let of = |rs: &[Report]| rs.iter().filter(|r| r.service == slug).count();
        assert!(of(&during) >= 10 * of(&after).max(1), "{}", of(&during));
    }

    #[test]
    fn the_isp_outage_brings_reports_from_one_network_for_several_services() {
        let profiles = profiles(&catalog(), 1);
        let start = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
        let schedule = Schedule::new(start, &profiles);
        let isp: Vec<String> = schedule
            .round(0)
            .iter()
            .filter(|o| o.kind == OutageKind::Isp)
            .map(|o| profiles[o.service].slug.clone())
            .collect();
        assert_eq!(isp.len(), ISP_SERVICES);
        // Services people use over the network, not other operators.
        for slug in &isp {
            assert!(
                profiles.iter().any(|p| &p.slug == slug && !p.operator),
                "{slug} is a network operator"
            );
        }
        let mut crowd = Crowd::new(profiles, Some(schedule), 7);
        let from_telekom = |rs: &[Report]| {
            rs.iter()
                .filter(|r| isp.contains(&r.service) && r.asn == Some(3320))
                .count()
        };
        let during: usize = (3..8)
            .map(|m| from_telekom(&crowd.reports(start + Duration::minutes(m), 1.0, true)))
            .sum();
        let after: usize = (25..30)
            .map(|m| from_telekom(&crowd.reports(start + Duration::minutes(m), 1.0, true)))
            .sum();
        assert!(
            during >= 10 * after.max(1),
            "{during} during, {after} after"
        );
        // Other networks go on as usual: the German reports of those
        // services carry Vodafone, O2 and 1&1 numbers too.
        let quiet = crowd.reports(start + Duration::minutes(200), 60.0, true);
        let asns: std::collections::BTreeSet<u32> = quiet
            .iter()
            .filter(|r| r.region.country.as_deref() == Some("DE"))
            .filter_map(|r| r.asn)
            .collect();
        assert!(asns.len() >= 3, "{asns:?}");
    }
}
