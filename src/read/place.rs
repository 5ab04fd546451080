//! Where a service is in trouble, as the fold of a page says it: the
//! countries whose own series are out (the detector's status document),
//! ranked by how far their reports in the outage window rise above their
//! own usual level, and whether they explain the trouble alone ("in the
//! United Kingdom"), most of it ("mostly in Germany and Austria") or not
//! ("in many countries"). One function for the status page, the home page
//! cards and the API, so every place says the same.

use super::status::StatusDoc;
use crate::detect::Status;
use std::collections::HashMap;

/// Part of the excess the named countries must hold to be the whole story.
const ALONE: f64 = 0.8;
/// Part of the excess they must hold to be "mostly" where it is.
const MOSTLY: f64 = 0.5;
/// Countries named at most.
const NAMED: usize = 2;

/// Where the trouble is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Place {
    /// Countries (alpha-2), the most affected first; at most [`NAMED`].
    pub countries: Vec<String>,
    /// Countries affected beyond the named ones.
    pub more: usize,
    /// The named countries hold most, not all, of the trouble.
    pub mostly: bool,
    /// No country stands out: the trouble is everywhere.
    pub worldwide: bool,
}

impl Place {
    /// Nothing to say: no trouble, or no region known.
    pub fn is_unknown(&self) -> bool {
        self.countries.is_empty() && !self.worldwide
    }
}

/// One country's reports in the outage window and its own usual level.
#[derive(Debug, Clone, Copy)]
pub struct RegionLoad {
    pub reports: u64,
    pub expected: Option<f64>,
}

impl RegionLoad {
    /// Reports above the usual level (all of them when none is known).
    fn excess(&self) -> f64 {
        (self.reports as f64 - self.expected.unwrap_or(0.0)).max(0.0)
    }
}

/// Where `status` says the service is in trouble; `loads`: each country's
/// reports and usual level over the outage window (empty when unknown:
/// countries are then taken in code order and "mostly" decided by
/// whether the world's own series is out too).
pub fn place(status: &StatusDoc, loads: &HashMap<String, RegionLoad>) -> Place {
    if status.status == Status::Ok {
        return Place::default();
    }
    let mut out: Vec<String> = status
        .regions
        .iter()
        .filter(|(_, s)| **s != Status::Ok)
        .map(|(code, _)| country_of(code).to_string())
        .collect();
    out.sort();
    out.dedup();
    let excess = |code: &str| loads.get(code).map_or(0.0, RegionLoad::excess);
    out.sort_by(|a, b| excess(b).total_cmp(&excess(a)).then(a.cmp(b)));
    let global_out = status.global.is_some_and(|g| g != Status::Ok);
    let total: f64 = loads
        .iter()
        .filter(|(code, _)| !code.contains('-'))
        .map(|(_, l)| l.excess())
        .sum();
    let named: f64 = out.iter().take(NAMED).map(|c| excess(c)).sum();
    let share = if total > 0.0 { named / total } else { 0.0 };
    let more = out.len().saturating_sub(NAMED);
    out.truncate(NAMED);
    if out.is_empty() {
        return Place {
            worldwide: global_out,
            ..Place::default()
        };
    }
    let (mostly, worldwide) = match (global_out, loads.is_empty()) {
        // Only regions are out: they are where it is.
        (false, _) => (false, false),
        // The world's series is out too, with no counts to weigh: the
        // countries are most of it.
        (true, true) => (true, false),
        (true, false) if share >= ALONE && more == 0 => (false, false),
        (true, false) if share >= MOSTLY => (true, false),
        (true, false) => (false, true),
    };
    if worldwide {
        return Place {
            worldwide,
            ..Place::default()
        };
    }
    Place {
        countries: out,
        more,
        mostly,
        worldwide,
    }
}

/// "GB" of "GB-ENG".
fn country_of(region: &str) -> &str {
    region.split('-').next().unwrap_or(region)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(global: &str, regions: &[(&str, &str)]) -> StatusDoc {
        let typed = |s: &str| match s {
            "outage" => Status::Outage,
            "possible" => Status::Possible,
            _ => Status::Ok,
        };
        StatusDoc {
            status: Status::Outage,
            global: Some(typed(global)),
            regions: regions
                .iter()
                .map(|(c, s)| (c.to_string(), typed(s)))
                .collect(),
            ..StatusDoc::default()
        }
    }

    fn loads(l: &[(&str, u64, f64)]) -> HashMap<String, RegionLoad> {
        l.iter()
            .map(|(c, r, e)| {
                (
                    c.to_string(),
                    RegionLoad {
                        reports: *r,
                        expected: Some(*e),
                    },
                )
            })
            .collect()
    }

    #[test]
    fn one_country_that_explains_the_surge_is_where_it_is() {
        // The demo's UK outage: GB far above its own level, the US at its.
        let s = status("outage", &[("GB", "outage"), ("GB-ENG", "outage")]);
        let p = place(&s, &loads(&[("GB", 340, 20.0), ("US", 1137, 1100.0)]));
        assert_eq!(p.countries, ["GB"]);
        assert!(!p.mostly && !p.worldwide);
    }

    #[test]
    fn two_countries_with_most_of_it_are_mostly_where_it_is() {
        let s = status("outage", &[("DE", "outage"), ("AT", "possible")]);
        let p = place(
            &s,
            &loads(&[("DE", 300, 50.0), ("AT", 100, 10.0), ("FR", 200, 60.0)]),
        );
        assert_eq!(p.countries, ["DE", "AT"]);
        assert!(p.mostly);
    }

    #[test]
    fn no_country_standing_out_is_worldwide_and_ok_is_nowhere() {
        let s = status("outage", &[]);
        assert!(place(&s, &HashMap::new()).worldwide);
        let s = status("outage", &[("US", "outage")]);
        let p = place(&s, &loads(&[("US", 150, 100.0), ("FR", 300, 100.0)]));
        assert!(p.worldwide && p.countries.is_empty());
        let mut ok = status("ok", &[]);
        ok.status = Status::Ok;
        assert!(place(&ok, &HashMap::new()).is_unknown());
    }

    #[test]
    fn regional_trouble_alone_names_its_countries() {
        let s = status("ok", &[("JP", "possible")]);
        let p = place(&s, &HashMap::new());
        assert_eq!(p.countries, ["JP"]);
        assert!(!p.mostly && !p.worldwide);
    }
}
