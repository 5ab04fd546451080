//! Following a service from its status page: the "Notify me" buttons
//! (Web Push, by `follow.js` and the service worker `sw.js`), the email
//! form when SMTP is configured, and the Atom feed for everyone else
//! (the buttons need JavaScript; the feed and the form do not).
//!
//! Also the pages the links in mails open: confirm (GET) and unsubscribe
//! (GET, and RFC 8058 one-click POST).

use super::layout::message_page;
use super::{PageError, html, secure};
use crate::catalog::Service;
use crate::detect::Incident;
use crate::events::follow::links::LinkAction;
use crate::events::follow::{ALL, FOLLOWERS, FollowKind, FollowTarget, follower, member, remove};
use crate::http_cache::Rendered;
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};
use serde::Deserialize;
use std::sync::LazyLock;

/// The follow panel of a status page.
pub fn follow_panel(state: &AppState, service: &Service, active: &[Incident]) -> Markup {
    let name = &service.name;
    let incident = !active.is_empty();
    html! {
        section.follow #follow aria-labelledby="follow-h" data-service=(service.slug)
            data-incident=(if incident { "true" } else { "false" }) {
            h2 #follow-h { "Get notified" }
            // follow.js shows the buttons (and the "back" one only during an
            // incident: it follows the live updates of the page), and the
            // stop buttons of what this browser follows.
            div.follow-push #follow-push hidden {
                button.button type="button" #follow-back data-follow="back" hidden[!incident]
                    data-followed={ "You will be notified when " (name) " is back" } {
                    "Notify me when " (name) " is back"
                }
                " "
                button.button type="button" #follow-problems data-follow="problems"
                    data-followed={ "You will be notified about problems with " (name) } {
                    "Notify me about problems with " (name)
                }
                " "
                button.button type="button" #unfollow-back data-unfollow="back" hidden
                    data-done={ "Stopped: you will not be notified when " (name) " is back." } {
                    "Stop notifications when " (name) " is back"
                }
                " "
                button.button type="button" #unfollow-problems data-unfollow="problems" hidden
                    data-done={ "Stopped: you will get no more notifications about " (name) "." } {
                    "Stop notifications about problems with " (name)
                }
                p.muted #follow-status role="status" aria-live="polite" {}
            }
            p.follow-feed #follow-feed {
                "Follow the "
                a href={ "/status/" (service.slug) "/feed.atom" } { "Atom feed" }
                " in a feed reader to hear of every incident."
            }
            @if state.follow.email {
                form.follow-email #follow-email method="post"
                    action={ "/api/v1/services/" (service.slug) "/follow/email" } {
                    label for="follow-email-address" { "Or by email:" }
                    " "
                    input #follow-email-address type="email" name="email" required
                        autocomplete="email" maxlength="254" placeholder="you@example.com";
                    " "
                    select name="kind" aria-label="Which mails" {
                        @if incident {
                            option value="back" { "when " (name) " is back" }
                        }
                        option value="problems" { "about problems with " (name) }
                    }
                    " "
                    button type="submit" #follow-email-submit { "Send me a link to confirm" }
                    p.muted {
                        "Nothing is sent before you confirm. Your address is kept only while you are subscribed."
                    }
                }
            }
            script src=(super::assets::url("follow.js")) defer {}
        }
    }
}

/// The line a status page shows after the email form (`?followed=`).
pub fn follow_notice(word: &str) -> Markup {
    html! {
        @match word {
            "follow-email" => p.notice.success #confirmation role="status" {
                "Check your inbox: we sent a link to confirm. Nothing else is sent until you open it."
            },
            "follow-email-invalid" => p.notice.error #confirmation role="alert" {
                "That does not look like an email address; please check it."
            },
            "follow-no-incident" => p.notice #confirmation role="status" {
                "The incident is over already; follow problems to hear of the next one."
            },
            "follow-limited" => p.notice.error #confirmation role="alert" {
                "Too many subscriptions just now; please try again later."
            },
            _ => {}
        }
    }
}

static SERVICE_WORKER: LazyLock<Rendered> = LazyLock::new(|| {
    Rendered::new(
        "text/javascript; charset=utf-8",
        include_str!("../../assets/web/sw.js").to_string(),
    )
});

/// `/sw.js`: the service worker, at the root so its scope is the site.
/// Browsers check it for updates themselves; a short cache keeps that cheap.
pub async fn service_worker(req: HttpRequest) -> HttpResponse {
    SERVICE_WORKER.respond(&req, "public, max-age=300", |r| {
        secure(r);
    })
}

#[derive(Deserialize)]
pub struct LinkQuery {
    sig: Option<String>,
}

/// The service and follower id a signed link names, or a 404 page for a
/// bad link.
async fn signed(
    state: &AppState,
    action: LinkAction,
    path: web::Path<(String, String)>,
    query: &LinkQuery,
) -> Result<(String, String), PageError> {
    let (service, id) = path.into_inner();
    state.catalog.service(&service).ok_or(PageError::NotFound)?;
    let keys = state.follow.keys.links().await?;
    if keys.verify(action, &service, &id, query.sig.as_deref().unwrap_or("")) {
        Ok((service, id))
    } else {
        Err(PageError::NotFound)
    }
}

fn message(status: StatusCode, title: &str, text: &str) -> HttpResponse {
    let mut response = html(status, message_page(title, text));
    response.headers_mut().insert(
        actix_web::http::header::HeaderName::from_static("x-robots-tag"),
        actix_web::http::header::HeaderValue::from_static("noindex"),
    );
    response
}

/// `GET /follow/{service}/{id}/confirm?sig=`: the link in the
/// confirmation mail. From now on notices are mailed, until the lifetime
/// ends or the person unsubscribes.
/// The page of a confirm link whose follower is gone.
fn expired() -> HttpResponse {
    message(
        StatusCode::NOT_FOUND,
        "This link has expired",
        "The subscription is gone (it was not confirmed within a day, or was cancelled). Subscribe again on the status page.",
    )
}

pub async fn confirm(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<LinkQuery>,
) -> Result<HttpResponse, PageError> {
    let (service, id) = signed(&state, LinkAction::Confirm, path, &query).await?;
    let store = state.store.as_ref();
    let Some(mut f) = follower(store, &service, &id).await? else {
        return Ok(expired());
    };
    let name = state
        .catalog
        .service(&service)
        .map_or(service.as_str(), |s| s.name.as_str());
    let now = state.clock.now();
    // Past its confirm deadline a follower is gone, whether or not the
    // sweeper has run yet: the link does not bring it back.
    if matches!(
        f.target,
        FollowTarget::Email {
            confirmed: false,
            ..
        }
    ) && f.expires_at <= now
    {
        remove(store, &service, &id).await?;
        return Ok(expired());
    }
    if let FollowTarget::Email { confirmed, .. } = &mut f.target
        && !*confirmed
    {
        *confirmed = true;
        f.expires_at = now
            + chrono::Duration::from_std(state.follow.lifetime)
                .unwrap_or_else(|_| chrono::Duration::days(90));
        // Renewing a member always succeeds: the cap counted it already.
        store
            .take_slot(
                ALL,
                &member(&f.service, &f.id),
                f.expires_at.timestamp_millis(),
                now.timestamp_millis(),
                usize::MAX,
            )
            .await?;
        store
            .put_capped(FOLLOWERS, &f.service, &f.id, &f, usize::MAX)
            .await?;
    }
    let what = match f.kind {
        FollowKind::Problems => format!(
            "We will mail you when people report problems with {name}, and when they are over."
        ),
        FollowKind::Back => format!("We will mail you once, when {name} is back."),
    };
    Ok(message(
        StatusCode::OK,
        "Subscription confirmed",
        &format!("{what} Every mail has a link to unsubscribe."),
    ))
}

/// `GET /follow/{service}/{id}/unsubscribe?sig=`: the link in every
/// notice. The follower, and with it the address, is deleted.
pub async fn unsubscribe(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<LinkQuery>,
) -> Result<HttpResponse, PageError> {
    let (service, id) = signed(&state, LinkAction::Unsubscribe, path, &query).await?;
    remove(state.store.as_ref(), &service, &id).await?;
    Ok(message(
        StatusCode::OK,
        "Unsubscribed",
        "You will get no more mail about this service, and your address is deleted.",
    ))
}

/// `POST` to the same link: RFC 8058 one-click unsubscribe, as mail
/// programs send it (`List-Unsubscribe=One-Click`).
pub async fn unsubscribe_one_click(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<LinkQuery>,
) -> Result<HttpResponse, PageError> {
    unsubscribe(state, path, query).await
}
