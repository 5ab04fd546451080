//! The service catalog: which services people can report, their categories,
//! the symptoms each one offers and the platforms a reporter may name.
//!
//! The bundled catalog (`assets/catalog.toml`) is compiled into the binary;
//! `--catalog PATH` replaces it. Loading validates everything up front so the
//! rest of the program can trust a [`Catalog`].

mod load;

pub use load::CatalogError;

use crate::i18n::{Lang, labels};
use serde::Serialize;
use std::collections::HashMap;

/// The catalog shipped inside the binary.
pub const BUNDLED: &str = include_str!("../../assets/catalog.toml");

#[derive(Debug, Clone, Serialize)]
pub struct Category {
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Symptom {
    pub slug: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Service {
    pub slug: String,
    pub name: String,
    pub category: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The service's machine-readable official status source: a
    /// Statuspage v2 `summary.json`, an Atom/RSS incident feed, a Google
    /// dashboard's `incidents.json` or Slack's status API
    /// (docs/official-status.md).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub official_status: Option<String>,
    /// The official status page a person reads, linked from pages; when
    /// absent, the page the source names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub official_page: Option<String>,
    /// Symptom slugs in the order the service lists them (most common first).
    pub symptoms: Vec<String>,
    /// For an ISP or carrier: the autonomous systems it runs (public
    /// registry data, e.g. its PeeringDB entry). Reports from these
    /// networks are its customers' (docs/shared-cause.md).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub asns: Vec<u32>,
    /// For an ISP or carrier: the countries (alpha-2) it serves.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// Catalog services this one is publicly known to run on (a CDN, a
    /// cloud): when they fail, it fails with them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<String>,
}

impl Service {
    pub fn has_symptom(&self, symptom: &str) -> bool {
        self.symptoms.iter().any(|s| s == symptom)
    }
}

/// The platforms a reporter may name; a closed list so counts stay comparable.
pub const PLATFORMS: [&str; 6] = ["web", "ios", "android", "desktop", "tv", "other"];

/// A validated catalog. Services keep the file's order.
#[derive(Debug, Clone)]
pub struct Catalog {
    categories: Vec<Category>,
    symptoms: Vec<Symptom>,
    services: Vec<Service>,
    by_slug: HashMap<String, usize>,
}

impl Catalog {
    /// The catalog compiled into the binary.
    pub fn bundled() -> Result<Self, CatalogError> {
        Self::parse(BUNDLED, "<bundled catalog>")
    }

    /// Reads and validates a catalog file.
    pub fn from_file(path: &std::path::Path) -> Result<Self, CatalogError> {
        let text = std::fs::read_to_string(path).map_err(|e| CatalogError::Io {
            file: path.display().to_string(),
            reason: e.to_string(),
        })?;
        Self::parse(&text, &path.display().to_string())
    }

    /// Parses and validates catalog text; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Self, CatalogError> {
        load::parse(text, file)
    }

    pub fn services(&self) -> &[Service] {
        &self.services
    }

    /// Every service's slug, in catalog order.
    pub fn slugs(&self) -> Vec<&str> {
        self.services.iter().map(|s| s.slug.as_str()).collect()
    }

    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    pub fn symptoms(&self) -> &[Symptom] {
        &self.symptoms
    }

    pub fn service(&self, slug: &str) -> Option<&Service> {
        self.by_slug.get(slug).map(|&i| &self.services[i])
    }

    /// The ISP or carrier that runs autonomous system `asn`, if listed.
    pub fn operator_of(&self, asn: u32) -> Option<&Service> {
        self.services.iter().find(|s| s.asns.contains(&asn))
    }

    /// The services that depend on `upstream`, in catalog order.
    pub fn dependants(&self, upstream: &str) -> Vec<&Service> {
        self.services
            .iter()
            .filter(|s| s.depends_on.iter().any(|d| d == upstream))
            .collect()
    }

    pub fn symptom_label(&self, slug: &str) -> Option<&str> {
        self.symptoms
            .iter()
            .find(|s| s.slug == slug)
            .map(|s| s.label.as_str())
    }

    /// A symptom's label in `lang` (assets/catalog-labels.csv); the
    /// catalog's own label in English and where no translation is listed.
    pub fn symptom_label_in(&self, lang: Lang, slug: &str) -> Option<&str> {
        let own = self.symptom_label(slug)?;
        if lang == Lang::En {
            return Some(own);
        }
        Some(labels::label(labels::Kind::Symptom, slug, lang).unwrap_or(own))
    }

    /// A category's name in `lang`, like [`Catalog::symptom_label_in`].
    pub fn category_name_in<'a>(&'a self, lang: Lang, category: &'a Category) -> &'a str {
        if lang == Lang::En {
            return &category.name;
        }
        labels::label(labels::Kind::Category, &category.slug, lang).unwrap_or(&category.name)
    }
}

/// The label table's test lives here, on the floor that uses it
/// (docs/architecture.md): `i18n` knows nothing of the catalog.
#[cfg(test)]
mod label_tests {
    use super::Catalog;
    use crate::i18n::Lang;
    use crate::i18n::labels::{Kind, label};

    #[test]
    fn every_symptom_and_category_of_the_bundled_catalog_has_every_language() {
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
            assert_eq!(
                label(kind, &slug, Lang::En),
                Some(english.as_str()),
                "{slug}: English is the catalog's"
            );
            for lang in Lang::ALL {
                assert!(
                    label(kind, &slug, lang).is_some(),
                    "{slug} in {}",
                    lang.tag()
                );
            }
        }
        assert_eq!(label(Kind::Symptom, "login", Lang::De), Some("Anmeldung"));
        assert_eq!(label(Kind::Category, "music", Lang::Ja), Some("音楽配信"));
        assert_eq!(label(Kind::Symptom, "no-such", Lang::De), None);
    }
}
