//! `GET /api/v1/heatmap?service=spotify&window=15m&level=country`: where
//! reports come from, with map positions (country centroids at country
//! level; subdivisions carry their country's position until a city
//! database supplies better).

use super::ApiError;
use super::services::{Window, find_service};
use crate::countries::{country, region_name};
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
struct Cell {
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
        None => state
            .catalog
            .services()
            .iter()
            .map(|s| s.slug.as_str())
            .collect(),
    };
    let now = state.clock.now();
    let mut sum = Bucket::new();
    for slug in &services {
        for (k, v) in
            window::last_minutes(state.store.as_ref(), slug, now, query.window.minutes()).await?
        {
            if k.starts_with("r:") || k == crate::store::keys::TOTAL {
                *sum.entry(k).or_default() += v;
            }
        }
    }
    let cells: Vec<Cell> = window::ranked(&sum, "r:")
        .into_iter()
        .filter(|(code, _)| code.contains('-') == (query.level == Level::Subdivision))
        .map(|(code, count)| {
            let cc = code.split('-').next().unwrap_or(&code).to_string();
            let place = country(&cc);
            Cell {
                name: region_name(&code),
                lat: place.map(|c| c.lat),
                lon: place.map(|c| c.lon),
                country: cc,
                region: code,
                count,
            }
        })
        .collect();
    let located: u64 = cells.iter().map(|c| c.count).sum();
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "service": query.service.as_deref().filter(|s| !s.is_empty()),
        "window": query.window.label(),
        "level": match query.level { Level::Country => "country", Level::Subdivision => "subdivision" },
        "total": window::total(&sum),
        "located": located,
        "regions": cells,
    })))
}
