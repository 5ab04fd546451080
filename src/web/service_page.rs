//! `/status/{slug}`: is it down? The fold ([`super::fold`]: where, since
//! when, how many, against the usual level, the official word, how to be
//! told), the report form (a plain form POST to the API, answered with a
//! redirect back here), the 24-hour chart, most reported problems and
//! where reports come from (for the outage in progress while one is open,
//! else 24 hours; `?map=24h` shows the day), the active incident and
//! related services. Everything on the page, the confirmation after a
//! report included, comes from one [`ServiceView`].

use super::chart::{Marks, report_chart};
use super::layout::{Shell, around, clock_time, lang_badge, lang_reports, shell};
use super::official::{incident_acknowledgement, official_panel};
use super::world::world_map;
use super::{HTML, PageError, cached_page, personal_page};
use crate::catalog::{PLATFORMS, Service};
use crate::countries::region_name_in;
use crate::detect::{Incident, OfficialStatus};
use crate::http_cache::Rendered;
use crate::i18n::Lang;
use crate::read::ServiceSummary;
use crate::read::views::ServiceView;
use crate::state::AppState;
use crate::t;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};
use serde::Deserialize;

/// Timeline points shown per incident (the latest).
const TIMELINE_POINTS: usize = 12;

#[derive(Deserialize)]
pub struct StatusQuery {
    reported: Option<String>,
    /// After the email follow form: `email`, `email-invalid`, …
    followed: Option<String>,
    /// `24h`: the map and lists over the last 24 hours even while an
    /// outage is open.
    #[serde(default)]
    map: String,
}

/// What the map and lists cover.
#[derive(Clone, Copy, PartialEq)]
enum Span {
    /// The outage in progress (24 hours when none is open).
    Outage,
    Day,
}

pub async fn status_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<StatusQuery>,
) -> Result<HttpResponse, PageError> {
    let lang = super::lang_of(&req);
    let service = super::not_found::service(&state.catalog, &slug)?;
    let span = if query.map == "24h" {
        Span::Day
    } else {
        Span::Outage
    };
    let version = state.views.version().await;
    let summaries = state.views.summaries(version).await?;
    let followed = query.followed.as_deref().map(|w| format!("follow-{w}"));
    let Some(reported) = query.reported.as_deref().or(followed.as_deref()) else {
        let view = state.views.service(&service.slug, version).await?;
        let key = (lang, format!("{}|{}", service.slug, query.map == "24h"));
        let page =
            state
                .pages
                .status
                .get_or_render(&key, (view.generation, summaries.generation), || {
                    let page = render(
                        &state,
                        lang,
                        service,
                        &view.value,
                        &summaries.value,
                        None,
                        span,
                    );
                    Rendered::new(HTML, page.into_string())
                });
        return Ok(cached_page(&req, &state, &page));
    };
    // The confirmation after a form post: a view computed now, so the
    // report just sent shows in every number and the chart alike.
    let view = crate::read::views::service_view(
        state.store.as_ref(),
        &state.catalog,
        &service.slug,
        state.clock.now(),
    )
    .await?;
    let page = render(
        &state,
        lang,
        service,
        &view,
        &summaries.value,
        Some(reported),
        span,
    );
    Ok(personal_page(&req, page))
}

/// The page of `view`; `span`: what the map and lists cover.
#[allow(clippy::too_many_arguments)]
fn render(
    state: &AppState,
    lang: Lang,
    service: &Service,
    view: &ServiceView,
    summaries: &[ServiceSummary],
    reported: Option<&str>,
    span: Span,
) -> Markup {
    let (last_15m, last_24h) = (view.windows[1].reports, view.day().reports);
    let active = &view.active;
    let mut related: Vec<&ServiceSummary> = summaries
        .iter()
        .filter(|s| s.category == service.category && s.slug != service.slug)
        .collect();
    related.sort_by(|a, b| {
        b.status
            .cmp(&a.status)
            .then(b.reports_last_15m.cmp(&a.reports_last_15m))
    });
    let outage = view.outage.as_ref().filter(|_| span == Span::Outage);
    let shown = outage.map_or(view.day(), |o| &o.window);
    let symptoms = &shown.symptoms;
    let countries = &shown.countries;
    let cells = outage.map_or(&view.cells, |o| &o.cells);
    let name = service.name.as_str();
    let path = format!("/status/{}", service.slug);
    let base = lang.href(&path);
    let span_words = match outage {
        Some(o) => around(&t!(lang, "span-since", time = "\u{1}"), clock_time(o.since)),
        None => html! { (t!(lang, "span-24h")) },
    };
    let body = html! {
        h1 { (t!(lang, "status-heading", name = name)) }
        @match reported {
            Some("counted") => p.notice.success #confirmation role="status" {
                (t!(lang, "reported-counted"))
            },
            Some("repeat") => p.notice #confirmation role="status" {
                (t!(lang, "reported-repeat"))
            },
            Some("limited") => p.notice.error #confirmation role="alert" {
                (t!(lang, "reported-limited"))
            },
            Some("invalid") => p.notice.error #confirmation role="alert" {
                (t!(lang, "reported-invalid"))
            },
            Some(word) if word.starts_with("follow-") => (super::follow::follow_notice(lang, word)),
            _ => {}
        }
        div data-live="status-line" #status-line-box {
            (super::fold::status_line(lang, service, view))
            (super::fold::facts(lang, service, view, view.computed_at))
            (super::cause::banners(lang, service, &view.causes))
            (official_panel(lang, service, view, &shown_incidents(active)))
            p.counts {
                span #reports-15m data-count=(last_15m) { (lang.number(last_15m)) }
                " " (t!(lang, "counts-15m", count = last_15m)) " · "
                span #reports-24h data-count=(last_24h) { (lang.number(last_24h)) } " " (t!(lang, "counts-24h"))
            }
        }
        (report_form(state, lang, service, reported == Some("invalid")))
        (super::follow::follow_panel(state, lang, service, active))
        div data-live="chart" #chart-box {
            section aria-labelledby="chart-h" {
                h2 #chart-h { (t!(lang, "chart-heading")) }
                (report_chart(lang, name, &view.series, &view.windows[1], &Marks {
                    last_24h,
                    now: view.computed_at,
                    incident_since: view.outage.as_ref().map(|o| o.since),
                }))
            }
        }
        div data-live="incidents" #incidents-box {
            @for i in shown_incidents(active) { (incident(state, lang, service, view, i)) }
        }
        div.columns {
            div data-live="symptoms" #symptoms-box {
                section aria-labelledby="symptoms-h" {
                    h2 #symptoms-h { (t!(lang, "symptoms-heading")) " " span.span-words { "(" (span_words) ")" } }
                    @if symptoms.is_empty() {
                        p.muted { (t!(lang, "no-reports-span")) }
                    } @else {
                        ol.shares #top-symptoms {
                            @for s in symptoms.iter().take(5) {
                                @let pct = (s.share * 100.0).round();
                                li {
                                    @let label = state.catalog.symptom_label_in(lang, &s.symptom).unwrap_or(&s.label);
                                    span.label { (label) }
                                    progress max="100" value=(pct) aria-label=(t!(lang, "share-of", name = label)) {}
                                    span.pct { (pct) "%" }
                                }
                            }
                        }
                    }
                }
            }
            div data-live="related" #related-box {
                section aria-labelledby="related-h" {
                    h2 #related-h { (t!(lang, "related-heading")) }
                    ul.related #related {
                        @for r in &related {
                            li {
                                a href=(lang.href(&format!("/status/{}", r.slug))) { (r.name) }
                                " " (lang_badge(lang, r.status))
                                span.count { (lang.number(r.reports_last_15m)) " " (t!(lang, "in-15-min")) }
                            }
                        }
                    }
                }
            }
        }
        div data-live="map" #map-box {
            section aria-labelledby="map-h" {
                h2 #map-h { (t!(lang, "map-heading")) " " span.span-words { "(" (span_words) ")" } }
                @if view.outage.is_some() {
                    p.map-span #map-span {
                        @if outage.is_some() {
                            (t!(lang, "map-showing-outage")) " "
                            a href={ (base) "?map=24h#map-h" } { (t!(lang, "map-show-24h")) }
                        } @else {
                            (t!(lang, "map-showing-24h")) " "
                            a href={ (base) "#map-h" } { (t!(lang, "map-show-outage")) }
                        }
                    }
                }
                (world_map(lang, &t!(lang, "map-label", name = name), countries, &shown.country_expected, cells))
                @if !countries.is_empty() {
                    ol.regions #top-regions {
                        @for (code, n) in countries.iter().take(10) {
                            li data-cc=(code) {
                                (region_name_in(lang, code)) " " span.count { (lang.number(*n)) }
                                @if let Some(e) = shown.country_expected.get(code) {
                                    span.usual { " " (t!(lang, "usual-in-region", count = e.round())) }
                                }
                            }
                        }
                    }
                }
            }
        }
        p {
            a href={ (base) "/history" } { (t!(lang, "history-link", name = name)) }
            " · " a href=(super::feed::feed_href(lang, &service.slug)) { (t!(lang, "atom-feed")) }
            " · " a href={ "/badge/" (service.slug) ".svg" } { (t!(lang, "status-badge")) }
        }
    };
    let title = t!(lang, "status-title", name = name);
    shell(
        &Shell {
            lang,
            origin: state.follow.public_url.as_deref().unwrap_or(""),
            path: Some(&path),
            demo: state.demo,
            title: &title,
            live: &format!("service:{}", service.slug),
            feed: Some(&super::feed::feed_href(lang, &service.slug)),
        },
        body,
    )
}

fn report_form(state: &AppState, lang: Lang, service: &Service, open: bool) -> Markup {
    html! {
        details.report #report open[open] {
            summary.button { (t!(lang, "report-button", name = service.name.as_str())) }
            form method="post" action="/api/v1/reports" #report-form {
                input type="hidden" name="service" value=(service.slug);
                fieldset {
                    legend { (t!(lang, "report-legend")) }
                    @for s in &service.symptoms {
                        label.choice {
                            input type="radio" name="symptom" value=(s) required;
                            " " (state.catalog.symptom_label_in(lang, s).unwrap_or(s))
                        }
                    }
                }
                label for="platform" { (t!(lang, "platform-label")) }
                select #platform name="platform" {
                    option value="" { (t!(lang, "platform-none")) }
                    @for p in PLATFORMS { option value=(p) { (p) } }
                }
                button type="submit" #submit-report { (t!(lang, "send-report")) }
            }
        }
    }
}

/// The incidents worth a panel: the global one when there is one (it lists
/// the regions with their own), else every regional one.
fn shown_incidents(active: &[Incident]) -> Vec<&Incident> {
    match active.iter().find(|i| i.region == crate::detect::GLOBAL) {
        Some(global) => vec![global],
        None => active.iter().collect(),
    }
}

/// The owner's updates, newest first. An official "resolved" while
/// reports are still high is said as such: the crowd's view stays.
fn official_updates(lang: Lang, i: &Incident) -> Markup {
    html! {
        section.official-updates aria-label=(t!(lang, "official-updates")) {
            h3 { (t!(lang, "official-updates")) }
            @if i.official_status == Some(OfficialStatus::Resolved) && i.is_active() {
                p.official-resolved { (t!(lang, "official-resolved-early")) }
            }
            ol.updates {
                @for u in i.updates.iter().rev() {
                    li.update {
                        time datetime=(u.at.to_rfc3339()) { (clock_time(u.at)) }
                        " " strong.official-status { (super::official::state_words(lang, u.status.as_str())) } ": "
                        span.official-message { (u.message) }
                    }
                }
            }
        }
    }
}

fn incident(
    state: &AppState,
    lang: Lang,
    service: &Service,
    view: &ServiceView,
    i: &Incident,
) -> Markup {
    let first = i.timeline.len().saturating_sub(TIMELINE_POINTS);
    html! {
        section.incident aria-label=(t!(lang, "active-incident")) data-incident=(i.id) {
            h2 {
                @if i.region != crate::detect::GLOBAL {
                    (t!(lang, "active-incident-in", region = region_name_in(lang, &i.region)))
                } @else {
                    (t!(lang, "active-incident"))
                }
            }
            p {
                @let times = t!(lang, "incident-times", started = "\u{1}", detected = "\u{1}");
                @let mut parts = times.splitn(3, '\u{1}');
                (parts.next().unwrap_or("")) (clock_time(i.started_at))
                (parts.next().unwrap_or("")) (clock_time(i.detected_at))
                (parts.next().unwrap_or("")) (lang.gap())
                (t!(lang, "incident-peak",
                    peak = lang_reports(lang, i.peak_reports_per_minute.round() as u64),
                    total = lang_reports(lang, i.total_reports)))
            }
            @if i.suspect {
                p.suspect {
                    (t!(lang, "incident-suspect", share = format!("{:.0}%", i.busiest_network_share.unwrap_or(0.0) * 100.0)))
                }
            }
            @if !i.affected_regions.is_empty() {
                p { (t!(lang, "affected-regions")) (lang.gap())
                    @for (n, r) in i.affected_regions.iter().enumerate() {
                        @if n > 0 { (t!(lang, "list-separator")) } (region_name_in(lang, r))
                    }
                }
            }
            @if !i.top_symptoms.is_empty() {
                p.incident-symptoms { (t!(lang, "incident-most-reported")) (lang.gap())
                    @for (n, t) in i.top_symptoms.iter().take(3).enumerate() {
                        @if n > 0 { ", " } (state.catalog.symptom_label_in(lang, &t.symptom).unwrap_or(&t.symptom))
                    }
                }
            }
            @if !i.updates.is_empty() || view.official.as_ref().is_some_and(|o| o.checked_at.is_some()) {
                (incident_acknowledgement(lang, service, i))
            } @else if view.official.is_some() {
                p.unacknowledged-unknown {
                    (t!(lang, "official-ack-unknown", name = service.name.as_str()))
                }
            }
            @if !i.updates.is_empty() {
                (official_updates(lang, i))
            }
            @if !i.timeline.is_empty() {
                table.timeline {
                    caption { (t!(lang, "timeline-caption")) }
                    thead { tr { th scope="col" { (t!(lang, "timeline-time")) } th scope="col" { (t!(lang, "timeline-reports")) } th scope="col" { (t!(lang, "timeline-expected")) } } }
                    tbody {
                        @for p in &i.timeline[first..] {
                            tr { td { (clock_time(p.at)) } td { (lang.number(p.observed)) } td { (lang.number(p.expected.round().max(0.0) as u64)) } }
                        }
                    }
                }
            }
        }
    }
}
