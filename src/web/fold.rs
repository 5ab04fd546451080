//! What a page says in the five seconds a person gives it: is it down,
//! where, since when, how many people, is it just me (reports against the
//! usual level, in words), what the company says and how to be told when
//! it is back. The status page's fold and the home page's cards say it
//! from the same read model ([`ServiceView`]), in the same words.

use super::layout::{badge, clock_time};
use crate::catalog::Service;
use crate::countries::region_name;
use crate::read::place::Place;
use crate::read::views::{ServiceView, WindowView};
use chrono::{DateTime, Utc};
use maud::{Markup, html};

/// Bars of a card's sparkline: the last 6 hours in 15 minutes.
const SPARK_BARS: usize = 24;

/// "in the United Kingdom", "mostly in Germany and Austria", "in Germany,
/// Austria and 3 more countries", "worldwide"; "" when unknown.
pub fn place_words(place: &Place) -> String {
    if place.worldwide {
        return "worldwide".to_string();
    }
    let names: Vec<String> = place.countries.iter().map(|c| the(c)).collect();
    let list = match (names.as_slice(), place.more) {
        ([], _) => return String::new(),
        ([one], 0) => one.clone(),
        ([a, b], 0) => format!("{a} and {b}"),
        (named, more) => format!(
            "{} and {more} more {}",
            named.join(", "),
            if more == 1 { "country" } else { "countries" }
        ),
    };
    if place.mostly {
        format!("mostly in {list}")
    } else {
        format!("in {list}")
    }
}

/// A country's name as said in a sentence ("the United Kingdom").
fn the(code: &str) -> String {
    let name = region_name(code);
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
pub fn duration_words(minutes: i64) -> String {
    let plural = |n: i64, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let minutes = minutes.max(0);
    match (minutes / 60, minutes % 60) {
        (0, m) => plural(m, "minute"),
        (h, 0) => plural(h, "hour"),
        (h, m) => format!("{} {}", plural(h, "hour"), plural(m, "minute")),
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
fn times_words(ratio: f64) -> String {
    match ratio {
        r if r < 1.75 => "above the usual level".to_string(),
        r if r < 2.5 => "twice the usual level".to_string(),
        r => format!("{:.0} times the usual level", r),
    }
}

/// "131 reports in the last 15 minutes where about 18 are usual: 7 times
/// the usual level."
pub fn level_sentence(w: &WindowView) -> String {
    let reports = super::layout::reports(w.reports);
    let usual = w
        .expected
        .map(|e| format!(" where about {e:.0} are usual"))
        .unwrap_or_default();
    match level(w.reports, w.expected) {
        Level::Unknown => format!("{reports} in the last 15 minutes (no usual level learned yet)."),
        Level::Usual if w.expected.is_some_and(|e| w.reports as f64 > 1.3 * e + 1.0) => {
            format!("{reports} in the last 15 minutes{usual}: a little above the usual level.")
        }
        Level::Usual => format!("{reports} in the last 15 minutes{usual}: about the usual level."),
        Level::Above(r) => format!(
            "{reports} in the last 15 minutes{usual}: {}.",
            times_words(r)
        ),
    }
}

/// Is it just me? The answer's first words.
fn just_me(view: &ServiceView) -> &'static str {
    match (
        view.status.status.as_str(),
        level(view.windows[1].reports, view.windows[1].expected),
    ) {
        ("outage", _) => "Not just you: ",
        ("possible", _) => "Maybe not just you: ",
        (_, Level::Above(_)) => "Probably not just you: ",
        (_, Level::Usual) => "Probably just you: ",
        _ => "",
    }
}

/// The status line: is it down, where, since when.
pub fn status_line(service: &Service, view: &ServiceView) -> Markup {
    let name = &service.name;
    let place = place_words(&view.place);
    let place = if place.is_empty() {
        String::new()
    } else {
        format!(" {place}")
    };
    let since = view.active.iter().map(|i| i.started_at).min();
    let status = view.status.status.as_str();
    html! {
        @if let (Some(since), false) = (since, status == "possible") {
            p.status-line.outage #status-line {
                "User reports indicate problems at " (name) (place) " since " (clock_time(since))
            }
        } @else if status == "outage" {
            p.status-line.outage #status-line { "User reports indicate problems at " (name) (place) }
        } @else if status == "possible" {
            p.status-line.possible #status-line {
                "User reports indicate possible problems at " (name) (place)
            }
        } @else {
            p.status-line.ok #status-line { "No current problems at " (name) }
        }
    }
}

/// The facts under the status line.
pub fn facts(service: &Service, view: &ServiceView, now: DateTime<Utc>) -> Markup {
    let name = &service.name;
    let status = view.status.status.as_str();
    let last_15m = &view.windows[1];
    html! {
        ul.fold #fold {
            @if let Some(o) = &view.outage {
                li #fold-since {
                    strong { "Since " (clock_time(o.since)) }
                    ", " (duration_words((now - o.since).num_minutes())) " so far."
                }
                li #fold-people {
                    strong { (people(o.window.reporters)) }
                    " reported problems since it started (" (super::layout::reports(o.window.reports)) ")."
                }
            } @else {
                li #fold-people {
                    strong { (people(view.windows[2].reporters)) }
                    " reported problems in the last hour."
                }
            }
            li #fold-level { strong { (just_me(view)) } (level_sentence(last_15m)) }
            @if status == "possible" {
                li #fold-possible {
                    "“Possible problems”: reports "
                    @let place = place_words(&view.place);
                    @if !place.is_empty() { (place) " " }
                    "are above the usual level by more than chance, not yet enough to call it an outage."
                }
            }
            @if view.official.is_none() {
                li #fold-official {
                    (name) " publishes no official status page that we follow, so only user reports are shown."
                }
            }
            @if status != "ok" || !view.active.is_empty() {
                li #fold-follow {
                    a href="#follow" { "Get told when " (name) " is back" }
                    " — by notification or email, no account needed."
                }
            }
        }
    }
}

/// "1 person", "340 people".
fn people(n: u64) -> String {
    if n == 1 {
        "1 person".to_string()
    } else {
        format!("{n} people")
    }
}

/// A home page card: the same answers in a few words, with a sparkline of
/// the last hours.
pub fn card(service: &Service, view: &ServiceView) -> Markup {
    let place = place_words(&view.place);
    let since = view.active.iter().map(|i| i.started_at).min();
    let last_15m = &view.windows[1];
    html! {
        li data-service=(service.slug) {
            a href={ "/status/" (service.slug) } {
                strong { (service.name) }
                " " (badge(&view.status.status))
                @if !place.is_empty() || since.is_some() {
                    span.where {
                        (place)
                        @if let Some(s) = since { " since " (clock_time(s)) }
                    }
                }
                span.count {
                    (super::layout::reports(last_15m.reports)) " in 15 min"
                    @if let Some(e) = last_15m.expected { ", about " (format!("{e:.0}")) " usual" }
                }
                (sparkline(service, view))
            }
        }
    }
}

/// The last hours of reports as a small inline SVG, bars above the
/// usual level in red.
fn sparkline(service: &Service, view: &ServiceView) -> Markup {
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
            aria-label={ (total) " reports about " (service.name) " in the last 6 hours" } {
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
        assert_eq!(place_words(&p(&["GB"], 0, false)), "in the United Kingdom");
        assert_eq!(
            place_words(&p(&["DE", "AT"], 0, true)),
            "mostly in Germany and Austria"
        );
        assert_eq!(
            place_words(&p(&["DE", "AT"], 1, false)),
            "in Germany, Austria and 1 more country"
        );
        assert_eq!(place_words(&Place::default()), "");
        let world = Place {
            worldwide: true,
            ..Place::default()
        };
        assert_eq!(place_words(&world), "worldwide");
    }

    #[test]
    fn durations_and_levels_are_in_words() {
        assert_eq!(duration_words(1), "1 minute");
        assert_eq!(duration_words(35), "35 minutes");
        assert_eq!(duration_words(60), "1 hour");
        assert_eq!(duration_words(125), "2 hours 5 minutes");
        assert_eq!(level(13, Some(7.0)), Level::Usual);
        assert_eq!(level(131, Some(18.0)), Level::Above(131.0 / 18.0));
        assert_eq!(level(3, None), Level::Unknown);
        let w = WindowView {
            reports: 131,
            expected: Some(18.2),
            ..WindowView::default()
        };
        assert_eq!(
            level_sentence(&w),
            "131 reports in the last 15 minutes where about 18 are usual: 7 times the usual level."
        );
    }
}
