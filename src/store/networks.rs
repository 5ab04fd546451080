//! Reports per network prefix, kept bounded: a Misra–Gries heavy-hitter
//! summary per minute and per hour bucket, in a key of its own (see
//! [`super::keys::networks_key`]), so a flood from a million networks costs
//! a few dozen counters, not a field per network in the bucket hashes.
//!
//! A summary holds the exact number of reports that carried a network and,
//! for at most [`NETWORKS_MAX`] networks, a count that is never more than
//! the true one and at most `(reports - sum of counters) / (K + 1)` less,
//! with K = [`NETWORKS_KEPT`] (Misra–Gries; the bound survives merging
//! summaries, Agarwal et al., "Mergeable summaries", 2012). Any network with
//! more than 1/(K + 1) of the reports is always in it. When a summary grows
//! past [`NETWORKS_MAX`] it is pruned: the (K + 1)-th largest count is taken
//! from every counter and those left at zero go.
//!
//! Hand-written rather than taken from a crate: the Redis side is a Lua
//! script (the batched report write), and this Rust twin must prune by the
//! very same rule for the memory store and for reading.

use std::collections::HashMap;

/// Networks a pruned summary keeps at most. A network with more than
/// 1/33 (3%) of the reports is always among them, and the busiest share is
/// underestimated by at most 3 points.
pub const NETWORKS_KEPT: usize = 32;

/// Networks a summary holds before it is pruned back to [`NETWORKS_KEPT`]:
/// pruning only every so often keeps the write cheap, and 64 counters still
/// fit Redis's compact hash encoding (128 entries by default).
pub const NETWORKS_MAX: usize = 2 * NETWORKS_KEPT;

/// Reports per network of one bucket, or of several merged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NetworkSummary {
    reports: u64,
    counters: HashMap<String, u64>,
}

impl NetworkSummary {
    /// A summary from its stored parts: the reports that carried a network
    /// and the counters (network hash -> reports).
    pub fn from_parts(reports: u64, counters: HashMap<String, u64>) -> Self {
        Self { reports, counters }
    }

    /// Counts `n` reports from `network`, pruning past [`NETWORKS_MAX`].
    pub fn add(&mut self, network: &str, n: u64) {
        self.reports += n;
        match self.counters.get_mut(network) {
            Some(c) => *c += n,
            None => {
                self.counters.insert(network.to_string(), n);
            }
        }
        if self.counters.len() > NETWORKS_MAX {
            self.prune();
        }
    }

    /// Adds `other` in, without pruning: the sum of summaries keeps the
    /// error bound of each (the bound of a sum is the sum of the bounds).
    pub fn merge(&mut self, other: &NetworkSummary) {
        self.reports += other.reports;
        for (network, &n) in &other.counters {
            *self.counters.entry(network.clone()).or_default() += n;
        }
    }

    /// Takes the (K + 1)-th largest count from every counter and drops
    /// those left at zero, so at most [`NETWORKS_KEPT`] remain.
    fn prune(&mut self) {
        let mut values: Vec<u64> = self.counters.values().copied().collect();
        values.sort_unstable_by(|a, b| b.cmp(a));
        let Some(&cut) = values.get(NETWORKS_KEPT) else {
            return;
        };
        self.counters.retain(|_, c| {
            *c = c.saturating_sub(cut);
            *c > 0
        });
    }

    /// Reports that carried a network (exact).
    pub fn reports(&self) -> u64 {
        self.reports
    }

    /// Every counter (network name -> lower bound of its reports).
    pub fn counters(&self) -> impl Iterator<Item = (&str, u64)> {
        self.counters.iter().map(|(k, &v)| (k.as_str(), v))
    }

    /// How many networks have a counter.
    pub fn len(&self) -> usize {
        self.counters.len()
    }

    pub fn is_empty(&self) -> bool {
        self.counters.is_empty()
    }

    /// The counter of `network` (a lower bound of its reports).
    pub fn count(&self, network: &str) -> u64 {
        self.counters.get(network).copied().unwrap_or(0)
    }

    /// The network with the largest counter (ties: the smallest name).
    pub fn busiest(&self) -> Option<(&str, u64)> {
        self.counters
            .iter()
            .map(|(k, &v)| (k.as_str(), v))
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
    }

    /// How much any counter may fall short of its network's true count.
    pub fn max_undercount(&self) -> u64 {
        let counted: u64 = self.counters.values().sum();
        self.reports.saturating_sub(counted) / (NETWORKS_KEPT as u64 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_networks_are_counted_exactly() {
        let mut s = NetworkSummary::default();
        for (net, n) in [("a", 9), ("b", 2), ("c", 1)] {
            s.add(net, n);
        }
        assert_eq!(s.reports(), 12);
        assert_eq!(s.busiest(), Some(("a", 9)));
        assert_eq!(s.max_undercount(), 0);
    }

    #[test]
    fn a_flood_of_networks_keeps_the_heavy_one_within_the_bound() {
        let mut s = NetworkSummary::default();
        // 10,000 networks with one report each, and one with 10,000,
        // interleaved.
        for i in 0..10_000 {
            s.add(&format!("net{i}"), 1);
            s.add("heavy", 1);
        }
        assert_eq!(s.reports(), 20_000);
        assert!(s.len() <= NETWORKS_MAX, "{} counters", s.len());
        let (name, count) = s.busiest().expect("busiest");
        assert_eq!(name, "heavy");
        assert!(count <= 10_000);
        assert!(count + s.max_undercount() >= 10_000, "{count}");
        assert!(s.max_undercount() <= 20_000 / 33);
    }

    #[test]
    fn merged_summaries_add_up() {
        let mut a = NetworkSummary::default();
        a.add("x", 3);
        let mut b = NetworkSummary::default();
        b.add("x", 2);
        b.add("y", 4);
        a.merge(&b);
        assert_eq!(a.reports(), 9);
        assert_eq!(a.count("x"), 5);
        assert_eq!(a.busiest(), Some(("x", 5)));
    }
}
