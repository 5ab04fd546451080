//! `GET /api/v1/heatmap?service=spotify&window=15m&level=country`: where
//! reports come from, with map positions (country centroids at country
//! level; subdivisions carry their country's position), or `level=cell`:
//! 1° map cells with their centres, from reports a city database placed.

use super::extract::find_service;
use super::services::{Window, json};
use super::{ApiError, ErrorBody};
use crate::countries::{country, region_name};
use crate::read::{self, MapCell};
use crate::state::AppState;
use crate::store::{Bucket, window};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// What the heatmap counts by.
#[derive(Debug, Clone, Copy, Deserialize, Default, PartialEq, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    #[default]
    Country,
    Subdivision,
    Cell,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HeatmapQuery {
    /// A service slug; absent: all services.
    service: Option<String>,
    /// Default 15m.
    #[serde(default = "default_window")]
    #[param(inline)]
    window: Window,
    #[serde(default)]
    #[param(inline)]
    level: Level,
}

impl Level {
    fn label(self) -> &'static str {
        match self {
            Level::Country => "country",
            Level::Subdivision => "subdivision",
            Level::Cell => "cell",
        }
    }
}

fn default_window() -> Window {
    Window::FifteenMinutes
}

#[derive(Serialize, ToSchema)]
pub struct RegionHeat {
    region: String,
    name: String,
    country: String,
    lat: Option<f64>,
    lon: Option<f64>,
    count: u64,
}

/// Regions (`level=country|subdivision`) or map cells (`level=cell`).
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
pub enum HeatRegions {
    Regions(Vec<RegionHeat>),
    Cells(Vec<MapCell>),
}

/// Where reports come from.
#[derive(Serialize, ToSchema)]
pub struct Heatmap<'a> {
    service: Option<&'a str>,
    window: &'static str,
    level: &'static str,
    /// All reports in the window.
    total: u64,
    /// Reports placed at this level.
    located: u64,
    regions: HeatRegions,
    /// True when the server runs the demo (`--demo`): every report is
    /// simulated. Absent otherwise.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    demo: bool,
}

/// Where reports come from, for maps.
#[utoipa::path(
    get,
    path = "/api/v1/heatmap",
    tag = "services",
    params(HeatmapQuery),
    security((), ("api_key" = []), ("api_key_header" = [])),
    responses(
        (status = 200, description = "Counts by region or map cell", body = Heatmap),
        (status = 400, description = "Invalid query (`invalid_query`)", body = ErrorBody),
        (status = 404, description = "Unknown service (`unknown_service`)", body = ErrorBody),
    ),
)]
pub async fn heatmap(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<HeatmapQuery>,
) -> Result<HttpResponse, ApiError> {
    let service = match query.service.as_deref().filter(|s| !s.is_empty()) {
        Some(slug) => Some(find_service(&state, slug)?.slug.clone()),
        None => None,
    };
    let (window, level) = (query.window, query.level);
    let key = (service.clone(), window.label(), level.label());
    let (store, catalog, now, demo) = (
        state.store.clone(),
        state.catalog.clone(),
        state.clock.now(),
        state.demo,
    );
    let answer = state
        .api_cache
        .reads
        .heat
        .get(&key, None, move || async move {
            let services: Vec<&str> = match &service {
                Some(slug) => vec![slug.as_str()],
                None => catalog.slugs(),
            };
            let sum = read::map_counts(store.as_ref(), &services, now, window.minutes()).await?;
            Ok(json(&heat(service.as_deref(), window, level, &sum, demo)))
        })
        .await?;
    Ok(answer.value.respond(&req, &state.cache_control, |_| {}))
}

/// The heatmap of a summed window.
fn heat<'a>(
    service: Option<&'a str>,
    window: Window,
    level: Level,
    sum: &Bucket,
    demo: bool,
) -> Heatmap<'a> {
    let (regions, located) = match level {
        Level::Cell => {
            let cells = read::map_cells(sum);
            let located = cells.iter().map(|c| c.count).sum::<u64>();
            (HeatRegions::Cells(cells), located)
        }
        level => {
            let regions = region_heat(sum, level == Level::Subdivision);
            let located = regions.iter().map(|c| c.count).sum::<u64>();
            (HeatRegions::Regions(regions), located)
        }
    };
    Heatmap {
        service,
        window: window.label(),
        level: level.label(),
        total: window::total(sum),
        located,
        regions,
        demo,
    }
}

fn region_heat(sum: &Bucket, subdivisions: bool) -> Vec<RegionHeat> {
    window::ranked(sum, "r:")
        .into_iter()
        .filter(|(code, _)| code.contains('-') == subdivisions)
        .map(|(code, count)| {
            let cc = code.split('-').next().unwrap_or(&code).to_string();
            let place = country(&cc);
            RegionHeat {
                name: region_name(&code),
                lat: place.map(|c| c.lat),
                lon: place.map(|c| c.lon),
                country: cc,
                region: code,
                count,
            }
        })
        .collect()
}
