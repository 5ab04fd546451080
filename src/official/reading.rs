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
    #[error("neither JSON nor XML")]
    UnknownFormat,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub level: OfficialLevel,
    pub description: Option<String>,
    pub components: Vec<ComponentStatus>,
    pub incidents: Vec<ReadIncident>,
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

/// Parses a page body, telling the format from its first character: a
/// JSON object is a Statuspage v2 summary, XML an Atom or RSS feed.
pub fn parse(body: &[u8], now: DateTime<Utc>) -> Result<Reading, ParseError> {
    let first = body
        .iter()
        .copied()
        .find(|b| !b.is_ascii_whitespace() && *b != 0xEF && *b != 0xBB && *b != 0xBF);
    match first {
        Some(b'{') => super::statuspage::parse(body),
        Some(b'<') => super::feed::parse(body, now),
        _ => Err(ParseError::UnknownFormat),
    }
}
