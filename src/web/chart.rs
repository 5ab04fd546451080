//! The 24-hour chart of reports against the baseline, as inline SVG: one
//! bar per 15-minute bucket, the baseline as a line. Drawn on the server so
//! it needs no script and no library. Its text alternative is a summary
//! sentence (the last 15 minutes against the usual level) and the data as
//! a table, for screen readers and anyone who prefers numbers.

use super::layout::{clock_time, zone_note};
use crate::read::SeriesPoint;
use crate::read::views::WindowView;
use maud::{Markup, html};

const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 220.0;
/// Room below the plot for the time labels.
const AXIS: f64 = 22.0;

/// The chart of `points`; `last_15m` is the service's last 15 minutes
/// (reports and what the baseline expected) for the summary.
pub fn report_chart(service_name: &str, points: &[SeriesPoint], last_15m: &WindowView) -> Markup {
    let top = points
        .iter()
        .map(|p| (p.count as f64).max(p.baseline.unwrap_or(0.0)))
        .fold(1.0_f64, f64::max);
    // A round number above the highest value, so the scale reads well.
    let scale_max = nice_ceiling(top);
    let n = points.len().max(1) as f64;
    let bar = WIDTH / n;
    let y = |v: f64| HEIGHT - v / scale_max * (HEIGHT - 10.0);
    let baseline: Vec<String> = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            p.baseline
                .map(|b| format!("{:.1},{:.1}", (i as f64 + 0.5) * bar, y(b)))
        })
        .collect();
    let total: u64 = points.iter().map(|p| p.count).sum();
    let peak = points
        .iter()
        .max_by_key(|p| p.count)
        .filter(|p| p.count > 0);
    html! {
        figure.chart {
            p.chart-summary #chart-summary {
                (summary(last_15m)) " " (total) " in the last 24 hours"
                @if let Some(p) = peak {
                    "; the most (" (p.count) ") in the 15 minutes from " (clock_time(p.start))
                }
                "."
            }
            svg #report-chart viewBox={ "0 0 " (WIDTH) " " (HEIGHT + AXIS) }
                role="img" aria-labelledby="chart-title" aria-describedby="chart-summary"
                preserveAspectRatio="none" {
                title #chart-title { "Reports about " (service_name) " in the last 24 hours, per 15 minutes, against the usual level" }
                line.grid x1="0" x2=(WIDTH) y1=(y(scale_max)) y2=(y(scale_max)) {}
                line.grid x1="0" x2=(WIDTH) y1=(y(scale_max / 2.0)) y2=(y(scale_max / 2.0)) {}
                line.axis x1="0" x2=(WIDTH) y1=(HEIGHT) y2=(HEIGHT) {}
                @for (i, p) in points.iter().enumerate() {
                    @if p.count > 0 {
                        rect.bar x=(format!("{:.1}", i as f64 * bar + 1.0))
                            y=(format!("{:.1}", y(p.count as f64)))
                            width=(format!("{:.1}", (bar - 2.0).max(1.0)))
                            height=(format!("{:.1}", HEIGHT - y(p.count as f64)))
                            data-count=(p.count) {}
                    }
                }
                @if !baseline.is_empty() {
                    polyline.baseline points=(baseline.join(" ")) {}
                }
                // Axis labels in UTC; the page script rewrites them into
                // the visitor's zone from `data-datetime`.
                @for (i, p) in points.iter().enumerate().filter(|(i, _)| i % 16 == 0) {
                    text.tick x=(format!("{:.1}", i as f64 * bar + 2.0)) y=(HEIGHT + 16.0)
                        data-datetime=(p.start.to_rfc3339()) {
                        (p.start.format("%H:%M"))
                    }
                }
                text.tick x="4" y=(y(scale_max) + 14.0) { (scale_max) }
            }
            figcaption {
                span.key-bar { "Reports per 15 minutes" }
                " "
                span.key-baseline { "Usual level (baseline)" }
                " " (zone_note())
            }
            details.chart-data {
                summary { "The chart's numbers as a table" }
                table #chart-table {
                    caption { "Reports about " (service_name) " per 15 minutes, against the usual level" }
                    thead {
                        tr {
                            th scope="col" { "15 minutes from" }
                            th scope="col" { "Reports" }
                            th scope="col" { "Usual level" }
                        }
                    }
                    tbody {
                        @for p in points {
                            tr {
                                td { (clock_time(p.start)) }
                                td { (p.count) }
                                td { @match p.baseline { Some(b) => (format!("{b:.1}")), None => "–" } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// "312 reports in the last 15 minutes, 40 expected."
fn summary(last_15m: &WindowView) -> String {
    let n = last_15m.reports;
    let reports = if n == 1 { "report" } else { "reports" };
    match last_15m.expected {
        Some(e) => format!("{n} {reports} in the last 15 minutes, {e:.0} expected."),
        None => format!("{n} {reports} in the last 15 minutes."),
    }
}

fn nice_ceiling(x: f64) -> f64 {
    let magnitude = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|v| *v >= x)
        .unwrap_or(x)
}

#[cfg(test)]
mod tests {
    use super::{WindowView, nice_ceiling, summary};

    #[test]
    fn scale_tops_are_round() {
        assert_eq!(nice_ceiling(1.0), 1.0);
        assert_eq!(nice_ceiling(3.0), 5.0);
        assert_eq!(nice_ceiling(12.0), 20.0);
        assert_eq!(nice_ceiling(51.0), 100.0);
    }

    #[test]
    fn the_summary_says_reports_against_the_usual_level() {
        let w = WindowView {
            reports: 312,
            expected: Some(40.2),
            ..WindowView::default()
        };
        assert_eq!(
            summary(&w),
            "312 reports in the last 15 minutes, 40 expected."
        );
        assert_eq!(
            summary(&WindowView::default()),
            "0 reports in the last 15 minutes."
        );
    }
}
