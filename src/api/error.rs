//! The one API error type: each variant has a code, a status and a message;
//! the body is `{"error": "snake_case_code", "message": "…"}`.

use super::streams::STREAM_RETRY_AFTER_SECS;
use crate::i18n::Lang;
use crate::ingest::{IngestError, RateStatus, Refusal};
use crate::store::StoreError;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{StatusCode, header};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

/// Seconds a client should wait before retrying a 503.
const RETRY_AFTER_SECS: &str = "2";

/// The table of error codes: each with its HTTP status and what it means.
/// [`ErrorCode`] is built from it, every answer's status comes from it,
/// and the OpenAPI document lists it (`openapi.rs`).
macro_rules! error_codes {
    ($($name:ident = $code:literal, $status:ident, $meaning:literal;)*) => {
        /// A stable snake_case code of an error answer.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ErrorCode {
            $($name,)*
        }

        impl ErrorCode {
            /// Every code, in the table's order.
            pub const ALL: &[ErrorCode] = &[$(ErrorCode::$name,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$name => $code,)*
                }
            }

            pub fn status(self) -> StatusCode {
                match self {
                    $(ErrorCode::$name => StatusCode::$status,)*
                }
            }

            /// What the code means, for the documentation.
            pub fn meaning(self) -> &'static str {
                match self {
                    $(ErrorCode::$name => $meaning,)*
                }
            }
        }
    };
}

error_codes! {
    InvalidBody = "invalid_body", BAD_REQUEST, "the body is not valid JSON (or form) or could not be read";
    InvalidQuery = "invalid_query", BAD_REQUEST, "a query parameter is malformed or out of range";
    InvalidPath = "invalid_path", BAD_REQUEST, "a path segment is malformed";
    InvalidApiKey = "invalid_api_key", UNAUTHORIZED, "the API key is not a configured one";
    MissingAdminToken = "missing_admin_token", UNAUTHORIZED, "the admin API needs `Authorization: Bearer <token>`";
    InvalidAdminToken = "invalid_admin_token", UNAUTHORIZED, "the admin token is wrong";
    AdminDisabled = "admin_disabled", FORBIDDEN, "the admin API is off (no `--admin-token`)";
    NotFound = "not_found", NOT_FOUND, "no such path";
    UnknownService = "unknown_service", NOT_FOUND, "no service of that slug in the catalog";
    UnknownOutage = "unknown_outage", NOT_FOUND, "no incident of that id for the service";
    UnknownWebhook = "unknown_webhook", NOT_FOUND, "no webhook of that id";
    UnknownFollow = "unknown_follow", NOT_FOUND, "no follower of that kind and endpoint";
    EmailUnavailable = "email_unavailable", NOT_FOUND, "email notices are off (no SMTP server configured)";
    MethodNotAllowed = "method_not_allowed", METHOD_NOT_ALLOWED, "the path takes other methods";
    RequestTimeout = "request_timeout", REQUEST_TIMEOUT, "the body did not arrive in time";
    PayloadTooLarge = "payload_too_large", PAYLOAD_TOO_LARGE, "the body is over its limit";
    UnsupportedMediaType = "unsupported_media_type", UNSUPPORTED_MEDIA_TYPE, "the body is of a type the endpoint does not take";
    UnknownSymptom = "unknown_symptom", UNPROCESSABLE_ENTITY, "the service offers no such symptom";
    UnknownPlatform = "unknown_platform", UNPROCESSABLE_ENTITY, "no such platform";
    InvalidStatus = "invalid_status", UNPROCESSABLE_ENTITY, "not an official update status";
    InvalidMessage = "invalid_message", UNPROCESSABLE_ENTITY, "the message is empty or too long";
    InvalidUrl = "invalid_url", UNPROCESSABLE_ENTITY, "the webhook URL is not an absolute http(s) URL with a host and no credentials";
    InternalTarget = "internal_target", UNPROCESSABLE_ENTITY, "the webhook URL points at an internal address";
    InvalidSecret = "invalid_secret", UNPROCESSABLE_ENTITY, "the webhook secret is not 16 to 256 characters";
    InvalidRegion = "invalid_region", UNPROCESSABLE_ENTITY, "not a country (US) or subdivision (US-CA) code";
    TooManyWebhooks = "too_many_webhooks", UNPROCESSABLE_ENTITY, "the service has as many webhooks as it may have";
    InvalidEndpoint = "invalid_endpoint", UNPROCESSABLE_ENTITY, "the push endpoint is not a public https URL";
    InvalidKeys = "invalid_keys", UNPROCESSABLE_ENTITY, "the push subscription keys are malformed";
    InvalidEmail = "invalid_email", UNPROCESSABLE_ENTITY, "not an address at a public mail domain";
    NoActiveIncident = "no_active_incident", UNPROCESSABLE_ENTITY, "\"back\" needs an incident going on now";
    TooManyFollows = "too_many_follows", UNPROCESSABLE_ENTITY, "this client address made its follows for the day";
    ServiceFollowsFull = "service_follows_full", UNPROCESSABLE_ENTITY, "the service has as many followers as it may have";
    FollowsFull = "follows_full", UNPROCESSABLE_ENTITY, "the server takes no more followers now";
    RateLimited = "rate_limited", TOO_MANY_REQUESTS, "over a rate limit; see `Retry-After` and `RateLimit-*`";
    TooManyFailures = "too_many_failures", TOO_MANY_REQUESTS, "too many failed admin authentications; see `Retry-After`";
    TooManyStreams = "too_many_streams", TOO_MANY_REQUESTS, "this client holds its share of event streams";
    InternalError = "internal_error", INTERNAL_SERVER_ERROR, "a bug; the cause is in the server log";
    StoreUnavailable = "store_unavailable", SERVICE_UNAVAILABLE, "the store is unreachable; see `Retry-After`";
    StreamsFull = "streams_full", SERVICE_UNAVAILABLE, "every event stream slot is taken; see `Retry-After`";
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// An error whose code decides its status; the message says what to do.
    #[error("{message}")]
    Coded { code: ErrorCode, message: String },
    #[error("method not allowed on this endpoint")]
    MethodNotAllowed,
    #[error("the request body is larger than {limit} bytes")]
    PayloadTooLarge { limit: usize },
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("the API key is not valid; send a configured key or none")]
    InvalidApiKey,
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
    /// The code of the table this error answers with.
    pub fn error_code(&self) -> ErrorCode {
        match self {
            ApiError::Coded { code, .. } => *code,
            ApiError::MethodNotAllowed => ErrorCode::MethodNotAllowed,
            ApiError::PayloadTooLarge { .. } => ErrorCode::PayloadTooLarge,
            ApiError::UnsupportedMediaType(_) => ErrorCode::UnsupportedMediaType,
            ApiError::InvalidApiKey => ErrorCode::InvalidApiKey,
            ApiError::TooManyRequests(_) => ErrorCode::RateLimited,
            ApiError::TooManyFailures { .. } => ErrorCode::TooManyFailures,
            ApiError::TooManyStreams { .. } => ErrorCode::TooManyStreams,
            ApiError::StreamsFull => ErrorCode::StreamsFull,
            ApiError::RequestTimeout => ErrorCode::RequestTimeout,
            ApiError::Unavailable(_) => ErrorCode::StoreUnavailable,
            ApiError::Internal(_) => ErrorCode::InternalError,
        }
    }

    pub fn code(&self) -> &'static str {
        self.error_code().as_str()
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.error_code().status()
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
            ApiError::Coded { code, .. } if code.status() == StatusCode::UNAUTHORIZED => {
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

/// Error bodies read back at most, to answer them in another language.
const LOCALIZED_BODY_LIMIT: usize = 64 * 1024;

/// Middleware: an API error answer in the language the client asks for
/// (`Accept-Language`, as the API has no language prefix). The code stays
/// as it is; the message becomes that code's sentence in the language
/// (`api-error-<code>` in `assets/i18n/`). English answers keep their own,
/// more detailed message. Every API error answer says it varies on
/// `Accept-Language`.
pub async fn localize_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let api = super::is_api_path(req.match_info().as_str());
    let lang = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map_or(Lang::En, Lang::negotiate);
    let response = next.call(req).await?.map_into_boxed_body();
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !api || !json || response.status().as_u16() < 400 {
        return Ok(response);
    }
    let (req, mut res) = response.into_parts();
    res.headers_mut().append(
        header::VARY,
        header::HeaderValue::from_static("Accept-Language"),
    );
    if lang == Lang::En {
        return Ok(ServiceResponse::new(req, res));
    }
    let (res, body) = res.into_parts();
    let bytes = match actix_web::body::to_bytes_limited(body, LOCALIZED_BODY_LIMIT).await {
        Ok(Ok(bytes)) => bytes,
        // Not an error body of ours (too long, or it failed to stream).
        _ => return Ok(ServiceResponse::new(req, res.set_body(BoxBody::new(())))),
    };
    let body = localized_body(lang, &bytes).unwrap_or_else(|| bytes.to_vec());
    Ok(ServiceResponse::new(req, res.set_body(BoxBody::new(body))))
}

/// An error body `{"error": code, "message": …}` with the code's message
/// in `lang`; `None` when it is not one or the code has no message.
fn localized_body(lang: Lang, body: &[u8]) -> Option<Vec<u8>> {
    let mut value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let code = value.get("error")?.as_str()?;
    let message = lang.t(&format!("api-error-{code}"));
    if message.starts_with(crate::i18n::MISSING_OPEN) {
        return None;
    }
    value["message"] = message.into();
    serde_json::to_vec(&value).ok()
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
            StoreError::OutOfRange(message) => ApiError::Coded {
                code: ErrorCode::InvalidQuery,
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
            IngestError::Malformed(_) => ApiError::Coded {
                code: ErrorCode::InvalidBody,
                message,
            },
            IngestError::UnknownService(_) => ApiError::Coded {
                code: ErrorCode::UnknownService,
                message,
            },
            IngestError::UnknownSymptom { .. } => ApiError::Coded {
                code: ErrorCode::UnknownSymptom,
                message,
            },
            IngestError::UnknownPlatform(_) => ApiError::Coded {
                code: ErrorCode::UnknownPlatform,
                message,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_code_has_a_message_in_every_language() {
        for lang in Lang::ALL {
            for code in ErrorCode::ALL {
                let message = lang.t(&format!("api-error-{}", code.as_str()));
                assert!(
                    !message.starts_with(crate::i18n::MISSING_OPEN),
                    "{} {}",
                    lang.tag(),
                    code.as_str()
                );
            }
        }
    }

    #[test]
    fn a_localized_body_keeps_its_code() {
        let body = br#"{"error":"unknown_service","message":"no service 'x'"}"#;
        let de: serde_json::Value =
            serde_json::from_slice(&localized_body(Lang::De, body).expect("localized"))
                .expect("json");
        assert_eq!(de["error"], "unknown_service");
        assert_eq!(
            de["message"],
            "Einen Dienst mit diesem Namen gibt es nicht."
        );
        assert!(localized_body(Lang::De, b"not json").is_none());
        assert!(localized_body(Lang::De, br#"{"error":"no_such_code"}"#).is_none());
    }
}
