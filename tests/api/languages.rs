//! Pages in the reader's language: the unprefixed addresses redirect by the
//! switcher's cookie or `Accept-Language` (and say they vary on them),
//! every page renders in every language without a missing message, links
//! its alternates and keeps its links in its own language; the manifest
//! of each language starts the app in it.

use crate::common::{AppOptions, spawn_app, spawn_app_with};
use serde_json::Value;

/// Every language's URL prefix, `lang` attribute and a phrase its home
/// page says (from assets/i18n/<lang>.ftl).
const LANGUAGES: [(&str, &str, &str); 8] = [
    ("en", "en", "Is it down, or is it just me?"),
    ("de", "de", "Geht es nicht, oder liegt es an mir?"),
    ("fr", "fr", "En panne, ou c’est juste moi ?"),
    ("es", "es", "¿Se ha caído o solo me pasa a mí?"),
    ("pt-br", "pt-BR", "Caiu ou é só comigo?"),
    ("it", "it", "Non funziona o è solo un mio problema?"),
    ("ja", "ja", "落ちている？それとも自分だけ？"),
    ("nl", "nl", "Ligt het eruit, of ligt het aan mij?"),
];

async fn raw_get(
    app: &crate::common::TestApp,
    path: &str,
    headers: &[(&str, &str)],
) -> reqwest::Response {
    let mut request = app.client.get(app.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.expect("request")
}

#[tokio::test]
async fn unprefixed_pages_redirect_to_the_readers_language() {
    let app = spawn_app().await;
    // (address, request headers, where it redirects)
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
    let cases: [Case; 7] = [
        ("/", &[], "/en/"),
        (
            "/",
            &[("accept-language", "de-DE,de;q=0.9,en;q=0.8")],
            "/de/",
        ),
        (
            "/map?window=24h",
            &[("accept-language", "pt-PT")],
            "/pt-br/map?window=24h",
        ),
        (
            "/status/spotify?reported=counted",
            &[("accept-language", "sv, ja;q=0.5")],
            "/ja/status/spotify?reported=counted",
        ),
        (
            "/status/spotify/history",
            &[("accept-language", "fr")],
            "/fr/status/spotify/history",
        ),
        // The switcher's choice wins over the browser's.
        (
            "/status/spotify",
            &[("accept-language", "de"), ("cookie", "lang=nl")],
            "/nl/status/spotify",
        ),
        // A cookie naming no language we speak is ignored.
        (
            "/",
            &[("accept-language", "it"), ("cookie", "lang=xx")],
            "/it/",
        ),
    ];
    for (path, headers, expected) in cases {
        let r = raw_get(&app, path, headers).await;
        assert_eq!(r.status(), 302, "{path} {headers:?}");
        assert_eq!(r.headers()["location"], expected, "{path} {headers:?}");
        let vary = r.headers()["vary"].to_str().expect("vary");
        assert!(
            vary.contains("Accept-Language") && vary.contains("Cookie"),
            "{vary}"
        );
        assert_eq!(r.headers()["cache-control"], "no-store");
    }
    // A service nobody has heard of is a 404 at once, not a redirect.
    let r = raw_get(
        &app,
        "/status/no-such-service",
        &[("accept-language", "de")],
    )
    .await;
    assert_eq!(r.status(), 404);
    // The API and the feed's old address stay where they were.
    assert_eq!(
        raw_get(&app, "/api/v1/services", &[("accept-language", "de")])
            .await
            .status(),
        200
    );
    let feed = raw_get(
        &app,
        "/status/spotify/feed.atom",
        &[("accept-language", "de")],
    )
    .await;
    assert_eq!(feed.status(), 200);
    // "/de" without its slash is the German home page.
    let r = raw_get(&app, "/de", &[]).await;
    assert_eq!(r.status(), 308);
    assert_eq!(r.headers()["location"], "/de/");
}

#[tokio::test]
async fn every_page_in_every_language_has_all_its_messages() {
    let app = spawn_app_with(AppOptions {
        detector_interval_ms: 50,
        ..AppOptions::default()
    })
    .await;
    // An open outage, so that the status page and home cards say all
    // they can (since when, how many people, against the usual level).
    app.quiet_hour_then_surge().await;
    app.active_global_outage().await;
    for (prefix, tag, phrase) in LANGUAGES {
        for path in [
            "/",
            "/map",
            "/map?service=spotify&window=15m",
            "/status/spotify",
            "/status/spotify?map=24h",
            "/status/deezer",
        ] {
            let url = format!("/{prefix}{path}");
            let r = app.get(&url).await;
            assert_eq!(r.status(), 200, "{url}");
            let body = r.text().await.expect("body");
            assert!(
                !body.contains('⟦'),
                "{url} misses a message: {}",
                marker(&body)
            );
            assert!(body.contains(&format!(r#"<html lang="{tag}">"#)), "{url}");
            assert!(
                body.contains(r#"<meta name="description" content=""#),
                "{url}"
            );
            // Its versions in every language, and the switcher to them.
            for (other, other_tag, _) in LANGUAGES {
                let base = path.split('?').next().unwrap_or(path);
                let alternate = format!(
                    r#"<link rel="alternate" hreflang="{other_tag}" href="/{other}{base}">"#
                );
                assert!(body.contains(&alternate), "{url} lacks {alternate}");
                assert!(body.contains(&format!(r#"data-lang="{other}""#)), "{url}");
            }
            // Links to other pages stay in the language.
            let main = body
                .split("<main")
                .nth(1)
                .and_then(|m| m.split("</main>").next())
                .expect("main");
            if prefix != "en" {
                assert!(!main.contains(r#"href="/en/"#), "{url}");
                // (The unprefixed feed address is the English feed's.)
                for link in main.split(r#"href="/status/"#).skip(1) {
                    let target = link.split('"').next().unwrap_or("");
                    assert!(
                        target.ends_with("/feed.atom"),
                        "{url} links /status/{target}"
                    );
                }
            }
        }
        let home = app
            .get(&format!("/{prefix}/"))
            .await
            .text()
            .await
            .expect("home");
        assert!(home.contains(phrase), "/{prefix}/ says {phrase}");
        assert!(
            home.contains(&format!(r#"href="/{prefix}/status/spotify""#)),
            "/{prefix}/"
        );
    }
    // A translation, not a copy: the German status page in German words,
    // with the catalog's symptom labels translated and numbers grouped the
    // German way; the service's name as its owner writes it.
    let de = app
        .get("/de/status/spotify")
        .await
        .text()
        .await
        .expect("page");
    for words in [
        "Spotify: Störungsmeldungen",
        "Nutzer melden",
        "Was funktioniert nicht?",
        "Anmeldung",
        "Laufende Störung",
    ] {
        assert!(de.contains(words), "German page lacks {words}");
    }
    let ja = app
        .get("/ja/status/spotify")
        .await
        .text()
        .await
        .expect("page");
    assert!(ja.contains("Spotify の障害報告"), "Japanese heading");
    assert!(ja.contains("ログイン"), "Japanese symptom label");
}

fn marker(body: &str) -> &str {
    let at = body.find('⟦').unwrap_or(0);
    &body[at..(at + 80).min(body.len())]
}

#[tokio::test]
async fn each_language_has_a_manifest_that_starts_the_app_in_it() {
    let app = spawn_app().await;
    let page = app.get("/ja/").await.text().await.expect("page");
    assert!(page.contains(r#"<link rel="manifest" href="/ja/manifest.webmanifest">"#));
    let r = app.get("/ja/manifest.webmanifest").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/manifest+json");
    let m: Value = r.json().await.expect("manifest");
    assert_eq!(m["start_url"], "/ja/");
    assert_eq!(m["lang"], "ja");
    assert_eq!(m["display"], "standalone");
    assert!(
        m["theme_color"]
            .as_str()
            .is_some_and(|c| c.starts_with('#'))
    );
    // Every icon it names is served, at the size it claims.
    let icons = m["icons"].as_array().expect("icons");
    assert!(icons.iter().any(|i| i["purpose"] == "maskable"));
    for icon in icons {
        let src = icon["src"].as_str().expect("src");
        let r = app.get(src).await;
        assert_eq!(r.status(), 200, "{src}");
        let kind = icon["type"].as_str().expect("type");
        assert_eq!(r.headers()["content-type"], kind, "{src}");
        let bytes = r.bytes().await.expect("icon");
        if kind == "image/png" {
            // PNG header: width and height, big-endian, at bytes 16..24.
            assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{src}");
            let w = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
            let h = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
            assert_eq!(format!("{w}x{h}"), icon["sizes"], "{src}");
        }
    }
}
