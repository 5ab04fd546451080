//! The admin API: the token gate, and official incident updates shown on
//! the incident (API, events, status page) and kept when the detector
//! rewrites the incident.

use crate::common::{
    AppOptions, MANY_NETWORKS, TestApp, assert_error, quiet_hour_then_surge, report_spotify,
    spawn_app, spawn_app_with,
};
use downwatch::ingest::Secret;
use serde_json::{Value, json};
use std::time::Duration as StdDuration;

const TOKEN: &str = "owner-token-123";

async fn spawn_admin_app(detector_interval_ms: u64) -> TestApp {
    spawn_app_with(AppOptions {
        detector_interval_ms,
        tweak: Some(Box::new(|s| s.admin_token = Some(Secret::new(TOKEN)))),
        ..AppOptions::default()
    })
    .await
}

fn updates_path(service: &str, id: &str) -> String {
    format!("/api/v1/admin/services/{service}/incidents/{id}/updates")
}

async fn post_update(
    app: &TestApp,
    path: &str,
    token: Option<&str>,
    body: &Value,
) -> reqwest::Response {
    let mut request = app.client.post(app.url(path)).json(body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("request")
}

#[tokio::test]
async fn the_admin_api_is_off_without_a_token() {
    let app = spawn_app().await;
    let body = json!({"status": "identified", "message": "x"});
    let r = post_update(
        &app,
        &updates_path("spotify", "spotify.global.1"),
        Some(TOKEN),
        &body,
    )
    .await;
    assert_error(r, 403, "admin_disabled").await;
}

#[tokio::test]
async fn admin_calls_need_the_token() {
    let app = spawn_admin_app(0).await;
    let path = updates_path("spotify", "spotify.global.1");
    let body = json!({"status": "identified", "message": "x"});

    let r = post_update(&app, &path, None, &body).await;
    assert_eq!(
        r.headers()["www-authenticate"].to_str().expect("header"),
        "Bearer realm=\"downwatch-admin\""
    );
    assert_error(r, 401, "missing_admin_token").await;
    let r = post_update(&app, &path, Some("owner-token-12"), &body).await;
    assert!(r.headers().contains_key("www-authenticate"));
    assert_error(r, 401, "invalid_admin_token").await;
    // An API key is not an admin token.
    let r = app
        .client
        .post(app.url(&path))
        .header("x-api-key", TOKEN)
        .json(&body)
        .send()
        .await
        .expect("request");
    assert_error(r, 401, "missing_admin_token").await;
}

#[tokio::test]
async fn official_updates_are_validated() {
    let app = spawn_admin_app(0).await;
    let path = updates_path("spotify", "spotify.global.1");
    let cases = [
        (
            json!({"status": "fixed", "message": "x"}),
            422,
            "invalid_status",
        ),
        (
            json!({"status": "resolved", "message": "  "}),
            422,
            "invalid_message",
        ),
        (
            json!({"status": "resolved", "message": "x".repeat(2001)}),
            422,
            "invalid_message",
        ),
        (json!({"status": "resolved"}), 400, "invalid_body"),
        (json!({"status": 3, "message": "x"}), 400, "invalid_body"),
        // Valid, but there is no such incident.
        (
            json!({"status": "resolved", "message": "x"}),
            404,
            "unknown_outage",
        ),
    ];
    for (body, status, code) in cases {
        let r = post_update(&app, &path, Some(TOKEN), &body).await;
        assert_error(r, status, code).await;
    }
    let r = post_update(
        &app,
        &updates_path("nope", "nope.global.1"),
        Some(TOKEN),
        &json!({"status": "resolved", "message": "x"}),
    )
    .await;
    assert_error(r, 404, "unknown_service").await;
    let r = app
        .client
        .post(app.url(&path))
        .bearer_auth(TOKEN)
        .header("content-type", "text/plain")
        .body("status=resolved")
        .send()
        .await
        .expect("request");
    assert_error(r, 415, "unsupported_media_type").await;
    let r = app
        .client
        .post(app.url(&path))
        .bearer_auth(TOKEN)
        .header("content-type", "application/json")
        .body(vec![b' '; 5000])
        .send()
        .await
        .expect("request");
    assert_error(r, 413, "payload_too_large").await;
}

#[tokio::test]
async fn an_official_update_shows_on_the_incident_events_and_page_and_survives_the_detector() {
    let app = spawn_admin_app(20).await;
    let mut events = app
        .client
        .get(app.url("/api/v1/events"))
        .send()
        .await
        .expect("sse");
    quiet_hour_then_surge(&[&app], &MANY_NETWORKS).await;
    let id = app.active_global_outage().await;
    let before = app.get_json(&format!("/api/v1/outages/{id}")).await;
    assert_eq!(before["updates"], json!([]));
    assert_eq!(before["official_status"], Value::Null);

    let r = post_update(
        &app,
        &updates_path("spotify", &id),
        Some(TOKEN),
        &json!({"status": "identified", "message": "Bad <script>alert(1)</script> deploy"}),
    )
    .await;
    assert_eq!(r.status(), 201);
    let created: Value = r.json().await.expect("json");
    assert_eq!(created["official_status"], "identified");
    let r = post_update(
        &app,
        &updates_path("spotify", &id),
        Some(TOKEN),
        &json!({"status": "resolved", "message": "Rolled back."}),
    )
    .await;
    assert_eq!(r.status(), 201);

    // The detector keeps rewriting the incident while reports stay high.
    report_spotify(&[&app], 40, &MANY_NETWORKS).await;
    app.clock.advance(chrono::Duration::minutes(1));
    tokio::time::sleep(StdDuration::from_millis(300)).await;

    let incident = app.get_json(&format!("/api/v1/outages/{id}")).await;
    let updates = incident["updates"].as_array().expect("updates");
    assert_eq!(updates.len(), 2, "{incident}");
    assert_eq!(updates[0]["status"], "identified");
    assert_eq!(updates[1]["message"], "Rolled back.");
    assert!(updates[1]["at"].is_string());
    assert_eq!(incident["official_status"], "resolved");
    assert_eq!(incident["state"], "outage", "the crowd's view stays");
    let list = app
        .get_json("/api/v1/outages?service=spotify&region=global")
        .await;
    assert_eq!(
        list["outages"][0]["updates"].as_array().map(Vec::len),
        Some(2)
    );

    let page = app.get("/status/spotify").await.text().await.expect("page");
    assert!(page.contains("Official updates"), "{page}");
    assert!(
        page.contains("Bad &lt;script&gt;alert(1)&lt;/script&gt; deploy"),
        "{page}"
    );
    assert!(!page.contains("<script>alert(1)"));
    assert!(page.contains("The service reports this incident resolved"));
    let history = app
        .get("/status/spotify/history")
        .await
        .text()
        .await
        .expect("page");
    assert!(history.contains("Resolved: Rolled back."), "{history}");

    let mut seen = String::new();
    read_stream_until(&mut events, &mut seen, |s| {
        s.matches("event: incident.official_update").count() >= 2
    })
    .await;
    assert_eq!(
        seen.matches("event: incident.official_update").count(),
        2,
        "{seen}"
    );
    assert!(seen.contains("Rolled back."), "{seen}");

    // The detector's own events carry the official updates too.
    for _ in 0..30 {
        report_spotify(&[&app], 2, &MANY_NETWORKS).await;
        app.clock.advance(chrono::Duration::minutes(1));
    }
    let resolved = |s: &str| {
        s.split("\n\n").any(|frame| {
            frame.contains("event: incident.resolved")
                && frame.contains(&id)
                && frame.contains("Rolled back.")
        })
    };
    read_stream_until(&mut events, &mut seen, resolved).await;
    assert!(resolved(&seen), "{seen}");
}

/// Appends what `stream` sends to `seen` until `done` holds for it (or ten
/// seconds pass).
async fn read_stream_until(
    stream: &mut reqwest::Response,
    seen: &mut String,
    done: impl Fn(&str) -> bool,
) {
    let deadline = tokio::time::Instant::now() + StdDuration::from_secs(10);
    while !done(seen) && tokio::time::Instant::now() < deadline {
        if let Ok(Ok(Some(chunk))) =
            tokio::time::timeout(StdDuration::from_secs(1), stream.chunk()).await
        {
            seen.push_str(&String::from_utf8_lossy(&chunk));
        }
    }
}

#[tokio::test]
async fn admin_calls_share_the_per_address_read_limit() {
    let app = spawn_app_with(AppOptions {
        tweak: Some(Box::new(|s| {
            s.admin_token = Some(Secret::new(TOKEN));
            s.reads_per_minute_anonymous = 2;
        })),
        ..AppOptions::default()
    })
    .await;
    let path = updates_path("spotify", "spotify.global.1");
    let body = json!({"status": "investigating", "message": "looking"});
    for _ in 0..2 {
        let r = post_update(&app, &path, Some("a-guess"), &body).await;
        assert_eq!(r.status(), 401);
    }
    // A third guess within the minute is refused before the token is read.
    let r = post_update(&app, &path, Some(TOKEN), &body).await;
    assert_eq!(r.status(), 429);
    assert!(r.headers().contains_key("retry-after"));
}

async fn list_hooks_as(app: &TestApp, client_ip: &str, token: &str) -> reqwest::Response {
    app.client
        .get(app.url("/api/v1/admin/services/spotify/webhooks"))
        .header("x-forwarded-for", client_ip)
        .bearer_auth(token)
        .send()
        .await
        .expect("request")
}

async fn spawn_guarded_admin_app(failures_per_minute: u32) -> TestApp {
    spawn_app_with(AppOptions {
        tweak: Some(Box::new(move |s| {
            s.admin_token = Some(Secret::new(TOKEN));
            s.admin_failures_per_minute = failures_per_minute;
        })),
        ..AppOptions::default()
    })
    .await
}

#[tokio::test]
async fn a_client_that_keeps_guessing_the_token_has_to_wait() {
    let app = spawn_guarded_admin_app(0).await;

    let mut refused_early = 0;
    for n in 0..10 {
        let r = list_hooks_as(&app, "2a02:cf40:0:1::1", &format!("guess-{n}")).await;
        match r.status().as_u16() {
            401 => {}
            429 => refused_early += 1,
            other => panic!("unexpected {other}"),
        }
    }
    assert!(refused_early > 0, "ten guesses in a row were all checked");

    // The same /64 waits, even with the right token; others do not.
    let r = list_hooks_as(&app, "2a02:cf40:0:1::2", TOKEN).await;
    assert!(r.headers().contains_key("retry-after"));
    assert_error(r, 429, "too_many_failures").await;
    assert_eq!(list_hooks_as(&app, "8.8.8.8", TOKEN).await.status(), 200);
}

#[tokio::test]
async fn past_the_global_failure_budget_every_admin_attempt_waits() {
    let app = spawn_guarded_admin_app(3).await;

    for (n, ip) in ["8.8.8.8", "8.8.4.4", "81.2.69.142"]
        .into_iter()
        .enumerate()
    {
        let r = list_hooks_as(&app, ip, &format!("guess-{n}")).await;
        assert_error(r, 401, "invalid_admin_token").await;
    }
    // The attempt that finds the budget spent is not checked at all.
    let r = list_hooks_as(&app, "89.160.20.112", "guess-3").await;
    assert_error(r, 429, "too_many_failures").await;

    // A guesser learns nothing now: the right token is refused too.
    let r = list_hooks_as(&app, "1.1.1.1", TOKEN).await;
    let retry: u64 = r.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&retry), "{retry}");
    assert_error(r, 429, "too_many_failures").await;
}

#[tokio::test]
async fn the_failure_budget_checks_at_most_its_setting_even_all_at_once() {
    let app = spawn_guarded_admin_app(30).await;

    // Sixty guesses from sixty clients, half of them at once.
    let mut statuses = Vec::new();
    for round in 0..2 {
        let guesses = (0..30).map(|n| {
            let ip = format!("81.2.{round}.{}", n + 1);
            let app = &app;
            async move { list_hooks_as(app, &ip, &format!("guess-{round}-{n}")).await }
        });
        for r in futures_util::future::join_all(guesses).await {
            statuses.push(r.status().as_u16());
        }
    }

    let checked = statuses.iter().filter(|s| **s == 401).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!((checked, refused), (30, 30), "{statuses:?}");
}
