//! The gate in front of the API and pages: rate limits on report
//! submission, on the read API, on page views and on the follow
//! endpoints, and API key checks for reads. Runs before any handler, so a
//! refused request costs no body parsing and no store call. The admin
//! token is checked by the admin scope itself ([`super::admin_access`]).
//!
//! Every decision is taken on the route the router matches, never on the
//! raw request path: [`crate::metrics::route_of`] looks the percent-decoded
//! path up in the route table exactly as the router does, so `%61dmin`,
//! `%72eports` and `/api/v1/services` are one request each. A path no
//! route matches (doubled or trailing slashes, `.`/`..` segments, `;`
//! parameters on a fixed segment, an encoded `/`) is answered 404 here,
//! before any limit or handler.
//!
//! Every answer under a limit carries `RateLimit-*` headers, except public
//! cacheable answers (`Cache-Control: public`) and their 304s, which a
//! shared cache hands to everyone; a refusal is 429 with `Retry-After`.

use super::ApiError;
use super::error::rate_limit_headers;
use super::keys::Presented;
use crate::geo::client_ip;
use crate::ingest::{BodyFormat, Caller, Verdict};
use crate::state::AppState;
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
    let Some(route) = crate::metrics::matched_route(&req) else {
        return Ok(refuse_unmatched(req));
    };
    let kind = classify(&route, req.method());
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
        // The admin API shares the anonymous per-client read limit; its
        // scope then checks the token, with failed attempts bounded.
        Kind::Admin => request_client_ip(req.request(), &state).map_or(Ok(None), |ip| {
            state.limits.check_read(Caller::Anonymous(ip))
        }),
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
                let page = crate::web::too_many_requests(req.request(), refusal.retry_after_secs);
                return Ok(req.into_response(page).map_into_boxed_body());
            }
            return Ok(refuse(req, ApiError::TooManyRequests(refusal)));
        }
    };
    let mut response = next.call(req).await?.map_into_boxed_body();
    // Pages and public read answers are cacheable: one client's allowance
    // does not belong in what a shared cache hands to everyone.
    if let (Some(status), false) = (
        status,
        matches!(kind, Kind::Page) || is_shared(response.response()),
    ) {
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

/// Whether a shared cache may keep `response`: `Cache-Control: public`,
/// or a 304 (which stands for a cached answer).
fn is_shared(response: &HttpResponse) -> bool {
    response.status() == actix_web::http::StatusCode::NOT_MODIFIED
        || response
            .headers()
            .get_all(header::CACHE_CONTROL)
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .any(|d| d.trim().eq_ignore_ascii_case("public"))
}

/// The 404 of a path no route matches: JSON under the API, a page
/// elsewhere. Nothing else looks at it.
fn refuse_unmatched(req: ServiceRequest) -> ServiceResponse<BoxBody> {
    use actix_web::ResponseError;
    let response = if is_api_path(req.match_info().as_str()) {
        super::not_found_error().error_response()
    } else {
        crate::web::error_page(req.request(), &crate::web::PageError::NotFound)
    };
    req.into_response(response)
}

/// Whether a (decoded) path is the API's, which answers errors in JSON.
pub fn is_api_path(path: &str) -> bool {
    path.starts_with("/api/") || matches!(path, "/healthz" | "/readyz" | "/metrics")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Report,
    Read,
    Admin,
    Page,
    /// Subscribing, unsubscribing, confirming (not the VAPID key read).
    Follow,
    Other,
}

/// What limits a request on the route pattern `route` takes. Patterns are
/// the route table's (`/api/v1/services/{slug}`), never a client's string.
fn classify(route: &str, method: &Method) -> Kind {
    let reads = matches!(*method, Method::GET | Method::HEAD);
    if route == "/api/v1/reports" {
        if *method == Method::POST {
            Kind::Report
        } else {
            Kind::Other
        }
    } else if route.starts_with("/follow/")
        || (!reads && route.starts_with("/api/v1/services/{service}/follow/"))
    {
        // Subscribing, unsubscribing, and the links in mails.
        Kind::Follow
    } else if route.starts_with("/api/v1/admin/") {
        // Admin calls carry the admin token, not an API key.
        Kind::Admin
    } else if !reads || matches!(route, "/healthz" | "/readyz" | "/metrics") {
        Kind::Other
    } else if route.starts_with("/api/") {
        Kind::Read
    } else {
        Kind::Page
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_are_classified_by_their_pattern_and_method() {
        let cases = [
            ("/api/v1/reports", Method::POST, Kind::Report),
            ("/api/v1/reports", Method::GET, Kind::Other),
            ("/api/v1/services/{slug}", Method::GET, Kind::Read),
            ("/api/v1/services/{slug}", Method::HEAD, Kind::Read),
            (
                "/api/v1/services/{service}/follow/email",
                Method::POST,
                Kind::Follow,
            ),
            (
                "/api/v1/services/{service}/follow/push",
                Method::DELETE,
                Kind::Follow,
            ),
            ("/api/v1/follow/vapid-public-key", Method::GET, Kind::Read),
            ("/follow/{service}/{id}/confirm", Method::GET, Kind::Follow),
            (
                "/follow/{service}/{id}/unsubscribe",
                Method::POST,
                Kind::Follow,
            ),
            (
                "/api/v1/admin/services/{service}/webhooks",
                Method::GET,
                Kind::Admin,
            ),
            (
                "/api/v1/admin/services/{service}/webhooks",
                Method::POST,
                Kind::Admin,
            ),
            ("/status/{slug}", Method::GET, Kind::Page),
            ("/status/{slug}", Method::POST, Kind::Other),
            ("/metrics", Method::GET, Kind::Other),
        ];
        for (route, method, kind) in cases {
            assert_eq!(classify(route, &method), kind, "{method} {route}");
        }
    }
}
