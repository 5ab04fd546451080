//! Outage detection: seasonal baselines, a count-data statistic, and the
//! incident state machine per (service, region); plus the drivers that run
//! them (the server's background task, `replay` and `simulate`).
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
pub mod task;
mod worker;

pub use engine::{ServiceDetector, StepCounts};
pub use incident::{
    GLOBAL, Incident, IncidentEvent, IncidentEventKind, IncidentState, IncidentUpdate,
    OfficialStatus,
};
pub use params::Params;
pub use series::Status;
