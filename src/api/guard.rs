//! The gate in front of the API and pages: rate limits on report
//! submission, on the read API and on page views, API key checks for
//! reads, and the admin token for every admin route (with the bounds on
//! failed attempts of [`super::admin_guard`]), so no admin route can forget
//! the check. Runs before any handler, so a refused request costs no body
//! parsing and no store call.
//!
//! Every answer under a limit carries `RateLimit-*` headers; a refusal is
//! 429 with `Retry-After` as well.

use super::ApiError;
use super::error::rate_limit_headers;
use super::keys::Presented;
use crate::geo::client_ip;
use crate::ingest::{BodyFormat, Caller, Verdict};
use crate::startup::AppState;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse, web};
use std::net::IpAddr;

/// The client address of a request: the peer, or whom trusted proxies name.
pub fn request_client_ip(req: &HttpRequest, state: &AppState) -> Option<IpAddr> {
    req.peer_addr()
        .map(|peer| client_ip(peer.ip(), req.headers(), &state.proxies))
}

/// Middleware (`actix_web::middleware::from_fn`) applying limits and keys.
pub async fn guard(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    };
    let kind = classify(&req);
    let verdict: Verdict = match kind {
        Kind::Report => match request_client_ip(req.request(), &state) {
            Some(ip) => state.limits.check_report(ip),
            None => Ok(None),
        },
        Kind::Read => {
            let caller = match state.api_keys.check(req.headers()) {
                Presented::Valid(index) => Some(Caller::Key(index)),
                Presented::Invalid => return Ok(refuse(req, ApiError::InvalidApiKey)),
                Presented::None => request_client_ip(req.request(), &state).map(Caller::Anonymous),
            };
            caller.map_or(Ok(None), |c| state.limits.check_read(c))
        }
        // The admin API shares the anonymous per-client read limit, and
        // failed attempts are bounded on top of it.
        Kind::Admin => {
            let client = request_client_ip(req.request(), &state);
            let verdict = client.map_or(Ok(None), |ip| {
                state.limits.check_read(Caller::Anonymous(ip))
            });
            if verdict.is_ok()
                && let Err(refusal) = authenticate_admin(&req, &state, client)
            {
                return Ok(refuse(req, refusal));
            }
            verdict
        }
        Kind::Page => request_client_ip(req.request(), &state)
            .map_or(Ok(None), |ip| state.limits.check_page(ip)),
        Kind::Follow => {
            request_client_ip(req.request(), &state).map_or(Ok(None), |ip| state.follow.check(ip))
        }
        Kind::Other => Ok(None),
    };
    let status = match verdict {
        Ok(status) => status,
        Err(refusal) => {
            let limit = if matches!(kind, Kind::Report) {
                // Refused before the handler: count the submission here.
                state.metrics.reports_received.inc();
                state
                    .metrics
                    .reports_rejected
                    .with_label_values(&["rate_limited"])
                    .inc();
                "report"
            } else if matches!(kind, Kind::Admin) {
                "admin"
            } else if matches!(kind, Kind::Page) {
                "page"
            } else if matches!(kind, Kind::Follow) {
                "follow"
            } else {
                "read"
            };
            state.metrics.rate_limited.with_label_values(&[limit]).inc();
            // A person at the form gets their page back with a note.
            if let Some(page) = refused_form_page(&req, &state) {
                let mut back = HttpResponse::SeeOther();
                back.insert_header((header::LOCATION, page));
                back.insert_header((header::RETRY_AFTER, refusal.retry_after_secs));
                return Ok(req.into_response(back.finish()).map_into_boxed_body());
            }
            if matches!(kind, Kind::Page) {
                let page = crate::web::too_many_requests(refusal.retry_after_secs);
                return Ok(req.into_response(page).map_into_boxed_body());
            }
            return Ok(refuse(req, ApiError::TooManyRequests(refusal)));
        }
    };
    let mut response = next.call(req).await?.map_into_boxed_body();
    // Pages are public and cacheable: one client's allowance does not
    // belong in what a shared cache hands to everyone.
    if let (Some(status), false) = (status, matches!(kind, Kind::Page)) {
        for (name, value) in rate_limit_headers(&status) {
            if let Ok(value) = HeaderValue::from_str(&value) {
                response
                    .headers_mut()
                    .insert(HeaderName::from_static(name), value);
            }
        }
    }
    Ok(response)
}

/// Checks the admin token, unless the client (or everyone) must wait after
/// failed attempts. A refusal is logged at WARN, without the token or the
/// address.
fn authenticate_admin(
    req: &ServiceRequest,
    state: &AppState,
    client: Option<IpAddr>,
) -> Result<(), ApiError> {
    if let Err(retry_after_secs) = state.admin_guard.admit(client) {
        state
            .metrics
            .rate_limited
            .with_label_values(&["admin"])
            .inc();
        return Err(ApiError::TooManyFailures { retry_after_secs });
    }
    match state.admin.check(req.headers()) {
        Ok(()) => {
            state.admin_guard.succeeded(client);
            Ok(())
        }
        Err(e) => {
            if matches!(e, ApiError::Unauthorized { .. }) {
                state.admin_guard.failed(client);
                tracing::warn!(code = e.code(), "admin authentication refused");
            }
            Err(e)
        }
    }
}

/// The error's response, not an `Err`, so that the outer middleware still
/// see the request and add their headers.
fn refuse(req: ServiceRequest, error: ApiError) -> ServiceResponse<BoxBody> {
    use actix_web::ResponseError;
    let response = error.error_response();
    req.into_response(response)
}

/// For a refused form post sent from a service's status page: that page,
/// with `reported=limited`. JSON clients get the 429 as usual.
fn refused_form_page(req: &ServiceRequest, state: &AppState) -> Option<String> {
    let content_type = req.headers().get(header::CONTENT_TYPE)?.to_str().ok()?;
    if BodyFormat::from_content_type(content_type) != Some(BodyFormat::Form) {
        return None;
    }
    let referer = req.headers().get(header::REFERER)?.to_str().ok()?;
    let slug = referer
        .split_once("/status/")?
        .1
        .split(['/', '?', '#'])
        .next()?;
    let service = state.catalog.service(slug)?;
    Some(format!("/status/{}?reported=limited", service.slug))
}

enum Kind {
    Report,
    Read,
    Admin,
    Page,
    /// Subscribing, unsubscribing, confirming (not the VAPID key read).
    Follow,
    Other,
}

fn classify(req: &ServiceRequest) -> Kind {
    let path = req.path();
    if path == "/api/v1/reports" {
        if req.method() == Method::POST {
            Kind::Report
        } else {
            Kind::Other
        }
    } else if is_follow(path, req.method()) {
        Kind::Follow
    } else if path.starts_with("/api/v1/admin/") {
        // Admin calls carry the admin token, not an API key.
        Kind::Admin
    } else if !matches!(*req.method(), Method::GET | Method::HEAD) {
        Kind::Other
    } else if path.starts_with("/api/") {
        Kind::Read
    } else if matches!(path, "/healthz" | "/readyz" | "/metrics") {
        Kind::Other
    } else {
        Kind::Page
    }
}

/// The follow endpoints that write: subscriptions, and the links in mails.
fn is_follow(path: &str, method: &Method) -> bool {
    path.starts_with("/follow/")
        || (*method != Method::GET
            && path.starts_with("/api/v1/services/")
            && path.contains("/follow/"))
}
