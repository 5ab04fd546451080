//! The installable app: the web app manifest of each language
//! (`/{lang}/manifest.webmanifest`: name, icons, theme colours, start URL
//! in that language). The service worker (`/sw.js`, assets/web/sw.js)
//! keeps the shell and the last status pages for offline use.

use super::subresource;
use crate::http_cache::Rendered;
use crate::i18n::Lang;
use crate::t;
use actix_web::{HttpRequest, HttpResponse};
use std::sync::LazyLock;

/// The header's navy: the browser's bar and the splash screen.
pub const THEME_COLOR: &str = "#0d1b2a";
const BACKGROUND_COLOR: &str = "#ffffff";

/// Where a page in `lang` links its manifest.
pub fn manifest_url(lang: Lang) -> String {
    lang.href("/manifest.webmanifest")
}

/// The manifest of `lang`.
fn manifest(lang: Lang) -> serde_json::Value {
    let icon = |name: &str, size: &str, kind: &str, purpose: &str| {
        serde_json::json!({
            "src": super::assets::url(name),
            "sizes": size,
            "type": kind,
            "purpose": purpose,
        })
    };
    serde_json::json!({
        "name": "downwatch",
        "short_name": "downwatch",
        "description": t!(lang, "meta-description"),
        "lang": lang.tag(),
        "id": "/",
        "start_url": lang.href("/"),
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            icon("icon.svg", "any", "image/svg+xml", "any"),
            icon("icon-192.png", "192x192", "image/png", "any"),
            icon("icon-512.png", "512x512", "image/png", "any"),
            icon("icon-192.png", "192x192", "image/png", "maskable"),
            icon("icon-512.png", "512x512", "image/png", "maskable"),
        ],
    })
}

static MANIFESTS: LazyLock<Vec<Rendered>> = LazyLock::new(|| {
    Lang::ALL
        .iter()
        .map(|l| Rendered::new("application/manifest+json", manifest(*l).to_string()))
        .collect()
});

/// `/{lang}/manifest.webmanifest`.
pub async fn serve(req: HttpRequest) -> HttpResponse {
    let lang = super::lang_of(&req);
    // Read by the browser for the page, under the page's policy.
    MANIFESTS[lang as usize].respond(&req, "public, max-age=3600", |r| {
        subresource(r);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_starts_the_app_in_itself() {
        let m = manifest(Lang::De);
        assert_eq!(m["start_url"], "/de/");
        assert_eq!(m["lang"], "de");
        let icons = m["icons"].as_array().expect("icons");
        for size in ["192x192", "512x512"] {
            assert!(
                icons
                    .iter()
                    .any(|i| i["sizes"] == size && i["purpose"] == "maskable"),
                "{size}"
            );
        }
    }
}
