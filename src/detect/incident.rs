//! Incidents: declared regional outages, with the evidence that declared
//! them and how they developed.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The region key of a service's whole-world series.
pub const GLOBAL: &str = "global";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum IncidentState {
    /// Declared and still going on.
    Outage,
    Resolved,
}

/// Observed against expected at one moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Evidence {
    pub at: DateTime<Utc>,
    /// The minutes the numbers are summed over: the run of the chart that
    /// declared the outage, since it last rested at zero.
    pub window_minutes: u32,
    pub observed: u64,
    pub expected: f64,
    /// The evidence (nats): the chart's log-likelihood ratio of an outage
    /// against normal traffic, under the negative binomial with `alpha`.
    pub score: f64,
    pub alpha: f64,
    /// The symptom whose chart carried the evidence (its reports alone,
    /// against their usual share); absent when the chart of all reports
    /// did. The incident's `region` says where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symptom: Option<String>,
}

/// One point of an incident's timeline (one detector step).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TimelinePoint {
    pub at: DateTime<Utc>,
    pub observed: u64,
    pub expected: f64,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SymptomCount {
    pub symptom: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Incident {
    pub id: String,
    pub service: String,
    /// "global", a country ("US") or a subdivision ("US-CA").
    pub region: String,
    pub state: IncidentState,
    /// Estimated start of the surge (start of the window that declared it,
    /// moved to its first step above the baseline).
    pub started_at: DateTime<Utc>,
    pub detected_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub peak_reports_per_minute: f64,
    pub peak_at: DateTime<Utc>,
    pub total_reports: u64,
    pub top_symptoms: Vec<SymptomCount>,
    /// What declared the incident.
    pub detection: Evidence,
    /// Observed vs expected per step while the incident was open (left
    /// out of lists).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<TimelinePoint>,
    /// For a global incident: the regions with incidents of their own.
    pub affected_regions: Vec<String>,
    /// For a regional incident: the service's global incident, if any.
    pub global_incident: Option<String>,
    /// Times the incident was reopened after resolving: each is a new
    /// transition into outage (an `incident.reopened` event and a notice).
    pub reopened: u32,
    /// When it last reopened (None if it never did).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reopened_at: Option<DateTime<Utc>>,
    /// Share of the service's counted reports since the incident started
    /// that came from its single busiest network (/24 or /48); None before
    /// it is known.
    #[serde(default)]
    pub busiest_network_share: Option<f64>,
    /// Dominated by one network (see docs/abuse.md): possibly brigading,
    /// shown as suspect rather than announced as an outage.
    #[serde(default)]
    pub suspect: bool,
    /// Official updates by the service's owner, oldest first. Stored apart
    /// from the incident (the detector rewrites it) and joined on reading.
    #[serde(default)]
    pub updates: Vec<IncidentUpdate>,
    /// The status of the latest official update, if any. An official
    /// "resolved" is shown as such; the crowd-sourced `state` still
    /// follows the reports.
    #[serde(default)]
    pub official_status: Option<OfficialStatus>,
    /// When the service first admitted the problem: the linked official
    /// incident's creation, the status page first showing trouble, or the
    /// owner's first update, whichever came first (joined on reading, see
    /// docs/official-status.md).
    #[serde(default)]
    pub official_acknowledged_at: Option<DateTime<Utc>>,
    /// Minutes from `detected_at` to `official_acknowledged_at`; negative
    /// when the company spoke first.
    #[serde(default)]
    pub acknowledgement_lag_minutes: Option<i64>,
    /// The status page's incident this one is linked to.
    #[serde(default)]
    pub official_incident: Option<OfficialIncidentRef>,
    /// A shared cause the incident is part of (an ISP, an upstream, or
    /// sympathy reports), joined on reading from the current causes
    /// (docs/shared-cause.md). The incident's state still follows its
    /// reports: the label explains, it does not hide.
    #[serde(default)]
    pub probable_cause: Option<ProbableCause>,
}

/// The shared cause an incident is labelled with (see `crate::cause`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ProbableCause {
    /// The cause's id in `GET /api/v1/causes`.
    pub id: String,
    /// `isp`, `upstream` or `sympathy`.
    pub kind: String,
    /// The operator, upstream or carrier named as the cause.
    pub subject: String,
    pub summary: String,
    pub confidence: f64,
}

impl ProbableCause {
    /// The country the cause sits in, read from its id
    /// (`isp:<country>:<operator>`, `sympathy:<country>:<service>`); none
    /// for an upstream (`upstream:<service>`), which has no one place.
    pub fn country(&self) -> Option<&str> {
        match self.kind.as_str() {
            "isp" | "sympathy" => self.id.split(':').nth(1).filter(|c| !c.is_empty()),
            _ => None,
        }
    }
}

/// How bad a service's official status page says things are, mapped from
/// each format's own words (docs/official-status.md). Ordered: a worse
/// level compares greater.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum OfficialLevel {
    Ok,
    Maintenance,
    Minor,
    Major,
}

impl OfficialLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            OfficialLevel::Ok => "ok",
            OfficialLevel::Maintenance => "maintenance",
            OfficialLevel::Minor => "minor",
            OfficialLevel::Major => "major",
        }
    }

    /// Words for people: "Major outage".
    pub fn label(self) -> &'static str {
        match self {
            OfficialLevel::Ok => "Operational",
            OfficialLevel::Maintenance => "Under maintenance",
            OfficialLevel::Minor => "Minor problems",
            OfficialLevel::Major => "Major outage",
        }
    }

    /// True for trouble the company admits (minor or major).
    pub fn is_trouble(self) -> bool {
        self >= OfficialLevel::Minor
    }
}

/// The official incident a crowd incident is linked to, as the status
/// page tells it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct OfficialIncidentRef {
    /// The status page's own id (Statuspage incident id, feed entry id).
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    pub impact: OfficialLevel,
    pub created_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    /// The newest update's text, if any.
    pub latest_update: Option<String>,
}

/// What a service's owner says about an incident (the usual status-page
/// vocabulary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OfficialStatus {
    Investigating,
    Identified,
    Monitoring,
    Resolved,
}

impl OfficialStatus {
    pub const ALL: [OfficialStatus; 4] = [
        OfficialStatus::Investigating,
        OfficialStatus::Identified,
        OfficialStatus::Monitoring,
        OfficialStatus::Resolved,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OfficialStatus::Investigating => "investigating",
            OfficialStatus::Identified => "identified",
            OfficialStatus::Monitoring => "monitoring",
            OfficialStatus::Resolved => "resolved",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// One official update on an incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct IncidentUpdate {
    pub at: DateTime<Utc>,
    pub status: OfficialStatus,
    pub message: String,
}

impl Incident {
    pub fn is_active(&self) -> bool {
        self.state == IncidentState::Outage
    }

    /// When the incident last went into outage: its detection, or its
    /// latest reopening.
    pub fn went_down_at(&self) -> DateTime<Utc> {
        self.reopened_at.unwrap_or(self.detected_at)
    }

    /// Sets the official updates (oldest first) and the status they give.
    pub fn set_updates(&mut self, updates: Vec<IncidentUpdate>) {
        self.official_status = updates.last().map(|u| u.status);
        self.updates = updates;
    }
}

/// What happened to an incident at one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum IncidentEventKind {
    Opened,
    /// A resolved incident went back into outage: a detection like
    /// `Opened`, told to the same people.
    Reopened,
    Updated,
    Resolved,
    /// The service's owner posted an official update (the last of
    /// `incident.updates`).
    OfficialUpdate,
}

impl IncidentEventKind {
    /// The name in events: `incident.<this>`.
    /// A transition into outage: a detection.
    pub fn is_detection(self) -> bool {
        matches!(
            self,
            IncidentEventKind::Opened | IncidentEventKind::Reopened
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            IncidentEventKind::Opened => "opened",
            IncidentEventKind::Reopened => "reopened",
            IncidentEventKind::Updated => "updated",
            IncidentEventKind::Resolved => "resolved",
            IncidentEventKind::OfficialUpdate => "official_update",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct IncidentEvent {
    pub kind: IncidentEventKind,
    pub incident: Incident,
}
