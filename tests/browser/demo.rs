//! `--demo` on a first run: a week of simulated history, then live
//! reports; the real detector opens the injected outage, and the home
//! page, the status page and the map show it. Runs on the wall clock, as a
//! newcomer's first run does.

use crate::common::{AppOptions, TestApp, demo_catalog, spawn_app_with};
use crate::webdriver::Browser;
use serde_json::{Value, json};
use std::time::Duration;

/// The first run must show an outage within two minutes: the first
/// injected outage starts with the demo and has to complete one minute
/// before the detector may judge it. Polls past that by a margin for a
/// busy machine.
const FIRST_OUTAGE_WAIT: Duration = Duration::from_secs(150);

/// The demo on the small catalog and the wall clock, detecting every
/// second.
pub async fn demo_app() -> TestApp {
    spawn_app_with(AppOptions {
        catalog: Some(demo_catalog()),
        detector_interval_ms: 1000,
        dedupe_minutes: 30,
        wall_clock: true,
        tweak: Some(Box::new(|s| s.demo = true)),
        ..AppOptions::default()
    })
    .await
}

/// The first active outage, waiting for the detector to open one.
async fn first_outage(app: &TestApp) -> Value {
    let deadline = tokio::time::Instant::now() + FIRST_OUTAGE_WAIT;
    loop {
        let v = app.get_json("/api/v1/outages?active=true").await;
        if let Some(first) = v["outages"].as_array().and_then(|o| o.first()) {
            return first.clone();
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no outage opened within two minutes of the demo's start"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

#[tokio::test]
async fn a_first_demo_run_shows_an_outage_on_the_home_status_and_map_pages() {
    let app = demo_app().await;

    // At once: history is there, and the demo says it is one.
    let services = app.get_json("/api/v1/services").await;
    assert_eq!(services["demo"], json!(true), "{services}");
    let spotify = app.get_json("/api/v1/services/spotify").await;
    assert!(
        spotify["reports"]["last_24h"].as_u64().expect("count") > 100,
        "a day of simulated reports: {spotify}"
    );
    assert!(
        spotify["expected"]["last_15m"].as_f64().is_some(),
        "baselines learned from the history: {spotify}"
    );
    let metrics = app.get("/metrics").await.text().await.expect("metrics");
    assert!(
        metrics.contains("downwatch_reports_received_total{demo=\"true\"}"),
        "{metrics}"
    );

    // The first injected outage is declared by the detector.
    let outage = first_outage(&app).await;
    let service = outage["service"].as_str().expect("service").to_string();
    let id = outage["id"].as_str().expect("id");
    let one = app.get_json(&format!("/api/v1/outages/{id}")).await;
    assert_eq!(one["demo"], json!(true), "{one}");
    let name = app.get_json(&format!("/api/v1/services/{service}")).await["service"]["name"]
        .as_str()
        .expect("name")
        .to_string();

    let b = Browser::start().await;
    b.set_size(1280, 1400).await;
    b.goto(&app.url("/")).await;
    assert!(b.text("#demo-banner").await.starts_with("Demo."));
    assert!(
        b.text("#problems").await.contains(&name),
        "home lists {name} under problems right now"
    );
    b.screenshot("demo-home").await;

    b.goto(&app.url(&format!("/status/{service}"))).await;
    assert!(b.text("#demo-banner").await.starts_with("Demo."));
    let line = b.text("#status-line").await;
    assert!(
        line.starts_with(&format!("User reports indicate problems at {name}")),
        "{line}"
    );
    b.set_size(1280, 2400).await;
    b.screenshot("demo-status").await;

    b.set_size(1280, 1400).await;
    b.goto(&app.url("/map?window=15m")).await;
    let listed = b
        .script(
            "return [...document.querySelectorAll('#map-outages li')].map(li => li.dataset.service);",
            json!([]),
        )
        .await;
    assert!(
        listed
            .as_array()
            .is_some_and(|l| l.iter().any(|s| s == service.as_str())),
        "the map lists the outage: {listed}"
    );
    b.screenshot("demo-map").await;
    b.quit().await;
}
