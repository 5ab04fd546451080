//! `/`: search the catalog, filter by category, see what is down right now
//! and what people report most. Each card says where, since when and how
//! far above the usual level, with a sparkline of the last hours, from the
//! same service view as the status page (so both say the same numbers).

use super::layout::{Shell, lang_badge, lang_reports, shell};
use super::{HTML, PageError, cached_page, secure};
use crate::detect::Status;
use crate::http_cache::Rendered;
use crate::i18n::Lang;
use crate::read::ServiceSummary;
use crate::read::views::ServiceView;
use crate::state::AppState;
use crate::t;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;

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
    let lang = super::lang_of(&req);
    let version = state.views.version().await;
    let summaries = state.views.summaries(version).await?;
    let causes = state.views.causes(version).await?;
    let (problems, most) = card_lists(&summaries.value);
    // The cards' services, each read through its shared status view.
    let mut views: HashMap<String, Arc<ServiceView>> = HashMap::new();
    for s in problems.iter().chain(&most) {
        if views.contains_key(&s.slug) {
            continue;
        }
        let view = state.views.service(&s.slug, version).await?;
        views.insert(s.slug.clone(), view.value);
    }
    let cards = Cards {
        problems: &problems,
        most: &most,
        views: &views,
    };
    // The plain home page is the same for everyone: rendered once per
    // summaries and causes view. The cards' own views are not in the key:
    // each refreshes on its own beat, so with them the page was rendered
    // (and compressed) several times a second, by every request that came
    // meanwhile. A card is at most one view time older than its status page,
    // and a new incident changes the store's version, which renews the
    // summaries at once.
    let draw = || {
        render(
            &state,
            lang,
            &summaries.value,
            &causes.value,
            &cards,
            &query,
        )
    };
    if query.q.is_empty() && query.category.is_empty() {
        let page = state.pages.home.get_or_render(
            &lang,
            (summaries.generation, causes.generation),
            || Rendered::new(HTML, draw().into_string()),
        );
        return Ok(cached_page(&req, &state, &page));
    }
    let page = draw();
    Ok(
        Rendered::new(HTML, page.into_string()).respond(&req, &state.cache_control, |r| {
            secure(r);
        }),
    )
}

/// The services with cards: those with a problem, worst first, and the
/// most reported in the last 15 minutes.
fn card_lists(summaries: &[ServiceSummary]) -> (Vec<&ServiceSummary>, Vec<&ServiceSummary>) {
    let mut problems: Vec<&ServiceSummary> = summaries
        .iter()
        .filter(|s| s.status != Status::Ok || !s.active_incidents.is_empty())
        .collect();
    problems.sort_by(|a, b| {
        b.status
            .cmp(&a.status)
            .then(b.reports_last_15m.cmp(&a.reports_last_15m))
    });
    let mut most: Vec<&ServiceSummary> = summaries
        .iter()
        .filter(|s| s.reports_last_15m > 0)
        .collect();
    most.sort_by_key(|s| std::cmp::Reverse(s.reports_last_15m));
    most.truncate(MOST_REPORTED);
    (problems, most)
}

/// The cards to show and the views they are drawn from.
struct Cards<'a> {
    problems: &'a [&'a ServiceSummary],
    most: &'a [&'a ServiceSummary],
    views: &'a HashMap<String, Arc<ServiceView>>,
}

fn render(
    state: &AppState,
    lang: Lang,
    summaries: &[ServiceSummary],
    causes: &[crate::cause::Cause],
    cards: &Cards,
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
    let (problems, most) = (cards.problems, cards.most);
    let card = |s: &ServiceSummary| match (catalog.service(&s.slug), cards.views.get(&s.slug)) {
        (Some(service), Some(view)) => super::fold::card(lang, service, view),
        _ => card(lang, s),
    };
    let body = html! {
        h1 { (t!(lang, "home-heading")) }
        form.search role="search" method="get" action=(lang.href("/")) {
            label for="q" { (t!(lang, "search-label")) }
            input #q type="search" name="q" value=(query.q) placeholder=(t!(lang, "search-placeholder")) autocomplete="off";
            label for="category" { (t!(lang, "category-label")) }
            select #category name="category" {
                option value="" { (t!(lang, "all-categories")) }
                @for c in catalog.categories() {
                    option value=(c.slug) selected[c.slug == category] { (catalog.category_name_in(lang, c)) }
                }
            }
            button type="submit" { (t!(lang, "search-button")) }
        }
        div data-live="home-now" #home-now {
            (super::cause::big_picture(lang, causes))
            section aria-labelledby="problems-h" {
                h2 #problems-h { (t!(lang, "problems-now")) }
                @if problems.is_empty() {
                    p.muted #no-problems { (t!(lang, "no-problems-now")) }
                } @else {
                    ul.cards #problems { @for s in problems { (card(s)) } }
                }
            }
            section aria-labelledby="most-h" {
                h2 #most-h { (t!(lang, "most-reported")) }
                @if most.is_empty() {
                    p.muted { (t!(lang, "no-reports-15m")) }
                } @else {
                    ul.cards #most-reported { @for s in most { (card(s)) } }
                }
            }
        }
        section aria-labelledby="all-h" {
            h2 #all-h { (t!(lang, "all-services")) }
            @if matching.is_empty() {
                p #no-match { (t!(lang, "no-match")) }
            }
            ul.services #services {
                @for s in &matching {
                    li data-name=(s.name.to_lowercase()) data-category=(s.category) {
                        a href=(lang.href(&format!("/status/{}", s.slug))) { (s.name) }
                        " " (lang_badge(lang, s.status))
                        span.count { (lang_reports(lang, s.reports_last_15m)) }
                    }
                }
            }
        }
    };
    shell(
        &Shell {
            lang,
            origin: state.follow.public_url.as_deref().unwrap_or(""),
            path: Some("/"),
            demo: state.demo,
            title: &t!(lang, "home-title"),
            live: "all",
            feed: None,
        },
        body,
    )
}

/// A card from the summary alone (a service whose view is missing).
fn card(lang: Lang, s: &ServiceSummary) -> Markup {
    html! {
        li {
            a href=(lang.href(&format!("/status/{}", s.slug))) {
                strong { (s.name) }
                " " (lang_badge(lang, s.status))
                span.count { (lang_reports(lang, s.reports_last_15m)) " " (t!(lang, "in-15-min")) }
            }
        }
    }
}
