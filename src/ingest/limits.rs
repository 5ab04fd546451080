//! Rate limits (governor, GCRA) on report submission, the read API and
//! the pages.
//!
//! Reports are limited per client (an IPv4 address or an IPv6 /64, see
//! [`client_key`]) and per network prefix (/24 IPv4, /48 IPv6, each with
//! its own budget), so neither one home nor one network can flood a
//! service; reads are limited per API key, or per client for anonymous
//! callers; page views per client. Every limit is "N per minute" with a
//! burst of N; 0 turns it off.
//!
//! Limiter state lives in this process only and is never persisted. Memory
//! is bounded ([`BoundedStore`]): a limiter past half its key budget, and
//! then each time an eighth of the budget in new keys has arrived since
//! its last sweep, drops the keys that are back at full allowance; one still
//! past its budget (a flood from more distinct clients than the budget
//! within one replenish period) evicts the keys nearest to full allowance,
//! so the clients being refused stay refused.

use super::bounded_store::{BoundedStore, Occupancy};
use super::identity::{client_key, network_prefix};
pub use crate::config::defaults::{DEFAULT_MAX_KEYS, DEFAULT_REPORTS_PER_IPV6_PREFIX};
use governor::clock::{Clock, DefaultClock};
use governor::middleware::{StateInformationMiddleware, StateSnapshot};
use governor::{Quota, RateLimiter};
use ipnet::IpNet;
use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

/// Rate limit settings; every limit is requests per minute, 0 = unlimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LimitSettings {
    pub reports_per_ip: u32,
    pub reports_per_prefix: u32,
    /// Per IPv6 /48 (`reports_per_prefix` is per IPv4 /24).
    pub reports_per_ipv6_prefix: u32,
    pub reads_anonymous: u32,
    pub reads_keyed: u32,
    /// Page views (and assets) per client address.
    pub pages_per_ip: u32,
    /// Keys each limiter may hold before it sheds them.
    pub max_keys: usize,
}

impl LimitSettings {
    /// No limits at all.
    pub fn unlimited() -> Self {
        Self {
            reports_per_ip: 0,
            reports_per_prefix: 0,
            reports_per_ipv6_prefix: 0,
            reads_anonymous: 0,
            reads_keyed: 0,
            pages_per_ip: 0,
            max_keys: DEFAULT_MAX_KEYS,
        }
    }
}

/// What a client is told about a limit (the `RateLimit-*` headers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateStatus {
    /// Requests allowed per window (the burst).
    pub limit: u32,
    /// Requests left right now.
    pub remaining: u32,
    /// Seconds until the allowance is whole again.
    pub reset_secs: u64,
    /// The window the limit is expressed over, in seconds.
    pub window_secs: u64,
}

/// A refused request: when to come back, and the limit that refused it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    pub retry_after_secs: u64,
    pub status: RateStatus,
}

/// The outcome of a check: `Ok(None)` when no limit applies.
pub type Verdict = Result<Option<RateStatus>, Refusal>;

type Limiter<K> = RateLimiter<K, BoundedStore<K>, DefaultClock, StateInformationMiddleware>;

/// One keyed limit with a bounded number of keys.
pub struct KeyedLimit<K: Hash + Eq + Clone> {
    quota: Option<Quota>,
    limiter: Limiter<K>,
    max_keys: usize,
    /// The limiter's key count, read without locks on every check.
    occupancy: Arc<Occupancy>,
    clock: DefaultClock,
}

impl<K: Hash + Eq + Clone> KeyedLimit<K> {
    /// `per_minute` requests a minute per key (0 = unlimited), holding at
    /// most about `max_keys` keys.
    pub fn new(per_minute: u32, max_keys: usize) -> Self {
        let quota = NonZeroU32::new(per_minute).map(Quota::per_minute);
        let max_keys = max_keys.max(1);
        let store = BoundedStore::new(max_keys);
        let occupancy = store.occupancy();
        Self {
            quota,
            limiter: new_limiter(quota, store),
            max_keys,
            occupancy,
            clock: DefaultClock::default(),
        }
    }

    /// Counts one request for `key`.
    pub fn check(&self, key: &K) -> Verdict {
        let Some(quota) = self.quota else {
            return Ok(None);
        };
        let outcome = self.limiter.check_key(key);
        if self.occupancy.claim_sweep() {
            self.bound_memory();
        }
        match outcome {
            Ok(snapshot) => Ok(Some(status(quota, &snapshot))),
            Err(not_until) => {
                let wait = not_until.wait_time_from(self.clock.now());
                Err(Refusal {
                    retry_after_secs: ceil_secs(wait).max(1),
                    status: RateStatus {
                        remaining: 0,
                        reset_secs: ceil_secs(wait + quota.burst_size_replenished_in()),
                        ..status_of_quota(quota)
                    },
                })
            }
        }
    }

    /// Keys currently held.
    pub fn len(&self) -> usize {
        self.limiter.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Drops the keys back at full allowance, and past the budget the
    /// keys nearest to it ([`BoundedStore`]); the store then sets when the
    /// next sweep comes.
    fn bound_memory(&self) {
        let before = self.limiter.len();
        self.limiter.retain_recent();
        if before > self.max_keys {
            tracing::info!(
                keys = before,
                max_keys = self.max_keys,
                "rate limiter over its key budget; evicted the keys nearest to full allowance"
            );
        }
    }
}

fn new_limiter<K: Hash + Eq + Clone>(quota: Option<Quota>, store: BoundedStore<K>) -> Limiter<K> {
    // A disabled limit never checks its limiter; any quota will do.
    let quota = quota.unwrap_or_else(|| Quota::per_minute(NonZeroU32::MIN));
    Limiter::new(quota, store, DefaultClock::default())
}

fn status_of_quota(quota: Quota) -> RateStatus {
    RateStatus {
        limit: quota.burst_size().get(),
        remaining: quota.burst_size().get(),
        reset_secs: 0,
        window_secs: ceil_secs(quota.burst_size_replenished_in()),
    }
}

fn status(quota: Quota, snapshot: &StateSnapshot) -> RateStatus {
    let base = status_of_quota(quota);
    let remaining = snapshot.remaining_burst_capacity().min(base.limit);
    let missing = base.limit - remaining;
    RateStatus {
        remaining,
        reset_secs: ceil_secs(quota.replenish_interval() * missing),
        ..base
    }
}

/// `d` in whole seconds, rounded up.
pub fn ceil_secs(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

/// Who is reading: a configured API key (by its index) or an anonymous
/// client address (limited as its [`client_key`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller {
    Key(usize),
    Anonymous(IpAddr),
}

/// Every limit of the service.
pub struct RateLimits {
    reports_per_ip: KeyedLimit<IpAddr>,
    reports_per_prefix: KeyedLimit<IpNet>,
    reports_per_ipv6_prefix: KeyedLimit<IpNet>,
    reads_anonymous: KeyedLimit<IpAddr>,
    reads_keyed: KeyedLimit<usize>,
    pages_per_ip: KeyedLimit<IpAddr>,
}

impl RateLimits {
    pub fn new(settings: LimitSettings) -> Self {
        Self {
            reports_per_ip: KeyedLimit::new(settings.reports_per_ip, settings.max_keys),
            reports_per_prefix: KeyedLimit::new(settings.reports_per_prefix, settings.max_keys),
            reports_per_ipv6_prefix: KeyedLimit::new(
                settings.reports_per_ipv6_prefix,
                settings.max_keys,
            ),
            reads_anonymous: KeyedLimit::new(settings.reads_anonymous, settings.max_keys),
            reads_keyed: KeyedLimit::new(settings.reads_keyed, settings.max_keys),
            pages_per_ip: KeyedLimit::new(settings.pages_per_ip, settings.max_keys),
        }
    }

    /// A report from `ip`: its client (address or /64) and its network
    /// must both be under their limits. Reports the tighter of the two.
    pub fn check_report(&self, ip: IpAddr) -> Verdict {
        let ip = ip.to_canonical();
        let by_ip = self.reports_per_ip.check(&client_key(ip))?;
        let network = network_prefix(ip);
        let by_prefix = match network {
            IpNet::V4(_) => self.reports_per_prefix.check(&network)?,
            IpNet::V6(_) => self.reports_per_ipv6_prefix.check(&network)?,
        };
        Ok(match (by_ip, by_prefix) {
            (Some(a), Some(b)) => Some(if b.remaining < a.remaining { b } else { a }),
            (a, b) => a.or(b),
        })
    }

    /// The shared per-minute budget of `ip`'s network for one service
    /// ([`crate::ingest::Report::network_budget`]): the network limit of
    /// its address family, so it holds across processes too (0: none).
    pub fn network_budget(&self, ip: IpAddr) -> u32 {
        let limit = match ip.to_canonical() {
            IpAddr::V4(_) => &self.reports_per_prefix,
            IpAddr::V6(_) => &self.reports_per_ipv6_prefix,
        };
        limit.quota.map_or(0, |q| q.burst_size().get())
    }

    /// A read by `caller`.
    pub fn check_read(&self, caller: Caller) -> Verdict {
        match caller {
            Caller::Key(index) => self.reads_keyed.check(&index),
            Caller::Anonymous(ip) => self.reads_anonymous.check(&client_key(ip)),
        }
    }

    /// A page view (or asset) from `ip`.
    pub fn check_page(&self, ip: IpAddr) -> Verdict {
        self.pages_per_ip.check(&client_key(ip))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("ip")
    }

    #[test]
    fn the_burst_is_allowed_then_refused_with_a_retry_time() {
        let limit = KeyedLimit::new(3, 100);
        let key = ip("8.8.8.8");
        let first = limit.check(&key).expect("allowed").expect("limited");
        assert_eq!((first.limit, first.remaining), (3, 2));
        assert_eq!(first.window_secs, 60);
        limit.check(&key).expect("allowed");
        let third = limit.check(&key).expect("allowed").expect("limited");
        assert_eq!(third.remaining, 0);
        let refusal = limit.check(&key).expect_err("refused");
        assert!((1..=20).contains(&refusal.retry_after_secs), "{refusal:?}");
        assert_eq!(refusal.status.remaining, 0);
        assert!(limit.check(&ip("8.8.4.4")).is_ok(), "other keys unaffected");
    }

    #[test]
    fn zero_means_unlimited() {
        let limit = KeyedLimit::new(0, 100);
        for _ in 0..1000 {
            assert_eq!(limit.check(&ip("8.8.8.8")), Ok(None));
        }
        assert!(limit.is_empty());
    }

    #[test]
    fn one_network_shares_the_prefix_limit() {
        let limits = RateLimits::new(LimitSettings {
            reports_per_ip: 5,
            reports_per_prefix: 3,
            ..LimitSettings::unlimited()
        });
        for host in 1..=3 {
            assert!(limits.check_report(ip(&format!("81.2.69.{host}"))).is_ok());
        }
        assert!(limits.check_report(ip("81.2.69.4")).is_err());
        assert!(limits.check_report(ip("81.2.70.4")).is_ok());
    }

    #[test]
    fn one_ipv6_64_is_one_client_and_a_48_has_its_own_budget() {
        let limits = RateLimits::new(LimitSettings {
            reports_per_ip: 2,
            reports_per_prefix: 1,
            reports_per_ipv6_prefix: 3,
            ..LimitSettings::unlimited()
        });
        assert!(limits.check_report(ip("2a02:cf40:1:1::1")).is_ok());
        assert!(limits.check_report(ip("2a02:cf40:1:1::2")).is_ok());
        assert!(limits.check_report(ip("2a02:cf40:1:1:ffff::3")).is_err());
        // Another /64 of the same /48: the /48's third report, its last.
        assert!(limits.check_report(ip("2a02:cf40:1:2::1")).is_ok());
        assert!(limits.check_report(ip("2a02:cf40:1:3::1")).is_err());
        let reads = RateLimits::new(LimitSettings {
            reads_anonymous: 1,
            ..LimitSettings::unlimited()
        });
        assert!(
            reads
                .check_read(Caller::Anonymous(ip("2a02:cf40::1")))
                .is_ok()
        );
        assert!(
            reads
                .check_read(Caller::Anonymous(ip("2a02:cf40::2")))
                .is_err()
        );
    }

    #[test]
    fn a_flood_of_new_keys_does_not_forgive_a_limited_one() {
        let limit = KeyedLimit::new(10, 1_000);
        let limited = ip("2a02:cf40::1");
        while limit.check(&limited).is_ok() {}
        for n in 0u128..20_000 {
            let _ = limit.check(&IpAddr::from(
                (0x2001_0db8_u128 << 96 | n << 64).to_be_bytes(),
            ));
        }
        for _ in 0..10 {
            assert!(
                limit.check(&limited).is_err(),
                "the limited key got through"
            );
        }
    }

    #[test]
    fn a_flood_of_addresses_is_swept_once_per_eighth_of_the_budget() {
        // Each sweep visits every key held, so sweeping on a fixed count of
        // checks made every new address pay for a look at the whole map.
        // 400,000 addresses within one replenish period (6 s): the first
        // sweep at 50,000 keys, then one per 12,500 new keys (about 28;
        // fewer if the loop outlasts the period and keys lapse).
        let limit = KeyedLimit::new(10, 100_000);
        for n in 0u32..400_000 {
            let _ = limit.check(&IpAddr::from(n.to_be_bytes()));
        }
        let sweeps = limit.occupancy.sweeps();
        assert!((5..=40).contains(&sweeps), "{sweeps} sweeps");
        for _ in 0..50_000 {
            let _ = limit.check(&ip("8.8.8.8"));
        }
        assert_eq!(limit.occupancy.sweeps(), sweeps, "one address added no key");
    }

    #[test]
    fn keys_stay_within_budget_under_a_flood_of_addresses() {
        let limit = KeyedLimit::new(10, 1_000);
        for n in 0u32..50_000 {
            let _ = limit.check(&IpAddr::from(n.to_be_bytes()));
            assert!(limit.len() <= 1_000 + 125, "{} keys", limit.len());
        }
    }
}
