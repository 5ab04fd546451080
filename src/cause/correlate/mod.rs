//! The correlator, a pure function of the detector's flags at `now`, the
//! ASN mixes of the flagged services and the catalog: clusters of flags and
//! their labels. Recomputed every tick, so a label clears as soon as its
//! evidence no longer holds. Method and defaults: docs/shared-cause.md.

use super::model::{AsnMix, Cause, Flag, Member};
use crate::catalog::Catalog;
use crate::detect::GLOBAL;
use chrono::{DateTime, Duration, Utc};
use statrs::distribution::{ContinuousCDF, DiscreteCDF, Normal, Poisson};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

mod isp;
mod sympathy;
mod upstream;

pub use sympathy::failing_carrier;

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
    /// flagged there themselves but rise significantly since the failing
    /// carrier's flag ([`failing_carrier`], [`CauseParams::rising_minutes`],
    /// [`CauseParams::rises_significantly`]): their reports in the country
    /// over the window, what the baseline expected (their rise, compared
    /// with the failing carrier's over the same minutes), and when they
    /// were first seen rising.
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

    /// How many minutes, up to `now`, an unflagged carrier's reports are
    /// read over to judge whether it rises with the failing carrier
    /// flagged at `onset`: from the minute before that flag (the detector
    /// flags a rise in its first minute or the next) on, at most the
    /// window. A carrier rising 2.5x from 1-3 reports a minute stays
    /// within chance for many minutes when the unraised minutes of a whole
    /// window are counted with its raised ones.
    pub fn rising_minutes(&self, onset: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
        ((now - onset).num_minutes() + 2).clamp(1, self.window_minutes.max(1))
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
mod tests;
