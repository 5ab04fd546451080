//! Outage detection, the pure method: seasonal baselines, a count-data
//! statistic, and the incident state machine per (service, region); plus
//! the offline drivers `replay` and `simulate`. It knows no store, events
//! or HTTP: the server's driver lives in `crate::driver`.
//! The method and its defaults are documented in docs/detection.md.

pub mod baseline;
pub mod cusum;
pub mod engine;
pub mod incident;
pub mod params;
pub mod replay;
pub mod series;
pub mod simulate;
pub mod stat;
pub mod symptoms;

pub use engine::{ServiceDetector, StepCounts};
pub use incident::{
    GLOBAL, Incident, IncidentEvent, IncidentEventKind, IncidentState, IncidentUpdate,
    OfficialIncidentRef, OfficialLevel, OfficialStatus, ProbableCause,
};
pub use params::Params;
pub use series::Status;
