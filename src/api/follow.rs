//! Following a service without an account (docs/following.md): push
//! subscriptions from the status page's script, email subscriptions from
//! its form or any client, and the VAPID key browsers subscribe with.
//! The confirm and unsubscribe links in mails are pages
//! ([`crate::web::follow`]).
//!
//! Limits: the endpoints are rate limited per client address (in
//! [`super::guard`]); a client address may make `--follows-per-client`
//! subscriptions a day, a service have `--follows-per-service` and all
//! together `--follows-total`.

use super::ErrorCode;
use super::extract::{find_service, json_body, read_limited};
use super::{ApiError, ErrorBody};
use crate::catalog::Service;
use crate::detect::GLOBAL;
use crate::events::delivery::now_ms;
use crate::events::follow::caps::CapReached;
use crate::events::follow::fanout::{CONFIRM_EVENT, queue_delivery};
use crate::events::follow::push::PushKeys;
use crate::events::follow::{CONFIRM_WITHIN, FollowKind, FollowTarget, Follower, follower, remove};
use crate::events::targets::TargetPolicy;
use crate::ingest::BodyFormat;
use crate::state::AppState;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

const MAX_ENDPOINT_CHARS: usize = 2000;
const MAX_ADDRESS_CHARS: usize = 254;
/// `PushSubscription.toJSON()`'s keys.
#[derive(Deserialize, ToSchema)]
pub struct PushSubscriptionKeys {
    /// The browser's P-256 public key, base64url.
    p256dh: String,
    /// The 16-byte auth secret, base64url.
    auth: String,
}

/// `PushSubscription.toJSON()`.
#[derive(Deserialize, ToSchema)]
pub struct PushSubscriptionJson {
    /// The push service URL (https).
    #[schema(format = "uri", max_length = 2000)]
    endpoint: String,
    keys: PushSubscriptionKeys,
}

/// A push subscription to a service.
#[derive(Deserialize, ToSchema)]
pub struct FollowPush {
    /// `problems`: every incident; `back`: once, when the current one ends.
    kind: FollowKind,
    subscription: PushSubscriptionJson,
}

/// A push subscription to end.
#[derive(Deserialize, ToSchema)]
pub struct UnfollowPush {
    kind: FollowKind,
    #[schema(format = "uri", max_length = 2000)]
    endpoint: String,
}

/// An email subscription (JSON or a form post).
#[derive(Deserialize, ToSchema)]
pub struct FollowEmail {
    kind: FollowKind,
    #[schema(format = "email", max_length = 254, example = "someone@example.com")]
    email: String,
}

/// A follower as answered (nothing about where notices go).
#[derive(Serialize, ToSchema)]
pub struct FollowView {
    id: String,
    service: String,
    kind: FollowKind,
    /// For `back`: the incident it waits for.
    incident: Option<String>,
    expires_at: DateTime<Utc>,
}

impl From<&Follower> for FollowView {
    fn from(f: &Follower) -> Self {
        Self {
            id: f.id.clone(),
            service: f.service.clone(),
            kind: f.kind,
            incident: f.incident.clone(),
            expires_at: f.expires_at,
        }
    }
}

/// The answer to an email subscription, whatever the address's state (so
/// the answer tells nobody whether an address is subscribed).
#[derive(Serialize, ToSchema)]
pub struct EmailAccepted {
    #[schema(example = "confirmation_sent")]
    status: &'static str,
}

/// The VAPID public key.
#[derive(Serialize, ToSchema)]
pub struct VapidKey {
    /// base64url, an uncompressed P-256 point: `applicationServerKey`.
    public_key: String,
}

fn invalid(code: ErrorCode, message: impl Into<String>) -> ApiError {
    ApiError::Coded {
        code,
        message: message.into(),
    }
}

/// The key browsers subscribe with.
#[utoipa::path(
    get,
    path = "/api/v1/follow/vapid-public-key",
    tag = "follow",
    responses(
        (status = 200, description = "The VAPID public key", body = VapidKey),
        (status = 503, description = "Store unavailable (`store_unavailable`)", body = ErrorBody),
    ),
)]
pub async fn vapid_public_key(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let vapid = state.follow.keys.vapid().await?;
    Ok(HttpResponse::Ok().json(VapidKey {
        public_key: vapid.public_key().to_string(),
    }))
}

/// A push endpoint: https (or http where internal targets are allowed, as
/// in tests), and a target the webhook policy allows.
fn parse_endpoint(endpoint: &str, policy: TargetPolicy) -> Result<String, ApiError> {
    let endpoint = endpoint.trim();
    if endpoint.chars().count() > MAX_ENDPOINT_CHARS {
        return Err(invalid(
            ErrorCode::InvalidEndpoint,
            format!("endpoint is longer than {MAX_ENDPOINT_CHARS} characters"),
        ));
    }
    let url = reqwest::Url::parse(endpoint).map_err(|e| {
        invalid(
            ErrorCode::InvalidEndpoint,
            format!("endpoint is not a URL: {e}"),
        )
    })?;
    let scheme_ok = url.scheme() == "https" || (url.scheme() == "http" && policy.allow_internal);
    if !scheme_ok || url.host_str().is_none_or(str::is_empty) {
        return Err(invalid(
            ErrorCode::InvalidEndpoint,
            "endpoint must be an https:// URL with a host",
        ));
    }
    policy
        .check(&url)
        .map_err(|e| invalid(ErrorCode::InvalidEndpoint, e.to_string()))?;
    Ok(url.to_string())
}

/// Subscribes a browser (Web Push) to a service's notices.
#[utoipa::path(
    post,
    path = "/api/v1/services/{service}/follow/push",
    tag = "follow",
    params(("service" = String, Path, description = "service slug", example = "spotify")),
    request_body(content = FollowPush, content_type = "application/json"),
    responses(
        (status = 201, description = "Subscribed (again: renewed)", body = FollowView),
        (status = 404, description = "Unknown service (`unknown_service`)", body = ErrorBody),
        (status = 422, description = "Bad endpoint or keys, no incident to wait for, or a cap reached (`invalid_endpoint`, `invalid_keys`, `no_active_incident`, `too_many_follows`, `service_follows_full`, `follows_full`)", body = ErrorBody),
    ),
)]
pub async fn follow_push(
    req: HttpRequest,
    payload: web::Payload,
    state: web::Data<AppState>,
    service: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let service = find_service(&state, &service)?;
    let request: FollowPush = json_body(&req, payload).await?;
    let endpoint = parse_endpoint(&request.subscription.endpoint, state.delivery_targets)?;
    let keys = &request.subscription.keys;
    PushKeys::parse(&endpoint, &keys.p256dh, &keys.auth)
        .map_err(|e| invalid(ErrorCode::InvalidKeys, e.to_string()))?;
    let target = FollowTarget::Push {
        endpoint: endpoint.clone(),
        p256dh: keys.p256dh.trim().to_string(),
        auth: keys.auth.trim().to_string(),
    };
    let f = subscribe(&req, &state, service, request.kind, &endpoint, target).await?;
    Ok(HttpResponse::Created().json(FollowView::from(&f)))
}

/// Ends a browser's push subscription to a service.
#[utoipa::path(
    delete,
    path = "/api/v1/services/{service}/follow/push",
    tag = "follow",
    params(("service" = String, Path, description = "service slug", example = "spotify")),
    request_body(content = UnfollowPush, content_type = "application/json"),
    responses(
        (status = 204, description = "Unsubscribed"),
        (status = 404, description = "Unknown service or subscription (`unknown_service`, `unknown_follow`)", body = ErrorBody),
    ),
)]
pub async fn unfollow_push(
    req: HttpRequest,
    payload: web::Payload,
    state: web::Data<AppState>,
    service: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let service = find_service(&state, &service)?;
    let request: UnfollowPush = json_body(&req, payload).await?;
    let links = state.follow.keys.links().await?;
    let id = links.follower_id(
        &service.slug,
        request.kind.as_str(),
        request.endpoint.trim(),
    );
    if remove(state.store.as_ref(), &service.slug, &id).await? {
        Ok(HttpResponse::NoContent().finish())
    } else {
        Err(ApiError::Coded {
            code: ErrorCode::UnknownFollow,
            message: format!("no such subscription to {}", service.name),
        })
    }
}

/// Subscribes an email address (double opt-in: only a confirmation mail
/// goes to it until its link is opened). Only when SMTP is configured.
#[utoipa::path(
    post,
    path = "/api/v1/services/{service}/follow/email",
    tag = "follow",
    params(("service" = String, Path, description = "service slug", example = "spotify")),
    request_body(
        content(
            (FollowEmail = "application/json"),
            (FollowEmail = "application/x-www-form-urlencoded"),
        ),
    ),
    responses(
        (status = 202, description = "A confirmation mail is on its way (unless the address is subscribed already)", body = EmailAccepted),
        (status = 303, description = "Form post: back to the status page"),
        (status = 404, description = "Unknown service, or no email on this server (`unknown_service`, `email_unavailable`)", body = ErrorBody),
        (status = 415, description = "Neither JSON nor a form (`unsupported_media_type`)", body = ErrorBody),
        (status = 422, description = "Bad address, no incident to wait for, or a cap reached (`invalid_email`, `no_active_incident`, `too_many_follows`, `service_follows_full`, `follows_full`)", body = ErrorBody),
    ),
)]
pub async fn follow_email(
    req: HttpRequest,
    payload: web::Payload,
    state: web::Data<AppState>,
    service: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let service = find_service(&state, &service)?;
    let format = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(BodyFormat::from_content_type)
        .ok_or_else(|| {
            ApiError::UnsupportedMediaType(
                "send application/json or application/x-www-form-urlencoded".to_string(),
            )
        })?;
    let result = subscribe_email(&req, payload, &state, service, format).await;
    if format == BodyFormat::Json {
        return result.map(|()| {
            HttpResponse::Accepted().json(EmailAccepted {
                status: "confirmation_sent",
            })
        });
    }
    // A person at the page's form: back to the page, with a word.
    let word = match result {
        Ok(()) => "email",
        Err(ApiError::Coded {
            code: ErrorCode::InvalidEmail,
            ..
        }) => "email-invalid",
        Err(ApiError::Coded { code, .. }) if code.status() == StatusCode::BAD_REQUEST => {
            "email-invalid"
        }
        Err(ApiError::Coded {
            code: ErrorCode::NoActiveIncident,
            ..
        }) => "no-incident",
        Err(ApiError::Coded { code, .. }) if code.status() == StatusCode::UNPROCESSABLE_ENTITY => {
            "limited"
        }
        Err(e) => return Err(e),
    };
    Ok(HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            format!("/status/{}?followed={word}", service.slug),
        ))
        .finish())
}

async fn subscribe_email(
    req: &HttpRequest,
    payload: web::Payload,
    state: &AppState,
    service: &Service,
    format: BodyFormat,
) -> Result<(), ApiError> {
    if !state.follow.email {
        return Err(ApiError::Coded {
            code: ErrorCode::EmailUnavailable,
            message: "this server sends no email; follow with push notifications or the Atom feed"
                .to_string(),
        });
    }
    let body = read_limited(req, payload).await?;
    let request: FollowEmail = match format {
        BodyFormat::Json => serde_json::from_slice(&body).map_err(|e| ApiError::Coded {
            code: ErrorCode::InvalidBody,
            message: format!("invalid JSON body: {e}"),
        })?,
        BodyFormat::Form => serde_urlencoded::from_bytes(&body).map_err(|e| ApiError::Coded {
            code: ErrorCode::InvalidBody,
            message: format!("invalid form body: {e}"),
        })?,
    };
    let address = request.email.trim().to_ascii_lowercase();
    let valid = address.chars().count() <= MAX_ADDRESS_CHARS
        && address
            .parse::<lettre::Address>()
            .is_ok_and(|a| is_public_mail_domain(a.domain()));
    if !valid {
        return Err(invalid(
            ErrorCode::InvalidEmail,
            "email must be a mail address at a public domain (someone@example.com)",
        ));
    }
    let target = FollowTarget::Email {
        address: address.clone(),
        confirmed: false,
    };
    let f = subscribe(req, state, service, request.kind, &address, target).await?;
    if f.unconfirmed() {
        queue_delivery(
            state.store.as_ref(),
            &f,
            CONFIRM_EVENT,
            String::new(),
            None,
            now_ms(),
        )
        .await?;
    }
    Ok(())
}

/// Whether mail to `domain` may leave this server: a name with at least
/// two labels under a top-level domain that is not reserved for local,
/// test or special use (`.test`, `.example`, `.invalid`, `.localhost`:
/// RFC 2606/6761; `.local`: RFC 6762; `.onion`: RFC 7686; `.alt`:
/// RFC 9476; `.arpa`; `.internal`, and `.home`/`.corp`/`.mail`, which
/// ICANN keeps undelegated), and never an address literal
/// (`a@[127.0.0.1]`).
fn is_public_mail_domain(domain: &str) -> bool {
    const RESERVED_TLDS: &[&str] = &[
        "local",
        "localhost",
        "internal",
        "test",
        "invalid",
        "example",
        "home",
        "corp",
        "mail",
        "onion",
        "alt",
        "arpa",
    ];
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    if domain.starts_with('[') {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let Some(tld) = labels.last() else {
        return false;
    };
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        // A numeric TLD is an IPv4 address written as a name.
        && !tld.bytes().all(|b| b.is_ascii_digit())
        && !RESERVED_TLDS.contains(tld)
}

/// The incident a "back" follower in `country` waits for: theirs, else
/// the global one, else any.
async fn awaited_incident(
    state: &AppState,
    service: &Service,
    country: Option<&str>,
) -> Result<String, ApiError> {
    let version = state.views.version().await;
    let view = state.views.service(&service.slug, version).await?;
    let active = &view.value.active;
    let pick = active
        .iter()
        .find(|i| country.is_some_and(|c| i.region == c))
        .or_else(|| active.iter().find(|i| i.region == GLOBAL))
        .or_else(|| active.first());
    pick.map(|i| i.id.clone()).ok_or_else(|| {
        invalid(
            ErrorCode::NoActiveIncident,
            format!(
                "{} has no incident now; follow \"problems\" to hear of the next one",
                service.name
            ),
        )
    })
}

/// Stores a follower of `service` (`what` is its endpoint or address),
/// under the caps; an existing one is kept (a push one renewed).
async fn subscribe(
    req: &HttpRequest,
    state: &AppState,
    service: &Service,
    kind: FollowKind,
    what: &str,
    target: FollowTarget,
) -> Result<Follower, ApiError> {
    let store = state.store.as_ref();
    let links = state.follow.keys.links().await?;
    let id = links.follower_id(&service.slug, kind.as_str(), what);
    let now = state.clock.now();
    let existing = follower(store, &service.slug, &id).await?;
    let client = super::guard::request_client_ip(req, state);
    let country = client.and_then(|ip| state.geo.lookup(ip).country);
    let incident = match (kind, &existing) {
        (FollowKind::Back, Some(f)) if f.incident.is_some() => f.incident.clone(),
        (FollowKind::Back, _) => Some(awaited_incident(state, service, country.as_deref()).await?),
        (FollowKind::Problems, _) => None,
    };
    let lifetime = chrono::Duration::from_std(state.follow.lifetime)
        .unwrap_or_else(|_| chrono::Duration::days(90));
    let (target, expires_at) = match (&existing, target) {
        // An email address keeps its state; asking again changes nothing.
        (Some(f), FollowTarget::Email { .. }) => (f.target.clone(), f.expires_at),
        (_, t @ FollowTarget::Email { .. }) => (
            t,
            now + chrono::Duration::from_std(CONFIRM_WITHIN).unwrap_or_default(),
        ),
        (_, t @ FollowTarget::Push { .. }) => (t, now + lifetime),
    };
    let f = Follower {
        id,
        service: service.slug.clone(),
        kind,
        region: country,
        incident,
        target,
        created_at: existing.as_ref().map_or(now, |e| e.created_at),
        expires_at,
        lang: crate::i18n::Lang::of_request(req),
    };
    // Every email request counts against the client's cap, the address
    // known or not: answering an address already on the list differently
    // would tell anyone who follows it.
    let counts_for_client = existing.is_none() || matches!(f.target, FollowTarget::Email { .. });
    let client = client.filter(|_| counts_for_client);
    let taken = state
        .follow
        .take_slots(store, &links, &f, client, now.timestamp_millis())
        .await?;
    match taken {
        Ok(()) => {}
        Err(CapReached::Client) => {
            return Err(invalid(
                ErrorCode::TooManyFollows,
                format!(
                    "one address may follow at most {} times a day",
                    state.follow.per_client
                ),
            ));
        }
        Err(CapReached::Total) => {
            return Err(invalid(
                ErrorCode::FollowsFull,
                "this server takes no more followers now; use the Atom feed",
            ));
        }
        Err(CapReached::Service) => {
            return Err(invalid(
                ErrorCode::ServiceFollowsFull,
                format!("{} has as many followers as it may have", service.name),
            ));
        }
    }
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::{TargetPolicy, is_public_mail_domain, parse_endpoint};

    #[test]
    fn push_endpoints_at_special_purpose_addresses_are_refused() {
        for endpoint in [
            "https://[::127.0.0.1]/push/1",
            "https://[::ffff:0:127.0.0.1]/push/1",
            "https://[fec0::1]/push/1",
            "https://192.0.0.170/push/1",
            "https://127.0.0.1/push/1",
        ] {
            assert!(
                parse_endpoint(endpoint, TargetPolicy::default()).is_err(),
                "{endpoint}"
            );
        }
        assert!(
            parse_endpoint(
                "https://fcm.googleapis.com/fcm/send/x",
                TargetPolicy::default()
            )
            .is_ok()
        );
    }

    #[test]
    fn only_public_mail_domains_are_accepted() {
        for domain in [
            "gmail.com",
            "example.com",
            "mail.example.co.uk",
            "xn--bcher-kva.de",
        ] {
            assert!(is_public_mail_domain(domain), "{domain}");
        }
        for domain in [
            "[127.0.0.1]",
            "[IPv6:::1]",
            "localhost",
            "printer",
            "a.local",
            "x.localhost",
            "metadata.google.internal",
            "a.test",
            "a.invalid",
            "a.example",
            "127.0.0.1",
            "a..com",
            "-a.com",
            "a.onion",
        ] {
            assert!(!is_public_mail_domain(domain), "{domain}");
        }
    }
}
