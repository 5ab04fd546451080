//! What is kept of a service's official status page, in the store, so every
//! process serves the same thing and a restart loses nothing: the
//! [`OfficialDoc`] (what the page says, and what it said lately) and the
//! [`PollState`] (how it is polled). Both are JSON documents of the service.

use crate::detect::{OfficialIncidentRef, OfficialLevel};
use crate::store::DocName;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Document names in the store.
pub const OFFICIAL_DOC: DocName<OfficialDoc> = DocName::new("official");
pub const POLL_DOC: DocName<PollState> = DocName::new("official_poll");
/// The level shown (JSON: `"major"`, or `null` while unavailable), small
/// so the service list reads every service's at once.
pub const LEVEL_DOC: DocName<Option<OfficialLevel>> = DocName::new("official_level");

/// Resolved official incidents kept for matching and grading.
pub const RECENT_KEPT: usize = 50;
/// Periods of trouble kept.
pub const EPISODES_KEPT: usize = 50;
/// Changes kept for the Atom feed.
pub const CHANGES_KEPT: usize = 20;
/// Updates kept per official incident, newest first.
pub const UPDATES_KEPT: usize = 10;
/// Longest text kept of a title or an update.
pub const TEXT_MAX: usize = 1000;

/// One update of an official incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct OfficialUpdate {
    pub at: DateTime<Utc>,
    /// The page's own word: "investigating", "identified", "resolved", …
    pub status: String,
    pub body: String,
}

/// An incident the status page names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct OfficialIncident {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    pub impact: OfficialLevel,
    /// The page's own status word of the incident.
    pub status: String,
    /// When the page says it was created.
    pub created_at: DateTime<Utc>,
    /// When downwatch first saw it.
    pub first_seen_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    /// Newest first, at most [`UPDATES_KEPT`].
    pub updates: Vec<OfficialUpdate>,
    /// The affected components' names.
    pub components: Vec<String>,
    /// Countries (alpha-2) the components name; empty: no region named,
    /// the whole service.
    pub regions: Vec<String>,
    /// Scheduled maintenance rather than an incident.
    #[serde(default)]
    pub maintenance: bool,
}

impl OfficialIncident {
    pub fn is_open(&self) -> bool {
        self.resolved_at.is_none()
    }

    /// What a crowd incident shows of it.
    pub fn reference(&self) -> OfficialIncidentRef {
        OfficialIncidentRef {
            id: self.id.clone(),
            title: self.title.clone(),
            url: self.url.clone(),
            impact: self.impact,
            created_at: self.created_at,
            resolved_at: self.resolved_at,
            latest_update: self.updates.first().map(|u| u.body.clone()),
        }
    }
}

/// A component not operational.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ComponentStatus {
    pub name: String,
    pub level: OfficialLevel,
    /// The page's own word for it (`partial_outage`), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// A period in which the page showed trouble (minor or major).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Episode {
    pub from: DateTime<Utc>,
    pub to: Option<DateTime<Utc>>,
}

/// A change of what the page says, as the Atom feed lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub at: DateTime<Utc>,
    pub level: Option<OfficialLevel>,
    pub text: String,
}

/// What the API, pages and events show of a service's official status:
/// the page as last read, and whether it could be.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct OfficialSummary {
    /// The machine-readable source read (the catalog's `official_status`).
    pub source: String,
    /// The status page a person reads: the catalog's `official_page`,
    /// else the page the source names (a summary's `page.url`, a feed's
    /// link). Links go here, never to the machine feed.
    pub page_url: Option<String>,
    /// False when the last read failed ("official status unavailable");
    /// the rest is then what was last read.
    pub available: bool,
    /// Why the last read failed, in a few words.
    pub unavailable_reason: Option<String>,
    /// `ok`, `maintenance`, `minor` or `major`; null before the first read.
    pub level: Option<OfficialLevel>,
    /// The page's own words ("Partial System Outage"), when it has them.
    pub description: Option<String>,
    /// Since when the page shows `level`.
    pub since: Option<DateTime<Utc>>,
    /// The last successful read.
    pub checked_at: Option<DateTime<Utc>>,
    /// Components not operational.
    pub components: Vec<ComponentStatus>,
    /// Open official incidents and maintenances in progress.
    pub incidents: Vec<OfficialIncident>,
}

impl OfficialSummary {
    /// Nothing read yet from `source`.
    pub fn not_read(source: &str) -> Self {
        Self {
            source: source.to_string(),
            unavailable_reason: Some("not read yet".to_string()),
            ..Self::default()
        }
    }

    /// The level to show: None while unavailable.
    pub fn shown_level(&self) -> Option<OfficialLevel> {
        self.level.filter(|_| self.available)
    }
}

/// What is kept of a service's official status page: what it says now,
/// and what it said lately (for matching, grading and the feed).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OfficialDoc {
    #[serde(flatten)]
    pub page: OfficialSummary,
    /// Resolved incidents, newest first.
    pub recent: Vec<OfficialIncident>,
    /// Periods of trouble, newest first.
    pub episodes: Vec<Episode>,
    /// Newest first.
    pub changes: Vec<Change>,
}

impl OfficialDoc {
    /// Every incident kept, open or resolved.
    pub fn all_incidents(&self) -> impl Iterator<Item = &OfficialIncident> {
        self.page.incidents.iter().chain(&self.recent)
    }
}

/// How a page is polled: validators for conditional requests, failures
/// in a row (for backoff) and when the next poll is due (the app clock).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PollState {
    pub source: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub failures: u32,
    pub next_at: Option<DateTime<Utc>>,
    pub polls: u64,
}

/// Cuts `s` to at most [`TEXT_MAX`] characters, on a character boundary.
pub fn clip(s: &str) -> String {
    let s = s.trim();
    match s.char_indices().nth(TEXT_MAX) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}
