//! The official word beside the crowd: polling services' official status
//! pages (Statuspage v2 JSON, Atom/RSS feeds, Google's incidents.json,
//! Slack's status API), keeping what they say in the
//! store, linking crowd incidents to official ones with the lag between
//! them, and grading how fast each service admits its outages. Knows the
//! crowd's incidents as data only, never how they are detected. The
//! formats, the mapping, the matching and the grade are described in
//! docs/official-status.md.

pub mod feed;
pub mod fetch;
pub mod google;
mod history_feed;
pub mod matching;
pub mod merge;
pub mod model;
pub mod poller;
pub mod reading;
pub mod regions;
pub mod slack;
pub mod statuspage;
pub mod text;
mod update_feed;

#[cfg(test)]
mod conformance;

pub use matching::{Acknowledgements, acknowledgements, link};
pub use model::{
    ComponentStatus, OFFICIAL_DOC, OfficialDoc, OfficialIncident, OfficialSummary, OfficialUpdate,
};
pub use poller::{OfficialPoller, PollSettings};

use crate::detect::OfficialLevel;
use crate::store::{Store, StoreError};
use serde::{Deserialize, Serialize};

/// The name of the event published when what a page says changes.
pub const CHANGED_EVENT: &str = "official.changed";

/// The `official.changed` event (SSE, webhooks): the service and what its
/// page says now.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct OfficialEvent {
    /// Always `official.changed`.
    pub kind: String,
    pub service: String,
    pub official: OfficialSummary,
}

/// The kept doc of `service`, if its page was ever polled; an unreadable
/// doc is logged and taken as none.
pub async fn load(store: &dyn Store, service: &str) -> Result<Option<OfficialDoc>, StoreError> {
    store.load(service, OFFICIAL_DOC).await
}

/// The level each of `services`' status pages shows, in order: None
/// where there is no page, it was never read or it is unavailable.
pub async fn levels(
    store: &dyn Store,
    services: &[&str],
) -> Result<Vec<Option<OfficialLevel>>, StoreError> {
    Ok(store
        .load_each(services, model::LEVEL_DOC)
        .await?
        .into_iter()
        .map(Option::flatten)
        .collect())
}

/// Publishes `official.changed` for `service` (the shared event log, so
/// every process's cached views turn stale, and webhooks).
pub async fn publish(
    store: &dyn Store,
    service: &str,
    doc: &OfficialDoc,
) -> Result<(), StoreError> {
    let event = OfficialEvent {
        kind: CHANGED_EVENT.to_string(),
        service: service.to_string(),
        official: doc.page.clone(),
    };
    crate::events::publish_as(store, service, None, CHANGED_EVENT, &event).await
}
