//! `GET /api/v1/services` and `GET /api/v1/services/{slug}`.

use super::ApiError;
use crate::catalog::Service;
use crate::countries::region_name;
use crate::read::{self, status};
use crate::startup::AppState;
use crate::store::{keys, window};
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

pub async fn list_services(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let services = read::service_summaries(
        state.store.as_ref(),
        state.catalog.services(),
        state.clock.now(),
    )
    .await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "services": services })))
}

pub(super) fn find_service<'a>(state: &'a AppState, slug: &str) -> Result<&'a Service, ApiError> {
    state
        .catalog
        .service(slug)
        .ok_or_else(|| ApiError::NotFound {
            code: "unknown_service",
            message: format!("there is no service \"{slug}\" in the catalog"),
        })
}

/// Windows the detail page can rank symptoms and regions over.
#[derive(Debug, Clone, Copy, Deserialize, Default)]
pub(super) enum Window {
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

#[derive(Deserialize)]
pub struct DetailQuery {
    #[serde(default)]
    window: Window,
}

#[derive(Serialize)]
struct RegionCount {
    region: String,
    name: String,
    count: u64,
}

/// How many regions the detail lists.
const TOP_REGIONS: usize = 10;

pub async fn service_detail(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<DetailQuery>,
) -> Result<HttpResponse, ApiError> {
    let service = find_service(&state, &slug)?;
    let store = state.store.as_ref();
    let now = state.clock.now();
    let mut reports = serde_json::Map::new();
    for (name, minutes) in [("last_5m", 5), ("last_15m", 15), ("last_60m", 60)] {
        let n = window::count_last_minutes(store, &service.slug, keys::TOTAL, now, minutes).await?;
        reports.insert(name.into(), n.into());
    }
    let day = window::last_minutes(store, &service.slug, now, 24 * 60).await?;
    let detector = status::detector(store, &service.slug).await?;
    let this_minute =
        now - chrono::Duration::seconds(i64::from(now.timestamp().rem_euclid(60) as i32));
    let mut expected = serde_json::Map::new();
    for (name, minutes) in [
        ("last_5m", 5),
        ("last_15m", 15),
        ("last_60m", 60),
        ("last_24h", 1440),
    ] {
        let from = this_minute - chrono::Duration::minutes(minutes - 1);
        let e = status::expected_between(detector.as_ref(), None, from, minutes);
        expected.insert(name.into(), e.into());
    }
    let st = status::statuses(store, &[service.slug.as_str()])
        .await?
        .pop()
        .unwrap_or_default();
    reports.insert("last_24h".into(), window::total(&day).into());
    let mut reporters = serde_json::Map::new();
    for (name, minutes) in [
        ("last_5m", 5),
        ("last_15m", 15),
        ("last_60m", 60),
        ("last_24h", 24 * 60),
    ] {
        let n = window::distinct_reporters_last_minutes(store, &service.slug, now, minutes).await?;
        reporters.insert(name.into(), n.into());
    }

    let ranked = if query.window.minutes() == 24 * 60 {
        day
    } else {
        window::last_minutes(store, &service.slug, now, query.window.minutes()).await?
    };
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

    let symptoms_catalog: Vec<_> = service
        .symptoms
        .iter()
        .map(|s| {
            serde_json::json!({
                "slug": s,
                "label": state.catalog.symptom_label(s).unwrap_or(s),
            })
        })
        .collect();
    let busiest_network_share = window::busiest_network_share(&ranked).map(read::round3);
    let network_suspect = window::is_network_suspect(&ranked);
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "service": {
            "slug": service.slug,
            "name": service.name,
            "category": service.category,
            "website": service.website,
            "symptoms": symptoms_catalog,
        },
        "status": if st.status.is_empty() { "ok".to_string() } else { st.status },
        "regions_status": st.regions,
        "active_incidents": st.active_incidents,
        "reports": reports,
        "expected": expected,
        "reporters": reporters,
        "window": query.window.label(),
        "busiest_network_share": busiest_network_share,
        "network_suspect": network_suspect,
        "top_symptoms": top_symptoms,
        "top_regions": top_regions,
    })))
}
