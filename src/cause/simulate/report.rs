//! What `simulate --causes` prints: label precision and recall per kind
//! and the time to label.

use super::world::SERVICES;
use super::{CauseSimOptions, LEARN_MINUTES, SCORED_MINUTES};
use crate::cause::model::CauseKind;
use std::collections::HashMap;

/// Results over all runs.
#[derive(Default)]
pub struct CauseSimReport {
    /// Per kind: labels issued in scored time, and of those right.
    pub(super) issued: HashMap<CauseKind, usize>,
    pub(super) right: HashMap<CauseKind, usize>,
    /// Per kind: runs that should get the label, and those that did.
    pub(super) due: HashMap<CauseKind, usize>,
    pub(super) found: HashMap<CauseKind, usize>,
    /// Per kind: minutes from the cause's start, and from the cluster's
    /// first flag, to the label.
    pub(super) from_start: HashMap<CauseKind, Vec<f64>>,
    pub(super) from_first: HashMap<CauseKind, Vec<f64>>,
    /// Sympathy runs where no other carrier was flagged (nothing to label).
    pub(super) sympathy_unflagged: usize,
    /// Labels in unrelated-outage runs.
    pub(super) unrelated_labels: usize,
    pub(super) runs: usize,
    pub(super) options: Option<CauseSimOptions>,
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
