//! What a page says in the five seconds a person gives it: is it down,
//! where, since when, how many people, is it just me (reports against the
//! usual level, in words), what the company says and how to be told when
//! it is back. The status page's fold and the home page's cards say it
//! from the same read model ([`ServiceView`]), in the same words.

use super::layout::{around, clock_time, lang_badge, lang_reports};
use crate::catalog::Service;
use crate::countries::region_name_in;
use crate::detect::Status;
use crate::i18n::Lang;
use crate::read::place::Place;
use crate::read::views::{ServiceView, WindowView};
use crate::t;
use chrono::{DateTime, Utc};
use maud::{Markup, html};

/// Bars of a card's sparkline: the last 6 hours in 15 minutes.
const SPARK_BARS: usize = 24;

/// "in the United Kingdom", "mostly in Germany and Austria", "in Germany,
/// Austria and 3 more countries", "worldwide"; "" when unknown.
pub fn place_words(lang: Lang, place: &Place) -> String {
    if place.worldwide {
        return t!(lang, "place-worldwide");
    }
    // English says "the United Kingdom"; country names are English in
    // every language for now (README: Languages).
    let names: Vec<String> = place
        .countries
        .iter()
        .map(|c| {
            if lang == Lang::En {
                the(c)
            } else {
                region_name_in(lang, c)
            }
        })
        .collect();
    let list = match (names.as_slice(), place.more) {
        ([], _) => return String::new(),
        ([one], 0) => one.clone(),
        ([a, b], 0) => t!(lang, "place-two", first = a.as_str(), second = b.as_str()),
        (named, more) => t!(
            lang,
            "place-more",
            list = named.join(", "),
            count = more as u64
        ),
    };
    if place.mostly {
        t!(lang, "place-mostly-in", list = list)
    } else {
        t!(lang, "place-in", list = list)
    }
}

/// " in Germany" (a place joined to the word before it), or "".
fn spaced(place: String) -> String {
    if place.is_empty() {
        place
    } else {
        format!(" {place}")
    }
}

/// A country's name as said in a sentence ("the United Kingdom").
fn the(code: &str) -> String {
    let name = region_name_in(Lang::En, code);
    let needs_the = ["United ", "Netherlands", "Philippines", "Czech Republic"]
        .iter()
        .any(|p| name.starts_with(p))
        || name.ends_with(" Islands")
        || name.ends_with(" Republic");
    if needs_the {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

/// "1 minute", "35 minutes", "2 hours 5 minutes".
pub fn duration_words(lang: Lang, minutes: i64) -> String {
    let minutes = minutes.max(0) as u64;
    let (h, m) = (minutes / 60, minutes % 60);
    let hours = t!(lang, "hours", count = h);
    let minutes = t!(lang, "minutes", count = m);
    match (h, m) {
        (0, _) => minutes,
        (_, 0) => hours,
        _ => t!(lang, "hours-minutes", hours = hours, minutes = minutes),
    }
}

/// How a window's reports compare with their usual level, in words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Level {
    /// No usual level learned yet.
    Unknown,
    /// Within chance of the usual level.
    Usual,
    /// Above it by more than chance: this many times it.
    Above(f64),
}

/// The level of `reports` against `expected` (more than chance: beyond
/// about three standard deviations of a Poisson count).
pub fn level(reports: u64, expected: Option<f64>) -> Level {
    let Some(e) = expected else {
        return Level::Unknown;
    };
    let (n, e) = (reports as f64, e.max(0.5));
    if n <= e + 3.0 * e.sqrt() + 1.0 {
        Level::Usual
    } else {
        Level::Above(n / e)
    }
}

/// "7 times the usual level", "twice the usual level".
fn times_words(lang: Lang, ratio: f64) -> String {
    match ratio {
        r if r < 1.75 => t!(lang, "times-above"),
        r if r < 2.5 => t!(lang, "times-twice"),
        r => t!(lang, "times-n", count = r.round()),
    }
}

/// "131 reports in the last 15 minutes where about 18 are usual: 7 times
/// the usual level."
pub fn level_sentence(lang: Lang, w: &WindowView) -> String {
    let reports = lang_reports(lang, w.reports);
    let Some(e) = w.expected else {
        return t!(lang, "level-unknown", reports = reports);
    };
    let usual = e.round();
    let how = match level(w.reports, w.expected) {
        Level::Usual if w.reports as f64 > 1.3 * e + 1.0 => t!(lang, "level-little-above"),
        Level::Above(r) => times_words(lang, r),
        _ => t!(lang, "level-usual"),
    };
    t!(
        lang,
        "level-sentence",
        reports = reports,
        usual = usual,
        level = how
    )
}

/// Is it just me? The answer's first words.
fn just_me(lang: Lang, view: &ServiceView) -> String {
    let id = match (
        view.status.status,
        level(view.windows[1].reports, view.windows[1].expected),
    ) {
        (Status::Outage, _) => "not-just-you",
        (Status::Possible, _) => "maybe-not-just-you",
        (_, Level::Above(_)) => "probably-not-just-you",
        (_, Level::Usual) => "probably-just-you",
        _ => return String::new(),
    };
    format!("{}{}", lang.t(id), lang.gap())
}

/// The status line: is it down, where, since when.
pub fn status_line(lang: Lang, service: &Service, view: &ServiceView) -> Markup {
    let name = service.name.as_str();
    let place = spaced(place_words(lang, &view.place));
    let since = view.active.iter().map(|i| i.started_at).min();
    let status = view.status.status;
    html! {
        @if let (Some(since), false) = (since, status == Status::Possible) {
            p.status-line.outage #status-line {
                (around(&t!(lang, "line-problems-since", name = name, place = place.as_str(), time = "\u{1}"), clock_time(since)))
            }
        } @else if status == Status::Outage {
            p.status-line.outage #status-line { (t!(lang, "line-problems", name = name, place = place.as_str())) }
        } @else if status == Status::Possible {
            p.status-line.possible #status-line {
                (t!(lang, "line-possible", name = name, place = place.as_str()))
            }
        } @else {
            p.status-line.ok #status-line { (t!(lang, "line-ok", name = name)) }
        }
    }
}

/// The facts under the status line.
pub fn facts(lang: Lang, service: &Service, view: &ServiceView, now: DateTime<Utc>) -> Markup {
    let name = service.name.as_str();
    let status = view.status.status;
    let last_15m = &view.windows[1];
    html! {
        ul.fold #fold {
            @if let Some(o) = &view.outage {
                li #fold-since {
                    strong { (around(&t!(lang, "fold-since", time = "\u{1}"), clock_time(o.since))) }
                    (t!(lang, "fold-so-far", duration = duration_words(lang, (now - o.since).num_minutes())))
                }
                li #fold-people {
                    strong { (t!(lang, "people", count = o.window.reporters)) }
                    (lang.gap()) (t!(lang, "fold-people-since", count = o.window.reporters, reports = lang_reports(lang, o.window.reports)))
                }
            } @else {
                li #fold-people {
                    strong { (t!(lang, "people", count = view.windows[2].reporters)) }
                    (lang.gap()) (t!(lang, "fold-people-hour", count = view.windows[2].reporters))
                }
            }
            li #fold-level { strong { (just_me(lang, view)) } (level_sentence(lang, last_15m)) }
            @if status == Status::Possible {
                li #fold-possible {
                    (t!(lang, "fold-possible", place = spaced(place_words(lang, &view.place))))
                }
            }
            @if view.official.is_none() {
                li #fold-official {
                    (t!(lang, "fold-no-official", name = name))
                }
            }
            @if status != Status::Ok || !view.active.is_empty() {
                li #fold-follow {
                    a href="#follow" { (t!(lang, "fold-follow-link", name = name)) }
                    " " (t!(lang, "fold-follow-rest"))
                }
            }
        }
    }
}

/// A home page card: the same answers in a few words, with a sparkline of
/// the last hours.
pub fn card(lang: Lang, service: &Service, view: &ServiceView) -> Markup {
    let place = place_words(lang, &view.place);
    let since = view.active.iter().map(|i| i.started_at).min();
    let last_15m = &view.windows[1];
    html! {
        li data-service=(service.slug) {
            a href=(lang.href(&format!("/status/{}", service.slug))) {
                strong { (service.name) }
                " " (lang_badge(lang, view.status.status))
                @if !place.is_empty() || since.is_some() {
                    span.where {
                        (place)
                        @if let Some(s) = since { " " (around(&t!(lang, "span-since", time = "\u{1}"), clock_time(s))) }
                    }
                }
                span.count {
                    (lang_reports(lang, last_15m.reports)) " " (t!(lang, "in-15-min"))
                    @if let Some(e) = last_15m.expected { (t!(lang, "about-usual", count = e.round())) }
                }
                (sparkline(lang, service, view))
            }
        }
    }
}

/// The last hours of reports as a small inline SVG, bars above the
/// usual level in red.
fn sparkline(lang: Lang, service: &Service, view: &ServiceView) -> Markup {
    let first = view.series.len().saturating_sub(SPARK_BARS);
    let points = &view.series[first..];
    let top = points
        .iter()
        .map(|p| (p.count as f64).max(p.baseline.unwrap_or(0.0)))
        .fold(1.0_f64, f64::max);
    let w = 100.0 / SPARK_BARS as f64;
    let total: u64 = points.iter().map(|p| p.count).sum();
    html! {
        svg.spark viewBox="0 0 100 24" preserveAspectRatio="none" role="img"
            aria-label=(t!(lang, "spark-label", count = total, name = service.name.as_str())) {
            @for (i, p) in points.iter().enumerate() {
                @if p.count > 0 {
                    @let h = p.count as f64 / top * 22.0;
                    @let above = matches!(level(p.count, p.baseline), Level::Above(_));
                    rect class=(if above { "spark-bar above" } else { "spark-bar" })
                        x=(format!("{:.1}", i as f64 * w + 0.3)) y=(format!("{:.1}", 24.0 - h))
                        width=(format!("{:.1}", w - 0.6)) height=(format!("{h:.1}")) {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_as_people_say_them() {
        let p = |c: &[&str], more, mostly| Place {
            countries: c.iter().map(|s| s.to_string()).collect(),
            more,
            mostly,
            worldwide: false,
        };
        assert_eq!(
            place_words(Lang::En, &p(&["GB"], 0, false)),
            "in the United Kingdom"
        );
        assert_eq!(
            place_words(Lang::En, &p(&["DE", "AT"], 0, true)),
            "mostly in Germany and Austria"
        );
        assert_eq!(
            place_words(Lang::En, &p(&["DE", "AT"], 1, false)),
            "in Germany, Austria and 1 more country"
        );
        assert_eq!(place_words(Lang::En, &Place::default()), "");
        let world = Place {
            worldwide: true,
            ..Place::default()
        };
        assert_eq!(place_words(Lang::En, &world), "worldwide");
    }

    #[test]
    fn durations_and_levels_are_in_words() {
        assert_eq!(duration_words(Lang::En, 1), "1 minute");
        assert_eq!(duration_words(Lang::En, 35), "35 minutes");
        assert_eq!(duration_words(Lang::En, 60), "1 hour");
        assert_eq!(duration_words(Lang::En, 125), "2 hours 5 minutes");
        assert_eq!(level(13, Some(7.0)), Level::Usual);
        assert_eq!(level(131, Some(18.0)), Level::Above(131.0 / 18.0));
        assert_eq!(level(3, None), Level::Unknown);
        let w = WindowView {
            reports: 131,
            expected: Some(18.2),
            ..WindowView::default()
        };
        assert_eq!(
            level_sentence(Lang::En, &w),
            "131 reports in the last 15 minutes where about 18 are usual: 7 times the usual level."
        );
    }
}
