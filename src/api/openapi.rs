//! `GET /api/v1/openapi.json`: the OpenAPI 3 document of the API, built by
//! `utoipa` from the handlers' `#[utoipa::path]` attributes and the
//! request and response types, so it cannot drift from the code.
//!
//! Answers every operation may give regardless of the handler (429 over a
//! rate limit, 503 while the store is down, 401 for an unknown API key or
//! admin token, 403 with the admin API off, 400/413/415 for a JSON body)
//! and the security schemes are added here.

use super::{ErrorBody, ErrorCode};
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

/// "`a`, `b`": codes as the descriptions name them.
fn named(codes: &[ErrorCode]) -> String {
    codes
        .iter()
        .map(|c| format!("`{}`", c.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The table of error codes as Markdown, for the document's description.
fn code_table() -> String {
    let mut out = String::from("\n\n| error | status | meaning |\n| --- | --- | --- |\n");
    for code in ErrorCode::ALL {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            code.as_str(),
            code.status().as_u16(),
            code.meaning()
        ));
    }
    out
}

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
        if let Some(description) = openapi.info.description.as_mut() {
            description.push_str(&code_table());
        }
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
                let mut common: Vec<(&str, String)> = Vec::new();
                if read {
                    common.push((
                        "401",
                        format!("Unknown API key ({})", named(&[ErrorCode::InvalidApiKey])),
                    ));
                }
                if admin {
                    common.push((
                        "401",
                        format!(
                            "Missing or wrong admin token ({}); see `WWW-Authenticate`",
                            named(&[ErrorCode::MissingAdminToken, ErrorCode::InvalidAdminToken])
                        ),
                    ));
                    common.push((
                        "403",
                        format!(
                            "The admin API is off ({})",
                            named(&[ErrorCode::AdminDisabled])
                        ),
                    ));
                }
                if has_body {
                    common.push((
                        "400",
                        format!("Malformed body ({})", named(&[ErrorCode::InvalidBody])),
                    ));
                    common.push((
                        "413",
                        format!("Body over 4 KiB ({})", named(&[ErrorCode::PayloadTooLarge])),
                    ));
                    common.push((
                        "415",
                        format!("Not JSON ({})", named(&[ErrorCode::UnsupportedMediaType])),
                    ));
                }
                for (status, description) in common {
                    answers
                        .entry(status.to_string())
                        .or_insert_with(|| error_response(&description));
                }
                if limited {
                    answers.entry("429".to_string()).or_insert_with(|| {
                        error_response(&format!(
                            "Over the rate limit ({}); see `Retry-After`",
                            named(&[ErrorCode::RateLimited])
                        ))
                    });
                }
                if path != "/healthz" {
                    answers.entry("503".to_string()).or_insert_with(|| {
                        error_response(&format!(
                            "The store is unreachable ({}); see `Retry-After`",
                            named(&[ErrorCode::StoreUnavailable])
                        ))
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code a response description names (in backticks) is in the
    /// table, with the status it is described under.
    #[test]
    fn every_documented_code_is_in_the_table_with_its_status() {
        let doc = serde_json::to_value(ApiDoc::openapi()).expect("document");
        let mut named = 0;
        for (path, item) in doc["paths"].as_object().expect("paths") {
            for (method, op) in item.as_object().expect("item") {
                let Some(responses) = op["responses"].as_object() else {
                    continue;
                };
                for (status, response) in responses {
                    let Some(status) = status.parse::<u16>().ok().filter(|s| *s >= 400) else {
                        continue;
                    };
                    // Codes stand in parentheses: "Unknown service (`unknown_service`)".
                    let text = response["description"].as_str().unwrap_or("");
                    let codes = text
                        .split('(')
                        .skip(1)
                        .filter_map(|group| group.split_once(')').map(|(inside, _)| inside));
                    for token in codes.flat_map(|group| group.split('`').skip(1).step_by(2)) {
                        let code = ErrorCode::ALL.iter().find(|c| c.as_str() == token);
                        let code = code.unwrap_or_else(|| {
                            panic!("{method} {path} {status} names `{token}`, not in the table")
                        });
                        assert_eq!(
                            code.status().as_u16(),
                            status,
                            "{method} {path}: `{token}` is described under {status}"
                        );
                        named += 1;
                    }
                }
            }
        }
        assert!(named > 30, "only {named} codes named");
    }

    #[test]
    fn the_description_lists_every_code() {
        let doc = ApiDoc::openapi();
        let description = doc.info.description.unwrap_or_default();
        for code in ErrorCode::ALL {
            assert!(description.contains(&format!("| `{}` |", code.as_str())));
        }
    }
}
