//! Fuzzing the JSON API with schemathesis, driven by the app's own OpenAPI
//! document: random and malformed requests against every operation, on the
//! Redis store (a private redis-server), must never get a 5xx.
//!
//! Needs the `st` command of the Python package `schemathesis`
//! (`python3 -m pip install schemathesis`; `.ci/run` installs it).
//! `DOWNWATCH_FUZZ_EXAMPLES` sets the examples per operation (default 60).

mod common;

use common::{AppOptions, RedisServer, spawn_app_with};
use downwatch::ingest::Secret;
use std::process::Stdio;

const ADMIN_TOKEN: &str = "fuzz-admin-token";

fn schemathesis() -> String {
    std::env::var("DOWNWATCH_SCHEMATHESIS").unwrap_or_else(|_| "st".to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schemathesis_finds_no_server_errors() {
    let st = schemathesis();
    let present = std::process::Command::new(&st)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        present,
        "the fuzz test needs schemathesis's `{st}` command: install it with \
         `python3 -m pip install schemathesis` (.ci/run does), or name the \
         command in DOWNWATCH_SCHEMATHESIS"
    );
    let redis = RedisServer::start();
    let app = spawn_app_with(AppOptions {
        redis_url: Some(redis.url()),
        detector_interval_ms: 20,
        tweak: Some(Box::new(|s| {
            s.admin_token = Some(Secret::new(ADMIN_TOKEN));
            // The fuzzer subscribes made-up URLs: deliver nothing.
            s.delivery_poll_ms = 0;
            // Reads see the same bearer token as an API key.
            s.api_keys = vec![Secret::new(ADMIN_TOKEN)];
            // The follow endpoints' logic, not their rate limit; email on
            // (nothing is delivered: the poll is off).
            s.follow.follow_requests_per_minute_per_ip = 0;
            s.follow.smtp_url = Some(Secret::new("smtp://127.0.0.1:9"));
            s.follow.smtp_from = Some("Fuzz <fuzz@downwatch.test>".to_string());
            s.follow.public_url = Some("http://downwatch.test".to_string());
        })),
        ..AppOptions::default()
    })
    .await;
    // Something to find: reports, a baseline and open incidents.
    common::quiet_hour_then_surge(&[&app], &common::MANY_NETWORKS).await;
    app.wait_for_json("/api/v1/outages?active=true", |v| {
        v["outages"].as_array().is_some_and(|o| !o.is_empty())
    })
    .await;

    let examples = std::env::var("DOWNWATCH_FUZZ_EXAMPLES").unwrap_or_else(|_| "60".into());
    let report = tempfile::tempdir().expect("tempdir");
    let run = || {
        tokio::process::Command::new(&st)
            .arg("run")
            .arg(app.url("/api/v1/openapi.json"))
            .args(["--checks", "not_a_server_error"])
            .args(["--max-examples", &examples])
            .args(["--seed", "1"])
            // One worker: Python 3.11's parser is not thread-safe under
            // hypothesis (a spurious "AST constructor recursion depth
            // mismatch").
            .args(["--workers", "1"])
            .args(["--request-timeout", "10"])
            // An endless stream: nothing to fuzz but its one header.
            .args(["--exclude-path", "/api/v1/events"])
            .args(["--header", &format!("Authorization: Bearer {ADMIN_TOKEN}")])
            .arg("--report-dir")
            .arg(report.path())
            .env("NO_COLOR", "1")
            .current_dir(report.path())
            .output()
    };
    let mut output = run().await.expect("run schemathesis");
    let mut stdout = String::from_utf8_lossy(&output.stdout).to_string();
    // A crash inside schemathesis itself (no check failed) gets one more try.
    if !output.status.success() && !stdout.contains("❌") && stdout.contains("Runtime Error") {
        output = run().await.expect("run schemathesis");
        stdout = String::from_utf8_lossy(&output.stdout).to_string();
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "schemathesis found problems:\n{stdout}\n{stderr}"
    );
    assert!(
        stdout.contains("passed") || stdout.contains("PASSED"),
        "schemathesis ran nothing?\n{stdout}\n{stderr}"
    );
}
