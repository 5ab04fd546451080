//! The 404 page of an unknown service: a search box holding what was
//! asked for and the catalog's closest service names ("did you mean…"),
//! by Jaro–Winkler similarity of the name and slug (strsim) and by
//! containment, so a typo or a partial name still leads somewhere.

use super::PageError;
use crate::catalog::{Catalog, Service};
use crate::i18n::Lang;
use crate::t;
use maud::{Markup, html};

/// Suggestions shown at most.
const SUGGESTIONS: usize = 5;
/// Similarity a name needs to be suggested.
const SIMILAR: f64 = 0.75;

/// What the 404 page offers.
#[derive(Debug, Clone, Default)]
pub struct Suggestions {
    /// What was asked for, as typed in the address.
    pub asked: String,
    /// Slug and name of the closest services, closest first.
    pub closest: Vec<(String, String)>,
    /// A service's page was asked for (else any other page).
    pub service: bool,
}

/// The catalog's services closest to `asked`.
pub fn suggest(catalog: &Catalog, asked: &str) -> Suggestions {
    let needle = asked.trim().to_lowercase().replace(['-', '_', '+'], " ");
    let mut scored: Vec<(f64, &str, &str)> = catalog
        .services()
        .iter()
        .filter_map(|s| {
            let name = s.name.to_lowercase();
            let slug = s.slug.replace('-', " ");
            let score =
                strsim::jaro_winkler(&needle, &name).max(strsim::jaro_winkler(&needle, &slug));
            let contains = needle.len() >= 3 && (name.contains(&needle) || needle.contains(&slug));
            let score = if contains { score.max(0.9) } else { score };
            (score >= SIMILAR).then_some((score, s.slug.as_str(), s.name.as_str()))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(b.2)));
    Suggestions {
        asked: asked.chars().take(100).collect(),
        closest: scored
            .into_iter()
            .take(SUGGESTIONS)
            .map(|(_, slug, name)| (slug.to_string(), name.to_string()))
            .collect(),
        service: true,
    }
}

/// The error for a service the catalog does not know.
/// The catalog's service `slug`, or the page that suggests one.
pub fn service<'a>(catalog: &'a Catalog, slug: &str) -> Result<&'a Service, PageError> {
    catalog
        .service(slug)
        .ok_or_else(|| unknown_service(catalog, slug))
}

pub fn unknown_service(catalog: &Catalog, asked: &str) -> PageError {
    PageError::UnknownService(Box::new(suggest(catalog, asked)))
}

/// The error for any other unknown address, `asked` its last part.
pub fn unknown_page(catalog: &Catalog, asked: &str) -> PageError {
    PageError::UnknownService(Box::new(Suggestions {
        service: false,
        ..suggest(catalog, asked)
    }))
}

/// The page's body, in `lang`; its links in the language's prefix when
/// `prefixed` (else the unprefixed addresses, which redirect by language).
pub fn body(lang: Lang, prefixed: bool, s: &Suggestions) -> Markup {
    let href = |path: &str| {
        if prefixed {
            lang.href(path)
        } else {
            path.to_string()
        }
    };
    html! {
        @if s.service {
            h1 { (t!(lang, "not-found-service", asked = s.asked.as_str())) }
            p { (t!(lang, "not-found-no-service")) }
        } @else {
            h1 { (t!(lang, "page-not-found")) }
            p { (t!(lang, "no-page-here")) }
        }
        @if !s.closest.is_empty() {
            section aria-labelledby="suggest-h" {
                h2 #suggest-h { (t!(lang, "did-you-mean")) }
                ul.services #suggestions {
                    @for (slug, name) in &s.closest {
                        li { a href=(href(&format!("/status/{slug}"))) { (name) } }
                    }
                }
            }
        }
        form.search role="search" method="get" action=(href("/")) {
            label for="q" { (t!(lang, "search-label")) }
            input #q type="search" name="q" value=(if s.service || !s.closest.is_empty() { s.asked.as_str() } else { "" }) autocomplete="off";
            button type="submit" { (t!(lang, "search-button")) }
        }
        p { a href=(href("/")) { (t!(lang, "back-to-services")) } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_and_parts_of_names_find_the_service() {
        let catalog = Catalog::bundled().expect("catalog");
        let first = |asked: &str| suggest(&catalog, asked).closest.first().cloned();
        assert_eq!(first("spotfy").map(|s| s.0), Some("spotify".to_string()));
        assert_eq!(first("Steem").map(|s| s.0), Some("steam".to_string()));
        assert!(suggest(&catalog, "zzzzqqqq").closest.is_empty());
    }
}
