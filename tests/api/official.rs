//! Official status pages end to end: a local server plays a service's
//! status page (Statuspage v2 JSON, an Atom feed) changing over time, and
//! the app polls it, keeps what it says, links it to the crowd's incident
//! with the lag, shows it on the status page, announces it as
//! `official.changed`, backs off on errors and refuses bad bodies, all in
//! virtual time (the app's clock schedules polls).

use crate::common::status_page::{
    Page, StatusPage, catalog, json_page, keep_reporting_until, summary, time,
};
use crate::common::{AppOptions, RedisServer, TestApp, spawn_app_with};
use chrono::{DateTime, Duration as Minutes, Utc};
use downwatch::clock::ManualClock;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::time::Duration;

/// The app polling official pages every (virtual) minute, looking for due
/// ones every 20 ms, giving a page 500 ms and 64 KiB.
async fn spawn_polling_app(
    catalog: PathBuf,
    detector_ms: u64,
    redis_url: Option<String>,
    clock: Option<ManualClock>,
) -> TestApp {
    spawn_app_with(AppOptions {
        catalog: Some(catalog),
        detector_interval_ms: detector_ms,
        redis_url,
        clock,
        tweak: Some(Box::new(|s| {
            s.official_poll_secs = 60;
            s.official_check_ms = 20;
            s.official_timeout_ms = 500;
            s.official_max_bytes = 64 * 1024;
        })),
        ..AppOptions::default()
    })
    .await
}

/// The service's `official` answer once `done` holds.
async fn official_when(app: &TestApp, slug: &str, done: impl Fn(&Value) -> bool) -> Value {
    let v = app
        .wait_for_json(&format!("/api/v1/services/{slug}"), |v| {
            done(&v["official"])
        })
        .await;
    v["official"].clone()
}

/// Moves the clock past the next poll (interval plus the most jitter).
fn next_poll(app: &TestApp) {
    app.clock.advance(Minutes::seconds(67));
}

/// Reads SSE frames from `stream` until one names `event`; its data.
pub(crate) async fn next_event(stream: &mut reqwest::Response, event: &str) -> Value {
    let mut seen = String::new();
    for _ in 0..200 {
        let chunk = tokio::time::timeout(Duration::from_secs(10), stream.chunk())
            .await
            .expect("an event in time")
            .expect("stream readable")
            .expect("stream open");
        seen.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = seen.find("\n\n") {
            let frame = seen[..end].to_string();
            seen = seen[end + 2..].to_string();
            if frame.lines().any(|l| l == format!("event: {event}")) {
                let data = frame
                    .lines()
                    .find_map(|l| l.strip_prefix("data: "))
                    .expect("data line");
                return serde_json::from_str(data).expect("json data");
            }
        }
    }
    panic!("no {event} event");
}

#[tokio::test]
async fn a_statuspage_is_polled_conditionally_linked_to_the_crowd_and_shown_with_its_lag() {
    // Arrange: an operational page and the app polling it, detector on.
    let page = StatusPage::start(
        "/api/v2/summary.json",
        json_page(summary("none", "operational", None), "v1"),
    )
    .await;
    let dir = tempfile::tempdir().expect("tempdir");
    let app = spawn_polling_app(catalog(dir.path(), &page.url, None), 100, None, None).await;

    // The first poll: operational, with downwatch's User-Agent.
    let official = official_when(&app, "spotify", |o| o["level"] == "ok").await;
    assert_eq!(official["available"], true);
    assert_eq!(official["description"], "All Systems Operational");
    let first = page.wait_for_requests(1).await;
    assert!(
        first[0].headers["user-agent"].starts_with("downwatch/"),
        "{:?}",
        first[0].headers
    );

    // Act: an hour of quiet traffic and a surge; the page stays the same.
    app.quiet_hour_then_surge().await;
    let outage = app.active_global_outage().await;

    // Assert: later polls were conditional and answered 304.
    let got = page.requests();
    assert!(got.len() >= 3, "{} polls in an hour", got.len());
    assert!(
        got[1..]
            .iter()
            .all(|r| r.headers.get("if-none-match").map(String::as_str) == Some("\"v1\""))
    );
    assert!(got[1..].iter().any(|r| r.answered == 304));
    // The page still says operational while people report problems.
    let html = app.get("/status/spotify").await.text().await.expect("page");
    assert!(
        html.contains("Spotify&#39;s status page still says All Systems Operational while")
            || html.contains("Spotify's status page still says All Systems Operational while"),
        "{html}"
    );
    assert!(
        html.contains("reported problems in the last hour"),
        "{html}"
    );
    let unlinked = app.get_json(&format!("/api/v1/outages/{outage}")).await;
    assert_eq!(unlinked["official_acknowledged_at"], Value::Null);

    // Act: 12 minutes after detection the company admits a major outage.
    let detected: DateTime<Utc> = unlinked["detected_at"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("detected_at");
    let mut events = app
        .client
        .get(app.url("/api/v1/events"))
        .send()
        .await
        .expect("events");
    let created = detected + Minutes::minutes(12);
    keep_reporting_until(&app, created + Minutes::minutes(1)).await;
    page.set(json_page(
        summary(
            "major",
            "major_outage",
            Some((
                "critical",
                created,
                &[("investigating", "We are looking into playback failures.")],
            )),
        ),
        "v2",
    ));
    next_poll(&app);

    // Assert: the official word, its event, the link and the lag.
    let event = next_event(&mut events, "official.changed").await;
    assert_eq!(event["kind"], "official.changed");
    assert_eq!(event["service"], "spotify");
    assert_eq!(event["official"]["level"], "major");
    let official = official_when(&app, "spotify", |o| o["level"] == "major").await;
    assert_eq!(
        official["incidents"][0]["title"],
        "Playback fails for many users"
    );
    assert_eq!(official["incidents"][0]["impact"], "major");
    assert_eq!(
        official["components"][0],
        json!({"name": "Streaming", "level": "major", "status": "major_outage"})
    );
    let linked = app.get_json(&format!("/api/v1/outages/{outage}")).await;
    assert_eq!(linked["acknowledgement_lag_minutes"], 12, "{linked}");
    assert_eq!(linked["official_acknowledged_at"], time(created));
    assert_eq!(linked["official_incident"]["id"], "inc-1");
    // The incident's page people read, not the shortlink.
    assert_eq!(
        linked["official_incident"]["url"],
        "https://status.example.test/incidents/inc-1"
    );
    assert_eq!(
        linked["official_incident"]["latest_update"],
        "We are looking into playback failures."
    );
    let html = app.get("/status/spotify").await.text().await.expect("page");
    assert!(
        html.contains(
            "Spotify says: <strong class=\"official-words\">Major Service Outage</strong>"
        ),
        "{html}"
    );
    assert!(html.contains("12 min after reports surged"), "{html}");
    assert!(
        html.contains("We are looking into playback failures."),
        "{html}"
    );
    let badge = app
        .get("/badge/spotify.svg")
        .await
        .text()
        .await
        .expect("badge");
    assert!(badge.contains(">outage</text>"), "{badge}");
    assert!(badge.contains(">official: major</text>"), "{badge}");
    let services = app.get_json("/api/v1/services").await;
    assert_eq!(services["services"][0]["official"], "major", "{services}");
    let list = app
        .get_json("/api/v1/outages?service=spotify&region=global")
        .await;
    assert_eq!(list["outages"][0]["acknowledgement_lag_minutes"], 12);

    // Act: the page is operational again.
    page.set(json_page(summary("none", "operational", None), "v3"));
    next_poll(&app);

    // Assert: the official incident is over, the link and lag stay.
    let event = next_event(&mut events, "official.changed").await;
    assert_eq!(event["official"]["level"], "ok");
    official_when(&app, "spotify", |o| {
        o["level"] == "ok" && o["incidents"].as_array().is_some_and(Vec::is_empty)
    })
    .await;
    let after = app.get_json(&format!("/api/v1/outages/{outage}")).await;
    assert_eq!(after["acknowledgement_lag_minutes"], 12);
    assert!(
        after["official_incident"]["resolved_at"].is_string(),
        "{after}"
    );
    let feed = app
        .get("/status/spotify/feed.atom")
        .await
        .text()
        .await
        .expect("feed");
    assert!(feed.contains("official.changed"), "{feed}");
    assert!(
        feed.contains("New official incident: Playback fails for many users"),
        "{feed}"
    );
    let history = app
        .get("/status/spotify/history")
        .await
        .text()
        .await
        .expect("history");
    assert!(history.contains("12 min after reports surged"), "{history}");
}

const FEED_START: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>tag:status.deezer.test,2005:/history</id><title>Deezer status</title>
<updated>2026-03-02T11:00:00Z</updated>"#;

fn atom(entries: &str) -> Page {
    Page::Body {
        body: format!("{FEED_START}{entries}</feed>"),
        etag: format!("\"{}\"", entries.len()),
        content_type: "application/atom+xml",
    }
}

fn entry(status: &str, at: &str) -> String {
    format!(
        "<entry><id>tag:status.deezer.test,2005:Incident/7</id>\
<published>2026-03-02T11:58:00Z</published><updated>{at}</updated>\
<link rel=\"alternate\" type=\"text/html\" href=\"https://status.deezer.test/incidents/7\"/>\
<title>Streaming outage</title>\
<content type=\"html\">&lt;p&gt;&lt;strong&gt;{status}&lt;/strong&gt; - Streams do not start.&lt;/p&gt;</content></entry>"
    )
}

#[tokio::test]
async fn an_atom_feed_is_read_from_operational_to_outage_to_resolved() {
    let spotify = StatusPage::start(
        "/s.json",
        json_page(summary("none", "operational", None), "s"),
    )
    .await;
    let deezer = StatusPage::start("/history.atom", atom("")).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let app = spawn_polling_app(
        catalog(dir.path(), &spotify.url, Some(&deezer.url)),
        0,
        None,
        None,
    )
    .await;

    official_when(&app, "deezer", |o| o["level"] == "ok").await;

    deezer.set(atom(&entry("Investigating", "2026-03-02T11:59:00Z")));
    next_poll(&app);
    let official = official_when(&app, "deezer", |o| o["level"] == "major").await;
    let incident = &official["incidents"][0];
    assert_eq!(incident["title"], "Streaming outage");
    assert_eq!(incident["status"], "investigating");
    assert_eq!(incident["url"], "https://status.deezer.test/incidents/7");
    assert_eq!(incident["created_at"], "2026-03-02T11:58:00Z");

    deezer.set(atom(&entry("Resolved", "2026-03-02T12:02:00Z")));
    next_poll(&app);
    official_when(&app, "deezer", |o| {
        o["level"] == "ok" && o["incidents"].as_array().is_some_and(Vec::is_empty)
    })
    .await;
}

#[tokio::test]
async fn errors_back_off_and_show_the_official_status_as_unavailable() {
    // Arrange: a page that fails with 500.
    let page = StatusPage::start("/api/v2/summary.json", Page::Status(500)).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let app = spawn_polling_app(catalog(dir.path(), &page.url, None), 0, None, None).await;

    // The first poll fails: unavailable, and the page still renders.
    page.wait_for_requests(1).await;
    let official = official_when(&app, "spotify", |o| {
        o["unavailable_reason"] == "the page answered HTTP 500"
    })
    .await;
    assert_eq!(official["available"], false);
    let r = app.get("/status/spotify").await;
    assert_eq!(r.status(), 200);
    assert!(
        r.text()
            .await
            .expect("page")
            .contains("Official status unavailable")
    );

    // One interval later it is not due again: the wait doubled.
    next_poll(&app);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(page.requests().len(), 1, "polled again before the backoff");
    app.clock.advance(Minutes::seconds(70));
    page.wait_for_requests(2).await;

    // A page that does not answer in time fails too, and backs off more.
    page.set(Page::Hang);
    app.clock.advance(Minutes::seconds(270));
    page.wait_for_requests(3).await;
    official_when(&app, "spotify", |o| {
        o["unavailable_reason"] == "the page did not answer in time"
    })
    .await;
    app.clock.advance(Minutes::seconds(270));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(page.requests().len(), 3, "polled again before the backoff");

    // Healthy again: available, and the waits are back to the interval.
    page.set(json_page(
        summary("minor", "degraded_performance", None),
        "ok",
    ));
    app.clock.advance(Minutes::seconds(270));
    page.wait_for_requests(4).await;
    let official = official_when(&app, "spotify", |o| o["available"] == true).await;
    assert_eq!(official["level"], "minor");
    assert_eq!(
        official["components"][0],
        json!({"name": "Streaming", "level": "minor", "status": "degraded_performance"})
    );
    next_poll(&app);
    page.wait_for_requests(5).await;
}

#[tokio::test]
async fn malformed_and_huge_pages_are_refused_without_harm() {
    let page = StatusPage::start(
        "/api/v2/summary.json",
        json_page("{\"status\": {\"indicator\": ".to_string(), "bad"),
    )
    .await;
    let dir = tempfile::tempdir().expect("tempdir");
    let app = spawn_polling_app(catalog(dir.path(), &page.url, None), 0, None, None).await;

    let official = official_when(&app, "spotify", |o| {
        o["unavailable_reason"] == "the page could not be read"
    })
    .await;
    assert_eq!(official["level"], Value::Null);
    let html = app.get("/status/spotify").await.text().await.expect("page");
    assert!(html.contains("Official status unavailable"), "{html}");

    // A body over the cap, announced by its length.
    let huge = format!(
        "{{\"status\": {{\"indicator\": \"none\", \"description\": \"{}\"}}}}",
        "x".repeat(100_000)
    );
    page.set(json_page(huge, "huge"));
    app.clock.advance(Minutes::seconds(150));
    page.wait_for_requests(2).await;
    official_when(&app, "spotify", |o| {
        o["unavailable_reason"] == "the page is too large"
    })
    .await;

    // And one that never says its length.
    page.set(Page::Endless(1 << 20));
    app.clock.advance(Minutes::seconds(300));
    page.wait_for_requests(3).await;
    let r = app.get("/api/v1/services/spotify").await;
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.expect("json");
    assert_eq!(v["official"]["available"], false);
    assert_eq!(app.get("/status/spotify").await.status(), 200);
}

#[tokio::test]
async fn two_processes_on_one_redis_poll_a_page_once_between_them() {
    let redis = RedisServer::start();
    let page = StatusPage::start(
        "/api/v2/summary.json",
        json_page(summary("none", "operational", None), "v1"),
    )
    .await;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = catalog(dir.path(), &page.url, None);
    let a = spawn_polling_app(path.clone(), 0, Some(redis.url()), None).await;
    let b = spawn_polling_app(path, 0, Some(redis.url()), Some(a.clock.clone())).await;

    page.wait_for_requests(1).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(page.requests().len(), 1, "both processes polled");
    for n in 2..=4 {
        next_poll(&a);
        page.wait_for_requests(n).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert_eq!(page.requests().len(), n, "both processes polled");
    }
    // Both serve what one of them read.
    for app in [&a, &b] {
        let official = official_when(app, "spotify", |o| o["level"] == "ok").await;
        assert_eq!(official["available"], true);
    }
}

#[tokio::test]
async fn a_real_github_summary_served_from_loopback_shows_what_github_showed() {
    // Arrange: the real GitHub summary of 25 November 2022 (one open
    // incident), unchanged, as Spotify's page.
    let real = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/official-real/github-summary-incident-2022-11-25.json"
    ))
    .expect("the shared real capture");
    let page = StatusPage::start("/api/v2/summary.json", json_page(real, "gh")).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let app = spawn_polling_app(catalog(dir.path(), &page.url, None), 0, None, None).await;

    // Act: the first poll.
    let official = official_when(&app, "spotify", |o| o["available"] == true).await;

    // Assert: the API says what the page said.
    assert_eq!(official["level"], "minor", "{official}");
    assert_eq!(official["description"], "Minor Service Outage");
    assert_eq!(official["page_url"], "https://www.githubstatus.com");
    assert_eq!(
        official["components"],
        json!([{"name": "Packages", "level": "minor", "status": "partial_outage"}])
    );
    let incident = &official["incidents"][0];
    assert_eq!(incident["title"], "Incident with Packages and Pages");
    assert_eq!(incident["status"], "investigating");
    assert_eq!(incident["created_at"], "2022-11-25T14:39:09.548Z");
    assert_eq!(incident["components"], json!(["Packages", "Pages"]));
    assert_eq!(incident["updates"].as_array().map(Vec::len), Some(7));

    // And so does the status page: the page's own words (not "Major
    // outage"), the component, the incident with its date (not today) and
    // its newest update, links to the human pages.
    let html = app.get("/status/spotify").await.text().await.expect("page");
    assert!(
        html.contains(
            "Spotify says: <strong class=\"official-words\">Minor Service Outage</strong>"
        ),
        "{html}"
    );
    assert!(!html.contains("Major outage"), "{html}");
    assert!(html.contains("Packages: Partial outage"), "{html}");
    assert!(
        html.contains(
            "<a href=\"https://www.githubstatus.com/incidents/ljwdk6qml8z8\" rel=\"nofollow noopener\">Incident with Packages and Pages</a>"
        ),
        "{html}"
    );
    assert!(html.contains("25 Nov 2022, 14:39 UTC"), "{html}");
    assert!(html.contains("Affected: Packages, Pages"), "{html}");
    assert!(
        html.contains("Packages is now experiencing degraded performance."),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"https://www.githubstatus.com\" rel=\"nofollow noopener\">Spotify"),
        "{html}"
    );
}
