//! What handlers take from a request before the domain sees it, in one
//! place: the body read under its size and time limits, a JSON body, the
//! catalog service a path names.

use super::ApiError;
use super::ErrorCode;
use crate::catalog::Service;
use crate::ingest::MAX_BODY_BYTES;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, web};
use futures_util::StreamExt;

/// Reads the body, refusing it as soon as it is known to exceed the limit,
/// or when it has not all arrived within the body timeout (a body that
/// trickles in would hold its connection for as long as the client likes).
pub(super) async fn read_limited(
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<Vec<u8>, ApiError> {
    let timeout = req
        .app_data::<web::Data<AppState>>()
        .and_then(|state| state.body_timeout);
    match timeout {
        Some(limit) => tokio::time::timeout(limit, read_body(req, payload))
            .await
            .map_err(|_| ApiError::RequestTimeout)?,
        None => read_body(req, payload).await,
    }
}

async fn read_body(req: &HttpRequest, mut payload: web::Payload) -> Result<Vec<u8>, ApiError> {
    let too_large = ApiError::PayloadTooLarge {
        limit: MAX_BODY_BYTES,
    };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return Err(too_large);
    }
    let mut body = Vec::with_capacity(declared.map_or(256, |n| n as usize));
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::Coded {
            code: ErrorCode::InvalidBody,
            message: format!("could not read the request body: {e}"),
        })?;
        if body.len() + chunk.len() > MAX_BODY_BYTES {
            return Err(too_large);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// The body must be JSON.
pub(super) fn require_json(req: &HttpRequest) -> Result<(), ApiError> {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let essence = content_type.split(';').next().unwrap_or("").trim();
    if essence.eq_ignore_ascii_case("application/json") {
        Ok(())
    } else {
        Err(ApiError::UnsupportedMediaType(
            "send application/json".to_string(),
        ))
    }
}

/// Reads an admin call's JSON body (at most 4 KiB).
pub(super) async fn json_body<T: serde::de::DeserializeOwned>(
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<T, ApiError> {
    require_json(req)?;
    let body = read_limited(req, payload).await?;
    serde_json::from_slice(&body).map_err(|e| ApiError::Coded {
        code: ErrorCode::InvalidBody,
        message: format!("invalid JSON body: {e}"),
    })
}

/// The catalog's service `slug`, or a 404 `unknown_service`.
pub(super) fn find_service<'a>(state: &'a AppState, slug: &str) -> Result<&'a Service, ApiError> {
    state.catalog.service(slug).ok_or_else(|| ApiError::Coded {
        code: ErrorCode::UnknownService,
        message: format!(
            "there is no service \"{}\" in the catalog",
            slug.chars().take(64).collect::<String>()
        ),
    })
}
