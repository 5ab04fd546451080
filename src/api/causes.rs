//! `GET /api/v1/causes`: the shared causes that hold now (ISP, upstream,
//! sympathy), each with its evidence (docs/shared-cause.md).

use super::extract::find_service;
use super::{ApiError, ErrorBody};
use crate::cause::{Cause, CauseKind, load_causes};
use crate::state::AppState;
use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CausesQuery {
    /// Only causes labelling this service.
    service: Option<String>,
    /// Only causes of this kind: `isp`, `upstream` or `sympathy`.
    kind: Option<CauseKind>,
}

/// The current causes.
#[derive(Serialize, ToSchema)]
pub struct CauseList {
    causes: Vec<Cause>,
    /// When the correlator last ran (null before it first did).
    updated_at: Option<DateTime<Utc>>,
}

/// Shared causes that hold now, most services first.
#[utoipa::path(
    get,
    path = "/api/v1/causes",
    tag = "outages",
    params(CausesQuery),
    security((), ("api_key" = []), ("api_key_header" = [])),
    responses(
        (status = 200, description = "Current shared causes with their evidence", body = CauseList),
        (status = 400, description = "Invalid query (`invalid_query`)", body = ErrorBody),
        (status = 404, description = "Unknown service (`unknown_service`)", body = ErrorBody),
    ),
)]
pub async fn list_causes(
    state: web::Data<AppState>,
    query: web::Query<CausesQuery>,
) -> Result<HttpResponse, ApiError> {
    let service = match query.service.as_deref().filter(|s| !s.is_empty()) {
        Some(slug) => Some(find_service(&state, slug)?.slug.clone()),
        None => None,
    };
    let doc = load_causes(state.store.as_ref()).await?;
    let mut causes: Vec<Cause> = doc
        .causes
        .into_iter()
        .filter(|c| service.as_deref().is_none_or(|s| c.touches(s)))
        .filter(|c| query.kind.is_none_or(|k| c.kind == k))
        .collect();
    causes.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(HttpResponse::Ok().json(CauseList {
        causes,
        updated_at: doc.updated_at,
    }))
}
