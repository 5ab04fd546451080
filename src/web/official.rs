//! The official word on the status page: what the service's status page
//! says beside what the crowd says ("Spotify says: Major outage —
//! acknowledged 14:32, 12 min after reports surged"), its open official
//! incidents, and on each crowd incident when it was acknowledged.

use super::layout::{clock_time, date_time};
use crate::catalog::Service;
use crate::detect::{Incident, OfficialLevel, Status};
use crate::official::OfficialSummary;
use crate::read::views::ServiceView;
use chrono::{DateTime, Utc};
use maud::{Markup, html};

/// A time as "14:39 UTC" on `now`'s day, else "25 Nov 2022, 14:39 UTC".
fn when(at: DateTime<Utc>, now: DateTime<Utc>) -> Markup {
    if at.date_naive() == now.date_naive() {
        clock_time(at)
    } else {
        date_time(at)
    }
}

/// The page people read: the catalog's `official_page`, the page the
/// source names, else the source itself.
fn human_page(official: &OfficialSummary) -> &str {
    official.page_url.as_deref().unwrap_or(&official.source)
}

/// A status word made readable: "partial_outage" -> "Partial outage".
fn words(status: &str) -> String {
    let spaced = status.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "12 min after reports surged", "3 min before reports surged".
pub fn lag_words(minutes: i64) -> String {
    match minutes {
        0 => "as reports surged".to_string(),
        m if m > 0 => format!("{} after reports surged", duration(m)),
        m => format!("{} before reports surged", duration(-m)),
    }
}

/// "12 min", "2 h 5 min".
fn duration(minutes: i64) -> String {
    if minutes < 60 {
        format!("{minutes} min")
    } else if minutes % 60 == 0 {
        format!("{} h", minutes / 60)
    } else {
        format!("{} h {} min", minutes / 60, minutes % 60)
    }
}

fn level_class(level: OfficialLevel) -> &'static str {
    match level {
        OfficialLevel::Ok => "ok",
        OfficialLevel::Maintenance => "maintenance",
        OfficialLevel::Minor => "possible",
        OfficialLevel::Major => "outage",
    }
}

/// The official status beside the crowd's: the page's indicator in its
/// own words ("GitHub says: Minor Service Outage"), the components not
/// operational and the open official incidents that explain it, with a
/// link to the page people read; nothing when the catalog names no
/// status page.
pub fn official_panel(service: &Service, view: &ServiceView, shown: &[&Incident]) -> Markup {
    let Some(official) = &view.official else {
        return html! {};
    };
    let name = &service.name;
    let now = view.computed_at;
    let acknowledged = shown
        .iter()
        .find_map(|i| Some((i.official_acknowledged_at?, i.acknowledgement_lag_minutes?)));
    let crowd_outage = view.status.status == Status::Outage && !view.active.is_empty();
    let people = view.windows[2].reporters;
    let page = human_page(official);
    html! {
        section.official aria-label="Official status" #official {
            @match official.shown_level() {
                None => p.official-line.unavailable #official-line {
                    "Official status unavailable"
                    @if let Some(reason) = &official.unavailable_reason { " (" (reason) ")" }
                    ". "
                    a href=(page) rel="nofollow noopener" { (name) "'s status page" }
                },
                Some(OfficialLevel::Ok) if crowd_outage => p.official-line.silent #official-line {
                    (name) "'s status page still says "
                    (official.description.as_deref().unwrap_or("operational"))
                    " while "
                    (thousands(people)) (if people == 1 { " person" } else { " people" })
                    " reported problems in the last hour."
                },
                Some(level) => p.official-line.(level_class(level)) #official-line {
                    (name) " says: "
                    // The page's own words; ours only when it has none.
                    strong.official-words { (official.description.as_deref().unwrap_or(level.label())) }
                    @if let Some((at, lag)) = acknowledged.filter(|_| level.is_trouble()) {
                        " — acknowledged " (when(at, now)) ", " span.lag { (lag_words(lag)) }
                    } @else if let (Some(since), true) = (official.since, level != OfficialLevel::Ok) {
                        " — since " (when(since, now))
                    }
                },
            }
            @if official.available {
                (official_components(official))
                (official_incidents(official, now))
                p.official-source {
                    a href=(page) rel="nofollow noopener" { (name) "'s status page" }
                    @if let Some(checked) = official.checked_at {
                        " · checked " (when(checked, now))
                    }
                }
            }
        }
    }
}

fn official_components(official: &OfficialSummary) -> Markup {
    html! {
        @if !official.components.is_empty() {
            ul.official-components aria-label="Components not operational" {
                @for c in &official.components {
                    li.official-component.(level_class(c.level)) {
                        (c.name) ": "
                        (c.status.as_deref().map(words).unwrap_or_else(|| c.level.label().to_string()))
                    }
                }
            }
        }
    }
}

fn official_incidents(official: &OfficialSummary, now: DateTime<Utc>) -> Markup {
    html! {
        @if !official.incidents.is_empty() {
            ul.official-incidents aria-label="Open official incidents" {
                @for o in &official.incidents {
                    li.official-incident data-official=(o.id) {
                        @match &o.url {
                            Some(url) => a href=(url) rel="nofollow noopener" { (o.title) },
                            None => strong { (o.title) },
                        }
                        " · " (words(&o.status)) " · since " (when(o.created_at, now))
                        @if !o.components.is_empty() {
                            br;
                            span.official-affected { "Affected: " (o.components.join(", ")) }
                        }
                        @if let Some(u) = o.updates.first() {
                            br;
                            span.official-update style="white-space: pre-line" {
                                (words(&u.status)) " (" (when(u.at, now)) "): " (u.body)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The acknowledgement line of a crowd incident's panel.
pub fn incident_acknowledgement(service: &Service, i: &Incident) -> Markup {
    html! {
        @match (i.official_acknowledged_at, i.acknowledgement_lag_minutes) {
            (Some(at), Some(lag)) => p.acknowledged {
                "Acknowledged by " (service.name) " at " (clock_time(at)) ", " (lag_words(lag))
                @if let Some(o) = &i.official_incident { ": “" (o.title) "”" }
                "."
            },
            _ => p.unacknowledged { "Not acknowledged by " (service.name) " yet." },
        }
    }
}

/// 4100 -> "4,100".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lags_and_counts_read_well() {
        assert_eq!(lag_words(12), "12 min after reports surged");
        assert_eq!(lag_words(-3), "3 min before reports surged");
        assert_eq!(lag_words(0), "as reports surged");
        assert_eq!(lag_words(125), "2 h 5 min after reports surged");
        assert_eq!(thousands(4100), "4,100");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(7), "7");
        assert_eq!(words("partial_outage"), "Partial outage");
        assert_eq!(words("Informational message"), "Informational message");
        assert_eq!(words(""), "");
    }
}
