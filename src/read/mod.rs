//! Read models shared by the JSON API and the web pages: service status,
//! report series against the baseline, symptom shares, summed windows for
//! maps and stored incidents. Both front ends read them through [`views`],
//! computed once and shared, so a page and the API never disagree about a
//! number and a flood of readers costs the store one computation a second.

pub mod cache;
pub mod place;
pub mod status;
pub mod views;

use crate::catalog::Catalog;
use crate::detect::{Incident, IncidentEvent, ServiceDetector};
use crate::store::{Bucket, Store, StoreError, keys, window};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// A service with its status and recent count, as lists show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ServiceSummary {
    pub slug: String,
    pub name: String,
    pub category: String,
    /// "ok", "possible" or "outage".
    #[schema(value_type = String)]
    pub status: crate::detect::Status,
    pub reports_last_15m: u64,
    /// Expected reports per 15 minutes at the current rate (null before
    /// detection has run for the service).
    pub expected_last_15m: Option<f64>,
    pub active_incidents: Vec<String>,
    /// What the service's official status page shows (`ok`,
    /// `maintenance`, `minor`, `major`); null without a page, before it
    /// was read or while it cannot be.
    pub official: Option<crate::detect::OfficialLevel>,
}

/// One bucket of a report series.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SeriesPoint {
    pub start: DateTime<Utc>,
    pub count: u64,
    /// Reports expected in the bucket by the current baseline (null before
    /// detection has run for the service).
    pub baseline: Option<f64>,
}

/// `count` buckets of `step_minutes` of one service's reports (in `region`,
/// or everywhere), the last one holding `now`, with the baseline.
pub async fn report_series(
    store: &dyn Store,
    detector: Option<&ServiceDetector>,
    service: &str,
    region: Option<&str>,
    now: DateTime<Utc>,
    step_minutes: i64,
    count: i64,
) -> Result<Vec<SeriesPoint>, StoreError> {
    let (start_minute, counts) = window::series(
        store,
        service,
        &keys::count_field(region),
        now,
        step_minutes,
        count,
    )
    .await?;
    Ok(counts
        .into_iter()
        .enumerate()
        .map(|(i, count)| {
            let minute = start_minute + i as i64 * step_minutes;
            let start = DateTime::from_timestamp(minute * 60, 0).unwrap_or_default();
            SeriesPoint {
                start,
                count,
                baseline: status::expected_between(detector, region, start, step_minutes),
            }
        })
        .collect())
}

/// A symptom's part of a window's reports.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SymptomShare {
    pub symptom: String,
    pub label: String,
    pub count: u64,
    /// Fraction of all symptom counts in the window, 3 decimals.
    pub share: f64,
}

/// The symptoms of a summed window, most reported first.
pub fn symptom_shares(catalog: &Catalog, bucket: &Bucket) -> Vec<SymptomShare> {
    let symptoms = window::ranked(bucket, "s:");
    let total: u64 = symptoms.iter().map(|(_, n)| n).sum();
    symptoms
        .into_iter()
        .map(|(symptom, count)| SymptomShare {
            label: catalog
                .symptom_label(&symptom)
                .unwrap_or(&symptom)
                .to_string(),
            share: round3(count as f64 / total.max(1) as f64),
            symptom,
            count,
        })
        .collect()
}

/// Region, map-cell and total counters of `services` summed over the last
/// `minutes` minutes: what maps draw.
pub async fn map_counts(
    store: &dyn Store,
    services: &[&str],
    now: DateTime<Utc>,
    minutes: i64,
) -> Result<Bucket, StoreError> {
    let mut sum = Bucket::new();
    for slug in services {
        for (k, v) in window::last_minutes(store, slug, now, minutes).await? {
            if k.starts_with("r:") || k.starts_with(keys::CELL_PREFIX) || k == keys::TOTAL {
                *sum.entry(k).or_default() += v;
            }
        }
    }
    Ok(sum)
}

/// A 1° cell of the map with reports, placed at its centre.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MapCell {
    /// "<lat>:<lon>" of the south-west corner, whole degrees.
    pub cell: String,
    pub lat: f64,
    pub lon: f64,
    pub count: u64,
}

/// The map cells of a summed window, most reports first.
pub fn map_cells(bucket: &Bucket) -> Vec<MapCell> {
    window::ranked(bucket, keys::CELL_PREFIX)
        .into_iter()
        .filter_map(|(cell, count)| {
            let (lat, lon) = cell.split_once(':')?;
            let (lat, lon) = (lat.parse::<f64>().ok()?, lon.parse::<f64>().ok()?);
            Some(MapCell {
                lat: lat + 0.5,
                lon: lon + 0.5,
                cell,
                count,
            })
        })
        .collect()
}

/// Country counts (alpha-2 codes, no subdivisions) of a summed window,
/// most reports first.
pub fn country_counts(bucket: &Bucket) -> Vec<(String, u64)> {
    window::ranked(bucket, "r:")
        .into_iter()
        .filter(|(code, _)| !code.contains('-'))
        .collect()
}

/// Incidents of one service, newest first, at most `limit`; unreadable
/// ones are logged and skipped.
pub async fn incidents(
    store: &dyn Store,
    service: &str,
    limit: usize,
) -> Result<Vec<Incident>, StoreError> {
    let mut out = store.incidents(service, limit).await?;
    attach_updates(store, service, &mut out).await?;
    Ok(out)
}

/// One incident of `service` with its official updates, if it exists.
pub async fn incident(
    store: &dyn Store,
    service: &str,
    id: &str,
) -> Result<Option<Incident>, StoreError> {
    let Some(mut incident) = store.incident(service, id).await? else {
        return Ok(None);
    };
    attach_updates(store, service, std::slice::from_mut(&mut incident)).await?;
    Ok(Some(incident))
}

/// The detector's `event` (its incident has neither official updates nor
/// a probable cause) joined as readers see it, ready for
/// `crate::events::publish`.
pub async fn join_event(
    store: &dyn Store,
    event: &IncidentEvent,
) -> Result<IncidentEvent, StoreError> {
    let mut event = event.clone();
    let service = event.incident.service.clone();
    attach_updates(store, &service, std::slice::from_mut(&mut event.incident)).await?;
    label_cause(store, std::slice::from_mut(&mut event.incident)).await?;
    Ok(event)
}

/// Labels `incidents` with the shared cause that holds for their service
/// and region now, if any: webhooks, the event stream and notices say so.
pub async fn label_cause(store: &dyn Store, incidents: &mut [Incident]) -> Result<(), StoreError> {
    let causes = crate::cause::load_causes(store).await?;
    crate::cause::probable_cause(&causes.causes, incidents);
    Ok(())
}

/// Joins the official updates (stored apart) to `incidents` of `service`,
/// and what its official status page said: the acknowledgement, its lag
/// and the linked official incident (see `crate::official::link`).
pub async fn attach_updates(
    store: &dyn Store,
    service: &str,
    incidents: &mut [Incident],
) -> Result<(), StoreError> {
    let ids: Vec<&str> = incidents.iter().map(|i| i.id.as_str()).collect();
    let updates = store.updates(service, &ids).await?;
    for (incident, parsed) in incidents.iter_mut().zip(updates) {
        incident.set_updates(parsed);
    }
    let official = crate::official::load(store, service).await?;
    for incident in incidents.iter_mut() {
        crate::official::link(incident, official.as_ref());
    }
    // Only open incidents can be part of a cause that holds now: a list of
    // resolved ones costs no read of the causes.
    if incidents.iter().any(Incident::is_active) {
        label_cause(store, incidents).await?;
    }
    Ok(())
}

pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
