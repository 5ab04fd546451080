//! The correlator, a pure function of the detector's flags at `now`, the
//! ASN mixes of the flagged services and the catalog: clusters of flags and
//! their labels. Recomputed every tick, so a label clears as soon as its
//! evidence no longer holds. Method and defaults: docs/shared-cause.md.

use super::model::{AsnMix, Cause, CauseKind, Flag, Member};
use crate::catalog::Catalog;
use crate::detect::GLOBAL;
use chrono::{DateTime, Duration, Utc};
use statrs::distribution::{ContinuousCDF, DiscreteCDF, Normal, Poisson};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The correlator's few parameters; every default is documented in
/// docs/shared-cause.md.
#[derive(Debug, Clone, PartialEq)]
pub struct CauseParams {
    /// Flags whose onsets follow each other within this many minutes belong
    /// to one cluster; the ASN mix "now" is read over the same window.
    pub window_minutes: i64,
    /// A group is more than chance when flags that many or more would come
    /// together by chance with at most this probability (a Poisson tail on
    /// the usual rate of flags), and an operator's excess share is
    /// significant at the same level (a one-sided binomial test).
    pub chance: f64,
    /// Fewest distinct services in a cluster, whatever the usual rate.
    pub min_cluster: usize,
    /// An ISP cause needs the cluster's extra reports concentrated on one
    /// operator: (its share of the extra reports - its usual share) /
    /// (1 - its usual share) at least this (0: as usual, 1: all of them).
    pub isp_share: f64,
    /// A carrier is labelled sympathy when its rise (observed / expected
    /// - 1) is at most this fraction of the failing carrier's.
    pub sympathy_ratio: f64,
    /// Days of flags the usual rate is learned from.
    pub history_days: i64,
}

impl Default for CauseParams {
    fn default() -> Self {
        Self {
            window_minutes: 15,
            chance: 0.001,
            min_cluster: 3,
            isp_share: 0.5,
            sympathy_ratio: 0.25,
            history_days: 7,
        }
    }
}

/// What one run reads.
pub struct Inputs<'a> {
    pub now: DateTime<Utc>,
    /// Every (service, region) flagged now.
    pub flags: &'a [Flag],
    /// (service, country) -> ASN mix, for the services of country clusters.
    pub asns: &'a HashMap<(String, String), AsnMix>,
    /// Services whose official status page shows trouble (minor, major).
    pub official_trouble: &'a HashSet<String>,
    /// Country (or "global") -> onsets of flags in the history window.
    pub history: &'a HashMap<String, Vec<DateTime<Utc>>>,
    /// When the history began.
    pub since: DateTime<Utc>,
    /// Carriers of a country where some carrier is flagged that are not
    /// flagged there themselves: their reports in the country over the
    /// window, what the baseline expected, and when they were first seen
    /// rising significantly (see [`CauseParams::rises_significantly`]).
    pub rising: &'a [Flag],
    /// AS number -> the organisation the ASN database names, for the
    /// operators of the mixes (an operator without a catalog entry is
    /// named by it rather than `AS<n>`).
    pub names: &'a HashMap<u32, String>,
}

impl CauseParams {
    /// Whether `observed` reports are more than `expected` explains: the
    /// one-sided Poisson tail P(X >= observed) is below `chance`.
    pub fn rises_significantly(&self, observed: u64, expected: f64) -> bool {
        observed as f64 > expected && tail(expected.max(1e-9), observed as usize) < self.chance
    }
}

pub struct Correlator<'a> {
    pub params: &'a CauseParams,
    pub catalog: &'a Catalog,
}

impl Correlator<'_> {
    /// The causes that hold at `inputs.now`. `previous` keeps each
    /// continuing cause's `labelled_at`.
    pub fn run(&self, inputs: &Inputs, previous: &[Cause]) -> Vec<Cause> {
        let mut causes = Vec::new();
        let mut taken: HashSet<(String, String)> = HashSet::new();
        let mut by_country: BTreeMap<&str, Vec<&Flag>> = BTreeMap::new();
        for f in inputs.flags {
            if let Some(c) = f.country() {
                by_country.entry(c).or_default().push(f);
            }
        }
        // Sympathy first: it is the most specific reading of carriers'
        // flags.
        let carrier_countries: BTreeSet<&str> = inputs
            .flags
            .iter()
            .filter_map(|f| self.catalog.service(&f.service))
            .flat_map(|s| s.countries.iter().map(String::as_str))
            .collect();
        for country in carrier_countries {
            if let Some(c) = self.sympathy(country, inputs) {
                take(&mut taken, &c);
                causes.push(c);
            }
        }
        for (country, flags) in &by_country {
            for chain in chains(flags, self.window()) {
                if let Some(c) = self.isp(country, &chain, inputs, &taken) {
                    take(&mut taken, &c);
                    causes.push(c);
                }
            }
        }
        for upstream in self.catalog.services() {
            if let Some(c) = self.upstream(&upstream.slug, inputs, &taken) {
                take(&mut taken, &c);
                causes.push(c);
            }
        }
        for c in &mut causes {
            if let Some(p) = previous.iter().find(|p| p.id == c.id) {
                c.labelled_at = p.labelled_at;
            }
        }
        causes
    }

    fn window(&self) -> Duration {
        Duration::minutes(self.params.window_minutes)
    }

    /// Expected distinct services with a new flag in `region` in one
    /// window: the onsets of the history before `before`, with a prior of
    /// one onset a day (so a new deployment starts cautious but not blind).
    fn usual_rate(&self, region: &str, before: DateTime<Utc>, inputs: &Inputs) -> f64 {
        let from = (inputs.now - Duration::days(self.params.history_days)).max(inputs.since);
        let onsets = inputs.history.get(region).map_or(0, |h| {
            h.iter().filter(|&&t| t >= from && t < before).count()
        });
        let span = (before - from).num_minutes().max(0) as f64;
        (onsets as f64 + 1.0) / (span + 1440.0) * self.params.window_minutes as f64
    }

    /// Fewest distinct services flagged together that chance explains with
    /// at most [`CauseParams::chance`], and never fewer than the minimum.
    fn threshold(&self, lambda: f64) -> usize {
        let mut k = 1;
        while k < 1000 && tail(lambda, k) >= self.params.chance {
            k += 1;
        }
        k.max(self.params.min_cluster)
    }

    fn isp(
        &self,
        country: &str,
        chain: &[&Flag],
        inputs: &Inputs,
        taken: &HashSet<(String, String)>,
    ) -> Option<Cause> {
        let services: BTreeSet<&str> = chain.iter().map(|f| f.service.as_str()).collect();
        let first = chain.iter().map(|f| f.onset).min()?;
        let lambda = self.usual_rate(country, first, inputs);
        if services.len() < self.threshold(lambda) {
            return None;
        }
        // Reports per operator (the catalog's ISP, or the bare ASN).
        let mut now: HashMap<String, f64> = HashMap::new();
        let mut usual: HashMap<String, f64> = HashMap::new();
        let mut seen: HashMap<String, BTreeSet<u32>> = HashMap::new();
        let (mut now_total, mut usual_total, mut usual_window) = (0.0, 0.0, 0.0);
        for s in &services {
            let Some(mix) = inputs.asns.get(&(s.to_string(), country.to_string())) else {
                continue;
            };
            let scale = self.params.window_minutes as f64 / mix.usual_minutes.max(1) as f64;
            for (&asn, &n) in &mix.now {
                let op = self.operator_key(asn);
                *now.entry(op.clone()).or_default() += n as f64;
                seen.entry(op).or_default().insert(asn);
                now_total += n as f64;
            }
            for (&asn, &n) in &mix.usual {
                *usual.entry(self.operator_key(asn)).or_default() += n as f64;
                usual_total += n as f64;
                usual_window += n as f64 * scale;
            }
        }
        if now_total <= 0.0 {
            return None;
        }
        // Extra reports: now, less what a usual window brings, per operator.
        let extra = |op: &str| {
            let u = usual.get(op).copied().unwrap_or(0.0);
            let expected = if usual_total > 0.0 {
                u / usual_total * usual_window
            } else {
                0.0
            };
            (now.get(op).copied().unwrap_or(0.0) - expected).max(0.0)
        };
        let extra_total: f64 = now.keys().map(|op| extra(op)).sum();
        let (op, top) = now
            .keys()
            .map(|op| (op.clone(), extra(op)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?;
        let share_of_extra = top / extra_total.max(1.0);
        // Is the operator's share now more than its usual share explains?
        // One-sided binomial test (normal approximation). The usual share
        // is smoothed by one report spread evenly over the operators seen,
        // so with no history every operator starts at an equal share, and
        // a country served by one operator alone can never point at it.
        let op_now = now.get(&op).copied().unwrap_or(0.0);
        let op_usual = usual.get(&op).copied().unwrap_or(0.0);
        let operators = now.keys().chain(usual.keys()).collect::<HashSet<_>>().len();
        let p0 = (op_usual + 1.0 / operators.max(1) as f64) / (usual_total + 1.0);
        if p0 >= 1.0 - 1e-9 {
            return None;
        }
        // How far the extra reports moved towards the operator: 0 when
        // they come from it in its usual share, 1 when all of them do.
        let concentration = (share_of_extra - p0) / (1.0 - p0);
        if concentration < self.params.isp_share {
            return None;
        }
        let z = (op_now - p0 * now_total) / (now_total * p0 * (1.0 - p0)).sqrt();
        if z < z_of(self.params.chance) {
            return None;
        }
        // The other operators together: within chance of their usual
        // window, or rising too (far less, or the concentration would fail).
        let others_now = now_total - op_now;
        let others_expected = if usual_total > 0.0 {
            (usual_total - op_usual) / usual_total * usual_window
        } else {
            others_now
        };
        let others_as_usual = !self
            .params
            .rises_significantly(others_now.round() as u64, others_expected);
        let operator = self.operator_service(&op);
        let in_chain: Vec<&Flag> = chain
            .iter()
            .copied()
            .filter(|f| operator.is_none_or(|o| o != f.service))
            .filter(|f| !taken.contains(&(f.service.clone(), f.region.clone())))
            .collect();
        // Many services besides the operator's own.
        let others: BTreeSet<&str> = in_chain.iter().map(|f| f.service.as_str()).collect();
        if others.len() < self.threshold(lambda) {
            return None;
        }
        let members = with_global(&in_chain, inputs.flags, self.window(), taken);
        let subject = self.operator_name(&op, inputs);
        let place = crate::countries::region_name(country);
        let confidence =
            round3(concentration.clamp(0.0, 1.0) * (1.0 - tail(lambda, services.len())));
        let rest = if others_as_usual {
            "other networks are fine"
        } else {
            "other networks rose far less"
        };
        Some(Cause {
            id: format!("isp:{country}:{op}"),
            kind: CauseKind::Isp,
            region: country.to_string(),
            summary: format!(
                "Reports come mostly from {subject}'s network in {place}; {rest}. {n} services there are failing at once: the problem is likely the connection, not each service.",
                n = others.len()
            ),
            others_as_usual: Some(others_as_usual),
            subject,
            subject_service: operator.map(str::to_string),
            asns: seen
                .remove(&op)
                .map(|s| s.into_iter().collect())
                .unwrap_or_default(),
            members,
            share_now: Some(round3(op_now / now_total)),
            usual_share: (usual_total > 0.0).then(|| round3(op_usual / usual_total)),
            subject_rise: None,
            member_rise: None,
            first_onset: first,
            labelled_at: inputs.now,
            confidence,
        })
    }

    fn sympathy(&self, country: &str, inputs: &Inputs) -> Option<Cause> {
        // A carrier's flag in the country, or its global one (a carrier
        // of one country: its global series is that country's) when the
        // country's own series is not flagged.
        let serves = |f: &Flag| {
            self.catalog
                .service(&f.service)
                .is_some_and(|s| !s.asns.is_empty() && s.countries.iter().any(|c| c == country))
        };
        let mut carriers: Vec<&Flag> = inputs
            .flags
            .iter()
            .filter(|f| f.region == country && serves(f))
            .collect();
        for g in inputs
            .flags
            .iter()
            .filter(|g| g.region == GLOBAL && serves(g))
        {
            if !carriers.iter().any(|f| f.service == g.service) {
                carriers.push(g);
            }
        }
        let primary: &Flag = carriers
            .iter()
            .copied()
            .max_by(|a, b| a.rise().total_cmp(&b.rise()))?;
        // The country's other carriers rising with it, flagged or not: a
        // faint rise takes the detector long to flag, but a significant
        // one is already evidence of sympathy reports. Not while many
        // services of the country are flagged with it, more than chance
        // explains: then the carriers' rise can be the connection (an ISP
        // cause), and only their own flags are read.
        let window = self.window();
        let crowd: BTreeSet<&str> = inputs
            .flags
            .iter()
            .filter(|f| f.country() == Some(country) && f.onset >= primary.onset - window)
            .map(|f| f.service.as_str())
            .collect();
        let lambda = self.usual_rate(country, primary.onset, inputs);
        let crowded = crowd.len() >= self.threshold(lambda);
        for r in inputs.rising.iter().filter(|r| {
            !crowded
                && r.region == country
                && serves(r)
                && self.params.rises_significantly(r.observed, r.expected)
        }) {
            if !carriers.iter().any(|f| f.service == r.service) {
                carriers.push(r);
            }
        }
        let followers: Vec<&&Flag> = carriers
            .iter()
            .filter(|f| f.service != primary.service)
            // Rising with it: from just before its onset on, while it is
            // flagged (faint rises take the detector longer to see).
            .filter(|f| f.onset >= primary.onset - window)
            .filter(|f| f.rise() <= self.params.sympathy_ratio * primary.rise())
            .collect();
        if followers.is_empty() || primary.rise() <= 0.0 {
            return None;
        }
        let member_rise = followers.iter().map(|f| f.rise()).fold(f64::MIN, f64::max);
        let subject = self.service_name(&primary.service);
        let place = crate::countries::region_name(country);
        Some(Cause {
            id: format!("sympathy:{country}:{}", primary.service),
            kind: CauseKind::Sympathy,
            region: country.to_string(),
            summary: format!(
                "{subject} has a large outage in {place}; other carriers there rose far less for their size: their reports are likely sympathy reports from people who cannot reach {subject}'s customers."
            ),
            subject,
            subject_service: Some(primary.service.clone()),
            asns: Vec::new(),
            members: with_global(
                &followers.iter().map(|f| **f).collect::<Vec<_>>(),
                inputs.flags,
                window,
                &HashSet::new(),
            ),
            share_now: None,
            usual_share: None,
            others_as_usual: None,
            subject_rise: Some(round3(primary.rise())),
            member_rise: Some(round3(member_rise)),
            first_onset: primary.onset.min(followers.iter().map(|f| f.onset).min()?),
            labelled_at: inputs.now,
            confidence: round3((1.0 - member_rise.max(0.0) / primary.rise()).clamp(0.0, 1.0)),
        })
    }

    fn upstream(
        &self,
        upstream: &str,
        inputs: &Inputs,
        taken: &HashSet<(String, String)>,
    ) -> Option<Cause> {
        let dependants: HashSet<&str> = self
            .catalog
            .dependants(upstream)
            .iter()
            .map(|s| s.slug.as_str())
            .collect();
        if dependants.is_empty() {
            return None;
        }
        let flagged: Vec<&Flag> = inputs
            .flags
            .iter()
            .filter(|f| dependants.contains(f.service.as_str()))
            .filter(|f| !taken.contains(&(f.service.clone(), f.region.clone())))
            .collect();
        let window = self.window();
        let own: Vec<&Flag> = inputs
            .flags
            .iter()
            .filter(|f| f.service == upstream)
            .collect();
        let official = inputs.official_trouble.contains(upstream);
        let chain = chains(&flagged, window).into_iter().find(|chain| {
            let services: BTreeSet<&str> = chain.iter().map(|f| f.service.as_str()).collect();
            let (start, end) = span(chain);
            let crowd = own
                .iter()
                .any(|f| f.onset >= start - window && f.onset <= end + window);
            services.len() + 1 >= self.params.min_cluster && (crowd || official)
        })?;
        let services: BTreeSet<&str> = chain.iter().map(|f| f.service.as_str()).collect();
        let countries: BTreeSet<&str> = chain
            .iter()
            .map(|f| f.country().unwrap_or(GLOBAL))
            .collect();
        let region = match countries.iter().next() {
            Some(c) if countries.len() == 1 => c.to_string(),
            _ => GLOBAL.to_string(),
        };
        let (first, _) = span(&chain);
        // How surprising that many of its dependants at once would be by
        // chance, at the usual rate of flags scaled to the dependants.
        let share = dependants.len() as f64 / self.catalog.services().len().max(1) as f64;
        let lambda = self.usual_rate(&region, first, inputs) * share;
        let subject = self.service_name(upstream);
        let how = match (official, own.is_empty()) {
            (true, true) => "its official status page shows trouble",
            (true, false) => "its own reports and its official status page show trouble",
            _ => "its own reports show trouble",
        };
        Some(Cause {
            id: format!("upstream:{upstream}"),
            kind: CauseKind::Upstream,
            region,
            summary: format!(
                "{} services that run on {subject} are failing at once, and {how}: {subject} is the likely cause.",
                services.len()
            ),
            subject,
            subject_service: Some(upstream.to_string()),
            asns: Vec::new(),
            members: chain.iter().map(|f| member(f)).collect(),
            share_now: None,
            usual_share: None,
            others_as_usual: None,
            subject_rise: None,
            member_rise: None,
            first_onset: first,
            labelled_at: inputs.now,
            confidence: round3(1.0 - tail(lambda, services.len())),
        })
    }

    /// The catalog ISP running `asn` (its slug), or `AS<n>`.
    fn operator_key(&self, asn: u32) -> String {
        self.catalog
            .operator_of(asn)
            .map_or_else(|| format!("AS{asn}"), |s| s.slug.clone())
    }

    fn operator_service(&self, key: &str) -> Option<&str> {
        self.catalog.service(key).map(|s| s.slug.as_str())
    }

    /// The catalog ISP's name, or the organisation the ASN database names
    /// for a bare `AS<n>`, or the key itself.
    fn operator_name(&self, key: &str, inputs: &Inputs) -> String {
        if let Some(s) = self.catalog.service(key) {
            return s.name.clone();
        }
        key.strip_prefix("AS")
            .and_then(|n| n.parse::<u32>().ok())
            .and_then(|n| inputs.names.get(&n))
            .map_or_else(|| key.to_string(), |name| name.clone())
    }

    fn service_name(&self, slug: &str) -> String {
        self.catalog
            .service(slug)
            .map_or_else(|| slug.to_string(), |s| s.name.clone())
    }
}

fn member(f: &Flag) -> Member {
    Member {
        service: f.service.clone(),
        region: f.region.clone(),
    }
}

/// The members for `flags`, with the whole-world flags of the same
/// services that began within `window` of theirs: a surge in one country
/// can raise a service's global series too, and it has the same cause.
fn with_global(
    flags: &[&Flag],
    all: &[Flag],
    window: Duration,
    taken: &HashSet<(String, String)>,
) -> Vec<Member> {
    let mut out: Vec<Member> = flags.iter().map(|f| member(f)).collect();
    for g in all.iter().filter(|g| g.region == GLOBAL) {
        let near = flags
            .iter()
            .any(|f| f.service == g.service && (f.onset - g.onset).abs() <= window);
        let m = member(g);
        if near && !taken.contains(&(g.service.clone(), g.region.clone())) && !out.contains(&m) {
            out.push(m);
        }
    }
    out
}

fn take(taken: &mut HashSet<(String, String)>, c: &Cause) {
    for m in &c.members {
        taken.insert((m.service.clone(), m.region.clone()));
    }
}

/// Flags split where consecutive onsets are more than `window` apart.
fn chains<'a>(flags: &[&'a Flag], window: Duration) -> Vec<Vec<&'a Flag>> {
    let mut sorted: Vec<&Flag> = flags.to_vec();
    sorted.sort_by(|a, b| {
        a.onset
            .cmp(&b.onset)
            .then_with(|| a.service.cmp(&b.service))
    });
    let mut out: Vec<Vec<&Flag>> = Vec::new();
    for f in sorted {
        match out.last_mut() {
            Some(chain) if chain.last().is_some_and(|l| f.onset - l.onset <= window) => {
                chain.push(f)
            }
            _ => out.push(vec![f]),
        }
    }
    out
}

fn span(chain: &[&Flag]) -> (DateTime<Utc>, DateTime<Utc>) {
    let first = chain.iter().map(|f| f.onset).min().unwrap_or_default();
    let last = chain.iter().map(|f| f.onset).max().unwrap_or_default();
    (first, last)
}

/// P(X >= k) for X ~ Poisson(lambda).
fn tail(lambda: f64, k: usize) -> f64 {
    if k == 0 {
        return 1.0;
    }
    Poisson::new(lambda.max(1e-9)).map_or(0.0, |p| p.sf(k as u64 - 1))
}

/// The standard normal quantile a one-sided test at level `alpha` needs.
fn z_of(alpha: f64) -> f64 {
    Normal::standard().inverse_cdf(1.0 - alpha.clamp(1e-12, 0.5))
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    const CATALOG: &str = "[symptoms]\napp = \"App\"\n\n[[category]]\nslug = \"x\"\nname = \"X\"\n";

    /// One service block: its extra lines (asns, countries, depends_on).
    fn service(slug: &str, name: &str, extra: &str) -> String {
        format!(
            "\n[[service]]\nslug = \"{slug}\"\nname = \"{name}\"\ncategory = \"x\"\n{extra}symptoms = [\"app\"]\n"
        )
    }

    fn catalog() -> Catalog {
        let mut text = CATALOG.to_string();
        text.push_str(&service("cloud", "Cloud", ""));
        for (slug, name, asn) in [
            ("telekom", "Telekom", 3320),
            ("vodafone", "Vodafone", 3209),
            ("o2", "O2", 6805),
        ] {
            let extra = format!("asns = [{asn}]\ncountries = [\"DE\"]\n");
            text.push_str(&service(slug, name, &extra));
        }
        for i in 0..12 {
            let dep = if i < 4 {
                "depends_on = [\"cloud\"]\n"
            } else {
                ""
            };
            text.push_str(&service(&format!("s{i}"), &format!("S{i}"), dep));
        }
        Catalog::parse(&text, "test").expect("catalog")
    }

    fn t(minute: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0)
            .single()
            .expect("time")
            + Duration::minutes(minute)
    }

    fn flag(service: &str, region: &str, onset: i64, observed: u64, expected: f64) -> Flag {
        Flag {
            service: service.into(),
            region: region.into(),
            onset: t(onset),
            observed,
            expected,
            mostly_from: None,
        }
    }

    fn mix(now: &[(u32, u64)], usual: &[(u32, u64)]) -> AsnMix {
        AsnMix {
            now: now.iter().copied().collect(),
            usual: usual.iter().copied().collect(),
            usual_minutes: 24 * 60,
        }
    }

    fn run(
        flags: &[Flag],
        asns: &HashMap<(String, String), AsnMix>,
        official: &[&str],
    ) -> Vec<Cause> {
        run_with_rising(flags, &[], asns, official)
    }

    fn run_with_rising(
        flags: &[Flag],
        rising: &[Flag],
        asns: &HashMap<(String, String), AsnMix>,
        official: &[&str],
    ) -> Vec<Cause> {
        let catalog = catalog();
        let params = CauseParams::default();
        let official: HashSet<String> = official.iter().map(|s| s.to_string()).collect();
        let history = HashMap::new();
        let names = HashMap::from([(64500, "Example Networks GmbH".to_string())]);
        let inputs = Inputs {
            now: t(10),
            flags,
            asns,
            official_trouble: &official,
            history: &history,
            since: t(-7 * 1440),
            rising,
            names: &names,
        };
        Correlator {
            params: &params,
            catalog: &catalog,
        }
        .run(&inputs, &[])
    }

    #[test]
    fn services_failing_together_on_one_network_are_an_isp_cause() {
        let flags: Vec<Flag> = (4..9)
            .map(|i| flag(&format!("s{i}"), "DE", i, 100, 10.0))
            .collect();
        let mut asns = HashMap::new();
        for i in 4..9 {
            asns.insert(
                (format!("s{i}"), "DE".to_string()),
                mix(
                    &[(3320, 90), (3209, 5)],
                    &[(3320, 400), (3209, 350), (6805, 250)],
                ),
            );
        }
        let causes = run(&flags, &asns, &[]);
        assert_eq!(causes.len(), 1, "{causes:?}");
        let c = &causes[0];
        assert_eq!(c.kind, CauseKind::Isp);
        assert_eq!(c.id, "isp:DE:telekom");
        assert_eq!(c.subject, "Telekom");
        assert_eq!(c.members.len(), 5);
        assert_eq!(c.usual_share, Some(0.4));
        assert!(c.share_now > Some(0.9), "{c:?}");
        assert!(c.summary.contains("Germany"), "{}", c.summary);

        // The same outage spread as usual over the networks: no ISP.
        for m in asns.values_mut() {
            *m = mix(
                &[(3320, 40), (3209, 35), (6805, 25)],
                &[(3320, 400), (3209, 350), (6805, 250)],
            );
        }
        assert!(run(&flags, &asns, &[]).is_empty());
    }

    #[test]
    fn two_services_or_apart_in_time_are_no_cluster() {
        let mut asns = HashMap::new();
        for i in 4..9 {
            asns.insert((format!("s{i}"), "DE".to_string()), mix(&[(3320, 90)], &[]));
        }
        let two: Vec<Flag> = (4..6)
            .map(|i| flag(&format!("s{i}"), "DE", 0, 100, 10.0))
            .collect();
        assert!(run(&two, &asns, &[]).is_empty());
        let apart: Vec<Flag> = (4..9)
            .map(|i| flag(&format!("s{i}"), "DE", (i - 4) * 40 - 200, 100, 10.0))
            .collect();
        assert!(run(&apart, &asns, &[]).is_empty());
        let countries: Vec<Flag> = ["DE", "FR", "GB", "US", "JP"]
            .iter()
            .enumerate()
            .map(|(i, c)| flag(&format!("s{}", i + 4), c, 0, 100, 10.0))
            .collect();
        assert!(run(&countries, &asns, &[]).is_empty());
    }

    #[test]
    fn dependants_with_their_upstream_flagged_are_an_upstream_cause() {
        let mut flags: Vec<Flag> = (0..3)
            .map(|i| {
                flag(
                    &format!("s{i}"),
                    ["US", "GB", "global"][i],
                    i as i64,
                    100,
                    10.0,
                )
            })
            .collect();
        assert!(
            run(&flags, &HashMap::new(), &[]).is_empty(),
            "upstream not flagged"
        );
        let official = run(&flags, &HashMap::new(), &["cloud"]);
        assert_eq!(official.len(), 1);
        assert_eq!(official[0].kind, CauseKind::Upstream);
        assert_eq!(official[0].region, "global");
        flags.push(flag("cloud", "global", 2, 500, 10.0));
        let crowd = run(&flags, &HashMap::new(), &[]);
        assert_eq!(crowd[0].id, "upstream:cloud");
        assert_eq!(crowd[0].members.len(), 3);
        assert!(crowd[0].summary.contains("3 services that run on Cloud"));
    }

    #[test]
    fn carriers_rising_far_less_than_the_failing_one_are_sympathy() {
        let flags = vec![
            flag("telekom", "DE", 0, 2000, 20.0),
            flag("vodafone", "DE", 3, 60, 15.0),
            flag("o2", "DE", 4, 40, 10.0),
        ];
        let causes = run(&flags, &HashMap::new(), &[]);
        assert_eq!(causes.len(), 1, "{causes:?}");
        let c = &causes[0];
        assert_eq!(c.kind, CauseKind::Sympathy);
        assert_eq!(c.subject_service.as_deref(), Some("telekom"));
        let labelled: Vec<&str> = c.members.iter().map(|m| m.service.as_str()).collect();
        assert_eq!(labelled, ["vodafone", "o2"]);
        // Two carriers failing alike: neither is sympathy.
        let alike = vec![
            flag("telekom", "DE", 0, 2000, 20.0),
            flag("vodafone", "DE", 3, 1200, 15.0),
        ];
        assert!(run(&alike, &HashMap::new(), &[]).is_empty());
    }

    #[test]
    fn an_unflagged_carrier_rising_significantly_is_sympathy() {
        let flags = vec![flag("telekom", "DE", 0, 2000, 20.0)];
        // Vodafone: 45 reports where 15 were expected (P < 1e-9), not
        // flagged yet; O2 not rising.
        let rising = vec![
            flag("vodafone", "DE", 2, 45, 15.0),
            flag("o2", "DE", 2, 11, 10.0),
        ];
        let causes = run_with_rising(&flags, &rising, &HashMap::new(), &[]);
        assert_eq!(causes.len(), 1, "{causes:?}");
        let c = &causes[0];
        assert_eq!(c.id, "sympathy:DE:telekom");
        assert_eq!(
            c.members,
            [Member {
                service: "vodafone".into(),
                region: "DE".into()
            }]
        );
        assert_eq!(c.member_rise, Some(2.0));
        assert_eq!(c.first_onset, t(0));
    }

    #[test]
    fn an_unflagged_carrier_rising_within_chance_is_no_sympathy() {
        let flags = vec![flag("telekom", "DE", 0, 2000, 20.0)];
        // 22 where 15 were expected: P(X >= 22) is about 0.05, chance.
        let rising = vec![flag("vodafone", "DE", 2, 22, 15.0)];
        assert!(run_with_rising(&flags, &rising, &HashMap::new(), &[]).is_empty());
        // A significant rise in another country is not this one's.
        let elsewhere = vec![flag("vodafone", "FR", 2, 45, 15.0)];
        assert!(run_with_rising(&flags, &elsewhere, &HashMap::new(), &[]).is_empty());
        // Nor is one that began long before the failing carrier's flag.
        let before = vec![flag("vodafone", "DE", -40, 45, 15.0)];
        assert!(run_with_rising(&flags, &before, &HashMap::new(), &[]).is_empty());
        // Nor one while many services of the country fail with it: that
        // can be the connection, and only flagged carriers are read.
        let rising = vec![flag("vodafone", "DE", 2, 45, 15.0)];
        let mut crowd = flags.clone();
        crowd.extend((4..7).map(|i| flag(&format!("s{i}"), "DE", 1, 100, 10.0)));
        assert!(run_with_rising(&crowd, &rising, &HashMap::new(), &[]).is_empty());
        assert_eq!(
            run_with_rising(&flags, &rising, &HashMap::new(), &[]).len(),
            1
        );
    }

    #[test]
    fn the_threshold_rises_with_the_usual_rate_of_flags() {
        let catalog = catalog();
        let params = CauseParams::default();
        let c = Correlator {
            params: &params,
            catalog: &catalog,
        };
        assert_eq!(c.threshold(0.01), 3);
        assert!(c.threshold(2.0) >= 8, "{}", c.threshold(2.0));
        assert!(z_of(0.001) > 3.0 && z_of(0.001) < 3.2);
    }
}
