//! `GET /api/v1/outages` (filter by active, service, region) and
//! `GET /api/v1/outages/{id}` (with its evidence timeline).

use super::ErrorCode;
use super::extract::find_service;
use super::{ApiError, ErrorBody};
use crate::detect::Incident;
use crate::read;
use crate::state::AppState;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OutagesQuery {
    /// Only active (true) or only resolved (false) incidents.
    active: Option<bool>,
    /// A service slug.
    service: Option<String>,
    /// `global`, a country (`US`) or a subdivision (`US-CA`).
    region: Option<String>,
    /// At most this many (1 to 1000, default 100).
    limit: Option<usize>,
}

/// Incidents, newest first, without their timelines.
#[derive(Serialize, ToSchema)]
pub struct OutageList {
    outages: Vec<Incident>,
    /// True when the server runs the demo (`--demo`): every report is
    /// simulated. Absent otherwise.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    demo: bool,
}

/// Incidents of the matching services, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/outages",
    tag = "outages",
    params(OutagesQuery),
    security((), ("api_key" = []), ("api_key_header" = [])),
    responses(
        (status = 200, description = "Incidents, newest first, without `timeline`", body = OutageList),
        (status = 400, description = "Invalid query (`invalid_query`)", body = ErrorBody),
        (status = 404, description = "Unknown service (`unknown_service`)", body = ErrorBody),
    ),
)]
pub async fn list_outages(
    state: web::Data<AppState>,
    query: web::Query<OutagesQuery>,
) -> Result<HttpResponse, ApiError> {
    let services: Vec<String> = match query.service.as_deref().filter(|s| !s.is_empty()) {
        Some(slug) => vec![find_service(&state, slug)?.slug.clone()],
        None => state
            .catalog
            .services()
            .iter()
            .map(|s| s.slug.clone())
            .collect(),
    };
    let limit = query.limit.unwrap_or(100).clamp(1, 1000);
    let region = query.region.as_deref().filter(|r| !r.is_empty());
    let wanted = |i: &Incident| {
        query.active.is_none_or(|a| i.is_active() == a) && region.is_none_or(|r| i.region == r)
    };
    let version = state.views.version().await;
    let mut lists = Vec::with_capacity(services.len());
    for slug in &services {
        lists.push(state.views.incidents(slug, version).await?);
    }
    let mut matching: Vec<&Incident> = lists
        .iter()
        .flat_map(|list| list.value.iter())
        .filter(|i| wanted(i))
        .collect();
    matching.sort_by(|a, b| {
        b.started_at
            .cmp(&a.started_at)
            .then_with(|| a.id.cmp(&b.id))
    });
    matching.truncate(limit);
    // The list leaves the timelines out (the incident's own answer has it).
    let incidents = matching
        .into_iter()
        .map(|i| Incident {
            timeline: Vec::new(),
            ..i.clone()
        })
        .collect();
    Ok(HttpResponse::Ok().json(OutageList {
        outages: incidents,
        demo: state.demo,
    }))
}

/// One incident with its evidence timeline.
#[utoipa::path(
    get,
    path = "/api/v1/outages/{id}",
    tag = "outages",
    params(("id" = String, Path, description = "incident id, `<service>.<region>.<minute>`")),
    security((), ("api_key" = []), ("api_key_header" = [])),
    responses(
        (status = 200, description = "The incident (with `\"demo\": true` when the server runs the demo)", body = Incident),
        (status = 404, description = "Unknown outage (`unknown_outage`)", body = ErrorBody),
    ),
)]
pub async fn get_outage(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let not_found = || ApiError::Coded {
        code: ErrorCode::UnknownOutage,
        message: format!(
            "there is no outage \"{}\"",
            id.chars().take(80).collect::<String>()
        ),
    };
    // Ids are "<service>.<region>.<minute>".
    let service = id.split('.').next().unwrap_or("");
    if state.catalog.service(service).is_none() {
        return Err(not_found());
    }
    let incident = read::incident(state.store.as_ref(), service, &id)
        .await?
        .ok_or_else(not_found)?;
    if !state.demo {
        return Ok(HttpResponse::Ok().json(incident));
    }
    // A demo's incident says so, like every other answer of a demo.
    let mut body =
        serde_json::to_value(&incident).map_err(|e| ApiError::Internal(e.to_string()))?;
    if let Some(fields) = body.as_object_mut() {
        fields.insert("demo".to_string(), serde_json::Value::Bool(true));
    }
    Ok(HttpResponse::Ok().json(body))
}
