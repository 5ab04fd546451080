//! `--demo` on a Redis store (the memory store's case is in the browser
//! test and the unit tests): the week of history is in Redis with its
//! learned baselines, answers say "demo", and a Redis that holds other data
//! is refused unless forced.

use crate::common::{
    AppOptions, RedisServer, demo_catalog, spawn_app_on, spawn_app_with, test_start,
};
use crate::webhooks::Receiver;
use downwatch::clock::ManualClock;
use downwatch::config::Settings;
use downwatch::ingest::Secret;
use downwatch::startup::{Application, StartupError};
use downwatch::store::RedisStore;
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
        delivery_poll_ms: 0,
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

/// The demo's settings on `redis` (no detector, deliveries every 20 ms to
/// loopback receivers), `force` as `--demo-force`.
fn demo_settings(redis: &RedisServer, force: bool) -> Settings {
    Settings {
        listen: "127.0.0.1:0".to_string(),
        redis_url: Some(redis.url()),
        catalog: Some(demo_catalog()),
        detector_interval_ms: 0,
        delivery_poll_ms: 20,
        delivery_allow_internal_targets: true,
        admin_token: Some(Secret::new(TOKEN)),
        demo: true,
        demo_force: force,
        ..Settings::default()
    }
}

const TOKEN: &str = "demo-admin-token";

async fn subscribe(app_url: &str, url: &str) {
    let created = reqwest::Client::new()
        .post(format!("{app_url}/api/v1/admin/services/spotify/webhooks"))
        .bearer_auth(TOKEN)
        .json(&json!({"url": url}))
        .send()
        .await
        .expect("subscribe");
    assert_eq!(created.status(), 201);
}

/// The finding of issue 23: a Redis holding real subscribers (and nothing
/// else) was taken for the demo, whose simulated incidents then went to
/// them. Refused, even with `--demo-force`, and nothing is delivered.
#[tokio::test]
async fn a_redis_with_a_webhook_subscriber_is_refused_even_forced() {
    let redis = RedisServer::start();
    let receiver = Receiver::start(0).await;
    let real = spawn_app_with(AppOptions {
        redis_url: Some(redis.url()),
        catalog: Some(demo_catalog()),
        tweak: Some(Box::new(|s| {
            s.admin_token = Some(Secret::new(TOKEN));
            s.delivery_allow_internal_targets = true;
        })),
        ..AppOptions::default()
    })
    .await;
    subscribe(&real.address, &receiver.url).await;
    for force in [false, true] {
        let clock = Arc::new(real.clock.clone());
        match Application::build_with_clock(demo_settings(&redis, force), clock).await {
            Err(e @ StartupError::Demo(_)) => {
                let message = e.to_string();
                assert!(message.contains("webhook"), "{message}");
                assert!(message.contains("spotify"), "{message}");
            }
            Err(e) => panic!("refused for another reason: {e}"),
            Ok(_) => panic!("a store with a subscriber was taken for the demo (force: {force})"),
        }
    }
    // Nothing of the demo's was written: no mark, no history.
    let demo_marks: usize = redis::cmd("KEYS")
        .arg("*demo*")
        .query::<Vec<String>>(&mut redis.client())
        .expect("keys")
        .len();
    assert_eq!(demo_marks, 0, "the refused demo wrote its mark");
    let spotify = real.get_json("/api/v1/services/spotify").await;
    assert_eq!(spotify["reports"]["last_24h"], json!(0), "{spotify}");
}

/// Every webhook body a demo's server posts says `"demo": true` (and is
/// signed as posted).
#[tokio::test]
async fn a_demo_webhook_delivery_carries_the_demo_marker() {
    let redis = RedisServer::start();
    let receiver = Receiver::start(0).await;
    let app = Application::build_with_clock(
        demo_settings(&redis, false),
        Arc::new(ManualClock::new(test_start())),
    )
    .await
    .expect("demo on a fresh store");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until(std::future::pending()));
    subscribe(&address, &receiver.url).await;
    // An event of the demo's detector, published to its store.
    let store = RedisStore::new(&redis.url(), 0).expect("store");
    let event = json!({"kind": "opened", "incident": {"service": "spotify", "region": "global"}});
    downwatch::events::publish_json(
        &store,
        "spotify",
        Some("global"),
        "incident.opened",
        &event.to_string(),
    )
    .await
    .expect("published");
    let got = receiver.wait_for(|got| !got.is_empty()).await;
    let body: serde_json::Value = serde_json::from_slice(&got[0].body).expect("json body");
    assert_eq!(body["demo"], json!(true), "{body}");
    assert_eq!(body["kind"], json!("opened"), "{body}");
}
