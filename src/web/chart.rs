//! The 24-hour chart of reports against the baseline, as inline SVG: one
//! bar per 15-minute bucket, the baseline as a line. Drawn on the server so
//! it needs no script and no library.

use crate::read::SeriesPoint;
use maud::{Markup, html};

const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 220.0;
/// Room below the plot for the time labels.
const AXIS: f64 = 22.0;

pub fn report_chart(service_name: &str, points: &[SeriesPoint]) -> Markup {
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
    let peak = points.iter().max_by_key(|p| p.count);
    html! {
        figure.chart {
            svg #report-chart viewBox={ "0 0 " (WIDTH) " " (HEIGHT + AXIS) }
                role="img" aria-labelledby="chart-title chart-desc" preserveAspectRatio="none" {
                title #chart-title { "Reports about " (service_name) " in the last 24 hours" }
                desc #chart-desc {
                    (total) " reports in 24 hours"
                    @if let Some(p) = peak.filter(|p| p.count > 0) {
                        ", most (" (p.count) ") in the 15 minutes from " (p.start.format("%H:%M")) " UTC"
                    }
                    "."
                }
                line.grid x1="0" x2=(WIDTH) y1=(y(scale_max)) y2=(y(scale_max)) {}
                line.grid x1="0" x2=(WIDTH) y1=(y(scale_max / 2.0)) y2=(y(scale_max / 2.0)) {}
                line.axis x1="0" x2=(WIDTH) y1=(HEIGHT) y2=(HEIGHT) {}
                @for (i, p) in points.iter().enumerate() {
                    @if p.count > 0 {
                        rect.bar x=(format!("{:.1}", i as f64 * bar + 1.0))
                            y=(format!("{:.1}", y(p.count as f64)))
                            width=(format!("{:.1}", (bar - 2.0).max(1.0)))
                            height=(format!("{:.1}", HEIGHT - y(p.count as f64)))
                            data-count=(p.count) {
                            title { (p.start.format("%H:%M")) " UTC: " (p.count) " reports" }
                        }
                    }
                }
                @if !baseline.is_empty() {
                    polyline.baseline points=(baseline.join(" ")) {}
                }
                @for (i, p) in points.iter().enumerate().filter(|(i, _)| i % 16 == 0) {
                    text.tick x=(format!("{:.1}", i as f64 * bar + 2.0)) y=(HEIGHT + 16.0) {
                        (p.start.format("%H:%M"))
                    }
                }
                text.tick x="4" y=(y(scale_max) + 14.0) { (scale_max) }
            }
            figcaption {
                span.key-bar { "Reports per 15 minutes" }
                " "
                span.key-baseline { "Usual level (baseline)" }
            }
        }
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
    use super::nice_ceiling;

    #[test]
    fn scale_tops_are_round() {
        assert_eq!(nice_ceiling(1.0), 1.0);
        assert_eq!(nice_ceiling(3.0), 5.0);
        assert_eq!(nice_ceiling(12.0), 20.0);
        assert_eq!(nice_ceiling(51.0), 100.0);
    }
}
