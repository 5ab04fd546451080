//! Slack's status API v2 (`https://slack-status.com/api/v2.0.0/current`):
//! `status` (`ok`, or `active` while anything is open) and the
//! `active_incidents`, each with its `type` (`incident`, `outage`,
//! `notice`, `maintenance`), `services` and `notes` (updates). Field set
//! as Slack documents it and as real answers show (docs/official-status.md).

use super::model::{OfficialUpdate, UPDATES_KEPT, clip};
use super::reading::{ParseError, ReadIncident, Reading};
use super::text::html_to_text;
use crate::detect::OfficialLevel;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

#[derive(Deserialize)]
struct Current {
    status: String,
    #[serde(default)]
    active_incidents: Vec<Value>,
}

#[derive(Deserialize)]
struct Incident {
    #[serde(deserialize_with = "id_text")]
    id: String,
    date_created: DateTime<Utc>,
    #[serde(default)]
    title: String,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    services: Vec<String>,
    #[serde(default)]
    notes: Vec<Note>,
}

#[derive(Deserialize)]
struct Note {
    date_created: DateTime<Utc>,
    #[serde(default)]
    body: String,
}

fn id_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    match Value::deserialize(d)? {
        Value::String(s) => Ok(s),
        Value::Number(n) => Ok(n.to_string()),
        other => Err(serde::de::Error::custom(format!("id {other}"))),
    }
}

/// An incident's `type` and the level it shows.
pub fn type_level(kind: Option<&str>) -> OfficialLevel {
    match kind {
        Some("outage") => OfficialLevel::Major,
        Some("maintenance") => OfficialLevel::Maintenance,
        _ => OfficialLevel::Minor,
    }
}

pub fn parse(body: &[u8]) -> Result<Reading, ParseError> {
    let current: Current =
        serde_json::from_slice(body).map_err(|e| ParseError::Slack(e.to_string()))?;
    let mut incidents = Vec::new();
    for item in current.active_incidents {
        match serde_json::from_value::<Incident>(item) {
            Ok(i) => incidents.push(incident(i)),
            Err(e) => tracing::warn!(error = %e, "Slack incident skipped: unreadable"),
        }
    }
    incidents.retain(|i| i.status != "resolved" && i.status != "completed");
    let level = incidents
        .iter()
        .map(|i| i.impact)
        .max()
        .unwrap_or(if current.status == "ok" {
            OfficialLevel::Ok
        } else {
            OfficialLevel::Minor
        });
    Ok(Reading {
        level,
        description: None,
        components: Vec::new(),
        incidents,
        page_url: Some("https://status.slack.com".to_string()),
    })
}

fn incident(i: Incident) -> ReadIncident {
    let mut updates: Vec<OfficialUpdate> = i
        .notes
        .into_iter()
        .map(|n| OfficialUpdate {
            at: n.date_created,
            status: "update".to_string(),
            body: clip(&html_to_text(&n.body)),
        })
        .collect();
    updates.sort_by_key(|u| std::cmp::Reverse(u.at));
    updates.truncate(UPDATES_KEPT);
    let kind = i.kind.as_deref();
    ReadIncident {
        id: clip(&i.id),
        title: clip(&html_to_text(&i.title)),
        url: i
            .url
            .map(|u| u.trim().to_string())
            .filter(|u| super::statuspage::is_web_url(u)),
        impact: type_level(kind),
        status: clip(i.status.as_deref().unwrap_or("active")),
        created_at: i.date_created,
        resolved_at: None,
        updates,
        components: i.services.iter().map(|s| clip(s)).collect(),
        maintenance: kind == Some("maintenance"),
    }
}
