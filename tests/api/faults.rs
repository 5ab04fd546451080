//! Redis faults under traffic: a crash (SIGKILL) and restart of an AOF
//! Redis, and a Redis that stops answering (`DEBUG SLEEP`). The server
//! keeps answering (503 with `Retry-After` while Redis is away), recovers
//! by itself, never loses a report it answered 202 for, and takes the
//! first reports after a restart that `/readyz` calls ready.

use crate::common::{AppOptions, RedisServer, TestApp, spawn_app_on, spawn_app_with};
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

/// `appendfsync always`: Redis fsyncs each write before it replies, so
/// whatever we answered 202 for survives a crash.
const AOF: [&str; 4] = ["--appendonly", "yes", "--appendfsync", "always"];

#[derive(Default)]
struct Tally {
    accepted: AtomicU64,
    unavailable: AtomicU64,
}

/// Posts Spotify reports from `clients` tasks until `stop`; every answer
/// must be a 202 or a proper 503 (JSON error, Retry-After), and come
/// within the client's timeout.
fn keep_posting(
    app: &Arc<TestApp>,
    clients: usize,
    tally: &Arc<Tally>,
    stop: &Arc<AtomicBool>,
) -> Vec<tokio::task::JoinHandle<()>> {
    let ips = ["8.8.8.8", "81.2.69.142", "89.160.20.112", "1.1.1.1"];
    (0..clients)
        .map(|c| {
            let (app, tally, stop) = (app.clone(), tally.clone(), stop.clone());
            tokio::spawn(async move {
                let mut i = c;
                while !stop.load(Ordering::SeqCst) {
                    i += 1;
                    let r = app
                        .client
                        .post(app.url("/api/v1/reports"))
                        .timeout(Duration::from_secs(10))
                        .header("x-forwarded-for", ips[i % ips.len()])
                        .json(&json!({"service": "spotify", "symptom": "login"}))
                        .send()
                        .await
                        .expect("the server answers, even with Redis away");
                    match r.status().as_u16() {
                        202 => {
                            tally.accepted.fetch_add(1, Ordering::SeqCst);
                        }
                        503 => {
                            assert!(r.headers().contains_key("retry-after"));
                            let body: serde_json::Value = r.json().await.expect("json");
                            assert_eq!(body["error"], "store_unavailable", "{body}");
                            tally.unavailable.fetch_add(1, Ordering::SeqCst);
                            tokio::time::sleep(Duration::from_millis(5)).await;
                        }
                        other => panic!("unexpected status {other}"),
                    }
                }
            })
        })
        .collect()
}

async fn wait_until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..3000 {
        if done() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting until {what}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn aof_redis_killed_and_restarted_under_traffic_loses_no_accepted_report() {
    let mut redis = RedisServer::start_with(&AOF);
    let app = Arc::new(spawn_app_on(&redis).await);
    let tally = Arc::new(Tally::default());
    let stop = Arc::new(AtomicBool::new(false));
    let posters = keep_posting(&app, 8, &tally, &stop);

    wait_until("200 reports are accepted", || {
        tally.accepted.load(Ordering::SeqCst) >= 200
    })
    .await;
    redis.stop();
    let unavailable = tally.unavailable.load(Ordering::SeqCst);
    wait_until("Redis being down is answered with 503s", || {
        tally.unavailable.load(Ordering::SeqCst) >= unavailable + 50
    })
    .await;
    assert_eq!(app.get("/healthz").await.status(), 200);
    assert_eq!(app.get("/readyz").await.status(), 503);

    redis.restart(&AOF);
    let accepted = tally.accepted.load(Ordering::SeqCst);
    wait_until("reports are accepted again", || {
        tally.accepted.load(Ordering::SeqCst) >= accepted + 200
    })
    .await;
    stop.store(true, Ordering::SeqCst);
    for p in posters {
        p.await.expect("poster");
    }

    // A 503 may hide a write Redis made before it died; a 202 never
    // hides a lost one.
    let accepted = tally.accepted.load(Ordering::SeqCst);
    let unavailable = tally.unavailable.load(Ordering::SeqCst);
    let stored = redis.reports_stored("spotify");
    assert!(
        accepted <= stored && stored <= accepted + unavailable,
        "accepted {accepted}, 503s {unavailable}, stored {stored}"
    );
    let d = app.get_json("/api/v1/services/spotify").await;
    assert_eq!(d["reports"]["last_5m"], stored);
}

#[tokio::test]
async fn the_first_reports_after_a_redis_restart_are_taken_once_ready() {
    let mut redis = RedisServer::start();
    let app = spawn_app_on(&redis).await;
    let ips = ["8.8.8.8", "81.2.69.142", "89.160.20.112", "1.1.1.1"];
    for ip in ips {
        let r = app
            .post_report_from(ip, &json!({"service": "spotify", "symptom": "login"}))
            .await;
        assert_eq!(r.status(), 202);
    }

    redis.stop();
    redis.restart(&[]);
    let mut ready = false;
    for _ in 0..200 {
        if app.get("/readyz").await.status() == 200 {
            ready = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(ready, "/readyz never said ready again");

    for ip in ips {
        let r = app
            .post_report_from(ip, &json!({"service": "spotify", "symptom": "login"}))
            .await;
        assert_eq!(r.status(), 202, "{}", r.text().await.unwrap_or_default());
    }
    assert_eq!(redis.reports_stored("spotify"), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_redis_gets_clear_503s_instead_of_a_pile_up() {
    const MAX_PENDING: usize = 4;
    let redis = RedisServer::start_with(&["--enable-debug-command", "yes"]);
    let app = spawn_app_with(AppOptions {
        redis_url: Some(redis.url()),
        tweak: Some(Box::new(|s| s.redis_max_pending = MAX_PENDING)),
        ..AppOptions::default()
    })
    .await;
    let login = json!({"service": "spotify", "symptom": "login"});
    assert_eq!(app.post_report(&login).await.status(), 202);

    // Redis stalls for 5 s, longer than a store call may take.
    let stalled = Arc::new(AtomicBool::new(true));
    let sleeper = {
        let mut conn = redis.client();
        let stalled = stalled.clone();
        std::thread::spawn(move || {
            let _: () = redis::cmd("DEBUG")
                .arg("SLEEP")
                .arg(5)
                .query(&mut conn)
                .expect("debug sleep");
            stalled.store(false, Ordering::SeqCst);
        })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;

    let requests = (0..20).map(|_| app.post_report(&login));
    let answers = futures_util::future::join_all(requests).await;
    // Every request was answered while Redis was still asleep.
    assert!(
        stalled.load(Ordering::SeqCst),
        "requests waited for the stalled Redis"
    );
    for r in answers {
        assert!(r.headers().contains_key("retry-after"));
        crate::common::assert_error(r, 503, "store_unavailable").await;
    }

    sleeper.join().expect("sleeper");
    let mut recovered = false;
    let mut attempts = 0;
    for _ in 0..100 {
        attempts += 1;
        if app.post_report(&login).await.status() == 202 {
            recovered = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(recovered, "reports never accepted again");

    // Only the calls let through to the stalled Redis were queued there
    // (and applied when it woke up); the other requests failed at once.
    let stored = redis.reports_stored("spotify");
    assert!(
        stored <= (1 + MAX_PENDING + attempts) as u64,
        "stored {stored}: the stalled Redis took a backlog of {}",
        stored as usize - 1 - attempts
    );
}
