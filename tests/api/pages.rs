//! The web pages over plain HTTP (no browser): security headers, HTML and
//! JSON 404s, the report form without JavaScript, incidents on the status
//! and history pages. The browser tests (tests/browser) drive the same
//! pages in Chromium.

use crate::common::{AppOptions, demo_catalog, spawn_app, spawn_app_with};
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
    for path in ["/nope", "/assets/nope.js"] {
        let r = app.get(path).await;
        assert_eq!(r.status(), 404, "{path}");
        assert_eq!(r.headers()["content-type"], "text/html; charset=utf-8");
        assert!(r.text().await.expect("body").contains("Page not found"));
    }
    let r = app.get("/status/no-such-service").await;
    assert_eq!(r.status(), 404);
    assert_eq!(r.headers()["content-type"], "text/html; charset=utf-8");
    assert!(
        r.text()
            .await
            .expect("body")
            .contains("We don't know “no-such-service”")
    );
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
    assert!(most.contains(r#"href="/en/status/deezer""#));
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
    assert!(music.contains(r#"href="/en/status/spotify""#));
    assert!(!music.contains(r#"<a href="/en/status/steam""#));
}

#[tokio::test]
async fn a_detected_outage_shows_on_the_status_and_history_pages() {
    let app = spawn_app_with(AppOptions {
        detector_interval_ms: 50,
        ..AppOptions::default()
    })
    .await;
    app.quiet_hour_then_surge().await;

    let status = outage_page(&app, "/status/spotify").await;
    let line = text_of(&status, "status-line");
    // Reports from six networks in six countries: everywhere.
    assert!(
        line.starts_with("User reports indicate problems at Spotify worldwide since "),
        "{line}"
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
    assert!(problems.contains(r#"href="/en/status/spotify""#));
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

/// The text of the element with `id` (tags dropped).
fn text_of(page: &str, id: &str) -> String {
    let start = page
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}"));
    let open = page[..start].rfind('<').expect("tag");
    let tag: String = page[open + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let body = &page[start..];
    let body = &body[body.find('>').expect("tag end") + 1..];
    let end = body.find(&format!("</{tag}>")).unwrap_or(body.len());
    let mut out = String::new();
    let mut in_tag = false;
    for c in body[..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Waits for Spotify's status page to show the detected outage.
async fn outage_page(app: &crate::common::TestApp, path: &str) -> String {
    for _ in 0..200 {
        let status = page(app, path).await;
        if status.contains("class=\"status-line outage\"") && status.contains("Active incident") {
            return status;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no outage on {path}");
}

#[tokio::test]
async fn the_fold_answers_since_when_how_many_and_against_the_usual_level() {
    let app = spawn_app_with(AppOptions {
        detector_interval_ms: 50,
        // A catalog whose Spotify names no official source (the bundled
        // one now does).
        catalog: Some(demo_catalog()),
        ..AppOptions::default()
    })
    .await;
    app.quiet_hour_then_surge().await;

    let status = outage_page(&app, "/status/spotify").await;

    let fold = text_of(&status, "fold");
    assert!(fold.contains("Since "), "{fold}");
    assert!(
        fold.contains("minutes so far") || fold.contains("minute so far"),
        "{fold}"
    );
    assert!(
        fold.contains("people reported problems since it started"),
        "{fold}"
    );
    assert!(fold.contains("Not just you: "), "{fold}");
    assert!(fold.contains("times the usual level"), "{fold}");
    assert!(
        fold.contains("Spotify publishes no official status page that we follow"),
        "no official source, said plainly: {fold}"
    );
    assert!(fold.contains("Get told when Spotify is back"), "{fold}");
    // While the outage is open, problems and places cover it, not the day.
    assert!(text_of(&status, "symptoms-h").contains("since"), "{status}");
    assert!(text_of(&status, "map-span").contains("Show the last 24 hours"));
    let day = page(&app, "/status/spotify?map=24h").await;
    assert!(text_of(&day, "map-h").contains("24 hours"));
    assert!(text_of(&day, "map-span").contains("Show the outage so far"));
    // Counts are whole numbers.
    let incident = status.split_once("Active incident").expect("incident").1;
    assert!(incident.contains(" reports a minute;"), "{incident}");
    assert!(!incident.contains(".0 reports a minute"), "{incident}");
    // The home page card says the same, with a sparkline.
    let home = page(&app, "/").await;
    let card = home
        .split(r#"<li data-service="spotify">"#)
        .nth(1)
        .expect("spotify card");
    assert!(card.contains("since <time"), "{card}");
    assert!(card.contains("usual"), "{card}");
    assert!(card.contains(r#"<svg class="spark""#), "{card}");
    assert!(card.contains(r#"class="spark-bar above""#), "{card}");
}

#[tokio::test]
async fn the_confirmation_and_its_chart_say_the_same_numbers() {
    let app = spawn_app().await;
    for _ in 0..3 {
        app.post_report_from("8.8.8.8", &json!({"service": "deezer", "symptom": "app"}))
            .await;
    }
    // A view of the page is cached before the report is sent.
    page(&app, "/status/spotify").await;
    let r = app
        .post_raw(
            "application/x-www-form-urlencoded",
            "service=spotify&symptom=login",
        )
        .await;
    assert_eq!(r.status(), 303);

    let after = page(&app, "/status/spotify?reported=counted").await;

    let bars: u64 = after
        .split("<rect class=\"bar")
        .skip(1)
        .filter_map(|s| {
            s.split("data-count=\"")
                .nth(1)?
                .split('"')
                .next()?
                .parse::<u64>()
                .ok()
        })
        .sum();
    assert_eq!(bars, 1, "the chart has the report just sent: {after}");
    assert!(
        after.contains(r#"<span id="reports-24h" data-count="1">"#),
        "{after}"
    );
    let summary = text_of(&after, "chart-summary");
    assert!(
        summary.starts_with("1 report in the last 15 minutes")
            && summary.contains(" 1 in the last 24 hours"),
        "{summary}"
    );
}

#[tokio::test]
async fn the_feed_says_words_not_scores() {
    let app = spawn_app_with(AppOptions {
        detector_interval_ms: 50,
        ..AppOptions::default()
    })
    .await;
    app.quiet_hour_then_surge().await;
    app.active_global_outage().await;

    let feed = page(&app, "/status/spotify/feed.atom").await;

    assert!(feed.contains("Evidence: "), "{feed}");
    assert!(!feed.contains("score"), "{feed}");
    assert!(!feed.contains(" 1 minutes"), "{feed}");
    assert!(!feed.contains(".0 reports a minute"), "{feed}");
    assert!(
        feed.contains("Most reported: Streaming"),
        "a label, not the slug: {feed}"
    );
}

#[tokio::test]
async fn a_history_without_an_official_source_gives_no_grade() {
    let app = spawn_app_with(AppOptions {
        detector_interval_ms: 50,
        // A catalog whose Spotify names no official source (the bundled
        // one now does).
        catalog: Some(demo_catalog()),
        ..AppOptions::default()
    })
    .await;
    app.quiet_hour_then_surge().await;
    app.active_global_outage().await;

    let history = page(&app, "/status/spotify/history").await;

    assert!(
        text_of(&history, "acknowledgement-grade")
            .contains("Spotify has no official status source that we follow"),
        "{history}"
    );
    assert!(!history.contains("grade <strong>"), "{history}");
    assert!(!history.contains("Not acknowledged"), "{history}");
    assert!(history.contains("No official source"), "{history}");
    assert!(
        history.contains(r#"data-label="Started""#),
        "rows fold on a phone"
    );
}

#[tokio::test]
async fn an_unknown_service_offers_search_and_the_closest_names() {
    let app = spawn_app().await;

    let r = app.get("/status/spotfy").await;

    assert_eq!(r.status(), 404);
    let body = r.text().await.expect("body");
    let suggestions = text_of(&body, "suggestions");
    assert!(suggestions.starts_with("Spotify"), "{suggestions}");
    assert!(body.contains(r#"<li><a href="/status/spotify">Spotify</a></li>"#));
    assert!(
        body.contains(r#"name="q" value="spotfy""#),
        "the search holds it"
    );
    let history = app.get("/status/steem/history").await;
    assert_eq!(history.status(), 404);
    assert!(
        history
            .text()
            .await
            .expect("body")
            .contains(r#"href="/status/steam""#)
    );
}

#[tokio::test]
async fn the_api_docs_are_rendered_from_the_openapi_document() {
    let app = spawn_app().await;
    let openapi = app.get_json("/api/v1/openapi.json").await;

    let docs = page(&app, "/docs").await;

    for (path, item) in openapi["paths"].as_object().expect("paths") {
        for method in ["get", "post", "delete"] {
            if let Some(op) = item.get(method) {
                let id = op["operationId"].as_str().expect("operationId");
                assert!(docs.contains(&format!("id=\"op-{id}\"")), "{method} {path}");
                assert!(
                    docs.contains(&format!("<code class=\"path\">{path}</code>")),
                    "{path}"
                );
            }
        }
    }
    for name in openapi["components"]["schemas"]
        .as_object()
        .expect("schemas")
        .keys()
    {
        assert!(docs.contains(&format!("id=\"schema-{name}\"")), "{name}");
    }
    assert!(!docs.contains("src=\"http"), "nothing from a CDN");
    let home = page(&app, "/").await;
    assert!(home.contains(r#"<a href="/docs">API documentation</a>"#));
    let api = app.get("/api").await;
    assert_eq!(api.status(), 308);
    assert_eq!(api.headers()["location"], "/docs", "/api leads to the docs");
}

#[tokio::test]
async fn what_only_a_page_loads_carries_no_policy_of_its_own_and_svgs_keep_theirs() {
    let app = spawn_app().await;
    // The page's policy governs its stylesheet, scripts and manifest:
    // theirs would only be bytes on every first visit.
    for path in [
        "/assets/app.css",
        "/assets/app.js",
        "/assets/follow.js",
        "/en/manifest.webmanifest",
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status(), 200, "{path}");
        assert_eq!(r.headers()["x-content-type-options"], "nosniff", "{path}");
        assert!(
            !r.headers().contains_key("content-security-policy"),
            "{path}"
        );
    }
    // An SVG can be opened as a document, and the service worker runs
    // under its own script's policy: they keep the pages' policy.
    for path in ["/assets/icon.svg", "/assets/world.svg", "/sw.js"] {
        let r = app.get(path).await;
        assert_eq!(r.status(), 200, "{path}");
        let csp = r.headers()["content-security-policy"]
            .to_str()
            .expect("csp");
        assert!(csp.contains("default-src 'none'"), "{path}: {csp}");
    }
}
