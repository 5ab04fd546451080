//! The correlator's inputs as the server's task (`CauseTask`) builds them,
//! from the simulated counts and detectors.

use super::world::SimService;
use crate::catalog::Catalog;
use crate::cause::correlate::{CauseParams, failing_carrier};
use crate::cause::model::{AsnMix, Flag};
use crate::detect::{GLOBAL, ServiceDetector};
use chrono::{DateTime, Duration, Utc};
use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

/// Per-minute counts kept for the correlator's inputs.
#[derive(Default)]
pub(super) struct Kept {
    /// Oldest first: (country -> count) per minute.
    pub(super) regions: VecDeque<HashMap<&'static str, u64>>,
    /// Oldest first: ((country, asn) -> count) per minute.
    pub(super) asns: VecDeque<HashMap<(&'static str, u32), u64>>,
}

/// The flags of this minute with their onsets (kept across minutes, new
/// ones added to the history), as `CauseTask` builds them.
pub(super) fn flags_now(
    world: &[SimService],
    detectors: &[ServiceDetector],
    kept: &[Kept],
    onsets: &mut HashMap<(String, String), DateTime<Utc>>,
    history: &mut HashMap<String, Vec<DateTime<Utc>>>,
    at: DateTime<Utc>,
    window: i64,
) -> Vec<Flag> {
    let mut flags = Vec::new();
    let mut now_onsets = HashMap::new();
    for (i, (s, d)) in world.iter().zip(detectors).enumerate() {
        let mut regions: Vec<String> = d.non_ok_regions().into_keys().collect();
        regions.sort();
        if d.status(None) != crate::detect::Status::Ok {
            regions.insert(0, GLOBAL.to_string());
        }
        let recent = kept[i].regions.iter().rev().take(window as usize);
        let mut sums: HashMap<&str, u64> = HashMap::new();
        for minute in recent {
            for (c, n) in minute {
                *sums.entry(c).or_default() += n;
            }
        }
        let total: u64 = sums.values().sum();
        for region in regions {
            let key = (s.slug.clone(), region.clone());
            let onset = match onsets.get(&key) {
                Some(&t) => t,
                None => {
                    let place = region.split('-').next().unwrap_or(&region).to_string();
                    let place = if region == GLOBAL {
                        GLOBAL.to_string()
                    } else {
                        place
                    };
                    history.entry(place).or_default().push(at);
                    at
                }
            };
            now_onsets.insert(key, onset);
            let (observed, expected) = if region == GLOBAL {
                (total, expected_over(d, None, at, window))
            } else {
                (
                    sums.get(region.as_str()).copied().unwrap_or(0),
                    expected_over(d, Some(&region), at, window),
                )
            };
            let mostly_from = (region == GLOBAL)
                .then(|| {
                    sums.iter()
                        .max_by_key(|(_, n)| **n)
                        .filter(|(_, n)| 2 * **n > total)
                        .map(|(c, _)| c.to_string())
                })
                .flatten();
            flags.push(Flag {
                service: s.slug.clone(),
                region,
                onset,
                observed,
                expected,
                mostly_from,
            });
        }
    }
    *onsets = now_onsets;
    let keep_from = at - Duration::days(7);
    for h in history.values_mut() {
        h.retain(|&t| t >= keep_from);
    }
    flags
}

/// The unflagged carriers rising significantly since the failing carrier's
/// flag in a country where a carrier is flagged, with when they were first
/// seen so, as `CauseTask` builds them.
#[allow(clippy::too_many_arguments)]
pub(super) fn rising_now(
    catalog: &Catalog,
    world: &[SimService],
    detectors: &[ServiceDetector],
    kept: &[Kept],
    flags: &[Flag],
    onsets: &mut HashMap<(String, String), DateTime<Utc>>,
    at: DateTime<Utc>,
    params: &CauseParams,
) -> Vec<Flag> {
    let is_carrier = |slug: &str| catalog.service(slug).is_some_and(|s| !s.asns.is_empty());
    let countries: BTreeSet<&str> = flags
        .iter()
        .filter(|f| is_carrier(&f.service))
        .filter_map(|f| catalog.service(&f.service))
        .flat_map(|s| s.countries.iter().map(String::as_str))
        .collect();
    let mut now_onsets = HashMap::new();
    let mut out = Vec::new();
    for country in countries {
        let Some(failing) = failing_carrier(catalog, country, flags) else {
            continue;
        };
        let minutes = params.rising_minutes(failing.onset, at);
        for (i, s) in world.iter().enumerate() {
            let serves = catalog
                .service(&s.slug)
                .is_some_and(|c| !c.asns.is_empty() && c.countries.iter().any(|c| c == country));
            let flagged = flags
                .iter()
                .any(|f| f.service == s.slug && (f.region == country || f.region == GLOBAL));
            if !serves || flagged {
                continue;
            }
            let since = reports_over(&kept[i], country, minutes);
            let expected = expected_over(&detectors[i], Some(country), at, minutes);
            if !params.rises_significantly(since, expected) {
                continue;
            }
            let key = (s.slug.clone(), country.to_string());
            let onset = onsets.get(&key).copied().unwrap_or(at);
            now_onsets.insert(key, onset);
            out.push(Flag {
                service: s.slug.clone(),
                region: country.to_string(),
                onset,
                observed: reports_over(&kept[i], country, params.window_minutes),
                expected: expected_over(&detectors[i], Some(country), at, params.window_minutes),
                mostly_from: None,
            });
        }
    }
    *onsets = now_onsets;
    out
}

/// A service's reports in `country` over the last `minutes`.
fn reports_over(kept: &Kept, country: &str, minutes: i64) -> u64 {
    kept.regions
        .iter()
        .rev()
        .take(minutes.max(0) as usize)
        .filter_map(|minute| minute.get(country))
        .sum()
}

pub(super) fn expected_over(
    d: &ServiceDetector,
    region: Option<&str>,
    at: DateTime<Utc>,
    minutes: i64,
) -> f64 {
    (0..minutes)
        .map(|k| d.expected_rate(at - Duration::minutes(k), region))
        .sum()
}

/// The ASN mixes of the services of countries with enough flags, as the
/// task reads them: the window now, the day before as usual.
pub(super) fn asn_mixes(
    flags: &[Flag],
    world: &[SimService],
    kept: &[Kept],
    window: i64,
    min_cluster: usize,
) -> HashMap<(String, String), AsnMix> {
    let mut by_country: HashMap<&str, HashSet<&str>> = HashMap::new();
    for f in flags {
        if let Some(c) = f.country() {
            by_country.entry(c).or_default().insert(&f.service);
        }
    }
    let mut out = HashMap::new();
    for (country, services) in by_country {
        if services.len() < min_cluster {
            continue;
        }
        for slug in services {
            let Some(i) = world.iter().position(|s| s.slug == slug) else {
                continue;
            };
            let minutes = &kept[i].asns;
            let split = minutes.len().saturating_sub(window as usize);
            let mut mix = AsnMix {
                usual_minutes: split.max(1) as i64,
                ..AsnMix::default()
            };
            for (k, minute) in minutes.iter().enumerate() {
                let into = if k < split {
                    &mut mix.usual
                } else {
                    &mut mix.now
                };
                for ((c, asn), n) in minute {
                    if *c == country {
                        *into.entry(*asn).or_default() += n;
                    }
                }
            }
            out.insert((slug.to_string(), country.to_string()), mix);
        }
    }
    out
}
