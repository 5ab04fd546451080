//! The Atlassian Statuspage v2 JSON API (`/api/v2/summary.json`), which
//! several other status page products serve too: the page indicator,
//! components, unresolved incidents with their updates, and scheduled
//! maintenances. The mapping of each word is in docs/official-status.md.
//!
//! Read the way real pages vary (checked against real captures, see
//! `super::conformance`): unknown fields are ignored; an update's
//! `display_at`, `created_at` and `updated_at` are read as separate fields
//! (the time shown is `display_at`, else `created_at`); absent or `null`
//! optional fields and lists are tolerated; a single incident, component
//! or update that cannot be read is skipped with a log line instead of
//! refusing the page; older summaries (no `scheduled_maintenances`, no
//! `group`, resolved incidents still listed) read as they did then.

use super::model::{ComponentStatus, OfficialUpdate, UPDATES_KEPT, clip};
use super::reading::{ParseError, ReadIncident, Reading};
use super::text::html_to_text;
use crate::detect::OfficialLevel;
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

#[derive(Deserialize)]
struct Summary {
    #[serde(default, deserialize_with = "lenient")]
    page: Option<Page>,
    status: PageStatus,
    #[serde(default, deserialize_with = "each")]
    components: Vec<Component>,
    #[serde(default, deserialize_with = "each")]
    incidents: Vec<Incident>,
    #[serde(default, deserialize_with = "each")]
    scheduled_maintenances: Vec<Incident>,
}

#[derive(Deserialize)]
struct Page {
    #[serde(default)]
    url: Option<String>,
}

#[derive(Deserialize)]
struct PageStatus {
    indicator: String,
    #[serde(default)]
    description: Option<String>,
}

#[derive(Deserialize)]
struct Component {
    name: String,
    status: String,
    /// A group only sums up its members.
    #[serde(default, deserialize_with = "or_default")]
    group: bool,
}

#[derive(Deserialize)]
struct Incident {
    #[serde(deserialize_with = "id_text")]
    id: String,
    name: String,
    status: String,
    #[serde(default)]
    impact: Option<String>,
    created_at: DateTime<Utc>,
    #[serde(default, deserialize_with = "lenient")]
    resolved_at: Option<DateTime<Utc>>,
    #[serde(default)]
    shortlink: Option<String>,
    #[serde(default, deserialize_with = "each")]
    incident_updates: Vec<Update>,
    /// Some products name the list `updates`.
    #[serde(default, deserialize_with = "each")]
    updates: Vec<Update>,
    #[serde(default, deserialize_with = "each")]
    components: Vec<Named>,
}

/// Every real update carries `created_at`, `updated_at` and `display_at`
/// (the time the page shows); each is its own field, none required.
#[derive(Deserialize)]
struct Update {
    #[serde(default)]
    status: Option<String>,
    #[serde(default, deserialize_with = "or_default")]
    body: String,
    #[serde(default, deserialize_with = "lenient")]
    display_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "lenient")]
    created_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "lenient")]
    updated_at: Option<DateTime<Utc>>,
}

#[derive(Deserialize)]
struct Named {
    name: String,
}

/// A list whose items are read one by one: an item that cannot be read
/// is logged and skipped; `null` or another type is an empty list.
fn each<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let Value::Array(items) = Value::deserialize(d)? else {
        return Ok(Vec::new());
    };
    Ok(items
        .into_iter()
        .filter_map(|item| {
            let id = item
                .get("id")
                .map(|v| v.to_string())
                .unwrap_or_else(|| "?".to_string());
            match serde_json::from_value(item) {
                Ok(t) => Some(t),
                Err(e) => {
                    tracing::warn!(%id, error = %e, "Statuspage item skipped: unreadable");
                    None
                }
            }
        })
        .collect())
}

/// An id given as a string or a number.
fn id_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    match Value::deserialize(d)? {
        Value::String(s) => Ok(s),
        Value::Number(n) => Ok(n.to_string()),
        other => Err(serde::de::Error::custom(format!(
            "id {other} is not a string"
        ))),
    }
}

/// An optional value that is None when absent, `null` or unreadable.
fn lenient<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    Ok(serde_json::from_value(Value::deserialize(d)?).ok())
}

/// A value that is its default when `null` or unreadable.
fn or_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    Ok(serde_json::from_value(Value::deserialize(d)?).unwrap_or_default())
}

/// The page indicator: `none`, `minor`, `major`, `critical`,
/// `maintenance`. None for a word the API does not define (the components
/// and incidents still tell).
pub fn indicator_level(word: &str) -> Option<OfficialLevel> {
    match word {
        "none" => Some(OfficialLevel::Ok),
        "maintenance" => Some(OfficialLevel::Maintenance),
        "minor" => Some(OfficialLevel::Minor),
        "major" | "critical" => Some(OfficialLevel::Major),
        _ => None,
    }
}

/// A component status: `operational`, `under_maintenance`,
/// `degraded_performance`, `partial_outage`, `major_outage`; a word the
/// API does not define is taken as minor trouble.
pub fn component_level(word: &str) -> OfficialLevel {
    match word {
        "operational" => OfficialLevel::Ok,
        "under_maintenance" => OfficialLevel::Maintenance,
        "degraded_performance" | "partial_outage" => OfficialLevel::Minor,
        "major_outage" => OfficialLevel::Major,
        _ => OfficialLevel::Minor,
    }
}

/// An incident's impact: `none`, `minor`, `major`, `critical`,
/// `maintenance`.
pub fn impact_level(word: Option<&str>) -> OfficialLevel {
    match word {
        Some("none") | None => OfficialLevel::Ok,
        Some("maintenance") => OfficialLevel::Maintenance,
        Some("major" | "critical") => OfficialLevel::Major,
        Some(_) => OfficialLevel::Minor,
    }
}

/// Maintenances under way (`scheduled` ones are in the future, `completed`
/// ones over).
fn maintenance_in_progress(status: &str) -> bool {
    matches!(status, "in_progress" | "verifying")
}

/// Links shown on pages must be http(s): never `javascript:` and the like.
pub fn is_web_url(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://")) && !s.chars().any(char::is_whitespace)
}

pub fn parse(body: &[u8]) -> Result<Reading, ParseError> {
    let summary: Summary =
        serde_json::from_slice(body).map_err(|e| ParseError::Statuspage(e.to_string()))?;
    let page_url = summary
        .page
        .and_then(|p| p.url)
        .map(|u| u.trim().trim_end_matches('/').to_string())
        .filter(|u| is_web_url(u));
    let components: Vec<ComponentStatus> = summary
        .components
        .iter()
        .filter(|c| !c.group)
        .map(|c| ComponentStatus {
            name: clip(&c.name),
            level: component_level(&c.status),
            status: Some(clip(&c.status)),
        })
        .filter(|c| c.level != OfficialLevel::Ok)
        .collect();
    // Older summaries list resolved incidents too.
    let mut incidents: Vec<ReadIncident> = summary
        .incidents
        .into_iter()
        .filter(|i| !is_over(&i.status) && i.resolved_at.is_none())
        .map(|i| incident(i, page_url.as_deref(), false))
        .collect();
    incidents.extend(
        summary
            .scheduled_maintenances
            .into_iter()
            .filter(|m| maintenance_in_progress(&m.status))
            .map(|m| incident(m, page_url.as_deref(), true)),
    );
    // The page's own indicator is what it shows; the components and
    // incidents tell only when the indicator is a word the API lacks.
    let level = indicator_level(summary.status.indicator.trim()).unwrap_or_else(|| {
        components
            .iter()
            .map(|c| c.level)
            .chain(incidents.iter().map(|i| i.impact))
            .max()
            .unwrap_or(OfficialLevel::Ok)
    });
    Ok(Reading {
        level,
        description: summary
            .status
            .description
            .map(|d| clip(&d))
            .filter(|d| !d.is_empty()),
        components,
        incidents,
        page_url,
    })
}

fn is_over(status: &str) -> bool {
    matches!(status, "resolved" | "postmortem" | "completed")
}

fn incident(i: Incident, page_url: Option<&str>, maintenance: bool) -> ReadIncident {
    let raw = if i.incident_updates.is_empty() {
        i.updates
    } else {
        i.incident_updates
    };
    let mut updates: Vec<OfficialUpdate> = raw
        .into_iter()
        .filter_map(|u| {
            Some(OfficialUpdate {
                at: u.display_at.or(u.created_at).or(u.updated_at)?,
                status: clip(u.status.as_deref().unwrap_or(&i.status)),
                body: clip(&html_to_text(&u.body)),
            })
        })
        .collect();
    updates.sort_by_key(|u| std::cmp::Reverse(u.at));
    updates.truncate(UPDATES_KEPT);
    // The human page of the incident; the shortlink redirects there.
    let url = page_url
        .map(|p| format!("{p}/incidents/{}", i.id))
        .filter(|u| is_web_url(u))
        .or_else(|| {
            i.shortlink
                .map(|l| l.trim().to_string())
                .filter(|l| is_web_url(l))
        });
    ReadIncident {
        impact: if maintenance {
            OfficialLevel::Maintenance
        } else {
            impact_level(i.impact.as_deref())
        },
        id: clip(&i.id),
        title: clip(&html_to_text(&i.name)),
        url,
        status: clip(&i.status),
        created_at: i.created_at,
        resolved_at: None,
        updates,
        components: i.components.into_iter().map(|c| clip(&c.name)).collect(),
        maintenance,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_indicator_maps() {
        assert_eq!(indicator_level("none"), Some(OfficialLevel::Ok));
        assert_eq!(indicator_level("minor"), Some(OfficialLevel::Minor));
        assert_eq!(indicator_level("major"), Some(OfficialLevel::Major));
        assert_eq!(indicator_level("critical"), Some(OfficialLevel::Major));
        assert_eq!(
            indicator_level("maintenance"),
            Some(OfficialLevel::Maintenance)
        );
        assert_eq!(indicator_level("purple"), None);
    }

    #[test]
    fn every_component_status_maps() {
        for (word, level) in [
            ("operational", OfficialLevel::Ok),
            ("under_maintenance", OfficialLevel::Maintenance),
            ("degraded_performance", OfficialLevel::Minor),
            ("partial_outage", OfficialLevel::Minor),
            ("major_outage", OfficialLevel::Major),
            ("something_new", OfficialLevel::Minor),
        ] {
            assert_eq!(component_level(word), level, "{word}");
        }
    }

    #[test]
    fn every_impact_maps() {
        for (word, level) in [
            (Some("none"), OfficialLevel::Ok),
            (None, OfficialLevel::Ok),
            (Some("minor"), OfficialLevel::Minor),
            (Some("major"), OfficialLevel::Major),
            (Some("critical"), OfficialLevel::Major),
            (Some("maintenance"), OfficialLevel::Maintenance),
        ] {
            assert_eq!(impact_level(word), level, "{word:?}");
        }
    }

    #[test]
    fn a_summary_gives_level_components_incidents_and_maintenances() {
        let body = br#"{
          "page": {"id": "p", "name": "Example", "url": "https://status.example.com"},
          "status": {"indicator": "minor", "description": "Partial System Outage"},
          "components": [
            {"id": "a", "name": "API", "status": "operational"},
            {"id": "b", "name": "Europe", "status": "major_outage"},
            {"id": "g", "name": "Everything", "status": "major_outage", "group": true}
          ],
          "incidents": [{
            "id": "inc1", "name": "Logins fail", "status": "identified", "impact": "major",
            "created_at": "2026-03-02T14:32:00Z", "shortlink": "https://stspg.io/x",
            "incident_updates": [
              {"status": "investigating", "body": "Looking", "created_at": "2026-03-02T14:32:00Z"},
              {"status": "identified", "body": "Found it", "created_at": "2026-03-02T14:50:00Z"}
            ],
            "components": [{"name": "Europe"}]
          }, {
            "id": "old", "name": "Old", "status": "resolved", "impact": "minor",
            "created_at": "2026-03-01T10:00:00Z"
          }],
          "scheduled_maintenances": [
            {"id": "m1", "name": "DB upgrade", "status": "in_progress", "impact": "maintenance",
             "created_at": "2026-03-02T13:00:00Z"},
            {"id": "m2", "name": "Later", "status": "scheduled", "impact": "maintenance",
             "created_at": "2026-03-02T13:00:00Z"}
          ]
        }"#;
        let r = parse(body).expect("parses");
        // The page's own indicator, though an incident's impact is major.
        assert_eq!(r.level, OfficialLevel::Minor);
        assert_eq!(r.description.as_deref(), Some("Partial System Outage"));
        assert_eq!(
            r.components,
            [ComponentStatus {
                name: "Europe".into(),
                level: OfficialLevel::Major,
                status: Some("major_outage".into()),
            }]
        );
        assert_eq!(r.incidents.len(), 2);
        let i = &r.incidents[0];
        assert_eq!((i.id.as_str(), i.impact), ("inc1", OfficialLevel::Major));
        assert_eq!(i.updates[0].body, "Found it");
        assert_eq!(
            i.url.as_deref(),
            Some("https://status.example.com/incidents/inc1")
        );
        assert_eq!(i.components, ["Europe"]);
        let m = &r.incidents[1];
        assert!(m.maintenance);
        assert_eq!(m.impact, OfficialLevel::Maintenance);
        assert_eq!(
            m.url.as_deref(),
            Some("https://status.example.com/incidents/m1")
        );
    }

    #[test]
    fn malformed_summaries_are_refused() {
        assert!(parse(b"{}").is_err());
        assert!(parse(b"{\"status\": {\"indicator\": 3}}").is_err());
        assert!(parse(b"{\"status\": {\"indicator\": \"none\"").is_err());
        let ok = parse(b"{\"status\": {\"indicator\": \"none\"}}").expect("minimal");
        assert_eq!(ok.level, OfficialLevel::Ok);
    }
}
