//! End-to-end tests in headless Chromium over WebDriver: the pages as a
//! person uses them. Screenshots land in target/screenshots/ for review.

mod a11y;
#[path = "../common/mod.rs"]
mod common;
mod demo;
mod follow;
mod install;
mod languages;
mod local_time;
mod webdriver;

use common::status_page::{StatusPage, catalog, crowd_outage_admitted_late, json_page, summary};
use common::{AppOptions, spawn_app, spawn_app_with};
use serde_json::json;
use webdriver::Browser;

/// The count shown in `#id`'s data-count attribute.
async fn shown_count(b: &Browser, id: &str) -> u64 {
    b.script(
        "return Number(document.getElementById(arguments[0]).dataset.count);",
        json!([id]),
    )
    .await
    .as_u64()
    .expect("count")
}

#[tokio::test]
async fn a_report_sent_through_the_form_shows_on_the_status_page() {
    let app = spawn_app_with(AppOptions {
        dedupe_minutes: 30,
        ..AppOptions::default()
    })
    .await;
    let b = Browser::start().await;
    b.set_size(1280, 2200).await;

    // Home: find Spotify and open its page.
    b.goto(&app.url("/")).await;
    assert_eq!(b.text("h1").await, "Is it down, or is it just me?");
    b.screenshot("home-desktop").await;
    b.type_into("#q", "spot").await;
    b.wait_until(
        "return document.querySelector('#services li[data-name=deezer]').hidden === true;",
        5,
    )
    .await;
    b.click("#services a[href='/en/status/spotify']").await;
    b.wait_until("return location.pathname === '/en/status/spotify';", 10)
        .await;
    assert_eq!(
        b.text("#status-line").await,
        "No current problems at Spotify"
    );
    assert_eq!(shown_count(&b, "reports-15m").await, 0);

    // The report flow: "I have a problem" -> symptom -> platform -> send.
    b.click("#report summary").await;
    b.click("#report-form input[value=streaming]").await;
    b.script(
        "document.getElementById('platform').value = 'android';",
        json!([]),
    )
    .await;
    b.click("#submit-report").await;
    b.wait_until("return location.search === '?reported=counted';", 10)
        .await;
    assert_eq!(
        b.text("#confirmation").await,
        "Thanks — your report was counted."
    );
    assert_eq!(shown_count(&b, "reports-15m").await, 1);
    assert_eq!(shown_count(&b, "reports-24h").await, 1);
    let bars = b
        .script(
            "return [...document.querySelectorAll('#report-chart rect.bar')].map(r => r.dataset.count);",
            json!([]),
        )
        .await;
    assert_eq!(bars, json!(["1"]), "one bar in the chart, for our report");
    assert!(b.text("#top-symptoms").await.contains("Streaming"));
    b.screenshot("status-desktop").await;

    // A second report within the dedupe period is polite, and not counted.
    b.click("#report summary").await;
    b.click("#report-form input[value=login]").await;
    b.click("#submit-report").await;
    b.wait_until("return location.search === '?reported=repeat';", 10)
        .await;
    assert!(
        b.text("#confirmation")
            .await
            .contains("we counted your first report")
    );
    assert_eq!(shown_count(&b, "reports-15m").await, 1);

    // Phone width: the page still lays out in one column.
    b.set_size(390, 1800).await;
    b.goto(&app.url("/status/spotify")).await;
    let overflow = b
        .script(
            "return document.documentElement.scrollWidth <= window.innerWidth;",
            json!([]),
        )
        .await;
    assert_eq!(
        overflow,
        json!(true),
        "no horizontal scrolling at phone width"
    );
    b.screenshot("status-phone").await;
    b.goto(&app.url("/")).await;
    b.screenshot("home-phone").await;
    b.quit().await;
}

#[tokio::test]
async fn the_map_renders_countries_and_highlights_where_reports_come_from() {
    let app = spawn_app().await;
    for _ in 0..3 {
        app.post_report_from(
            "81.2.69.142",
            &json!({"service": "spotify", "symptom": "login"}),
        )
        .await;
    }
    app.post_report_from(
        "89.160.20.112",
        &json!({"service": "steam", "symptom": "login"}),
    )
    .await;
    let b = Browser::start().await;
    b.set_size(1280, 1200).await;

    b.goto(&app.url("/map?window=1h")).await;

    // The outlines come from the map asset by reference: they rendered
    // when the land spans the map and a reported country has a size.
    let widths = b
        .script(
            "const w = s => document.querySelector(s).getBoundingClientRect().width;
             return [w('#world-map use.country'), w('#world-map [data-cc=GB]')];",
            json!([]),
        )
        .await;
    let land = widths[0].as_f64().expect("number");
    let gb = widths[1].as_f64().expect("number");
    assert!(land > 500.0 && gb > 1.0, "{widths}");
    let class_of = "const c = document.querySelector('#world-map [data-cc=' + arguments[0] + ']');
        return c ? c.getAttribute('class') : 'country heat-0';";
    let gb = b.script(class_of, json!(["GB"])).await;
    assert_eq!(gb, json!("country reported heat-5"), "the top country");
    let se = b.script(class_of, json!(["SE"])).await;
    assert!(se.as_str().expect("class").contains("reported"), "{se}");
    let fr = b.script(class_of, json!(["FR"])).await;
    assert_eq!(fr, json!("country heat-0"));
    let fill = b
        .script(
            "return getComputedStyle(document.querySelector('#world-map [data-cc=GB]')).fill;",
            json!([]),
        )
        .await;
    assert_eq!(
        fill,
        json!("rgb(153, 0, 13)"),
        "highlighted in the top shade"
    );
    assert!(
        b.text("#map-summary")
            .await
            .starts_with("4 reports about all services")
    );
    b.screenshot("map-desktop").await;
    b.set_size(390, 1200).await;
    b.screenshot("map-phone").await;
    b.set_size(1280, 1200).await;

    // One service only: Steam's reports come from Sweden alone.
    b.goto(&app.url("/map?service=steam&window=15m")).await;
    assert_eq!(
        b.script(class_of, json!(["GB"])).await,
        json!("country heat-0")
    );
    assert_eq!(
        b.script(class_of, json!(["SE"])).await,
        json!("country reported heat-5")
    );
    b.quit().await;
}

#[tokio::test]
async fn open_pages_refresh_their_counts_without_a_reload() {
    let app = spawn_app().await;
    let b = Browser::start().await;
    b.set_size(1280, 1000).await;
    b.goto(&app.url("/status/deezer")).await;
    assert_eq!(shown_count(&b, "reports-15m").await, 0);
    b.script("window.stayedLoaded = true;", json!([])).await;

    app.post_report_from("8.8.8.8", &json!({"service": "deezer", "symptom": "app"}))
        .await;
    b.script("window.downwatchRefresh();", json!([])).await;

    b.wait_until(
        "window.downwatchRefresh();
         return document.getElementById('reports-15m').dataset.count === '1';",
        10,
    )
    .await;
    assert_eq!(
        b.script("return window.stayedLoaded === true;", json!([]))
            .await,
        json!(true),
        "the page was updated in place"
    );
    b.quit().await;
}

#[tokio::test]
async fn the_status_page_follows_the_event_stream() {
    let app = spawn_app_with(AppOptions {
        detector_interval_ms: 50,
        ..AppOptions::default()
    })
    .await;
    let b = Browser::start().await;
    b.set_size(1280, 2400).await;
    b.goto(&app.url("/status/spotify")).await;
    assert_eq!(
        b.text("#status-line").await,
        "No current problems at Spotify"
    );
    b.wait_until("return window.downwatchEvents.readyState === 1;", 10)
        .await;
    b.script("window.stayedLoaded = true;", json!([])).await;

    // A surge: the detector opens an incident and logs an event.
    app.quiet_hour_then_surge().await;

    b.wait_until(
        "const line = document.getElementById('status-line').textContent;
         return line.startsWith('User reports indicate problems at Spotify') && line.includes(' since ');",
        30,
    )
    .await;
    assert_eq!(
        b.script("return window.stayedLoaded === true;", json!([]))
            .await,
        json!(true),
        "the page was updated in place, not reloaded"
    );
    assert!(b.text(".incident h2").await.starts_with("Active incident"));
    let us = b
        .script(
            "return document.querySelector('#world-map [data-cc=US]').getAttribute('class');",
            json!([]),
        )
        .await;
    assert!(us.as_str().expect("class").contains("reported"), "{us}");
    b.screenshot("status-incident").await;
    b.quit().await;
}

#[tokio::test]
async fn the_status_page_shows_the_official_word_and_how_late_it_came() {
    let page = StatusPage::start(
        "/api/v2/summary.json",
        json_page(summary("none", "operational", None), "v1"),
    )
    .await;
    let dir = tempfile::tempdir().expect("tempdir");
    let app = spawn_app_with(AppOptions {
        catalog: Some(catalog(dir.path(), &page.url, None)),
        detector_interval_ms: 50,
        tweak: Some(Box::new(|s| {
            s.official_poll_secs = 60;
            s.official_check_ms = 20;
        })),
        ..AppOptions::default()
    })
    .await;
    crowd_outage_admitted_late(&app, &page, 14).await;

    let b = Browser::start().await;
    b.set_size(1280, 2400).await;
    b.goto(&app.url("/status/spotify")).await;
    let official = b.text("#official-line").await;
    assert!(
        official.starts_with("Spotify says: Major Service Outage — acknowledged"),
        "{official}"
    );
    assert!(
        official.ends_with("14 min after reports surged"),
        "{official}"
    );
    assert!(
        b.text(".official-incident")
            .await
            .contains("Playback fails for many users"),
        "the official incident is listed"
    );
    assert!(
        b.text(".incident .acknowledged")
            .await
            .contains("14 min after reports surged"),
        "the crowd incident says when it was acknowledged"
    );
    b.screenshot("status-official-lag").await;

    // Its history grades how fast it admits outages: it has a source,
    // read during the outage.
    for (width, size) in [(1280, "desktop"), (390, "phone")] {
        b.set_size(width, 1400).await;
        b.goto(&app.url("/status/spotify/history")).await;
        let grade = b.text("#acknowledgement-grade").await;
        assert!(grade.contains("grade "), "{grade}");
        assert!(!grade.contains("no official status source"), "{grade}");
        assert!(
            b.text("#incidents")
                .await
                .contains("14 min after reports surged"),
            "the global incident's row says its lag"
        );
        demo::assert_no_sideways_scroll(&b, size).await;
        b.screenshot(&format!("history-official-{size}")).await;
    }
    b.quit().await;
}

#[tokio::test]
async fn the_api_docs_and_a_helpful_404_read_well_at_both_widths() {
    let app = spawn_app().await;
    let b = Browser::start().await;
    for (width, size) in [(1280, "desktop"), (390, "phone")] {
        b.set_size(width, 1400).await;
        b.goto(&app.url("/")).await;
        b.click("footer a[href='/docs']").await;
        b.wait_until("return location.pathname === '/docs';", 10)
            .await;
        assert_eq!(b.text("h1").await, "API documentation");
        let operations = b
            .script(
                "return document.querySelectorAll('section.operation').length;",
                json!([]),
            )
            .await;
        assert!(operations.as_u64().expect("n") >= 15, "{operations}");
        // Schemas are linked from the operations that use them.
        b.click("#op-service_detail a[href='#schema-ServiceDetail']")
            .await;
        b.wait_until("return location.hash === '#schema-ServiceDetail';", 5)
            .await;
        demo::assert_no_sideways_scroll(&b, size).await;
        b.goto(&app.url("/docs")).await;
        b.screenshot(&format!("docs-{size}")).await;

        b.goto(&app.url("/status/spotfy")).await;
        assert_eq!(b.text("h1").await, "We don't know “spotfy”");
        b.click("#suggestions a").await;
        b.wait_until("return location.pathname === '/en/status/spotify';", 10)
            .await;
        b.goto(&app.url("/status/tidl")).await;
        b.screenshot(&format!("not-found-{size}")).await;
        b.click("form.search button").await;
        b.wait_until("return location.search === '?q=tidl';", 10)
            .await;
    }
    b.quit().await;
}
