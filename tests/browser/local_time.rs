//! Times in the visitor's time zone: the page script rewrites every
//! `<time>` and the chart's axis labels; without the script the page says
//! UTC and names it.

use crate::common::spawn_app;
use crate::webdriver::Browser;
use chrono::{DateTime, Duration, Utc};
use serde_json::json;

/// "HH:MM" of `at` in Tokyo (UTC+9, no daylight saving time).
fn tokyo(at: &str) -> String {
    let at: DateTime<Utc> = at.parse().expect("rfc3339");
    (at + Duration::hours(9)).format("%H:%M").to_string()
}

#[tokio::test]
async fn a_visitor_in_tokyo_sees_tokyo_times_and_the_page_without_script_says_utc() {
    let app = spawn_app().await;
    app.post_report_from("8.8.8.8", &json!({"service": "spotify", "symptom": "app"}))
        .await;

    // Without the script: UTC, named.
    let html = app.get("/status/spotify").await.text().await.expect("page");
    assert!(html.contains("Times are in UTC."), "the zone is named");
    assert!(html.contains(" UTC</time>"), "times say UTC");

    let b = Browser::start().await;
    b.set_timezone("Asia/Tokyo").await;
    b.set_size(1280, 1600).await;
    b.goto(&app.url("/status/spotify")).await;
    b.wait_until(
        "return document.querySelector('.tz-note').textContent.includes('Asia/Tokyo');",
        10,
    )
    .await;

    // Every <time> in the chart's table: Tokyo's hour, no longer "UTC".
    let times = b
        .script(
            "return [...document.querySelectorAll('#chart-table time')]
                .map(t => [t.getAttribute('datetime'), t.textContent, t.title]);",
            json!([]),
        )
        .await;
    let times = times.as_array().expect("times");
    assert_eq!(times.len(), 96, "a row per 15 minutes of the day");
    for t in times {
        let (at, text, title) = (
            t[0].as_str().expect("datetime"),
            t[1].as_str().expect("text"),
            t[2].as_str().expect("title"),
        );
        assert!(text.contains(&tokyo(at)), "{text} for {at}");
        assert!(!text.contains("UTC"), "{text}");
        assert!(
            title.ends_with(" UTC"),
            "the UTC time stays as a tooltip: {title}"
        );
    }

    // The axis labels follow.
    let ticks = b
        .script(
            "return [...document.querySelectorAll('#chart-box .x-axis [data-datetime]')]
                .map(t => [t.dataset.datetime, t.textContent]);",
            json!([]),
        )
        .await;
    let ticks = ticks.as_array().expect("ticks");
    assert!(!ticks.is_empty());
    for t in ticks {
        let (at, text) = (t[0].as_str().expect("at"), t[1].as_str().expect("text"));
        assert_eq!(text, tokyo(at), "axis label for {at}");
    }
    b.screenshot("status-tokyo").await;
    b.quit().await;
}
