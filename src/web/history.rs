//! `/status/{slug}/history`: a service's incidents, newest first, and how
//! fast the service admits its outages. A grade is given only over the
//! outages its official status source could have acknowledged: the
//! catalog names one and it was read after the outage began. Without a
//! source the page says so plainly instead of "Not acknowledged".

use super::layout::{date_time, page_with_feed};
use super::official::lag_words;
use super::{PageError, ok};
use crate::countries::region_name;
use crate::detect::{GLOBAL, Incident};
use crate::read;
use crate::state::AppState;
use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use maud::html;

/// Incidents listed at most.
const LIMIT: usize = 200;

pub async fn history(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let service = super::not_found::service(&state.catalog, &slug)?;
    let incidents = read::incidents(state.store.as_ref(), &service.slug, LIMIT).await?;
    let name = &service.name;
    let source = match service.official_status {
        Some(_) => Source::Read(
            crate::official::load(state.store.as_ref(), &service.slug)
                .await?
                .and_then(|d| d.page.checked_at),
        ),
        None => Source::None,
    };
    let gradable: Vec<Incident> = incidents
        .iter()
        .filter(|i| source.could_acknowledge(i))
        .cloned()
        .collect();
    let ack = crate::official::acknowledgements(&gradable, state.clock.now());
    let body = html! {
        h1 { (name) " incident history" }
        p { a href={ "/status/" (service.slug) } { "Current status of " (name) } }
        @match source {
            Source::None => p.acknowledgement-grade.no-source #acknowledgement-grade {
                (name) " has no official status source that we follow, so there is no grade for how fast it admits outages."
            },
            Source::Read(None) => p.acknowledgement-grade.no-source #acknowledgement-grade {
                (name) "'s official status source could not be read yet, so there is no grade for how fast it admits outages."
            },
            Source::Read(Some(_)) if ack.grade.is_none() => p.acknowledgement-grade.no-source #acknowledgement-grade {
                "No outage of " (name) " to grade yet (last " (ack.window_days) " days)."
            },
            Source::Read(Some(_)) => {}
        }
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
                                td data-label="Started" { (date_time(i.started_at)) }
                                td data-label="Region" { @if i.region == GLOBAL { "Everywhere" } @else { (region_name(&i.region)) } }
                                td data-label="Resolved" { @match i.resolved_at { Some(t) => (date_time(t)), None => strong { "Ongoing" } } }
                                td data-label="Reports" { (i.total_reports) }
                                td data-label="Peak a minute" { (format!("{:.0}", i.peak_reports_per_minute)) }
                                td.official-status data-label="Official status" {
                                    @match i.updates.last() {
                                        Some(u) => { (u.status.as_str()) ": " (u.message) }
                                        None => "—",
                                    }
                                }
                                td.acknowledgement data-label="Acknowledged" {
                                    @match (i.official_acknowledged_at, i.acknowledgement_lag_minutes) {
                                        (Some(at), Some(lag)) => {
                                            (date_time(at)) " (" (lag_words(lag)) ")"
                                            @if let Some(o) = &i.official_incident { br; (o.title) }
                                        }
                                        _ => (source.unacknowledged(i)),
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

/// The service's official status source, as far as acknowledgements go.
enum Source {
    /// The catalog names none.
    None,
    /// One is named; when it was last read successfully (None: never).
    Read(Option<DateTime<Utc>>),
}

impl Source {
    /// Whether the source could have acknowledged `i`: it exists and was
    /// read after the outage began.
    fn could_acknowledge(&self, i: &Incident) -> bool {
        i.official_acknowledged_at.is_some()
            || matches!(self, Source::Read(Some(read)) if *read >= i.started_at)
    }

    /// What an unacknowledged row says.
    fn unacknowledged(&self, i: &Incident) -> &'static str {
        match self {
            Source::None => "No official source",
            _ if !self.could_acknowledge(i) => "Official source not reachable",
            _ => "Not acknowledged",
        }
    }
}
