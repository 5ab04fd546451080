//! The web pages people meet downwatch through: home (search and what is
//! down right now), a status page per service with the report form, chart,
//! map and incidents, the outage map and incident history. Pages are
//! rendered on the server (maud) with charts and maps as inline SVG, so they
//! work without JavaScript and without internet access; a small embedded
//! script refreshes them from the event stream.
//!
//! Every page answers with a strict Content-Security-Policy: scripts and
//! styles come only from the embedded files under `/assets/`.

mod assets;
mod badge;
mod cause;
mod chart;
mod docs;
mod feed;
mod fold;
pub mod follow;
mod history;
mod home;
mod install;
mod layout;
mod map_page;
pub mod not_found;
mod official;
mod service_page;
mod world;

use crate::http_cache::{PRIVATE, RenderCache, Rendered};
use crate::i18n::Lang;
use crate::state::AppState;
use crate::store::StoreError;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse, ResponseError, web};
use maud::Markup;

/// The rendered pages that are the same for everyone, by what they show
/// and in which language.
#[derive(Default)]
pub struct PageCache {
    home: RenderCache<Lang>,
    status: RenderCache<(Lang, String)>,
    map: RenderCache<(Lang, Option<String>, i64)>,
}

impl PageCache {
    /// Pages held and their bytes (every encoding).
    pub fn size(&self) -> (usize, usize) {
        (
            self.home.len() + self.status.len() + self.map.len(),
            self.home.bytes() + self.status.bytes() + self.map.bytes(),
        )
    }
}

const HTML: &str = "text/html; charset=utf-8";

/// A rendered page, as a public, cacheable answer.
fn cached_page(req: &HttpRequest, state: &AppState, page: &Rendered) -> HttpResponse {
    page.respond(req, &state.cache_control, |r| {
        secure(r);
    })
}

/// A page for one person only (it says what they just did): compressed
/// like the rest, but never stored by a shared cache.
fn personal_page(req: &HttpRequest, page: Markup) -> HttpResponse {
    Rendered::new(HTML, page.into_string()).respond(req, PRIVATE, |r| {
        secure(r);
    })
}

/// Routes of the pages and their assets; register before the API's
/// catch-all. Pages live under a language prefix (`/de/status/spotify`),
/// so that caches keep one copy per language; the unprefixed addresses
/// redirect to the reader's language ([`to_language`]). The Atom feed's
/// unprefixed address stays English (feed readers keep the address they
/// were given), the API and the links in mails stay unprefixed.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(to_language))
        .route("/map", web::get().to(to_language))
        .route("/docs", web::get().to(docs::docs))
        .route(
            "/api",
            web::get().to(|| async {
                HttpResponse::PermanentRedirect()
                    .insert_header((header::LOCATION, "/docs"))
                    .finish()
            }),
        )
        .route("/status/{slug}", web::get().to(status_to_language))
        .route("/status/{slug}/history", web::get().to(status_to_language))
        .route("/status/{slug}/feed.atom", web::get().to(feed::feed))
        .route("/badge/{slug}.svg", web::get().to(badge::badge))
        .route("/assets/{name}", web::get().to(assets::serve))
        .route("/sw.js", web::get().to(follow::service_worker))
        .route(
            "/follow/{service}/{id}/confirm",
            web::get().to(follow::confirm),
        )
        .route(
            "/follow/{service}/{id}/unsubscribe",
            web::get().to(follow::unsubscribe),
        )
        .route(
            "/follow/{service}/{id}/unsubscribe",
            web::post().to(follow::unsubscribe_one_click),
        );
    for lang in Lang::ALL {
        let prefix = format!("/{}", lang.segment());
        let home = lang.href("/");
        cfg.service(
            web::scope(&prefix)
                .app_data(lang)
                .wrap(actix_web::middleware::from_fn(localize_errors))
                .route(
                    "",
                    web::get().to(move || {
                        let home = home.clone();
                        async move {
                            HttpResponse::PermanentRedirect()
                                .insert_header((header::LOCATION, home))
                                .finish()
                        }
                    }),
                )
                .route("/", web::get().to(home::home))
                .route("/map", web::get().to(map_page::map))
                .route("/manifest.webmanifest", web::get().to(install::serve))
                .route("/status/{slug}", web::get().to(service_page::status_page))
                .route("/status/{slug}/history", web::get().to(history::history))
                .route("/status/{slug}/feed.atom", web::get().to(feed::feed)),
        );
    }
}

/// The language of a page request: its prefix's (English outside one).
pub fn lang_of(req: &HttpRequest) -> Lang {
    req.app_data::<Lang>().copied().unwrap_or_default()
}

/// A redirect to `path` (a route's own path, never the client's string)
/// in the reader's language, keeping the query; it depends on the
/// request's language headers, so says so (`Vary`) and is not stored.
fn redirect_to(req: &HttpRequest, path: &str) -> HttpResponse {
    let mut target = Lang::preferred(req).href(path);
    let query = req.query_string();
    if !query.is_empty() {
        target.push('?');
        target.push_str(query);
    }
    let location =
        HeaderValue::from_str(&target).unwrap_or_else(|_| HeaderValue::from_static("/en/"));
    HttpResponse::Found()
        .insert_header((header::LOCATION, location))
        .insert_header((header::VARY, "Accept-Language, Cookie"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish()
}

/// `/`, `/map`: to the page in the reader's language.
async fn to_language(req: HttpRequest) -> HttpResponse {
    let path = if req.path().starts_with("/map") {
        "/map"
    } else {
        "/"
    };
    redirect_to(&req, path)
}

/// `/status/{slug}` and its history: to the page in the reader's language;
/// a service the catalog does not know is a 404 here already.
async fn status_to_language(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let service = match not_found::service(&state.catalog, &slug) {
        Ok(service) => service,
        Err(e) => return Ok(error_page(&req, &e)),
    };
    let history = req.match_pattern().is_some_and(|p| p.ends_with("/history"));
    let path = format!(
        "/status/{}{}",
        service.slug,
        if history { "/history" } else { "" }
    );
    Ok(redirect_to(&req, &path))
}

/// Why a page could not be shown.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("not found")]
    NotFound,
    /// A service the catalog does not know, with the closest names.
    #[error("unknown service")]
    UnknownService(Box<not_found::Suggestions>),
    #[error("the store is unavailable: {0}")]
    Unavailable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<StoreError> for PageError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Unavailable(cause) => PageError::Unavailable(cause),
            other => PageError::Internal(other.to_string()),
        }
    }
}

impl PageError {
    /// The error's page in `lang`; its links under the language's prefix
    /// when `prefixed` (the address asked for had one).
    pub fn response_in(&self, lang: Lang, prefixed: bool) -> HttpResponse {
        let (title, text) = match self {
            PageError::UnknownService(s) => {
                let title = lang.t(if s.service {
                    "service-not-found"
                } else {
                    "page-not-found"
                });
                return html(
                    self.status_code(),
                    layout::shell(
                        &layout::Shell {
                            lang,
                            origin: "",
                            path: None,
                            demo: false,
                            title: &title,
                            live: "",
                            feed: None,
                        },
                        not_found::body(lang, prefixed, s),
                    ),
                );
            }
            PageError::NotFound => ("page-not-found", "no-page-here"),
            PageError::Unavailable(cause) => {
                tracing::warn!(%cause, "store unavailable");
                ("unavailable-title", "unavailable-text")
            }
            PageError::Internal(cause) => {
                tracing::error!(%cause, "internal error");
                ("internal-title", "internal-text")
            }
        };
        html(
            self.status_code(),
            layout::html_message_page(lang, &lang.t(title), &lang.t(text)),
        )
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        match self {
            PageError::NotFound | PageError::UnknownService(_) => StatusCode::NOT_FOUND,
            PageError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            PageError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// In English; [`localize_errors`] answers in the page's language.
    fn error_response(&self) -> HttpResponse {
        self.response_in(Lang::En, false)
    }
}

/// Middleware of each language's scope: a page that failed answers with
/// its error page in the scope's language.
async fn localize_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let lang = lang_of(req.request());
    let response = next.call(req).await?.map_into_boxed_body();
    let page = response
        .response()
        .error()
        .and_then(|e| e.as_error::<PageError>())
        .map(|e| e.response_in(lang, true));
    Ok(match page {
        Some(page) => response.into_response(page),
        None => response,
    })
}

/// The page of `error` for a request outside the routes that know their
/// language: in the language of the address's prefix, else the reader's
/// (and then it says it depends on their headers).
pub fn error_page(req: &HttpRequest, error: &PageError) -> HttpResponse {
    match Lang::from_url(req.path()) {
        Some(lang) => error.response_in(lang, true),
        None => {
            let mut page = error.response_in(Lang::preferred(req), false);
            page.headers_mut().insert(
                header::VARY,
                HeaderValue::from_static("Accept-Language, Cookie"),
            );
            page
        }
    }
}

/// The page a client gets past its page-view limit: 429 with
/// `Retry-After`, in the language of the page asked for (else the
/// reader's).
pub fn too_many_requests(req: &HttpRequest, retry_after_secs: u64) -> HttpResponse {
    let lang = Lang::from_url(req.path()).unwrap_or_else(|| Lang::preferred(req));
    let mut response = html(
        StatusCode::TOO_MANY_REQUESTS,
        layout::html_message_page(lang, &lang.t("too-many-title"), &lang.t("too-many-text")),
    );
    if let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, v);
    }
    response
}

/// Content-Security-Policy of every page: nothing inline, nothing external.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// A page response with the security headers.
fn html(status: StatusCode, page: Markup) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    secure(&mut response);
    response
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .content_type(HTML)
        .body(page.into_string())
}

/// The headers of an answer only a page loads (a stylesheet, a script, the
/// manifest): the page's policy governs it, so it needs no policy of its
/// own, only the type it says it has.
fn subresource(response: &mut actix_web::HttpResponseBuilder) {
    response.insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"));
}

fn secure(response: &mut actix_web::HttpResponseBuilder) {
    response
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::X_FRAME_OPTIONS, "DENY"))
        .insert_header((header::REFERRER_POLICY, "same-origin"));
}

fn ok(page: Markup) -> Result<HttpResponse, PageError> {
    Ok(html(StatusCode::OK, page))
}
