//! `GET /api/v1/services` and `GET /api/v1/services/{slug}`, rendered once
//! per view and served with validators and public cache headers.

/// Rendered answers of the service routes, the same for every caller.
#[derive(Default)]
pub struct ServiceAnswers {
    services: RenderCache<()>,
    service: RenderCache<(String, &'static str)>,
    /// Series, heatmaps and the outage list's incidents.
    pub(super) reads: ReadAnswers,
}

impl ServiceAnswers {
    /// The answers, with parameterised ones computed at most once per
    /// `freshness.ttl`.
    pub fn new(freshness: Freshness) -> Self {
        Self {
            services: RenderCache::default(),
            service: RenderCache::default(),
            reads: ReadAnswers::new(freshness),
        }
    }

    /// Answers held and their bytes (every encoding).
    pub fn size(&self) -> (usize, usize) {
        (
            self.services.len() + self.service.len() + self.reads.len(),
            self.services.bytes() + self.service.bytes() + self.reads.bytes(),
        )
    }
}

use super::answers::ReadAnswers;
use super::extract::find_service;
use super::{ApiError, ErrorBody};
use crate::catalog::Service;
use crate::countries::region_name;
use crate::detect::Status;
use crate::http_cache::{RenderCache, Rendered};
use crate::official::{Acknowledgements, OfficialSummary};
use crate::read::cache::Freshness;
use crate::read::views::{DAY, ServiceView, WINDOWS, WindowView};
use crate::read::{ServiceSummary, SymptomShare};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};

/// Every catalog service with its status.
#[derive(Serialize, ToSchema)]
pub struct ServiceList<'a> {
    pub services: &'a [ServiceSummary],
    /// True when the server runs the demo (`--demo`): every report is
    /// simulated. Absent otherwise.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub demo: bool,
}

/// Every catalog service with its status and reports in the last 15 minutes.
#[utoipa::path(
    get,
    path = "/api/v1/services",
    tag = "services",
    security((), ("api_key" = []), ("api_key_header" = [])),
    responses((status = 200, description = "Every service", body = ServiceList)),
)]
pub async fn list_services(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let version = state.views.version().await;
    let summaries = state.views.summaries(version).await?;
    let answer = state
        .api_cache
        .services
        .get_or_render(&(), (summaries.generation, 0), || {
            json(&ServiceList {
                services: &summaries.value,
                demo: state.demo,
            })
        });
    Ok(answer.respond(&req, &state.cache_control, |_| {}))
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
    #[schema(value_type = String)]
    status: Status,
    /// Regions whose status is not "ok".
    #[schema(value_type = HashMap<String, String>)]
    regions_status: HashMap<String, Status>,
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
    /// What the service's official status page says (null when the
    /// catalog names none; `available` false while it cannot be read).
    official: Option<OfficialSummary>,
    /// How fast the service acknowledges the crowd's outages.
    acknowledgements: Acknowledgements,
    /// True when the server runs the demo (`--demo`): every report is
    /// simulated. Absent otherwise.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    demo: bool,
}

/// How many regions the detail lists.
const TOP_REGIONS: usize = 10;

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
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<DetailQuery>,
) -> Result<HttpResponse, ApiError> {
    let service = find_service(&state, &slug)?;
    let version = state.views.version().await;
    let view = state.views.service(&service.slug, version).await?;
    let key = (service.slug.clone(), query.window.label());
    let answer = state
        .api_cache
        .service
        .get_or_render(&key, (view.generation, 0), || {
            json(&detail(&state, service, &view.value, query.window))
        });
    Ok(answer.respond(&req, &state.cache_control, |_| {}))
}

/// A JSON answer rendered once.
pub(super) fn json(value: &impl Serialize) -> Rendered {
    // Our own types always serialise; an empty body would show a bug.
    Rendered::new(
        "application/json",
        serde_json::to_vec(value).unwrap_or_default(),
    )
}

fn detail(
    state: &AppState,
    service: &Service,
    view: &ServiceView,
    window: Window,
) -> ServiceDetail {
    let ranked = &view.windows[WINDOWS
        .iter()
        .position(|m| *m == window.minutes())
        .unwrap_or(DAY)];
    let top_regions: Vec<RegionCount> = ranked
        .countries
        .iter()
        .take(TOP_REGIONS)
        .map(|(region, count)| RegionCount {
            name: region_name(region),
            region: region.clone(),
            count: *count,
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
    let w = &view.windows;
    let counts = |f: fn(&WindowView) -> u64| WindowCounts {
        last_5m: f(&w[0]),
        last_15m: f(&w[1]),
        last_60m: f(&w[2]),
        last_24h: f(&w[3]),
    };
    let st = &view.status;
    ServiceDetail {
        service: ServiceInfo {
            slug: service.slug.clone(),
            name: service.name.clone(),
            category: service.category.clone(),
            website: service.website.clone(),
            symptoms,
        },
        status: st.status,
        regions_status: st.regions.clone(),
        active_incidents: st.active_incidents.clone(),
        reports: counts(|w| w.reports),
        expected: WindowExpected {
            last_5m: w[0].expected,
            last_15m: w[1].expected,
            last_60m: w[2].expected,
            last_24h: w[3].expected,
        },
        reporters: counts(|w| w.reporters),
        window: window.label(),
        busiest_network_share: ranked.busiest_network_share,
        network_suspect: ranked.network_suspect,
        top_symptoms: ranked.symptoms.clone(),
        top_regions,
        official: view.official.clone(),
        acknowledgements: view.acknowledgements.clone(),
        demo: state.demo,
    }
}
