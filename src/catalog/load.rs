//! Parsing and validating catalog TOML, with errors that name the file, the
//! line and the problem.

use super::{Catalog, Category, Service, Symptom};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use toml::Spanned;

/// Why a catalog was refused. The message names the file and, where the
/// problem has a place, its line and column.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("cannot read catalog {file}: {reason}")]
    Io { file: String, reason: String },
    #[error("{file}:{line}:{column}: {problem}")]
    Invalid {
        file: String,
        line: usize,
        column: usize,
        problem: String,
    },
    #[error("{file}: {problem}")]
    Whole { file: String, problem: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    #[serde(default)]
    symptoms: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    category: Vec<RawCategory>,
    #[serde(default)]
    service: Vec<RawService>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    slug: Spanned<String>,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawService {
    slug: Spanned<String>,
    name: Spanned<String>,
    category: Spanned<String>,
    #[serde(default)]
    website: Option<String>,
    #[serde(default)]
    official_status: Option<Spanned<String>>,
    #[serde(default)]
    official_page: Option<Spanned<String>>,
    symptoms: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    asns: Vec<Spanned<u32>>,
    #[serde(default)]
    countries: Vec<Spanned<String>>,
    #[serde(default)]
    depends_on: Vec<Spanned<String>>,
}

struct Ctx<'a> {
    text: &'a str,
    file: &'a str,
}

impl Ctx<'_> {
    fn at(&self, offset: usize, problem: impl Into<String>) -> CatalogError {
        let before = &self.text[..offset.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.chars().rev().take_while(|&c| c != '\n').count() + 1;
        CatalogError::Invalid {
            file: self.file.to_string(),
            line,
            column,
            problem: problem.into(),
        }
    }

    fn whole(&self, problem: impl Into<String>) -> CatalogError {
        CatalogError::Whole {
            file: self.file.to_string(),
            problem: problem.into(),
        }
    }
}

fn is_slug(s: &str, extra: char) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == extra)
        && !s.starts_with(extra)
}

/// An absolute http(s) URL with a host and no spaces.
fn is_http_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !s.chars().any(char::is_whitespace)
    })
}

pub(super) fn parse(text: &str, file: &str) -> Result<Catalog, CatalogError> {
    let ctx = Ctx { text, file };
    let raw: RawCatalog = toml::from_str(text).map_err(|e| match e.span() {
        Some(span) => ctx.at(span.start, e.message().trim().to_string()),
        None => ctx.whole(e.message().trim().to_string()),
    })?;

    let mut symptoms = Vec::new();
    for (slug, label) in &raw.symptoms {
        if !is_slug(slug, '_') {
            return Err(ctx.at(
                label.span().start,
                format!("symptom slug \"{slug}\" must be lowercase letters, digits and _"),
            ));
        }
        if label.get_ref().trim().is_empty() {
            return Err(ctx.at(
                label.span().start,
                format!("symptom \"{slug}\" has an empty label"),
            ));
        }
        symptoms.push(Symptom {
            slug: slug.clone(),
            label: label.get_ref().clone(),
        });
    }

    let mut categories = Vec::new();
    let mut category_slugs = HashSet::new();
    for c in raw.category {
        let slug = c.slug.get_ref();
        if !is_slug(slug, '-') {
            return Err(ctx.at(
                c.slug.span().start,
                format!("category slug \"{slug}\" must be lowercase letters, digits and -"),
            ));
        }
        if !category_slugs.insert(slug.clone()) {
            return Err(ctx.at(
                c.slug.span().start,
                format!("duplicate category \"{slug}\""),
            ));
        }
        categories.push(Category {
            slug: slug.clone(),
            name: c.name,
        });
    }

    let known_symptoms: HashSet<&str> = raw.symptoms.keys().map(String::as_str).collect();
    let mut services = Vec::new();
    let mut by_slug = HashMap::new();
    let mut asn_owner: HashMap<u32, String> = HashMap::new();
    let mut dependencies: Vec<(String, Spanned<String>)> = Vec::new();
    for s in raw.service {
        let slug = s.slug.get_ref();
        if !is_slug(slug, '-') {
            return Err(ctx.at(
                s.slug.span().start,
                format!("service slug \"{slug}\" must be lowercase letters, digits and -"),
            ));
        }
        if by_slug.contains_key(slug) {
            return Err(ctx.at(s.slug.span().start, format!("duplicate service \"{slug}\"")));
        }
        if s.name.get_ref().trim().is_empty() {
            return Err(ctx.at(
                s.name.span().start,
                format!("service \"{slug}\" has an empty name"),
            ));
        }
        let category = s.category.get_ref();
        if !category_slugs.contains(category) {
            return Err(ctx.at(
                s.category.span().start,
                format!("service \"{slug}\" names unknown category \"{category}\""),
            ));
        }
        if s.symptoms.get_ref().is_empty() {
            return Err(ctx.at(
                s.symptoms.span().start,
                format!("service \"{slug}\" lists no symptoms"),
            ));
        }
        let mut own = Vec::new();
        for sym in s.symptoms.get_ref() {
            let name = sym.get_ref();
            if !known_symptoms.contains(name.as_str()) {
                return Err(ctx.at(
                    sym.span().start,
                    format!(
                        "service \"{slug}\" names unknown symptom \"{name}\" (add it to [symptoms])"
                    ),
                ));
            }
            if own.contains(name) {
                return Err(ctx.at(
                    sym.span().start,
                    format!("service \"{slug}\" lists symptom \"{name}\" twice"),
                ));
            }
            own.push(name.clone());
        }
        let official_status = match s.official_status {
            Some(url) if !is_http_url(url.get_ref()) => {
                return Err(ctx.at(
                    url.span().start,
                    format!(
                        "service \"{slug}\": official_status must be an http:// or https:// URL"
                    ),
                ));
            }
            other => other.map(Spanned::into_inner),
        };
        let official_page = match s.official_page {
            Some(url) if !is_http_url(url.get_ref()) => {
                return Err(ctx.at(
                    url.span().start,
                    format!("service \"{slug}\": official_page must be an http:// or https:// URL"),
                ));
            }
            other => other.map(Spanned::into_inner),
        };
        let mut asns = Vec::new();
        for asn in &s.asns {
            let n = *asn.get_ref();
            if n == 0 {
                return Err(ctx.at(
                    asn.span().start,
                    format!("service \"{slug}\": 0 is not an ASN"),
                ));
            }
            if let Some(other) = asn_owner.insert(n, slug.clone()) {
                return Err(ctx.at(
                    asn.span().start,
                    format!("service \"{slug}\": AS{n} is already \"{other}\"'s"),
                ));
            }
            asns.push(n);
        }
        let mut countries = Vec::new();
        for c in &s.countries {
            let code = c.get_ref();
            if code.len() != 2 || !code.chars().all(|ch| ch.is_ascii_uppercase()) {
                return Err(ctx.at(
                    c.span().start,
                    format!(
                        "service \"{slug}\": country \"{code}\" must be an ISO 3166-1 alpha-2 code (\"DE\")"
                    ),
                ));
            }
            countries.push(code.clone());
        }
        for d in s.depends_on {
            dependencies.push((slug.clone(), d));
        }
        by_slug.insert(slug.clone(), services.len());
        services.push(Service {
            slug: slug.clone(),
            name: s.name.into_inner(),
            category: category.clone(),
            website: s.website,
            official_status,
            official_page,
            symptoms: own,
            asns,
            countries,
            depends_on: Vec::new(),
        });
    }
    if services.is_empty() {
        return Err(ctx.whole("the catalog has no [[service]] entries"));
    }
    // Upstreams may be listed after their dependants: checked once all
    // services are known.
    for (slug, upstream) in dependencies {
        let name = upstream.get_ref();
        if !by_slug.contains_key(name) {
            return Err(ctx.at(
                upstream.span().start,
                format!("service \"{slug}\" depends on unknown service \"{name}\""),
            ));
        }
        if *name == slug {
            return Err(ctx.at(
                upstream.span().start,
                format!("service \"{slug}\" cannot depend on itself"),
            ));
        }
        let service = &mut services[by_slug[&slug]];
        if service.depends_on.contains(name) {
            return Err(ctx.at(
                upstream.span().start,
                format!("service \"{slug}\" lists upstream \"{name}\" twice"),
            ));
        }
        service.depends_on.push(name.clone());
    }

    Ok(Catalog {
        categories,
        symptoms,
        services,
        by_slug,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[symptoms]
app = "App"
login = "Login"

[[category]]
slug = "music"
name = "Music streaming"

[[service]]
slug = "spotify"
name = "Spotify"
category = "music"
symptoms = ["app", "login"]
"#;

    fn error_of(text: &str) -> String {
        match parse(text, "cat.toml") {
            Ok(_) => panic!("catalog should have been refused"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn a_good_catalog_loads() {
        let c = parse(GOOD, "cat.toml").expect("valid");
        let s = c.service("spotify").expect("spotify");
        assert_eq!(s.symptoms, ["app", "login"]);
        assert_eq!(c.symptom_label("login"), Some("Login"));
    }

    #[test]
    fn the_bundled_catalog_is_valid_and_large() {
        let c = Catalog::bundled().expect("bundled catalog");
        assert!(c.services().len() >= 60, "{} services", c.services().len());
        for slug in [
            "spotify",
            "apple-music",
            "youtube-music",
            "amazon-music",
            "deezer",
            "tidal",
            "soundcloud",
        ] {
            assert!(c.service(slug).is_some(), "missing {slug}");
        }
    }

    #[test]
    fn syntax_errors_name_file_and_line() {
        let text = GOOD.replace("name = \"Spotify\"", "name = Spotify");
        assert!(
            error_of(&text).starts_with("cat.toml:12:"),
            "{}",
            error_of(&text)
        );
    }

    #[test]
    fn unknown_symptom_names_its_line() {
        let text = GOOD.replace("[\"app\", \"login\"]", "[\"app\", \"ligon\"]");
        let e = error_of(&text);
        assert!(e.starts_with("cat.toml:14:"), "{e}");
        assert!(e.contains("unknown symptom \"ligon\""), "{e}");
    }

    #[test]
    fn unknown_category_and_duplicates_are_refused() {
        let e = error_of(&GOOD.replace("category = \"music\"", "category = \"musik\""));
        assert!(
            e.starts_with("cat.toml:13:") && e.contains("unknown category"),
            "{e}"
        );
        let dup = format!(
            "{GOOD}\n[[service]]\nslug = \"spotify\"\nname = \"S\"\ncategory = \"music\"\nsymptoms = [\"app\"]\n"
        );
        let e = error_of(&dup);
        assert!(
            e.starts_with("cat.toml:17:") && e.contains("duplicate service"),
            "{e}"
        );
    }

    #[test]
    fn official_sources_are_http_urls() {
        let with = |url: &str| {
            GOOD.replace(
                "category = \"music\"\nsymptoms",
                &format!("category = \"music\"\nofficial_status = \"{url}\"\nsymptoms"),
            )
        };
        let c = parse(
            &with("https://status.example.com/api/v2/summary.json"),
            "cat.toml",
        )
        .expect("valid");
        assert_eq!(
            c.service("spotify")
                .and_then(|s| s.official_status.as_deref()),
            Some("https://status.example.com/api/v2/summary.json")
        );
        let e = error_of(&with("ftp://status.example.com/feed"));
        assert!(
            e.starts_with("cat.toml:14:") && e.contains("official_status"),
            "{e}"
        );
        let bundled = Catalog::bundled().expect("bundled");
        let with_source = bundled
            .services()
            .iter()
            .filter(|s| s.official_status.is_some())
            .count();
        assert!(with_source >= 32, "{with_source} official sources");
        // Every source has the page people read beside it.
        for s in bundled.services() {
            assert_eq!(
                s.official_status.is_some(),
                s.official_page.is_some(),
                "{}: official_status and official_page go together",
                s.slug
            );
        }
        let e = error_of(&GOOD.replace(
            "category = \"music\"\nsymptoms",
            "category = \"music\"\nofficial_page = \"status.example.com\"\nsymptoms",
        ));
        assert!(e.contains("official_page must be an http"), "{e}");
    }

    #[test]
    fn networks_countries_and_upstreams_are_checked() {
        let with = |extra: &str| {
            GOOD.replacen(
                "symptoms = [\"app\"",
                &format!("{extra}\nsymptoms = [\"app\""),
                1,
            )
        };
        let ok = Catalog::parse(
            &with("asns = [3320, 6805]\ncountries = [\"DE\"]\ndepends_on = []"),
            "cat.toml",
        )
        .expect("valid");
        let s = &ok.services()[0];
        assert_eq!(s.asns, [3320, 6805]);
        assert_eq!(s.countries, ["DE"]);
        let unknown = error_of(&with("depends_on = [\"cloudfare\"]"));
        assert!(
            unknown.contains("depends on unknown service \"cloudfare\""),
            "{unknown}"
        );
        assert!(unknown.starts_with("cat.toml:"), "{unknown}");
        let country = error_of(&with("countries = [\"de\"]"));
        assert!(country.contains("alpha-2"), "{country}");
        let zero = error_of(&with("asns = [0]"));
        assert!(zero.contains("not an ASN"), "{zero}");
    }

    #[test]
    fn the_bundled_catalogs_upstreams_and_networks_are_consistent() {
        let c = Catalog::bundled().expect("bundled");
        let dt = c.service("deutsche-telekom").expect("listed");
        assert!(dt.asns.contains(&3320) && dt.countries == ["DE"]);
        assert_eq!(
            c.operator_of(3320).map(|s| s.slug.as_str()),
            Some("deutsche-telekom")
        );
        let on_aws = c.dependants("aws");
        assert!(on_aws.iter().any(|s| s.slug == "netflix"), "{on_aws:?}");
    }

    #[test]
    fn missing_fields_and_bad_slugs_are_refused() {
        let e = error_of(&GOOD.replace("symptoms = [\"app\", \"login\"]\n", ""));
        assert!(e.contains("symptoms"), "{e}");
        let e = error_of(&GOOD.replace("slug = \"spotify\"", "slug = \"Spot ify\""));
        assert!(
            e.starts_with("cat.toml:11:") && e.contains("lowercase"),
            "{e}"
        );
    }
}
