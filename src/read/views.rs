//! The read models pages and the read API serve, each computed at most once
//! per time-to-live per process and shared ([`super::cache`]): a service's
//! status view, the list of every service, and map sums. During an outage
//! thousands of people load the same few views; they cost the store one
//! computation a second, not one per request.

use super::cache::{Cached, ChangeGate, Freshness, ViewCache};
use super::place::{Place, RegionLoad, place};
use super::status::{self, StatusDoc};
use super::{MapCell, SeriesPoint, ServiceSummary, SymptomShare};
use crate::catalog::Catalog;
use crate::clock::Clock;
use crate::detect::{Incident, ServiceDetector};
use crate::official::{Acknowledgements, OfficialSummary};
use crate::store::{Bucket, NetworkSummary, Resolution, Store, StoreError, keys, window};
use chrono::{DateTime, Duration, Utc};
use futures_util::{StreamExt, stream};
use std::collections::HashMap;
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

/// Incidents a service's list holds (the outage list, the feed).
pub const LISTED_INCIDENTS: usize = 200;

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
    /// Each listed country's own usual level over the window (empty before
    /// detection ran): what maps shade against.
    pub country_expected: HashMap<String, f64>,
}

impl WindowView {
    /// Each country's reports and usual level, for [`super::place`].
    pub fn loads(&self) -> HashMap<String, RegionLoad> {
        self.countries
            .iter()
            .map(|(code, n)| {
                (
                    code.clone(),
                    RegionLoad {
                        reports: *n,
                        expected: self.country_expected.get(code).copied(),
                    },
                )
            })
            .collect()
    }
}

/// The outage in progress: from the start of the earliest open incident
/// until now. Problems and places are shown for it while it lasts.
#[derive(Debug, Clone)]
pub struct OutageView {
    pub since: DateTime<Utc>,
    pub minutes: i64,
    pub window: WindowView,
    /// Map cells of the outage window, busiest first.
    pub cells: Vec<MapCell>,
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
    /// The outage in progress, while one is open.
    pub outage: Option<OutageView>,
    /// Where the trouble is (nowhere when there is none).
    pub place: Place,
}

impl ServiceView {
    pub fn day(&self) -> &WindowView {
        &self.windows[DAY]
    }

    /// The window a page describes: the outage in progress, else 24 hours.
    pub fn current(&self) -> &WindowView {
        self.outage.as_ref().map_or(self.day(), |o| &o.window)
    }
}

/// What a map draws: counts summed over services and a window.
#[derive(Debug, Clone, Default)]
pub struct MapView {
    pub total: u64,
    pub countries: Vec<(String, u64)>,
    pub cells: Vec<MapCell>,
    /// Each country's usual level over the window, summed over the
    /// services whose detection has run (empty when none has).
    pub country_expected: HashMap<String, f64>,
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
    incidents: ViewCache<String, Vec<Incident>>,
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
            incidents: ViewCache::new(freshness),
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

    /// The newest [`LISTED_INCIDENTS`] incidents of `slug`, a catalog
    /// service (callers check), newest first, with their official updates
    /// and cause: what the outage list and the feed filter.
    pub async fn incidents(
        &self,
        slug: &str,
        version: Option<u64>,
    ) -> Result<Cached<Vec<Incident>>, StoreError> {
        let store = self.store.clone();
        let owned = slug.to_string();
        self.incidents
            .get(&owned.clone(), version, move || async move {
                super::incidents(store.as_ref(), &owned, LISTED_INCIDENTS).await
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
                let countries = super::country_counts(&sum);
                let detectors = status::detectors(store.as_ref(), &slugs).await?;
                let from = window_start(now, minutes);
                let mut country_expected: HashMap<String, f64> = HashMap::new();
                for d in detectors.iter().flatten() {
                    for (code, e) in expected_by_country(Some(d), &countries, from, minutes) {
                        *country_expected.entry(code).or_default() += e;
                    }
                }
                Ok(MapView {
                    total: window::total(&sum),
                    countries,
                    cells,
                    country_expected,
                })
            })
            .await
    }

    /// How many views this process holds, by kind (services, lists and
    /// incident lists, maps).
    pub fn cached(&self) -> (usize, usize, usize) {
        (
            self.services.len(),
            self.summaries.len() + self.incidents.len(),
            self.maps.len(),
        )
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
    let mut windows: [WindowView; 4] = Default::default();
    for (i, (w, minutes)) in windows.iter_mut().zip(WINDOWS).enumerate() {
        *w = window_view(
            catalog,
            detector.as_ref(),
            &sums[i],
            (window_start(now, minutes), minutes),
            reporters[i],
            &networks[i],
        );
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
    let active: Vec<Incident> = incidents.into_iter().filter(Incident::is_active).collect();
    let outage = match active.iter().map(|i| i.started_at).min() {
        Some(since) => {
            Some(outage_view(store, catalog, detector.as_ref(), slug, since, now).await?)
        }
        None => None,
    };
    let place = place(
        &status,
        &outage.as_ref().map_or(&windows[1], |o| &o.window).loads(),
    );
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
        outage,
        place,
    })
}

/// The first minute of a window of `minutes` ending with the current one.
fn window_start(now: DateTime<Utc>, minutes: i64) -> DateTime<Utc> {
    let this_minute = DateTime::from_timestamp(window::minute_of(now) * 60, 0).unwrap_or(now);
    this_minute - Duration::minutes(minutes - 1)
}

/// One window's view from its summed bucket; `(from, minutes)` its span.
fn window_view(
    catalog: &Catalog,
    detector: Option<&ServiceDetector>,
    bucket: &Bucket,
    (from, minutes): (DateTime<Utc>, i64),
    reporters: u64,
    networks: &NetworkSummary,
) -> WindowView {
    let countries = super::country_counts(bucket);
    WindowView {
        reports: window::total(bucket),
        expected: status::expected_between(detector, None, from, minutes),
        reporters,
        symptoms: super::symptom_shares(catalog, bucket),
        country_expected: expected_by_country(detector, &countries, from, minutes),
        countries,
        busiest_network_share: window::busiest_network_share(networks).map(super::round3),
        network_suspect: window::is_network_suspect(networks),
    }
}

/// The usual reports of each of `countries` over a window: the service's
/// expectation there, weighed by the share each country usually holds.
fn expected_by_country(
    detector: Option<&ServiceDetector>,
    countries: &[(String, u64)],
    from: DateTime<Utc>,
    minutes: i64,
) -> HashMap<String, f64> {
    let (Some(d), Some(global)) = (
        detector,
        status::expected_between(detector, None, from, minutes),
    ) else {
        return HashMap::new();
    };
    countries
        .iter()
        .map(|(code, _)| (code.clone(), d.share(code) * global))
        .collect()
}

/// The outage window's view: what was reported since `since`.
async fn outage_view(
    store: &dyn Store,
    catalog: &Catalog,
    detector: Option<&ServiceDetector>,
    slug: &str,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<OutageView, StoreError> {
    let minutes = ((now - since).num_minutes() + 1).clamp(1, 24 * 60);
    let (bucket, networks, reporters) = futures_util::try_join!(
        window::last_minutes(store, slug, now, minutes),
        window::networks_last_minutes(store, slug, now, minutes),
        window::distinct_reporters_last_minutes(store, slug, now, minutes),
    )?;
    let window = window_view(
        catalog,
        detector,
        &bucket,
        (window_start(now, minutes), minutes),
        reporters,
        &networks,
    );
    let mut cells = super::map_cells(&bucket);
    cells.truncate(MAX_CELLS);
    Ok(OutageView {
        since,
        minutes,
        window,
        cells,
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
