//! The sympathy label: one carrier of a country fails, and the others
//! rise far less for their size (flagged, or rising beyond chance before
//! the detector flags them).

use super::{Correlator, Inputs, round3, with_global};
use crate::catalog::Catalog;
use crate::cause::model::{Cause, CauseKind, Flag};
use crate::detect::GLOBAL;
use std::collections::{BTreeSet, HashSet};

/// The carriers serving `country` that are flagged there, or globally (a
/// carrier of one country: its global series is that country's) when the
/// country's own series is not flagged.
fn flagged_carriers<'f>(catalog: &Catalog, country: &str, flags: &'f [Flag]) -> Vec<&'f Flag> {
    let serves = |f: &Flag| serves(catalog, &f.service, country);
    let mut carriers: Vec<&Flag> = flags
        .iter()
        .filter(|f| f.region == country && serves(f))
        .collect();
    for g in flags.iter().filter(|g| g.region == GLOBAL && serves(g)) {
        if !carriers.iter().any(|f| f.service == g.service) {
            carriers.push(g);
        }
    }
    carriers
}

fn serves(catalog: &Catalog, service: &str, country: &str) -> bool {
    catalog
        .service(service)
        .is_some_and(|s| !s.asns.is_empty() && s.countries.iter().any(|c| c == country))
}

/// The failing carrier of `country`: of its flagged carriers, the one that
/// rose most. The others are read against it for sympathy.
pub fn failing_carrier<'f>(
    catalog: &Catalog,
    country: &str,
    flags: &'f [Flag],
) -> Option<&'f Flag> {
    flagged_carriers(catalog, country, flags)
        .into_iter()
        .max_by(|a, b| a.rise().total_cmp(&b.rise()))
}

impl Correlator<'_> {
    pub(super) fn sympathy(&self, country: &str, inputs: &Inputs) -> Option<Cause> {
        let mut carriers = flagged_carriers(self.catalog, country, inputs.flags);
        let primary: &Flag = failing_carrier(self.catalog, country, inputs.flags)?;
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
        // `rising` holds the carriers judged to rise significantly since
        // the failing carrier's flag (its builder reads their minutes).
        for r in inputs.rising.iter().filter(|r| {
            !crowded && r.region == country && serves(self.catalog, &r.service, country)
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
}
