//! Following a service by Web Push, end to end: the tests play the push
//! service and the browsers (tests/common/push_service.rs). They decrypt
//! each notice with the browser's keys, check its VAPID token, and count
//! notices: one "problems" notice per outage, one "back" notice on
//! resolve, once between two processes; a 410 deletes the subscription;
//! subscriptions end after their lifetime; the caps and the rate limit
//! hold.

use crate::common::push_service::{Browser, PushService, Pushed, check_vapid};
use crate::common::{
    AppOptions, MANY_NETWORKS, RedisServer, TestApp, assert_error, back_to_normal,
    quiet_hour_then_surge, report_spotify, spawn_app_with,
};
use downwatch::config::Settings;
use serde_json::{Value, json};
use std::time::Duration;

const CONTACT: &str = "mailto:ops@downwatch.test";

/// An app whose delivery worker may reach the loopback push service.
async fn spawn_follow_app(
    redis_url: Option<String>,
    detector_ms: u64,
    clock_of: Option<&TestApp>,
    tweak: impl FnOnce(&mut Settings) + Send + 'static,
) -> TestApp {
    spawn_app_with(AppOptions {
        redis_url,
        detector_interval_ms: detector_ms,
        clock: clock_of.map(|a| a.clock.clone()),
        tweak: Some(Box::new(move |s| {
            s.delivery_poll_ms = 20;
            s.delivery_retry_base_ms = 50;
            s.delivery_timeout_ms = 2000;
            s.delivery_allow_internal_targets = true;
            s.follow.push_contact = Some(CONTACT.to_string());
            s.follow.follow_requests_per_minute_per_ip = 0;
            tweak(s);
        })),
        ..AppOptions::default()
    })
    .await
}

async fn follow_from(app: &TestApp, ip: &str, browser: &Browser, kind: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/services/spotify/follow/push"))
        .header("x-forwarded-for", ip)
        .json(&json!({"kind": kind, "subscription": browser.subscription()}))
        .send()
        .await
        .expect("request")
}

async fn follow(app: &TestApp, browser: &Browser, kind: &str) -> reqwest::Response {
    follow_from(app, "1.1.1.1", browser, kind).await
}

async fn unfollow(app: &TestApp, browser: &Browser, kind: &str) -> reqwest::Response {
    app.client
        .delete(app.url("/api/v1/services/spotify/follow/push"))
        .json(&json!({"kind": kind, "endpoint": browser.endpoint}))
        .send()
        .await
        .expect("request")
}

async fn vapid_key(app: &TestApp) -> String {
    app.get_json("/api/v1/follow/vapid-public-key").await["public_key"]
        .as_str()
        .expect("key")
        .to_string()
}

fn titled(browser: &Browser, got: &[Pushed], start: &str) -> Vec<Value> {
    browser
        .mine(got)
        .iter()
        .map(|p| browser.read(p))
        .filter(|v| v["title"].as_str().is_some_and(|t| t.starts_with(start)))
        .collect()
}

/// Half an hour of the usual traffic: the detector resolves the outage.
/// Lets the delivery workers take anything still queued.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(800)).await;
}

/// Resolves `outage` and waits for both followers' "back" notices, then
/// for anything still queued.
async fn resolve_and_wait(
    apps: &[&TestApp],
    outage: &str,
    push: &PushService,
    problems: &Browser,
    back: &Browser,
) {
    back_to_normal(apps).await;
    apps[0]
        .wait_for_json(&format!("/api/v1/outages/{outage}"), |v| {
            v["state"] == "resolved"
        })
        .await;
    push.wait_for(|got| {
        !titled(back, got, "Spotify is back").is_empty()
            && !titled(problems, got, "Spotify is back").is_empty()
    })
    .await;
    settle().await;
}

#[tokio::test]
async fn a_follower_gets_an_encrypted_signed_notice_then_exactly_one_back_notice() {
    let push = PushService::start().await;
    let app = spawn_follow_app(None, 20, None, |_| {}).await;
    let problems = push.browser("problems");
    let back = push.browser("back");
    assert_eq!(follow(&app, &problems, "problems").await.status(), 201);
    // Nothing to come back from yet.
    assert_error(follow(&app, &back, "back").await, 422, "no_active_incident").await;

    quiet_hour_then_surge(&[&app], &MANY_NETWORKS).await;
    let outage = app.active_global_outage().await;
    let r = follow(&app, &back, "back").await;
    assert_eq!(r.status(), 201);
    let view: Value = r.json().await.expect("json");
    assert_eq!(view["kind"], "back");
    assert!(view["incident"].is_string(), "{view}");

    let got = push
        .wait_for(|got| !titled(&problems, got, "Spotify: problems reported").is_empty())
        .await;
    let notice = &titled(&problems, &got, "Spotify: problems reported")[0];
    let body = notice["body"].as_str().expect("body");
    assert!(
        body.starts_with("People report problems with Spotify"),
        "{body}"
    );
    assert!(body.contains(" since "), "{body}");
    let catalog = downwatch::catalog::Catalog::bundled().expect("catalog");
    let streaming = catalog.symptom_label("streaming").expect("label");
    assert!(body.contains(streaming), "{body}");
    assert_eq!(notice["url"], "/en/status/spotify");
    let first = &problems.mine(&got)[0];
    let claims = check_vapid(first, &vapid_key(&app).await, &push.origin, CONTACT);
    assert_eq!(claims["sub"], CONTACT);
    assert!(back.mine(&got).is_empty(), "no notice before the resolve");

    resolve_and_wait(&[&app], &outage, &push, &problems, &back).await;

    let got = push.received();
    assert_eq!(back.mine(&got).len(), 1, "one notice to the back follower");
    let notice = back.read(&back.mine(&got)[0]);
    assert!(
        notice["body"].as_str().is_some_and(
            |b| b.starts_with("Reports about Spotify") && b.contains("back to the usual level")
        ),
        "{notice}"
    );
    assert_eq!(
        titled(&problems, &got, "Spotify: problems reported").len(),
        1
    );
    assert_eq!(titled(&problems, &got, "Spotify is back").len(), 1);
    // Told once, then forgotten; the problems follower stays.
    assert_error(unfollow(&app, &back, "back").await, 404, "unknown_follow").await;
    assert_eq!(unfollow(&app, &problems, "problems").await.status(), 204);
}

#[tokio::test]
async fn a_second_outage_eight_hours_later_tells_problems_followers_it_is_down_again() {
    let push = PushService::start().await;
    let app = spawn_follow_app(None, 20, None, |_| {}).await;
    let problems = push.browser("problems");
    let back = push.browser("back");
    assert_eq!(follow(&app, &problems, "problems").await.status(), 201);
    quiet_hour_then_surge(&[&app], &MANY_NETWORKS).await;
    let outage = app.active_global_outage().await;
    assert_eq!(follow(&app, &back, "back").await.status(), 201);
    resolve_and_wait(&[&app], &outage, &push, &problems, &back).await;

    // Eight hours later, after a quiet half hour, the same surge again.
    app.clock.advance(chrono::Duration::hours(8));
    back_to_normal(&[&app]).await;
    for _ in 0..5 {
        report_spotify(&[&app], 40, &MANY_NETWORKS).await;
        app.clock.advance(chrono::Duration::minutes(1));
    }
    let got = push
        .wait_for(|got| !titled(&problems, got, "Spotify is down again").is_empty())
        .await;
    let again = &titled(&problems, &got, "Spotify is down again")[0];
    assert!(
        again["body"]
            .as_str()
            .is_some_and(|b| b.starts_with("People report problems with Spotify since ")),
        "{again}"
    );
    let outages = app
        .get_json("/api/v1/outages?active=true&service=spotify&region=global")
        .await;
    assert_eq!(
        outages["outages"].as_array().map(Vec::len),
        Some(1),
        "{outages}"
    );
    settle().await;
    let got = push.received();
    assert_eq!(
        titled(&problems, &got, "Spotify: problems reported").len(),
        1
    );
    assert_eq!(titled(&problems, &got, "Spotify is down again").len(), 1);
    // The back follower was told once and forgotten.
    assert_eq!(back.mine(&got).len(), 1);
}

#[tokio::test]
async fn a_subscription_the_push_service_calls_gone_is_deleted() {
    let redis = RedisServer::start();
    let push = PushService::start().await;
    push.answer(410);
    let app = spawn_follow_app(Some(redis.url()), 20, None, |_| {}).await;
    let browser = push.browser("gone");
    assert_eq!(follow(&app, &browser, "problems").await.status(), 201);
    let stored = |redis: &RedisServer| -> usize {
        redis::cmd("HLEN")
            .arg("dw:{spotify}:followers")
            .query(&mut redis.client())
            .expect("hlen")
    };
    assert_eq!(stored(&redis), 1);

    quiet_hour_then_surge(&[&app], &MANY_NETWORKS).await;
    push.wait_for(|got| got.iter().any(|p| p.answered == 410))
        .await;
    for _ in 0..100 {
        if stored(&redis) == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    assert_eq!(stored(&redis), 0);
    assert_error(
        unfollow(&app, &browser, "problems").await,
        404,
        "unknown_follow",
    )
    .await;
    settle().await;
    assert_eq!(push.received().len(), 1, "no retry after 410");
}

#[tokio::test]
async fn two_processes_on_one_redis_send_each_notice_once() {
    let redis = RedisServer::start();
    let push = PushService::start().await;
    let a = spawn_follow_app(Some(redis.url()), 20, None, |_| {}).await;
    let b = spawn_follow_app(Some(redis.url()), 20, Some(&a), |_| {}).await;
    let problems = push.browser("problems");
    let back = push.browser("back");
    assert_eq!(follow(&a, &problems, "problems").await.status(), 201);

    quiet_hour_then_surge(&[&a, &b], &MANY_NETWORKS).await;
    let outage = a.active_global_outage().await;
    assert_eq!(follow(&b, &back, "back").await.status(), 201);
    resolve_and_wait(&[&a, &b], &outage, &push, &problems, &back).await;

    let got = push.received();
    let all: Vec<Value> = problems
        .mine(&got)
        .iter()
        .map(|p| problems.read(p))
        .collect();
    assert_eq!(
        titled(&problems, &got, "Spotify: problems reported").len(),
        1,
        "{all:?}"
    );
    assert_eq!(
        titled(&problems, &got, "Spotify is back").len(),
        1,
        "{all:?}"
    );
    assert_eq!(back.mine(&got).len(), 1);
    let queued: usize = redis::cmd("ZCARD")
        .arg("dw:{webhooks}:deliveries")
        .query(&mut redis.client())
        .expect("zcard");
    assert_eq!(queued, 0);
}

#[tokio::test]
async fn subscriptions_are_deleted_after_their_lifetime() {
    let redis = RedisServer::start();
    let push = PushService::start().await;
    let app = spawn_follow_app(Some(redis.url()), 0, None, |s| {
        s.follow.follow_lifetime_days = 2;
    })
    .await;
    let browser = push.browser("short-lived");
    let r = follow(&app, &browser, "problems").await;
    let view: Value = r.json().await.expect("json");
    let expires = view["expires_at"].as_str().expect("expires_at");
    assert!(expires.starts_with("2026-03-04T12:00:30"), "{view}");

    app.clock.advance(chrono::Duration::days(1));
    settle().await;
    let hlen = |redis: &RedisServer| -> usize {
        redis::cmd("HLEN")
            .arg("dw:{spotify}:followers")
            .query(&mut redis.client())
            .expect("hlen")
    };
    assert_eq!(hlen(&redis), 1, "still within its lifetime");

    app.clock
        .advance(chrono::Duration::days(1) + chrono::Duration::seconds(1));
    for _ in 0..100 {
        if hlen(&redis) == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(hlen(&redis), 0);
    let members: usize = redis::cmd("ZCARD")
        .arg("dw:{follow}:slots:all")
        .query(&mut redis.client())
        .expect("zcard");
    assert_eq!(members, 0);
}

#[tokio::test]
async fn caps_hold_and_bad_subscriptions_get_clear_errors() {
    let push = PushService::start().await;
    let app = spawn_follow_app(None, 0, None, |s| {
        s.follow.follows_per_client = 2;
        s.follow.follows_per_service = 3;
    })
    .await;
    let browsers: Vec<Browser> = (0..5).map(|n| push.browser(&format!("b{n}"))).collect();
    assert_eq!(
        follow_from(&app, "8.8.8.8", &browsers[0], "problems")
            .await
            .status(),
        201
    );
    assert_eq!(
        follow_from(&app, "8.8.8.8", &browsers[1], "problems")
            .await
            .status(),
        201
    );
    // The same subscription again is not a new one.
    assert_eq!(
        follow_from(&app, "8.8.8.8", &browsers[1], "problems")
            .await
            .status(),
        201
    );
    let r = follow_from(&app, "8.8.8.8", &browsers[2], "problems").await;
    assert_error(r, 422, "too_many_follows").await;
    assert_eq!(
        follow_from(&app, "81.2.69.142", &browsers[2], "problems")
            .await
            .status(),
        201
    );
    let r = follow_from(&app, "81.2.69.142", &browsers[3], "problems").await;
    assert_error(r, 422, "service_follows_full").await;

    let post = |body: Value| {
        app.client
            .post(app.url("/api/v1/services/spotify/follow/push"))
            .json(&body)
            .send()
    };
    let mut bad = browsers[4].subscription();
    bad["endpoint"] = json!("ftp://push.example/x");
    let r = post(json!({"kind": "problems", "subscription": bad}))
        .await
        .expect("request");
    assert_error(r, 422, "invalid_endpoint").await;
    let mut bad = browsers[4].subscription();
    bad["keys"]["auth"] = json!("c2hvcnQ");
    let r = post(json!({"kind": "problems", "subscription": bad}))
        .await
        .expect("request");
    assert_error(r, 422, "invalid_keys").await;
    let mut bad = browsers[4].subscription();
    bad["keys"]["p256dh"] = json!("AAAA");
    let r = post(json!({"kind": "problems", "subscription": bad}))
        .await
        .expect("request");
    assert_error(r, 422, "invalid_keys").await;
    let r = post(json!({"kind": "sometimes", "subscription": browsers[4].subscription()}))
        .await
        .expect("request");
    assert_error(r, 400, "invalid_body").await;
    let r = app
        .client
        .post(app.url("/api/v1/services/nope/follow/push"))
        .json(&json!({"kind": "problems", "subscription": browsers[4].subscription()}))
        .send()
        .await
        .expect("request");
    assert_error(r, 404, "unknown_service").await;
    let r = app
        .client
        .post(app.url("/api/v1/services/spotify/follow/push"))
        .body("kind=problems")
        .send()
        .await
        .expect("request");
    assert_error(r, 415, "unsupported_media_type").await;
    // No SMTP on this server.
    let r = app
        .client
        .post(app.url("/api/v1/services/spotify/follow/email"))
        .json(&json!({"kind": "problems", "email": "a@example.com"}))
        .send()
        .await
        .expect("request");
    assert_error(r, 404, "email_unavailable").await;

    // The total cap, on a server that takes one follower.
    let small = spawn_follow_app(None, 0, None, |s| s.follow.follows_total = 1).await;
    assert_eq!(follow(&small, &browsers[0], "problems").await.status(), 201);
    assert_error(
        follow(&small, &browsers[1], "problems").await,
        422,
        "follows_full",
    )
    .await;
}

#[tokio::test]
async fn the_follow_endpoints_are_rate_limited_per_client() {
    let push = PushService::start().await;
    let app = spawn_follow_app(None, 0, None, |s| {
        s.follow.follow_requests_per_minute_per_ip = 2;
    })
    .await;
    let browser = push.browser("eager");
    assert_eq!(
        follow_from(&app, "8.8.8.8", &browser, "problems")
            .await
            .status(),
        201
    );
    assert_eq!(
        follow_from(&app, "8.8.8.8", &browser, "problems")
            .await
            .status(),
        201
    );
    let r = follow_from(&app, "8.8.8.8", &browser, "problems").await;
    assert!(r.headers().contains_key("retry-after"));
    assert_error(r, 429, "rate_limited").await;
    // Another client is not held back, and the key stays readable.
    assert_eq!(
        follow_from(&app, "81.2.69.142", &browser, "problems")
            .await
            .status(),
        201
    );
    assert!(!vapid_key(&app).await.is_empty());
}
