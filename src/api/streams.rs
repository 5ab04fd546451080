//! Caps on open event streams. Each stream holds a connection (a file
//! descriptor) for as long as the client likes, so without a cap a few
//! clients can take every descriptor the process has and health checks
//! time out for everyone. A stream takes a slot when it opens and gives it
//! back when the connection ends; past the per-client cap it is answered
//! 429, past the total 503.

use super::ApiError;
pub use crate::config::defaults::{
    DEFAULT_MAX_EVENT_STREAMS, DEFAULT_MAX_EVENT_STREAMS_PER_CLIENT,
};
use crate::ingest::client_key;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard};

/// Seconds a refused stream is told to wait.
pub const STREAM_RETRY_AFTER_SECS: u64 = 10;

/// Streams open at once; 0 = no cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamLimits {
    pub total: usize,
    /// Per client: an IPv4 address or an IPv6 /64.
    pub per_client: usize,
}

#[derive(Default)]
struct Open {
    total: usize,
    by_client: HashMap<IpAddr, usize>,
}

/// The slots of one process.
pub struct StreamSlots {
    limits: StreamLimits,
    open: Arc<Mutex<Open>>,
}

/// One open stream's slot, given back when dropped.
pub struct StreamSlot {
    open: Arc<Mutex<Open>>,
    client: Option<IpAddr>,
}

impl StreamSlots {
    pub fn new(limits: StreamLimits) -> Self {
        Self {
            limits,
            open: Arc::default(),
        }
    }

    /// A slot for a stream from `client` (`None` when the peer is unknown).
    pub fn open(&self, client: Option<IpAddr>) -> Result<StreamSlot, ApiError> {
        let client = client.map(client_key);
        let mut open = lock(&self.open);
        let mine = client.map_or(0, |c| open.by_client.get(&c).copied().unwrap_or(0));
        if self.limits.per_client > 0 && mine >= self.limits.per_client {
            return Err(ApiError::TooManyStreams {
                limit: self.limits.per_client,
            });
        }
        if self.limits.total > 0 && open.total >= self.limits.total {
            return Err(ApiError::StreamsFull);
        }
        open.total += 1;
        if let Some(c) = client {
            *open.by_client.entry(c).or_insert(0) += 1;
        }
        Ok(StreamSlot {
            open: self.open.clone(),
            client,
        })
    }

    /// Streams open now.
    pub fn len(&self) -> usize {
        lock(&self.open).total
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        let mut open = lock(&self.open);
        open.total = open.total.saturating_sub(1);
        if let Some(c) = self.client
            && let Some(n) = open.by_client.get_mut(&c)
        {
            *n -= 1;
            if *n == 0 {
                open.by_client.remove(&c);
            }
        }
    }
}

fn lock(m: &Mutex<Open>) -> MutexGuard<'_, Open> {
    // The counts are whole even in a poisoned lock.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().expect("ip"))
    }

    #[test]
    fn slots_are_capped_per_client_and_in_total_and_given_back() {
        let slots = StreamSlots::new(StreamLimits {
            total: 3,
            per_client: 2,
        });
        let a = slots.open(ip("2a02:cf40::1")).expect("slot");
        let _b = slots.open(ip("2a02:cf40::2")).expect("slot");
        assert!(matches!(
            slots.open(ip("2a02:cf40::3")),
            Err(ApiError::TooManyStreams { .. })
        ));
        let _c = slots.open(ip("8.8.8.8")).expect("slot");
        assert!(matches!(
            slots.open(ip("8.8.4.4")),
            Err(ApiError::StreamsFull)
        ));
        drop(a);
        assert_eq!(slots.len(), 2);
        assert!(slots.open(ip("2a02:cf40::4")).is_ok());
    }
}
