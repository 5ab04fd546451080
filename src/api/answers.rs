//! Cached answers of the read routes whose parameters a client picks:
//! report series and heatmaps.
//! Each is computed at most once per `--view-ttl-ms` per process and
//! parameter set (single flight, [`crate::read::cache`]), so readers from
//! many addresses cost the store one computation a second, not one read
//! per request. They are rendered once (compressed, with a validator) and
//! served as public answers. (The outage list keeps the caller's allowance
//! in its headers: it filters each service's incidents as
//! [`crate::read::views::Views::incidents`] caches them.)

use crate::http_cache::Rendered;
use crate::read::cache::{Freshness, ViewCache};

/// Series answers held at once: their keys come from the query string
/// (service, step, hours, region), so the cache is bounded; past this,
/// a series no one read for the stale time makes room, and a request
/// that finds none is computed for itself alone.
const MAX_SERIES: usize = 256;

/// Heatmaps (counts only, no incident) live this many times the view
/// time, as the pages' maps do: the heatmap of every service reads every
/// service's buckets.
const HEAT_TTL_FACTOR: u32 = 5;

/// `(service, step, hours, region)` of a series answer.
pub(super) type SeriesKey = (String, &'static str, u32, Option<String>);

/// `(service or all, window, level)` of a heatmap answer.
pub(super) type HeatKey = (Option<String>, &'static str, &'static str);

/// The cached answers of one process.
pub struct ReadAnswers {
    pub(super) series: ViewCache<SeriesKey, Rendered>,
    pub(super) heat: ViewCache<HeatKey, Rendered>,
}

impl ReadAnswers {
    pub fn new(freshness: Freshness) -> Self {
        Self {
            series: ViewCache::bounded(freshness, MAX_SERIES),
            heat: ViewCache::new(Freshness {
                ttl: freshness.ttl.saturating_mul(HEAT_TTL_FACTOR),
                stale: freshness.stale.saturating_mul(HEAT_TTL_FACTOR),
            }),
        }
    }

    /// Answers held.
    pub(super) fn len(&self) -> usize {
        self.series.len() + self.heat.len()
    }

    /// Their bytes (every encoding).
    pub(super) fn bytes(&self) -> usize {
        self.series.sum_of(Rendered::bytes) + self.heat.sum_of(Rendered::bytes)
    }
}

impl Default for ReadAnswers {
    fn default() -> Self {
        Self::new(Freshness::default())
    }
}
