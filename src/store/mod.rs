//! Where everything shared between processes lives, as typed repositories
//! over one handle: [`Counts`] (buckets, summaries, reporters; windows in
//! [`window`]), [`Leases`], [`Documents`] (status documents),
//! [`Incidents`], [`CappedDocs`] and [`Slots`] (webhooks and followers
//! alike, follow caps), the [`DeliveryQueue`], the [`EventLog`] and
//! [`Secrets`]. [`Store`] is all of them at once, implemented by
//! [`RedisStore`] (the product's store) and [`MemoryStore`] (the embedded
//! default); the key layout is in [`keys`].
//!
//! Each repository trait is what a backend implements: values as their
//! stored JSON text, the contract the conformance suite checks on memory,
//! Redis and Redis Cluster. Callers use the typed methods each repository
//! adds to `dyn Store` (domain structs in, domain structs out); the JSON
//! is written and read in [`codec`] only.

mod capped;
mod codec;
mod counts;
mod deliveries;
mod documents;
mod error;
mod event_log;
mod incidents;
pub mod keys;
mod leases;
mod memory;
pub mod networks;
mod redis;
mod secrets;
pub mod window;

pub use capped::{CappedDocs, CappedSet, Member, SetOf, Slots};
pub use codec::{Encoded, Typed, json_text};
pub use counts::{Bucket, Counts, Recorded, Resolution};
pub use deliveries::{Claimed, DeliveryQueue};
pub use documents::{DocName, Documents};
pub use error::{StoreError, StoreResult};
pub use event_log::EventLog;
pub use incidents::Incidents;
pub use leases::{Leases, process_owner};
pub use memory::MemoryStore;
pub use networks::NetworkSummary;
pub use redis::{DEFAULT_MAX_PENDING, RedisStore};
pub use secrets::Secrets;

use async_trait::async_trait;

/// Every repository on one handle: what `AppState` and the background
/// tasks hold (`Arc<dyn Store>`).
#[async_trait]
pub trait Store:
    Counts
    + Leases
    + Documents
    + Incidents
    + CappedDocs
    + Slots
    + DeliveryQueue
    + EventLog
    + Secrets
    + Send
    + Sync
    + 'static
{
    /// Succeeds when the store can serve requests now.
    async fn ping(&self) -> StoreResult<()>;

    /// A short description for logs ("memory", "redis at …").
    fn describe(&self) -> String;
}
