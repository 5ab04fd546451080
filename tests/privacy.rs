//! No raw IP address of a client is written to Redis, to the logs or to any
//! response. Traffic from many IPv4 and IPv6 clients (reports, repeats,
//! refusals, bad input, reads with good and bad API keys) goes through a
//! server on a private redis-server with every log line captured; then
//! every key and value in Redis, the logs and the responses are searched.
//!
//! Its own test binary: it installs the process's global log subscriber.

mod common;

use common::{AppOptions, GEO_ANSWERS, RedisServer, spawn_app_with};
use downwatch::ingest::Secret;
use serde_json::json;
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn clients() -> Vec<String> {
    let mut ips: Vec<String> = GEO_ANSWERS
        .iter()
        .map(|(ip, _, _)| ip.to_string())
        .collect();
    let mut x: u32 = 0x1234_5678;
    for _ in 0..200 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        let [a, b, c, d] = x.to_be_bytes();
        // Keep to ordinary public unicast space.
        ips.push(format!("{}.{b}.{c}.{}", 11 + a % 180, 1 + d % 250));
    }
    for i in 0..60u32 {
        ips.push(format!(
            "2a02:cf40:{:x}:{:x}::{:x}",
            i * 7 + 1,
            i + 3,
            i * 13 + 5
        ));
    }
    ips
}

/// Whether `text` holds something shaped like a dotted-quad IPv4 address.
fn has_dotted_quad(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    for start in 0..bytes.len() {
        if start > 0 && (bytes[start - 1].is_ascii_digit() || bytes[start - 1] == b'.') {
            continue;
        }
        let mut parts = 0;
        let mut digits = 0;
        let mut i = start;
        while i < bytes.len() {
            match bytes[i] {
                b'0'..=b'9' if digits < 3 => digits += 1,
                b'.' if digits > 0 && parts < 3 => {
                    parts += 1;
                    digits = 0;
                }
                _ => break,
            }
            i += 1;
        }
        if parts == 3 && digits > 0 {
            return Some(text[start..i].to_string());
        }
    }
    None
}

#[tokio::test]
async fn no_client_address_reaches_redis_logs_or_responses() {
    let logs = Captured::default();
    let sink = logs.clone();
    tracing_subscriber::fmt()
        .with_env_filter("trace")
        .with_ansi(false)
        .with_writer(move || sink.clone())
        .init();

    let redis = RedisServer::start();
    let app = spawn_app_with(AppOptions {
        redis_url: Some(redis.url()),
        dedupe_minutes: 30,
        tweak: Some(Box::new(|s| {
            s.reports_per_minute_per_ip = 2;
            s.reports_per_minute_per_prefix = 50;
            s.reports_per_minute_per_ipv6_prefix = 50;
            s.reads_per_minute_anonymous = 5;
            s.limiter_max_keys = 64;
            s.api_keys = vec![Secret::new("partner-key-d41d8cd9")];
        })),
        ..AppOptions::default()
    })
    .await;
    let ips = clients();
    let mut responses = String::new();

    for (i, ip) in ips.iter().enumerate() {
        let body = match i % 3 {
            0 => json!({"service": "spotify", "symptom": "login"}),
            1 => json!({"service": "netflix", "symptom": "login", "platform": "ios"}),
            _ => json!({"service": "steam", "symptom": "store", "platform": "tv"}),
        };
        for attempt in 0..3 {
            let request = app.client.post(app.url("/api/v1/reports"));
            let request = if attempt == 1 && ip.contains(':') {
                request.header("forwarded", format!("for=\"[{ip}]:4711\""))
            } else if attempt == 1 {
                request.header("forwarded", format!("for={ip}:4711;proto=https"))
            } else {
                request.header("x-forwarded-for", format!("{ip}, 127.0.0.1"))
            };
            let r = request.json(&body).send().await.expect("request");
            responses.push_str(&seen(r).await);
        }
        // Bad input from the same client.
        let r = app
            .post_report_from(ip, &json!({"service": "spotify", "symptom": "nope"}))
            .await;
        responses.push_str(&seen(r).await);
    }
    for key in [Some("partner-key-d41d8cd9"), Some("wrong-key-0f0f"), None] {
        for ip in ips.iter().take(8) {
            let mut request = app
                .client
                .get(app.url("/api/v1/services/spotify"))
                .header("x-forwarded-for", ip.as_str());
            if let Some(k) = key {
                request = request.header("x-api-key", k);
            }
            responses.push_str(&seen(request.send().await.expect("request")).await);
        }
    }
    for path in [
        "/api/v1/heatmap?level=cell",
        "/api/v1/heatmap?level=subdivision",
    ] {
        responses.push_str(&seen(app.get(path).await).await);
    }
    assert!(
        responses.contains("\"counted\":true"),
        "reports were accepted"
    );
    assert!(responses.contains("rate_limited"), "limits were hit");
    assert!(responses.contains("invalid_api_key"));

    let dump = dump_redis(&redis);
    let logs = String::from_utf8_lossy(&logs.0.lock().expect("logs")).into_owned();
    assert!(logs.contains("listening"), "logs are captured");
    assert!(dump.contains("dw:{spotify}:m:"), "reports reached Redis");
    // The per-network-operator counters are in the scan: operators by
    // number and country, never an address or a prefix.
    assert!(
        dump.contains("\n~n:") && dump.contains("\n~t="),
        "network and ASN summaries reached Redis (in the bucket hashes)"
    );
    assert!(dump.contains("~a:DE:3320="), "{dump}");
    assert!(
        !dump.contains("/24") && !dump.contains("/48"),
        "a prefix in Redis"
    );

    for ip in &ips {
        assert!(!dump.contains(ip.as_str()), "{ip} in Redis");
        assert!(!logs.contains(ip.as_str()), "{ip} in the logs");
        assert!(!responses.contains(ip.as_str()), "{ip} in a response");
    }
    assert_eq!(has_dotted_quad(&dump), None, "an IPv4 address in Redis");
    for key in ["partner-key-d41d8cd9", "wrong-key-0f0f"] {
        assert!(!logs.contains(key), "an API key in the logs");
    }
}

/// Status, headers and body of a response, as text.
async fn seen(r: reqwest::Response) -> String {
    let head = format!("{} {:?}", r.status(), r.headers());
    let body = r.text().await.expect("body");
    format!("{head}\n{body}\n")
}

/// Every key, and every value of every key, as text.
fn dump_redis(redis: &RedisServer) -> String {
    let mut conn = redis.client();
    let keys: Vec<String> = redis::cmd("KEYS").arg("*").query(&mut conn).expect("keys");
    assert!(!keys.is_empty());
    let mut dump = String::new();
    for key in keys {
        dump.push_str(&key);
        dump.push('\n');
        let kind: String = redis::cmd("TYPE").arg(&key).query(&mut conn).expect("type");
        match kind.as_str() {
            // Strings: dedupe markers, the daily secret, HyperLogLogs.
            "string" => {
                let v: Vec<u8> = redis::cmd("GET").arg(&key).query(&mut conn).expect("get");
                dump.push_str(&String::from_utf8_lossy(&v));
            }
            "hash" => {
                let pairs: Vec<(Vec<u8>, Vec<u8>)> = redis::cmd("HGETALL")
                    .arg(&key)
                    .query(&mut conn)
                    .expect("hgetall");
                for (f, v) in pairs {
                    dump.push_str(&String::from_utf8_lossy(&f));
                    dump.push('=');
                    dump.push_str(&String::from_utf8_lossy(&v));
                    dump.push('\n');
                }
            }
            other => panic!("unexpected key type {other} for {key}"),
        }
        dump.push('\n');
    }
    dump
}
