//! The documents the detector's driver writes for the read side: a
//! service's status document and its detector state (for expected counts),
//! with their names in the store.

use crate::detect::ServiceDetector;
use crate::store::{DocName, Store, StoreError};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Document names in the store.
pub const STATE_DOC: DocName<ServiceDetector> = DocName::new("detector");
pub const STATUS_DOC: DocName<StatusDoc> = DocName::new("status");

/// What the read API shows of a service's detection, kept small so the
/// service list can read every service's at once.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct StatusDoc {
    pub status: String,
    /// Regions whose own status is not "ok".
    pub regions: HashMap<String, String>,
    /// Expected reports per minute now (global).
    pub expected_per_minute: f64,
    pub active_incidents: Vec<String>,
    pub updated_at: Option<DateTime<Utc>>,
    /// The status of the whole-world series alone ("ok", "possible",
    /// "outage"); `status` is the worst of every series.
    #[serde(default)]
    pub global: Option<String>,
}

/// Status documents of `services`, in order ("ok" where none exists yet).
pub async fn statuses(store: &dyn Store, services: &[&str]) -> Result<Vec<StatusDoc>, StoreError> {
    let docs = store.load_each(services, STATUS_DOC).await?;
    Ok(docs
        .into_iter()
        .map(|d| {
            d.unwrap_or_else(|| StatusDoc {
                status: "ok".to_string(),
                ..StatusDoc::default()
            })
        })
        .collect())
}

/// The service's detector as last saved, if detection has run for it.
pub async fn detector(
    store: &dyn Store,
    service: &str,
) -> Result<Option<ServiceDetector>, StoreError> {
    store.load(service, STATE_DOC).await
}

/// The detectors of `services` as last saved, in order.
pub async fn detectors(
    store: &dyn Store,
    services: &[&str],
) -> Result<Vec<Option<ServiceDetector>>, StoreError> {
    store.load_each(services, STATE_DOC).await
}

/// Expected reports from `from` for `minutes` minutes (None = global).
pub fn expected_between(
    detector: Option<&ServiceDetector>,
    region: Option<&str>,
    from: DateTime<Utc>,
    minutes: i64,
) -> Option<f64> {
    let d = detector?;
    let sum: f64 = (0..minutes)
        .map(|m| d.expected_rate(from + Duration::minutes(m), region))
        .sum();
    Some((sum * 10.0).round() / 10.0)
}
