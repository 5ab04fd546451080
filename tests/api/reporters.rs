//! Counting people, not requests: one counted report per reporter and
//! service per dedupe period (across processes), client attribution
//! through trusted proxies only, distinct reporters and the network share.

use crate::common::{AppOptions, GEO_ANSWERS, RedisServer, TestApp, spawn_app_with};
use chrono::Duration;
use serde_json::{Value, json};
use std::sync::Arc;

fn report(service: &str, symptom: &str) -> Value {
    json!({"service": service, "symptom": symptom})
}

async fn counted(r: reqwest::Response) -> bool {
    assert_eq!(r.status(), 202);
    let body: Value = r.json().await.expect("json");
    body["counted"].as_bool().expect("counted is a bool")
}

/// A small xorshift: the tests need many varied addresses, not good
/// randomness.
struct Addresses(u64);

impl Addresses {
    fn next_v4(&mut self) -> String {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        let b = self.0.to_be_bytes();
        format!("{}.{}.{}.{}", b[0], b[1], b[2], b[3])
    }
}

#[tokio::test]
async fn one_address_counts_once_per_period_across_two_processes() {
    let redis = RedisServer::start();
    let first = spawn_app_with(AppOptions {
        redis_url: Some(redis.url()),
        dedupe_minutes: 30,
        ..AppOptions::default()
    })
    .await;
    let second = spawn_app_with(AppOptions {
        redis_url: Some(redis.url()),
        dedupe_minutes: 30,
        clock: Some(first.clock.clone()),
        ..AppOptions::default()
    })
    .await;
    let apps = [&first, &second];

    let mut outcomes = Vec::new();
    for i in 0..20 {
        let r = apps[i % 2]
            .post_report_from("8.8.8.8", &report("spotify", "login"))
            .await;
        outcomes.push(counted(r).await);
    }
    assert_eq!(outcomes.iter().filter(|c| **c).count(), 1, "{outcomes:?}");
    assert!(outcomes[0]);
    // Another person, and the same person on another service, still count.
    assert!(
        counted(
            first
                .post_report_from("8.8.4.4", &report("spotify", "login"))
                .await
        )
        .await
    );
    assert!(
        counted(
            second
                .post_report_from("8.8.8.8", &report("netflix", "login"))
                .await
        )
        .await
    );

    first.clock.advance(Duration::minutes(29));
    assert!(
        !counted(
            second
                .post_report_from("8.8.8.8", &report("spotify", "app"))
                .await
        )
        .await
    );
    first.clock.advance(Duration::minutes(2));
    assert!(
        counted(
            second
                .post_report_from("8.8.8.8", &report("spotify", "app"))
                .await
        )
        .await
    );

    let d = first.get_json("/api/v1/services/spotify").await;
    assert_eq!(d["reports"]["last_60m"], 3, "{d}");
    assert_eq!(d["reporters"]["last_60m"], 2, "{d}");
}

#[tokio::test]
async fn ten_thousand_spoofed_headers_from_an_untrusted_peer_are_one_reporter() {
    let app = Arc::new(
        spawn_app_with(AppOptions {
            dedupe_minutes: 30,
            tweak: Some(Box::new(|s| s.trusted_proxies.clear())),
            ..AppOptions::default()
        })
        .await,
    );

    let mut tasks = Vec::new();
    for worker in 0..20u64 {
        let app = app.clone();
        tasks.push(tokio::spawn(async move {
            let mut addresses = Addresses(0x9E37_79B9_7F4A_7C15 ^ (worker + 1));
            let mut counted_here = 0;
            for _ in 0..500 {
                let spoofed = format!("{}, {}", addresses.next_v4(), addresses.next_v4());
                let r = app
                    .client
                    .post(app.url("/api/v1/reports"))
                    .header("x-forwarded-for", spoofed)
                    .header("forwarded", format!("for={}", addresses.next_v4()))
                    .json(&report("discord", "messages"))
                    .send()
                    .await
                    .expect("request");
                let body: Value = r.json().await.expect("json");
                assert_eq!(body["region"]["country"], Value::Null, "{body}");
                counted_here += u64::from(body["counted"] == true);
            }
            counted_here
        }));
    }
    let mut total_counted = 0;
    for t in tasks {
        total_counted += t.await.expect("worker");
    }

    assert_eq!(total_counted, 1, "every report is the loopback peer's");
    let d = app.get_json("/api/v1/services/discord").await;
    assert_eq!(d["reports"]["last_5m"], 1);
    assert_eq!(d["reporters"]["last_5m"], 1);
    assert_eq!(d["top_regions"], json!([]));
}

#[tokio::test]
async fn through_a_trusted_proxy_each_client_is_itself_and_placed() {
    let app = spawn_app_with(AppOptions {
        dedupe_minutes: 30,
        ..AppOptions::default()
    })
    .await;

    for round in 0..3 {
        for (ip, country, sub) in GEO_ANSWERS {
            let r = app.post_report_from(ip, &report("steam", "store")).await;
            let body: Value = r.json().await.expect("json");
            assert_eq!(body["counted"], round == 0, "{ip} round {round}");
            assert_eq!(body["region"]["country"].as_str(), *country, "{ip}");
            assert_eq!(body["region"]["subdivision"].as_str(), *sub, "{ip}");
        }
    }

    let d = app.get_json("/api/v1/services/steam?window=5m").await;
    let clients = GEO_ANSWERS.len() as u64;
    assert_eq!(d["reports"]["last_5m"], clients);
    assert_eq!(d["reporters"]["last_5m"], clients);
    let regions: Vec<(String, u64)> = d["top_regions"]
        .as_array()
        .expect("regions")
        .iter()
        .map(|r| {
            (
                r["region"].as_str().expect("code").to_string(),
                r["count"].as_u64().expect("count"),
            )
        })
        .collect();
    assert_eq!(
        regions,
        [
            ("US".into(), 2),
            ("DE".into(), 1),
            ("GB".into(), 1),
            ("SE".into(), 1)
        ]
    );

    let cells = app
        .get_json("/api/v1/heatmap?service=steam&window=5m&level=cell")
        .await;
    assert_eq!(cells["level"], "cell");
    let first = &cells["regions"][0];
    assert_eq!(
        (
            first["cell"].as_str(),
            first["lat"].as_f64(),
            first["lon"].as_f64()
        ),
        (Some("37:-123"), Some(37.5), Some(-122.5))
    );
    assert_eq!(first["count"], 2);
    // London, Mountain View, Berlin; the flat-layout country has no point.
    assert_eq!(cells["located"], 4);
}

async fn send_from(app: &TestApp, ips: impl IntoIterator<Item = String>) {
    for ip in ips {
        assert!(counted(app.post_report_from(&ip, &report("twitch", "chat")).await).await);
    }
}

#[tokio::test]
async fn reports_dominated_by_one_network_are_flagged() {
    let app = spawn_app_with(AppOptions {
        dedupe_minutes: 30,
        ..AppOptions::default()
    })
    .await;

    // Twelve machines of one /24, three elsewhere.
    send_from(&app, (1..=12).map(|h| format!("81.2.69.{h}"))).await;
    send_from(
        &app,
        ["8.8.8.8", "89.160.20.112", "2a02:cf40::1"].map(String::from),
    )
    .await;

    let d = app.get_json("/api/v1/services/twitch?window=15m").await;
    assert_eq!(d["busiest_network_share"], 0.8, "{d}");
    assert_eq!(d["network_suspect"], true);

    // Spread out, the same count is not suspect.
    let app = spawn_app_with(AppOptions::default()).await;
    send_from(&app, (1..=15).map(|n| format!("81.2.{n}.1"))).await;
    let d = app.get_json("/api/v1/services/twitch?window=15m").await;
    assert!(
        d["busiest_network_share"].as_f64().expect("share") < 0.1,
        "{d}"
    );
    assert_eq!(d["network_suspect"], false);
}
