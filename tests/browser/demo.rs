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
    for (width, height, size) in [(1280, 1400, "desktop"), (390, 844, "phone")] {
        b.set_size(width, height).await;
        b.goto(&app.url("/")).await;
        assert!(b.text("#demo-banner").await.starts_with("Demo."));
        assert!(
            b.text("#problems").await.contains(&name),
            "home lists {name} under problems right now"
        );
        // The card says where and since when, with a sparkline.
        let card = format!("#problems li[data-service={service}]");
        let place = b.text(&format!("{card} .where")).await;
        assert!(
            place.starts_with("in ") || place.starts_with("mostly in "),
            "{size}: {place}"
        );
        assert!(place.contains(" since "), "{size}: {place}");
        let spark = b
            .script(
                "return document.querySelector(arguments[0] + ' svg.spark').getBoundingClientRect().width;",
                json!([card]),
            )
            .await;
        assert!(spark.as_f64().expect("width") > 100.0, "{size}: {spark}");
        assert_no_sideways_scroll(&b, size).await;
        b.screenshot(&format!("demo-home-{size}")).await;

        b.goto(&app.url(&format!("/status/{service}"))).await;
        assert!(b.text("#demo-banner").await.starts_with("Demo."));
        let line = b.text("#status-line").await;
        assert!(
            line.starts_with(&format!("User reports indicate problems at {name} in "))
                || line.starts_with(&format!(
                    "User reports indicate problems at {name} mostly in "
                )),
            "{size}: where, in the status line: {line}"
        );
        assert!(line.contains(" since "), "{line}");
        assert!(
            line.contains(place.split(" since ").next().unwrap_or("?")),
            "the card and the page agree: {line} / {place}"
        );
        let level = b.text("#fold-level").await;
        assert!(level.starts_with("Not just you: "), "{level}");
        assert!(level.contains("usual"), "{level}");
        assert!(b.text("#fold-since").await.starts_with("Since "));
        assert!(
            b.text("#fold-people")
                .await
                .contains("people reported problems")
        );
        assert!(b.text("#fold-follow").await.contains("Get told when"));
        // At a glance: the answers are above the fold of a phone.
        let bottom = b
            .script(
                "return document.getElementById('fold-level').getBoundingClientRect().bottom;",
                json!([]),
            )
            .await;
        assert!(
            bottom.as_f64().expect("bottom") < f64::from(height),
            "{size}: the fold ends at {bottom}"
        );
        chart_reads_well(&b, size).await;
        map_shows_the_outage(&b, size).await;
        assert_no_sideways_scroll(&b, size).await;
        b.set_size(width, 2400).await;
        b.screenshot(&format!("demo-status-{size}")).await;
        b.script(
            "document.getElementById('map-box').scrollIntoView();",
            json!([]),
        )
        .await;
        b.set_size(width, height).await;
        b.script(
            "document.getElementById('map-box').scrollIntoView();",
            json!([]),
        )
        .await;
        b.screenshot(&format!("demo-status-map-{size}")).await;

        // The day's map is one click away, and works without script too.
        b.click("#map-span a").await;
        b.wait_until("return location.search === '?map=24h';", 10)
            .await;
        assert!(b.text("#map-h").await.contains("24 hours"));
        assert!(b.text("#map-span").await.contains("Show the outage so far"));

        b.goto(&app.url(&format!("/status/{service}/history")))
            .await;
        let grade = b.text("#acknowledgement-grade").await;
        assert!(grade.contains("no official status source"), "{grade}");
        assert!(b.text("#incidents").await.contains("No official source"));
        assert_no_sideways_scroll(&b, size).await;
        b.screenshot(&format!("demo-history-{size}")).await;
    }

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

/// The page does not scroll sideways.
pub async fn assert_no_sideways_scroll(b: &Browser, size: &str) {
    let wide = b
        .script(
            "if (document.documentElement.scrollWidth <= window.innerWidth) return [];
             return [...document.querySelectorAll('body *')]
               .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
               .slice(-5)
               .map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right));",
            json!([]),
        )
        .await;
    assert_eq!(
        wide,
        json!([]),
        "{size}: the page scrolls sideways ({})",
        b.script("return location.pathname;", json!([])).await
    );
}

/// The chart during an outage: a scale that fits, excess in its own
/// colour, the usual range as a band, the outage's span, the still-filling
/// bucket drawn as partial, labels a person can read.
async fn chart_reads_well(b: &Browser, size: &str) {
    let chart = b
        .script(
            "const svg = document.getElementById('report-chart');
             const counts = [...svg.querySelectorAll('rect.bar')].map(r => Number(r.dataset.count));
             const bars = [...svg.querySelectorAll('rect.bar')];
             const tick = document.querySelector('.x-axis .tick');
             const y = document.querySelector('.y-axis span');
             return {
               scaleMax: Number(svg.dataset.scaleMax),
               top: Math.max(...counts),
               excess: svg.querySelectorAll('rect.excess').length,
               excessFill: svg.querySelector('rect.excess') ? getComputedStyle(svg.querySelector('rect.excess')).fill : '',
               barFill: getComputedStyle(bars[0]).fill,
               band: svg.querySelectorAll('polygon.usual-band').length,
               span: svg.querySelectorAll('rect.incident-span').length,
               lastPartial: bars[bars.length - 1].classList.contains('partial'),
               partialKey: document.getElementById('chart-partial') ? document.getElementById('chart-partial').textContent : '',
               tickSize: parseFloat(getComputedStyle(tick).fontSize),
               tickWidth: tick.getBoundingClientRect().width,
               yTop: y.textContent,
             };",
            json!([]),
        )
        .await;
    let scale_max = chart["scaleMax"].as_f64().expect("scale");
    let top = chart["top"].as_f64().expect("top");
    assert!(
        scale_max >= top && scale_max < 2.0 * top + 5.0,
        "{size}: the scale fits the data: {chart}"
    );
    assert_eq!(chart["yTop"], json!(format!("{scale_max}")), "{chart}");
    assert!(chart["excess"].as_u64().expect("excess") > 0, "{chart}");
    assert_ne!(chart["excessFill"], chart["barFill"], "{chart}");
    assert_eq!(chart["band"], json!(1), "{chart}");
    assert_eq!(chart["span"], json!(1), "{chart}");
    assert_eq!(chart["lastPartial"], json!(true), "{chart}");
    assert!(
        chart["partialKey"]
            .as_str()
            .expect("key")
            .contains("still counting"),
        "{chart}"
    );
    assert!(
        chart["tickSize"].as_f64().expect("size") >= 12.0
            && chart["tickWidth"].as_f64().expect("w") > 20.0,
        "{size}: readable time labels: {chart}"
    );
}

/// The map during the outage: its country stands out against its own
/// usual level, and the legend says what the colours mean.
async fn map_shows_the_outage(b: &Browser, size: &str) {
    let map = b
        .script(
            "const svg = document.getElementById('world-map');
             const shade = c => Number((c.getAttribute('class').match(/heat-(\\d)/) || [0, 0])[1]);
             const countries = [...svg.querySelectorAll('use.reported')]
               .map(c => ({cc: c.dataset.cc, count: Number(c.dataset.count), shade: shade(c)}));
             return {shading: svg.dataset.shading, countries,
                     legend: document.getElementById('map-legend').textContent,
                     busiest: countries.reduce((a, c) => c.count > a.count ? c : a, {count: -1}),
                     darkest: countries.reduce((a, c) => c.shade > a.shade ? c : a, {shade: -1})};",
            json!([]),
        )
        .await;
    assert_eq!(map["shading"], json!("usual"), "{size}: {map}");
    assert!(
        map["legend"]
            .as_str()
            .expect("legend")
            .contains("usual level"),
        "{map}"
    );
    assert!(
        map["darkest"]["shade"].as_u64().expect("shade") >= 3,
        "{map}"
    );
    let line = b.text("#status-line").await;
    let darkest = map["darkest"]["cc"].as_str().expect("cc");
    let darkest_name = b
        .script(
            "return document.querySelector('#top-regions li[data-cc=' + arguments[0] + ']').firstChild.textContent.trim();",
            json!([darkest]),
        )
        .await;
    assert!(
        line.contains(darkest_name.as_str().expect("name")),
        "{size}: the darkest country is where the page says it is: {line} / {map}"
    );
}
