//! `GET /api/v1/outages` (filter by active, service, region) and
//! `GET /api/v1/outages/{id}` (with its evidence timeline).

use super::ApiError;
use super::services::find_service;
use crate::detect::Incident;
use crate::read;
use crate::startup::AppState;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

/// Incidents listed per service at most.
const PER_SERVICE: usize = 200;

#[derive(Deserialize)]
pub struct OutagesQuery {
    active: Option<bool>,
    service: Option<String>,
    region: Option<String>,
    limit: Option<usize>,
}

/// Incidents of the matching services, newest first.
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
    let mut incidents: Vec<Incident> = Vec::new();
    for slug in &services {
        incidents.extend(read::incidents(state.store.as_ref(), slug, PER_SERVICE).await?);
    }
    incidents.retain(|i| {
        query.active.is_none_or(|a| i.is_active() == a)
            && query
                .region
                .as_deref()
                .filter(|r| !r.is_empty())
                .is_none_or(|r| i.region == r)
    });
    incidents.sort_by(|a, b| {
        b.started_at
            .cmp(&a.started_at)
            .then_with(|| a.id.cmp(&b.id))
    });
    incidents.truncate(limit);
    let summaries: Vec<serde_json::Value> = incidents.iter().map(summary).collect();
    Ok(HttpResponse::Ok().json(serde_json::json!({ "outages": summaries })))
}

/// An incident without its timeline, for lists.
fn summary(i: &Incident) -> serde_json::Value {
    let mut v = serde_json::to_value(i).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.remove("timeline");
    }
    v
}

pub async fn get_outage(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let not_found = || ApiError::NotFound {
        code: "unknown_outage",
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
    let json = state
        .store
        .get_incident(service, &id)
        .await?
        .ok_or_else(not_found)?;
    let incident: Incident = serde_json::from_str(&json)
        .map_err(|e| ApiError::Internal(format!("unreadable incident {id}: {e}")))?;
    Ok(HttpResponse::Ok().json(incident))
}
