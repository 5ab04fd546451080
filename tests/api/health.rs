//! Liveness and readiness, including a store that is down.

use crate::common::{AppOptions, RedisServer, assert_error, free_port, spawn_app, spawn_app_with};
use serde_json::json;

#[tokio::test]
async fn healthz_and_readyz_on_the_memory_store() {
    let app = spawn_app().await;
    assert_eq!(app.get_json("/healthz").await["status"], "ok");
    assert_eq!(app.get_json("/readyz").await["status"], "ready");
}

#[tokio::test]
async fn redis_down_at_startup_gives_503_then_recovers() {
    let port = free_port();
    let app = spawn_app_with(AppOptions {
        redis_url: Some(format!("redis://127.0.0.1:{port}/")),
        ..AppOptions::default()
    })
    .await;

    // Up, but not ready: reports and reads answer 503 with Retry-After.
    assert_eq!(app.get("/healthz").await.status(), 200);
    let r = app.get("/readyz").await;
    assert!(r.headers().contains_key("retry-after"));
    assert_error(r, 503, "store_unavailable").await;
    let r = app
        .post_report(&json!({"service": "spotify", "symptom": "login"}))
        .await;
    assert!(r.headers().contains_key("retry-after"));
    assert_error(r, 503, "store_unavailable").await;
    let r = app.get("/api/v1/services/spotify").await;
    assert_error(r, 503, "store_unavailable").await;

    // Redis comes up on that port: the app recovers by itself.
    let redis = RedisServer::start_on_port(port);
    let mut recovered = false;
    for _ in 0..100 {
        if app.get("/readyz").await.status() == 200 {
            recovered = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(recovered, "readyz never recovered");
    let r = app
        .post_report(&json!({"service": "spotify", "symptom": "login"}))
        .await;
    assert_eq!(r.status(), 202);
    let d = app.get_json("/api/v1/services/spotify").await;
    assert_eq!(d["reports"]["last_5m"], 1);
    drop(redis);
}

#[tokio::test]
async fn redis_lost_mid_run_gives_503_and_recovers_by_itself() {
    let mut redis = RedisServer::start();
    let app = spawn_app_with(AppOptions {
        redis_url: Some(redis.url()),
        ..AppOptions::default()
    })
    .await;
    let report = json!({"service": "steam", "symptom": "store"});
    assert_eq!(app.post_report(&report).await.status(), 202);

    redis.stop();
    let r = app.post_report(&report).await;
    assert!(r.headers().contains_key("retry-after"));
    assert_error(r, 503, "store_unavailable").await;
    assert_eq!(app.get("/readyz").await.status(), 503);
    assert_eq!(app.get("/healthz").await.status(), 200);

    redis.restart(&[]);
    let mut accepted = false;
    for _ in 0..100 {
        if app.post_report(&report).await.status() == 202 {
            accepted = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(accepted, "reports never accepted again");
    // The restarted Redis kept nothing (no persistence): exactly one report.
    let d = app.get_json("/api/v1/services/steam").await;
    assert_eq!(d["reports"]["last_5m"], 1);
}
