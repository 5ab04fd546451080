//! The official word on the status page: what the service's status page
//! says beside what the crowd says ("Spotify says: Major outage —
//! acknowledged 14:32, 12 min after reports surged"), its open official
//! incidents, and on each crowd incident when it was acknowledged.

use super::layout::{around, clock_time, fill, lang_date_time};
use crate::catalog::Service;
use crate::detect::{Incident, OfficialLevel, Status};
use crate::i18n::Lang;
use crate::official::OfficialSummary;
use crate::read::views::ServiceView;
use crate::t;
use chrono::{DateTime, Utc};
use maud::{Markup, html};

/// A time as "14:39 UTC" on `now`'s day, else "25 Nov 2022, 14:39 UTC".
fn when(lang: Lang, at: DateTime<Utc>, now: DateTime<Utc>) -> Markup {
    if at.date_naive() == now.date_naive() {
        clock_time(at)
    } else {
        lang_date_time(lang, at)
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

/// The status words of status pages that have a message of their own.
const STATE_WORDS: [&str; 14] = [
    "investigating",
    "identified",
    "monitoring",
    "resolved",
    "postmortem",
    "scheduled",
    "in_progress",
    "verifying",
    "completed",
    "operational",
    "degraded_performance",
    "partial_outage",
    "major_outage",
    "under_maintenance",
];

/// A status page's status word ("investigating", "partial_outage") in
/// `lang` when it is a common one, else made readable as it is.
pub fn state_words(lang: Lang, status: &str) -> String {
    let key = status.trim().to_ascii_lowercase().replace(' ', "_");
    if STATE_WORDS.contains(&key.as_str()) {
        lang.t(&format!("official-state-{key}"))
    } else {
        words(status)
    }
}

/// An official level in `lang`.
fn level_words(lang: Lang, level: OfficialLevel) -> String {
    lang.t(match level {
        OfficialLevel::Ok => "official-level-ok",
        OfficialLevel::Maintenance => "official-level-maintenance",
        OfficialLevel::Minor => "official-level-minor",
        OfficialLevel::Major => "official-level-major",
    })
}

/// "12 min after reports surged", "3 min before reports surged".
pub fn lag_words(lang: Lang, minutes: i64) -> String {
    match minutes {
        0 => t!(lang, "lag-as-surged"),
        m if m > 0 => t!(lang, "lag-after", duration = duration(lang, m)),
        m => t!(lang, "lag-before", duration = duration(lang, -m)),
    }
}

/// "12 min", "2 h 5 min".
pub fn duration(lang: Lang, minutes: i64) -> String {
    let minutes = minutes.max(0) as u64;
    if minutes < 60 {
        t!(lang, "dur-min", count = minutes)
    } else if minutes.is_multiple_of(60) {
        t!(lang, "dur-h", count = minutes / 60)
    } else {
        t!(
            lang,
            "dur-h-min",
            hours = minutes / 60,
            minutes = minutes % 60
        )
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
pub fn official_panel(
    lang: Lang,
    service: &Service,
    view: &ServiceView,
    shown: &[&Incident],
) -> Markup {
    let Some(official) = &view.official else {
        return html! {};
    };
    let name = service.name.as_str();
    let now = view.computed_at;
    let acknowledged = shown
        .iter()
        .find_map(|i| Some((i.official_acknowledged_at?, i.acknowledgement_lag_minutes?)));
    let crowd_outage = view.status.status == Status::Outage && !view.active.is_empty();
    let people = view.windows[2].reporters;
    let page = human_page(official);
    let page_link = html! {
        a href=(page) rel="nofollow noopener" { (t!(lang, "official-page", name = name)) }
    };
    html! {
        section.official aria-label=(t!(lang, "history-official")) #official {
            @match official.shown_level() {
                None => p.official-line.unavailable #official-line {
                    @match &official.unavailable_reason {
                        // Not read yet, in words; a failure's own (technical) words.
                        Some(reason) => {
                            @let reason = if reason == "not read yet" { t!(lang, "official-not-read-yet") } else { reason.clone() };
                            (t!(lang, "official-unavailable-because", reason = reason))
                        }
                        None => (t!(lang, "official-unavailable-line")),
                    }
                    (lang.gap()) (page_link)
                },
                Some(OfficialLevel::Ok) if crowd_outage => p.official-line.silent #official-line {
                    @let words = official.description.clone().unwrap_or_else(|| t!(lang, "official-operational"));
                    (t!(lang, "official-silent", name = name, words = words,
                        people = t!(lang, "people", count = people), count = people))
                },
                Some(level) => p.official-line.(level_class(level)) #official-line {
                    (t!(lang, "official-says", name = name)) " "
                    // The page's own words; ours only when it has none.
                    strong.official-words { (official.description.clone().unwrap_or_else(|| level_words(lang, level))) }
                    @if let Some((at, lag)) = acknowledged.filter(|_| level.is_trouble()) {
                        " " (fill(&t!(lang, "official-acknowledged", when = "\u{1}", lag = "\u{2}"),
                            &[when(lang, at, now), html! { span.lag { (lag_words(lang, lag)) } }]))
                    } @else if let (Some(since), true) = (official.since, level != OfficialLevel::Ok) {
                        " " (around(&t!(lang, "official-since", when = "\u{1}"), when(lang, since, now)))
                    }
                },
            }
            @if official.available {
                (official_components(lang, official))
                (official_incidents(lang, official, now))
                p.official-source {
                    (page_link)
                    @if let Some(checked) = official.checked_at {
                        " · " (around(&t!(lang, "official-checked", when = "\u{1}"), when(lang, checked, now)))
                    }
                }
            }
        }
    }
}

fn official_components(lang: Lang, official: &OfficialSummary) -> Markup {
    html! {
        @if !official.components.is_empty() {
            ul.official-components aria-label=(t!(lang, "official-components")) {
                @for c in &official.components {
                    li.official-component.(level_class(c.level)) {
                        (c.name) ": "
                        (c.status.as_deref().map_or_else(|| level_words(lang, c.level), |s| state_words(lang, s)))
                    }
                }
            }
        }
    }
}

fn official_incidents(lang: Lang, official: &OfficialSummary, now: DateTime<Utc>) -> Markup {
    html! {
        @if !official.incidents.is_empty() {
            ul.official-incidents aria-label=(t!(lang, "official-incidents")) {
                @for o in &official.incidents {
                    li.official-incident data-official=(o.id) {
                        @match &o.url {
                            Some(url) => a href=(url) rel="nofollow noopener" { (o.title) },
                            None => strong { (o.title) },
                        }
                        " · " (state_words(lang, &o.status)) " · "
                        (around(&t!(lang, "span-since", time = "\u{1}"), when(lang, o.created_at, now)))
                        @if !o.components.is_empty() {
                            br;
                            span.official-affected { (t!(lang, "official-affected", list = o.components.join(", "))) }
                        }
                        @if let Some(u) = o.updates.first() {
                            br;
                            span.official-update style="white-space: pre-line" {
                                (state_words(lang, &u.status)) " (" (when(lang, u.at, now)) "): " (u.body)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The acknowledgement line of a crowd incident's panel.
pub fn incident_acknowledgement(lang: Lang, service: &Service, i: &Incident) -> Markup {
    let name = service.name.as_str();
    html! {
        @match (i.official_acknowledged_at, i.acknowledgement_lag_minutes) {
            (Some(at), Some(lag)) => p.acknowledged {
                @let lag = lag_words(lang, lag);
                @let message = match &i.official_incident {
                    Some(o) => t!(lang, "official-ack-title", name = name, time = "\u{1}", lag = lag, title = o.title.as_str()),
                    None => t!(lang, "official-ack", name = name, time = "\u{1}", lag = lag),
                };
                (around(&message, clock_time(at)))
            },
            _ => p.unacknowledged { (t!(lang, "official-not-ack", name = name)) },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lags_and_status_words_read_well() {
        let en = Lang::En;
        assert_eq!(lag_words(en, 12), "12 min after reports surged");
        assert_eq!(lag_words(en, -3), "3 min before reports surged");
        assert_eq!(lag_words(en, 0), "as reports surged");
        assert_eq!(lag_words(en, 125), "2 h 5 min after reports surged");
        assert_eq!(lag_words(en, 120), "2 h after reports surged");
        assert_eq!(state_words(en, "partial_outage"), "Partial outage");
        assert_eq!(state_words(Lang::De, "investigating"), "Wird untersucht");
        assert_eq!(state_words(Lang::De, "Something new"), "Something new");
        assert_eq!(words("partial_outage"), "Partial outage");
        assert_eq!(words("Informational message"), "Informational message");
        assert_eq!(words(""), "");
    }
}
