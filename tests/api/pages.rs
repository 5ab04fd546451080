//! The web pages over plain HTTP (no browser): security headers, HTML and
//! JSON 404s, the report form without JavaScript, incidents on the status
//! and history pages. The browser tests (tests/browser) drive the same
//! pages in Chromium.

use crate::common::{AppOptions, spawn_app, spawn_app_with};
use serde_json::json;

async fn page(app: &crate::common::TestApp, path: &str) -> String {
    let r = app.get(path).await;
    assert_eq!(r.status(), 200, "GET {path}");
    r.text().await.expect("body")
}

#[tokio::test]
async fn pages_are_html_under_a_strict_security_policy() {
    let app = spawn_app().await;
    for path in ["/", "/map", "/status/spotify", "/status/spotify/history"] {
        let r = app.get(path).await;
        assert_eq!(r.status(), 200, "{path}");
        let h = r.headers().clone();
        assert_eq!(h["content-type"], "text/html; charset=utf-8", "{path}");
        let csp = h["content-security-policy"].to_str().expect("csp");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(csp.contains("script-src 'self'"), "{csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["x-frame-options"], "DENY");
        assert_eq!(h["referrer-policy"], "same-origin");
        let body = r.text().await.expect("body");
        assert!(
            !body.contains("<script>") && !body.contains(" style="),
            "{path} has inline script or style"
        );
        assert!(body.contains(r#"<script src="/assets/app."#), "{path}");
    }
    // Pages link the fingerprinted names, kept by caches for a year.
    let page = app.get("/").await.text().await.expect("body");
    let js_url = page
        .split(r#"<script src=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("script url");
    assert!(
        js_url.ends_with(".js") && js_url != "/assets/app.js",
        "{js_url}"
    );
    let js = app.get(js_url).await;
    assert_eq!(
        js.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert!(js.text().await.expect("js").contains("EventSource"));
    let css = app.get("/assets/app.css").await;
    assert_eq!(css.headers()["content-type"], "text/css; charset=utf-8");
    let js = app.get("/assets/app.js").await;
    assert_eq!(
        js.headers()["content-type"],
        "text/javascript; charset=utf-8"
    );
    assert!(js.text().await.expect("js").contains("EventSource"));
}

#[tokio::test]
async fn unknown_pages_are_html_404s_and_the_api_stays_json() {
    let app = spawn_app().await;
    for path in ["/nope", "/status/no-such-service", "/assets/nope.js"] {
        let r = app.get(path).await;
        assert_eq!(r.status(), 404, "{path}");
        assert_eq!(r.headers()["content-type"], "text/html; charset=utf-8");
        assert!(r.text().await.expect("body").contains("Page not found"));
    }
    let r = app.get("/api/v1/nope").await;
    assert_eq!(r.status(), 404);
    let body: serde_json::Value = r.json().await.expect("json");
    assert_eq!(body["error"], "not_found");
}

#[tokio::test]
async fn the_report_form_works_without_javascript() {
    let app = spawn_app_with(AppOptions {
        dedupe_minutes: 30,
        ..AppOptions::default()
    })
    .await;
    let before = page(&app, "/status/spotify").await;
    assert!(before.contains(r#"method="post" action="/api/v1/reports""#));
    assert!(before.contains(r#"<input type="hidden" name="service" value="spotify">"#));
    assert!(before.contains("No current problems at Spotify"));

    let r = app
        .post_raw(
            "application/x-www-form-urlencoded",
            "service=spotify&symptom=login&platform=",
        )
        .await;
    assert_eq!(r.status(), 303);
    let location = r.headers()["location"]
        .to_str()
        .expect("location")
        .to_string();
    assert_eq!(location, "/status/spotify?reported=counted");

    let after = page(&app, &location).await;
    assert!(after.contains("Thanks — your report was counted."));
    assert!(after.contains(
        r#"<span id="reports-15m" data-count="1">1</span> report in the last 15 minutes"#
    ));
    assert!(after.contains("Login"), "the symptom is listed");

    let again = app
        .post_raw(
            "application/x-www-form-urlencoded",
            "service=spotify&symptom=app",
        )
        .await;
    let location = again.headers()["location"]
        .to_str()
        .expect("location")
        .to_string();
    assert_eq!(location, "/status/spotify?reported=repeat");
    assert!(
        page(&app, &location)
            .await
            .contains("we counted your first report")
    );
}

#[tokio::test]
async fn home_lists_most_reported_services_and_escapes_the_search() {
    let app = spawn_app().await;
    for _ in 0..4 {
        app.post_report(&json!({"service": "deezer", "symptom": "app"}))
            .await;
    }
    let home = page(&app, "/").await;
    let most = home
        .split(r#"id="most-reported""#)
        .nth(1)
        .expect("most reported list");
    assert!(most.contains(r#"href="/status/deezer""#));
    assert!(most.contains("4 reports in 15 min"));

    let search = page(
        &app,
        "/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&category=music",
    )
    .await;
    assert!(search.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!search.contains("<script>alert"));
    assert!(search.contains("No service matches your search."));
    let music = page(&app, "/?category=music").await;
    assert!(music.contains(r#"href="/status/spotify""#));
    assert!(!music.contains(r#"<a href="/status/steam""#));
}

#[tokio::test]
async fn a_detected_outage_shows_on_the_status_and_history_pages() {
    let app = spawn_app_with(AppOptions {
        detector_interval_ms: 50,
        ..AppOptions::default()
    })
    .await;
    app.quiet_hour_then_surge().await;

    let mut status = String::new();
    for _ in 0..200 {
        status = page(&app, "/status/spotify").await;
        if status.contains("User reports indicate problems at Spotify since") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        status.contains("User reports indicate problems at Spotify since <time"),
        "no outage on the page"
    );
    assert!(status.contains("Active incident"));
    assert!(status.contains("<caption>Reports against the usual level"));

    let history = page(&app, "/status/spotify/history").await;
    assert!(history.contains("<strong>Ongoing</strong>"));
    let home = page(&app, "/").await;
    let problems = home
        .split(r#"id="problems""#)
        .nth(1)
        .expect("problems list");
    assert!(problems.contains(r#"href="/status/spotify""#));
}

#[tokio::test]
async fn a_rate_limited_form_post_goes_back_to_the_page_with_a_note() {
    let app = spawn_app_with(AppOptions {
        tweak: Some(Box::new(|s| s.reports_per_minute_per_ip = 1)),
        ..AppOptions::default()
    })
    .await;
    let post = || {
        app.client
            .post(app.url("/api/v1/reports"))
            .header("x-forwarded-for", "8.8.8.8")
            .header("referer", app.url("/status/spotify?reported=counted"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("service=spotify&symptom=login")
            .send()
    };
    assert_eq!(post().await.expect("first").status(), 303);

    let refused = post().await.expect("second");

    assert_eq!(refused.status(), 303);
    assert!(refused.headers().contains_key("retry-after"));
    let location = refused.headers()["location"]
        .to_str()
        .expect("location")
        .to_string();
    assert_eq!(location, "/status/spotify?reported=limited");
    assert!(
        page(&app, &location)
            .await
            .contains("please try again in a minute")
    );
    let json = app
        .post_report_from(
            "8.8.8.8",
            &json!({"service": "spotify", "symptom": "login"}),
        )
        .await;
    assert_eq!(json.status(), 429, "JSON clients still get 429");
}
