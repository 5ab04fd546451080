//! The admin API for service owners: official incident updates (and the
//! webhook subscriptions in [`super::webhooks`]). Every call carries the
//! admin token (`--admin-token`) as `Authorization: Bearer <token>`,
//! compared in constant time by the admin scope ([`super::admin_access`])
//! before any admin handler runs; without a configured token the admin API is off and says so (403
//! `admin_disabled`).

use super::ErrorCode;
use super::extract::{find_service, json_body};
use super::{AdminAccess, ApiError, ErrorBody};
use crate::detect::{Incident, IncidentEvent, IncidentEventKind, IncidentUpdate, OfficialStatus};
use crate::ingest::Secret;
use crate::read;
use crate::state::AppState;
use actix_web::http::header::{self, HeaderMap};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use utoipa::ToSchema;

/// Longest official message, in characters.
pub const MAX_MESSAGE_CHARS: usize = 2000;

/// The configured admin token, as a digest.
pub struct AdminAuth {
    digest: Option<[u8; 32]>,
}

impl AdminAuth {
    pub fn new(token: Option<&Secret>) -> Self {
        Self {
            digest: token
                .map(|t| t.expose().trim())
                .filter(|t| !t.is_empty())
                .map(|t| Sha256::digest(t.as_bytes()).into()),
        }
    }

    pub fn is_enabled(&self) -> bool {
        self.digest.is_some()
    }

    /// Admits a request carrying the admin token.
    pub fn check(&self, headers: &HeaderMap) -> Result<(), ApiError> {
        let Some(wanted) = &self.digest else {
            return Err(ApiError::Coded {
                code: ErrorCode::AdminDisabled,
                message: "the admin API is off; start the server with --admin-token".to_string(),
            });
        };
        let presented = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim());
        let Some(token) = presented else {
            return Err(ApiError::Coded {
                code: ErrorCode::MissingAdminToken,
                message: "send the admin token as Authorization: Bearer <token>".to_string(),
            });
        };
        let digest: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        if bool::from(digest.ct_eq(wanted)) {
            Ok(())
        } else {
            Err(ApiError::Coded {
                code: ErrorCode::InvalidAdminToken,
                message: "the admin token is not valid".to_string(),
            })
        }
    }
}

/// An official update as posted.
#[derive(Deserialize, ToSchema)]
pub struct UpdateRequest {
    /// `investigating`, `identified`, `monitoring` or `resolved`.
    #[schema(value_type = OfficialStatus, example = "identified")]
    status: String,
    /// 1 to 2000 characters, shown as text (never as HTML).
    #[schema(
        example = "A faulty configuration push; rolling back.",
        min_length = 1,
        max_length = 2000
    )]
    message: String,
}

/// Posts an official update on an incident: stored apart from the
/// incident, shown on it in the API and the status page, and announced as
/// an `incident.official_update` event.
#[utoipa::path(
    post,
    path = "/api/v1/admin/services/{service}/incidents/{id}/updates",
    tag = "admin",
    params(
        ("service" = String, Path, description = "service slug", example = "spotify"),
        ("id" = String, Path, description = "incident id"),
    ),
    request_body(content = UpdateRequest, content_type = "application/json"),
    security(("admin_token" = [])),
    responses(
        (status = 201, description = "Stored; the incident with its updates", body = Incident),
        (status = 404, description = "Unknown service or incident (`unknown_service`, `unknown_outage`)", body = ErrorBody),
        (status = 422, description = "Unknown status or bad message length (`invalid_status`, `invalid_message`)", body = ErrorBody),
    ),
)]
pub async fn post_incident_update(
    _admin: AdminAccess,
    req: HttpRequest,
    payload: web::Payload,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (slug, id) = path.into_inner();
    let service = find_service(&state, &slug)?;
    let request: UpdateRequest = json_body(&req, payload).await?;
    let status = OfficialStatus::parse(request.status.trim()).ok_or_else(|| ApiError::Coded {
        code: ErrorCode::InvalidStatus,
        message: format!(
            "status must be one of {}",
            OfficialStatus::ALL.map(OfficialStatus::as_str).join(", ")
        ),
    })?;
    let message = request.message.trim();
    let chars = message.chars().count();
    if chars == 0 || chars > MAX_MESSAGE_CHARS {
        return Err(ApiError::Coded {
            code: ErrorCode::InvalidMessage,
            message: format!("message must have 1 to {MAX_MESSAGE_CHARS} characters"),
        });
    }
    let store = state.store.as_ref();
    let not_found = || ApiError::Coded {
        code: ErrorCode::UnknownOutage,
        message: format!(
            "{} has no incident \"{}\"",
            service.name,
            id.chars().take(80).collect::<String>()
        ),
    };
    if !store.has_incident(&service.slug, &id).await? {
        return Err(not_found());
    }
    let update = IncidentUpdate {
        at: state.clock.now(),
        status,
        message: message.to_string(),
    };
    store.add_update(&service.slug, &id, &update).await?;
    let incident = read::incident(store, &service.slug, &id)
        .await?
        .ok_or_else(not_found)?;
    let event = IncidentEvent {
        kind: IncidentEventKind::OfficialUpdate,
        incident,
    };
    // `read::incident` joined the updates; the published copy names the
    // shared cause even once the incident is resolved.
    let mut published = event.clone();
    read::label_cause(store, std::slice::from_mut(&mut published.incident)).await?;
    crate::events::publish(store, &published).await?;
    Ok(HttpResponse::Created().json(event.incident))
}
