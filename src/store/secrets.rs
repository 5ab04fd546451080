//! The secrets repository: long-lived shared secrets (the VAPID key, the
//! link key: `dw:{follow}:secret:<name>`) and the day's reporter secret
//! (`dw:{secret}:reporter:<yyyy-mm-dd>`). Every process sharing the store
//! agrees on each: the first candidate stored wins.

use super::StoreResult;
use async_trait::async_trait;

/// Shared secrets.
#[async_trait]
pub trait Secrets: Send + Sync {
    /// A long-lived secret named `name` (the VAPID key, the link key):
    /// `candidate` is stored unless one is already, and the stored one is
    /// returned, so every process sharing the store agrees. Never expires.
    async fn shared_secret(&self, name: &str, candidate: &str) -> StoreResult<String>;

    /// The reporter secret of `day` ("yyyy-mm-dd"): `candidate` is stored
    /// unless a secret for that day already is, and the stored one is
    /// returned, so every process sharing the store agrees. Kept two days.
    async fn daily_secret(&self, day: &str, candidate: &str) -> StoreResult<String>;
}
