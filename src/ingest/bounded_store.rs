//! The state store under every keyed rate limit: governor's GCRA state (one
//! "theoretical arrival time" per key) in sharded maps with a key budget.
//!
//! governor's own stores can only drop the keys that are back at full
//! allowance; a flood of more distinct keys than the budget within one
//! replenish period left no choice but to start afresh, which forgave the
//! keys that were being refused. Here, past the budget, the keys nearest to
//! full allowance are evicted first, so a client that is being refused
//! stays refused however many other keys come and go.

use governor::nanos::Nanos;
use governor::state::StateStore;
use governor::state::keyed::ShrinkableKeyedStateStore;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, RandomState};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

const SHARDS: usize = 16;

/// How many keys a store holds, kept without taking its locks, and when
/// its limiter should next sweep it. Shared by the store and its limiter
/// ([`super::limits::KeyedLimit`]), which reads it on every check.
#[derive(Debug)]
pub struct Occupancy {
    /// Keys held: counted up as keys are added, set exactly by a sweep.
    keys: AtomicUsize,
    /// Sweep once `keys` passes this; `usize::MAX` while one sweeps.
    sweep_at: AtomicUsize,
    max_keys: usize,
    /// Sweeps so far.
    sweeps: AtomicUsize,
}

impl Occupancy {
    fn new(max_keys: usize) -> Self {
        Self {
            keys: AtomicUsize::new(0),
            sweep_at: AtomicUsize::new(Self::first_sweep(max_keys)),
            max_keys,
            sweeps: AtomicUsize::new(0),
        }
    }

    fn first_sweep(max_keys: usize) -> usize {
        max_keys / 2
    }

    /// Sweeps made so far.
    #[cfg(test)]
    pub fn sweeps(&self) -> usize {
        self.sweeps.load(Ordering::Relaxed)
    }

    /// True for the one caller that should sweep now: the store has
    /// passed its mark and no other sweep is under way. It must call
    /// [`Self::swept`] afterwards.
    pub fn claim_sweep(&self) -> bool {
        let at = self.sweep_at.load(Ordering::Relaxed);
        self.keys.load(Ordering::Relaxed) > at
            && self
                .sweep_at
                .compare_exchange(at, usize::MAX, Ordering::AcqRel, Ordering::Relaxed)
                .is_ok()
    }

    /// A sweep left `kept` keys: the next one comes once an eighth of the
    /// budget more has arrived (and not before half the budget is held),
    /// so a sweep, which visits every key, costs a handful of key visits
    /// per new key whatever the rate of new keys.
    fn swept(&self, kept: usize) {
        self.sweeps.fetch_add(1, Ordering::Relaxed);
        self.keys.store(kept, Ordering::Relaxed);
        let next = (kept + (self.max_keys / 8).max(1)).max(Self::first_sweep(self.max_keys));
        self.sweep_at.store(next, Ordering::Release);
    }
}

/// Keyed GCRA state holding about `max_keys` keys at most.
pub struct BoundedStore<K> {
    shards: Vec<Mutex<HashMap<K, u64>>>,
    hasher: RandomState,
    max_keys: usize,
    occupancy: Arc<Occupancy>,
}

impl<K: Hash + Eq + Clone> BoundedStore<K> {
    pub fn new(max_keys: usize) -> Self {
        let max_keys = max_keys.max(1);
        Self {
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
            hasher: RandomState::new(),
            max_keys,
            occupancy: Arc::new(Occupancy::new(max_keys)),
        }
    }

    /// What tells the limiter when to sweep this store.
    pub fn occupancy(&self) -> Arc<Occupancy> {
        self.occupancy.clone()
    }

    fn shard(&self, key: &K) -> MutexGuard<'_, HashMap<K, u64>> {
        let i = (self.hasher.hash_one(key) % SHARDS as u64) as usize;
        lock(&self.shards[i])
    }

    /// Keeps the `keep` keys with the latest arrival times (the furthest
    /// from full allowance, those being limited among them).
    fn keep_latest(&self, keep: usize) {
        let mut times: Vec<u64> = self
            .shards
            .iter()
            .flat_map(|s| lock(s).values().copied().collect::<Vec<_>>())
            .collect();
        if times.len() <= keep {
            return;
        }
        let cut = times.len() - keep;
        let (_, threshold, _) = times.select_nth_unstable(cut);
        let threshold = *threshold;
        for shard in &self.shards {
            lock(shard).retain(|_, tat| *tat >= threshold);
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A poisoned shard still holds whole entries.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl<K: Hash + Eq + Clone> StateStore for BoundedStore<K> {
    type Key = K;

    fn measure_and_replace<T, F, E>(&self, key: &K, f: F) -> Result<T, E>
    where
        F: Fn(Option<Nanos>) -> Result<(T, Nanos), E>,
    {
        let mut shard = self.shard(key);
        let previous = shard.get(key).copied().map(Nanos::new);
        let (outcome, next) = f(previous)?;
        match shard.get_mut(key) {
            Some(tat) => *tat = next.as_u64(),
            None => {
                shard.insert(key.clone(), next.as_u64());
                self.occupancy.keys.fetch_add(1, Ordering::Relaxed);
            }
        }
        Ok(outcome)
    }
}

impl<K: Hash + Eq + Clone> ShrinkableKeyedStateStore<K> for BoundedStore<K> {
    /// Drops the keys back at full allowance, then, while still over the
    /// budget, the keys nearest to it until half the budget is left.
    fn retain_recent(&self, drop_below: Nanos) {
        let drop_below = drop_below.as_u64();
        for shard in &self.shards {
            lock(shard).retain(|_, tat| *tat > drop_below);
        }
        if self.len() > self.max_keys {
            self.keep_latest(self.max_keys / 2);
        }
        self.occupancy.swept(self.len());
    }

    fn shrink_to_fit(&self) {
        for shard in &self.shards {
            lock(shard).shrink_to_fit();
        }
    }

    fn len(&self) -> usize {
        self.shards.iter().map(|s| lock(s).len()).sum()
    }

    fn is_empty(&self) -> bool {
        self.shards.iter().all(|s| lock(s).is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_the_budget_the_latest_arrivals_stay() {
        let store: BoundedStore<u32> = BoundedStore::new(10);
        for key in 0..20u32 {
            let _ = store.measure_and_replace(&key, |_| {
                Ok::<_, ()>(((), Nanos::new(u64::from(key) + 100)))
            });
        }
        assert_eq!(store.len(), 20);
        store.retain_recent(Nanos::new(0));
        assert_eq!(store.len(), 5);
        for key in 15..20u32 {
            let seen = store.measure_and_replace(&key, |prev| Ok::<_, ()>((prev, Nanos::new(1))));
            assert_eq!(seen, Ok(Some(Nanos::new(u64::from(key) + 100))));
        }
    }
}
