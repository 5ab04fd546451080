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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn every_symptom_and_category_of_the_bundled_catalog_has_every_language() {
        let table = parse(SOURCE).expect("parses");
        let catalog = Catalog::bundled().expect("catalog");
        let mut wanted: Vec<(Kind, String, String)> = catalog
            .symptoms()
            .iter()
            .map(|s| (Kind::Symptom, s.slug.clone(), s.label.clone()))
            .collect();
        wanted.extend(
            catalog
                .categories()
                .iter()
                .map(|c| (Kind::Category, c.slug.clone(), c.name.clone())),
        );
        assert!(wanted.len() > 50);
        for (kind, slug, english) in wanted {
            let cells = table
                .get(&(kind, slug.clone()))
                .unwrap_or_else(|| panic!("{kind:?} {slug} has no row"));
            assert_eq!(cells.len(), Lang::ALL.len(), "{slug}");
            assert_eq!(cells[0], english, "{slug}: English is the catalog's");
            for (lang, cell) in Lang::ALL.iter().zip(cells) {
                assert!(!cell.trim().is_empty(), "{slug} in {}", lang.tag());
            }
        }
        assert_eq!(label(Kind::Symptom, "login", Lang::De), Some("Anmeldung"));
        assert_eq!(label(Kind::Category, "music", Lang::Ja), Some("音楽配信"));
        assert_eq!(label(Kind::Symptom, "no-such", Lang::De), None);
    }
}
