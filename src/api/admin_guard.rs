//! Bounds on guessing the admin token. Failed authentications are limited
//! from all clients together: at most `--admin-failures-per-minute` tokens
//! are found wrong in any sliding minute. Each attempt reserves a place in
//! that budget before its token is looked at, so concurrent attempts cannot
//! overrun it, and an attempt that finds the budget spent is refused
//! without its token being checked (right or wrong, so a refusal tells a
//! guesser nothing). Each client also waits longer after each failure
//! beyond the first few (doubling, at most [`MAX_BACKOFF`]). A success
//! clears the client's record and gives its reservation back.
//!
//! The state lives in this process only; clients are keyed like the rate
//! limits (an IPv4 address or an IPv6 /64) and never logged.

pub use crate::config::defaults::DEFAULT_ADMIN_FAILURES_PER_MINUTE;
use crate::ingest::{ceil_secs, client_key};
use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Failures a client may make before it has to wait.
const FREE_FAILURES: u32 = 3;
/// The longest wait of one client.
pub const MAX_BACKOFF: Duration = Duration::from_secs(15 * 60);
/// The window of the global failure budget.
const BUDGET_WINDOW: Duration = Duration::from_secs(60);

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

/// The global failure budget: when the failures of the last minute
/// happened, and how many attempts are being checked right now.
#[derive(Default)]
struct Budget {
    failures: VecDeque<Instant>,
    checking: usize,
}

pub struct AdminGuard {
    /// Failures allowed per sliding minute; None: no global limit.
    per_minute: Option<usize>,
    budget: Mutex<Budget>,
    clients: Mutex<HashMap<IpAddr, Backoff>>,
    max_keys: usize,
}

/// One admitted attempt, holding its place in the global budget until it
/// is found right ([`Attempt::succeeded`]) or wrong ([`Attempt::failed`]);
/// dropped unresolved, it gives the place back.
#[must_use]
pub struct Attempt<'a> {
    guard: &'a AdminGuard,
    client: Option<IpAddr>,
    reserved: bool,
}

impl Attempt<'_> {
    /// The token was wrong: counted against the budget and the client.
    pub fn failed(mut self) {
        let now = Instant::now();
        if std::mem::take(&mut self.reserved) {
            let mut budget = lock(&self.guard.budget);
            budget.checking = budget.checking.saturating_sub(1);
            budget.failures.push_back(now);
        }
        self.guard.client_failed(self.client, now);
    }

    /// The token was right: the client's record is cleared.
    pub fn succeeded(self) {
        if let Some(c) = self.client.map(client_key) {
            lock(&self.guard.clients).remove(&c);
        }
    }
}

impl Drop for Attempt<'_> {
    fn drop(&mut self) {
        if self.reserved {
            let mut budget = lock(&self.guard.budget);
            budget.checking = budget.checking.saturating_sub(1);
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // Plain values: whole even in a poisoned lock.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl AdminGuard {
    pub fn new(settings: AdminGuardSettings) -> Self {
        Self {
            per_minute: usize::try_from(settings.failures_per_minute)
                .ok()
                .filter(|n| *n > 0),
            budget: Mutex::default(),
            clients: Mutex::default(),
            max_keys: settings.max_keys.max(1),
        }
    }

    /// Whether `client` may try now: an [`Attempt`] holding a place in the
    /// global budget, or `Err(seconds)` to wait (the token is then not to
    /// be checked at all).
    pub fn admit(&self, client: Option<IpAddr>) -> Result<Attempt<'_>, u64> {
        let now = Instant::now();
        if let Some(c) = client.map(client_key)
            && let Some(b) = lock(&self.clients).get(&c)
            && b.until > now
        {
            return Err(ceil_secs(b.until - now).max(1));
        }
        let Some(per_minute) = self.per_minute else {
            return Ok(Attempt {
                guard: self,
                client,
                reserved: false,
            });
        };
        let mut budget = lock(&self.budget);
        while budget
            .failures
            .front()
            .is_some_and(|t| now.duration_since(*t) >= BUDGET_WINDOW)
        {
            budget.failures.pop_front();
        }
        if budget.failures.len() + budget.checking >= per_minute {
            // Places come back as the oldest failures leave the window (or
            // as attempts being checked end, within moments).
            let wait = budget.failures.front().map_or(Duration::from_secs(1), |t| {
                (*t + BUDGET_WINDOW).saturating_duration_since(now)
            });
            return Err(ceil_secs(wait).max(1));
        }
        budget.checking += 1;
        Ok(Attempt {
            guard: self,
            client,
            reserved: true,
        })
    }

    /// Counts a failed authentication of `client` in its backoff.
    fn client_failed(&self, client: Option<IpAddr>, now: Instant) {
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

    fn fail(guard: &AdminGuard, client: &str) {
        guard.admit(ip(client)).expect("admitted").failed();
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
        for _ in 0..3 {
            fail(&guard, "2a02:cf40::1");
        }
        assert!(guard.admit(ip("2a02:cf40::99")).is_err(), "same /64");
        assert!(guard.admit(ip("8.8.8.8")).is_ok());
        guard.clients.lock().expect("lock").clear();
        fail(&guard, "2a02:cf40::1");
        guard
            .admit(ip("2a02:cf40::1"))
            .expect("admitted")
            .succeeded();
        assert!(guard.clients.lock().expect("lock").is_empty());
    }

    #[test]
    fn the_global_budget_admits_exactly_its_setting_and_never_checks_past_it() {
        let guard = AdminGuard::new(AdminGuardSettings {
            failures_per_minute: 3,
            max_keys: 100,
        });
        fail(&guard, "8.8.8.1");
        fail(&guard, "8.8.8.2");
        // Two attempts under way at once: only one place is left.
        let third = guard.admit(ip("8.8.8.3")).expect("the last place");
        let wait = guard.admit(ip("8.8.8.4")).err().expect("no place left");
        assert!((1..=60).contains(&wait), "{wait}");
        // A success gives its place back; a failure keeps it for a minute.
        third.succeeded();
        fail(&guard, "8.8.8.5");
        for client in ["8.8.8.6", "81.2.69.142", "2a02:cf40::1"] {
            let wait = guard.admit(ip(client)).err().expect("spent");
            assert!((1..=60).contains(&wait), "{wait}");
        }
        // An attempt dropped unresolved (a handler error) gives it back too.
        let guard = AdminGuard::new(AdminGuardSettings {
            failures_per_minute: 1,
            max_keys: 100,
        });
        drop(guard.admit(ip("8.8.8.1")).expect("admitted"));
        fail(&guard, "8.8.8.1");
        assert!(guard.admit(ip("8.8.8.2")).is_err());
    }
}
