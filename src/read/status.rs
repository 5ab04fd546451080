//! The documents the detector's driver writes for the read side: a
//! service's status document and its detector state (for expected counts),
//! with their names in the store.

use crate::detect::{ServiceDetector, Status};
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
    /// The worst status of every series (stored as `"ok"`, `"possible"`,
    /// `"outage"`; an empty string, which nothing writes, reads as ok).
    #[serde(deserialize_with = "status_or_ok")]
    pub status: Status,
    /// Regions whose own status is not "ok".
    pub regions: HashMap<String, Status>,
    /// Expected reports per minute now (global).
    pub expected_per_minute: f64,
    pub active_incidents: Vec<String>,
    pub updated_at: Option<DateTime<Utc>>,
    /// The status of the whole-world series alone ("ok", "possible",
    /// "outage"); `status` is the worst of every series.
    #[serde(default)]
    pub global: Option<Status>,
}

/// A stored status; `""` (what an unset status was shown as before it was
/// typed) is ok.
fn status_or_ok<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Status, D::Error> {
    let text = std::borrow::Cow::<str>::deserialize(d)?;
    match text.as_ref() {
        "" | "ok" => Ok(Status::Ok),
        "possible" => Ok(Status::Possible),
        "outage" => Ok(Status::Outage),
        other => Err(serde::de::Error::unknown_variant(
            other,
            &["ok", "possible", "outage"],
        )),
    }
}

/// Status documents of `services`, in order (ok where none exists yet).
pub async fn statuses(store: &dyn Store, services: &[&str]) -> Result<Vec<StatusDoc>, StoreError> {
    let docs = store.load_each(services, STATUS_DOC).await?;
    Ok(docs.into_iter().map(Option::unwrap_or_default).collect())
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn status_documents_keep_their_stored_words() {
        let doc = StatusDoc {
            status: Status::Outage,
            regions: [("US".to_string(), Status::Possible)].into(),
            global: Some(Status::Ok),
            ..StatusDoc::default()
        };
        let stored = serde_json::to_value(&doc).expect("json");
        assert_eq!(stored["status"], json!("outage"));
        assert_eq!(stored["regions"], json!({"US": "possible"}));
        assert_eq!(stored["global"], json!("ok"));
        let back: StatusDoc = serde_json::from_value(stored).expect("read");
        assert_eq!(
            (back.status, back.regions["US"], back.global),
            (Status::Outage, Status::Possible, Some(Status::Ok))
        );
    }

    #[test]
    fn an_empty_status_reads_as_ok_and_an_unknown_one_is_refused() {
        let old = json!({"status": "", "regions": {}, "expected_per_minute": 0.0,
            "active_incidents": [], "updated_at": null});
        let doc: StatusDoc = serde_json::from_value(old.clone()).expect("old doc");
        assert_eq!((doc.status, doc.global), (Status::Ok, None));
        let mut odd = old;
        odd["status"] = json!("down");
        assert!(serde_json::from_value::<StatusDoc>(odd).is_err());
    }
}
