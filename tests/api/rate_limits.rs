//! Abuse resistance at the door: report and read limits answer 429 with
//! `Retry-After` and `RateLimit-*` headers; API keys raise the read limit
//! and a wrong key is refused.

use crate::common::{AppOptions, TestApp, assert_error, spawn_app_with};
use downwatch::config::Settings;
use downwatch::ingest::Secret;
use serde_json::json;

async fn app_with(tweak: impl FnOnce(&mut Settings) + Send + 'static) -> TestApp {
    spawn_app_with(AppOptions {
        tweak: Some(Box::new(tweak)),
        ..AppOptions::default()
    })
    .await
}

fn header<'a>(r: &'a reqwest::Response, name: &str) -> Option<&'a str> {
    r.headers().get(name).and_then(|v| v.to_str().ok())
}

async fn get_with_key(app: &TestApp, key: &str) -> reqwest::Response {
    app.client
        .get(app.url("/api/v1/services"))
        .bearer_auth(key)
        .send()
        .await
        .expect("request")
}

fn report() -> serde_json::Value {
    json!({"service": "spotify", "symptom": "login"})
}

#[tokio::test]
async fn reports_over_the_per_address_limit_get_429_with_headers() {
    let app = app_with(|s| s.reports_per_minute_per_ip = 3).await;

    for remaining in ["2", "1", "0"] {
        let r = app.post_report_from("8.8.8.8", &report()).await;
        assert_eq!(r.status(), 202);
        assert_eq!(header(&r, "ratelimit-limit"), Some("3"));
        assert_eq!(header(&r, "ratelimit-remaining"), Some(remaining));
        assert_eq!(header(&r, "ratelimit-policy"), Some("3;w=60"));
    }
    let r = app.post_report_from("8.8.8.8", &report()).await;

    assert_eq!(r.status(), 429);
    let retry: u64 = header(&r, "retry-after")
        .expect("Retry-After")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&retry), "{retry}");
    assert_eq!(header(&r, "ratelimit-limit"), Some("3"));
    assert_eq!(header(&r, "ratelimit-remaining"), Some("0"));
    let reset: u64 = header(&r, "ratelimit-reset")
        .expect("RateLimit-Reset")
        .parse()
        .expect("seconds");
    assert!(reset >= retry, "{reset} < {retry}");
    assert_error(r, 429, "rate_limited").await;

    // Someone else is not affected, and the refused report was not counted.
    let r = app.post_report_from("8.8.4.4", &report()).await;
    assert_eq!(r.status(), 202);
    let d = app.get_json("/api/v1/services/spotify").await;
    assert_eq!(d["reports"]["last_5m"], 4);
}

#[tokio::test]
async fn one_network_shares_one_report_limit() {
    let app = app_with(|s| {
        s.reports_per_minute_per_ip = 100;
        s.reports_per_minute_per_prefix = 2;
        s.reports_per_minute_per_ipv6_prefix = 2;
    })
    .await;

    assert_eq!(
        app.post_report_from("81.2.69.1", &report()).await.status(),
        202
    );
    assert_eq!(
        app.post_report_from("81.2.69.2", &report()).await.status(),
        202
    );
    let r = app.post_report_from("81.2.69.3", &report()).await;
    assert!(header(&r, "retry-after").is_some());
    assert_error(r, 429, "rate_limited").await;
    // IPv6: one /48, on its own budget.
    assert_eq!(
        app.post_report_from("2a02:cf40:1::1", &report())
            .await
            .status(),
        202
    );
    assert_eq!(
        app.post_report_from("2a02:cf40:1:ff::2", &report())
            .await
            .status(),
        202
    );
    let r = app.post_report_from("2a02:cf40:1:7::3", &report()).await;
    assert_eq!(r.status(), 429);
    assert_eq!(
        app.post_report_from("2a02:cf40:2::1", &report())
            .await
            .status(),
        202
    );
}

#[tokio::test]
async fn anonymous_readers_get_a_lower_limit_than_key_holders() {
    let app = app_with(|s| {
        s.reads_per_minute_anonymous = 2;
        s.reads_per_minute_keyed = 5;
        s.api_keys = vec![Secret::new("partner-key-1"), Secret::new("partner-key-2")];
    })
    .await;

    assert_eq!(app.get("/api/v1/services").await.status(), 200);
    assert_eq!(app.get("/api/v1/services/spotify").await.status(), 200);
    let r = app.get("/api/v1/heatmap").await;
    assert!(header(&r, "retry-after").is_some());
    assert_eq!(header(&r, "ratelimit-limit"), Some("2"));
    assert_error(r, 429, "rate_limited").await;

    for (i, remaining) in ["4", "3", "2", "1", "0"].into_iter().enumerate() {
        // Outages are not a shared cacheable answer: it carries the
        // caller's allowance.
        let request = app.client.get(app.url("/api/v1/outages"));
        let request = if i % 2 == 0 {
            request.bearer_auth("partner-key-2")
        } else {
            request.header("x-api-key", "partner-key-2")
        };
        let r = request.send().await.expect("request");
        assert_eq!(r.status(), 200);
        assert_eq!(header(&r, "ratelimit-limit"), Some("5"));
        assert_eq!(header(&r, "ratelimit-remaining"), Some(remaining));
    }
    let r = get_with_key(&app, "partner-key-2").await;
    assert_eq!(r.status(), 429);
    // Each key has its own allowance.
    assert_eq!(get_with_key(&app, "partner-key-1").await.status(), 200);

    // Health checks are never limited.
    for _ in 0..5 {
        assert_eq!(app.get("/healthz").await.status(), 200);
    }
}

#[tokio::test]
async fn a_wrong_api_key_is_refused() {
    let app = app_with(|s| s.api_keys = vec![Secret::new("right")]).await;

    let r = app
        .client
        .get(app.url("/api/v1/services"))
        .header("x-api-key", "wrong")
        .send()
        .await
        .expect("request");
    assert_eq!(header(&r, "www-authenticate"), Some("Bearer"));
    let body = assert_error(r, 401, "invalid_api_key").await;
    assert!(!body.to_string().contains("wrong"), "{body}");

    assert_eq!(get_with_key(&app, "right").await.status(), 200);
}

#[tokio::test]
async fn a_network_budget_holds_across_processes_on_one_redis() {
    let redis = crate::common::RedisServer::start();
    let spawn = || {
        spawn_app_with(AppOptions {
            redis_url: Some(redis.url()),
            tweak: Some(Box::new(|s| s.reports_per_minute_per_prefix = 3)),
            ..AppOptions::default()
        })
    };
    let (first, second) = (spawn().await, spawn().await);

    for host in 1..=3 {
        let r = first
            .post_report_from(&format!("81.2.69.{host}"), &report())
            .await;
        assert_eq!(r.status(), 202);
    }
    // The second process's own limiter has not seen this network, but the
    // network's budget for the minute is spent.
    for host in 4..=6 {
        let r = second
            .post_report_from(&format!("81.2.69.{host}"), &report())
            .await;
        assert!(header(&r, "retry-after").is_some());
        assert_eq!(header(&r, "ratelimit-limit"), Some("3"));
        assert_error(r, 429, "rate_limited").await;
    }
    let r = second.post_report_from("8.8.8.8", &report()).await;
    assert_eq!(r.status(), 202);

    assert_eq!(redis.reports_stored("spotify"), 4);
}

#[tokio::test]
async fn public_cached_answers_and_their_304s_carry_no_clients_allowance() {
    let app = app_with(|s| s.reads_per_minute_anonymous = 5).await;

    // A shared cache hands these to everyone: no one client's headers.
    let r = app.get("/api/v1/services").await;
    assert_eq!(r.status(), 200);
    let cache_control = header(&r, "cache-control").unwrap_or_default().to_string();
    assert!(cache_control.contains("public"), "{cache_control}");
    let etag = header(&r, "etag").expect("an etag").to_string();
    for name in ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"] {
        assert_eq!(header(&r, name), None, "{name} on a public answer");
    }
    let r = app
        .client
        .get(app.url("/api/v1/services"))
        .header("if-none-match", &etag)
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), 304);
    assert_eq!(header(&r, "ratelimit-remaining"), None, "on a 304");

    // The limit still holds, and a personal answer still says so.
    let r = app.get("/api/v1/outages").await;
    assert_eq!(header(&r, "ratelimit-remaining"), Some("2"));
}
