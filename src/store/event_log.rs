//! The event log: incident events as readers see them (`dw:events`, a
//! stream of at most [`super::keys::EVENTS_KEPT`]) and the count of every
//! event ever appended (`{dw:events}:changes`), which read models compare
//! with the version their cached views were computed at.
//!
//! [`EventLog`] is what a backend implements; events are kept as the JSON
//! text the event stream sends as it is, so reading gives text.

use super::codec::encode;
use super::{Store, StoreResult};
use async_trait::async_trait;
use serde::Serialize;

/// The shared event log.
#[async_trait]
pub trait EventLog: Send + Sync {
    /// Appends an event (JSON) to the shared event log; returns its id.
    async fn append_event(&self, json: &str) -> StoreResult<String>;

    /// How many events were ever appended: it grows with every incident
    /// opened, updated or resolved and every official update, after what
    /// they changed is stored. Read models compare it with the version
    /// their cached views were computed at, so such a change shows on the
    /// next request of every process.
    async fn changes(&self) -> StoreResult<u64>;

    /// Events after `after` (all kept events when None), oldest first, at
    /// most `limit`, each `(id, JSON)`. An `after` that is not an id of
    /// this store gives none (the reader resumes from now).
    async fn read_events(
        &self,
        after: Option<&str>,
        limit: usize,
    ) -> StoreResult<Vec<(String, String)>>;
}

impl dyn Store {
    /// Appends `event` to the log; its id and its JSON (as the event
    /// stream and webhooks send it).
    pub async fn log_event<T: Serialize + Sync>(&self, event: &T) -> StoreResult<(String, String)> {
        let json = encode(event)?;
        let id = self.append_event(&json).await?;
        Ok((id, json))
    }
}
