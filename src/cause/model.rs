//! What the correlator reads and writes: the detector's flags, ASN mixes,
//! and the causes it labels (the API's `causes` and each incident's
//! `probable_cause`), with the document they are kept in.

use crate::detect::{Incident, ProbableCause};
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Where the current causes are kept: a document of this pseudo-service
/// (its keys carry their own hash tag, `dw:{_causes}:…`).
pub const CAUSES_SCOPE: &str = "_causes";
/// The document's name.
pub const CAUSES_DOC: &str = "causes";
/// Events published when a label appears and when it clears.
pub const LABELLED_EVENT: &str = "cause.labelled";
pub const CLEARED_EVENT: &str = "cause.cleared";

/// The kinds of shared cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CauseKind {
    /// Many services in one country at once, the extra reports mostly from
    /// one operator's networks: probably the connection, not the services.
    Isp,
    /// Services that run on one upstream (a CDN, a cloud) spike together
    /// while the upstream is flagged by its reports or its official page.
    Upstream,
    /// One carrier surges and others in its country rise far less: their
    /// reports are likely people blaming their own carrier.
    Sympathy,
}

impl CauseKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CauseKind::Isp => "isp",
            CauseKind::Upstream => "upstream",
            CauseKind::Sympathy => "sympathy",
        }
    }
}

/// A (service, region) the detector flags now: "possible" or "outage".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    pub service: String,
    /// "global", a country ("DE") or a subdivision ("DE-BY").
    pub region: String,
    /// When the flag was first seen (kept across ticks by the task).
    pub onset: DateTime<Utc>,
    /// Reports in the region over the cluster window, and what the
    /// baseline expected there: how far the service rose for its size.
    pub observed: u64,
    pub expected: f64,
    /// For a global flag: the country most of the service's reports in the
    /// window come from, when one has the majority. A surge in one country
    /// can flag a service's global series before (or instead of) the
    /// country's own.
    #[serde(default)]
    pub mostly_from: Option<String>,
}

impl Flag {
    /// The country of the flag's region; for "global", the country most
    /// of its reports come from now, if any.
    pub fn country(&self) -> Option<&str> {
        if self.region == crate::detect::GLOBAL {
            self.mostly_from.as_deref()
        } else {
            Some(self.region.split('-').next().unwrap_or(""))
        }
    }

    /// Observed over expected, less one: the relative rise.
    pub fn rise(&self) -> f64 {
        self.observed as f64 / self.expected.max(0.5) - 1.0
    }
}

/// Reports per ASN of one service in one country: now (the cluster window)
/// and usually (the hours before), with the minutes `usual` spans.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AsnMix {
    pub now: HashMap<u32, u64>,
    pub usual: HashMap<u32, u64>,
    pub usual_minutes: i64,
}

/// One labelled (service, region).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Member {
    pub service: String,
    pub region: String,
}

/// A labelled cluster with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Cause {
    /// Stable while the cause holds: `isp:DE:deutsche-telekom`,
    /// `upstream:aws`, `sympathy:US:att`.
    pub id: String,
    pub kind: CauseKind,
    /// The country the cause is in, or "global".
    pub region: String,
    /// Who is the probable cause: the operator ("Deutsche Telekom",
    /// "AS64500"), the upstream ("AWS") or the carrier that failed.
    pub subject: String,
    /// The catalog service of the subject, when it is one.
    pub subject_service: Option<String>,
    /// For an ISP cause: the operator's autonomous systems seen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub asns: Vec<u32>,
    /// The services and regions the label is on.
    pub members: Vec<Member>,
    /// For an ISP cause: the operator's share of the cluster's reports now,
    /// and its usual share of those services' reports there.
    pub share_now: Option<f64>,
    pub usual_share: Option<f64>,
    /// For an ISP cause: whether the other operators' reports together
    /// are within chance of their usual level ("other networks are fine").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub others_as_usual: Option<bool>,
    /// For sympathy: the failing carrier's rise (observed / expected - 1)
    /// and the largest of the labelled carriers'.
    pub subject_rise: Option<f64>,
    pub member_rise: Option<f64>,
    /// The first flag of the cluster.
    pub first_onset: DateTime<Utc>,
    /// When the label first held (kept while it holds).
    pub labelled_at: DateTime<Utc>,
    /// 0 to 1: how strongly the evidence points at the cause
    /// (docs/shared-cause.md).
    pub confidence: f64,
    /// One sentence for people.
    pub summary: String,
}

impl Cause {
    pub fn labels(&self, service: &str, region: &str) -> bool {
        self.members
            .iter()
            .any(|m| m.service == service && m.region == region)
    }

    pub fn touches(&self, service: &str) -> bool {
        self.members.iter().any(|m| m.service == service)
    }

    /// What an incident of a member carries.
    pub fn probable_cause(&self) -> ProbableCause {
        ProbableCause {
            id: self.id.clone(),
            kind: self.kind.as_str().to_string(),
            subject: self.subject.clone(),
            summary: self.summary.clone(),
            confidence: self.confidence,
        }
    }
}

/// The `cause.labelled` and `cause.cleared` events (SSE, webhooks).
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CauseEvent {
    /// `cause.labelled` or `cause.cleared`.
    pub kind: String,
    pub cause: Cause,
}

/// What the task keeps between ticks: the current causes, when each
/// (service, region) was first flagged, and the onsets of the last days
/// per country (the usual rate of flags, for the chance threshold).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CausesDoc {
    pub causes: Vec<Cause>,
    /// "service|region" -> first seen flagged.
    #[serde(default)]
    pub onsets: HashMap<String, DateTime<Utc>>,
    /// "service|country" -> first seen rising significantly while not
    /// flagged there (a carrier, while another of its country is flagged).
    #[serde(default)]
    pub rising: HashMap<String, DateTime<Utc>>,
    /// Country (or "global") -> onsets of flags in the history window.
    #[serde(default)]
    pub history: HashMap<String, Vec<DateTime<Utc>>>,
    /// When the history began (the correlator's first tick).
    #[serde(default)]
    pub since: Option<DateTime<Utc>>,
    pub updated_at: Option<DateTime<Utc>>,
}

/// The current causes doc; none (or unreadable, logged) is empty.
pub async fn load_causes(store: &dyn Store) -> Result<CausesDoc, StoreError> {
    let Some(json) = store.get_doc(CAUSES_SCOPE, CAUSES_DOC).await? else {
        return Ok(CausesDoc::default());
    };
    Ok(serde_json::from_str(&json).unwrap_or_else(|e| {
        tracing::warn!(error = %e, "unreadable causes document");
        CausesDoc::default()
    }))
}

/// Joins the probable cause of each incident from `causes`.
pub fn probable_cause(causes: &[Cause], incidents: &mut [Incident]) {
    for incident in incidents {
        incident.probable_cause = causes
            .iter()
            .find(|c| c.labels(&incident.service, &incident.region))
            .map(Cause::probable_cause);
    }
}
