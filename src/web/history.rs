//! `/status/{slug}/history`: a service's incidents, newest first.

use super::layout::{date_time, page_with_feed};
use super::official::lag_words;
use super::{PageError, ok};
use crate::countries::region_name;
use crate::detect::GLOBAL;
use crate::read;
use crate::startup::AppState;
use actix_web::{HttpResponse, web};
use maud::html;

/// Incidents listed at most.
const LIMIT: usize = 200;

pub async fn history(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let service = state.catalog.service(&slug).ok_or(PageError::NotFound)?;
    let incidents = read::incidents(state.store.as_ref(), &service.slug, LIMIT).await?;
    let name = &service.name;
    let ack = crate::official::acknowledgements(&incidents, state.clock.now());
    let body = html! {
        h1 { (name) " incident history" }
        p { a href={ "/status/" (service.slug) } { "Current status of " (name) } }
        @if let Some(grade) = &ack.grade {
            p.acknowledgement-grade #acknowledgement-grade {
                "How fast " (name) " admits outages (last " (ack.window_days) " days): grade "
                strong { (grade) } "; "
                @match ack.median_lag_minutes {
                    Some(m) => { "median lag " (format!("{m:.0}")) " min" }
                    None => "no acknowledgement",
                }
                ", " (ack.unacknowledged) " of " (ack.outages) " outages never acknowledged."
            }
        }
        div data-live="history" #history-box {
            @if incidents.is_empty() {
                p #no-incidents { "No incidents recorded for " (name) "." }
            } @else {
                table.history #incidents {
                    caption { "Detected outages, newest first" }
                    thead { tr {
                        th scope="col" { "Started" } th scope="col" { "Region" }
                        th scope="col" { "Resolved" } th scope="col" { "Reports" }
                        th scope="col" { "Peak a minute" }
                        th scope="col" { "Official status" }
                        th scope="col" { "Acknowledged" }
                    } }
                    tbody {
                        @for i in &incidents {
                            tr data-incident=(i.id) {
                                td { (date_time(i.started_at)) }
                                td { @if i.region == GLOBAL { "Everywhere" } @else { (region_name(&i.region)) } }
                                td { @match i.resolved_at { Some(t) => (date_time(t)), None => strong { "Ongoing" } } }
                                td { (i.total_reports) }
                                td { (format!("{:.1}", i.peak_reports_per_minute)) }
                                td.official-status {
                                    @match i.updates.last() {
                                        Some(u) => { (u.status.as_str()) ": " (u.message) }
                                        None => "—",
                                    }
                                }
                                td.acknowledgement {
                                    @match (i.official_acknowledged_at, i.acknowledgement_lag_minutes) {
                                        (Some(at), Some(lag)) => {
                                            (date_time(at)) " (" (lag_words(lag)) ")"
                                            @if let Some(o) = &i.official_incident { br; (o.title) }
                                        }
                                        _ => "Not acknowledged",
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    ok(page_with_feed(
        state.demo,
        &format!("{name} incident history"),
        &format!("service:{}", service.slug),
        Some(&format!("/status/{}/feed.atom", service.slug)),
        body,
    ))
}
