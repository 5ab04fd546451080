//! `/status/{slug}`: is it down? The fold ([`super::fold`]: where, since
//! when, how many, against the usual level, the official word, how to be
//! told), the report form (a plain form POST to the API, answered with a
//! redirect back here), the 24-hour chart, most reported problems and
//! where reports come from (for the outage in progress while one is open,
//! else 24 hours; `?map=24h` shows the day), the active incident and
//! related services. Everything on the page, the confirmation after a
//! report included, comes from one [`ServiceView`].

use super::chart::{Marks, report_chart};
use super::layout::{badge, clock_time, page_with_feed, severity};
use super::official::{incident_acknowledgement, official_panel};
use super::world::world_map;
use super::{HTML, PageError, cached_page, personal_page};
use crate::catalog::{PLATFORMS, Service};
use crate::countries::region_name;
use crate::detect::{Incident, OfficialStatus};
use crate::http_cache::Rendered;
use crate::read::ServiceSummary;
use crate::read::views::ServiceView;
use crate::state::AppState;
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
    let service = state
        .catalog
        .service(&slug)
        .ok_or_else(|| super::not_found::unknown_service(&state.catalog, &slug))?;
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
        let key = format!("{}|{}", service.slug, query.map == "24h");
        let page =
            state
                .pages
                .status
                .get_or_render(&key, (view.generation, summaries.generation), || {
                    let page = render(&state, service, &view.value, &summaries.value, None, span);
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
        service,
        &view,
        &summaries.value,
        Some(reported),
        span,
    );
    Ok(personal_page(&req, page))
}

/// The page of `view`; `span`: what the map and lists cover.
fn render(
    state: &AppState,
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
        severity(&b.status)
            .cmp(&severity(&a.status))
            .then(b.reports_last_15m.cmp(&a.reports_last_15m))
    });
    let outage = view.outage.as_ref().filter(|_| span == Span::Outage);
    let shown = outage.map_or(view.day(), |o| &o.window);
    let symptoms = &shown.symptoms;
    let countries = &shown.countries;
    let cells = outage.map_or(&view.cells, |o| &o.cells);
    let name = &service.name;
    let base = format!("/status/{}", service.slug);
    let span_words = match outage {
        Some(o) => html! { "since " (clock_time(o.since)) },
        None => html! { "24 hours" },
    };
    let body = html! {
        h1 { (name) " outage reports" }
        @match reported {
            Some("counted") => p.notice.success #confirmation role="status" {
                "Thanks — your report was counted."
            },
            Some("repeat") => p.notice #confirmation role="status" {
                "You already reported this recently; we counted your first report."
            },
            Some("limited") => p.notice.error #confirmation role="alert" {
                "Too many reports came from your network just now; please try again in a minute."
            },
            Some("invalid") => p.notice.error #confirmation role="alert" {
                "Please pick what is not working, then send the report again."
            },
            Some(word) if word.starts_with("follow-") => (super::follow::follow_notice(word)),
            _ => {}
        }
        div data-live="status-line" #status-line-box {
            (super::fold::status_line(service, view))
            (super::fold::facts(service, view, view.computed_at))
            (super::cause::banners(service, &view.causes))
            (official_panel(service, view, &shown_incidents(active)))
            p.counts {
                span #reports-15m data-count=(last_15m) { (last_15m) }
                (if last_15m == 1 { " report" } else { " reports" }) " in the last 15 minutes · "
                span #reports-24h data-count=(last_24h) { (last_24h) } " in the last 24 hours"
            }
        }
        (report_form(state, service, reported == Some("invalid")))
        (super::follow::follow_panel(state, service, active))
        div data-live="chart" #chart-box {
            section aria-labelledby="chart-h" {
                h2 #chart-h { "Reports in the last 24 hours" }
                (report_chart(name, &view.series, &view.windows[1], &Marks {
                    last_24h,
                    now: view.computed_at,
                    incident_since: view.outage.as_ref().map(|o| o.since),
                }))
            }
        }
        div data-live="incidents" #incidents-box {
            @for i in shown_incidents(active) { (incident(state, service, view, i)) }
        }
        div.columns {
            div data-live="symptoms" #symptoms-box {
                section aria-labelledby="symptoms-h" {
                    h2 #symptoms-h { "Most reported problems " span.span-words { "(" (span_words) ")" } }
                    @if symptoms.is_empty() {
                        p.muted { "No reports in this time." }
                    } @else {
                        ol.shares #top-symptoms {
                            @for s in symptoms.iter().take(5) {
                                @let pct = (s.share * 100.0).round();
                                li {
                                    span.label { (s.label) }
                                    progress max="100" value=(pct) aria-label={ (s.label) " share" } {}
                                    span.pct { (pct) "%" }
                                }
                            }
                        }
                    }
                }
            }
            div data-live="related" #related-box {
                section aria-labelledby="related-h" {
                    h2 #related-h { "Related services" }
                    ul.related #related {
                        @for r in &related {
                            li {
                                a href={ "/status/" (r.slug) } { (r.name) }
                                " " (badge(&r.status))
                                span.count { (r.reports_last_15m) " in 15 min" }
                            }
                        }
                    }
                }
            }
        }
        div data-live="map" #map-box {
            section aria-labelledby="map-h" {
                h2 #map-h { "Where reports come from " span.span-words { "(" (span_words) ")" } }
                @if view.outage.is_some() {
                    p.map-span #map-span {
                        @if outage.is_some() {
                            "Showing the outage so far. "
                            a href={ (base) "?map=24h#map-h" } { "Show the last 24 hours" }
                        } @else {
                            "Showing the last 24 hours. "
                            a href={ (base) "#map-h" } { "Show the outage so far" }
                        }
                    }
                }
                (world_map(&format!("Map of reports about {name} by country"), countries, &shown.country_expected, cells))
                @if !countries.is_empty() {
                    ol.regions #top-regions {
                        @for (code, n) in countries.iter().take(10) {
                            li data-cc=(code) {
                                (region_name(code)) " " span.count { (n) }
                                @if let Some(e) = shown.country_expected.get(code) {
                                    span.usual { " (about " (format!("{e:.0}")) " usual)" }
                                }
                            }
                        }
                    }
                }
            }
        }
        p {
            a href={ "/status/" (service.slug) "/history" } { "Incident history for " (name) }
            " · " a href={ "/status/" (service.slug) "/feed.atom" } { "Atom feed" }
            " · " a href={ "/badge/" (service.slug) ".svg" } { "Status badge" }
        }
    };
    page_with_feed(
        state.demo,
        &format!("{name} down? Current problems and outages"),
        &format!("service:{}", service.slug),
        Some(&format!("/status/{}/feed.atom", service.slug)),
        body,
    )
}

fn report_form(state: &AppState, service: &Service, open: bool) -> Markup {
    html! {
        details.report #report open[open] {
            summary.button { "I have a problem with " (service.name) }
            form method="post" action="/api/v1/reports" #report-form {
                input type="hidden" name="service" value=(service.slug);
                fieldset {
                    legend { "What is not working?" }
                    @for s in &service.symptoms {
                        label.choice {
                            input type="radio" name="symptom" value=(s) required;
                            " " (state.catalog.symptom_label(s).unwrap_or(s))
                        }
                    }
                }
                label for="platform" { "Platform (optional)" }
                select #platform name="platform" {
                    option value="" { "Not given" }
                    @for p in PLATFORMS { option value=(p) { (p) } }
                }
                button type="submit" #submit-report { "Send report" }
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
fn official_updates(i: &Incident) -> Markup {
    html! {
        section.official-updates aria-label="Official updates" {
            h3 { "Official updates" }
            @if i.official_status == Some(OfficialStatus::Resolved) && i.is_active() {
                p.official-resolved {
                    "The service reports this incident resolved; user reports are still above the usual level."
                }
            }
            ol.updates {
                @for u in i.updates.iter().rev() {
                    li.update {
                        time datetime=(u.at.to_rfc3339()) { (clock_time(u.at)) }
                        " " strong.official-status { (u.status.as_str()) } ": "
                        span.official-message { (u.message) }
                    }
                }
            }
        }
    }
}

fn incident(state: &AppState, service: &Service, view: &ServiceView, i: &Incident) -> Markup {
    let first = i.timeline.len().saturating_sub(TIMELINE_POINTS);
    html! {
        section.incident aria-label="Active incident" data-incident=(i.id) {
            h2 {
                "Active incident"
                @if i.region != crate::detect::GLOBAL { " in " (region_name(&i.region)) }
            }
            p {
                "Started " (clock_time(i.started_at)) ", detected " (clock_time(i.detected_at))
                ". Peak " (super::layout::reports(i.peak_reports_per_minute.round() as u64)) " a minute; "
                (super::layout::reports(i.total_reports)) " so far."
            }
            @if i.suspect {
                p.suspect {
                    "Most of these reports come from a single network ("
                    (format!("{:.0}%", i.busiest_network_share.unwrap_or(0.0) * 100.0))
                    "), so this may be coordinated reporting rather than an outage."
                }
            }
            @if !i.affected_regions.is_empty() {
                p { "Affected regions: "
                    @for (n, r) in i.affected_regions.iter().enumerate() {
                        @if n > 0 { "; " } (region_name(r))
                    }
                }
            }
            @if !i.top_symptoms.is_empty() {
                p.incident-symptoms { "Most reported: "
                    @for (n, t) in i.top_symptoms.iter().take(3).enumerate() {
                        @if n > 0 { ", " } (state.catalog.symptom_label(&t.symptom).unwrap_or(&t.symptom))
                    }
                }
            }
            @if !i.updates.is_empty() || view.official.as_ref().is_some_and(|o| o.checked_at.is_some()) {
                (incident_acknowledgement(service, i))
            } @else if view.official.is_some() {
                p.unacknowledged-unknown {
                    (service.name) "'s status page could not be read yet, so whether it acknowledges this is unknown."
                }
            }
            @if !i.updates.is_empty() {
                (official_updates(i))
            }
            @if !i.timeline.is_empty() {
                table.timeline {
                    caption { "Reports against the usual level while the incident is open" }
                    thead { tr { th scope="col" { "Time" } th scope="col" { "Reports" } th scope="col" { "Expected" } } }
                    tbody {
                        @for p in &i.timeline[first..] {
                            tr { td { (clock_time(p.at)) } td { (p.observed) } td { (format!("{:.0}", p.expected)) } }
                        }
                    }
                }
            }
        }
    }
}
