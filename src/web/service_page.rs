//! `/status/{slug}`: is it down? The status line, the report form (a plain
//! form POST to the API, answered with a redirect back here), the 24-hour
//! chart, most reported problems, where reports come from, the active
//! incident and related services.

use super::chart::report_chart;
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
use crate::startup::AppState;
use crate::store::{keys, window};
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
}

pub async fn status_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<StatusQuery>,
) -> Result<HttpResponse, PageError> {
    let service = state.catalog.service(&slug).ok_or(PageError::NotFound)?;
    let version = state.views.version().await;
    let view = state.views.service(&service.slug, version).await?;
    let summaries = state.views.summaries(version).await?;
    let followed = query.followed.as_deref().map(|w| format!("follow-{w}"));
    let Some(reported) = query.reported.as_deref().or(followed.as_deref()) else {
        let page = state.pages.status.get_or_render(
            &service.slug,
            (view.generation, summaries.generation),
            || {
                let counts = (view.value.windows[1].reports, view.value.day().reports);
                let page = render(&state, service, &view.value, &summaries.value, None, counts);
                Rendered::new(HTML, page.into_string())
            },
        );
        return Ok(cached_page(&req, &state, &page));
    };
    // The confirmation after a form post: the counts read now, so the
    // report just sent shows even if the shared view is a second old.
    let (store, now) = (state.store.as_ref(), state.clock.now());
    let counts = (
        window::count_last_minutes(store, &service.slug, keys::TOTAL, now, 15).await?,
        window::count_last_minutes(store, &service.slug, keys::TOTAL, now, 24 * 60).await?,
    );
    let page = render(
        &state,
        service,
        &view.value,
        &summaries.value,
        Some(reported),
        counts,
    );
    Ok(personal_page(&req, page))
}

/// The page; `counts` are the reports of the last 15 minutes and 24 hours.
fn render(
    state: &AppState,
    service: &Service,
    view: &ServiceView,
    summaries: &[ServiceSummary],
    reported: Option<&str>,
    (last_15m, last_24h): (u64, u64),
) -> Markup {
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
    let day = view.day();
    let symptoms = &day.symptoms;
    let countries = &day.countries;
    let name = &service.name;
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
            (status_line(service, &view.status.status, active))
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
                (report_chart(name, &view.series, &view.windows[1]))
            }
        }
        div data-live="incidents" #incidents-box {
            @for i in shown_incidents(active) { (incident(service, i)) }
        }
        div.columns {
            div data-live="symptoms" #symptoms-box {
                section aria-labelledby="symptoms-h" {
                    h2 #symptoms-h { "Most reported problems" }
                    @if symptoms.is_empty() {
                        p.muted { "No reports in the last 24 hours." }
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
                h2 #map-h { "Where reports come from (24 hours)" }
                (world_map(&format!("Map of reports about {name} by country"), countries, &view.cells))
                @if !countries.is_empty() {
                    ol.regions #top-regions {
                        @for (code, n) in countries.iter().take(10) {
                            li { (region_name(code)) " " span.count { (n) } }
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

fn status_line(service: &Service, status: &str, active: &[Incident]) -> Markup {
    let since = active.iter().map(|i| i.started_at).min();
    let name = &service.name;
    html! {
        @if let (Some(since), false) = (since, status == "possible") {
            p.status-line.outage #status-line {
                "User reports indicate problems at " (name) " since " (clock_time(since))
            }
        } @else if status == "outage" {
            p.status-line.outage #status-line { "User reports indicate problems at " (name) }
        } @else if status == "possible" {
            p.status-line.possible #status-line {
                "User reports indicate possible problems at " (name)
            }
        } @else {
            p.status-line.ok #status-line { "No current problems at " (name) }
        }
    }
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

fn incident(service: &Service, i: &Incident) -> Markup {
    let first = i.timeline.len().saturating_sub(TIMELINE_POINTS);
    html! {
        section.incident aria-label="Active incident" data-incident=(i.id) {
            h2 {
                "Active incident"
                @if i.region != crate::detect::GLOBAL { " in " (region_name(&i.region)) }
            }
            p {
                "Started " (clock_time(i.started_at)) ", detected " (clock_time(i.detected_at))
                ". Peak " (format!("{:.1}", i.peak_reports_per_minute)) " reports a minute; "
                (i.total_reports) " reports so far."
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
            @if service.official_status.is_some() || !i.updates.is_empty() {
                (incident_acknowledgement(service, i))
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
                            tr { td { (clock_time(p.at)) } td { (p.observed) } td { (format!("{:.1}", p.expected)) } }
                        }
                    }
                }
            }
        }
    }
}
