//! `GET /api/v1/services` and `GET /api/v1/services/{slug}`.

use super::{ApiError, ErrorBody};
use crate::catalog::Service;
use crate::countries::region_name;
use crate::read::{self, ServiceSummary, SymptomShare, status};
use crate::startup::AppState;
use crate::store::{keys, window};
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};

/// Every catalog service with its status.
#[derive(Serialize, ToSchema)]
pub struct ServiceList<'a> {
    pub services: Vec<ServiceSummary<'a>>,
}

/// Every catalog service with its status and reports in the last 15 minutes.
#[utoipa::path(
    get,
    path = "/api/v1/services",
    tag = "services",
    security((), ("api_key" = []), ("api_key_header" = [])),
    responses((status = 200, description = "Every service", body = ServiceList)),
)]
pub async fn list_services(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let services = read::service_summaries(
        state.store.as_ref(),
        state.catalog.services(),
        state.clock.now(),
    )
    .await?;
    Ok(HttpResponse::Ok().json(ServiceList { services }))
}

pub(super) fn find_service<'a>(state: &'a AppState, slug: &str) -> Result<&'a Service, ApiError> {
    state
        .catalog
        .service(slug)
        .ok_or_else(|| ApiError::NotFound {
            code: "unknown_service",
            message: format!(
                "there is no service \"{}\" in the catalog",
                slug.chars().take(64).collect::<String>()
            ),
        })
}

/// Windows the detail page can rank symptoms and regions over.
#[derive(Debug, Clone, Copy, Deserialize, Default, ToSchema)]
pub enum Window {
    #[serde(rename = "5m")]
    FiveMinutes,
    #[serde(rename = "15m")]
    FifteenMinutes,
    #[serde(rename = "1h")]
    OneHour,
    #[default]
    #[serde(rename = "24h")]
    OneDay,
}

impl Window {
    pub(super) fn minutes(self) -> i64 {
        match self {
            Window::FiveMinutes => 5,
            Window::FifteenMinutes => 15,
            Window::OneHour => 60,
            Window::OneDay => 24 * 60,
        }
    }

    pub(super) fn label(self) -> &'static str {
        match self {
            Window::FiveMinutes => "5m",
            Window::FifteenMinutes => "15m",
            Window::OneHour => "1h",
            Window::OneDay => "24h",
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DetailQuery {
    /// The window top symptoms and regions are ranked over.
    #[serde(default)]
    #[param(inline)]
    window: Window,
}

#[derive(Serialize, ToSchema)]
pub struct RegionCount {
    region: String,
    name: String,
    count: u64,
}

/// A service as the catalog describes it.
#[derive(Serialize, ToSchema)]
pub struct ServiceInfo {
    slug: String,
    name: String,
    category: String,
    website: Option<String>,
    symptoms: Vec<SymptomInfo>,
}

#[derive(Serialize, ToSchema)]
pub struct SymptomInfo {
    slug: String,
    label: String,
}

/// Counts over the last 5, 15, 60 minutes and 24 hours.
#[derive(Serialize, ToSchema)]
pub struct WindowCounts {
    last_5m: u64,
    last_15m: u64,
    last_60m: u64,
    last_24h: u64,
}

/// Expected reports over the same windows (null before detection ran).
#[derive(Serialize, ToSchema)]
pub struct WindowExpected {
    last_5m: Option<f64>,
    last_15m: Option<f64>,
    last_60m: Option<f64>,
    last_24h: Option<f64>,
}

/// One service in detail.
#[derive(Serialize, ToSchema)]
pub struct ServiceDetail {
    service: ServiceInfo,
    /// "ok", "possible" or "outage".
    status: String,
    /// Regions whose status is not "ok".
    regions_status: HashMap<String, String>,
    active_incidents: Vec<String>,
    reports: WindowCounts,
    expected: WindowExpected,
    /// Distinct people who reported.
    reporters: WindowCounts,
    /// The window `top_symptoms`, `top_regions` and the network share cover.
    window: &'static str,
    busiest_network_share: Option<f64>,
    network_suspect: bool,
    top_symptoms: Vec<SymptomShare>,
    top_regions: Vec<RegionCount>,
}

/// How many regions the detail lists.
const TOP_REGIONS: usize = 10;

const WINDOWS: [i64; 4] = [5, 15, 60, 24 * 60];

/// One service: recent counts against the baseline, top symptoms and regions.
#[utoipa::path(
    get,
    path = "/api/v1/services/{slug}",
    tag = "services",
    params(("slug" = String, Path, description = "service slug", example = "spotify"), DetailQuery),
    security((), ("api_key" = []), ("api_key_header" = [])),
    responses(
        (status = 200, description = "The service", body = ServiceDetail),
        (status = 400, description = "Invalid query", body = ErrorBody),
        (status = 404, description = "Unknown service (`unknown_service`)", body = ErrorBody),
    ),
)]
pub async fn service_detail(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<DetailQuery>,
) -> Result<HttpResponse, ApiError> {
    let service = find_service(&state, &slug)?;
    let store = state.store.as_ref();
    let now = state.clock.now();
    let mut reports = [0u64; 4];
    for (n, minutes) in reports.iter_mut().zip(WINDOWS).take(3) {
        *n = window::count_last_minutes(store, &service.slug, keys::TOTAL, now, minutes).await?;
    }
    let day = window::last_minutes(store, &service.slug, now, 24 * 60).await?;
    reports[3] = window::total(&day);
    let detector = status::detector(store, &service.slug).await?;
    let this_minute =
        now - chrono::Duration::seconds(i64::from(now.timestamp().rem_euclid(60) as i32));
    let expected = WINDOWS.map(|minutes| {
        let from = this_minute - chrono::Duration::minutes(minutes - 1);
        status::expected_between(detector.as_ref(), None, from, minutes)
    });
    let st = status::statuses(store, &[service.slug.as_str()])
        .await?
        .pop()
        .unwrap_or_default();
    let mut reporters = [0u64; 4];
    for (n, minutes) in reporters.iter_mut().zip(WINDOWS) {
        *n = window::distinct_reporters_last_minutes(store, &service.slug, now, minutes).await?;
    }

    let ranked = if query.window.minutes() == 24 * 60 {
        day
    } else {
        window::last_minutes(store, &service.slug, now, query.window.minutes()).await?
    };
    let networks =
        window::networks_last_minutes(store, &service.slug, now, query.window.minutes()).await?;
    let top_symptoms = read::symptom_shares(&state.catalog, &ranked);
    let top_regions: Vec<RegionCount> = window::ranked(&ranked, "r:")
        .into_iter()
        .filter(|(code, _)| !code.contains('-'))
        .take(TOP_REGIONS)
        .map(|(region, count)| RegionCount {
            name: region_name(&region),
            region,
            count,
        })
        .collect();

    let symptoms = service
        .symptoms
        .iter()
        .map(|s| SymptomInfo {
            slug: s.clone(),
            label: state.catalog.symptom_label(s).unwrap_or(s).to_string(),
        })
        .collect();
    let counts = |c: [u64; 4]| WindowCounts {
        last_5m: c[0],
        last_15m: c[1],
        last_60m: c[2],
        last_24h: c[3],
    };
    Ok(HttpResponse::Ok().json(ServiceDetail {
        service: ServiceInfo {
            slug: service.slug.clone(),
            name: service.name.clone(),
            category: service.category.clone(),
            website: service.website.clone(),
            symptoms,
        },
        status: if st.status.is_empty() {
            "ok".to_string()
        } else {
            st.status
        },
        regions_status: st.regions,
        active_incidents: st.active_incidents,
        reports: counts(reports),
        expected: WindowExpected {
            last_5m: expected[0],
            last_15m: expected[1],
            last_60m: expected[2],
            last_24h: expected[3],
        },
        reporters: counts(reporters),
        window: query.window.label(),
        busiest_network_share: window::busiest_network_share(&networks).map(read::round3),
        network_suspect: window::is_network_suspect(&networks),
        top_symptoms,
        top_regions,
    }))
}
