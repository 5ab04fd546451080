//! Following a service from its status page in headless Chromium: during
//! an incident both buttons show (the script reveals them; without it the
//! page offers the Atom feed and the email form), a click registers the
//! service worker, asks for permission and subscribes.
//!
//! Where it stops: offline, Chromium cannot reach its push service (FCM),
//! and `pushManager.subscribe` never settles (measured: no answer at all,
//! not an error). The page gives up after 15 seconds and says so; that is
//! what the test asserts, after checking that the worker is registered
//! and the permission was asked for and granted. the server's side of a subscription (delivery,
//! encryption, VAPID) is covered by tests/api/follow_push.rs, which plays
//! the push service.

use crate::common::smtp_server::SmtpServer;
use crate::common::{AppOptions, MANY_NETWORKS, quiet_hour_then_surge, spawn_app_with};
use crate::webdriver::Browser;
use downwatch::ingest::Secret;
use serde_json::json;

#[tokio::test]
async fn during_an_incident_both_buttons_show_and_a_click_gets_as_far_as_the_browser_allows() {
    let smtp = SmtpServer::start();
    let smtp_url = smtp.url();
    let app = spawn_app_with(AppOptions {
        detector_interval_ms: 20,
        tweak: Some(Box::new(move |s| {
            s.notify.smtp_url = Some(Secret::new(smtp_url));
            s.notify.smtp_from = Some("Downwatch <alerts@downwatch.test>".to_string());
            s.notify.public_url = Some("http://downwatch.test".to_string());
        })),
        ..AppOptions::default()
    })
    .await;
    quiet_hour_then_surge(&[&app], &MANY_NETWORKS).await;
    app.active_global_outage().await;

    // Without the script: the feed and the form, no buttons.
    let html = app.get("/status/spotify").await.text().await.expect("page");
    assert!(
        html.contains(r#"<div class="follow-push" id="follow-push" hidden>"#),
        "{html}"
    );
    assert!(html.contains("Follow the <a href=\"/status/spotify/feed.atom\">Atom feed</a>"));
    assert!(html.contains(r#"id="follow-email""#));

    let b = Browser::start().await;
    b.set_size(1280, 1400).await;
    b.goto(&app.url("/status/spotify")).await;
    b.wait_until(
        "return document.getElementById('follow-push').hidden === false;",
        10,
    )
    .await;
    assert_eq!(
        b.text("#follow-back").await,
        "Notify me when Spotify is back"
    );
    assert_eq!(
        b.text("#follow-problems").await,
        "Notify me about problems with Spotify"
    );
    b.script(
        "document.getElementById('follow').scrollIntoView({block: 'center'});",
        json!([]),
    )
    .await;
    let shot = b.screenshot("follow-incident").await;
    let _ = std::fs::copy(
        &shot,
        std::env::temp_dir().join("downwatch-follow-incident.png"),
    );

    // The person answers the permission prompt with "Allow".
    b.set_permission("notifications", "granted").await;
    b.click("#follow-back").await;
    b.wait_until(
        "return document.getElementById('follow').dataset.worker === 'registered';",
        20,
    )
    .await;
    let worker = b
        .script_async(
            "const done = arguments[arguments.length - 1];
             navigator.serviceWorker.getRegistration('/').then(r =>
               done(r ? (r.active || r.installing || r.waiting).scriptURL : null));",
            json!([]),
        )
        .await;
    assert_eq!(worker, json!(app.url("/sw.js")));
    b.wait_until(
        "return document.getElementById('follow').dataset.permission === 'granted';",
        10,
    )
    .await;
    // Offline the browser's push service is out of reach: subscribe never
    // answers, the page gives up after 15 s, says so, and the button can
    // be tried again. This is as far as an offline browser goes.
    b.wait_until(
        "return document.getElementById('follow').dataset.push === 'unreachable';",
        60,
    )
    .await;
    let said = b.text("#follow-status").await;
    assert!(
        said.starts_with(
            "Could not turn on notifications: your browser could not reach its push service"
        ),
        "{said}"
    );
    assert_eq!(
        b.script(
            "return document.getElementById('follow-back').disabled;",
            json!([])
        )
        .await,
        json!(false)
    );
    b.quit().await;
}
