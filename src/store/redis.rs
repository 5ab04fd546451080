//! The product's store: Redis, one server or a cluster ([`conn`]). Reports
//! are written in batches ([`batch`]): one atomic Lua script call covers the
//! counters and dedupe checks of many reports. Reads are pipelined per
//! service. Keys follow [`super::keys`]; every multi-key command stays
//! inside one service's hash tag, so all of it works on a cluster.

//! One file per repository: [`counts`], [`docs`] (status documents and
//! incidents), [`capped`] (webhooks, followers, slots, secrets), [`queue`]
//! (leases, deliveries, the event log).

mod batch;
mod capped;
mod conn;
mod counts;
mod docs;
mod per_thread;
mod queue;

use super::{Store, StoreError, StoreResult};
pub use crate::config::defaults::DEFAULT_MAX_PENDING;
use crate::metrics::StoreMetrics;
use async_trait::async_trait;
use conn::RedisConn;
use per_thread::Writers;
use redis::{ErrorKind, RedisError, Script, ServerErrorKind};
use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long one store call may take before the request gives up with 503.
const CALL_TIMEOUT: Duration = Duration::from_secs(3);

/// [`Store`] on a Redis server.
#[derive(Clone)]
pub struct RedisStore {
    conn: RedisConn,
    writers: Arc<Writers>,
    lease_script: Script,
    detectors_script: Script,
    secret_script: Script,
    claim_script: Script,
    capped_put_script: Script,
    follow_scripts: capped::FollowScripts,
    dedupe_secs: u64,
    url: String,
    metrics: Option<StoreMetrics>,
    pending: Arc<tokio::sync::Semaphore>,
    /// Each service's first complete quarter, once known (it never changes).
    quarters_from: Arc<std::sync::Mutex<HashMap<String, i64>>>,
}

impl RedisStore {
    /// Prepares a store on `url` (one server, or a cluster: see [`conn`])
    /// without connecting: the connection is made on first use and remade
    /// after failures, so the server starts (and answers 503) while Redis is
    /// down and recovers by itself. Reports are written by one batching
    /// task per thread that records them, each on that thread's runtime
    /// and its own connection ([`per_thread`]).
    pub fn new(url: &str, dedupe_secs: u64) -> StoreResult<Self> {
        let conn = RedisConn::open(url)?;
        Ok(Self {
            writers: Arc::new(Writers::new(url, CALL_TIMEOUT)),
            conn,
            lease_script: Script::new(queue::LEASE_LUA),
            detectors_script: Script::new(queue::DETECTORS_LUA),
            secret_script: Script::new(capped::SECRET_LUA),
            claim_script: Script::new(queue::CLAIM_LUA),
            capped_put_script: Script::new(capped::CAPPED_PUT_LUA),
            follow_scripts: capped::FollowScripts::default(),
            dedupe_secs,
            url: redact(url),
            metrics: None,
            pending: Arc::new(tokio::sync::Semaphore::new(DEFAULT_MAX_PENDING)),
            quarters_from: Arc::default(),
        })
    }

    /// Lets at most `max` calls wait on Redis at once (at least one).
    pub fn with_max_pending(mut self, max: usize) -> Self {
        self.pending = Arc::new(tokio::sync::Semaphore::new(max.max(1)));
        self
    }

    /// Reports every call's latency and failures to `metrics`.
    pub fn with_metrics(mut self, metrics: StoreMetrics) -> Self {
        self.writers.set_metrics(metrics.clone());
        self.metrics = Some(metrics);
        self
    }

    async fn call<T>(&self, fut: impl Future<Output = Result<T, RedisError>>) -> StoreResult<T> {
        self.bounded(async { fut.await.map_err(classify) }).await
    }

    /// Runs one store operation under the limits every one shares: at most
    /// `max_pending` at once (more fail at once), each within
    /// [`CALL_TIMEOUT`]; reports its latency and failures to the metrics.
    async fn bounded<T>(&self, fut: impl Future<Output = Result<T, StoreError>>) -> StoreResult<T> {
        let started = Instant::now();
        let (result, failure) = match self.pending.try_acquire() {
            Err(_) => (
                Err(StoreError::Unavailable(
                    "too many Redis calls waiting".into(),
                )),
                Some("overloaded"),
            ),
            Ok(_permit) => match tokio::time::timeout(CALL_TIMEOUT, fut).await {
                Ok(Ok(v)) => (Ok(v), None),
                Ok(Err(e)) => {
                    let kind = match e {
                        StoreError::Unavailable(_) => Some("unavailable"),
                        StoreError::Backend(_) => Some("backend"),
                        StoreError::OutOfRange(_) => None,
                    };
                    (Err(e), kind)
                }
                Err(_) => (
                    Err(StoreError::Unavailable(
                        "Redis did not answer in time".into(),
                    )),
                    Some("timeout"),
                ),
            },
        };
        if let Some(metrics) = &self.metrics {
            metrics.observe(started, failure);
        }
        result
    }
}

fn relock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The URL without its password, for logs.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://***@{}", &url[..scheme], &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

pub(super) fn classify(e: RedisError) -> StoreError {
    let transient = e.is_io_error()
        || e.is_timeout()
        || e.is_connection_dropped()
        || e.is_connection_refusal()
        || matches!(
            e.kind(),
            ErrorKind::Server(
                ServerErrorKind::BusyLoading
                    | ServerErrorKind::TryAgain
                    | ServerErrorKind::ClusterDown
                    | ServerErrorKind::MasterDown
                    | ServerErrorKind::ReadOnly
            )
        );
    if transient {
        StoreError::Unavailable(e.to_string())
    } else {
        StoreError::backend(e)
    }
}

#[async_trait]
#[async_trait]
impl Store for RedisStore {
    async fn ping(&self) -> StoreResult<()> {
        let mut conn = self.conn.clone();
        let _: String = self.call(redis::cmd("PING").query_async(&mut conn)).await?;
        Ok(())
    }

    fn describe(&self) -> String {
        format!("redis at {}", self.url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact("redis://:secret@host:6379/0"),
            "redis://***@host:6379/0"
        );
        assert_eq!(redact("redis://127.0.0.1:6379"), "redis://127.0.0.1:6379");
    }
}
