//! Google's status dashboards' `incidents.json` (Google Cloud at
//! `status.cloud.google.com/incidents.json`, Google Workspace at
//! `www.google.com/appsstatus/dashboard/incidents.json`): one JSON array of
//! every recent incident, open ones without an `end`. Field set as in
//! Google's published schema (`incidents.schema.json`) and in real
//! captures (docs/official-status.md).
//!
//! One dashboard serves many products: a source URL's fragment names the
//! product to read (`…/incidents.json#Gmail`, matched against
//! `affected_products[].title` and `service_name`); without one, every
//! product counts. The fragment is never sent to Google.

use super::model::{OfficialUpdate, UPDATES_KEPT, clip};
use super::reading::{ParseError, ReadIncident, Reading};
use super::text::html_to_text;
use crate::detect::OfficialLevel;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct Incident {
    id: String,
    #[serde(default)]
    begin: Option<DateTime<Utc>>,
    #[serde(default)]
    created: Option<DateTime<Utc>>,
    #[serde(default)]
    end: Option<DateTime<Utc>>,
    #[serde(default)]
    external_desc: String,
    #[serde(default)]
    updates: Vec<Update>,
    #[serde(default)]
    most_recent_update: Option<Update>,
    #[serde(default)]
    status_impact: Option<String>,
    #[serde(default)]
    service_name: Option<String>,
    #[serde(default)]
    affected_products: Vec<Titled>,
    #[serde(default)]
    currently_affected_locations: Vec<Titled>,
    #[serde(default)]
    uri: Option<String>,
}

#[derive(Deserialize, Clone)]
struct Update {
    #[serde(default)]
    when: Option<DateTime<Utc>>,
    #[serde(default)]
    created: Option<DateTime<Utc>>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    status: Option<String>,
}

#[derive(Deserialize)]
struct Titled {
    #[serde(default)]
    title: String,
}

/// `status_impact` (and an update's `status`) as the dashboard's legend
/// words, and the level each shows.
pub fn impact(word: &str) -> (OfficialLevel, &'static str) {
    match word {
        "SERVICE_OUTAGE" => (OfficialLevel::Major, "Service outage"),
        "SERVICE_DISRUPTION" => (OfficialLevel::Minor, "Service disruption"),
        "SERVICE_INFORMATION" => (OfficialLevel::Minor, "Service information"),
        "AVAILABLE" => (OfficialLevel::Ok, "Available"),
        _ => (OfficialLevel::Minor, "Service information"),
    }
}

/// The dashboard's base (`https://status.cloud.google.com/`) from the
/// source URL, for incidents' `uri`.
fn base_of(source: &str) -> Option<String> {
    let no_fragment = source.split('#').next()?;
    let (base, _) = no_fragment.rsplit_once('/')?;
    Some(format!("{base}/"))
}

/// The product a source URL names in its fragment.
pub fn product_of(source: &str) -> Option<String> {
    let (_, fragment) = source.split_once('#')?;
    let p = fragment.replace("%20", " ").replace('+', " ");
    (!p.trim().is_empty()).then(|| p.trim().to_string())
}

/// Markdown emphasis and HTML made plain.
fn readable(text: &str) -> String {
    html_to_text(&text.replace("**", ""))
}

pub fn parse(body: &[u8], source: &str) -> Result<Reading, ParseError> {
    let items: Vec<Value> =
        serde_json::from_slice(body).map_err(|e| ParseError::Google(e.to_string()))?;
    let product = product_of(source);
    let base = base_of(source);
    let mut incidents = Vec::new();
    for item in items {
        let i: Incident = match serde_json::from_value(item) {
            Ok(i) => i,
            Err(e) => {
                tracing::warn!(%source, error = %e, "Google incident skipped: unreadable");
                continue;
            }
        };
        if let Some(p) = &product {
            let named = i
                .affected_products
                .iter()
                .any(|t| t.title.eq_ignore_ascii_case(p))
                || i.service_name
                    .as_deref()
                    .is_some_and(|s| s.eq_ignore_ascii_case(p));
            if !named {
                continue;
            }
        }
        // History: only open incidents are news (the array keeps a year).
        if i.end.is_some() {
            continue;
        }
        if let Some(r) = incident(i, base.as_deref()) {
            incidents.push(r);
        }
    }
    let worst = incidents
        .iter()
        .max_by_key(|i: &&ReadIncident| i.impact)
        .map(|i| i.status.clone());
    let level = incidents
        .iter()
        .map(|i| i.impact)
        .max()
        .unwrap_or(OfficialLevel::Ok);
    Ok(Reading {
        level,
        description: worst,
        components: Vec::new(),
        incidents,
        page_url: base.map(|b| b.trim_end_matches('/').to_string()),
    })
}

fn incident(i: Incident, base: Option<&str>) -> Option<ReadIncident> {
    let mut all = i.updates.clone();
    if all.is_empty() {
        all.extend(i.most_recent_update.clone());
    }
    let mut updates: Vec<OfficialUpdate> = all
        .into_iter()
        .filter_map(|u| {
            Some(OfficialUpdate {
                at: u.when.or(u.created)?,
                status: impact(u.status.as_deref().unwrap_or("")).1.to_string(),
                body: clip(&readable(&u.text)),
            })
        })
        .collect();
    updates.sort_by_key(|u| std::cmp::Reverse(u.at));
    updates.truncate(UPDATES_KEPT);
    let word = i
        .status_impact
        .as_deref()
        .or(i
            .most_recent_update
            .as_ref()
            .and_then(|u| u.status.as_deref()))
        .unwrap_or("");
    let (level, words) = impact(word);
    let mut components: Vec<String> = i.affected_products.iter().map(|t| clip(&t.title)).collect();
    components.extend(
        i.currently_affected_locations
            .iter()
            .map(|t| clip(&t.title)),
    );
    components.retain(|c| !c.is_empty());
    Some(ReadIncident {
        id: clip(&i.id),
        title: clip(&readable(&i.external_desc)),
        url: base
            .zip(i.uri.as_deref())
            .map(|(b, u)| format!("{b}{}", u.trim_start_matches('/')))
            .filter(|u| super::statuspage::is_web_url(u)),
        impact: level.max(OfficialLevel::Minor),
        status: words.to_string(),
        // When Google said so; `begin` is when the trouble began.
        created_at: i.created.or(i.begin)?,
        resolved_at: None,
        updates,
        components,
        maintenance: false,
    })
}
