//! `GET /api/v1/heatmap?service=spotify&window=15m&level=country`: where
//! reports come from, with map positions (country centroids at country
//! level; subdivisions carry their country's position), or `level=cell`:
//! 1° map cells with their centres, from reports a city database placed.

use super::ApiError;
use super::services::{Window, find_service};
use crate::countries::{country, region_name};
use crate::read;
use crate::startup::AppState;
use crate::store::{Bucket, window};
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Deserialize, Default, PartialEq)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    #[default]
    Country,
    Subdivision,
    Cell,
}

#[derive(Deserialize)]
pub struct HeatmapQuery {
    service: Option<String>,
    #[serde(default = "default_window")]
    window: Window,
    #[serde(default)]
    level: Level,
}

fn default_window() -> Window {
    Window::FifteenMinutes
}

#[derive(Serialize)]
struct RegionHeat {
    region: String,
    name: String,
    country: String,
    lat: Option<f64>,
    lon: Option<f64>,
    count: u64,
}

pub async fn heatmap(
    state: web::Data<AppState>,
    query: web::Query<HeatmapQuery>,
) -> Result<HttpResponse, ApiError> {
    let services: Vec<&str> = match query.service.as_deref().filter(|s| !s.is_empty()) {
        Some(slug) => vec![find_service(&state, slug)?.slug.as_str()],
        None => state.catalog.slugs(),
    };
    let now = state.clock.now();
    let sum =
        read::map_counts(state.store.as_ref(), &services, now, query.window.minutes()).await?;
    let (regions, located) = match query.level {
        Level::Cell => {
            let cells = read::map_cells(&sum);
            let located = cells.iter().map(|c| c.count).sum::<u64>();
            (serde_json::to_value(cells), located)
        }
        level => {
            let regions = region_heat(&sum, level == Level::Subdivision);
            let located = regions.iter().map(|c| c.count).sum::<u64>();
            (serde_json::to_value(regions), located)
        }
    };
    let regions = regions.map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "service": query.service.as_deref().filter(|s| !s.is_empty()),
        "window": query.window.label(),
        "level": match query.level {
            Level::Country => "country",
            Level::Subdivision => "subdivision",
            Level::Cell => "cell",
        },
        "total": window::total(&sum),
        "located": located,
        "regions": regions,
    })))
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
