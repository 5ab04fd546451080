//! The upstream label: dependants of a catalog upstream flagged together
//! while the upstream is flagged by its reports or its official page.

use super::{Correlator, Inputs, chains, member, round3, span, tail};
use crate::cause::model::{Cause, CauseKind, Flag};
use crate::detect::GLOBAL;
use std::collections::{BTreeSet, HashSet};

impl Correlator<'_> {
    pub(super) fn upstream(
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
}
