//! The 24-hour chart of reports against the usual level, as inline SVG:
//! one bar per 15-minute bucket, the part within the usual range in grey
//! and the excess above it in red, the usual range as a band with the
//! baseline through it, the open incident's span shaded and the last,
//! still-filling bucket drawn as partial. Drawn on the server so it needs
//! no script and no library.
//!
//! The plot stretches to any width; its labels (scale and times) are HTML
//! around it, so they stay readable on a phone instead of shrinking with
//! the drawing. Its text alternative is a summary sentence and the data as
//! a table.

use super::layout::{around, clock_time, lang_reports, lang_zone_note};
use crate::i18n::Lang;
use crate::read::SeriesPoint;
use crate::read::views::WindowView;
use crate::t;
use chrono::{DateTime, Duration, Utc};
use maud::{Markup, html};

const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 200.0;
/// Minutes per bar.
const STEP_MINUTES: i64 = 15;
/// Time labels under the plot.
const TIME_LABELS: usize = 4;

/// What the chart marks beside the counts.
pub struct Marks {
    /// Reports of the last 24 hours as the page counts them (the bars
    /// span a little more: their first bucket starts before).
    pub last_24h: u64,
    pub now: DateTime<Utc>,
    /// The open incident's start, shaded from there to now.
    pub incident_since: Option<DateTime<Utc>>,
}

/// The usual range around an expectation of `b` reports: a count within
/// it is ordinary chance (about two standard deviations of a Poisson
/// count, at least two reports).
fn usual_range(b: f64) -> (f64, f64) {
    let spread = (2.0 * b.sqrt()).max(2.0);
    ((b - spread).max(0.0), b + spread)
}

/// The scale: a step of 1, 2 or 5 times a power of ten giving at most
/// five gridlines, and the top as the first step at or above `top`.
pub fn scale(top: f64) -> (u64, u64) {
    let top = top.max(1.0);
    let mut magnitude = 1u64;
    loop {
        for m in [1, 2, 5] {
            let step = m * magnitude;
            if top / step as f64 <= 5.0 {
                let max = (top / step as f64).ceil() as u64 * step;
                return (step, max.max(step));
            }
        }
        magnitude = magnitude.saturating_mul(10);
    }
}

/// One bar's numbers: the count, the usual range's top and whether the
/// bucket is still filling (the last one: its expectation is scaled to
/// the minutes it has had).
struct Bar {
    count: f64,
    usual_top: Option<f64>,
    usual_bottom: Option<f64>,
    baseline: Option<f64>,
    partial: bool,
}

fn bars(points: &[SeriesPoint], now: DateTime<Utc>) -> Vec<Bar> {
    points
        .iter()
        .map(|p| {
            let end = p.start + Duration::minutes(STEP_MINUTES);
            let partial = end > now;
            let elapsed = if partial {
                ((now - p.start).num_seconds() as f64 / (STEP_MINUTES * 60) as f64).clamp(0.0, 1.0)
            } else {
                1.0
            };
            let baseline = p.baseline.map(|b| b * elapsed);
            let range = baseline.map(usual_range);
            Bar {
                count: p.count as f64,
                usual_top: range.map(|r| r.1),
                usual_bottom: range.map(|r| r.0),
                baseline,
                partial,
            }
        })
        .collect()
}

/// The chart of `points`; `last_15m` is the service's last 15 minutes
/// (reports and what the baseline expected) for the summary, which says
/// the same numbers as the rest of the page.
pub fn report_chart(
    lang: Lang,
    service_name: &str,
    points: &[SeriesPoint],
    last_15m: &WindowView,
    marks: &Marks,
) -> Markup {
    let bars = bars(points, marks.now);
    let top = bars
        .iter()
        .map(|b| b.count.max(b.usual_top.unwrap_or(0.0)))
        .fold(1.0_f64, f64::max);
    let (step, scale_max) = scale(top);
    let n = points.len().max(1) as f64;
    let bar_w = WIDTH / n;
    let y = |v: f64| HEIGHT - v / scale_max as f64 * HEIGHT;
    let f = |v: f64| format!("{v:.1}");
    let band: Vec<String> = {
        let mut upper = Vec::new();
        let mut lower = Vec::new();
        for (i, b) in bars.iter().enumerate() {
            if let (Some(t), Some(l)) = (b.usual_top, b.usual_bottom) {
                let (x0, x1) = (i as f64 * bar_w, (i as f64 + 1.0) * bar_w);
                upper.push(format!("{},{} {},{}", f(x0), f(y(t)), f(x1), f(y(t))));
                lower.push(format!("{},{} {},{}", f(x1), f(y(l)), f(x0), f(y(l))));
            }
        }
        lower.reverse();
        upper.into_iter().chain(lower).collect()
    };
    let baseline: Vec<String> = bars
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            b.baseline
                .map(|v| format!("{},{}", f((i as f64 + 0.5) * bar_w), f(y(v))))
        })
        .collect();
    let x_of = |at: DateTime<Utc>| {
        let first = points.first().map_or(marks.now, |p| p.start);
        let minutes = (at - first).num_seconds() as f64 / 60.0;
        (minutes / STEP_MINUTES as f64 * bar_w).clamp(0.0, WIDTH)
    };
    let total = marks.last_24h;
    let peak = points
        .iter()
        .max_by_key(|p| p.count)
        .filter(|p| p.count > 0);
    let partial = points
        .last()
        .filter(|p| p.start + Duration::minutes(STEP_MINUTES) > marks.now);
    let gridlines: Vec<u64> = (1..=scale_max / step).map(|k| k * step).collect();
    let label_every = (points.len() / TIME_LABELS).max(1);
    html! {
        figure.chart {
            p.chart-summary #chart-summary {
                (summary(lang, last_15m)) (lang.gap())
                @match peak {
                    Some(p) => (around(
                        &t!(lang, "chart-day-peak", total = lang.number(total), peak = lang.number(p.count), time = "\u{1}"),
                        clock_time(p.start),
                    )),
                    None => (t!(lang, "chart-day", total = lang.number(total))),
                }
            }
            div.plot {
                div.y-axis aria-hidden="true" {
                    @for v in gridlines.iter().rev() { span { (v) } }
                    span { "0" }
                }
                svg #report-chart viewBox={ "0 0 " (WIDTH) " " (HEIGHT) }
                    role="img" aria-labelledby="chart-title" aria-describedby="chart-summary"
                    preserveAspectRatio="none" data-scale-max=(scale_max) {
                    title #chart-title { (t!(lang, "chart-title", name = service_name)) }
                    @if let Some(since) = marks.incident_since {
                        // Open: from its start to now, the chart's right end.
                        @let x0 = x_of(since).min(WIDTH - bar_w);
                        rect.incident-span #incident-span x=(f(x0)) y="0"
                            width=(f(WIDTH - x0)) height=(HEIGHT)
                            data-since=(since.to_rfc3339()) {}
                    }
                    @for v in &gridlines {
                        line.grid x1="0" x2=(WIDTH) y1=(f(y(*v as f64))) y2=(f(y(*v as f64))) vector-effect="non-scaling-stroke" {}
                    }
                    @if !band.is_empty() {
                        polygon.usual-band points=(band.join(" ")) {}
                    }
                    @for (i, (p, b)) in points.iter().zip(&bars).enumerate() {
                        @if p.count > 0 {
                            @let x = f(i as f64 * bar_w + 1.0);
                            @let w = f((bar_w - 2.0).max(1.0));
                            rect class=(if b.partial { "bar partial" } else { "bar" })
                                x=(x) y=(f(y(b.count))) width=(w) height=(f(HEIGHT - y(b.count)))
                                data-count=(p.count) {}
                            @if let Some(t) = b.usual_top.filter(|t| b.count > *t) {
                                rect class=(if b.partial { "excess partial" } else { "excess" })
                                    x=(x) y=(f(y(b.count))) width=(w) height=(f(y(t) - y(b.count)))
                                    data-excess=(format!("{:.0}", b.count - t)) {}
                            }
                        }
                    }
                    @if !baseline.is_empty() {
                        polyline.baseline points=(baseline.join(" ")) vector-effect="non-scaling-stroke" {}
                    }
                    line.axis x1="0" x2=(WIDTH) y1=(HEIGHT) y2=(HEIGHT) vector-effect="non-scaling-stroke" {}
                }
                // Times in UTC; the page script says them in the
                // visitor's zone from `data-datetime`.
                div.x-axis aria-hidden="true" {
                    @for p in points.iter().step_by(label_every).take(TIME_LABELS) {
                        span.tick data-datetime=(p.start.to_rfc3339()) { (p.start.format("%H:%M")) }
                    }
                }
            }
            figcaption {
                span.key.key-usual { (t!(lang, "chart-key-usual")) }
                " " span.key.key-excess { (t!(lang, "chart-key-excess")) }
                " " span.key.key-band { (t!(lang, "chart-key-band")) }
                @if marks.incident_since.is_some() {
                    " " span.key.key-incident { (t!(lang, "chart-key-incident")) }
                }
                @if let Some(p) = partial {
                    " " span.key.key-partial #chart-partial {
                        (around(&t!(lang, "chart-key-partial", time = "\u{1}"), clock_time(p.start)))
                    }
                }
                " " (lang_zone_note(lang))
            }
            details.chart-data {
                summary { (t!(lang, "chart-table-summary")) }
                table #chart-table {
                    caption { (t!(lang, "chart-table-caption", name = service_name)) }
                    thead {
                        tr {
                            th scope="col" { (t!(lang, "chart-table-from")) }
                            th scope="col" { (t!(lang, "timeline-reports")) }
                            th scope="col" { (t!(lang, "chart-table-usual")) }
                        }
                    }
                    tbody {
                        @for (p, b) in points.iter().zip(&bars) {
                            tr {
                                td { (clock_time(p.start)) @if b.partial { " " (t!(lang, "chart-so-far")) } }
                                td { (lang.number(p.count)) }
                                td { @match b.baseline { Some(v) => (format!("{v:.1}")), None => "–" } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// "312 reports in the last 15 minutes, 40 expected."
fn summary(lang: Lang, last_15m: &WindowView) -> String {
    let reports = lang_reports(lang, last_15m.reports);
    match last_15m.expected {
        Some(e) => t!(
            lang,
            "chart-summary-expected",
            reports = reports,
            expected = lang.number(e.round().max(0.0) as u64)
        ),
        None => t!(lang, "chart-summary", reports = reports),
    }
}

#[cfg(test)]
mod tests {
    use super::{Lang, WindowView, scale, summary, usual_range};

    #[test]
    fn the_scale_fits_the_data() {
        // The issue's case: 206 read as 500 flattened the baseline.
        assert_eq!(scale(206.0), (50, 250));
        assert_eq!(scale(1.0), (1, 1));
        assert_eq!(scale(3.0), (1, 3));
        assert_eq!(scale(12.0), (5, 15));
        assert_eq!(scale(51.0), (20, 60));
        assert_eq!(scale(1664.0), (500, 2000));
        for top in [1.0, 7.0, 49.0, 206.0, 999.0, 12345.0] {
            let (step, max) = scale(top);
            assert!(max as f64 >= top && (max as f64) < top * 2.0 + 1.0, "{top}");
            assert!(max / step <= 5, "{top}");
        }
    }

    #[test]
    fn an_outage_that_began_in_the_last_bucket_is_marked() {
        use super::{Marks, SeriesPoint, report_chart};
        use chrono::{Duration, TimeZone, Utc};
        let start = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
        let points: Vec<SeriesPoint> = (0..96)
            .map(|i| SeriesPoint {
                start: start + Duration::minutes(15 * i),
                count: if i == 95 { 40 } else { 3 },
                baseline: Some(3.0),
            })
            .collect();
        let now = start + Duration::minutes(15 * 95 + 14);
        let marks = Marks {
            last_24h: 325,
            now,
            incident_since: Some(now - Duration::minutes(1)),
        };
        let chart =
            report_chart(Lang::En, "S", &points, &WindowView::default(), &marks).into_string();
        assert!(chart.contains(r#"id="incident-span" x="950.0""#), "{chart}");
        assert!(chart.contains(r#"class="bar partial""#), "{chart}");
        assert!(chart.contains(r#"class="excess partial""#), "{chart}");
        assert!(chart.contains("325 in the last 24 hours"), "{chart}");
    }

    #[test]
    fn the_usual_range_is_chance_around_the_baseline() {
        assert_eq!(usual_range(100.0), (80.0, 120.0));
        assert_eq!(usual_range(0.5), (0.0, 2.5));
    }

    #[test]
    fn the_summary_says_reports_against_the_usual_level() {
        let w = WindowView {
            reports: 312,
            expected: Some(40.2),
            ..WindowView::default()
        };
        assert_eq!(
            summary(Lang::En, &w),
            "312 reports in the last 15 minutes, 40 expected."
        );
        assert_eq!(
            summary(Lang::En, &WindowView::default()),
            "0 reports in the last 15 minutes."
        );
    }
}
