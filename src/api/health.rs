//! Liveness and readiness.

use super::ApiError;
use crate::startup::AppState;
use actix_web::{HttpResponse, web};
use serde_json::json;

/// The process is up and answering.
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(json!({"status": "ok"}))
}

/// The store answers: this process can take reports.
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    state.store.ping().await?;
    Ok(HttpResponse::Ok().json(json!({"status": "ready", "store": state.store.describe()})))
}
