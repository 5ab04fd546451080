//! The one API error type: each variant has a code, a status and a message;
//! the body is `{"error": "snake_case_code", "message": "…"}`.

use super::streams::STREAM_RETRY_AFTER_SECS;
use crate::ingest::{IngestError, RateStatus, Refusal};
use crate::store::StoreError;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

/// Seconds a client should wait before retrying a 503.
const RETRY_AFTER_SECS: &str = "2";

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{message}")]
    BadRequest { code: &'static str, message: String },
    #[error("{message}")]
    NotFound { code: &'static str, message: String },
    #[error("method not allowed on this endpoint")]
    MethodNotAllowed,
    #[error("the request body is larger than {limit} bytes")]
    PayloadTooLarge { limit: usize },
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("{message}")]
    Unprocessable { code: &'static str, message: String },
    #[error("the API key is not valid; send a configured key or none")]
    InvalidApiKey,
    /// 401 with `WWW-Authenticate` (admin token missing or wrong).
    #[error("{message}")]
    Unauthorized { code: &'static str, message: String },
    #[error("{message}")]
    Forbidden { code: &'static str, message: String },
    #[error("too many requests; retry in {} seconds", .0.retry_after_secs)]
    TooManyRequests(Refusal),
    /// 429: the admin API is refusing attempts after failed ones.
    #[error("too many failed admin authentications; retry in {retry_after_secs} seconds")]
    TooManyFailures { retry_after_secs: u64 },
    /// 429: this client already holds its share of event streams.
    #[error("this client already has {limit} event streams open; close one first")]
    TooManyStreams { limit: usize },
    /// 503: every event stream slot of this process is taken.
    #[error("the server holds as many event streams as it can; retry later")]
    StreamsFull,
    /// 408: the request body did not arrive in time.
    #[error("the request body took too long to arrive")]
    RequestTimeout,
    #[error("the report store is unavailable; try again shortly")]
    Unavailable(String),
    #[error("internal error")]
    Internal(String),
}

/// The body of every error answer.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// A stable snake_case code, e.g. `unknown_service`.
    #[schema(example = "unknown_service")]
    pub error: &'static str,
    /// A sentence for people.
    pub message: String,
}

impl ApiError {
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest { code, .. }
            | ApiError::NotFound { code, .. }
            | ApiError::Unprocessable { code, .. }
            | ApiError::Unauthorized { code, .. }
            | ApiError::Forbidden { code, .. } => code,
            ApiError::MethodNotAllowed => "method_not_allowed",
            ApiError::PayloadTooLarge { .. } => "payload_too_large",
            ApiError::UnsupportedMediaType(_) => "unsupported_media_type",
            ApiError::InvalidApiKey => "invalid_api_key",
            ApiError::TooManyRequests(_) => "rate_limited",
            ApiError::TooManyFailures { .. } => "too_many_failures",
            ApiError::TooManyStreams { .. } => "too_many_streams",
            ApiError::StreamsFull => "streams_full",
            ApiError::RequestTimeout => "request_timeout",
            ApiError::Unavailable(_) => "store_unavailable",
            ApiError::Internal(_) => "internal_error",
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::NotFound { .. } => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unprocessable { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::InvalidApiKey | ApiError::Unauthorized { .. } => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden { .. } => StatusCode::FORBIDDEN,
            ApiError::TooManyRequests(_)
            | ApiError::TooManyFailures { .. }
            | ApiError::TooManyStreams { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::StreamsFull => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            ApiError::Unavailable(cause) => tracing::warn!(%cause, "store unavailable"),
            ApiError::Internal(cause) => tracing::error!(%cause, "internal error"),
            _ => {}
        }
        let mut response = HttpResponse::build(self.status_code());
        match self {
            ApiError::Unavailable(_) => {
                response.insert_header((header::RETRY_AFTER, RETRY_AFTER_SECS));
            }
            ApiError::TooManyRequests(refusal) => {
                response.insert_header((header::RETRY_AFTER, refusal.retry_after_secs));
                for (name, value) in rate_limit_headers(&refusal.status) {
                    response.insert_header((name, value));
                }
            }
            ApiError::TooManyFailures { retry_after_secs } => {
                response.insert_header((header::RETRY_AFTER, *retry_after_secs));
            }
            ApiError::TooManyStreams { .. } | ApiError::StreamsFull => {
                response.insert_header((header::RETRY_AFTER, STREAM_RETRY_AFTER_SECS));
            }
            ApiError::RequestTimeout => {
                response.insert_header((header::CONNECTION, "close"));
            }
            ApiError::InvalidApiKey => {
                response.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            ApiError::Unauthorized { .. } => {
                response
                    .insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"downwatch-admin\""));
            }
            _ => {}
        }
        response.json(ErrorBody {
            error: self.code(),
            message: self.to_string(),
        })
    }
}

/// The `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` and
/// `RateLimit-Policy` headers (IETF httpapi ratelimit-headers draft) for a
/// limit's state.
pub fn rate_limit_headers(status: &RateStatus) -> [(&'static str, String); 4] {
    [
        ("ratelimit-limit", status.limit.to_string()),
        ("ratelimit-remaining", status.remaining.to_string()),
        ("ratelimit-reset", status.reset_secs.to_string()),
        (
            "ratelimit-policy",
            format!("{};w={}", status.limit, status.window_secs),
        ),
    ]
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Unavailable(cause) => ApiError::Unavailable(cause),
            StoreError::Backend(cause) => ApiError::Internal(error_chain(cause.as_ref())),
            StoreError::OutOfRange(message) => ApiError::BadRequest {
                code: "invalid_query",
                message,
            },
        }
    }
}

/// A cause and its sources, for the log ("a: b: c").
fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        out.push_str(": ");
        out.push_str(&cause.to_string());
        source = cause.source();
    }
    out
}

impl From<IngestError> for ApiError {
    fn from(e: IngestError) -> Self {
        let message = e.to_string();
        match e {
            IngestError::Malformed(_) => ApiError::BadRequest {
                code: "invalid_body",
                message,
            },
            IngestError::UnknownService(_) => ApiError::NotFound {
                code: "unknown_service",
                message,
            },
            IngestError::UnknownSymptom { .. } => ApiError::Unprocessable {
                code: "unknown_symptom",
                message,
            },
            IngestError::UnknownPlatform(_) => ApiError::Unprocessable {
                code: "unknown_platform",
                message,
            },
        }
    }
}
