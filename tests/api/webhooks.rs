//! Webhooks end to end: subscriptions through the admin API, incident
//! events posted signed to a local receiver, retries after a failure,
//! pending deliveries kept in Redis across processes, the target policy
//! (no internal addresses, no credentials) and the per-service cap under
//! concurrent creates. The receivers listen on loopback, so the apps that
//! deliver to them opt in to internal targets.

use crate::common::http_request::read_request;
use crate::common::{
    AppOptions, MANY_NETWORKS, RedisServer, TestApp, assert_error, quiet_hour_then_surge,
    spawn_app_with,
};
use downwatch::ingest::Secret;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;

const TOKEN: &str = "hook-admin-token";

/// One request the receiver got, and the status it answered.
#[derive(Debug, Clone)]
pub(crate) struct Received {
    pub(crate) headers: HashMap<String, String>,
    pub(crate) body: Vec<u8>,
    answered: u16,
}

/// A tiny HTTP server that records requests; it answers 500 to the first
/// `fail_first` of them and 200 after.
#[derive(Clone)]
pub(crate) struct Receiver {
    pub(crate) url: String,
    got: Arc<Mutex<Vec<Received>>>,
}

impl Receiver {
    pub(crate) async fn start(fail_first: usize) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
        let got: Arc<Mutex<Vec<Received>>> = Arc::default();
        let log = got.clone();
        tokio::spawn(async move {
            loop {
                let Ok((mut socket, _)) = listener.accept().await else {
                    return;
                };
                let log = log.clone();
                tokio::spawn(async move {
                    let Some((headers, body)) = read_request(&mut socket).await else {
                        return;
                    };
                    let answered = {
                        let mut log = log.lock().expect("lock");
                        let status = if log.len() < fail_first { 500 } else { 200 };
                        log.push(Received {
                            headers,
                            body,
                            answered: status,
                        });
                        status
                    };
                    let reply = format!(
                        "HTTP/1.1 {answered} X\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                    );
                    let _ = socket.write_all(reply.as_bytes()).await;
                });
            }
        });
        Self { url, got }
    }

    fn received(&self) -> Vec<Received> {
        self.got.lock().expect("lock").clone()
    }

    /// Waits until a request satisfies `done`.
    pub(crate) async fn wait_for(&self, done: impl Fn(&[Received]) -> bool) -> Vec<Received> {
        for _ in 0..300 {
            let got = self.received();
            if done(&got) {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "the receiver did not get what was expected: {:?}",
            self.received()
        );
    }
}

fn is_opened(r: &Received) -> bool {
    r.headers.get("x-downwatch-event").map(String::as_str) == Some("incident.opened")
}

/// Checks the signature the way docs/webhooks.md tells receivers to.
fn signature_is_valid(r: &Received, secret: &str) -> bool {
    let (Some(timestamp), Some(signature)) = (
        r.headers.get("x-downwatch-timestamp"),
        r.headers.get("x-downwatch-signature"),
    ) else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("key");
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(&r.body);
    let Some(hex_sig) = signature.strip_prefix("sha256=") else {
        return false;
    };
    let Ok(bytes) = hex::decode(hex_sig) else {
        return false;
    };
    mac.verify_slice(&bytes).is_ok()
}

async fn spawn_hook_app(redis_url: Option<String>, detector_ms: u64, poll_ms: u64) -> TestApp {
    spawn_hook_app_with(redis_url, detector_ms, poll_ms, true).await
}

async fn spawn_hook_app_with(
    redis_url: Option<String>,
    detector_ms: u64,
    poll_ms: u64,
    allow_internal: bool,
) -> TestApp {
    spawn_app_with(AppOptions {
        redis_url,
        detector_interval_ms: detector_ms,
        tweak: Some(Box::new(move |s| {
            s.admin_token = Some(Secret::new(TOKEN));
            s.delivery_poll_ms = poll_ms;
            s.delivery_retry_base_ms = 50;
            s.delivery_timeout_ms = 2000;
            s.delivery_allow_internal_targets = allow_internal;
        })),
        ..AppOptions::default()
    })
    .await
}

fn queued_deliveries(redis: &RedisServer) -> usize {
    redis::cmd("ZCARD")
        .arg("dw:{webhooks}:deliveries")
        .query(&mut redis.client())
        .expect("zcard")
}

async fn wait_for_queued_deliveries(redis: &RedisServer) {
    for _ in 0..200 {
        if queued_deliveries(redis) > 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no delivery was queued in Redis");
}

/// The service's subscriptions, as the admin API lists them.
async fn list_hooks(app: &TestApp) -> Value {
    app.client
        .get(app.url("/api/v1/admin/services/spotify/webhooks"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .expect("list")
        .json()
        .await
        .expect("json")
}

/// A process on `redis` that allows internal targets, detects and delivers
/// nothing: it subscribes `receiver`, sees an outage and leaves its
/// deliveries queued in Redis.
async fn queue_deliveries_without_delivering(redis: &RedisServer, receiver: &Receiver) -> TestApp {
    let app = spawn_hook_app(Some(redis.url()), 20, 0).await;
    let r = subscribe(&app, &json!({"url": receiver.url})).await;
    assert_eq!(r.status(), 201);
    quiet_hour_then_surge(&[&app], &MANY_NETWORKS).await;
    app.wait_for_json("/api/v1/outages?active=true&service=spotify", |v| {
        v["outages"].as_array().is_some_and(|o| !o.is_empty())
    })
    .await;
    // The detector stores an incident before it publishes its events.
    wait_for_queued_deliveries(redis).await;
    app
}

async fn subscribe(app: &TestApp, body: &Value) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/admin/services/spotify/webhooks"))
        .bearer_auth(TOKEN)
        .json(body)
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn subscriptions_are_created_listed_without_secrets_and_deleted() {
    let app = spawn_hook_app(None, 0, 0).await;
    let r = subscribe(
        &app,
        &json!({"url": "https://hooks.example.com/x", "region": "US"}),
    )
    .await;
    assert_eq!(r.status(), 201);
    let created: Value = r.json().await.expect("json");
    let id = created["id"].as_str().expect("id").to_string();
    let secret = created["secret"].as_str().expect("generated secret");
    assert!(secret.len() >= 32);
    assert_eq!(created["region"], "US");

    let list = list_hooks(&app).await;
    assert_eq!(list["webhooks"][0]["id"], id.as_str());
    assert_eq!(list["webhooks"][0]["url"], "https://hooks.example.com/x");
    assert!(!list.to_string().contains(secret), "{list}");

    let delete = |id: String| {
        app.client
            .delete(app.url(&format!("/api/v1/admin/services/spotify/webhooks/{id}")))
            .bearer_auth(TOKEN)
            .send()
    };
    assert_eq!(delete(id.clone()).await.expect("delete").status(), 204);
    assert_error(delete(id).await.expect("again"), 404, "unknown_webhook").await;

    for (body, code) in [
        (json!({"url": "ftp://example.com/x"}), "invalid_url"),
        (json!({"url": "/relative"}), "invalid_url"),
        (json!({"url": "http://"}), "invalid_url"),
        (
            json!({"url": "https://x.example/", "region": "usa"}),
            "invalid_region",
        ),
        (
            json!({"url": "https://x.example/", "secret": "short"}),
            "invalid_secret",
        ),
    ] {
        assert_error(subscribe(&app, &body).await, 422, code).await;
    }
    assert_error(
        subscribe(&app, &json!({"region": "US"})).await,
        400,
        "invalid_body",
    )
    .await;
    let r = app
        .client
        .get(app.url("/api/v1/admin/services/spotify/webhooks"))
        .send()
        .await
        .expect("request");
    assert_error(r, 401, "missing_admin_token").await;
}

#[tokio::test]
async fn a_subscriber_receives_signed_incident_events() {
    let receiver = Receiver::start(0).await;
    let app = spawn_hook_app(None, 20, 20).await;
    let secret = "a-secret-of-at-least-16-chars";
    let r = subscribe(&app, &json!({"url": receiver.url, "secret": secret})).await;
    assert_eq!(r.status(), 201);

    quiet_hour_then_surge(&[&app], &MANY_NETWORKS).await;

    let got = receiver.wait_for(|got| got.iter().any(is_opened)).await;
    let opened = got.iter().find(|r| is_opened(r)).expect("opened");
    assert!(signature_is_valid(opened, secret), "{opened:?}");
    assert!(!signature_is_valid(opened, "another-secret-16chars"));
    assert_eq!(opened.headers["content-type"], "application/json");
    assert!(opened.headers.contains_key("x-downwatch-delivery"));
    let body: Value = serde_json::from_slice(&opened.body).expect("json body");
    assert_eq!(body["kind"], "opened");
    assert_eq!(body["incident"]["service"], "spotify");
    assert!(body["incident"]["detection"]["observed"].as_u64().is_some());
}

#[tokio::test]
async fn a_failed_delivery_is_retried() {
    let receiver = Receiver::start(1).await;
    let app = spawn_hook_app(None, 20, 20).await;
    let r = subscribe(&app, &json!({"url": receiver.url})).await;
    let secret = r.json::<Value>().await.expect("json")["secret"]
        .as_str()
        .expect("secret")
        .to_string();

    quiet_hour_then_surge(&[&app], &MANY_NETWORKS).await;

    let got = receiver
        .wait_for(|got| {
            let first = got.first();
            first.is_some_and(|f| {
                got.iter().skip(1).any(|r| {
                    r.headers.get("x-downwatch-delivery") == f.headers.get("x-downwatch-delivery")
                        && r.answered == 200
                })
            })
        })
        .await;
    assert_eq!(got[0].answered, 500);
    let retry = got
        .iter()
        .skip(1)
        .find(|r| {
            r.headers.get("x-downwatch-delivery") == got[0].headers.get("x-downwatch-delivery")
        })
        .expect("retry");
    assert_eq!(retry.body, got[0].body, "the same event again");
    assert!(signature_is_valid(retry, &secret));
}

#[tokio::test]
async fn pending_deliveries_survive_in_redis_for_another_process() {
    let redis = RedisServer::start();
    let receiver = Receiver::start(0).await;
    // The first process detects but delivers nothing (as if it stopped
    // before delivering).
    let _first = queue_deliveries_without_delivering(&redis, &receiver).await;
    assert!(receiver.received().is_empty());

    let second = spawn_hook_app(Some(redis.url()), 0, 20).await;
    let got = receiver.wait_for(|got| got.iter().any(is_opened)).await;
    assert!(got.iter().all(|r| r.answered == 200));
    drop(second);
}

#[tokio::test]
async fn internal_targets_and_credentials_are_refused_by_default() {
    let app = spawn_hook_app_with(None, 0, 0, false).await;

    for url in [
        "http://127.0.0.1:9/x",
        "http://[::1]/x",
        "http://[::127.0.0.1]/x",
        "http://[::ffff:0:127.0.0.1]/x",
        "http://[fec0::1]/x",
        "http://192.0.0.170/x",
        "http://localhost/x",
        "http://0.0.0.0/x",
        "http://2130706433/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:169.254.169.254]/",
        "http://10.0.0.8/x",
        "http://[fd00::1]/x",
        "http://metadata.google.internal/computeMetadata/v1/",
    ] {
        let r = subscribe(&app, &json!({ "url": url })).await;
        assert_error(r, 422, "internal_target").await;
    }
    let r = subscribe(&app, &json!({"url": "https://user:pw@hooks.example.com/x"})).await;
    let body = assert_error(r, 422, "invalid_url").await;
    assert!(!body.to_string().contains("pw@"), "{body}");

    let r = subscribe(&app, &json!({"url": "https://hooks.example.com/x"})).await;
    assert_eq!(r.status(), 201);
    let list = list_hooks(&app).await;
    assert_eq!(list["webhooks"].as_array().map(Vec::len), Some(1), "{list}");
}

#[tokio::test]
async fn a_process_without_the_opt_in_delivers_nothing_to_an_internal_target() {
    let redis = RedisServer::start();
    let receiver = Receiver::start(0).await;
    // A process that allows internal targets takes the subscription and
    // detects, but delivers nothing; the one that delivers does not allow
    // them.
    let _first = queue_deliveries_without_delivering(&redis, &receiver).await;

    let second = spawn_hook_app_with(Some(redis.url()), 0, 20, false).await;
    for _ in 0..300 {
        if queued_deliveries(&redis) == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    assert_eq!(
        queued_deliveries(&redis),
        0,
        "the refused deliveries are dropped"
    );
    assert!(receiver.received().is_empty(), "{:?}", receiver.received());
    drop(second);
}

#[tokio::test]
async fn the_subscription_cap_holds_under_concurrent_creates() {
    let redis = RedisServer::start();
    let app = spawn_hook_app(Some(redis.url()), 0, 0).await;

    let creates = (0..160).map(|n| {
        let app = &app;
        async move {
            subscribe(
                app,
                &json!({"url": format!("https://hooks.example.com/{n}")}),
            )
            .await
            .status()
            .as_u16()
        }
    });
    let statuses = futures_util::future::join_all(creates).await;

    let created = statuses.iter().filter(|s| **s == 201).count();
    let refused = statuses.iter().filter(|s| **s == 422).count();
    assert_eq!((created, refused), (100, 60), "{statuses:?}");
    let stored: usize = redis::cmd("HLEN")
        .arg("dw:{spotify}:webhooks")
        .query(&mut redis.client())
        .expect("hlen");
    assert_eq!(stored, 100);
}
