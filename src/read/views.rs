//! The read models pages and the read API serve, each computed at most once
//! per time-to-live per process and shared ([`super::cache`]): a service's
//! status view, the list of every service, and map sums. During an outage
//! thousands of people load the same few views; they cost the store one
//! computation a second, not one per request.

use super::cache::{Cached, ChangeGate, Freshness, ViewCache};
use super::status::{self, StatusDoc};
use super::{MapCell, SeriesPoint, ServiceSummary, SymptomShare};
use crate::catalog::Catalog;
use crate::clock::Clock;
use crate::detect::Incident;
use crate::official::{Acknowledgements, OfficialSummary};
use crate::store::{Bucket, NetworkSummary, Resolution, Store, StoreError, keys, window};
use chrono::{DateTime, Duration, Utc};
use futures_util::{StreamExt, stream};
use std::sync::Arc;

/// The windows a service view counts over, in minutes: 5, 15, 60 and 24 h.
pub const WINDOWS: [i64; 4] = [5, 15, 60, 24 * 60];

/// Index of the 24-hour window in [`WINDOWS`].
pub const DAY: usize = 3;

/// Map cells kept per view, the busiest first: a map draws no more.
const MAX_CELLS: usize = 500;

/// Steps of the status chart: 96 of 15 minutes, 24 hours.
const CHART_STEP_MINUTES: i64 = 15;
const CHART_STEPS: i64 = 96;

/// Maps live this many times `--view-ttl-ms`.
const MAP_TTL_FACTOR: u32 = 5;
/// Incidents a view reads: the open ones, and the recent ones the
/// acknowledgement figures are over.
const RECENT_INCIDENTS: usize = 50;

/// Services whose summaries are read at once.
const CONCURRENT_SUMMARIES: usize = 16;

/// What one window of a service's reports holds.
#[derive(Debug, Clone, Default)]
pub struct WindowView {
    pub reports: u64,
    /// Reports expected by the baseline (None before detection ran).
    pub expected: Option<f64>,
    /// Distinct people who reported.
    pub reporters: u64,
    pub symptoms: Vec<SymptomShare>,
    /// Countries (alpha-2, no subdivisions), most reports first.
    pub countries: Vec<(String, u64)>,
    pub busiest_network_share: Option<f64>,
    pub network_suspect: bool,
}

/// Everything the status page and the service API show of one service.
#[derive(Debug, Clone)]
pub struct ServiceView {
    pub slug: String,
    pub computed_at: DateTime<Utc>,
    pub status: StatusDoc,
    /// One per [`WINDOWS`].
    pub windows: [WindowView; 4],
    /// The last 24 hours in 15-minute steps, with the baseline.
    pub series: Vec<SeriesPoint>,
    /// Map cells of the last 24 hours, busiest first.
    pub cells: Vec<MapCell>,
    /// Open incidents, with their official updates and acknowledgement.
    pub active: Vec<Incident>,
    /// What the service's official status page says; None when the
    /// catalog names none.
    pub official: Option<OfficialSummary>,
    /// How fast the service acknowledges its outages.
    pub acknowledgements: Acknowledgements,
    /// The shared causes labelling this service now (docs/shared-cause.md).
    pub causes: Vec<crate::cause::Cause>,
}

impl ServiceView {
    pub fn day(&self) -> &WindowView {
        &self.windows[DAY]
    }
}

/// What a map draws: counts summed over services and a window.
#[derive(Debug, Clone, Default)]
pub struct MapView {
    pub total: u64,
    pub countries: Vec<(String, u64)>,
    pub cells: Vec<MapCell>,
}

/// The read models of one process.
pub struct Views {
    store: Arc<dyn Store>,
    catalog: Arc<Catalog>,
    clock: Arc<dyn Clock>,
    gate: Arc<ChangeGate>,
    services: ViewCache<String, ServiceView>,
    summaries: ViewCache<(), Vec<ServiceSummary>>,
    maps: ViewCache<(Option<String>, i64), MapView>,
    causes: ViewCache<(), Vec<crate::cause::Cause>>,
}

impl Views {
    /// The views, with the task that reads the store's version for them.
    pub fn start(
        store: Arc<dyn Store>,
        catalog: Arc<Catalog>,
        clock: Arc<dyn Clock>,
        freshness: Freshness,
    ) -> (Self, tokio::task::JoinHandle<()>) {
        let (gate, task) = ChangeGate::start(store.clone());
        let views = Self {
            store,
            catalog,
            clock,
            gate,
            services: ViewCache::new(freshness),
            summaries: ViewCache::new(freshness),
            // Maps show counts only, no incident: they follow no version,
            // and the map of every service (a read of every service's
            // buckets) is computed at most every few seconds.
            maps: ViewCache::new(Freshness {
                ttl: freshness.ttl.saturating_mul(MAP_TTL_FACTOR),
                stale: freshness.stale.saturating_mul(MAP_TTL_FACTOR),
            }),
            causes: ViewCache::new(freshness),
        };
        (views, task)
    }

    /// The store's version as of now, for the views read next: None when
    /// it cannot be read (cached views are served within their time).
    pub async fn version(&self) -> Option<u64> {
        match self.gate.current().await {
            Ok(v) => Some(v),
            Err(e) => {
                tracing::debug!(error = %e, "store version unreadable");
                None
            }
        }
    }

    /// The status view of `slug`, a catalog service (callers check).
    pub async fn service(
        &self,
        slug: &str,
        version: Option<u64>,
    ) -> Result<Cached<ServiceView>, StoreError> {
        let (store, catalog, now) = (self.store.clone(), self.catalog.clone(), self.clock.now());
        let owned = slug.to_string();
        self.services
            .get(&owned.clone(), version, move || async move {
                service_view(store.as_ref(), &catalog, &owned, now).await
            })
            .await
    }

    /// Every catalog service's summary, in catalog order.
    pub async fn summaries(
        &self,
        version: Option<u64>,
    ) -> Result<Cached<Vec<ServiceSummary>>, StoreError> {
        let (store, catalog, now) = (self.store.clone(), self.catalog.clone(), self.clock.now());
        self.summaries
            .get(&(), version, move || async move {
                all_summaries(store, &catalog, now).await
            })
            .await
    }

    /// The shared causes that hold now (the home page's big picture).
    pub async fn causes(
        &self,
        version: Option<u64>,
    ) -> Result<Cached<Vec<crate::cause::Cause>>, StoreError> {
        let store = self.store.clone();
        self.causes
            .get(&(), version, move || async move {
                Ok(crate::cause::load_causes(store.as_ref()).await?.causes)
            })
            .await
    }

    /// Map sums over `minutes` of one catalog service, or all (None).
    pub async fn map(
        &self,
        service: Option<&str>,
        minutes: i64,
    ) -> Result<Cached<MapView>, StoreError> {
        let (store, catalog, now) = (self.store.clone(), self.catalog.clone(), self.clock.now());
        let key = (service.map(str::to_string), minutes);
        let scope = key.0.clone();
        self.maps
            .get(&key, None, move || async move {
                let slugs: Vec<&str> = match &scope {
                    Some(s) => vec![s.as_str()],
                    None => catalog.slugs(),
                };
                let sum = super::map_counts(store.as_ref(), &slugs, now, minutes).await?;
                let mut cells = super::map_cells(&sum);
                cells.truncate(MAX_CELLS);
                Ok(MapView {
                    total: window::total(&sum),
                    countries: super::country_counts(&sum),
                    cells,
                })
            })
            .await
    }

    /// How many views this process holds, by kind (services, lists, maps).
    pub fn cached(&self) -> (usize, usize, usize) {
        (self.services.len(), self.summaries.len(), self.maps.len())
    }
}

/// Computes a service's status view from the store.
pub async fn service_view(
    store: &dyn Store,
    catalog: &Catalog,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<ServiceView, StoreError> {
    let current = window::minute_of(now);
    let slugs = [slug];
    // Independent reads, at once: a view waited for costs one round trip
    // of the slowest, not the sum.
    let (statuses, detector, hour, day, hour_networks, day_networks, reporters, incidents) = futures_util::try_join!(
        status::statuses(store, &slugs),
        status::detector(store, slug),
        // The short windows from the last hour's minute buckets, read once.
        store.buckets(slug, Resolution::Minute, current - 59..current + 1),
        window::last_minutes(store, slug, now, 24 * 60),
        store.networks(slug, Resolution::Minute, current - 59..current + 1),
        window::networks_last_minutes(store, slug, now, 24 * 60),
        futures_util::future::try_join_all(
            WINDOWS.map(|m| window::distinct_reporters_last_minutes(store, slug, now, m))
        ),
        super::incidents(store, slug, RECENT_INCIDENTS),
    )?;
    let status = statuses.into_iter().next().unwrap_or_default();
    let mut sums: [Bucket; 4] = Default::default();
    for (i, minutes) in WINDOWS.iter().take(DAY).enumerate() {
        for b in hour.iter().rev().take(*minutes as usize) {
            for (k, v) in b {
                *sums[i].entry(k.clone()).or_default() += v;
            }
        }
    }
    sums[DAY] = day;
    let mut networks: [NetworkSummary; 4] = Default::default();
    for (i, minutes) in WINDOWS.iter().take(DAY).enumerate() {
        for n in hour_networks.iter().rev().take(*minutes as usize) {
            networks[i].merge(n);
        }
    }
    networks[DAY] = day_networks;
    let this_minute = DateTime::from_timestamp(current * 60, 0).unwrap_or(now);
    let mut windows: [WindowView; 4] = Default::default();
    for (i, (w, minutes)) in windows.iter_mut().zip(WINDOWS).enumerate() {
        let bucket = &sums[i];
        let from = this_minute - Duration::minutes(minutes - 1);
        *w = WindowView {
            reports: window::total(bucket),
            expected: status::expected_between(detector.as_ref(), None, from, minutes),
            reporters: reporters[i],
            symptoms: super::symptom_shares(catalog, bucket),
            countries: super::country_counts(bucket),
            busiest_network_share: window::busiest_network_share(&networks[i]).map(super::round3),
            network_suspect: window::is_network_suspect(&networks[i]),
        };
    }
    let series = super::report_series(
        store,
        detector.as_ref(),
        slug,
        None,
        now,
        CHART_STEP_MINUTES,
        CHART_STEPS,
    )
    .await?;
    let mut cells = super::map_cells(&sums[DAY]);
    cells.truncate(MAX_CELLS);
    let acknowledgements = crate::official::acknowledgements(&incidents, now);
    let causes = crate::cause::load_causes(store)
        .await?
        .causes
        .into_iter()
        .filter(|c| c.touches(slug))
        .collect();
    let active = incidents.into_iter().filter(Incident::is_active).collect();
    let official = match catalog
        .service(slug)
        .and_then(|s| s.official_status.as_deref())
    {
        Some(source) => Some(match crate::official::load(store, slug).await? {
            Some(doc) => doc.page,
            None => OfficialSummary::not_read(source),
        }),
        None => None,
    };
    Ok(ServiceView {
        slug: slug.to_string(),
        computed_at: now,
        status,
        windows,
        series,
        cells,
        active,
        official,
        acknowledgements,
        causes,
    })
}

/// Summaries of every catalog service, read a few services at a time.
async fn all_summaries(
    store: Arc<dyn Store>,
    catalog: &Catalog,
    now: DateTime<Utc>,
) -> Result<Vec<ServiceSummary>, StoreError> {
    let slugs = catalog.slugs();
    let statuses = status::statuses(store.as_ref(), &slugs).await?;
    let officials = crate::official::levels(store.as_ref(), &slugs).await?;
    let owned: Vec<String> = catalog.services().iter().map(|s| s.slug.clone()).collect();
    let counts: Vec<Result<u64, StoreError>> =
        stream::iter(owned)
            .map(|slug| {
                let store = store.clone();
                async move {
                    window::count_last_minutes(store.as_ref(), &slug, keys::TOTAL, now, 15).await
                }
            })
            .buffered(CONCURRENT_SUMMARIES)
            .collect()
            .await;
    catalog
        .services()
        .iter()
        .zip(statuses)
        .zip(counts)
        .zip(officials)
        .map(|(((s, st), reports_last_15m), official)| {
            Ok(ServiceSummary {
                slug: s.slug.clone(),
                name: s.name.clone(),
                category: s.category.clone(),
                status: st.status,
                reports_last_15m: reports_last_15m?,
                expected_last_15m: st
                    .updated_at
                    .map(|_| (st.expected_per_minute * 150.0).round() / 10.0),
                active_incidents: st.active_incidents,
                official,
            })
        })
        .collect()
}
