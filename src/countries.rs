//! Country names and map positions, from the bundled `assets/countries.csv`
//! (see `assets/LICENSES.md` for its source). Constant data: parsed once on
//! first use.

use std::collections::HashMap;
use std::sync::LazyLock;

const CSV: &str = include_str!("../assets/countries.csv");

#[derive(Debug, Clone, serde::Deserialize)]
pub struct Country {
    pub code: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
}

static TABLE: LazyLock<HashMap<String, Country>> = LazyLock::new(|| {
    csv::Reader::from_reader(CSV.as_bytes())
        .deserialize::<Country>()
        // The file is compiled in and checked by a unit test; a bad row is
        // skipped rather than taking the server down.
        .filter_map(Result::ok)
        .map(|c| (c.code.clone(), c))
        .collect()
});

/// The country with this ISO 3166-1 alpha-2 code, if we know it.
pub fn country(code: &str) -> Option<&'static Country> {
    TABLE.get(code)
}

/// Every country of the table, in no particular order.
pub fn all() -> impl Iterator<Item = &'static Country> {
    TABLE.values()
}

/// A display name for a region code: "US" -> "United States",
/// "US-CA" -> "CA, United States". Unknown codes are returned as they are.
pub fn region_name(code: &str) -> String {
    match code.split_once('-') {
        Some((cc, sub)) => match country(cc) {
            Some(c) => format!("{sub}, {}", c.name),
            None => code.to_string(),
        },
        None => country(code).map_or_else(|| code.to_string(), |c| c.name.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_parses() {
        let rows = csv::Reader::from_reader(CSV.as_bytes())
            .deserialize::<Country>()
            .collect::<Result<Vec<_>, _>>()
            .expect("countries.csv parses");
        assert!(rows.len() > 240, "{} rows", rows.len());
        assert_eq!(rows.len(), TABLE.len());
    }

    #[test]
    fn names_and_positions() {
        let us = country("US").expect("US");
        assert_eq!(us.name, "United States");
        assert!(us.lat > 30.0 && us.lat < 50.0 && us.lon < -60.0);
        assert_eq!(region_name("GB"), "United Kingdom");
        assert_eq!(region_name("US-CA"), "CA, United States");
        assert_eq!(region_name("ZZ"), "ZZ");
    }
}
