//! The world map: country outlines from the bundled world-atlas data
//! (`assets/map/world-110m.tsv`, projected once by `assets/map/convert.mjs`)
//! served as one cacheable SVG asset, and per page an inline SVG that
//! shades the reported countries by reference to it, with 1° cells drawn as
//! dots when a city database placed reports that precisely.
//!
//! A map of the outage, not of the population: each country is shaded by
//! its reports against its own usual level for the window, so the United
//! States, always the busiest, stays pale while a one-country outage
//! elsewhere stands out. Before any usual level is learned, countries are
//! shaded by their share of the reports, and the legend says so.

use super::layout::lang_reports;
use crate::i18n::Lang;
use crate::read::MapCell;
use crate::t;
use maud::{Markup, html};
use std::collections::HashMap;
use std::sync::LazyLock;

const WORLD: &str = include_str!("../../assets/map/world-110m.tsv");
const WIDTH: f64 = 1000.0;
const HEIGHT: f64 = 400.0;

/// One country outline: alpha-2 code ("" when it has none), name, SVG path.
struct Outline {
    code: &'static str,
    name: &'static str,
    path: &'static str,
}

static OUTLINES: LazyLock<Vec<Outline>> = LazyLock::new(|| {
    WORLD
        .lines()
        .filter_map(|line| {
            let mut parts = line.splitn(3, '\t');
            Some(Outline {
                code: parts.next()?,
                name: parts.next()?,
                path: parts.next()?,
            })
        })
        .collect()
});

/// The map position of a latitude/longitude (the data's projection).
fn project(lat: f64, lon: f64) -> (f64, f64) {
    ((lon + 180.0) / 360.0 * WIDTH, (84.0 - lat) / 144.0 * HEIGHT)
}

/// Shade 1..=5 of a count against the largest, on a log scale.
fn shade(count: u64, max: u64) -> u8 {
    if count == 0 {
        return 0;
    }
    let f = ((count as f64).ln_1p() / (max.max(1) as f64).ln_1p()).clamp(0.0, 1.0);
    1 + (f * 4.0).round() as u8
}

/// Shade 1..=5 of a country's reports against its own usual level: 1
/// within chance of it, then above it, 3, 6 and 12 times it.
fn unusual_shade(count: u64, expected: f64) -> u8 {
    if count == 0 {
        return 0;
    }
    let (n, e) = (count as f64, expected.max(0.5));
    if n <= e + 3.0 * e.sqrt() + 1.0 {
        return 1;
    }
    match n / e {
        r if r < 3.0 => 2,
        r if r < 6.0 => 3,
        r if r < 12.0 => 4,
        _ => 5,
    }
}

/// What each shade means, for the legend (messages).
const UNUSUAL_LEGEND: [&str; 5] = [
    "map-shade-1",
    "map-shade-2",
    "map-shade-3",
    "map-shade-4",
    "map-shade-5",
];

/// The outlines as a standalone SVG document, served once as a cacheable
/// asset ([`asset`]) instead of inside every page: each country's path
/// carries the id `cc-<code>`, and the group of all of them the id `land`.
fn outlines_svg() -> String {
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\"><g id=\"land\">"
    );
    for o in OUTLINES.iter() {
        if o.code.is_empty() {
            svg.push_str(&format!("<path d=\"{}\"/>", o.path));
        } else {
            svg.push_str(&format!("<path id=\"cc-{}\" d=\"{}\"/>", o.code, o.path));
        }
    }
    svg.push_str("</g></svg>");
    svg
}

/// The outlines asset's body (served by `super::assets` as "world.svg").
pub static OUTLINES_SVG: LazyLock<String> = LazyLock::new(outlines_svg);

/// The map; `counts` by country code (alpha-2), `expected`: each one's
/// usual level over the same window (empty: none learned yet), `label`
/// names it for screen readers. Outlines come from the asset by reference
/// (`<use>`): only the countries with reports are named in the page.
pub fn world_map(
    lang: Lang,
    label: &str,
    counts: &[(String, u64)],
    expected: &HashMap<String, f64>,
    cells: &[MapCell],
) -> Markup {
    let href = super::assets::url("world.svg");
    let max = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let max_cell = cells.iter().map(|c| c.count).max().unwrap_or(1).max(1);
    let against_usual = !expected.is_empty();
    let shade_of = |code: &str, n: u64| match expected.get(code) {
        Some(e) => unusual_shade(n, *e),
        None if against_usual => unusual_shade(n, 0.0),
        None => shade(n, max),
    };
    html! {
        svg.world #world-map viewBox={ "0 0 " (WIDTH) " " (HEIGHT) } role="img" aria-label=(label)
            data-shading=(if against_usual { "usual" } else { "share" }) {
            use.country.heat-0 href={ (href) "#land" } {}
            @for (code, n) in counts {
                @if let Some(o) = OUTLINES.iter().find(|o| o.code == code) {
                    use class={ "country reported heat-" (shade_of(code, *n)) } href={ (href) "#cc-" (o.code) }
                        data-cc=(o.code) data-count=(n) {
                        title {
                            @let name = crate::countries::country(o.code).map_or(o.name, |c| c.name_in(lang));
                            @let reports = lang_reports(lang, *n);
                            @match expected.get(code.as_str()) {
                                Some(e) => (t!(lang, "map-country-usual", name = name, reports = reports, usual = lang.number(e.round().max(0.0) as u64))),
                                None => (t!(lang, "map-country", name = name, reports = reports)),
                            }
                        }
                    }
                }
            }
            @for c in cells {
                @let (x, y) = project(c.lat, c.lon);
                circle.cell cx=(format!("{x:.1}")) cy=(format!("{y:.1}"))
                    r=(format!("{:.1}", 2.0 + 6.0 * (c.count as f64 / max_cell as f64).sqrt())) {
                    title { (t!(lang, "map-cell", reports = lang_reports(lang, c.count), place = format!("{}, {}", c.lat, c.lon))) }
                }
            }
        }
        (legend(lang, against_usual))
    }
}

/// What the colours mean.
fn legend(lang: Lang, against_usual: bool) -> Markup {
    html! {
        div.map-legend #map-legend {
            @if against_usual {
                span.legend-title { (t!(lang, "map-legend-usual")) }
                @for (i, id) in UNUSUAL_LEGEND.iter().enumerate() {
                    " " span.legend-item { span class={ "swatch heat-" (i + 1) } {} (lang.t(id)) }
                }
            } @else {
                span.legend-title { (t!(lang, "map-legend-share")) }
                " " span.legend-item { span.swatch.heat-1 {} (t!(lang, "map-fewest")) }
                " " span.legend-item { span.swatch.heat-5 {} (t!(lang, "map-most")) }
            }
            " " span.legend-item { span.swatch.heat-0 {} (t!(lang, "map-no-reports")) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlines_cover_the_big_countries() {
        assert!(OUTLINES.len() > 170, "{}", OUTLINES.len());
        for code in ["US", "GB", "SE", "DE", "BR", "IN", "RU"] {
            let o = OUTLINES.iter().find(|o| o.code == code).expect(code);
            assert!(o.path.starts_with('M') && o.path.ends_with('Z'), "{code}");
        }
    }

    #[test]
    fn the_asset_names_every_coded_outline_once() {
        assert_eq!(OUTLINES_SVG.matches("id=\"cc-US\"").count(), 1);
        let url = super::super::assets::url("world.svg");
        let map = world_map(
            Lang::En,
            "m",
            &[("US".into(), 3), ("XX".into(), 1)],
            &HashMap::new(),
            &[],
        )
        .into_string();
        assert!(map.contains(&format!("{url}#cc-US")), "{map}");
        assert!(!map.contains("cc-XX"), "no outline, no shape");
        assert!(
            map.len() < 3000,
            "outlines stay out of the page: {}",
            map.len()
        );
    }

    #[test]
    fn shades_grow_with_counts() {
        assert_eq!(shade(0, 10), 0);
        assert_eq!(shade(10, 10), 5);
        assert!(shade(1, 100) < shade(50, 100));
        assert_eq!(project(84.0, -180.0), (0.0, 0.0));
    }

    #[test]
    fn countries_are_shaded_against_their_own_usual_level() {
        // The case: the US at its usual level stays pale while
        // the United Kingdom, far above its own, is the darkest.
        assert_eq!(unusual_shade(1137, 1100.0), 1);
        assert_eq!(unusual_shade(340, 20.0), 5);
        assert_eq!(unusual_shade(0, 5.0), 0);
        assert_eq!(unusual_shade(30, 10.0), 3);
        let expected = HashMap::from([("US".to_string(), 1100.0), ("GB".to_string(), 20.0)]);
        let map = world_map(
            Lang::En,
            "m",
            &[("US".into(), 1137), ("GB".into(), 340)],
            &expected,
            &[],
        )
        .into_string();
        assert!(map.contains("country reported heat-1\" href"), "{map}");
        assert!(map.contains("3× usual or more"), "{map}");
    }
}
