//! One read of a status page, whatever its format: the level it shows, the
//! components not operational and the incidents it names. The parsers
//! ([`super::statuspage`], [`super::feed`]) produce it; [`super::merge`]
//! folds it into what is kept.

use super::model::{ComponentStatus, OfficialUpdate};
use crate::detect::OfficialLevel;
use chrono::{DateTime, Utc};

/// Why a page was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ParseError {
    #[error("not a Statuspage v2 summary: {0}")]
    Statuspage(String),
    #[error("not an Atom or RSS feed: {0}")]
    Feed(String),
    #[error("not a Google status dashboard incidents.json: {0}")]
    Google(String),
    #[error("not a Slack status API answer: {0}")]
    Slack(String),
    #[error("neither JSON nor XML")]
    UnknownFormat,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub level: OfficialLevel,
    pub description: Option<String>,
    pub components: Vec<ComponentStatus>,
    pub incidents: Vec<ReadIncident>,
    /// The human status page, when the source names it (a summary's
    /// `page.url`, a feed's own link).
    pub page_url: Option<String>,
}

/// An incident (or maintenance) as one read names it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadIncident {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    pub impact: OfficialLevel,
    pub status: String,
    pub created_at: DateTime<Utc>,
    /// Set when the page says it is over (feeds list resolved ones too).
    pub resolved_at: Option<DateTime<Utc>>,
    /// Newest first.
    pub updates: Vec<OfficialUpdate>,
    pub components: Vec<String>,
    pub maintenance: bool,
}

/// Parses a page body read from `source`, telling the format from the
/// body: a JSON array is a Google dashboard's `incidents.json`, a JSON
/// object with `active_incidents` Slack's status API, any other JSON
/// object a Statuspage v2 summary, XML an Atom or RSS feed.
pub fn parse(body: &[u8], now: DateTime<Utc>, source: &str) -> Result<Reading, ParseError> {
    let first = body
        .iter()
        .copied()
        .find(|b| !b.is_ascii_whitespace() && *b != 0xEF && *b != 0xBB && *b != 0xBF);
    match first {
        Some(b'[') => super::google::parse(body, source),
        Some(b'{') if is_slack(body) => super::slack::parse(body),
        Some(b'{') => super::statuspage::parse(body),
        Some(b'<') => super::feed::parse(body, now),
        _ => Err(ParseError::UnknownFormat),
    }
}

/// Whether a JSON object has Slack's `active_incidents`.
fn is_slack(body: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct Probe {
        #[serde(default)]
        active_incidents: Option<serde::de::IgnoredAny>,
    }
    serde_json::from_slice::<Probe>(body).is_ok_and(|p| p.active_incidents.is_some())
}
