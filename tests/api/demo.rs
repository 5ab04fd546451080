//! `--demo` on a Redis store (the memory store's case is in the browser
//! test and the unit tests): the week of history is in Redis with its
//! learned baselines, answers say "demo", and a Redis that holds other data
//! is refused unless forced.

use crate::common::{AppOptions, RedisServer, demo_catalog, spawn_app_on, spawn_app_with};
use downwatch::config::Settings;
use downwatch::startup::{Application, StartupError};
use serde_json::json;
use std::sync::Arc;

#[tokio::test]
async fn the_demo_fills_a_fresh_redis_with_a_learned_week() {
    let redis = RedisServer::start();
    let app = spawn_app_with(AppOptions {
        redis_url: Some(redis.url()),
        catalog: Some(demo_catalog()),
        tweak: Some(Box::new(|s| s.demo = true)),
        ..AppOptions::default()
    })
    .await;
    let spotify = app.get_json("/api/v1/services/spotify").await;
    assert_eq!(spotify["demo"], json!(true));
    assert!(
        spotify["reports"]["last_24h"].as_u64().expect("count") > 100,
        "{spotify}"
    );
    assert!(
        spotify["reporters"]["last_24h"].as_u64().expect("count") > 100,
        "the last day's reports come from distinct people: {spotify}"
    );
    assert!(
        spotify["expected"]["last_24h"].as_f64().is_some(),
        "{spotify}"
    );
    let week = app
        .get_json("/api/v1/services/spotify/timeseries?hours=168&step=1h")
        .await;
    let hours_with_reports = week["buckets"]
        .as_array()
        .expect("buckets")
        .iter()
        .filter(|b| b["count"].as_u64().unwrap_or(0) > 0)
        .count();
    assert!(
        hours_with_reports > 150,
        "a week of history: {hours_with_reports}"
    );
    let page = app.get("/status/spotify").await.text().await.expect("page");
    assert!(page.contains("id=\"demo-banner\""));
}

#[tokio::test]
async fn a_redis_with_other_data_is_refused_unless_forced() {
    let redis = RedisServer::start();
    let real = spawn_app_on(&redis).await;
    let sent = real
        .post_report(&json!({"service": "spotify", "symptom": "app"}))
        .await;
    assert_eq!(sent.status(), 202);

    let demo_on = |force: bool| Settings {
        listen: "127.0.0.1:0".to_string(),
        redis_url: Some(redis.url()),
        catalog: Some(demo_catalog()),
        detector_interval_ms: 0,
        webhook_poll_ms: 0,
        demo: true,
        demo_force: force,
        ..Settings::default()
    };
    // On the real app's clock: its report is from the last week.
    let clock = || Arc::new(real.clock.clone());
    let refused = Application::build_with_clock(demo_on(false), clock()).await;
    match refused {
        Err(e @ StartupError::Demo(_)) => {
            let message = e.to_string();
            assert!(message.contains("--demo-force"), "{message}");
            assert!(message.contains("spotify"), "{message}");
        }
        Err(e) => panic!("refused for another reason: {e}"),
        Ok(_) => panic!("a store with a real report was taken for the demo"),
    }
    assert!(
        Application::build_with_clock(demo_on(true), clock())
            .await
            .is_ok(),
        "forced"
    );
}
