//! Following a service from its status page: the "Notify me" buttons
//! (Web Push, by `follow.js` and the service worker `sw.js`), the email
//! form when SMTP is configured, and the Atom feed for everyone else
//! (the buttons need JavaScript; the feed and the form do not).
//!
//! Also the pages the links in mails open: confirm (GET) and unsubscribe
//! (GET, and RFC 8058 one-click POST).

use super::layout::{around, html_message_page};
use super::{PageError, html, secure};
use crate::catalog::Service;
use crate::detect::Incident;
use crate::events::follow::links::LinkAction;
use crate::events::follow::{ALL, FOLLOWERS, FollowKind, FollowTarget, follower, member, remove};
use crate::http_cache::Rendered;
use crate::i18n::Lang;
use crate::state::AppState;
use crate::t;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};
use serde::Deserialize;
use std::sync::LazyLock;

/// What `follow.js` says while it works, in the page's language: the
/// push box's `data-say` (a JSON object) by the script's names, from
/// these messages.
const SCRIPT_WORDS: [(&str, &str); 10] = [
    ("settingUp", "follow-setting-up"),
    ("blocked", "follow-blocked"),
    ("noPush", "follow-no-push"),
    ("doneBack", "follow-done-back"),
    ("doneProblems", "follow-done-problems"),
    ("failed", "follow-failed"),
    ("stopping", "follow-stopping"),
    ("stopFailed", "follow-stop-failed"),
    ("gone", "follow-gone"),
    ("server", "follow-server-answered"),
];

/// The follow panel of a status page.
pub fn follow_panel(
    state: &AppState,
    lang: Lang,
    service: &Service,
    active: &[Incident],
) -> Markup {
    let name = service.name.as_str();
    let incident = !active.is_empty();
    let words: serde_json::Map<String, serde_json::Value> = SCRIPT_WORDS
        .iter()
        .map(|(name, id)| (name.to_string(), lang.t(id).into()))
        .collect();
    html! {
        section.follow #follow aria-labelledby="follow-h" data-service=(service.slug)
            data-incident=(if incident { "true" } else { "false" }) {
            h2 #follow-h { (t!(lang, "follow-heading")) }
            // follow.js shows the buttons (and the "back" one only during an
            // incident: it follows the live updates of the page), and the
            // stop buttons of what this browser follows.
            div.follow-push #follow-push hidden data-say=(serde_json::Value::Object(words)) {
                button.button type="button" #follow-back data-follow="back" hidden[!incident]
                    data-followed=(t!(lang, "follow-back-done", name = name)) {
                    (t!(lang, "follow-back", name = name))
                }
                " "
                button.button type="button" #follow-problems data-follow="problems"
                    data-followed=(t!(lang, "follow-problems-done", name = name)) {
                    (t!(lang, "follow-problems", name = name))
                }
                " "
                button.button type="button" #unfollow-back data-unfollow="back" hidden
                    data-done=(t!(lang, "unfollow-back-done", name = name)) {
                    (t!(lang, "unfollow-back", name = name))
                }
                " "
                button.button type="button" #unfollow-problems data-unfollow="problems" hidden
                    data-done=(t!(lang, "unfollow-problems-done", name = name)) {
                    (t!(lang, "unfollow-problems", name = name))
                }
                p.muted #follow-status role="status" aria-live="polite" {}
            }
            p.follow-feed #follow-feed {
                (around(
                    &t!(lang, "follow-feed", feed = "\u{1}"),
                    html! { a href=(super::feed::feed_href(lang, &service.slug)) { (t!(lang, "atom-feed")) } },
                ))
            }
            @if state.follow.email {
                form.follow-email #follow-email method="post"
                    action={ "/api/v1/services/" (service.slug) "/follow/email" } {
                    label for="follow-email-address" { (t!(lang, "follow-email-label")) }
                    " "
                    input #follow-email-address type="email" name="email" required
                        autocomplete="email" maxlength="254" placeholder="you@example.com";
                    " "
                    select name="kind" aria-label=(t!(lang, "follow-email-which")) {
                        @if incident {
                            option value="back" { (t!(lang, "follow-email-back", name = name)) }
                        }
                        option value="problems" { (t!(lang, "follow-email-problems", name = name)) }
                    }
                    " "
                    button type="submit" #follow-email-submit { (t!(lang, "follow-email-submit")) }
                    p.muted { (t!(lang, "follow-email-note")) }
                }
            }
            script src=(super::assets::url("follow.js")) defer {}
        }
    }
}

/// The line a status page shows after the email form (`?followed=`).
pub fn follow_notice(lang: Lang, word: &str) -> Markup {
    html! {
        @match word {
            "follow-email" => p.notice.success #confirmation role="status" {
                (t!(lang, "followed-email"))
            },
            "follow-email-invalid" => p.notice.error #confirmation role="alert" {
                (t!(lang, "followed-email-invalid"))
            },
            "follow-no-incident" => p.notice #confirmation role="status" {
                (t!(lang, "followed-no-incident"))
            },
            "follow-limited" => p.notice.error #confirmation role="alert" {
                (t!(lang, "followed-limited"))
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

fn message(lang: Lang, status: StatusCode, title: &str, text: &str) -> HttpResponse {
    let mut response = html(status, html_message_page(lang, title, text));
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
fn expired(lang: Lang) -> HttpResponse {
    message(
        lang,
        StatusCode::NOT_FOUND,
        &t!(lang, "link-expired-title"),
        &t!(lang, "link-expired-text"),
    )
}

pub async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<LinkQuery>,
) -> Result<HttpResponse, PageError> {
    let (service, id) = signed(&state, LinkAction::Confirm, path, &query).await?;
    let store = state.store.as_ref();
    let Some(mut f) = follower(store, &service, &id).await? else {
        return Ok(expired(Lang::preferred(&req)));
    };
    let lang = f.lang;
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
        return Ok(expired(lang));
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
        FollowKind::Problems => t!(lang, "confirmed-problems", name = name),
        FollowKind::Back => t!(lang, "confirmed-back", name = name),
    };
    Ok(message(
        lang,
        StatusCode::OK,
        &t!(lang, "confirmed-title"),
        &what,
    ))
}

/// `GET /follow/{service}/{id}/unsubscribe?sig=`: the link in every
/// notice. The follower, and with it the address, is deleted.
pub async fn unsubscribe(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<LinkQuery>,
) -> Result<HttpResponse, PageError> {
    let (service, id) = signed(&state, LinkAction::Unsubscribe, path, &query).await?;
    // The page in the language the follow was made in, while it is known.
    let lang = follower(state.store.as_ref(), &service, &id)
        .await?
        .map_or_else(|| Lang::preferred(&req), |f| f.lang);
    remove(state.store.as_ref(), &service, &id).await?;
    Ok(message(
        lang,
        StatusCode::OK,
        &t!(lang, "unsubscribed-title"),
        &t!(lang, "unsubscribed-text"),
    ))
}

/// `POST` to the same link: RFC 8058 one-click unsubscribe, as mail
/// programs send it (`List-Unsubscribe=One-Click`).
pub async fn unsubscribe_one_click(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<LinkQuery>,
) -> Result<HttpResponse, PageError> {
    unsubscribe(req, state, path, query).await
}
