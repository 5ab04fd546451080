//! The pages in German, as a German reader uses them: the footer switcher
//! keeps the choice (an unprefixed address then opens in German), and the
//! report flow answers in German. Screenshots of a German and a Japanese
//! status page land in target/screenshots/.

use crate::common::{AppOptions, spawn_app_with};
use crate::webdriver::Browser;
use serde_json::json;

#[tokio::test]
async fn a_reader_who_picks_german_reads_and_reports_in_german() {
    let app = spawn_app_with(AppOptions {
        dedupe_minutes: 30,
        ..AppOptions::default()
    })
    .await;
    let b = Browser::start().await;
    b.set_size(1280, 2000).await;
    // The browser asks for English: the home page comes in English.
    b.goto(&app.url("/")).await;
    assert_eq!(
        b.script("return location.pathname;", json!([])).await,
        "/en/"
    );
    // The switcher: German, and the choice is kept.
    b.click("footer a[data-lang='de']").await;
    b.wait_until("return location.pathname === '/de/';", 10)
        .await;
    assert_eq!(b.text("h1").await, "Geht es nicht, oder liegt es an mir?");
    b.goto(&app.url("/status/spotify")).await;
    b.wait_until("return location.pathname === '/de/status/spotify';", 10)
        .await;
    assert_eq!(b.text("h1").await, "Spotify: Störungsmeldungen");
    assert_eq!(
        b.text("#status-line").await,
        "Derzeit keine Probleme bei Spotify"
    );
    // Times and dates in German (the script writes them in the page's
    // language and the visitor's zone).
    let lang = b
        .script("return document.documentElement.lang;", json!([]))
        .await;
    assert_eq!(lang, "de");

    // Reporting: the form's answer comes back to the German page.
    b.click("#report summary").await;
    b.click("#report-form input[value=login]").await;
    let label = b
        .script(
            "return document.querySelector('#report-form input[value=login]').parentElement.textContent.trim();",
            json!([]),
        )
        .await;
    assert_eq!(label, "Anmeldung");
    b.click("#submit-report").await;
    b.wait_until(
        "return location.pathname === '/de/status/spotify' && location.search === '?reported=counted';",
        10,
    )
    .await;
    assert_eq!(
        b.text("#confirmation").await,
        "Danke – deine Meldung wurde gezählt."
    );
    b.screenshot("status-de").await;

    b.goto(&app.url("/ja/status/spotify")).await;
    assert_eq!(b.text("h1").await, "Spotify の障害報告");
    b.screenshot("status-ja").await;
    b.quit().await;
}

/// A status page during an outage in German and Japanese, on a phone and
/// on a desktop: every message there, nothing wider than the screen, and
/// screenshots (target/screenshots/outage-<lang>-<size>.png) to look at.
#[tokio::test]
async fn a_status_page_during_an_outage_reads_well_in_german_and_japanese() {
    let app = spawn_app_with(AppOptions {
        detector_interval_ms: 50,
        ..AppOptions::default()
    })
    .await;
    app.quiet_hour_then_surge().await;
    app.active_global_outage().await;
    let b = Browser::start().await;
    for (width, height, size) in [(412, 2600, "phone"), (1280, 2200, "desktop")] {
        b.set_size(width, height).await;
        for (lang, heading, status) in [
            ("de", "Spotify: Störungsmeldungen", "Nutzer melden"),
            ("ja", "Spotify の障害報告", "問題が報告されています"),
        ] {
            b.goto(&app.url(&format!("/{lang}/status/spotify"))).await;
            assert_eq!(b.text("h1").await, heading);
            let line = b.text("#status-line").await;
            assert!(line.contains(status), "{lang}: {line}");
            let missing = b
                .script("return document.body.innerText.includes('⟦');", json!([]))
                .await;
            assert_eq!(missing, json!(false), "{lang} misses a message");
            crate::demo::assert_no_sideways_scroll(&b, &format!("{lang} {size}")).await;
            b.screenshot(&format!("outage-{lang}-{size}")).await;
        }
    }
    b.quit().await;
}
