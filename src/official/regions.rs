//! Regions named by status page components ("Europe", "us-east-1",
//! "Japan"), as country codes, so a regional crowd incident is linked only
//! to an official incident whose region fits. Countries are found by name
//! and a few common abbreviations; continents and sales regions by the
//! rough box their countries' centres fall in. A component naming no
//! region stands for the whole service.

use crate::countries;
use std::collections::BTreeSet;

/// Lowercase words separated by single spaces, padded: " us east 1 ".
fn words(s: &str) -> String {
    let spaced: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    format!(
        " {} ",
        spaced.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

/// (latitude, longitude) boxes of country centres: south, north, west, east.
type Boxes = &'static [(f64, f64, f64, f64)];

const EUROPE: Boxes = &[(35.0, 72.0, -25.0, 45.0)];
const NORTH_AMERICA: Boxes = &[(7.0, 84.0, -170.0, -50.0)];
const SOUTH_AMERICA: Boxes = &[(-56.0, 13.0, -82.0, -34.0)];
const ASIA: Boxes = &[(-11.0, 78.0, 45.0, 180.0), (12.0, 42.0, 34.0, 63.0)];
const AFRICA: Boxes = &[(-35.0, 37.0, -18.0, 52.0)];
const OCEANIA: Boxes = &[(-50.0, 0.0, 110.0, 180.0)];
const MIDDLE_EAST: Boxes = &[(12.0, 42.0, 34.0, 63.0)];

/// Area words and the boxes they cover.
const AREAS: &[(&str, &[Boxes])] = &[
    ("europe", &[EUROPE]),
    ("eu", &[EUROPE]),
    ("emea", &[EUROPE, MIDDLE_EAST, AFRICA]),
    ("north america", &[NORTH_AMERICA]),
    ("namer", &[NORTH_AMERICA]),
    ("americas", &[NORTH_AMERICA, SOUTH_AMERICA]),
    ("south america", &[SOUTH_AMERICA]),
    ("latam", &[SOUTH_AMERICA]),
    ("latin america", &[SOUTH_AMERICA]),
    ("asia", &[ASIA]),
    ("apac", &[ASIA, OCEANIA]),
    ("asia pacific", &[ASIA, OCEANIA]),
    ("africa", &[AFRICA]),
    ("middle east", &[MIDDLE_EAST]),
    ("oceania", &[OCEANIA]),
];

/// Abbreviations for single countries.
const ALIASES: &[(&str, &str)] = &[
    ("us", "US"),
    ("usa", "US"),
    ("u s", "US"),
    ("uk", "GB"),
    ("britain", "GB"),
    ("england", "GB"),
    ("korea", "KR"),
    ("uae", "AE"),
];

fn in_boxes(lat: f64, lon: f64, boxes: &[Boxes]) -> bool {
    boxes.iter().any(|bs| {
        bs.iter()
            .any(|(s, n, w, e)| (*s..=*n).contains(&lat) && (*w..=*e).contains(&lon))
    })
}

/// The countries (alpha-2, sorted) that `components` name.
pub fn countries_named(components: &[String]) -> Vec<String> {
    let mut found = BTreeSet::new();
    for component in components {
        let text = words(component);
        let has = |phrase: &str| text.contains(&format!(" {phrase} "));
        for (word, code) in ALIASES {
            if has(word) {
                found.insert((*code).to_string());
            }
        }
        let areas: Vec<&[Boxes]> = AREAS
            .iter()
            .filter(|(word, _)| has(word))
            .map(|(_, b)| *b)
            .collect();
        for c in countries::all() {
            let name = words(&c.name);
            if text.contains(&name) || areas.iter().any(|b| in_boxes(c.lat, c.lon, b)) {
                found.insert(c.code.clone());
            }
        }
    }
    found.into_iter().collect()
}

/// Whether an official incident naming `regions` (empty: everywhere) fits
/// a crowd incident in `region` ("global", "US", "US-CA").
pub fn fits(regions: &[String], region: &str) -> bool {
    if regions.is_empty() || region == crate::detect::GLOBAL {
        return true;
    }
    let country = region.split('-').next().unwrap_or(region);
    regions.iter().any(|r| r == country || r == region)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(s: &str) -> Vec<String> {
        countries_named(&[s.to_string()])
    }

    #[test]
    fn components_name_countries_and_areas() {
        assert_eq!(named("API (us-east-1)"), ["US"]);
        assert_eq!(named("Japan"), ["JP"]);
        assert!(named("Europe").contains(&"DE".to_string()));
        assert!(!named("Europe").contains(&"US".to_string()));
        assert!(named("North America").contains(&"CA".to_string()));
        assert!(named("Login").is_empty());
        assert!(named("API").is_empty());
    }

    #[test]
    fn regions_fit() {
        let eu = named("Europe");
        assert!(fits(&eu, "DE-BE"));
        assert!(fits(&eu, "global"));
        assert!(!fits(&eu, "US"));
        assert!(fits(&[], "US-CA"));
    }
}
