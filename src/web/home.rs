//! `/`: search the catalog, filter by category, see what is down right now
//! and what people report most.

use super::layout::{badge, page, reports, severity};
use super::{HTML, PageError, cached_page, secure};
use crate::http_cache::Rendered;
use crate::read::ServiceSummary;
use crate::startup::AppState;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};
use serde::Deserialize;

/// How many services "most reported" lists.
const MOST_REPORTED: usize = 8;

#[derive(Deserialize)]
pub struct HomeQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    category: String,
}

pub async fn home(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<HomeQuery>,
) -> Result<HttpResponse, PageError> {
    let version = state.views.version().await;
    let summaries = state.views.summaries(version).await?;
    let causes = state.views.causes(version).await?;
    // The plain home page is the same for everyone: rendered once per view.
    if query.q.is_empty() && query.category.is_empty() {
        let page =
            state
                .pages
                .home
                .get_or_render(&(), (summaries.generation, causes.generation), || {
                    Rendered::new(
                        HTML,
                        render(&state, &summaries.value, &causes.value, &query).into_string(),
                    )
                });
        return Ok(cached_page(&req, &state, &page));
    }
    let page = render(&state, &summaries.value, &causes.value, &query);
    Ok(
        Rendered::new(HTML, page.into_string()).respond(&req, &state.cache_control, |r| {
            secure(r);
        }),
    )
}

fn render(
    state: &AppState,
    summaries: &[ServiceSummary],
    causes: &[crate::cause::Cause],
    query: &HomeQuery,
) -> Markup {
    let catalog = &state.catalog;
    let needle = query.q.trim().to_lowercase();
    let category = query.category.trim();
    let matching: Vec<&ServiceSummary> = summaries
        .iter()
        .filter(|s| category.is_empty() || s.category == category)
        .filter(|s| {
            needle.is_empty() || s.name.to_lowercase().contains(&needle) || s.slug.contains(&needle)
        })
        .collect();
    let mut problems: Vec<&ServiceSummary> = summaries
        .iter()
        .filter(|s| severity(&s.status) > 0 || !s.active_incidents.is_empty())
        .collect();
    problems.sort_by(|a, b| {
        severity(&b.status)
            .cmp(&severity(&a.status))
            .then(b.reports_last_15m.cmp(&a.reports_last_15m))
    });
    let mut most: Vec<&ServiceSummary> = summaries
        .iter()
        .filter(|s| s.reports_last_15m > 0)
        .collect();
    most.sort_by_key(|s| std::cmp::Reverse(s.reports_last_15m));
    most.truncate(MOST_REPORTED);

    let body = html! {
        h1 { "Is it down, or is it just me?" }
        form.search role="search" method="get" action="/" {
            label for="q" { "Find a service" }
            input #q type="search" name="q" value=(query.q) placeholder="Spotify, Steam, AWS…" autocomplete="off";
            label for="category" { "Category" }
            select #category name="category" {
                option value="" { "All categories" }
                @for c in catalog.categories() {
                    option value=(c.slug) selected[c.slug == category] { (c.name) }
                }
            }
            button type="submit" { "Search" }
        }
        div data-live="home-now" #home-now {
            (super::cause::big_picture(causes))
            section aria-labelledby="problems-h" {
                h2 #problems-h { "Problems right now" }
                @if problems.is_empty() {
                    p.muted #no-problems { "No service has a detected problem right now." }
                } @else {
                    ul.cards #problems { @for s in &problems { (card(s)) } }
                }
            }
            section aria-labelledby="most-h" {
                h2 #most-h { "Most reported (last 15 minutes)" }
                @if most.is_empty() {
                    p.muted { "No reports in the last 15 minutes." }
                } @else {
                    ul.cards #most-reported { @for s in &most { (card(s)) } }
                }
            }
        }
        section aria-labelledby="all-h" {
            h2 #all-h { "All services" }
            @if matching.is_empty() {
                p #no-match { "No service matches your search." }
            }
            ul.services #services {
                @for s in &matching {
                    li data-name=(s.name.to_lowercase()) data-category=(s.category) {
                        a href={ "/status/" (s.slug) } { (s.name) }
                        " " (badge(&s.status))
                        span.count { (reports(s.reports_last_15m)) }
                    }
                }
            }
        }
    };
    page(state.demo, "Outage reports", "all", body)
}

fn card(s: &ServiceSummary) -> Markup {
    html! {
        li {
            a href={ "/status/" (s.slug) } {
                strong { (s.name) }
                " " (badge(&s.status))
                span.count { (reports(s.reports_last_15m)) " in 15 min" }
            }
        }
    }
}
