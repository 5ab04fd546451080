//! Admin authorization, in the route table rather than in a path test:
//! [`require_admin`] wraps the whole `/api/v1/admin` scope, so every route
//! registered in it (today's and any added later) runs behind the token
//! check, and each admin handler also takes [`AdminAccess`], which only
//! that middleware grants. A handler mounted outside the scope by mistake
//! therefore refuses every call instead of running unauthenticated.
//!
//! The scope is reached through the router, which matches the decoded path
//! (`%61dmin` is `admin`), so no spelling of an admin path gets around it.

use super::ApiError;
use super::ErrorCode;
use super::guard::request_client_ip;
use crate::state::AppState;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, ResponseError, web};
use std::future::{Ready, ready};
use std::net::IpAddr;

/// Proof that the request carried the admin token; the admin handlers'
/// extractor. Granted only by [`require_admin`].
#[derive(Debug, Clone, Copy)]
pub struct AdminAccess(());

impl FromRequest for AdminAccess {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            req.extensions()
                .get::<AdminAccess>()
                .copied()
                .ok_or_else(|| ApiError::Coded {
                    code: ErrorCode::MissingAdminToken,
                    message: "send the admin token as Authorization: Bearer <token>".to_string(),
                }),
        )
    }
}

/// Middleware (`actix_web::middleware::from_fn`) of the admin scope: the
/// admin token, with the bounds on failed attempts of
/// [`super::admin_guard`]. Without app state it refuses (fails closed).
pub async fn require_admin(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    use actix_web::ResponseError;
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        let refusal = ApiError::Internal("admin scope without app state".to_string());
        return Ok(req.into_response(refusal.error_response()));
    };
    let client = request_client_ip(req.request(), &state);
    if let Err(refusal) = authenticate_admin(&req, &state, client) {
        return Ok(req.into_response(refusal.error_response()));
    }
    req.extensions_mut().insert(AdminAccess(()));
    next.call(req)
        .await
        .map(ServiceResponse::map_into_boxed_body)
}

/// Checks the admin token, unless the client (or everyone) must wait after
/// failed attempts. A refusal is logged at WARN, without the token or the
/// address.
fn authenticate_admin(
    req: &ServiceRequest,
    state: &AppState,
    client: Option<IpAddr>,
) -> Result<(), ApiError> {
    let attempt = match state.admin_guard.admit(client) {
        Ok(attempt) => attempt,
        Err(retry_after_secs) => {
            state
                .metrics
                .rate_limited
                .with_label_values(&["admin"])
                .inc();
            return Err(ApiError::TooManyFailures { retry_after_secs });
        }
    };
    match state.admin.check(req.headers()) {
        Ok(()) => {
            attempt.succeeded();
            Ok(())
        }
        Err(e) => {
            if e.status_code() == StatusCode::UNAUTHORIZED {
                attempt.failed();
                tracing::warn!(code = e.code(), "admin authentication refused");
            }
            Err(e)
        }
    }
}
