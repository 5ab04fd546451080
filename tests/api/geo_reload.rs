//! The GeoIP database swaps under load: on SIGHUP and on a file change,
//! with no failed request; a bad file is refused and the old one serves on.

use crate::common::{AppOptions, TestApp, mmdb, spawn_app_with, write_geo_fixture};
use downwatch::geo::{GeoDb, GeoSource};
use serde_json::{Value, json};
use std::net::IpAddr;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// A database that moves 8.8.8.8 to Paris.
fn write_moved_fixture(path: &Path) {
    let mut w = mmdb::MmdbWriter::new("downwatch-test-City");
    w.insert(
        "8.8.8.0/24".parse().expect("net"),
        json!({
            "country": {"iso_code": "FR"},
            "subdivisions": [{"iso_code": "IDF"}],
            "city": {"names": {"en": "Paris"}},
            "location": {"latitude": 48.8566, "longitude": 2.3522, "accuracy_radius": 10},
        }),
    );
    w.write_to(path).expect("write mmdb");
}

/// Writes beside the live file, then renames over it (what an operator's
/// `geoipupdate` does).
fn replace_atomically(live: &Path, write: impl FnOnce(&Path)) {
    let staged = live.with_extension("staged");
    write(&staged);
    std::fs::rename(&staged, live).expect("rename");
}

async fn country_of_8888(app: &TestApp) -> Value {
    let r = app
        .post_report_from(
            "8.8.8.8",
            &json!({"service": "spotify", "symptom": "login"}),
        )
        .await;
    assert_eq!(r.status(), 202);
    let body: Value = r.json().await.expect("json");
    body["region"]["country"].clone()
}

/// Sends reports from many tasks until told to stop; returns how many
/// requests did not answer 202.
fn load(app: &Arc<TestApp>, stop: &Arc<AtomicBool>) -> Vec<tokio::task::JoinHandle<(u64, u64)>> {
    (0..8)
        .map(|worker| {
            let (app, stop) = (app.clone(), stop.clone());
            tokio::spawn(async move {
                let (mut sent, mut failed) = (0u64, 0u64);
                let ips = ["8.8.8.8", "81.2.69.142", "2a02:cf40::1", "89.160.20.112"];
                while !stop.load(Ordering::Relaxed) {
                    let ip = ips[(sent as usize + worker) % ips.len()];
                    let r = app
                        .client
                        .post(app.url("/api/v1/reports"))
                        .header("x-forwarded-for", ip)
                        .json(&json!({"service": "netflix", "symptom": "login"}))
                        .send()
                        .await;
                    sent += 1;
                    if !r.is_ok_and(|r| r.status() == 202) {
                        failed += 1;
                    }
                }
                (sent, failed)
            })
        })
        .collect()
}

async fn wait_for_country(app: &TestApp, wanted: &str) {
    for _ in 0..200 {
        if country_of_8888(app).await == wanted {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the database never switched to {wanted}");
}

async fn swap_under_load(app: TestApp, trigger: impl Fn(&Path)) {
    assert_eq!(country_of_8888(&app).await, "US");
    let app = Arc::new(app);
    let stop = Arc::new(AtomicBool::new(false));
    let workers = load(&app, &stop);
    tokio::time::sleep(Duration::from_millis(200)).await;

    replace_atomically(&app.geoip, write_moved_fixture);
    trigger(&app.geoip);
    wait_for_country(&app, "FR").await;
    // And back again, still under load.
    replace_atomically(&app.geoip, write_geo_fixture);
    trigger(&app.geoip);
    wait_for_country(&app, "US").await;

    stop.store(true, Ordering::Relaxed);
    let (mut sent, mut failed) = (0, 0);
    for w in workers {
        let (s, f) = w.await.expect("worker");
        sent += s;
        failed += f;
    }
    assert!(sent > 0);
    assert_eq!(
        failed, 0,
        "{failed} of {sent} requests failed during reloads"
    );
}

#[tokio::test]
async fn a_changed_file_is_picked_up_under_load_without_failed_requests() {
    let app = spawn_app_with(AppOptions {
        tweak: Some(Box::new(|s| s.geoip_poll_secs = 1)),
        ..AppOptions::default()
    })
    .await;
    swap_under_load(app, |_| {}).await;
}

#[tokio::test]
async fn sighup_reloads_under_load_without_failed_requests() {
    // No polling: only the signal can make the switch.
    let app = spawn_app_with(AppOptions::default()).await;
    // The watcher registers its SIGHUP handler when it first runs; a served
    // request proves the runtime has run it.
    app.get_json("/healthz").await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    swap_under_load(app, |_| {
        let status = std::process::Command::new("kill")
            .args(["-HUP", &std::process::id().to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
    })
    .await;
}

#[tokio::test]
async fn a_bad_new_file_is_refused_and_the_old_one_serves_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("city.mmdb");
    write_geo_fixture(&path);
    let source = GeoSource::new(GeoDb::open(&path).expect("open"), Some(path.clone()));
    let ip: IpAddr = "8.8.8.8".parse().expect("ip");

    // Garbage, then a truncated database.
    std::fs::write(&path, b"not a MaxMind database").expect("write");
    assert!(source.reload().await.is_err());
    assert_eq!(source.lookup(ip).country.as_deref(), Some("US"));

    write_moved_fixture(&path);
    let good = std::fs::read(&path).expect("read");
    let mut bytes = good[..good.len() / 3].to_vec();
    bytes.extend_from_slice(&good[good.len() - 400..]);
    std::fs::write(&path, &bytes).expect("write");
    assert!(source.reload().await.is_err());
    assert_eq!(source.lookup(ip).country.as_deref(), Some("US"));

    // A good file is taken.
    write_moved_fixture(&path);
    source.reload().await.expect("reload");
    assert_eq!(source.lookup(ip).country.as_deref(), Some("FR"));
}
