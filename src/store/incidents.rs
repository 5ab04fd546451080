//! The incidents repository: each service's incidents by id, ordered by
//! start (`dw:{<service>}:incidents`, `dw:{<service>}:incident_index`),
//! and the official updates of each, kept apart because the detector
//! rewrites the incident (`dw:{<service>}:incident:<id>:updates`).
//!
//! [`Incidents`] is what a backend implements (stored JSON text); callers
//! use the typed methods on `dyn Store`.

use super::codec::{decode, encode};
use super::{Store, StoreError, StoreResult};
use crate::detect::{Incident, IncidentUpdate};
use async_trait::async_trait;

/// Incidents and their official updates, as stored (JSON text).
#[async_trait]
pub trait Incidents: Send + Sync {
    /// Saves an incident (JSON) of `service` under `id`, ordered by
    /// `started_at` (unix seconds).
    async fn put_incident(
        &self,
        service: &str,
        id: &str,
        started_at: i64,
        json: &str,
    ) -> StoreResult<()>;

    async fn get_incident(&self, service: &str, id: &str) -> StoreResult<Option<String>>;

    /// A service's incidents, newest first, at most `limit`.
    async fn list_incidents(&self, service: &str, limit: usize) -> StoreResult<Vec<String>>;

    /// Appends an official update (JSON) to incident `id` of `service`.
    /// Kept apart from the incident, which the detector rewrites; at most
    /// [`super::keys::UPDATES_KEPT`] per incident (the oldest go).
    async fn add_incident_update(&self, service: &str, id: &str, json: &str) -> StoreResult<()>;

    /// The official updates of each incident `ids` of `service`, oldest
    /// first, in the order of `ids` (one round trip).
    async fn incident_updates(&self, service: &str, ids: &[&str]) -> StoreResult<Vec<Vec<String>>>;
}

impl dyn Store {
    /// Saves `incident` (of its service, under its id).
    pub async fn save_incident(&self, incident: &Incident) -> StoreResult<()> {
        let json = encode(incident)?;
        self.put_incident(
            &incident.service,
            &incident.id,
            incident.started_at.timestamp(),
            &json,
        )
        .await
    }

    /// One incident of `service` (without its official updates). One that
    /// cannot be read is an error: it exists, and a caller asking for it
    /// by id should not be told it does not.
    pub async fn incident(&self, service: &str, id: &str) -> StoreResult<Option<Incident>> {
        let Some(json) = self.get_incident(service, id).await? else {
            return Ok(None);
        };
        serde_json::from_str(&json)
            .map(Some)
            .map_err(|e| StoreError::backend(format!("unreadable incident {id}: {e}")))
    }

    /// Whether `service` has an incident `id`.
    pub async fn has_incident(&self, service: &str, id: &str) -> StoreResult<bool> {
        Ok(self.get_incident(service, id).await?.is_some())
    }

    /// `service`'s incidents, newest first, at most `limit` (without their
    /// official updates); unreadable ones are logged and skipped.
    pub async fn incidents(&self, service: &str, limit: usize) -> StoreResult<Vec<Incident>> {
        let jsons = self.list_incidents(service, limit).await?;
        Ok(jsons
            .iter()
            .filter_map(|j| decode(j, "incident", service))
            .collect())
    }

    /// Appends an official update to incident `id` of `service`.
    pub async fn add_update(
        &self,
        service: &str,
        id: &str,
        update: &IncidentUpdate,
    ) -> StoreResult<()> {
        self.add_incident_update(service, id, &encode(update)?)
            .await
    }

    /// The official updates of each incident `ids` of `service`, oldest
    /// first, in the order of `ids`; unreadable ones are logged and skipped.
    pub async fn updates(
        &self,
        service: &str,
        ids: &[&str],
    ) -> StoreResult<Vec<Vec<IncidentUpdate>>> {
        let lists = self.incident_updates(service, ids).await?;
        Ok(lists
            .into_iter()
            .map(|l| {
                l.iter()
                    .filter_map(|j| decode(j, "incident update", service))
                    .collect()
            })
            .collect())
    }
}
