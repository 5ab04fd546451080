//! The versioned JSON API under `/api/v1`, plus `/healthz`, `/readyz` and
//! `/metrics`.
//! Handlers are thin: extract, parse into domain types, call the domain,
//! answer JSON. Every error is an [`ApiError`]. Rate limits and API keys
//! are checked in front of the handlers by [`guard`]; the admin routes
//! live in one scope that checks the admin token ([`admin_access`]).

mod admin;
mod admin_access;
mod admin_guard;
mod answers;
mod causes;
mod error;
mod events;
mod extract;
mod follow;
mod guard;
mod health;
mod heatmap;
mod keys;
mod metrics;
pub mod openapi;
mod outages;
mod reports;
mod services;
mod streams;
mod timeseries;
mod webhooks;

pub use crate::events::follow::FollowState;
pub use admin::AdminAuth;
pub use admin_access::AdminAccess;
pub use admin_guard::{AdminGuard, AdminGuardSettings, DEFAULT_ADMIN_FAILURES_PER_MINUTE};
pub use error::{ApiError, ErrorBody, ErrorCode, localize_errors};
pub use guard::{guard, is_api_path};
pub use keys::{ApiKeys, KeysFileError};
pub use services::ServiceAnswers;
pub use streams::{
    DEFAULT_MAX_EVENT_STREAMS, DEFAULT_MAX_EVENT_STREAMS_PER_CLIENT, StreamLimits, StreamSlots,
};

use actix_web::{HttpResponse, Route, web};

/// Routes of the JSON API and health checks.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(web::QueryConfig::default().error_handler(|err, _req| {
        ApiError::Coded {
            code: ErrorCode::InvalidQuery,
            message: format!("invalid query string: {err}"),
        }
        .into()
    }))
    .app_data(web::PathConfig::default().error_handler(|err, _req| {
        ApiError::Coded {
            code: ErrorCode::InvalidPath,
            message: format!("invalid path: {err}"),
        }
        .into()
    }))
    .service(resource("/healthz", web::get().to(health::healthz)))
    .service(resource("/readyz", web::get().to(health::readyz)))
    .service(resource("/metrics", web::get().to(metrics::metrics)))
    .service(resource(
        "/api/v1/reports",
        web::post().to(reports::submit_report),
    ))
    .service(resource(
        "/api/v1/services",
        web::get().to(services::list_services),
    ))
    .service(resource(
        "/api/v1/services/{slug}",
        web::get().to(services::service_detail),
    ))
    .service(resource(
        "/api/v1/services/{slug}/timeseries",
        web::get().to(timeseries::timeseries),
    ))
    .service(resource("/api/v1/heatmap", web::get().to(heatmap::heatmap)))
    .service(resource(
        "/api/v1/outages",
        web::get().to(outages::list_outages),
    ))
    .service(resource(
        "/api/v1/outages/{id}",
        web::get().to(outages::get_outage),
    ))
    .service(resource(
        "/api/v1/causes",
        web::get().to(causes::list_causes),
    ))
    .service(resource(
        "/api/v1/events",
        web::get().to(events::event_stream),
    ))
    // Every admin route goes in this scope: its middleware is the admin
    // token check, and only it grants the handlers' `AdminAccess`.
    .service(
        web::scope("/api/v1/admin")
            .wrap(actix_web::middleware::from_fn(admin_access::require_admin))
            .service(resource(
                "/services/{service}/incidents/{id}/updates",
                web::post().to(admin::post_incident_update),
            ))
            .service(
                resource(
                    "/services/{service}/webhooks",
                    web::get().to(webhooks::list_webhooks),
                )
                .route(web::post().to(webhooks::create_webhook)),
            )
            .service(resource(
                "/services/{service}/webhooks/{id}",
                web::delete().to(webhooks::delete_webhook),
            )),
    )
    .service(resource(
        "/api/v1/follow/vapid-public-key",
        web::get().to(follow::vapid_public_key),
    ))
    .service(
        resource(
            "/api/v1/services/{service}/follow/push",
            web::post().to(follow::follow_push),
        )
        .route(web::delete().to(follow::unfollow_push)),
    )
    .service(resource(
        "/api/v1/services/{service}/follow/email",
        web::post().to(follow::follow_email),
    ))
    .service(resource(
        "/api/v1/openapi.json",
        web::get().to(openapi::openapi_json),
    ));
}

/// A resource with one route; other methods get a JSON 405.
fn resource(path: &str, route: Route) -> actix_web::Resource {
    web::resource(path)
        .route(route)
        .default_service(web::to(method_not_allowed))
}

/// The answer to a path the API does not have.
pub fn not_found_error() -> ApiError {
    ApiError::Coded {
        code: ErrorCode::NotFound,
        message: "no such endpoint".to_string(),
    }
}

async fn method_not_allowed() -> Result<HttpResponse, ApiError> {
    Err(ApiError::MethodNotAllowed)
}
