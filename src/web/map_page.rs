//! `/map`: where reports come from, across all services or one, over the
//! last 15 minutes, hour or day.

use super::layout::{Shell, lang_badge, lang_reports, shell};
use super::world::world_map;
use super::{HTML, PageError, cached_page};
use crate::catalog::Service;
use crate::countries::region_name_in;
use crate::detect::GLOBAL;
use crate::http_cache::Rendered;
use crate::i18n::Lang;
use crate::read::ServiceSummary;
use crate::read::views::MapView;
use crate::state::AppState;
use crate::t;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};
use serde::Deserialize;

/// Windows: query value, minutes, message of the choice's label, message
/// of the map's summary.
const WINDOWS: [(&str, i64, &str, &str); 3] = [
    ("15m", 15, "window-15m", "map-summary-15m"),
    ("1h", 60, "window-1h", "map-summary-1h"),
    ("24h", 24 * 60, "window-24h", "map-summary-24h"),
];

#[derive(Deserialize)]
pub struct MapQuery {
    #[serde(default)]
    service: String,
    #[serde(default)]
    window: String,
}

pub async fn map(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<MapQuery>,
) -> Result<HttpResponse, PageError> {
    let lang = super::lang_of(&req);
    let service = state.catalog.service(query.service.trim());
    let (window_key, minutes, _, window_phrase) = WINDOWS
        .iter()
        .copied()
        .find(|(k, _, _, _)| *k == query.window)
        .unwrap_or(WINDOWS[1]);
    let slug = service.map(|s| s.slug.as_str());
    let view = state.views.map(slug, minutes).await?;
    let version = state.views.version().await;
    let summaries = state.views.summaries(version).await?;
    let causes = state.views.causes(version).await?;
    let key = (lang, slug.map(str::to_string), minutes);
    // Generations number every computation in the process: the larger of
    // two changes when either does.
    let generation = summaries.generation.max(causes.generation);
    let page = state
        .pages
        .map
        .get_or_render(&key, (view.generation, generation), || {
            let outages = outages_now(&summaries.value, service);
            let page = render(
                &state,
                lang,
                service,
                window_key,
                window_phrase,
                &view.value,
                &outages,
                &causes.value,
            );
            Rendered::new(HTML, page.into_string())
        });
    Ok(cached_page(&req, &state, &page))
}

#[allow(clippy::too_many_arguments)]
fn render(
    state: &AppState,
    lang: Lang,
    service: Option<&Service>,
    window_key: &str,
    window_phrase: &str,
    view: &MapView,
    outages: &[(&ServiceSummary, &str)],
    causes: &[crate::cause::Cause],
) -> Markup {
    let countries = &view.countries;
    let scope = service.map_or_else(|| t!(lang, "map-all-services"), |s| s.name.clone());
    let body = html! {
        h1 { (t!(lang, "nav-map")) }
        form.map-filter method="get" action=(lang.href("/map")) {
            label for="service" { (t!(lang, "map-service")) }
            select #service name="service" {
                option value="" { (t!(lang, "all-services")) }
                @for s in state.catalog.services() {
                    option value=(s.slug) selected[service.is_some_and(|x| x.slug == s.slug)] { (s.name) }
                }
            }
            fieldset.windows {
                legend { (t!(lang, "map-window")) }
                @for (k, _, label, _) in WINDOWS {
                    label.choice {
                        input type="radio" name="window" value=(k) checked[k == window_key];
                        " " (lang.t(label))
                    }
                }
            }
            button type="submit" { (t!(lang, "map-show")) }
        }
        div data-live="map" #map-box {
            @if !outages.is_empty() {
                section aria-labelledby="outages-h" {
                    h2 #outages-h { (t!(lang, "map-outages-now")) }
                    ul.outages #map-outages {
                        @for (s, region) in outages {
                            li data-service=(s.slug) data-region=(region) {
                                a href=(lang.href(&format!("/status/{}", s.slug))) { (s.name) }
                                " " (lang_badge(lang, s.status)) " "
                                @if *region == GLOBAL { (t!(lang, "place-worldwide")) } @else { (t!(lang, "place-in", list = region_name_in(lang, region))) }
                            }
                        }
                    }
                }
            }
            (super::cause::failing_networks(lang, causes, &state.catalog))
            p #map-summary {
                (t!(lang, window_phrase, reports = lang_reports(lang, view.total), name = scope.as_str()))
            }
            (world_map(lang, &t!(lang, "map-label", name = scope.as_str()), countries, &view.country_expected, &view.cells))
            @if !countries.is_empty() {
                ol.regions #top-regions {
                    @for (code, n) in countries.iter() {
                        li data-cc=(code) {
                            (region_name_in(lang, code)) " " span.count { (lang.number(*n)) }
                            @if let Some(e) = view.country_expected.get(code) {
                                span.usual { " " (t!(lang, "usual-in-region", count = e.round())) }
                            }
                        }
                    }
                }
            }
        }
    };
    shell(
        &Shell {
            lang,
            origin: state.follow.public_url.as_deref().unwrap_or(""),
            path: Some("/map"),
            demo: state.demo,
            title: &t!(lang, "nav-map"),
            live: "all",
            feed: None,
        },
        body,
    )
}

/// The open incidents of every service (or `only` one) with their region,
/// read from the incident ids (`<service>.<region>.<minute>`).
fn outages_now<'a>(
    summaries: &'a [ServiceSummary],
    only: Option<&Service>,
) -> Vec<(&'a ServiceSummary, &'a str)> {
    summaries
        .iter()
        .filter(|s| only.is_none_or(|o| o.slug == s.slug))
        .flat_map(|s| {
            s.active_incidents.iter().filter_map(move |id| {
                let rest = id.strip_prefix(s.slug.as_str())?.strip_prefix('.')?;
                let (region, _) = rest.rsplit_once('.')?;
                Some((s, region))
            })
        })
        .collect()
}
