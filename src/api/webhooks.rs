//! Admin API for webhook subscriptions: create (the secret is shown once),
//! list (without secrets) and delete, per service. Deliveries and the
//! signature scheme are in [`crate::events`] and docs/webhooks.md.

use super::ErrorCode;
use super::extract::{find_service, json_body};
use super::{AdminAccess, ApiError, ErrorBody};
use crate::events::targets::{TargetError, TargetPolicy};
use crate::events::webhooks::{self, Webhook};
use crate::geo::is_region_code;
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Subscriptions a service may have.
pub const MAX_WEBHOOKS: usize = 100;
const MAX_URL_CHARS: usize = 2000;
const SECRET_CHARS: std::ops::RangeInclusive<usize> = 16..=256;

/// A subscription to create.
#[derive(Deserialize, ToSchema)]
pub struct CreateWebhook {
    /// Where events are POSTed: an absolute http or https URL.
    #[schema(
        example = "https://hooks.example.com/downwatch",
        format = "uri",
        max_length = 2000
    )]
    url: String,
    /// Only incidents in this country (`US`) or subdivision (`US-CA`).
    #[schema(example = "US", pattern = "^[A-Z]{2}(-[A-Z0-9]{1,3})?$")]
    region: Option<String>,
    /// The signing secret (16 to 256 characters); generated when absent.
    #[schema(min_length = 16, max_length = 256)]
    secret: Option<String>,
}

/// A subscription as listed (no secret).
#[derive(Serialize, ToSchema)]
pub struct WebhookView {
    id: String,
    service: String,
    region: Option<String>,
    url: String,
    created_at: DateTime<Utc>,
}

impl From<&Webhook> for WebhookView {
    fn from(w: &Webhook) -> Self {
        Self {
            id: w.id.clone(),
            service: w.service.clone(),
            region: w.region.clone(),
            url: w.url.clone(),
            created_at: w.created_at,
        }
    }
}

/// A new subscription, with its secret: the only time it is shown.
#[derive(Serialize, ToSchema)]
pub struct CreatedWebhook {
    #[serde(flatten)]
    webhook: WebhookView,
    secret: String,
}

#[derive(Serialize, ToSchema)]
pub struct WebhookList {
    webhooks: Vec<WebhookView>,
}

fn invalid(code: ErrorCode, message: impl Into<String>) -> ApiError {
    ApiError::Coded {
        code,
        message: message.into(),
    }
}

/// An absolute http(s) URL with a host, without credentials, that the
/// target policy allows (see [`crate::events::targets`]).
fn parse_target(url: &str, policy: TargetPolicy) -> Result<String, ApiError> {
    let url = url.trim();
    if url.chars().count() > MAX_URL_CHARS {
        return Err(invalid(
            ErrorCode::InvalidUrl,
            format!("url is longer than {MAX_URL_CHARS} characters"),
        ));
    }
    let parsed = reqwest::Url::parse(url).map_err(|e| {
        invalid(
            ErrorCode::InvalidUrl,
            format!("url is not an absolute URL: {e}"),
        )
    })?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none_or(str::is_empty) {
        return Err(invalid(
            ErrorCode::InvalidUrl,
            "url must be http:// or https:// with a host",
        ));
    }
    policy.check(&parsed).map_err(|e| match e {
        TargetError::Credentials => invalid(ErrorCode::InvalidUrl, e.to_string()),
        TargetError::Internal => invalid(ErrorCode::InternalTarget, e.to_string()),
    })?;
    Ok(parsed.to_string())
}

/// Subscribes a URL to a service's incident events.
#[utoipa::path(
    post,
    path = "/api/v1/admin/services/{service}/webhooks",
    tag = "admin",
    params(("service" = String, Path, description = "service slug", example = "spotify")),
    request_body(content = CreateWebhook, content_type = "application/json"),
    security(("admin_token" = [])),
    responses(
        (status = 201, description = "Created; the secret is shown this once", body = CreatedWebhook),
        (status = 404, description = "Unknown service (`unknown_service`)", body = ErrorBody),
        (status = 422, description = "Bad url (or one with credentials), an internal target, bad region or secret, or too many subscriptions (`invalid_url`, `internal_target`, `invalid_region`, `invalid_secret`, `too_many_webhooks`)", body = ErrorBody),
    ),
)]
pub async fn create_webhook(
    _admin: AdminAccess,
    req: HttpRequest,
    payload: web::Payload,
    state: web::Data<AppState>,
    service: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let service = find_service(&state, &service)?;
    let request: CreateWebhook = json_body(&req, payload).await?;
    let url = parse_target(&request.url, state.delivery_targets)?;
    let region = match request.region.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(r) if is_region_code(r) => Some(r.to_string()),
        Some(_) => {
            return Err(invalid(
                ErrorCode::InvalidRegion,
                "region must be a country (US) or subdivision (US-CA) code",
            ));
        }
    };
    let secret = match request.secret {
        Some(s) if SECRET_CHARS.contains(&s.chars().count()) => s,
        Some(_) => {
            return Err(invalid(
                ErrorCode::InvalidSecret,
                "secret must have 16 to 256 characters (or leave it out to get one)",
            ));
        }
        None => webhooks::random_hex(32)?,
    };
    let hook = Webhook {
        id: webhooks::random_hex(8)?,
        service: service.slug.clone(),
        region,
        url,
        secret,
        created_at: state.clock.now(),
    };
    let saved = state
        .store
        .put_capped(
            webhooks::WEBHOOKS,
            &service.slug,
            &hook.id,
            &hook,
            MAX_WEBHOOKS,
        )
        .await?;
    if !saved {
        return Err(invalid(
            ErrorCode::TooManyWebhooks,
            format!("a service has at most {MAX_WEBHOOKS} webhook subscriptions"),
        ));
    }
    Ok(HttpResponse::Created().json(CreatedWebhook {
        webhook: WebhookView::from(&hook),
        secret: hook.secret,
    }))
}

/// A service's webhook subscriptions, without their secrets.
#[utoipa::path(
    get,
    path = "/api/v1/admin/services/{service}/webhooks",
    tag = "admin",
    params(("service" = String, Path, description = "service slug", example = "spotify")),
    security(("admin_token" = [])),
    responses(
        (status = 200, description = "The subscriptions", body = WebhookList),
        (status = 404, description = "Unknown service (`unknown_service`)", body = ErrorBody),
    ),
)]
pub async fn list_webhooks(
    _admin: AdminAccess,
    state: web::Data<AppState>,
    service: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let service = find_service(&state, &service)?;
    let mut hooks = webhooks::subscriptions(state.store.as_ref(), &service.slug).await?;
    hooks.sort_by(|a, b| {
        a.created_at
            .cmp(&b.created_at)
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(HttpResponse::Ok().json(WebhookList {
        webhooks: hooks.iter().map(WebhookView::from).collect(),
    }))
}

/// Deletes a subscription; its pending deliveries are dropped.
#[utoipa::path(
    delete,
    path = "/api/v1/admin/services/{service}/webhooks/{id}",
    tag = "admin",
    params(
        ("service" = String, Path, description = "service slug", example = "spotify"),
        ("id" = String, Path, description = "subscription id"),
    ),
    security(("admin_token" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "Unknown service or subscription (`unknown_service`, `unknown_webhook`)", body = ErrorBody),
    ),
)]
pub async fn delete_webhook(
    _admin: AdminAccess,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (service, id) = path.into_inner();
    let service = find_service(&state, &service)?;
    if state.store.delete_webhook(&service.slug, &id).await? {
        Ok(HttpResponse::NoContent().finish())
    } else {
        Err(ApiError::Coded {
            code: ErrorCode::UnknownWebhook,
            message: format!(
                "{} has no webhook \"{}\"",
                service.name,
                id.chars().take(64).collect::<String>()
            ),
        })
    }
}
