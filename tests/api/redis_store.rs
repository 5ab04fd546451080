//! The Redis store under the HTTP API: counts land in Redis with the
//! documented layout, exactly, under heavy concurrency from several server
//! processes.

use crate::common::{AppOptions, RedisServer, TestApp, spawn_app_with};
use redis::Commands;
use serde_json::json;
use std::collections::HashMap;
use std::sync::Arc;

const SERVICES: [&str; 4] = ["spotify", "netflix", "discord", "steam"];
const CLIENTS: [&str; 4] = ["8.8.8.8", "81.2.69.142", "89.160.20.112", "1.1.1.1"];

#[tokio::test]
async fn ten_thousand_concurrent_reports_are_counted_exactly() {
    let redis = RedisServer::start();
    let first = spawn_app_with(AppOptions {
        redis_url: Some(redis.url()),
        ..AppOptions::default()
    })
    .await;
    // A second server process on the same Redis and the same virtual time.
    let second = spawn_app_with(AppOptions {
        redis_url: Some(redis.url()),
        clock: Some(first.clock.clone()),
        ..AppOptions::default()
    })
    .await;
    let apps = Arc::new([first, second]);

    // 40 clients × 250 reports, spread over services and regions.
    let mut tasks = Vec::new();
    for client in 0..40 {
        let apps = apps.clone();
        tasks.push(tokio::spawn(async move {
            let mut sent: HashMap<(&str, &str), u64> = HashMap::new();
            for i in 0..250 {
                let app: &TestApp = &apps[(client + i) % 2];
                let service = SERVICES[(client * 7 + i) % SERVICES.len()];
                let ip = CLIENTS[(client + i * 3) % CLIENTS.len()];
                let symptom = if service == "steam" { "store" } else { "login" };
                let r = app
                    .post_report_from(ip, &json!({"service": service, "symptom": symptom}))
                    .await;
                assert_eq!(r.status(), 202);
                *sent.entry((service, ip)).or_default() += 1;
            }
            sent
        }));
    }
    let mut sent: HashMap<(&str, &str), u64> = HashMap::new();
    for t in tasks {
        for (k, v) in t.await.expect("client task") {
            *sent.entry(k).or_default() += v;
        }
    }
    assert_eq!(sent.values().sum::<u64>(), 10_000);

    // In Redis, in the documented layout.
    let mut conn = redis.client();
    let minute = apps[0].clock_minute();
    let hour = minute / 60;
    for service in SERVICES {
        let expected: u64 = sent
            .iter()
            .filter(|((s, _), _)| *s == service)
            .map(|(_, n)| n)
            .sum();
        let from_us: u64 = sent.get(&(service, "8.8.8.8")).copied().unwrap_or(0);
        let m_key = format!("dw:{{{service}}}:m:{minute}");
        let h_key = format!("dw:{{{service}}}:h:{hour}");
        let t: u64 = conn.hget(&m_key, "t").expect("hget");
        assert_eq!(t, expected, "{service} minute total");
        let t: u64 = conn.hget(&h_key, "t").expect("hget");
        assert_eq!(t, expected, "{service} hour total");
        let us: Option<u64> = conn.hget(&m_key, "r:US").expect("hget");
        assert_eq!(us.unwrap_or(0), from_us, "{service} US");
        let ca: Option<u64> = conn.hget(&m_key, "r:US-CA").expect("hget");
        assert_eq!(ca.unwrap_or(0), from_us, "{service} US-CA");
        let ttl: i64 = conn.ttl(&m_key).expect("ttl");
        assert!(
            ttl > 48 * 3600 && ttl <= 49 * 3600,
            "minute bucket ttl {ttl}"
        );
        let ttl: i64 = conn.ttl(&h_key).expect("ttl");
        assert!(
            ttl > 8 * 24 * 3600 && ttl <= 8 * 24 * 3600 + 3600,
            "hour bucket ttl {ttl}"
        );

        // And through the API of either process.
        let d = apps[1]
            .get_json(&format!("/api/v1/services/{service}"))
            .await;
        assert_eq!(d["reports"]["last_5m"], expected);
    }
}

#[tokio::test]
async fn every_key_of_a_service_shares_its_hash_tag() {
    let redis = RedisServer::start();
    let app = spawn_app_with(AppOptions {
        redis_url: Some(redis.url()),
        dedupe_minutes: 30,
        ..AppOptions::default()
    })
    .await;
    app.post_report_from(
        "8.8.8.8",
        &json!({"service": "apple-music", "symptom": "app"}),
    )
    .await;

    let mut conn = redis.client();
    let keys: Vec<String> = conn.keys("*").expect("keys");
    assert!(!keys.is_empty());
    for k in &keys {
        // The day's reporter secret is shared by all services: its own slot.
        assert!(
            k.starts_with("dw:{apple-music}:") || k.starts_with("dw:{secret}:reporter:"),
            "{k}"
        );
    }
}

impl TestApp {
    pub fn clock_minute(&self) -> i64 {
        self.clock_now().timestamp() / 60
    }

    fn clock_now(&self) -> chrono::DateTime<chrono::Utc> {
        use downwatch::clock::Clock;
        self.clock.now()
    }
}
