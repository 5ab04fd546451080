//! The sympathy label: one carrier of a country fails, and the others
//! rise far less for their size, read before the detector flags them.

use super::{Correlator, Inputs, SYMPATHY_LEAD_MINUTES, earliest_start, round3, with_global};
use crate::cause::model::{CarrierMinutes, Cause, CauseKind, Flag, MinuteCount};
use crate::detect::GLOBAL;
use chrono::{DateTime, Duration, Utc};
use std::collections::{BTreeSet, HashSet};

impl Correlator<'_> {
    pub(super) fn sympathy(&self, country: &str, inputs: &Inputs) -> Option<Cause> {
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
        let rising: Vec<Flag> = if crowded {
            Vec::new()
        } else {
            inputs
                .carriers
                .iter()
                .filter(|c| {
                    c.country == country && !carriers.iter().any(|f| f.service == c.service)
                })
                .filter_map(|c| self.rising_with(c, primary, inputs.now))
                .collect()
        };
        carriers.extend(rising.iter());
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

    /// A carrier of `primary`'s country that is not flagged, read as
    /// rising with it: a sequential probability ratio test from when the
    /// primary's rise began, when sympathy reports would begin too. Each
    /// minute from then on adds the log-likelihood ratio of its count
    /// under a rise of `sympathy_size` times its baseline against the
    /// baseline itself (negative binomial with the detector's
    /// overdispersion). With no rise that sum is a martingale, so it ever
    /// reaches ln(1 / p) with probability at most p however long it is
    /// read. The start is not known to the minute: each of the minute that
    /// flagged the primary and the [`SYMPATHY_LEAD_MINUTES`] before it is
    /// tried, at level `chance` / their number, and the window before the
    /// earliest must not show the rise already (a rise of its own, begun
    /// earlier, is not sympathy). Its rise is then read over the window,
    /// like the flags'.
    fn rising_with(&self, c: &CarrierMinutes, primary: &Flag, now: DateTime<Utc>) -> Option<Flag> {
        let first = earliest_start(primary);
        let window = self.window();
        let starts = SYMPATHY_LEAD_MINUTES + 1;
        let enough = (starts as f64 / self.params.chance).ln();
        let (before, after): (Vec<MinuteCount>, Vec<MinuteCount>) = c
            .minutes
            .iter()
            .filter(|m| m.at >= first - window)
            .partition(|m| m.at < first);
        let evidence = (0..starts)
            .map(|k| {
                let from = first + Duration::minutes(k);
                let since: Vec<MinuteCount> =
                    after.iter().filter(|m| m.at >= from).copied().collect();
                self.params.sympathy_evidence(&since, c.alpha)
            })
            .fold(f64::MIN, f64::max);
        if evidence < enough || self.params.sympathy_evidence(&before, c.alpha) >= enough {
            return None;
        }
        let (observed, expected) = c
            .minutes
            .iter()
            .filter(|m| m.at > now - window)
            .fold((0, 0.0), |(o, e), m| (o + m.observed, e + m.expected));
        Some(Flag {
            service: c.service.clone(),
            region: c.country.clone(),
            onset: now,
            observed,
            expected,
            mostly_from: None,
        })
    }
}
