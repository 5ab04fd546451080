//! Country names (in every language downwatch speaks) and map positions,
//! from the bundled `assets/countries.csv` (see `assets/LICENSES.md` for
//! its source). Constant data: parsed once on first use.

use crate::i18n::Lang;
use std::collections::HashMap;
use std::sync::LazyLock;

const CSV: &str = include_str!("../assets/countries.csv");

#[derive(Debug, Clone, serde::Deserialize)]
pub struct Country {
    pub code: String,
    /// The English name.
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// The name in each language after English, in [`Lang::ALL`] order
    /// (the columns after `lon`); empty: the English name.
    #[serde(skip)]
    pub names: Vec<String>,
}

impl Country {
    /// The country's name in `lang`.
    pub fn name_in(&self, lang: Lang) -> &str {
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        match i.checked_sub(1).and_then(|i| self.names.get(i)) {
            Some(name) if !name.is_empty() => name,
            _ => &self.name,
        }
    }
}

/// The rows of the table; the header names the languages' columns after
/// `lon` in [`Lang::ALL`] order.
fn parse(source: &str) -> Result<Vec<Country>, String> {
    let mut reader = csv::Reader::from_reader(source.as_bytes());
    let header = reader.headers().map_err(|e| e.to_string())?.clone();
    let expected: Vec<&str> = ["code", "name", "lat", "lon"]
        .into_iter()
        .chain(Lang::ALL[1..].iter().map(|l| l.tag()))
        .collect();
    if header.iter().collect::<Vec<_>>() != expected {
        return Err(format!("header {header:?}, expected {expected:?}"));
    }
    reader
        .records()
        .map(|row| {
            let row = row.map_err(|e| e.to_string())?;
            let mut country: Country = row.deserialize(Some(&header)).map_err(|e| e.to_string())?;
            country.names = row.iter().skip(4).map(str::to_string).collect();
            Ok(country)
        })
        .collect()
}

static TABLE: LazyLock<HashMap<String, Country>> = LazyLock::new(|| {
    // The file is compiled in and checked by a unit test; a bad table is
    // logged and left empty rather than taking the server down.
    parse(CSV)
        .unwrap_or_else(|e| {
            tracing::error!(%e, "countries.csv does not parse");
            Vec::new()
        })
        .into_iter()
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
    region_name_in(Lang::En, code)
}

/// [`region_name`] in `lang`: "US" -> "Vereinigte Staaten".
pub fn region_name_in(lang: Lang, code: &str) -> String {
    match code.split_once('-') {
        Some((cc, sub)) => match country(cc) {
            Some(c) => format!("{sub}, {}", c.name_in(lang)),
            None => code.to_string(),
        },
        None => country(code).map_or_else(|| code.to_string(), |c| c.name_in(lang).to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_parses() {
        let rows = parse(CSV).expect("countries.csv parses");
        assert!(rows.len() > 240, "{} rows", rows.len());
        assert_eq!(rows.len(), TABLE.len());
        // Every country has a name in every language.
        for c in &rows {
            assert_eq!(c.names.len(), Lang::ALL.len() - 1, "{}", c.code);
            assert!(c.names.iter().all(|n| !n.trim().is_empty()), "{}", c.code);
        }
    }

    #[test]
    fn names_and_positions() {
        let us = country("US").expect("US");
        assert_eq!(us.name, "United States");
        assert!(us.lat > 30.0 && us.lat < 50.0 && us.lon < -60.0);
        assert_eq!(region_name("GB"), "United Kingdom");
        assert_eq!(region_name("US-CA"), "CA, United States");
        assert_eq!(region_name("ZZ"), "ZZ");
        assert_eq!(region_name_in(Lang::De, "US-CA"), "CA, Vereinigte Staaten");
        assert_eq!(region_name_in(Lang::Ja, "DE"), "ドイツ");
        assert_eq!(region_name_in(Lang::PtBr, "PL"), "Polônia");
        assert_eq!(region_name_in(Lang::Fr, "ZZ"), "ZZ");
    }
}
