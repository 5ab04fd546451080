//! `GET /metrics`: counters move by exactly what the requests did, routes
//! are labelled by pattern, and each app has its own registry.

use crate::common::{
    AppOptions, MANY_NETWORKS, RedisServer, TestApp, quiet_hour_then_surge, spawn_app,
    spawn_app_on, spawn_app_with,
};
use serde_json::json;

/// The value of the sample `name{labels}` (labels in any order), 0 when
/// the exposition has no such sample.
fn sample(text: &str, name: &str, labels: &[(&str, &str)]) -> f64 {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.rsplit_once(' '))
        .filter(|(series, _)| {
            let (metric, rest) = series.split_once('{').unwrap_or((series, ""));
            metric == name
                && labels
                    .iter()
                    .all(|(k, v)| rest.contains(&format!("{k}=\"{v}\"")))
        })
        .map(|(_, value)| value.parse::<f64>().expect("numeric sample"))
        .sum()
}

impl TestApp {
    async fn scrape(&self) -> String {
        let r = self.get("/metrics").await;
        assert_eq!(r.status(), 200);
        let content_type = r.headers()["content-type"]
            .to_str()
            .expect("ascii")
            .to_string();
        assert!(content_type.starts_with("text/plain"), "{content_type}");
        r.text().await.expect("body")
    }
}

#[tokio::test]
async fn report_counters_move_by_what_was_posted() {
    let app = spawn_app_with(AppOptions {
        dedupe_minutes: 30,
        ..AppOptions::default()
    })
    .await;
    let before = app.scrape().await;
    assert_eq!(
        sample(&before, "downwatch_reports_received_total", &[]),
        0.0
    );

    // Two people, one of them twice; then three refusals.
    let login = json!({"service": "spotify", "symptom": "login"});
    assert_eq!(app.post_report_from("8.8.8.8", &login).await.status(), 202);
    assert_eq!(
        app.post_report_from("81.2.69.142", &login).await.status(),
        202
    );
    assert_eq!(app.post_report_from("8.8.8.8", &login).await.status(), 202);
    let r = app
        .post_report(&json!({"service": "nope", "symptom": "login"}))
        .await;
    assert_eq!(r.status(), 404);
    let r = app
        .post_report(&json!({"service": "spotify", "symptom": "nope"}))
        .await;
    assert_eq!(r.status(), 422);
    assert_eq!(app.post_raw("application/json", "{").await.status(), 400);

    let after = app.scrape().await;
    assert_eq!(sample(&after, "downwatch_reports_received_total", &[]), 6.0);
    assert_eq!(sample(&after, "downwatch_reports_counted_total", &[]), 2.0);
    assert_eq!(sample(&after, "downwatch_reports_repeated_total", &[]), 1.0);
    let rejected = |reason| {
        sample(
            &after,
            "downwatch_reports_rejected_total",
            &[("reason", reason)],
        )
    };
    assert_eq!(rejected("unknown_service"), 1.0);
    assert_eq!(rejected("unknown_symptom"), 1.0);
    assert_eq!(rejected("invalid_body"), 1.0);
    let posts = |status| {
        sample(
            &after,
            "downwatch_http_request_duration_seconds_count",
            &[
                ("route", "/api/v1/reports"),
                ("method", "POST"),
                ("status", status),
            ],
        )
    };
    assert_eq!(posts("2xx"), 3.0);
    assert_eq!(posts("4xx"), 3.0);
}

#[tokio::test]
async fn routes_are_labelled_by_pattern_never_by_path() {
    let app = spawn_app().await;
    app.get_json("/api/v1/services/spotify").await;
    app.get_json("/api/v1/services/netflix").await;
    assert_eq!(app.get("/no/such/page").await.status(), 404);

    let text = app.scrape().await;
    assert_eq!(
        sample(
            &text,
            "downwatch_http_request_duration_seconds_count",
            &[("route", "/api/v1/services/{slug}"), ("status", "2xx")],
        ),
        2.0
    );
    assert_eq!(
        sample(
            &text,
            "downwatch_http_request_duration_seconds_count",
            &[("route", "unmatched"), ("status", "4xx")],
        ),
        1.0
    );
    assert!(
        !text.contains("spotify") && !text.contains("/no/such"),
        "{text}"
    );
}

#[tokio::test]
async fn rate_limit_refusals_are_counted() {
    let app = spawn_app_with(AppOptions {
        tweak: Some(Box::new(|s| s.reports_per_minute_per_ip = 1)),
        ..AppOptions::default()
    })
    .await;
    let login = json!({"service": "spotify", "symptom": "login"});
    assert_eq!(app.post_report(&login).await.status(), 202);
    assert_eq!(app.post_report(&login).await.status(), 429);

    let text = app.scrape().await;
    assert_eq!(
        sample(
            &text,
            "downwatch_rate_limited_total",
            &[("limit", "report")]
        ),
        1.0
    );
    assert_eq!(sample(&text, "downwatch_reports_received_total", &[]), 2.0);
    assert_eq!(
        sample(
            &text,
            "downwatch_reports_rejected_total",
            &[("reason", "rate_limited")]
        ),
        1.0
    );
}

#[tokio::test]
async fn redis_calls_and_their_failures_are_counted() {
    let mut redis = RedisServer::start();
    let app = spawn_app_on(&redis).await;
    let login = json!({"service": "spotify", "symptom": "login"});
    assert_eq!(app.post_report(&login).await.status(), 202);
    let up = app.scrape().await;
    assert!(sample(&up, "downwatch_redis_call_duration_seconds_count", &[]) >= 1.0);
    assert_eq!(sample(&up, "downwatch_redis_errors_total", &[]), 0.0);

    redis.stop();
    assert_eq!(app.post_report(&login).await.status(), 503);
    let down = app.scrape().await;
    assert!(
        sample(&down, "downwatch_redis_errors_total", &[]) >= 1.0,
        "{down}"
    );
    assert_eq!(
        sample(
            &down,
            "downwatch_reports_rejected_total",
            &[("reason", "store_unavailable")]
        ),
        1.0
    );
}

#[tokio::test]
async fn detector_ticks_and_active_incidents_are_reported() {
    let app = spawn_app_with(AppOptions {
        detector_interval_ms: 20,
        ..AppOptions::default()
    })
    .await;
    quiet_hour_then_surge(&[&app], &MANY_NETWORKS).await;
    app.wait_for_json("/api/v1/outages?active=true", |v| {
        v["outages"].as_array().is_some_and(|o| !o.is_empty())
    })
    .await;
    let active = app.get_json("/api/v1/outages?active=true").await["outages"]
        .as_array()
        .expect("outages")
        .len();

    let text = app.scrape().await;
    assert!(sample(&text, "downwatch_detector_tick_duration_seconds_count", &[]) >= 1.0);
    assert_eq!(
        sample(&text, "downwatch_active_incidents", &[]),
        active as f64
    );
}
