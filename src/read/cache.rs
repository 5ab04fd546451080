//! Views computed once and shared: each cached view is recomputed at most
//! once per time-to-live per process, concurrent requests for a stale view
//! wait for one computation (single flight), and a view computed before
//! the store's last change (an incident event, an official update) is never
//! served after it.
//!
//! "The store's last change" is [`Store::changes`], read through
//! [`ChangeGate`]: every request asks for the version *after* it arrived,
//! but requests that arrive together share one store read, so a flood of
//! page views costs one `GET` per batch instead of one per view.

use crate::store::{Store, StoreError};
use arc_swap::ArcSwapOption;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
use tokio::sync::{Notify, oneshot};

/// Numbers every computation in the process, so `(key, generation)` names
/// one computed value (what rendered answers are cached against).
static GENERATION: AtomicU64 = AtomicU64::new(1);

/// A view as computed once, shared by every request that reads it.
pub struct Cached<T> {
    pub value: Arc<T>,
    /// Changes whenever the view is recomputed.
    pub generation: u64,
}

impl<T> Clone for Cached<T> {
    fn clone(&self) -> Self {
        Self {
            value: self.value.clone(),
            generation: self.generation,
        }
    }
}

struct Entry<T> {
    value: Arc<T>,
    /// The store's change count read before the view was computed.
    version: Option<u64>,
    at: Instant,
    generation: u64,
}

impl<T> Entry<T> {
    fn cached(&self) -> Cached<T> {
        Cached {
            value: self.value.clone(),
            generation: self.generation,
        }
    }
}

struct Slot<T> {
    entry: ArcSwapOption<Entry<T>>,
    computing: Arc<tokio::sync::Mutex<()>>,
}

/// How long cached views are served.
#[derive(Debug, Clone, Copy)]
pub struct Freshness {
    /// A view younger than this is served as it is.
    pub ttl: Duration,
    /// A view older than `ttl` but younger than this is still served while
    /// one request recomputes it in the background; older ones are waited
    /// for. Never applies across a change of the store's version.
    pub stale: Duration,
}

impl Default for Freshness {
    fn default() -> Self {
        Self {
            ttl: Duration::from_secs(1),
            stale: Duration::from_secs(10),
        }
    }
}

/// Cached views of one kind, by key. Keys come from a bounded set (the
/// catalog's services, a few windows): callers check them first, or the
/// cache is made [`ViewCache::bounded`].
pub struct ViewCache<K, T> {
    slots: RwLock<HashMap<K, Arc<Slot<T>>>>,
    freshness: Freshness,
    /// Most keys held at once.
    max_keys: usize,
}

impl<K, T> ViewCache<K, T>
where
    K: Eq + Hash + Clone,
    T: Send + Sync + 'static,
{
    pub fn new(freshness: Freshness) -> Self {
        Self::bounded(freshness, usize::MAX)
    }

    /// A cache of at most `max_keys` keys, for keys a client chooses
    /// (query parameters): when it is full, views past their stale time
    /// make room, and a key that finds no room is computed for its
    /// request alone, uncached.
    pub fn bounded(freshness: Freshness, max_keys: usize) -> Self {
        Self {
            slots: RwLock::new(HashMap::new()),
            freshness,
            max_keys: max_keys.max(1),
        }
    }

    /// The slot of `key`, made if there is room; None when there is none.
    fn slot(&self, key: &K) -> Option<Arc<Slot<T>>> {
        if let Some(slot) = self
            .slots
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(key)
        {
            return Some(slot.clone());
        }
        let mut slots = self.slots.write().unwrap_or_else(|e| e.into_inner());
        if !slots.contains_key(key) && slots.len() >= self.max_keys {
            // Views no request would be served any more, and that no
            // request holds, make room.
            let stale = self.freshness.stale;
            slots.retain(|_, slot| {
                Arc::strong_count(slot) > 1
                    || slot
                        .entry
                        .load()
                        .as_ref()
                        .is_some_and(|e| e.at.elapsed() < stale)
            });
            if slots.len() >= self.max_keys {
                return None;
            }
        }
        Some(
            slots
                .entry(key.clone())
                .or_insert_with(|| {
                    Arc::new(Slot {
                        entry: ArcSwapOption::empty(),
                        computing: Arc::new(tokio::sync::Mutex::new(())),
                    })
                })
                .clone(),
        )
    }

    /// The view under `key` for the store at `version` (None when the
    /// version could not be read: any cached view within its time is
    /// good then), computing it with `compute` when there is none fresh
    /// enough.
    pub async fn get<F, Fut>(
        &self,
        key: &K,
        version: Option<u64>,
        compute: F,
    ) -> Result<Cached<T>, StoreError>
    where
        F: FnOnce() -> Fut + Send + 'static,
        Fut: Future<Output = Result<T, StoreError>> + Send + 'static,
    {
        let Some(slot) = self.slot(key) else {
            let value = compute().await?;
            return Ok(Cached {
                value: Arc::new(value),
                generation: GENERATION.fetch_add(1, Ordering::Relaxed),
            });
        };
        let current = |e: &Entry<T>| version.is_none() || e.version == version;
        if let Some(e) = slot.entry.load_full().filter(|e| current(e)) {
            let age = e.at.elapsed();
            if age < self.freshness.ttl {
                return Ok(e.cached());
            }
            if age < self.freshness.stale {
                // Serve this one; one request refreshes it meanwhile.
                if let Ok(guard) = slot.computing.clone().try_lock_owned() {
                    let slot = slot.clone();
                    let version = version.or(e.version);
                    tokio::spawn(async move {
                        let _guard = guard;
                        match compute().await {
                            Ok(value) => {
                                store(&slot, value, version);
                            }
                            Err(e) => tracing::debug!(error = %e, "view refresh failed"),
                        }
                    });
                }
                return Ok(e.cached());
            }
        }
        let _guard = slot.computing.lock().await;
        // Someone may have computed it while this request waited.
        if let Some(e) = slot
            .entry
            .load_full()
            .filter(|e| current(e) && e.at.elapsed() < self.freshness.ttl)
        {
            return Ok(e.cached());
        }
        let value = compute().await?;
        Ok(store(&slot, value, version))
    }

    /// `measure` summed over the views held (their bytes, for the
    /// memory figures).
    pub fn sum_of(&self, measure: impl Fn(&T) -> usize) -> usize {
        self.slots
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .values()
            .filter_map(|slot| slot.entry.load_full())
            .map(|entry| measure(&entry.value))
            .sum()
    }

    /// How many views are cached.
    pub fn len(&self) -> usize {
        self.slots.read().unwrap_or_else(|e| e.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn store<T>(slot: &Slot<T>, value: T, version: Option<u64>) -> Cached<T> {
    let entry = Arc::new(Entry {
        value: Arc::new(value),
        version,
        at: Instant::now(),
        generation: GENERATION.fetch_add(1, Ordering::Relaxed),
    });
    let cached = entry.cached();
    slot.entry.store(Some(entry));
    cached
}

type Waiter = oneshot::Sender<Result<u64, StoreError>>;

/// Reads the store's change count for many requests at once: each caller
/// gets a value read after it called, and all callers waiting while a read
/// is under way share the next one.
pub struct ChangeGate {
    store: Arc<dyn Store>,
    waiting: Mutex<Vec<Waiter>>,
    wake: Notify,
}

impl ChangeGate {
    /// The gate, with its reader task running.
    pub fn start(store: Arc<dyn Store>) -> (Arc<Self>, tokio::task::JoinHandle<()>) {
        let gate = Arc::new(Self {
            store,
            waiting: Mutex::new(Vec::new()),
            wake: Notify::new(),
        });
        let task = tokio::spawn(gate.clone().run());
        (gate, task)
    }

    async fn run(self: Arc<Self>) {
        loop {
            self.wake.notified().await;
            loop {
                let batch =
                    std::mem::take(&mut *self.waiting.lock().unwrap_or_else(|e| e.into_inner()));
                if batch.is_empty() {
                    break;
                }
                let version = self.store.changes().await;
                for waiter in batch {
                    // A caller that gave up is fine.
                    let _ = waiter.send(version.clone());
                }
            }
        }
    }

    /// The store's change count, as read after this call began.
    pub async fn current(&self) -> Result<u64, StoreError> {
        let (tx, rx) = oneshot::channel();
        self.waiting
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(tx);
        self.wake.notify_one();
        rx.await
            .unwrap_or_else(|_| Err(StoreError::Unavailable("the change reader stopped".into())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    fn counting(
        calls: &Arc<AtomicUsize>,
    ) -> impl FnOnce() -> std::future::Ready<Result<usize, StoreError>> + Send + 'static {
        let calls = calls.clone();
        move || std::future::ready(Ok(calls.fetch_add(1, Ordering::SeqCst) + 1))
    }

    #[tokio::test]
    async fn a_view_is_computed_once_within_its_time_and_again_after_a_change() {
        let cache: ViewCache<&str, usize> = ViewCache::new(Freshness {
            ttl: Duration::from_secs(3600),
            stale: Duration::from_secs(7200),
        });
        let calls = Arc::new(AtomicUsize::new(0));
        let a = cache.get(&"x", Some(1), counting(&calls)).await.unwrap();
        let b = cache.get(&"x", Some(1), counting(&calls)).await.unwrap();
        assert_eq!((*a.value, *b.value), (1, 1));
        assert_eq!(a.generation, b.generation);
        // The store changed: the next request computes anew.
        let c = cache.get(&"x", Some(2), counting(&calls)).await.unwrap();
        assert_eq!(*c.value, 2);
        assert_ne!(c.generation, a.generation);
        // An unreadable version takes what is cached.
        let d = cache.get(&"x", None, counting(&calls)).await.unwrap();
        assert_eq!(*d.value, 2);
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        assert_eq!(cache.len(), 1);
    }

    #[tokio::test]
    async fn concurrent_requests_share_one_computation() {
        let cache: Arc<ViewCache<&str, usize>> = Arc::new(ViewCache::new(Freshness::default()));
        let calls = Arc::new(AtomicUsize::new(0));
        let gets = (0..50).map(|_| {
            let (cache, calls) = (cache.clone(), calls.clone());
            tokio::spawn(async move {
                cache
                    .get(&"x", Some(7), move || async move {
                        tokio::task::yield_now().await;
                        Ok(calls.fetch_add(1, Ordering::SeqCst))
                    })
                    .await
                    .map(|c| *c.value)
            })
        });
        for g in futures_util::future::join_all(gets).await {
            assert_eq!(g.unwrap().unwrap(), 0);
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_stale_view_is_served_while_it_is_refreshed() {
        let cache: ViewCache<&str, usize> = ViewCache::new(Freshness {
            ttl: Duration::ZERO,
            stale: Duration::from_secs(3600),
        });
        let calls = Arc::new(AtomicUsize::new(0));
        assert_eq!(
            *cache
                .get(&"x", Some(1), counting(&calls))
                .await
                .unwrap()
                .value,
            1
        );
        // Past its time: this request gets the old view at once...
        assert_eq!(
            *cache
                .get(&"x", Some(1), counting(&calls))
                .await
                .unwrap()
                .value,
            1
        );
        // ...and the refresh lands for a later one.
        for _ in 0..100 {
            if calls.load(Ordering::SeqCst) == 2 {
                break;
            }
            tokio::task::yield_now().await;
        }
        assert_eq!(
            *cache
                .get(&"x", Some(1), counting(&calls))
                .await
                .unwrap()
                .value,
            2
        );
    }

    #[tokio::test]
    async fn a_bounded_cache_holds_its_keys_and_computes_the_rest_uncached() {
        let long = Freshness {
            ttl: Duration::from_secs(3600),
            stale: Duration::from_secs(7200),
        };
        let cache: ViewCache<&str, usize> = ViewCache::bounded(long, 2);
        let calls = Arc::new(AtomicUsize::new(0));
        for key in ["a", "b", "a", "b"] {
            cache.get(&key, None, counting(&calls)).await.unwrap();
        }
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        // No room for a third key while the others are fresh: each
        // request for it computes its own answer, and nothing is evicted.
        let c = cache.get(&"c", None, counting(&calls)).await.unwrap();
        let again = cache.get(&"c", None, counting(&calls)).await.unwrap();
        assert_eq!((*c.value, *again.value), (3, 4));
        assert_ne!(c.generation, again.generation);
        assert_eq!(cache.len(), 2);
        assert_eq!(
            *cache.get(&"a", None, counting(&calls)).await.unwrap().value,
            1
        );

        // Views past their stale time make room for new keys.
        let cache: ViewCache<&str, usize> = ViewCache::bounded(
            Freshness {
                ttl: Duration::ZERO,
                stale: Duration::ZERO,
            },
            2,
        );
        for key in ["a", "b", "c", "d"] {
            cache.get(&key, None, counting(&calls)).await.unwrap();
            assert!(cache.len() <= 2);
        }
    }

    #[tokio::test]
    async fn the_gate_reads_the_version_after_each_call() {
        let store: Arc<dyn Store> = Arc::new(crate::store::MemoryStore::new(60));
        let (gate, task) = ChangeGate::start(store.clone());
        assert_eq!(gate.current().await.unwrap(), 0);
        store.append_event("{}").await.unwrap();
        assert_eq!(gate.current().await.unwrap(), 1);
        let many = futures_util::future::join_all((0..20).map(|_| gate.current())).await;
        assert!(many.into_iter().all(|v| v.unwrap() == 1));
        task.abort();
    }
}
