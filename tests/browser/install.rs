//! The installable app in Chromium: no installability errors (DevTools'
//! `Page.getInstallabilityErrors`), and offline it opens the pages it kept
//! and says when it last knew.

use crate::common::spawn_app;
use crate::webdriver::Browser;
use serde_json::json;

#[tokio::test]
async fn chromium_finds_the_app_installable_and_it_opens_offline() {
    let app = spawn_app().await;
    let b = Browser::start().await;
    b.set_size(412, 900).await;
    b.goto(&app.url("/en/status/spotify")).await;
    // The service worker is running and controls the page (a reload takes
    // it from "installed" to "controlling").
    b.script_async(
        "const done = arguments[arguments.length - 1];
         navigator.serviceWorker.ready.then(() => done(true));",
        json!([]),
    )
    .await;
    b.goto(&app.url("/en/status/spotify")).await;
    b.wait_until("return !!navigator.serviceWorker.controller;", 10)
        .await;

    let errors = b.cdp("Page.getInstallabilityErrors", json!({})).await;
    assert_eq!(
        errors["installabilityErrors"],
        json!([]),
        "Chromium says the app is not installable: {errors}"
    );
    let manifest = b.cdp("Page.getAppManifest", json!({})).await;
    assert_eq!(manifest["errors"], json!([]), "{manifest}");
    assert!(
        manifest["url"]
            .as_str()
            .is_some_and(|u| u.ends_with("/en/manifest.webmanifest")),
        "{manifest}"
    );

    // Offline: the page comes from the copy the service worker kept, and
    // says it is offline and when the copy was saved.
    b.cdp("Network.enable", json!({})).await;
    b.cdp(
        "Network.emulateNetworkConditions",
        json!({"offline": true, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}),
    )
    .await;
    b.goto(&app.url("/en/status/spotify")).await;
    b.wait_until(
        "const n = document.getElementById('offline-note'); return n && !n.hidden;",
        10,
    )
    .await;
    assert_eq!(b.text("h1").await, "Spotify outage reports");
    let note = b.text("#offline-note").await;
    assert!(
        note.starts_with("You are offline.") && note.chars().any(|c| c.is_ascii_digit()),
        "{note}"
    );
    b.screenshot("offline-status").await;
    b.quit().await;
}
