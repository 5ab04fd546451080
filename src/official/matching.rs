//! The crowd beside the official word: each crowd incident is linked to the
//! official incident whose time overlaps it (and whose region fits), and
//! gets when the company acknowledged it and how late; per service, the
//! median lag, the outages never acknowledged and a grade.

use super::model::OfficialDoc;
use super::regions;
use crate::detect::{GLOBAL, Incident};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

/// An official incident created up to this long before a crowd incident
/// started, or after it ended, may still be the same event.
pub const SLACK_MINUTES: i64 = 60;
/// Grades are over crowd incidents that started this long ago at most.
pub const GRADE_WINDOW_DAYS: i64 = 30;
/// An unacknowledged outage counts as this lag, as StatusGator does.
pub const UNACKNOWLEDGED_MINUTES: i64 = 240;

/// Whether a period (`to` None: still going) overlaps the crowd
/// incident's, widened by [`SLACK_MINUTES`] on both sides. Nothing starts
/// after now, so an open end needs no clock.
fn overlaps((from, to): (DateTime<Utc>, Option<DateTime<Utc>>), crowd: &Incident) -> bool {
    let slack = Duration::minutes(SLACK_MINUTES);
    let starts_in_time = crowd.resolved_at.is_none_or(|r| from <= r + slack);
    let lasts_into_it = to.is_none_or(|t| t >= crowd.started_at - slack);
    starts_in_time && lasts_into_it
}

/// Joins what `doc` (if any) and the owner's updates say to `incident`:
/// `official_acknowledged_at`, `acknowledgement_lag_minutes` and
/// `official_incident`. The earliest of the linked official incident's
/// creation, the start of a period of trouble on the page and the owner's
/// first update is the acknowledgement.
pub fn link(incident: &mut Incident, doc: Option<&OfficialDoc>) {
    let mut candidates: Vec<DateTime<Utc>> = incident.updates.iter().map(|u| u.at).collect();
    incident.official_incident = None;
    if let Some(doc) = doc {
        let linked = doc
            .all_incidents()
            .filter(|o| overlaps((o.created_at, o.resolved_at), incident))
            .filter(|o| regions::fits(&o.regions, &incident.region))
            .min_by_key(|o| (o.maintenance, o.created_at));
        if let Some(o) = linked {
            candidates.push(o.created_at);
            incident.official_incident = Some(o.reference());
        }
        candidates.extend(
            doc.episodes
                .iter()
                .filter(|e| overlaps((e.from, e.to), incident))
                .map(|e| e.from),
        );
    }
    incident.official_acknowledged_at = candidates.into_iter().min();
    incident.acknowledgement_lag_minutes = incident
        .official_acknowledged_at
        .map(|at| lag_minutes(incident.detected_at, at));
}

/// Minutes from `detected` to `acknowledged`, rounded to the nearest.
fn lag_minutes(detected: DateTime<Utc>, acknowledged: DateTime<Utc>) -> i64 {
    let seconds = (acknowledged - detected).num_seconds();
    (seconds as f64 / 60.0).round() as i64
}

/// How fast a service admits its outages, over [`GRADE_WINDOW_DAYS`].
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Acknowledgements {
    /// The window the figures cover, in days.
    pub window_days: i64,
    /// Crowd outages graded: global ones and regional ones without a
    /// global incident, not suspect, over or open for four hours.
    pub outages: usize,
    pub acknowledged: usize,
    pub unacknowledged: usize,
    /// Median lag of the acknowledged ones (negative: the company spoke
    /// first); null without any.
    pub median_lag_minutes: Option<f64>,
    /// A (median under 15 minutes), B (under 30), C (under 60), D (under
    /// 240) or F, over every graded outage with an unacknowledged one
    /// counted as 240 minutes and an early one as 0; null without any.
    pub grade: Option<String>,
}

fn median(mut values: Vec<i64>) -> Option<f64> {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2] as f64),
        _ => Some((values[n / 2 - 1] + values[n / 2]) as f64 / 2.0),
    }
}

/// The letter for a median lag in minutes.
pub fn grade(median_minutes: f64) -> &'static str {
    match median_minutes {
        m if m < 15.0 => "A",
        m if m < 30.0 => "B",
        m if m < 60.0 => "C",
        m if m < 240.0 => "D",
        _ => "F",
    }
}

/// The figures over `incidents` (linked already), as of `now`.
pub fn acknowledgements(incidents: &[Incident], now: DateTime<Utc>) -> Acknowledgements {
    let since = now - Duration::days(GRADE_WINDOW_DAYS);
    let graded: Vec<&Incident> = incidents
        .iter()
        .filter(|i| i.started_at >= since && !i.suspect)
        .filter(|i| i.region == GLOBAL || i.global_incident.is_none())
        .filter(|i| {
            i.acknowledgement_lag_minutes.is_some()
                || !i.is_active()
                || now - i.detected_at >= Duration::minutes(UNACKNOWLEDGED_MINUTES)
        })
        .collect();
    let lags: Vec<i64> = graded
        .iter()
        .filter_map(|i| i.acknowledgement_lag_minutes)
        .collect();
    let scored: Vec<i64> = graded
        .iter()
        .map(|i| {
            i.acknowledgement_lag_minutes
                .map_or(UNACKNOWLEDGED_MINUTES, |l| l.max(0))
        })
        .collect();
    Acknowledgements {
        window_days: GRADE_WINDOW_DAYS,
        outages: graded.len(),
        acknowledged: lags.len(),
        unacknowledged: graded.len() - lags.len(),
        median_lag_minutes: median(lags),
        grade: median(scored).map(|m| grade(m).to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::incident::Evidence;
    use crate::detect::{IncidentState, OfficialLevel};
    use crate::official::model::{Episode, OfficialIncident};
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, h, m, 0)
            .single()
            .expect("time")
    }

    fn crowd(region: &str, detected: DateTime<Utc>) -> Incident {
        let json = serde_json::json!({
            "id": "x", "service": "s", "region": region, "state": "outage",
            "started_at": detected - Duration::minutes(3), "detected_at": detected,
            "resolved_at": null, "updated_at": detected, "peak_reports_per_minute": 1.0,
            "peak_at": detected, "total_reports": 1, "top_symptoms": [],
            "detection": Evidence { at: detected, window_minutes: 5, observed: 1, expected: 0.1, score: 1.0, alpha: 0.1, symptom: None },
            "affected_regions": [], "global_incident": null, "reopened": 0
        });
        let i: Incident = serde_json::from_value(json).expect("incident");
        assert_eq!(i.state, IncidentState::Outage);
        i
    }

    fn official(id: &str, created: DateTime<Utc>, regions: &[&str]) -> OfficialIncident {
        OfficialIncident {
            id: id.into(),
            title: format!("Official {id}"),
            url: None,
            impact: OfficialLevel::Major,
            status: "investigating".into(),
            created_at: created,
            first_seen_at: created,
            resolved_at: None,
            updates: Vec::new(),
            components: Vec::new(),
            regions: regions.iter().map(|r| r.to_string()).collect(),
            maintenance: false,
        }
    }

    #[test]
    fn a_crowd_incident_links_to_the_overlapping_official_one() {
        let mut doc = OfficialDoc::default();
        doc.page
            .incidents
            .push(official("eu", at(14, 20), &["DE", "FR"]));
        doc.page.incidents.push(official("all", at(14, 32), &[]));
        let mut i = crowd("global", at(14, 20));
        link(&mut i, Some(&doc));
        assert_eq!(
            i.official_incident.as_ref().map(|o| o.id.as_str()),
            Some("eu")
        );
        assert_eq!(i.acknowledgement_lag_minutes, Some(0));
        let mut us = crowd("US-CA", at(14, 20));
        link(&mut us, Some(&doc));
        assert_eq!(
            us.official_incident.as_ref().map(|o| o.id.as_str()),
            Some("all")
        );
        assert_eq!(us.acknowledgement_lag_minutes, Some(12));
    }

    #[test]
    fn far_away_incidents_do_not_link_and_episodes_count() {
        let mut doc = OfficialDoc::default();
        let mut old = official("old", at(8, 0), &[]);
        old.resolved_at = Some(at(9, 0));
        doc.recent.push(old);
        let mut i = crowd("global", at(14, 20));
        link(&mut i, Some(&doc));
        assert_eq!(i.official_incident, None);
        assert_eq!(i.acknowledgement_lag_minutes, None);
        doc.episodes.push(Episode {
            from: at(14, 10),
            to: None,
        });
        link(&mut i, Some(&doc));
        assert_eq!(i.acknowledgement_lag_minutes, Some(-10));
    }

    #[test]
    fn grades_count_unacknowledged_outages_as_240_minutes() {
        assert_eq!(grade(14.9), "A");
        assert_eq!(grade(15.0), "B");
        assert_eq!(grade(59.0), "C");
        assert_eq!(grade(239.0), "D");
        assert_eq!(grade(240.0), "F");
        let now = at(23, 0);
        let mut a = crowd("global", at(10, 0));
        a.acknowledgement_lag_minutes = Some(10);
        let mut b = crowd("global", at(11, 0));
        b.acknowledgement_lag_minutes = Some(-5);
        let mut c = crowd("global", at(12, 0));
        c.state = IncidentState::Resolved;
        let fresh = crowd("global", at(22, 50));
        let figures = acknowledgements(&[a, b, c, fresh], now);
        assert_eq!(figures.outages, 3);
        assert_eq!(figures.acknowledged, 2);
        assert_eq!(figures.unacknowledged, 1);
        assert_eq!(figures.median_lag_minutes, Some(2.5));
        assert_eq!(figures.grade.as_deref(), Some("A"));
    }
}
