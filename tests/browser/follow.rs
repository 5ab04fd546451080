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

use crate::a11y::{axe_source, serious_violations};
use crate::common::push_service::PushService;
use crate::common::smtp_server::SmtpServer;
use crate::common::{
    AppOptions, MANY_NETWORKS, TestApp, assert_error, back_to_normal, quiet_hour_then_surge,
    spawn_app_with,
};
use crate::webdriver::Browser;
use downwatch::ingest::Secret;
use serde_json::json;

/// An app that sends mail through `smtp` (so the page has the email form).
async fn spawn_mail_app(smtp: &SmtpServer, detector_interval_ms: u64) -> TestApp {
    let smtp_url = smtp.url();
    spawn_app_with(AppOptions {
        detector_interval_ms,
        tweak: Some(Box::new(move |s| {
            s.follow.smtp_url = Some(Secret::new(smtp_url));
            s.follow.smtp_from = Some("Downwatch <alerts@downwatch.test>".to_string());
            s.follow.public_url = Some("http://downwatch.test".to_string());
        })),
        ..AppOptions::default()
    })
    .await
}

#[tokio::test]
async fn during_an_incident_both_buttons_show_and_a_click_gets_as_far_as_the_browser_allows() {
    let smtp = SmtpServer::start();
    let app = spawn_mail_app(&smtp, 20).await;
    quiet_hour_then_surge(&[&app], &MANY_NETWORKS).await;
    app.active_global_outage().await;

    // Without the script: the feed and the form, no buttons.
    let html = app.get("/status/spotify").await.text().await.expect("page");
    assert!(
        html.contains(r#"<div class="follow-push" id="follow-push" hidden data-say="#),
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

/// The follow panel's state, as follow.js marks it.
async fn panel(b: &Browser, attribute: &str) -> serde_json::Value {
    b.script(
        "return document.getElementById('follow').getAttribute(arguments[0]);",
        json!([attribute]),
    )
    .await
}

async fn hidden(b: &Browser, id: &str) -> bool {
    b.script(
        "return document.getElementById(arguments[0]).hidden;",
        json!([id]),
    )
    .await
        == json!(true)
}

#[tokio::test]
async fn the_back_button_comes_and_goes_with_the_incident_without_a_reload() {
    let smtp = SmtpServer::start();
    let app = spawn_mail_app(&smtp, 50).await;
    let b = Browser::start().await;
    b.set_size(1280, 1400).await;
    b.goto(&app.url("/status/spotify")).await;
    b.wait_until(
        "return document.getElementById('follow-push').hidden === false;",
        10,
    )
    .await;
    assert!(hidden(&b, "follow-back").await);
    assert!(!hidden(&b, "follow-problems").await);
    let email_choices = "return Array.from(document.querySelectorAll('#follow-email option'))
        .map(o => o.value).join(',');";
    assert_eq!(b.script(email_choices, json!([])).await, json!("problems"));
    b.wait_until("return window.downwatchEvents.readyState === 1;", 10)
        .await;
    b.script("window.stayedLoaded = true;", json!([])).await;

    // An incident opens while the page is open.
    app.quiet_hour_then_surge().await;
    let outage = app.active_global_outage().await;
    b.wait_until(
        "return document.getElementById('follow-back').hidden === false;",
        30,
    )
    .await;
    assert_eq!(
        b.text("#follow-back").await,
        "Notify me when Spotify is back"
    );
    assert_eq!(panel(&b, "data-incident").await, json!("true"));
    assert_eq!(
        b.script(email_choices, json!([])).await,
        json!("back,problems")
    );
    // Nothing followed: no stop buttons.
    assert!(hidden(&b, "unfollow-back").await);
    assert!(hidden(&b, "unfollow-problems").await);
    b.script(
        "document.getElementById('follow').scrollIntoView({block: 'center'});",
        json!([]),
    )
    .await;
    b.screenshot("follow-live-incident").await;

    // It resolves: the button goes again.
    back_to_normal(&[&app]).await;
    app.wait_for_json(&format!("/api/v1/outages/{outage}"), |v| {
        v["state"] == "resolved"
    })
    .await;
    b.wait_until(
        "return document.getElementById('follow-back').hidden === true;",
        30,
    )
    .await;
    assert_eq!(panel(&b, "data-incident").await, json!("false"));
    assert_eq!(b.script(email_choices, json!([])).await, json!("problems"));
    assert_eq!(
        b.script("return window.stayedLoaded === true;", json!([]))
            .await,
        json!(true),
        "the page was updated in place, not reloaded"
    );
    b.quit().await;
}

#[tokio::test]
async fn a_browser_that_follows_can_stop_from_the_page() {
    let app = spawn_app_with(AppOptions {
        tweak: Some(Box::new(|s| {
            s.delivery_allow_internal_targets = true;
            s.follow.follow_requests_per_minute_per_ip = 0;
        })),
        ..AppOptions::default()
    })
    .await;
    // The browser cannot subscribe offline (see above): the subscription
    // comes from the test's push service, and is saved in the page's
    // storage as follow.js saves it after following.
    let push = PushService::start().await;
    let subscriber = push.browser("page");
    let r = app
        .client
        .post(app.url("/api/v1/services/spotify/follow/push"))
        .json(&json!({"kind": "problems", "subscription": subscriber.subscription()}))
        .send()
        .await
        .expect("follow");
    assert_eq!(r.status(), 201);
    let view: serde_json::Value = r.json().await.expect("view");

    let b = Browser::start().await;
    b.set_size(1280, 1400).await;
    b.goto(&app.url("/status/spotify")).await;
    // The app runs in virtual time (its expires_at is months before the
    // browser's now, and the page drops expired follows): the end saved
    // here is a day after the browser's clock.
    assert!(view["expires_at"].is_string(), "{view}");
    b.script(
        "localStorage.setItem('downwatch-follow:spotify:problems', JSON.stringify({
           id: arguments[0], endpoint: arguments[1],
           expires_at: new Date(Date.now() + 86400000).toISOString()}));",
        json!([view["id"], subscriber.endpoint]),
    )
    .await;
    b.goto(&app.url("/status/spotify")).await;
    b.wait_until(
        "return document.getElementById('unfollow-problems').hidden === false;",
        10,
    )
    .await;
    assert_eq!(
        b.text("#follow-problems").await,
        "You will be notified about problems with Spotify"
    );
    assert_eq!(
        b.script(
            "return document.getElementById('follow-problems').disabled;",
            json!([])
        )
        .await,
        json!(true)
    );
    assert_eq!(
        b.text("#unfollow-problems").await,
        "Stop notifications about problems with Spotify"
    );
    assert_eq!(panel(&b, "data-followed").await, json!("problems"));
    b.script(
        "document.getElementById('follow').scrollIntoView({block: 'center'});",
        json!([]),
    )
    .await;
    b.screenshot("follow-following").await;
    let violations = serious_violations(&b, &axe_source()).await;
    assert!(violations.is_empty(), "{violations:#?}");

    b.click("#unfollow-problems").await;
    b.wait_until(
        "return document.getElementById('follow').dataset.unfollowed === 'problems';",
        10,
    )
    .await;
    assert_eq!(
        b.text("#follow-status").await,
        "Stopped: you will get no more notifications about Spotify."
    );
    assert!(hidden(&b, "unfollow-problems").await);
    assert_eq!(
        b.text("#follow-problems").await,
        "Notify me about problems with Spotify"
    );
    assert_eq!(
        b.script(
            "return [document.getElementById('follow-problems').disabled,
                     localStorage.getItem('downwatch-follow:spotify:problems')];",
            json!([])
        )
        .await,
        json!([false, null])
    );
    // The server has no such follower any more.
    let again = app
        .client
        .delete(app.url("/api/v1/services/spotify/follow/push"))
        .json(&json!({"kind": "problems", "endpoint": subscriber.endpoint}))
        .send()
        .await
        .expect("unfollow");
    assert_error(again, 404, "unknown_follow").await;
    b.quit().await;
}
