//! One report writer per thread. A report is queued to the writer of the
//! thread that handles its request, which batches and sends it over that
//! thread's own Redis connection: on an actix worker the request, its
//! batch and the Redis answer never leave the worker's thread, so a report
//! costs no hand-over to another thread and back (the wake-ups and context
//! switches that a single shared writer costs every request).

use super::super::{Recorded, StoreError};
use super::batch::{Batcher, Write};
use super::conn::RedisConn;
use crate::metrics::StoreMetrics;
use std::cell::RefCell;
use std::sync::OnceLock;
use std::time::Duration;
use thread_local::ThreadLocal;

pub struct Writers {
    url: String,
    timeout: Duration,
    local: ThreadLocal<RefCell<Option<Batcher>>>,
    /// Where writers made from now on count their Redis commands.
    metrics: OnceLock<StoreMetrics>,
}

impl Writers {
    /// Writers on `url` (checked by the caller with [`RedisConn::open`]),
    /// made on first use in each thread.
    pub fn new(url: &str, timeout: Duration) -> Self {
        Self {
            url: url.to_string(),
            timeout,
            local: ThreadLocal::new(),
            metrics: OnceLock::new(),
        }
    }

    /// Counts the Redis commands and round trips of every writer made
    /// from now on in `metrics` (set once, before the first report).
    pub fn set_metrics(&self, metrics: StoreMetrics) {
        let _ = self.metrics.set(metrics);
    }

    /// Queues `write` with this thread's writer and waits until Redis has
    /// stored it.
    pub async fn write(&self, write: Write) -> Result<Recorded, StoreError> {
        let batcher = self.current()?;
        batcher.write(write).await
    }

    /// This thread's writer; a new one when there is none yet or the
    /// runtime that ran it has gone (a thread may host several runtimes in
    /// turn, as tests do).
    fn current(&self) -> Result<Batcher, StoreError> {
        let cell = self.local.get_or(|| RefCell::new(None));
        let mut slot = cell.borrow_mut();
        if let Some(batcher) = slot.as_ref().filter(|b| !b.is_stopped()) {
            return Ok(batcher.clone());
        }
        let batcher = Batcher::spawn(
            RedisConn::open(&self.url)?,
            self.timeout,
            self.metrics.get().cloned(),
        );
        *slot = Some(batcher.clone());
        Ok(batcher)
    }
}
