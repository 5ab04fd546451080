//! `GET /metrics`: the Prometheus text exposition. The active-incidents
//! gauge is read from the services' status documents at scrape time, so
//! every process behind one Redis reports the same number; when the store
//! is unreachable it keeps its last value.

use crate::read::status;
use crate::state::AppState;
use actix_web::{HttpResponse, web};

/// Prometheus metrics of this process (text exposition format).
#[utoipa::path(get, path = "/metrics", tag = "health",
    responses((status = 200, description = "Prometheus text format", body = String,
        content_type = "text/plain; version=0.0.4")))]
pub async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    let slugs: Vec<&str> = state
        .catalog
        .services()
        .iter()
        .map(|s| s.slug.as_str())
        .collect();
    match status::statuses(state.store.as_ref(), &slugs).await {
        Ok(docs) => {
            let open: usize = docs.iter().map(|d| d.active_incidents.len()).sum();
            state
                .metrics
                .active_incidents
                .set(i64::try_from(open).unwrap_or(i64::MAX));
        }
        Err(e) => tracing::debug!(error = %e, "active incidents not refreshed"),
    }
    let (services, lists, maps) = state.views.cached();
    let views = services + lists + maps;
    let bytes = state.pages.size().1 + state.api_cache.size().1;
    state
        .metrics
        .cached_views
        .set(i64::try_from(views).unwrap_or(i64::MAX));
    state
        .metrics
        .cached_answer_bytes
        .set(i64::try_from(bytes).unwrap_or(i64::MAX));
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(state.metrics.render())
}
