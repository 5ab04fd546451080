//! The ISP label: a country's cluster of flags whose extra reports come
//! mostly from one operator's networks.

use super::{Correlator, Inputs, round3, tail, with_global, z_of};
use crate::cause::model::{Cause, CauseKind, Flag};
use std::collections::{BTreeSet, HashMap, HashSet};

impl Correlator<'_> {
    pub(super) fn isp(
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
}
