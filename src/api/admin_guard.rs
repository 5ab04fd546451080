//! Bounds on guessing the admin token. Failed authentications are limited
//! from all clients together (past `--admin-failures-per-minute` the admin
//! API refuses every attempt, right or wrong, until the budget refills, so
//! a refusal tells a guesser nothing), and each client waits longer after
//! each failure beyond the first few (doubling, at most
//! [`MAX_BACKOFF`]). A success clears the client's record.
//!
//! The state lives in this process only; clients are keyed like the rate
//! limits (an IPv4 address or an IPv6 /64) and never logged.

use crate::ingest::{ceil_secs, client_key};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, Quota};
use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Default of `--admin-failures-per-minute`.
pub const DEFAULT_ADMIN_FAILURES_PER_MINUTE: u32 = 30;
/// Failures a client may make before it has to wait.
const FREE_FAILURES: u32 = 3;
/// The longest wait of one client.
pub const MAX_BACKOFF: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AdminGuardSettings {
    /// 0 = no global limit (the per-client backoff still holds).
    pub failures_per_minute: u32,
    /// Clients whose failures are remembered at most.
    pub max_keys: usize,
}

#[derive(Clone, Copy)]
struct Backoff {
    failures: u32,
    until: Instant,
}

pub struct AdminGuard {
    global: Option<DefaultDirectRateLimiter>,
    clock: DefaultClock,
    locked_until: Mutex<Option<Instant>>,
    clients: Mutex<HashMap<IpAddr, Backoff>>,
    max_keys: usize,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // Plain values: whole even in a poisoned lock.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl AdminGuard {
    pub fn new(settings: AdminGuardSettings) -> Self {
        Self {
            global: NonZeroU32::new(settings.failures_per_minute)
                .map(|n| DefaultDirectRateLimiter::direct(Quota::per_minute(n))),
            clock: DefaultClock::default(),
            locked_until: Mutex::new(None),
            clients: Mutex::default(),
            max_keys: settings.max_keys.max(1),
        }
    }

    /// Whether `client` may try now; `Err(seconds)` to wait otherwise.
    pub fn admit(&self, client: Option<IpAddr>) -> Result<(), u64> {
        let now = Instant::now();
        let mut wait = lock(&self.locked_until).map_or(Duration::ZERO, |t| t - now.min(t));
        if let Some(c) = client.map(client_key)
            && let Some(b) = lock(&self.clients).get(&c)
        {
            wait = wait.max(b.until - now.min(b.until));
        }
        if wait.is_zero() {
            Ok(())
        } else {
            Err(ceil_secs(wait).max(1))
        }
    }

    /// Counts a failed authentication of `client`.
    pub fn failed(&self, client: Option<IpAddr>) {
        let now = Instant::now();
        if let Some(global) = &self.global
            && let Err(not_until) = global.check()
        {
            let until = now + not_until.wait_time_from(self.clock.now());
            *lock(&self.locked_until) = Some(until);
        }
        let Some(c) = client.map(client_key) else {
            return;
        };
        let mut clients = lock(&self.clients);
        if clients.len() >= self.max_keys {
            clients.retain(|_, b| b.until > now);
            if clients.len() >= self.max_keys {
                // The clients furthest from being let in again stay.
                let mut untils: Vec<Instant> = clients.values().map(|b| b.until).collect();
                let cut = untils.len() / 2;
                let (_, threshold, _) = untils.select_nth_unstable(cut);
                let threshold = *threshold;
                clients.retain(|_, b| b.until >= threshold);
            }
        }
        let entry = clients.entry(c).or_insert(Backoff {
            failures: 0,
            until: now,
        });
        entry.failures = entry.failures.saturating_add(1);
        entry.until = now + backoff(entry.failures);
    }

    /// A successful authentication clears `client`'s failures.
    pub fn succeeded(&self, client: Option<IpAddr>) {
        if let Some(c) = client.map(client_key) {
            lock(&self.clients).remove(&c);
        }
    }
}

/// The wait after a client's `failures`-th failure.
fn backoff(failures: u32) -> Duration {
    match failures.checked_sub(FREE_FAILURES) {
        None => Duration::ZERO,
        Some(extra) => Duration::from_secs(1u64 << extra.min(20)).min(MAX_BACKOFF),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().expect("ip"))
    }

    #[test]
    fn a_client_waits_longer_after_each_failure_past_the_first_few() {
        assert_eq!(backoff(1), Duration::ZERO);
        assert_eq!(backoff(2), Duration::ZERO);
        assert_eq!(backoff(3), Duration::from_secs(1));
        assert_eq!(backoff(4), Duration::from_secs(2));
        assert_eq!(backoff(40), MAX_BACKOFF);
        let guard = AdminGuard::new(AdminGuardSettings {
            failures_per_minute: 0,
            max_keys: 100,
        });
        for _ in 0..5 {
            guard.failed(ip("2a02:cf40::1"));
        }
        assert!(guard.admit(ip("2a02:cf40::99")).is_err(), "same /64");
        assert!(guard.admit(ip("8.8.8.8")).is_ok());
        guard.succeeded(ip("2a02:cf40::1"));
        assert!(guard.admit(ip("2a02:cf40::1")).is_ok());
    }

    #[test]
    fn past_the_global_budget_everyone_waits() {
        let guard = AdminGuard::new(AdminGuardSettings {
            failures_per_minute: 2,
            max_keys: 100,
        });
        guard.failed(ip("8.8.8.1"));
        guard.failed(ip("8.8.8.2"));
        assert!(guard.admit(ip("8.8.8.3")).is_ok());
        guard.failed(ip("8.8.8.4"));
        let wait = guard.admit(ip("81.2.69.142")).expect_err("locked");
        assert!((1..=60).contains(&wait), "{wait}");
    }
}
