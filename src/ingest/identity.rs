//! Who reported, without knowing who: the reporter is a keyed hash
//! (HMAC-SHA256) of the client (an IPv4 address, or an IPv6 /64: see
//! [`client_key`]) under a secret that changes every UTC day, and the
//! network is a keyed hash of its prefix (/24 IPv4, /48 IPv6). The raw
//! address is dropped once these and the region are known.
//!
//! The day's secret is derived from `--reporter-secret` when one is
//! configured; otherwise a random one is proposed to the store, which keeps
//! the first proposal of the day, so every process sharing the store hashes
//! alike. Each process caches the secrets of today and yesterday.

use crate::store::{Store, StoreError};
use chrono::{DateTime, Days, NaiveDate, Utc};
use hmac::{Hmac, Mac};
use ipnet::IpNet;
use sha2::Sha256;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

pub use crate::config::Secret;

type HmacSha256 = Hmac<Sha256>;

/// Hex digits of the reporter hash (64 bits of the HMAC: collisions stay
/// negligible at any plausible number of reporters per day).
const REPORTER_HEX: usize = 16;
/// Hex digits of the network hash: 48 bits are plenty to tell prefixes apart
/// within one service and day, and short enough for a hash field name.
const NETWORK_HEX: usize = 12;

/// The keyed hashes standing for one client address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The reporter under today's secret.
    pub reporter: String,
    /// The reporter under yesterday's secret.
    pub previous_reporter: String,
    /// The client's network prefix under today's secret.
    pub network: String,
}

/// Turns client addresses into [`Identity`]s; one per process.
pub struct ReporterIdentity {
    configured: Option<Secret>,
    cache: Mutex<HashMap<NaiveDate, Arc<[u8]>>>,
}

impl ReporterIdentity {
    /// `configured`: the operator's secret, from which each day's secret is
    /// derived; `None` to generate daily secrets and share them via the store.
    pub fn new(configured: Option<Secret>) -> Self {
        Self {
            configured,
            cache: Mutex::default(),
        }
    }

    /// The hashes of `ip` at time `at`.
    pub async fn identify(
        &self,
        store: &dyn Store,
        ip: IpAddr,
        at: DateTime<Utc>,
    ) -> Result<Identity, StoreError> {
        let ip = ip.to_canonical();
        let today = at.date_naive();
        let yesterday = today.checked_sub_days(Days::new(1)).unwrap_or(today);
        let secret = self.secret(store, today).await?;
        let previous = self.secret(store, yesterday).await?;
        let address = client_key(ip).to_string();
        Ok(Identity {
            reporter: keyed_hash(&secret, "reporter", &address, REPORTER_HEX),
            previous_reporter: keyed_hash(&previous, "reporter", &address, REPORTER_HEX),
            network: keyed_hash(
                &secret,
                "network",
                &network_prefix(ip).to_string(),
                NETWORK_HEX,
            ),
        })
    }

    async fn secret(&self, store: &dyn Store, day: NaiveDate) -> Result<Arc<[u8]>, StoreError> {
        if let Some(s) = self.lock().get(&day) {
            return Ok(s.clone());
        }
        let label = day.format("%Y-%m-%d").to_string();
        let secret: Arc<[u8]> = match &self.configured {
            Some(configured) => {
                let derived = keyed_hash(configured.expose().as_bytes(), "day", &label, 64);
                Arc::from(derived.into_bytes())
            }
            None => {
                let candidate = random_hex()?;
                let stored = store.daily_secret(&label, &candidate).await?;
                Arc::from(stored.into_bytes())
            }
        };
        let mut cache = self.lock();
        let oldest = day.checked_sub_days(Days::new(2)).unwrap_or(day);
        cache.retain(|d, _| *d >= oldest);
        cache.insert(day, secret.clone());
        Ok(secret)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<NaiveDate, Arc<[u8]>>> {
        // A poisoned cache still holds whole entries.
        self.cache.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The address standing for one client: an IPv4 address itself, an IPv6
/// address's /64 (the network address). A /64 is what one home or one
/// phone gets, and its 2^64 addresses are all the same person's to use, so
/// identity, dedupe and the per-client limits key on the /64.
pub fn client_key(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => IpAddr::V6((u128::from(v6) & !(u64::MAX as u128)).into()),
    }
}

/// The network a rate limit and the brigading signal group an address in:
/// its /24 (IPv4) or /48 (IPv6).
pub fn network_prefix(ip: IpAddr) -> IpNet {
    let ip = ip.to_canonical();
    let len = if ip.is_ipv4() { 24 } else { 48 };
    IpNet::new(ip, len).map_or_else(|_| IpNet::from(ip), |n| n.trunc())
}

/// `hex_len` hex digits of HMAC-SHA256(secret, "<purpose>|<value>").
fn keyed_hash(secret: &[u8], purpose: &str, value: &str, hex_len: usize) -> String {
    // HMAC accepts keys of any length; `new_from_slice` cannot fail for it.
    let mut mac = match HmacSha256::new_from_slice(secret) {
        Ok(mac) => mac,
        Err(_) => unreachable_hmac(),
    };
    mac.update(purpose.as_bytes());
    mac.update(b"|");
    mac.update(value.as_bytes());
    let digest = mac.finalize().into_bytes();
    let mut hex = hex::encode(&digest[..hex_len.div_ceil(2).min(digest.len())]);
    hex.truncate(hex_len);
    hex
}

#[cold]
fn unreachable_hmac() -> ! {
    unreachable!("HMAC-SHA256 takes keys of any length")
}

/// 32 random bytes, hex encoded.
fn random_hex() -> Result<String, StoreError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| StoreError::backend(format!("no randomness for the reporter secret: {e}")))?;
    Ok(hex::encode(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStore;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0)
            .single()
            .expect("time")
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("ip")
    }

    #[tokio::test]
    async fn hashes_are_stable_within_a_day_and_rotate_daily() {
        let store = MemoryStore::new(0);
        let ids = ReporterIdentity::new(None);
        let a = ids
            .identify(&store, ip("8.8.8.8"), at(2, 1))
            .await
            .expect("id");
        let b = ids
            .identify(&store, ip("8.8.8.8"), at(2, 23))
            .await
            .expect("id");
        assert_eq!(a, b);
        assert_eq!(a.reporter.len(), REPORTER_HEX);
        let next_day = ids
            .identify(&store, ip("8.8.8.8"), at(3, 1))
            .await
            .expect("id");
        assert_ne!(next_day.reporter, a.reporter);
        assert_eq!(next_day.previous_reporter, a.reporter);
        assert!(!a.reporter.contains("8.8"));
    }

    #[tokio::test]
    async fn processes_sharing_a_store_agree() {
        let store = MemoryStore::new(0);
        let one = ReporterIdentity::new(None);
        let two = ReporterIdentity::new(None);
        let a = one
            .identify(&store, ip("2a02:cf40::1"), at(2, 1))
            .await
            .expect("id");
        let b = two
            .identify(&store, ip("2a02:cf40::1"), at(2, 5))
            .await
            .expect("id");
        assert_eq!(a, b);
    }

    #[tokio::test]
    async fn a_configured_secret_needs_no_store_agreement() {
        let secret = Some(Secret::new("s3cret"));
        let a = ReporterIdentity::new(secret.clone())
            .identify(&MemoryStore::new(0), ip("8.8.8.8"), at(2, 1))
            .await
            .expect("id");
        let b = ReporterIdentity::new(secret)
            .identify(&MemoryStore::new(0), ip("8.8.8.8"), at(2, 1))
            .await
            .expect("id");
        assert_eq!(a, b);
    }

    #[tokio::test]
    async fn one_network_one_hash() {
        let store = MemoryStore::new(0);
        let ids = ReporterIdentity::new(None);
        let id = |s: &'static str| {
            let ids = &ids;
            let store = &store;
            async move { ids.identify(store, ip(s), at(2, 1)).await.expect("id") }
        };
        let (a, b, c) = (
            id("8.8.8.8").await,
            id("8.8.8.9").await,
            id("8.8.9.8").await,
        );
        assert_eq!(a.network, b.network);
        assert_ne!(a.reporter, b.reporter);
        assert_ne!(a.network, c.network);
        assert_eq!(
            network_prefix(ip("2a02:cf40:1:2::1")).to_string(),
            "2a02:cf40:1::/48"
        );
        assert_eq!(
            network_prefix(ip("::ffff:8.8.8.8")).to_string(),
            "8.8.8.0/24"
        );
    }

    #[tokio::test]
    async fn one_ipv6_64_is_one_reporter() {
        let store = MemoryStore::new(0);
        let ids = ReporterIdentity::new(None);
        let a = ids
            .identify(&store, ip("2a02:cf40:1:2::1"), at(2, 1))
            .await
            .expect("id");
        let b = ids
            .identify(&store, ip("2a02:cf40:1:2:dead:beef:0:7"), at(2, 1))
            .await
            .expect("id");
        let c = ids
            .identify(&store, ip("2a02:cf40:1:3::1"), at(2, 1))
            .await
            .expect("id");
        assert_eq!(a.reporter, b.reporter);
        assert_ne!(a.reporter, c.reporter);
        assert_eq!(
            client_key(ip("2a02:cf40:1:2:3:4:5:6")),
            ip("2a02:cf40:1:2::")
        );
        assert_eq!(client_key(ip("::ffff:8.8.8.8")), ip("8.8.8.8"));
    }

    #[test]
    fn secrets_do_not_debug_print() {
        assert_eq!(format!("{:?}", Secret::new("hunter2")), "Secret(***)");
    }
}
