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
use std::sync::{Mutex, MutexGuard};

const SHARDS: usize = 16;

/// Keyed GCRA state holding about `max_keys` keys at most.
pub struct BoundedStore<K> {
    shards: Vec<Mutex<HashMap<K, u64>>>,
    hasher: RandomState,
    max_keys: usize,
}

impl<K: Hash + Eq + Clone> BoundedStore<K> {
    pub fn new(max_keys: usize) -> Self {
        Self {
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
            hasher: RandomState::new(),
            max_keys: max_keys.max(1),
        }
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
