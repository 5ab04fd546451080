//! The catalog's symptom labels and category names in every language:
//! `assets/catalog-labels.csv`, one row per symptom or category (by the
//! catalog's slug), a column per language. Service names are never
//! translated. A slug without a row, or an empty cell, keeps the catalog's
//! own (English) label.

use super::Lang;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The bundled table.
pub const SOURCE: &str = include_str!("../../assets/catalog-labels.csv");

/// Whether a row labels a symptom or a category.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Kind {
    Symptom,
    Category,
}

type Table = HashMap<(Kind, String), Vec<String>>;

/// The rows by kind and slug; each row's cells in [`Lang::ALL`] order.
/// A malformed table is a build defect the tests catch; here it is empty.
static TABLE: LazyLock<Table> = LazyLock::new(|| match parse(SOURCE) {
    Ok(t) => t,
    Err(e) => {
        tracing::error!(%e, "catalog-labels.csv does not parse");
        HashMap::new()
    }
});

/// Parses the table; its header must name every language in order.
pub fn parse(source: &str) -> Result<Table, String> {
    let mut reader = csv::Reader::from_reader(source.as_bytes());
    let header = reader.headers().map_err(|e| e.to_string())?.clone();
    let expected: Vec<&str> = ["kind", "slug"]
        .into_iter()
        .chain(Lang::ALL.iter().map(|l| l.tag()))
        .collect();
    if header.iter().collect::<Vec<_>>() != expected {
        return Err(format!("header {header:?}, expected {expected:?}"));
    }
    let mut table = HashMap::new();
    for row in reader.records() {
        let row = row.map_err(|e| e.to_string())?;
        let kind = match row.get(0) {
            Some("symptom") => Kind::Symptom,
            Some("category") => Kind::Category,
            other => return Err(format!("unknown kind {other:?}")),
        };
        let slug = row.get(1).unwrap_or("").to_string();
        let cells = row.iter().skip(2).map(str::to_string).collect();
        if table.insert((kind, slug.clone()), cells).is_some() {
            return Err(format!("{slug} twice"));
        }
    }
    Ok(table)
}

/// The label of `slug` in `lang`, if the table has one.
pub fn label(kind: Kind, slug: &str, lang: Lang) -> Option<&'static str> {
    TABLE
        .get(&(kind, slug.to_string()))
        .and_then(|cells| cells.get(lang as usize))
        .map(String::as_str)
        .filter(|s| !s.trim().is_empty())
}
