//! `GET /api/v1/openapi.json`: the OpenAPI 3 document of the API, built by
//! `utoipa` from the handlers' `#[utoipa::path]` attributes and the
//! request and response types, so it cannot drift from the code.
//!
//! Answers every operation may give regardless of the handler (429 over a
//! rate limit, 503 while the store is down, 401 for an unknown API key or
//! admin token, 403 with the admin API off, 400/413/415 for a JSON body)
//! and the security schemes are added here.

use super::ErrorBody;
use super::{
    admin, causes, events, follow, health, heatmap, metrics, outages, reports, services,
    timeseries, webhooks,
};
use actix_web::HttpResponse;
use utoipa::OpenApi;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "downwatch",
        description = "Crowd-sourced outage reports: submit reports, read counts, incidents and live events. \
Errors are `{\"error\": \"snake_case_code\", \"message\": \"...\"}`.",
        license(name = "see the repository"),
    ),
    paths(
        reports::submit_report,
        services::list_services,
        services::service_detail,
        timeseries::timeseries,
        heatmap::heatmap,
        outages::list_outages,
        outages::get_outage,
        causes::list_causes,
        events::event_stream,
        admin::post_incident_update,
        webhooks::create_webhook,
        webhooks::list_webhooks,
        webhooks::delete_webhook,
        follow::vapid_public_key,
        follow::follow_push,
        follow::unfollow_push,
        follow::follow_email,
        health::healthz,
        health::readyz,
        metrics::metrics,
        openapi_json,
    ),
    components(schemas(ErrorBody, crate::official::OfficialEvent, crate::cause::CauseEvent)),
    modifiers(&CommonAnswers),
    tags(
        (name = "reports", description = "Submitting reports"),
        (name = "services", description = "Counts, series and maps"),
        (name = "outages", description = "Detected incidents"),
        (name = "events", description = "Live events"),
        (name = "follow", description = "People following a service: push and email notices"),
        (name = "health", description = "Liveness and readiness"),
        (name = "admin", description = "For service owners, with the admin token"),
        (name = "meta", description = "This document"),
    ),
)]
pub struct ApiDoc;

/// This document.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "meta",
    responses((status = 200, description = "The OpenAPI 3 document", content_type = "application/json")),
)]
pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}

struct CommonAnswers;

fn error_response(description: &str) -> RefOr<Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("ErrorBody")))
                    .build(),
            )
            .build(),
    )
}

impl utoipa::Modify for CommonAnswers {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "An API key for the read API (higher rate limit): `Authorization: Bearer <key>`. Optional.",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "api_key_header",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "X-API-Key",
                "The same API key in `X-API-Key`. Optional.",
            ))),
        );
        components.add_security_scheme(
            "admin_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The admin token (`--admin-token`): `Authorization: Bearer <token>`.",
                    ))
                    .build(),
            ),
        );
        for (path, item) in openapi.paths.paths.iter_mut() {
            let limited = path.starts_with("/api/") && !path.starts_with("/api/v1/admin/");
            let operations = [
                item.get.as_mut(),
                item.post.as_mut(),
                item.put.as_mut(),
                item.delete.as_mut(),
                item.patch.as_mut(),
            ];
            for op in operations.into_iter().flatten() {
                let has_body = op.request_body.is_some();
                let answers = &mut op.responses.responses;
                let admin = path.starts_with("/api/v1/admin/");
                let read = !admin && op.security.as_ref().is_some_and(|s| !s.is_empty());
                let mut common: Vec<(&str, &str)> = Vec::new();
                if read {
                    common.push(("401", "Unknown API key (`invalid_api_key`)"));
                }
                if admin {
                    common.push((
                        "401",
                        "Missing or wrong admin token (`missing_admin_token`, `invalid_admin_token`); see `WWW-Authenticate`",
                    ));
                    common.push(("403", "The admin API is off (`admin_disabled`)"));
                }
                if has_body {
                    common.push(("400", "Malformed body (`invalid_body`)"));
                    common.push(("413", "Body over 4 KiB (`payload_too_large`)"));
                    common.push(("415", "Not JSON (`unsupported_media_type`)"));
                }
                for (status, description) in common {
                    answers
                        .entry(status.to_string())
                        .or_insert_with(|| error_response(description));
                }
                if limited {
                    answers.entry("429".to_string()).or_insert_with(|| {
                        error_response("Over the rate limit (`rate_limited`); see `Retry-After`")
                    });
                }
                if path != "/healthz" {
                    answers.entry("503".to_string()).or_insert_with(|| {
                        error_response(
                            "The store is unreachable (`store_unavailable`); see `Retry-After`",
                        )
                    });
                }
            }
        }
    }
}
