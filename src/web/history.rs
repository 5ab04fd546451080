//! `/status/{slug}/history`: a service's incidents, newest first, and how
//! fast the service admits its outages. A grade is given only over the
//! outages its official status source could have acknowledged: the
//! catalog names one and it was read after the outage began. Without a
//! source the page says so plainly instead of "Not acknowledged".

use super::layout::{Shell, around, lang_date_time, shell};
use super::official::lag_words;
use super::{PageError, ok};
use crate::countries::region_name_in;
use crate::detect::{GLOBAL, Incident};
use crate::read;
use crate::state::AppState;
use crate::t;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use maud::html;

/// Incidents listed at most.
const LIMIT: usize = 200;

pub async fn history(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let lang = super::lang_of(&req);
    let service = super::not_found::service(&state.catalog, &slug)?;
    let incidents = read::incidents(state.store.as_ref(), &service.slug, LIMIT).await?;
    let name = service.name.as_str();
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
    let path = format!("/status/{}", service.slug);
    let base = lang.href(&path);
    let columns = [
        "history-started",
        "history-region",
        "history-resolved",
        "timeline-reports",
        "history-peak",
        "history-official",
        "history-acknowledged",
    ]
    .map(|id| lang.t(id));
    let body = html! {
        h1 { (t!(lang, "history-heading", name = name)) }
        p { a href=(base) { (t!(lang, "history-current", name = name)) } }
        @match source {
            Source::None => p.acknowledgement-grade.no-source #acknowledgement-grade {
                (t!(lang, "history-no-source", name = name))
            },
            Source::Read(None) => p.acknowledgement-grade.no-source #acknowledgement-grade {
                (t!(lang, "history-source-unread", name = name))
            },
            Source::Read(Some(_)) if ack.grade.is_none() => p.acknowledgement-grade.no-source #acknowledgement-grade {
                (t!(lang, "history-nothing-to-grade", name = name, days = ack.window_days))
            },
            Source::Read(Some(_)) => {}
        }
        @if let Some(grade) = &ack.grade {
            @let lag = match ack.median_lag_minutes {
                Some(m) => t!(lang, "history-median-lag", duration = super::official::duration(lang, m.round() as i64)),
                None => t!(lang, "history-no-acknowledgement"),
            };
            p.acknowledgement-grade #acknowledgement-grade {
                (around(
                    &t!(lang, "history-grade", name = name, days = ack.window_days, grade = "\u{1}",
                        lag = lag, unacknowledged = ack.unacknowledged, outages = ack.outages),
                    html! { strong { (grade) } },
                ))
            }
        }
        div data-live="history" #history-box {
            @if incidents.is_empty() {
                p #no-incidents { (t!(lang, "history-none", name = name)) }
            } @else {
                table.history #incidents {
                    caption { (t!(lang, "history-caption")) }
                    thead { tr {
                        @for c in &columns { th scope="col" { (c) } }
                    } }
                    tbody {
                        @for i in &incidents {
                            tr data-incident=(i.id) {
                                td data-label=(columns[0]) { (lang_date_time(lang, i.started_at)) }
                                td data-label=(columns[1]) { @if i.region == GLOBAL { (t!(lang, "history-everywhere")) } @else { (region_name_in(lang, &i.region)) } }
                                td data-label=(columns[2]) { @match i.resolved_at { Some(t) => (lang_date_time(lang, t)), None => strong { (t!(lang, "history-ongoing")) } } }
                                td data-label=(columns[3]) { (lang.number(i.total_reports)) }
                                td data-label=(columns[4]) { (lang.number(i.peak_reports_per_minute.round().max(0.0) as u64)) }
                                td.official-status data-label=(columns[5]) {
                                    @match i.updates.last() {
                                        Some(u) => { (super::official::state_words(lang, u.status.as_str())) ": " (u.message) }
                                        None => "—",
                                    }
                                }
                                td.acknowledgement data-label=(columns[6]) {
                                    @match (i.official_acknowledged_at, i.acknowledgement_lag_minutes) {
                                        (Some(at), Some(lag)) => {
                                            (lang_date_time(lang, at)) " (" (lag_words(lang, lag)) ")"
                                            @if let Some(o) = &i.official_incident { br; (o.title) }
                                        }
                                        _ => (lang.t(source.unacknowledged(i))),
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    let title = t!(lang, "history-heading", name = name);
    let history_path = format!("{path}/history");
    ok(shell(
        &Shell {
            lang,
            origin: state.follow.public_url.as_deref().unwrap_or(""),
            path: Some(&history_path),
            demo: state.demo,
            title: &title,
            live: &format!("service:{}", service.slug),
            feed: Some(&super::feed::feed_href(lang, &service.slug)),
        },
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

    /// The message an unacknowledged row says.
    fn unacknowledged(&self, i: &Incident) -> &'static str {
        match self {
            Source::None => "history-no-official-source",
            _ if !self.could_acknowledge(i) => "history-source-unreachable",
            _ => "history-not-acknowledged",
        }
    }
}
