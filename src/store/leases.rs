//! The leases repository: which process runs a service's detector, or
//! another per-service task (`dw:{<service>}:lease`,
//! `dw:{<service>}:lease:<task>`), and the live detector processes
//! (`dw:detectors`).

use super::StoreResult;
use async_trait::async_trait;

/// This process's name in leases: its pid and the start's nanoseconds,
/// so a restarted process with a reused pid is another owner.
pub fn process_owner() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!("{}-{nanos:x}", std::process::id())
}

/// Leases and the live detectors.
#[async_trait]
pub trait Leases: Send + Sync {
    /// Takes or renews `service`'s detector lease for `owner`; true when
    /// `owner` holds it for the next `ttl_ms` milliseconds.
    async fn try_lease(&self, service: &str, owner: &str, ttl_ms: u64) -> StoreResult<bool>;

    /// The same lease mechanism for another per-service background task
    /// (`task` names it, e.g. "official"): a lease of its own, so the
    /// task's owner need not be the detector's.
    async fn try_task_lease(
        &self,
        service: &str,
        task: &str,
        owner: &str,
        ttl_ms: u64,
    ) -> StoreResult<bool>;

    /// Announces `owner` as a live detector process for the next `ttl_ms`
    /// milliseconds (by the store's clock) and returns every live one,
    /// itself included, sorted. Processes split the services among the
    /// live detectors; leases keep that split exclusive while it changes.
    async fn live_detectors(&self, owner: &str, ttl_ms: u64) -> StoreResult<Vec<String>>;
}
