//! `POST /api/v1/reports`: JSON from API clients, a urlencoded form from the
//! web page. The body is read by hand so that size, type and syntax errors
//! all answer in the API's own error format.

use super::extract::read_limited;
use super::guard::request_client_ip;
use super::{ApiError, ErrorBody};
use crate::geo::Region;
use crate::ingest::{BodyFormat, Origin, RateStatus, Refusal, Report, ReportRequest, parse_body};
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

/// A report taken.
#[derive(Serialize, ToSchema)]
pub struct Accepted<'a> {
    /// False for a repeat within the dedupe period.
    counted: bool,
    service: &'a str,
    symptom: &'a str,
    /// Where the reporter was placed (`country` null when unknown).
    region: &'a Region,
}

/// What became of a submission, for the metrics.
enum Outcome {
    Counted,
    Repeated,
    /// A form post that failed validation, answered with a redirect.
    FormRefused,
    /// A form post over its network's shared budget, answered with a
    /// redirect.
    FormLimited,
}

/// Reports a problem with a service.
#[utoipa::path(
    post,
    path = "/api/v1/reports",
    tag = "reports",
    request_body(
        description = "The report; at most 4 KiB",
        content(
            (ReportRequest = "application/json"),
            (ReportRequest = "application/x-www-form-urlencoded"),
        ),
    ),
    responses(
        (status = 202, description = "Taken (JSON body)", body = Accepted),
        (status = 303, description = "Form post: back to the status page"),
        (status = 400, description = "Malformed body (`invalid_body`)", body = ErrorBody),
        (status = 404, description = "Unknown service (`unknown_service`)", body = ErrorBody),
        (status = 413, description = "Body over 4 KiB (`payload_too_large`)", body = ErrorBody),
        (status = 415, description = "Neither JSON nor a form (`unsupported_media_type`)", body = ErrorBody),
        (status = 422, description = "Unknown symptom or platform (`unknown_symptom`, `unknown_platform`)", body = ErrorBody),
    ),
)]
pub async fn submit_report(
    req: HttpRequest,
    payload: web::Payload,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let metrics = &state.metrics;
    metrics.reports_received.inc();
    let result = accept_report(&req, payload, &state).await;
    match &result {
        Ok((_, Outcome::Counted)) => metrics.reports_counted.inc(),
        Ok((_, Outcome::Repeated)) => metrics.reports_repeated.inc(),
        Ok((_, Outcome::FormRefused)) => metrics
            .reports_rejected
            .with_label_values(&["invalid_form"])
            .inc(),
        Ok((_, Outcome::FormLimited)) => metrics
            .reports_rejected
            .with_label_values(&["rate_limited"])
            .inc(),
        Err(e) => metrics
            .reports_rejected
            .with_label_values(&[e.code()])
            .inc(),
    }
    result.map(|(response, _)| response)
}

async fn accept_report(
    req: &HttpRequest,
    payload: web::Payload,
    state: &AppState,
) -> Result<(HttpResponse, Outcome), ApiError> {
    let format = body_format(req)?;
    let body = read_limited(req, payload).await?;
    let checked = parse_body(format, &body).and_then(|request| {
        let (service, platform) = request.validate(&state.catalog)?;
        Ok((request, service, platform))
    });
    let (request, service, platform) = match (checked, format) {
        (Ok(checked), _) => checked,
        (Err(e), BodyFormat::Json) => return Err(e.into()),
        // A person at the form gets the page back with a message, not JSON.
        (Err(_), BodyFormat::Form) => {
            return Ok((form_refused(state, &body), Outcome::FormRefused));
        }
    };

    let now = state.clock.now();
    let ip = request_client_ip(req, state);
    let region = ip.map_or_else(Region::unknown, |ip| state.geo.lookup(ip));
    let asn = ip.and_then(|ip| match &state.asn_db {
        Some(db) => db.lookup_asn_number(ip),
        None => state.geo.current().lookup_asn_number(ip),
    });
    let identity = match ip {
        Some(ip) => Some(
            state
                .identity
                .identify(state.store.as_ref(), ip, now)
                .await?,
        ),
        None => None,
    };
    // The address ends here: only its region and keyed hashes go on.
    let origin = Origin {
        region,
        identity,
        network_budget: ip.map_or(0, |ip| state.limits.network_budget(ip)),
        asn,
    };
    let report = Report::new(&request, service, platform, origin);
    let recorded = state.store.record(&report, now).await?;
    if recorded.over_budget {
        let refusal = network_budget_refusal(report.network_budget, now);
        return match format {
            BodyFormat::Json => Err(ApiError::TooManyRequests(refusal)),
            BodyFormat::Form => Ok((
                HttpResponse::SeeOther()
                    .insert_header((
                        header::LOCATION,
                        format!("/status/{}?reported=limited", report.service),
                    ))
                    .insert_header((header::RETRY_AFTER, refusal.retry_after_secs))
                    .finish(),
                Outcome::FormLimited,
            )),
        };
    }
    let outcome = if recorded.counted {
        Outcome::Counted
    } else {
        Outcome::Repeated
    };

    let response = match format {
        BodyFormat::Json => HttpResponse::Accepted().json(Accepted {
            counted: recorded.counted,
            service: &report.service,
            symptom: &report.symptom,
            region: &report.region,
        }),
        BodyFormat::Form => HttpResponse::SeeOther()
            .insert_header((
                header::LOCATION,
                format!(
                    "/status/{}?reported={}",
                    report.service,
                    if recorded.counted {
                        "counted"
                    } else {
                        "repeat"
                    }
                ),
            ))
            .finish(),
    };
    Ok((response, outcome))
}

/// The answer to a report refused by its network's shared budget: it
/// refills when the minute turns.
fn network_budget_refusal(budget: u32, now: chrono::DateTime<chrono::Utc>) -> Refusal {
    let reset = (60 - now.timestamp().rem_euclid(60)).max(1) as u64;
    Refusal {
        retry_after_secs: reset,
        status: RateStatus {
            limit: budget,
            remaining: 0,
            reset_secs: reset,
            window_secs: 60,
        },
    }
}

/// The redirect for a form post that failed validation: back to the
/// service's page (or home when the service is unknown) with a message.
fn form_refused(state: &AppState, body: &[u8]) -> HttpResponse {
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(body).unwrap_or_default();
    let location = fields
        .iter()
        .find(|(k, _)| k == "service")
        .and_then(|(_, slug)| state.catalog.service(slug.trim()))
        .map_or_else(
            || "/?reported=invalid".to_string(),
            |s| format!("/status/{}?reported=invalid", s.slug),
        );
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

fn body_format(req: &HttpRequest) -> Result<BodyFormat, ApiError> {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    BodyFormat::from_content_type(content_type).ok_or_else(|| {
        ApiError::UnsupportedMediaType(
            "send application/json or application/x-www-form-urlencoded".to_string(),
        )
    })
}
