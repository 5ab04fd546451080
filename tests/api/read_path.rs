//! The read path at the outage moment: views computed once and shared,
//! fresh where it matters (an incident, the form's confirmation), HTTP
//! validators and cache headers, compression, HEAD, the page limit.

use crate::common::{
    AppOptions, MANY_NETWORKS, RedisServer, TestApp, quiet_hour_then_surge, report_spotify,
    spawn_app, spawn_app_with,
};
use downwatch::clock::ManualClock;
use reqwest::header::{HeaderMap, HeaderValue};
use serde_json::json;
use std::io::Read;

/// The routes whose answers are the same for everyone (pages under their
/// language prefix: the unprefixed addresses redirect there).
const PUBLIC: [&str; 7] = [
    "/en/",
    "/en/status/spotify",
    "/en/map",
    "/api/v1/services",
    "/api/v1/services/spotify",
    "/api/v1/services/spotify/timeseries?hours=1&step=5m",
    "/api/v1/heatmap?window=1h",
];

/// An app whose views live a minute: anything fresh it shows before that
/// is fresh because something made it so, not because the view expired.
async fn caching_app(
    redis_url: Option<String>,
    detector_interval_ms: u64,
    clock: Option<ManualClock>,
) -> TestApp {
    spawn_app_with(AppOptions {
        redis_url,
        detector_interval_ms,
        clock,
        tweak: Some(Box::new(|s| s.view_ttl_ms = 60_000)),
        ..AppOptions::default()
    })
    .await
}

async fn get_with(
    app: &TestApp,
    path: &str,
    headers: &[(&'static str, &str)],
) -> reqwest::Response {
    let mut map = HeaderMap::new();
    for (name, value) in headers {
        map.insert(*name, HeaderValue::from_str(value).expect("header"));
    }
    app.client
        .get(app.url(path))
        .headers(map)
        .send()
        .await
        .expect("request")
}

fn status_counts(page: &str) -> (String, String) {
    let count = |id: &str| {
        page.split(&format!(r#"id="{id}" data-count=""#))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("count on the page")
            .to_string()
    };
    (count("reports-15m"), count("reports-24h"))
}

#[tokio::test]
async fn public_answers_carry_validators_and_answer_304() {
    let app = spawn_app().await;
    report_spotify(&[&app], 3, &MANY_NETWORKS).await;
    for path in PUBLIC {
        let first = app.get(path).await;
        assert_eq!(first.status(), 200, "{path}");
        let h = first.headers().clone();
        let etag = h["etag"].to_str().expect("etag").to_string();
        assert!(etag.starts_with("W/\""), "{path}: {etag}");
        assert_eq!(
            h["cache-control"], "public, max-age=5, stale-while-revalidate=30",
            "{path}"
        );
        assert_eq!(h["vary"], "Accept-Encoding", "{path}");
        let body = first.bytes().await.expect("body");
        assert!(!body.is_empty());

        let again = get_with(&app, path, &[("if-none-match", &etag)]).await;
        assert_eq!(again.status(), 304, "{path}");
        assert_eq!(again.headers()["etag"].to_str().unwrap(), etag);
        assert!(again.bytes().await.expect("body").is_empty(), "{path}");

        let other = get_with(&app, path, &[("if-none-match", "W/\"other\"")]).await;
        assert_eq!(other.status(), 200, "{path}");
    }
    // A new report changes the answers: the old validator no longer holds.
    let before = app.get("/api/v1/services/spotify").await;
    let etag = before.headers()["etag"].to_str().unwrap().to_string();
    app.post_report_from(
        "203.0.113.9",
        &json!({"service": "spotify", "symptom": "app"}),
    )
    .await;
    let after = get_with(
        &app,
        "/api/v1/services/spotify",
        &[("if-none-match", &etag)],
    )
    .await;
    assert_eq!(after.status(), 200);
    let v: serde_json::Value = after.json().await.expect("json");
    assert_eq!(v["reports"]["last_15m"], 4);
}

#[tokio::test]
async fn bodies_are_compressed_as_the_client_asks() {
    let app = spawn_app().await;
    report_spotify(&[&app], 6, &MANY_NETWORKS).await;
    for path in PUBLIC {
        let plain = app.get(path).await.bytes().await.expect("body");
        assert!(!plain.is_empty());

        let br = get_with(&app, path, &[("accept-encoding", "gzip, deflate, br")]).await;
        assert_eq!(br.headers()["content-encoding"], "br", "{path}");
        let wire = br.bytes().await.expect("body");
        let mut decoded = Vec::new();
        brotli::Decompressor::new(&wire[..], 4096)
            .read_to_end(&mut decoded)
            .expect("brotli");
        assert_eq!(decoded, plain, "{path}");
        assert!(wire.len() < plain.len(), "{path}");

        let gz = get_with(&app, path, &[("accept-encoding", "gzip")]).await;
        assert_eq!(gz.headers()["content-encoding"], "gzip", "{path}");
        let mut decoded = Vec::new();
        flate2::read::GzDecoder::new(&gz.bytes().await.expect("body")[..])
            .read_to_end(&mut decoded)
            .expect("gzip");
        assert_eq!(decoded, plain, "{path}");

        let none = get_with(&app, path, &[("accept-encoding", "br;q=0, gzip;q=0")]).await;
        assert!(none.headers().get("content-encoding").is_none(), "{path}");
    }
    // The status page, map included, is small on the wire.
    let page = get_with(
        &app,
        "/en/status/spotify",
        &[("accept-encoding", "gzip, br")],
    )
    .await;
    let wire = page.bytes().await.expect("body").len();
    assert!(wire <= 30_000, "{wire} bytes");
}

#[tokio::test]
async fn every_get_route_answers_head() {
    let app = spawn_app().await;
    report_spotify(&[&app], 2, &MANY_NETWORKS).await;
    let page = app.get("/").await.text().await.expect("page");
    let css = page
        .split(r#"<link rel="stylesheet" href=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("stylesheet url")
        .to_string();
    let routes = [
        "/en/",
        "/de/map?window=24h",
        "/en/status/spotify",
        "/ja/status/spotify/history",
        "/status/spotify/feed.atom",
        "/de/status/spotify/feed.atom",
        "/de/manifest.webmanifest",
        "/badge/spotify.svg",
        "/assets/app.css",
        css.as_str(),
        "/api/v1/services",
        "/api/v1/services/spotify",
        "/api/v1/services/spotify/timeseries?hours=1&step=5m",
        "/api/v1/heatmap?window=1h",
        "/api/v1/outages",
        "/api/v1/openapi.json",
        "/healthz",
        "/readyz",
        "/metrics",
        "/status/nope",
    ];
    for path in routes {
        let get = app.get(path).await;
        let status = get.status();
        let content_type = get.headers().get("content-type").cloned();
        let length = get.bytes().await.expect("body").len();
        let head = app
            .client
            .head(app.url(path))
            .send()
            .await
            .expect("request");
        assert_eq!(head.status(), status, "HEAD {path}");
        assert_eq!(
            head.headers().get("content-type"),
            content_type.as_ref(),
            "{path}"
        );
        if let Some(n) = head.headers().get("content-length") {
            // /metrics changes between two calls; the rest do not.
            if path != "/metrics" {
                assert_eq!(n.to_str().unwrap(), length.to_string(), "HEAD {path}");
            }
        }
        assert!(head.bytes().await.expect("body").is_empty(), "HEAD {path}");
    }
}

#[tokio::test]
async fn the_form_confirmation_is_fresh_and_personal() {
    let app = caching_app(None, 0, None).await;
    // Someone views the page: the view is computed and cached.
    let before = app.get("/status/spotify").await.text().await.expect("page");
    assert_eq!(status_counts(&before), ("0".into(), "0".into()));

    let posted = app
        .client
        .post(app.url("/api/v1/reports"))
        .header("x-forwarded-for", "81.2.69.142")
        .header("content-type", "application/x-www-form-urlencoded")
        .body("service=spotify&symptom=streaming")
        .send()
        .await
        .expect("post");
    assert_eq!(posted.status(), 303);
    let location = posted.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(location, "/status/spotify?reported=counted");

    let confirmation = app.get(&location).await;
    assert_eq!(confirmation.headers()["cache-control"], "private, no-store");
    let page = confirmation.text().await.expect("page");
    assert!(page.contains("your report was counted"), "{page}");
    assert_eq!(status_counts(&page), ("1".into(), "1".into()));

    // The shared page is the cached view (it lives a minute here); the
    // confirmation did not have to wait for it.
    let shared = app.get("/status/spotify").await;
    assert!(
        shared.headers()["cache-control"]
            .to_str()
            .unwrap()
            .starts_with("public")
    );
    assert_eq!(
        status_counts(&shared.text().await.expect("page")),
        ("0".into(), "0".into())
    );
}

/// Reports in a series answer.
fn series_total(v: &serde_json::Value) -> u64 {
    v["buckets"]
        .as_array()
        .expect("buckets")
        .iter()
        .map(|b| b["count"].as_u64().expect("count"))
        .sum()
}

#[tokio::test]
async fn series_and_heatmaps_are_computed_once_per_view_time_and_parameters() {
    let app = caching_app(None, 0, None).await;
    report_spotify(&[&app], 2, &MANY_NETWORKS).await;
    let series = "/api/v1/services/spotify/timeseries?hours=1&step=1m";
    let heat = "/api/v1/heatmap?service=spotify&window=1h";
    let first = app.get(series).await;
    let etag = first.headers()["etag"].clone();
    assert_eq!(series_total(&first.json().await.expect("json")), 2);
    assert_eq!(app.get_json(heat).await["total"], 2);

    report_spotify(&[&app], 1, &MANY_NETWORKS[2..]).await;
    // Within the view time (a minute here) the same answers are served...
    let again = app.get(series).await;
    assert_eq!(again.headers()["etag"], etag, "the same cached answer");
    assert_eq!(series_total(&again.json().await.expect("json")), 2);
    assert_eq!(app.get_json(heat).await["total"], 2);
    // ...while other parameters are a view of their own, computed now.
    let other = app
        .get_json("/api/v1/services/spotify/timeseries?hours=2&step=1m")
        .await;
    assert_eq!(series_total(&other), 3);
    assert_eq!(
        app.get_json("/api/v1/heatmap?service=spotify&window=24h")
            .await["total"],
        3
    );
}

#[tokio::test]
async fn an_incident_shows_on_the_next_request_of_every_process() {
    let redis = RedisServer::start();
    let detecting = caching_app(Some(redis.url()), 50, None).await;
    let reading = caching_app(Some(redis.url()), 0, Some(detecting.clock.clone())).await;
    // Both processes serve "no problems" from their cached views.
    for app in [&detecting, &reading] {
        let none = app.get_json("/api/v1/outages?active=true").await;
        assert_eq!(none["outages"], json!([]));
        let badge = app
            .get("/badge/spotify.svg")
            .await
            .text()
            .await
            .expect("svg");
        assert!(badge.contains(">ok</text>"), "{badge}");
        let a = app.get("/status/spotify").await;
        let etag = a.headers()["etag"].clone();
        let page = a.text().await.expect("page");
        assert!(page.contains("No current problems at Spotify"));
        let b = app.get("/status/spotify").await;
        assert_eq!(b.headers()["etag"], etag, "the same cached view");
    }

    quiet_hour_then_surge(&[&detecting, &reading], &MANY_NETWORKS).await;

    // The views live a minute; the incident shows well before (the polls
    // below stop after ten seconds), in both processes, because publishing
    // it changed the store's version.
    for app in [&detecting, &reading] {
        let mut shown = false;
        for _ in 0..400 {
            let page = app.get("/status/spotify").await.text().await.expect("page");
            if page.contains("User reports indicate problems at Spotify worldwide since") {
                assert!(page.contains("Active incident"));
                shown = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
        assert!(shown, "the incident never showed on {}", app.address);
        let list = app.get_json("/api/v1/services").await;
        let spotify = list["services"]
            .as_array()
            .expect("services")
            .iter()
            .find(|s| s["slug"] == "spotify")
            .expect("spotify")
            .clone();
        assert_eq!(spotify["status"], "outage", "{spotify}");
        // The outage list, the badge and the feed follow the same version.
        let active = app.get_json("/api/v1/outages?active=true").await;
        assert_eq!(active["outages"][0]["service"], "spotify", "{active}");
        let badge = app
            .get("/badge/spotify.svg")
            .await
            .text()
            .await
            .expect("svg");
        assert!(badge.contains(">outage</text>"), "{badge}");
        let feed = app
            .get("/status/spotify/feed.atom")
            .await
            .text()
            .await
            .expect("feed");
        assert!(feed.contains("<entry>"), "{feed}");
    }
}

#[tokio::test]
async fn pages_are_limited_per_address() {
    let app = spawn_app_with(AppOptions {
        tweak: Some(Box::new(|s| s.pages_per_minute_per_ip = 3)),
        ..AppOptions::default()
    })
    .await;
    let from = |ip: &'static str| {
        let app = &app;
        async move {
            app.client
                .get(app.url("/en/status/spotify"))
                .header("x-forwarded-for", ip)
                .send()
                .await
                .expect("request")
        }
    };
    for _ in 0..3 {
        assert_eq!(from("8.8.8.8").await.status(), 200);
    }
    let refused = from("8.8.8.8").await;
    assert_eq!(refused.status(), 429);
    assert!(refused.headers().contains_key("retry-after"));
    assert!(
        refused.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert_eq!(from("8.8.4.4").await.status(), 200, "another address");
    // The API's own limits are apart from it.
    assert_eq!(app.get("/api/v1/services").await.status(), 200);
}
