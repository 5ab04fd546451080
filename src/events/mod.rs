//! Live events: incidents opened, updated and resolved, official status
//! changes (`official.changed`) and shared causes (`cause.labelled`,
//! `cause.cleared`), fanned out to Server-Sent Events clients, webhooks and
//! people following a service ([`follow`]). Whoever makes an event (the
//! detector, the admin API) joins it (`crate::read::join_event`) and calls
//! [`publish`]: it appends the event to the
//! store's shared log and queues a webhook delivery per matching
//! subscription. Every process pumps that log into a local broadcast
//! channel, so a client connected to any process sees every event once.

pub mod delivery;
pub mod follow;
pub mod targets;
pub mod webhooks;

use crate::detect::IncidentEvent;
use crate::store::{Store, StoreError};
use serde::Serialize;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast;

/// Publishes `event` to the shared log (SSE) and to the delivery queue.
/// The incident comes joined already: its official updates and probable
/// cause (see `crate::read::join_event`), so every reader sees the same
/// document.
pub async fn publish(store: &dyn Store, event: &IncidentEvent) -> Result<(), StoreError> {
    let service = event.incident.service.as_str();
    let name = format!("incident.{}", event.kind.as_str());
    publish_as(store, service, Some(&event.incident.region), &name, event).await?;
    follow::fanout::enqueue(store, event, delivery::now_ms()).await
}

/// Publishes `event` named `name` (`incident.opened`, `official.changed`)
/// for `service`: appends it to the log and queues a delivery per
/// subscription matching `region` (None: every subscription of the
/// service).
pub async fn publish_as<T: Serialize + Sync>(
    store: &dyn Store,
    service: &str,
    region: Option<&str>,
    name: &str,
    event: &T,
) -> Result<(), StoreError> {
    publish_to(store, &[(service, region)], name, event).await
}

/// Publishes `event` that concerns several services (a shared cause):
/// appended to the log once, a webhook delivery queued per `targets`
/// (service, region) as [`publish_as`] does for one.
pub async fn publish_to<T: Serialize + Sync>(
    store: &dyn Store,
    targets: &[(&str, Option<&str>)],
    name: &str,
    event: &T,
) -> Result<(), StoreError> {
    let (_, json) = store.log_event(event).await?;
    let now = delivery::now_ms();
    for (service, region) in targets {
        webhooks::enqueue(store, service, *region, name, &json, now).await?;
    }
    Ok(())
}

/// [`publish_as`] of an event already in JSON (`{"kind": …}`).
pub async fn publish_json(
    store: &dyn Store,
    service: &str,
    region: Option<&str>,
    name: &str,
    json: &str,
) -> Result<(), StoreError> {
    store.append_event(json).await?;
    webhooks::enqueue(store, service, region, name, json, delivery::now_ms()).await
}

/// One event from the log: its id (for `Last-Event-ID`) and JSON body.
#[derive(Debug, Clone)]
pub struct LoggedEvent {
    pub id: String,
    pub json: String,
}

/// The process's fan-out point.
#[derive(Clone)]
pub struct EventHub {
    tx: broadcast::Sender<LoggedEvent>,
}

impl Default for EventHub {
    fn default() -> Self {
        Self::new()
    }
}

impl EventHub {
    pub fn new() -> Self {
        let (tx, _) = broadcast::channel(1024);
        Self { tx }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<LoggedEvent> {
        self.tx.subscribe()
    }

    /// Follows the store's event log from its current end, forever.
    pub async fn pump(self, store: Arc<dyn Store>, poll: Duration) {
        let mut last: Option<String> = None;
        // Skip what was logged before this process started.
        loop {
            match store.read_events(last.as_deref(), 1000).await {
                Ok(batch) if batch.is_empty() => break,
                Ok(batch) => last = batch.last().map(|(id, _)| id.clone()),
                Err(_) => {
                    tokio::time::sleep(poll).await;
                }
            }
        }
        loop {
            match store.read_events(last.as_deref(), 1000).await {
                Ok(batch) => {
                    for (id, json) in batch {
                        last = Some(id.clone());
                        // No subscribers is fine: nobody is listening.
                        let _ = self.tx.send(LoggedEvent { id, json });
                    }
                }
                Err(e) => tracing::debug!(error = %e, "event log unavailable"),
            }
            tokio::time::sleep(poll).await;
        }
    }
}
