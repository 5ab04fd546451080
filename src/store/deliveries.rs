//! The delivery queue: webhook deliveries and followers' notices by due
//! time (`dw:{webhooks}:deliveries`), claimed under a lease so two
//! processes never take the same attempt.
//!
//! [`DeliveryQueue`] is what a backend implements (stored JSON text, which
//! is also a delivery's identity in the queue: one per attempt); callers
//! use the typed methods on `dyn Store`.

use super::codec::{decode, encode};
use super::{Store, StoreResult};
use async_trait::async_trait;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Pending deliveries, as stored (JSON text).
#[async_trait]
pub trait DeliveryQueue: Send + Sync {
    /// Queues a delivery (JSON, unique per attempt) due at `due_ms` (unix
    /// milliseconds).
    async fn enqueue_delivery(&self, due_ms: i64, json: &str) -> StoreResult<()>;

    /// Claims up to `limit` deliveries due at `now_ms`, atomically: each
    /// is hidden from every other claimer for `lease_ms`, so two processes
    /// never take the same attempt. A claimed delivery that is not
    /// finished in time (its process died) comes due again.
    async fn claim_deliveries(
        &self,
        now_ms: i64,
        lease_ms: i64,
        limit: usize,
    ) -> StoreResult<Vec<String>>;

    /// Finishes a claimed delivery: removes it and, for a retry, queues
    /// the next attempt (`(due_ms, json)`) in the same atomic step.
    async fn finish_delivery(&self, json: &str, retry: Option<(i64, &str)>) -> StoreResult<()>;
}

/// A delivery taken from the queue: what it says (`None` when it cannot be
/// read; finish it all the same) and its place in the queue.
#[derive(Debug)]
pub struct Claimed<T> {
    pub delivery: Option<T>,
    stored: String,
}

impl dyn Store {
    /// Queues `delivery`, due at `due_ms` (unix milliseconds).
    pub async fn queue<T: Serialize + Sync>(&self, due_ms: i64, delivery: &T) -> StoreResult<()> {
        self.enqueue_delivery(due_ms, &encode(delivery)?).await
    }

    /// Claims up to `limit` deliveries due at `now_ms` for `lease_ms` (see
    /// [`DeliveryQueue::claim_deliveries`]).
    pub async fn claim<T: DeserializeOwned>(
        &self,
        now_ms: i64,
        lease_ms: i64,
        limit: usize,
    ) -> StoreResult<Vec<Claimed<T>>> {
        let jsons = self.claim_deliveries(now_ms, lease_ms, limit).await?;
        Ok(jsons
            .into_iter()
            .map(|stored| Claimed {
                delivery: decode(&stored, "delivery", "queue"),
                stored,
            })
            .collect())
    }

    /// Finishes `claimed`, queueing `retry` (`(due_ms, next attempt)`) in
    /// the same step.
    pub async fn finish<T: Serialize + Sync>(
        &self,
        claimed: &Claimed<T>,
        retry: Option<(i64, &T)>,
    ) -> StoreResult<()> {
        match retry {
            None => self.finish_delivery(&claimed.stored, None).await,
            Some((due, next)) => {
                let next = encode(next)?;
                self.finish_delivery(&claimed.stored, Some((due, &next)))
                    .await
            }
        }
    }
}
