//! Pages in the reader's language: the unprefixed addresses redirect by the
//! switcher's cookie or `Accept-Language` (and say they vary on them),
//! every page renders in every language without a missing message, links
//! its alternates and keeps its links in its own language; the manifest
//! of each language starts the app in it.

use crate::common::{AppOptions, TestApp, spawn_app, spawn_app_with};
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
    let app = app_during_an_outage().await;
    for (prefix, tag, phrase) in LANGUAGES {
        for path in [
            "/",
            "/map",
            "/map?service=spotify&window=15m",
            "/status/spotify",
            "/status/spotify?map=24h",
            "/status/deezer",
            "/status/spotify/history",
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

/// The English text of every message of `en.ftl` long enough to be a
/// sentence's part (three words or more), by message id: the literal
/// text between a message's placeholders, each variant's too.
fn english_sentences() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (id, parts) in message_texts(include_str!("../../assets/i18n/en.ftl")) {
        for part in parts {
            let part = part
                .trim()
                .trim_matches(|c: char| ",.:;()".contains(c))
                .trim();
            if part.split_whitespace().count() >= 3 && part.len() >= 15 {
                out.push((id.clone(), part.to_string()));
            }
        }
    }
    out
}

/// Each message's literal text parts, by id.
fn message_texts(source: &str) -> Vec<(String, Vec<String>)> {
    use fluent_syntax::ast::{Entry, Expression, Pattern, PatternElement};
    fn texts(pattern: &Pattern<&str>, out: &mut Vec<String>) {
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => out.push(value.to_string()),
                PatternElement::Placeable {
                    expression: Expression::Select { variants, .. },
                } => {
                    for v in variants {
                        texts(&v.value, out);
                    }
                }
                PatternElement::Placeable { .. } => out.push(String::new()),
            }
        }
    }
    let resource = fluent_syntax::parser::parse(source).expect("parses");
    resource
        .body
        .iter()
        .filter_map(|e| match e {
            Entry::Message(m) => {
                let mut parts = Vec::new();
                if let Some(value) = &m.value {
                    texts(value, &mut parts);
                }
                Some((m.id.name.to_string(), parts))
            }
            _ => None,
        })
        .collect()
}

/// A page's text as a reader meets it: entities decoded, scripts and
/// styles left out, tags kept (attributes such as `aria-label` are read
/// too).
fn readable(body: &str) -> String {
    let mut text = body.to_string();
    for tag in ["script", "style"] {
        while let Some(start) = text.find(&format!("<{tag}")) {
            let end = text[start..]
                .find(&format!("</{tag}>"))
                .map_or(text.len(), |e| start + e + tag.len() + 3);
            text.replace_range(start..end, " ");
        }
    }
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The words of a page's text outside its tags, lower case.
fn visible_words(body: &str) -> Vec<String> {
    let text = readable(body);
    let mut visible = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                visible.push(' ');
            }
            c if !in_tag => visible.push(c),
            _ => {}
        }
    }
    visible
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[tokio::test]
async fn no_page_in_another_language_says_an_english_sentence() {
    let app = app_during_an_outage().await;
    let english = english_sentences();
    assert!(english.len() > 150, "{} English sentences", english.len());
    // English words no other language here writes.
    let tell_tales = [
        "the", "and", "with", "reports", "usual", "since", "outage", "problems", "notified",
        "about", "yet",
    ];
    for (prefix, tag, _) in &LANGUAGES[1..] {
        let theirs: std::collections::HashMap<String, Vec<String>> =
            message_texts(&std::fs::read_to_string(format!("assets/i18n/{tag}.ftl")).expect("ftl"))
                .into_iter()
                .collect();
        for path in [
            "/",
            "/map",
            "/map?service=spotify&window=15m",
            "/status/spotify",
            "/status/spotify?map=24h",
            "/status/spotify?reported=counted",
            "/status/spotify?followed=email",
            "/status/deezer",
            "/status/spotify/history",
            "/status/deezer/history",
            "/status/spotfy",
            "/no/such/page",
        ] {
            let url = format!("/{prefix}{path}");
            let r = app.get(&url).await;
            assert!(r.status() == 200 || r.status() == 404, "{url}");
            let body = readable(&r.text().await.expect("body"));
            assert!(!body.contains('⟦'), "{url} misses a message");
            for (id, sentence) in &english {
                // A message its language writes alike (a name, a format).
                let same = theirs
                    .get(id)
                    .is_some_and(|parts| parts.iter().any(|p| p.contains(sentence.as_str())));
                assert!(
                    same || !body.contains(sentence.as_str()),
                    "{url} says “{sentence}” (message {id}) in English"
                );
            }
            let words = visible_words(&body);
            let leaked: Vec<&String> = words
                .iter()
                .filter(|w| tell_tales.contains(&w.as_str()))
                .collect();
            assert!(leaked.is_empty(), "{url} has English words: {leaked:?}");
        }
        // The feed of the language's own address.
        let feed = app
            .get(&format!("/{prefix}/status/spotify/feed.atom"))
            .await
            .text()
            .await
            .expect("feed");
        assert!(
            feed.contains(&format!(r#"xml:lang="{tag}""#)),
            "{prefix} feed"
        );
        let feed = readable(&feed);
        for (id, sentence) in &english {
            let same = theirs
                .get(id)
                .is_some_and(|parts| parts.iter().any(|p| p.contains(sentence.as_str())));
            assert!(
                same || !feed.contains(sentence.as_str()),
                "/{prefix} feed says “{sentence}” (message {id}) in English"
            );
        }
        assert!(
            feed.contains(&format!("/{prefix}/status/spotify")),
            "{prefix} feed links its language's page"
        );
    }
    // The English pages and feed say what they said.
    let feed = app
        .get("/status/spotify/feed.atom")
        .await
        .text()
        .await
        .expect("feed");
    assert!(feed.contains("Evidence: "), "{feed}");
    assert!(feed.contains(r#"xml:lang="en""#));
}

#[tokio::test]
async fn country_names_and_error_pages_come_in_the_pages_language() {
    let app = spawn_app_with(AppOptions {
        detector_interval_ms: 50,
        ..AppOptions::default()
    })
    .await;
    app.quiet_hour_then_surge().await;
    app.active_global_outage().await;
    let de = app
        .get("/de/status/spotify")
        .await
        .text()
        .await
        .expect("page");
    assert!(de.contains("Vereinigte Staaten"), "German country names");
    assert!(!de.contains("United States"), "no English country names");
    let ja = app.get("/ja/map").await.text().await.expect("page");
    assert!(ja.contains("アメリカ合衆国"), "Japanese country names");
    // An unknown service under a prefix: the 404 in that language, its
    // links in it too.
    let r = app.get("/fr/status/spotfy").await;
    assert_eq!(r.status(), 404);
    let page = r.text().await.expect("page");
    assert!(
        page.contains("Nous ne connaissons pas « spotfy »"),
        "{page}"
    );
    assert!(page.contains(r#"href="/fr/status/spotify""#), "{page}");
    assert!(page.contains(r#"<html lang="fr">"#));
    // An unprefixed unknown address: the reader's language, and so it
    // says it depends on it.
    let r = raw_get(&app, "/status/spotfy", &[("accept-language", "it")]).await;
    assert_eq!(r.status(), 404);
    assert!(
        r.headers()["vary"]
            .to_str()
            .expect("vary")
            .contains("Accept-Language")
    );
    let page = r.text().await.expect("page");
    assert!(page.contains("Non conosciamo «spotfy»"), "{page}");
    assert!(page.contains(r#"href="/status/spotify""#), "{page}");
    let r = app.get("/nl/geen/pagina").await;
    assert_eq!(r.status(), 404);
    assert!(
        r.text()
            .await
            .expect("page")
            .contains("Pagina niet gevonden")
    );
}

#[tokio::test]
async fn api_errors_answer_in_the_readers_language_with_the_same_code() {
    let app = spawn_app().await;
    let r = raw_get(
        &app,
        "/api/v1/services/nope",
        &[("accept-language", "de-DE,de;q=0.9")],
    )
    .await;
    assert_eq!(r.status(), 404);
    assert!(
        r.headers()["vary"]
            .to_str()
            .expect("vary")
            .contains("Accept-Language")
    );
    let body: Value = r.json().await.expect("json");
    assert_eq!(body["error"], "unknown_service");
    assert_eq!(
        body["message"],
        "Einen Dienst mit diesem Namen gibt es nicht."
    );
    // A report for a symptom the service does not have, in Japanese.
    let r = app
        .client
        .post(app.url("/api/v1/reports"))
        .header("accept-language", "ja")
        .json(&serde_json::json!({"service": "spotify", "symptom": "nope"}))
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), 422);
    let body: Value = r.json().await.expect("json");
    assert_eq!(body["error"], "unknown_symptom");
    assert_eq!(
        body["message"],
        "このサービスではその問題を報告できません。"
    );
    // English keeps its detailed sentence, and still says it varies.
    let r = raw_get(&app, "/api/v1/services/nope", &[]).await;
    assert!(
        r.headers()["vary"]
            .to_str()
            .expect("vary")
            .contains("Accept-Language")
    );
    let body: Value = r.json().await.expect("json");
    assert_eq!(body["error"], "unknown_service");
    assert!(
        body["message"].as_str().is_some_and(|m| m.contains("nope")),
        "{body}"
    );
}

#[tokio::test]
async fn the_language_prefix_does_not_double_a_clients_page_allowance() {
    // Three pages a minute per client address.
    let app = spawn_app_with(AppOptions {
        tweak: Some(Box::new(|s| s.pages_per_minute_per_ip = 3)),
        ..AppOptions::default()
    })
    .await;
    let client = [("x-forwarded-for", "8.8.8.8")];
    // The same page under three addresses, from one client: they draw on
    // one allowance (the unprefixed one is a redirect, and a page view).
    let mut answers = Vec::new();
    for path in [
        "/de/status/spotify",
        "/status/spotify",
        "/en/status/spotify",
        "/fr/status/spotify",
        "/de/status/spotify",
    ] {
        answers.push(raw_get(&app, path, &client).await.status().as_u16());
    }
    assert_eq!(answers, [200, 302, 200, 429, 429]);
    // The refusal is in the page's language.
    let r = raw_get(&app, "/ja/status/spotify", &client).await;
    assert_eq!(r.status(), 429);
    assert!(r.headers().contains_key("retry-after"));
    assert!(
        r.text()
            .await
            .expect("page")
            .contains("リクエストが多すぎます")
    );
    // Another client has its own.
    let other = [("x-forwarded-for", "8.8.4.4")];
    assert_eq!(
        raw_get(&app, "/de/status/spotify", &other).await.status(),
        200
    );
}

/// An app with an open outage, so that every panel of the status page and
/// the home cards says all it can (since when, how many people, against the
/// usual level).
async fn app_during_an_outage() -> TestApp {
    let app = spawn_app_with(AppOptions {
        detector_interval_ms: 50,
        ..AppOptions::default()
    })
    .await;
    app.quiet_hour_then_surge().await;
    app.active_global_outage().await;
    app
}
