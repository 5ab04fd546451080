//! Accessibility: axe-core (the npm package, installed by `.ci/run` into
//! `.ci/npm/`; no CDN) checked against every page in headless Chromium,
//! with no serious or critical violation allowed; and the report form, used
//! by keyboard alone.

use crate::common::{AppOptions, spawn_app_with};
use crate::demo::demo_app;
use crate::webdriver::Browser;
use serde_json::{Value, json};
use std::path::PathBuf;

/// axe-core's browser bundle: `$DOWNWATCH_AXE`, else where `.ci/run`
/// installs it.
pub(crate) fn axe_source() -> String {
    let path = std::env::var_os("DOWNWATCH_AXE").map_or_else(
        || {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join(".ci/npm/node_modules/axe-core/axe.min.js")
        },
        PathBuf::from,
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the accessibility test needs axe-core at {} ({e}): install it with \
             `npm ci --prefix .ci/npm` (Debian: apt-get install -y npm; .ci/run does both), \
             or set DOWNWATCH_AXE to an axe.min.js",
            path.display()
        )
    })
}

/// axe's serious and critical violations on the page open in `b`, as
/// "rule: target (message)" lines.
pub(crate) async fn serious_violations(b: &Browser, axe: &str) -> Vec<String> {
    // Injected through WebDriver, so the page's Content-Security-Policy
    // (scripts from /assets/ only) stays as it is.
    b.script(&format!("{axe}\n;return typeof axe;"), json!([]))
        .await;
    let result = b
        .script_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, {
                 runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
                 resultTypes: ['violations'],
             }).then(r => done(r.violations), e => done({error: String(e)}));",
            json!([]),
        )
        .await;
    let violations = result
        .as_array()
        .unwrap_or_else(|| panic!("axe did not run: {result}"));
    violations
        .iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .flat_map(|v| {
            let nodes = v["nodes"].as_array().cloned().unwrap_or_default();
            nodes
                .into_iter()
                .map(move |n: Value| {
                    format!(
                        "{}: {} ({})",
                        v["id"].as_str().unwrap_or("?"),
                        n["target"],
                        n["failureSummary"]
                            .as_str()
                            .unwrap_or("")
                            .replace('\n', " ")
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[tokio::test]
async fn every_page_passes_axe_with_no_serious_or_critical_violation() {
    let axe = axe_source();
    // Pages with something to show: reports, a chart, a map, an incident.
    let app = spawn_app_with(AppOptions {
        detector_interval_ms: 50,
        ..AppOptions::default()
    })
    .await;
    app.quiet_hour_then_surge().await;
    app.active_global_outage().await;

    let b = Browser::start().await;
    b.set_size(1280, 1200).await;
    // The check itself works: an image without a text alternative is
    // critical.
    b.goto(&app.url("/")).await;
    b.script(
        "const i = document.createElement('img'); i.src = '/favicon.png'; document.querySelector('main').append(i);",
        json!([]),
    )
    .await;
    let canary = serious_violations(&b, &axe).await;
    assert!(
        canary.iter().any(|v| v.starts_with("image-alt")),
        "axe did not see a missing alt: {canary:?}"
    );
    let pages = [
        "/",
        "/?q=spot",
        "/status/spotify",
        "/status/spotify?reported=counted",
        "/status/spotify?reported=invalid",
        "/status/deezer",
        "/status/spotify/history",
        "/status/spotify?map=24h",
        "/status/spotfy",
        "/docs",
        "/map",
        "/map?service=spotify&window=24h",
        "/no-such-page",
        // One language besides English, and one in another script.
        "/de/",
        "/de/status/spotify",
        "/de/map",
        "/ja/status/spotify",
    ];
    let mut failures = Vec::new();
    for page in pages {
        b.goto(&app.url(page)).await;
        for v in serious_violations(&b, &axe).await {
            failures.push(format!("{page}: {v}"));
        }
    }
    // The demo's banner too.
    let demo = demo_app().await;
    for page in ["/", "/status/spotify", "/status/spotify/history"] {
        b.goto(&demo.url(page)).await;
        for v in serious_violations(&b, &axe).await {
            failures.push(format!("demo {page}: {v}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    b.quit().await;
}

#[tokio::test]
async fn the_report_form_works_by_keyboard_alone() {
    let app = spawn_app_with(AppOptions {
        dedupe_minutes: 30,
        ..AppOptions::default()
    })
    .await;
    let b = Browser::start().await;
    b.set_size(1280, 1400).await;
    b.goto(&app.url("/status/spotify")).await;

    let focused = "return document.activeElement ? \
        (document.activeElement.id || document.activeElement.className || document.activeElement.tagName) : '';";
    // Tab order: the skip link first, then the header, then the form.
    b.press_keys("\u{E004}").await;
    assert_eq!(b.script(focused, json!([])).await, json!("skip"));
    let mut reached = false;
    for _ in 0..10 {
        b.press_keys("\u{E004}").await;
        if b.script(
            "return document.activeElement.matches('#report summary');",
            json!([]),
        )
        .await
            == json!(true)
        {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab reaches the report button");
    // Enter opens the form; Tab to the first symptom, the arrow key picks
    // the next, Tab on to the platform and the button, Enter sends.
    b.press_keys("\u{E007}").await;
    assert_eq!(
        b.script("return document.getElementById('report').open;", json!([]))
            .await,
        json!(true)
    );
    b.press_keys("\u{E004}").await;
    b.press_keys(" ").await;
    b.press_keys("\u{E015}").await;
    let picked = b
        .script(
            "const r = document.querySelector('#report-form input[name=symptom]:checked');
             return r ? r.value : null;",
            json!([]),
        )
        .await;
    assert_eq!(
        picked,
        json!("streaming"),
        "the second symptom, by arrow key"
    );
    b.press_keys("\u{E004}\u{E004}").await;
    assert_eq!(b.script(focused, json!([])).await, json!("submit-report"));
    b.press_keys("\u{E007}").await;
    b.wait_until("return location.search === '?reported=counted';", 10)
        .await;
    assert_eq!(
        b.text("#confirmation").await,
        "Thanks — your report was counted."
    );
    b.screenshot("status-keyboard").await;
    b.quit().await;
}
