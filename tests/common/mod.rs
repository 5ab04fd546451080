//! Shared test support: a private redis-server, a GeoIP database with known
//! answers, and the app spawned on port 0.
#![allow(dead_code)]

pub mod http_request;
pub mod mmdb;
pub mod push_service;
pub mod redis_cluster;
pub mod redis_server;
pub mod smtp_server;
pub mod status_page;

use chrono::{DateTime, TimeZone, Utc};
use downwatch::clock::ManualClock;
use downwatch::config::Settings;
use downwatch::startup::Application;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[allow(unused_imports)]
pub use redis_cluster::RedisCluster;
#[allow(unused_imports)]
pub use redis_server::{RedisServer, free_port};

/// Known answers of [`write_geo_fixture`]: (client address, country,
/// subdivision).
pub const GEO_ANSWERS: &[(&str, Option<&str>, Option<&str>)] = &[
    ("81.2.69.142", Some("GB"), Some("GB-ENG")),
    ("8.8.8.8", Some("US"), Some("US-CA")),
    ("8.8.4.4", Some("US"), Some("US-CA")),
    ("89.160.20.112", Some("SE"), None),
    ("2a02:cf40::1", Some("DE"), Some("DE-BE")),
    // In the database as AU, but a documentation range: unknown.
    ("203.0.113.7", None, None),
    // Not in the database.
    ("1.1.1.1", None, None),
];

/// The autonomous systems [`write_geo_fixture`] gives its networks (the
/// GeoLite2-ASN fields, as a database that carries both layouts has them).
pub const GEO_ASNS: &[(&str, u32)] = &[
    ("81.2.69.142", 20712),
    ("8.8.8.8", 15169),
    ("8.8.4.4", 15169),
    ("89.160.20.112", 29518),
    ("2a02:cf40::1", 3320),
];

/// Writes a City-layout database with a flat-layout entry mixed in; its
/// records carry ASNs too ([`GEO_ASNS`]).
pub fn write_geo_fixture(path: &Path) {
    let mut w = mmdb::MmdbWriter::new("downwatch-test-City");
    let city = |cc: &str, sub: &str, name: &str, lat: f64, lon: f64, asn: u32| {
        json!({
            "autonomous_system_number": asn,
            "autonomous_system_organization": format!("Test network {asn}"),
            "country": {"iso_code": cc, "names": {"en": cc}},
            "subdivisions": [{"iso_code": sub, "names": {"en": sub}}],
            "city": {"names": {"en": name}},
            "location": {"latitude": lat, "longitude": lon, "accuracy_radius": 20},
        })
    };
    let net = |s: &str| s.parse().expect("network");
    w.insert(
        net("81.2.69.0/24"),
        city("GB", "ENG", "London", 51.5142, -0.0931, 20712),
    );
    w.insert(
        net("8.8.8.0/24"),
        city("US", "CA", "Mountain View", 37.386, -122.0838, 15169),
    );
    w.insert(
        net("8.8.4.0/24"),
        city("US", "CA", "Mountain View", 37.386, -122.0838, 15169),
    );
    w.insert(
        net("2a02:cf40::/32"),
        city("DE", "BE", "Berlin", 52.5244, 13.4105, 3320),
    );
    w.insert(
        net("89.160.20.0/24"),
        json!({"country_code": "SE", "autonomous_system_number": 29518}),
    );
    w.insert(net("203.0.113.0/24"), json!({"country_code": "AU"}));
    w.write_to(path).expect("write test mmdb");
}

/// A catalog of three music services (Spotify, Deezer, TIDAL) for demo
/// tests.
pub fn demo_catalog() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/common/demo_catalog.toml")
}

/// Monday 2 March 2026, 12:00:30 UTC: tests run in virtual time.
pub fn test_start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 30)
        .single()
        .expect("valid time")
}

pub struct TestApp {
    pub address: String,
    pub port: u16,
    pub client: reqwest::Client,
    pub clock: ManualClock,
    /// The GeoIP file the app reads (and reloads).
    pub geoip: PathBuf,
    _dir: Arc<tempfile::TempDir>,
}

/// Adjusts the settings a test app starts with.
pub type Tweak = Box<dyn FnOnce(&mut Settings) + Send>;

#[derive(Default)]
pub struct AppOptions {
    pub redis_url: Option<String>,
    pub catalog: Option<PathBuf>,
    pub dedupe_minutes: u64,
    /// Detector tick interval; 0 (the default in tests) leaves it off.
    pub detector_interval_ms: u64,
    /// Share a clock (and fixture directory) with another app.
    pub clock: Option<ManualClock>,
    /// Run on the wall clock instead (the demo's live feed follows it);
    /// `TestApp::clock` is then not the app's.
    pub wall_clock: bool,
    /// Anything else; test apps start with rate limits off, views not
    /// cached, loopback as a trusted proxy and no GeoIP polling.
    pub tweak: Option<Tweak>,
}

/// The app on the memory store, loopback trusted as a proxy so tests can
/// name client addresses in X-Forwarded-For.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(AppOptions::default()).await
}

/// The app on `redis`, otherwise as [`spawn_app`].
pub async fn spawn_app_on(redis: &RedisServer) -> TestApp {
    spawn_app_with(AppOptions {
        redis_url: Some(redis.url()),
        ..AppOptions::default()
    })
    .await
}

pub async fn spawn_app_with(opts: AppOptions) -> TestApp {
    let dir = tempfile::tempdir().expect("tempdir");
    let geoip = dir.path().join("test-city.mmdb");
    write_geo_fixture(&geoip);
    let mut settings = Settings {
        listen: "127.0.0.1:0".to_string(),
        redis_url: opts.redis_url,
        geoip: Some(geoip.clone()),
        catalog: opts.catalog,
        trusted_proxies: vec![
            "127.0.0.1/32".parse().expect("net"),
            "::1/128".parse().expect("net"),
        ],
        dedupe_minutes: opts.dedupe_minutes,
        detector_interval_ms: opts.detector_interval_ms,
        geoip_poll_secs: 0,
        reports_per_minute_per_ip: 0,
        reports_per_minute_per_prefix: 0,
        reports_per_minute_per_ipv6_prefix: 0,
        reads_per_minute_anonymous: 0,
        reads_per_minute_keyed: 0,
        pages_per_minute_per_ip: 0,
        // Views computed afresh on every request: tests read counts right
        // after writing them, often in virtual time. The cache's own tests
        // (tests/api/read_path.rs) set it.
        view_ttl_ms: 0,
        // No official status polls (the bundled catalog names real
        // pages); tests/api/official.rs turns them on against its own.
        official_poll_secs: 0,
        ..Settings::default()
    };
    if let Some(tweak) = opts.tweak {
        tweak(&mut settings);
    }
    let clock = opts.clock.unwrap_or_else(|| ManualClock::new(test_start()));
    let app = if opts.wall_clock {
        Application::build(settings).await
    } else {
        Application::build_with_clock(settings, Arc::new(clock.clone())).await
    }
    .expect("app builds");
    let port = app.port();
    // Signals are for the real binary (tests/lifecycle.rs): a test app
    // runs until its test ends, and ctrl-c still stops `cargo test`.
    tokio::spawn(app.run_until(std::future::pending()));
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        port,
        client: reqwest::Client::builder()
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        clock,
        geoip,
        _dir: Arc::new(dir),
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// Posts a JSON report as if from `client_ip` (through the trusted
    /// loopback proxy).
    pub async fn post_report_from(&self, client_ip: &str, body: &Value) -> reqwest::Response {
        self.client
            .post(self.url("/api/v1/reports"))
            .header("x-forwarded-for", client_ip)
            .json(body)
            .send()
            .await
            .expect("request")
    }

    /// An hour of quiet Spotify traffic from many networks, then a surge
    /// of five minutes (40 reports a minute), on this app's clock: enough
    /// for the detector (when on) to learn a baseline and open an outage.
    pub async fn quiet_hour_then_surge(&self) {
        quiet_hour_then_surge(&[self], &MANY_NETWORKS).await;
    }

    /// Polls `path` until `done` holds for its JSON body, or fails.
    pub async fn wait_for_json(&self, path: &str, done: impl Fn(&Value) -> bool) -> Value {
        for _ in 0..200 {
            let v = self.get_json(path).await;
            if done(&v) {
                return v;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("timed out waiting on {path}");
    }

    /// Waits for the detector to open a global Spotify outage; its id.
    pub async fn active_global_outage(&self) -> String {
        let outages = self
            .wait_for_json(
                "/api/v1/outages?active=true&service=spotify&region=global",
                |v| v["outages"].as_array().is_some_and(|o| !o.is_empty()),
            )
            .await;
        outages["outages"][0]["id"]
            .as_str()
            .expect("id")
            .to_string()
    }

    pub async fn post_report(&self, body: &Value) -> reqwest::Response {
        self.post_report_from("81.2.69.142", body).await
    }

    /// Posts a raw body with a content type.
    pub async fn post_raw(
        &self,
        content_type: &str,
        body: impl Into<reqwest::Body>,
    ) -> reqwest::Response {
        self.client
            .post(self.url("/api/v1/reports"))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("request")
    }

    /// GETs `path`. An unprefixed page address answers with a redirect to
    /// the page in the reader's language (`/status/spotify` →
    /// `/en/status/spotify`, `Vary: Accept-Language`); that one redirect is
    /// followed, as a browser would. Every other answer is returned as is.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        let r = self
            .client
            .get(self.url(path))
            .send()
            .await
            .expect("request");
        let to_language = r.status() == 302
            && r.headers()
                .get("vary")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("Accept-Language"));
        match r.headers().get("location").and_then(|l| l.to_str().ok()) {
            Some(location) if to_language => self
                .client
                .get(self.url(location))
                .send()
                .await
                .expect("request"),
            _ => r,
        }
    }

    /// GETs `path`, asserts 200 and returns the JSON body.
    pub async fn get_json(&self, path: &str) -> Value {
        let r = self.get(path).await;
        let status = r.status();
        let body: Value = r.json().await.expect("json body");
        assert_eq!(status, 200, "GET {path}: {body}");
        body
    }
}

/// Asserts an error response's status and code, and that it has a message.
pub async fn assert_error(response: reqwest::Response, status: u16, code: &str) -> Value {
    assert_eq!(response.status().as_u16(), status);
    let body: Value = response.json().await.expect("error body is JSON");
    assert_eq!(body["error"], code, "{body}");
    assert!(
        body["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{body}"
    );
    body
}

/// Networks of the test GeoIP database (two of them in the US, one unknown).
pub const MANY_NETWORKS: [&str; 6] = [
    "8.8.8.8",
    "8.8.4.4",
    "81.2.69.142",
    "89.160.20.112",
    "2a02:cf40::1",
    "1.1.1.1",
];

/// Posts `n` Spotify reports from `ips` in turn, spread over `apps`.
pub async fn report_spotify(apps: &[&TestApp], n: usize, ips: &[&str]) {
    for i in 0..n {
        let r = apps[i % apps.len()]
            .post_report_from(
                ips[i % ips.len()],
                &json!({"service": "spotify", "symptom": "streaming"}),
            )
            .await;
        assert_eq!(r.status(), 202);
    }
}

/// Half an hour of quiet Spotify traffic (2 reports a minute) on the
/// clock `apps` share: enough for the detector to resolve a surge.
pub async fn back_to_normal(apps: &[&TestApp]) {
    for _ in 0..30 {
        report_spotify(apps, 2, &MANY_NETWORKS).await;
        apps[0].clock.advance(chrono::Duration::minutes(1));
    }
}

/// An hour of quiet Spotify traffic (2 reports a minute from many
/// networks), then five minutes at 40 a minute from `surge_ips`, on the
/// clock `apps` share; waits for the detector to learn the quiet hour
/// before the surge.
pub async fn quiet_hour_then_surge(apps: &[&TestApp], surge_ips: &[&str]) {
    // Let the detector take its first look at the empty store.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    for _ in 0..60 {
        report_spotify(apps, 2, &MANY_NETWORKS).await;
        apps[0].clock.advance(chrono::Duration::minutes(1));
    }
    apps[0]
        .wait_for_json("/api/v1/services/spotify/timeseries?hours=1&step=5m", |v| {
            v["buckets"][11]["baseline"].as_f64().is_some()
        })
        .await;
    for _ in 0..5 {
        report_spotify(apps, 40, surge_ips).await;
        apps[0].clock.advance(chrono::Duration::minutes(1));
    }
}
