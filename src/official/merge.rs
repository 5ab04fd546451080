//! Folding one read of a page into what is kept: incidents keep when they
//! were first seen, incidents gone from a Statuspage summary are resolved,
//! periods of trouble are opened and closed, and a change worth telling
//! (level, availability, an incident opened, updated or resolved) is
//! recorded for the feed and reported to the caller, who publishes it.

use super::model::{
    CHANGES_KEPT, Change, EPISODES_KEPT, Episode, OfficialDoc, OfficialIncident, OfficialSummary,
    RECENT_KEPT,
};
use super::reading::{ReadIncident, Reading};
use chrono::{DateTime, Duration, Utc};

/// Resolved incidents older than this are forgotten.
pub const RECENT_DAYS: i64 = 30;

/// What people see of a doc, but when it was read: a change of it is an
/// `official.changed`.
fn visible(doc: &OfficialDoc) -> OfficialSummary {
    OfficialSummary {
        checked_at: None,
        ..doc.page.clone()
    }
}

/// Applies a successful read; true when something people see changed.
pub fn apply(doc: &mut OfficialDoc, source: &str, reading: Reading, now: DateTime<Utc>) -> bool {
    let before = visible(doc);
    let was_level = doc.page.level;
    let mut texts = Vec::new();
    doc.page.source = source.to_string();
    doc.page.available = true;
    doc.page.unavailable_reason = None;
    doc.page.checked_at = Some(now);
    doc.page.description = reading.description;
    if reading.page_url.is_some() {
        doc.page.page_url = reading.page_url;
    }
    doc.page.components = reading.components;

    let mut open_before = std::mem::take(&mut doc.page.incidents);
    for read in reading.incidents {
        let resolved = read.resolved_at.is_some();
        let known_open = open_before
            .iter()
            .position(|i| i.id == read.id)
            .map(|at| open_before.remove(at));
        let known_recent = doc
            .recent
            .iter()
            .position(|i| i.id == read.id)
            .map(|at| doc.recent.remove(at));
        let first_seen_at = known_open
            .as_ref()
            .or(known_recent.as_ref())
            .map_or(now, |i| i.first_seen_at);
        if known_open.is_none() && known_recent.is_none() && !resolved {
            texts.push(format!("New official incident: {}", read.title));
        }
        if known_open.is_some() && resolved {
            texts.push(format!("Resolved: {}", read.title));
        }
        let mut kept = incident(read, first_seen_at);
        if kept.is_open() {
            doc.page.incidents.push(kept);
        } else {
            kept.updates.truncate(1);
            doc.recent.insert(0, kept);
        }
    }
    // Gone from the page: over (a Statuspage summary lists only open ones).
    for mut gone in open_before {
        gone.resolved_at = Some(now);
        gone.status = "resolved".to_string();
        // History needs the last word only: keeps the document small.
        gone.updates.truncate(1);
        texts.push(format!("Resolved: {}", gone.title));
        doc.recent.insert(0, gone);
    }
    doc.recent.sort_by_key(|i| std::cmp::Reverse(i.resolved_at));
    doc.recent.retain(|i| {
        i.resolved_at
            .is_none_or(|r| now - r <= Duration::days(RECENT_DAYS))
    });
    doc.recent.truncate(RECENT_KEPT);

    doc.page.level = Some(reading.level);
    if was_level != doc.page.level {
        // Trouble began when the page's oldest open incident says, if
        // that is earlier than this read (a page first read mid-outage).
        let opened = doc
            .page
            .incidents
            .iter()
            .filter(|i| reading.level.is_trouble() && !i.maintenance)
            .map(|i| i.created_at)
            .min();
        doc.page.since = Some(opened.map_or(now, |o| o.min(now)));
    }
    let trouble = reading.level.is_trouble();
    match doc.episodes.first_mut() {
        Some(e) if e.to.is_none() && !trouble => e.to = Some(now),
        Some(e) if e.to.is_none() => {}
        _ if trouble => doc.episodes.insert(
            0,
            Episode {
                from: now,
                to: None,
            },
        ),
        _ => {}
    }
    doc.episodes.truncate(EPISODES_KEPT);

    let changed = before != visible(doc);
    if changed {
        let mut text = format!("Official status: {}", reading.level.label());
        for t in texts {
            text.push_str(". ");
            text.push_str(&t);
        }
        record(doc, now, text);
    }
    changed
}

/// Records a failed read; true when the page turned unavailable.
pub fn fail(doc: &mut OfficialDoc, source: &str, reason: &str, now: DateTime<Utc>) -> bool {
    doc.page.source = source.to_string();
    doc.page.unavailable_reason = Some(reason.to_string());
    let turned = doc.page.available || doc.changes.is_empty();
    doc.page.available = false;
    if turned {
        record(doc, now, "Official status unavailable".to_string());
    }
    turned
}

fn record(doc: &mut OfficialDoc, at: DateTime<Utc>, text: String) {
    doc.changes.insert(
        0,
        Change {
            at,
            level: doc.page.available.then_some(doc.page.level).flatten(),
            text,
        },
    );
    doc.changes.truncate(CHANGES_KEPT);
}

fn incident(read: ReadIncident, first_seen_at: DateTime<Utc>) -> OfficialIncident {
    let regions = super::regions::countries_named(&read.components);
    OfficialIncident {
        id: read.id,
        title: read.title,
        url: read.url,
        impact: read.impact,
        status: read.status,
        created_at: read.created_at,
        first_seen_at,
        resolved_at: read.resolved_at,
        updates: read.updates,
        components: read.components,
        regions,
        maintenance: read.maintenance,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::OfficialLevel;
    use chrono::TimeZone;

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 14, minute, 0)
            .single()
            .expect("time")
    }

    fn reading(level: OfficialLevel, ids: &[&str]) -> Reading {
        Reading {
            level,
            description: None,
            components: Vec::new(),
            incidents: ids
                .iter()
                .map(|id| ReadIncident {
                    id: id.to_string(),
                    title: format!("Incident {id}"),
                    url: None,
                    impact: level,
                    status: "investigating".into(),
                    created_at: at(1),
                    resolved_at: None,
                    updates: Vec::new(),
                    components: vec!["Europe".into()],
                    maintenance: false,
                })
                .collect(),
            page_url: None,
        }
    }

    #[test]
    fn incidents_keep_first_sight_and_resolve_when_gone() {
        let mut doc = OfficialDoc::default();
        assert!(apply(&mut doc, "u", reading(OfficialLevel::Ok, &[]), at(0)));
        assert!(!apply(
            &mut doc,
            "u",
            reading(OfficialLevel::Ok, &[]),
            at(1)
        ));
        assert!(apply(
            &mut doc,
            "u",
            reading(OfficialLevel::Major, &["a"]),
            at(5)
        ));
        assert!(!apply(
            &mut doc,
            "u",
            reading(OfficialLevel::Major, &["a"]),
            at(6)
        ));
        assert_eq!(doc.page.incidents[0].first_seen_at, at(5));
        assert!(
            doc.page.incidents[0].regions.len() > 10,
            "Europe names countries"
        );
        assert_eq!(
            doc.episodes,
            [Episode {
                from: at(5),
                to: None
            }]
        );
        assert!(apply(
            &mut doc,
            "u",
            reading(OfficialLevel::Ok, &[]),
            at(30)
        ));
        assert!(doc.page.incidents.is_empty());
        assert_eq!(doc.recent[0].resolved_at, Some(at(30)));
        assert_eq!(doc.episodes[0].to, Some(at(30)));
        assert!(doc.changes[0].text.contains("Resolved: Incident a"));
    }

    #[test]
    fn failures_turn_the_page_unavailable_once() {
        let mut doc = OfficialDoc::default();
        apply(&mut doc, "u", reading(OfficialLevel::Minor, &[]), at(0));
        assert!(fail(&mut doc, "u", "timed out", at(1)));
        assert!(!fail(&mut doc, "u", "timed out", at(2)));
        assert!(!doc.page.available);
        assert_eq!(doc.page.level, Some(OfficialLevel::Minor));
        assert!(apply(
            &mut doc,
            "u",
            reading(OfficialLevel::Minor, &[]),
            at(3)
        ));
        assert!(doc.page.available);
    }
}
