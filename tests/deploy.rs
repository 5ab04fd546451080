//! The deployment files: docker-compose.yml validates with a compose
//! implementation and wires Redis (AOF), downwatch, Prometheus and Grafana
//! together; the Dockerfile is multi-stage, runs as non-root and
//! health-checks with the binary's own subcommand; Prometheus scrapes
//! downwatch's /metrics; the Grafana dashboard queries only metrics a
//! running downwatch exports, through the provisioned data source.
//!
//! Needs `docker-compose` (Debian package `docker-compose`; `.ci/run`
//! installs it). No Docker engine is needed.

#[path = "common/mod.rs"]
mod common;

use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn repo_file(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `docker-compose -f docker-compose.yml <args>` from the repository root.
fn compose(args: &[&str]) -> String {
    let out = Command::new("docker-compose")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["-f", "docker-compose.yml"])
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run docker-compose ({e}); install it: apt-get install docker-compose")
        });
    assert!(
        out.status.success(),
        "docker-compose {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The normalised configuration's block for `service` (its indented lines).
fn service_block<'a>(config: &'a str, service: &str) -> Vec<&'a str> {
    let header = format!("  {service}:");
    config
        .lines()
        .skip_while(|l| *l != header)
        .skip(1)
        .take_while(|l| l.starts_with("    "))
        .collect()
}

#[test]
fn compose_file_validates_and_runs_the_full_stack() {
    compose(&["config", "-q"]);
    let mut services: Vec<String> = compose(&["config", "--services"])
        .lines()
        .map(str::to_string)
        .collect();
    services.sort();
    assert_eq!(services, ["downwatch", "grafana", "prometheus", "redis"]);

    let config = compose(&["config"]);
    let redis = service_block(&config, "redis").join("\n");
    assert!(redis.contains("appendonly"), "{redis}");
    assert!(redis.contains("healthcheck:"), "{redis}");
    let downwatch = service_block(&config, "downwatch").join("\n");
    assert!(downwatch.contains("build:"), "{downwatch}");
    assert!(
        downwatch.contains("DOWNWATCH_REDIS_URL: redis://redis:6379/"),
        "{downwatch}"
    );
    assert!(downwatch.contains("published: 8080"), "{downwatch}");
    assert!(
        downwatch.contains("condition: service_healthy"),
        "{downwatch}"
    );
    let prometheus = service_block(&config, "prometheus").join("\n");
    assert!(
        prometheus.contains("image: prom/prometheus"),
        "{prometheus}"
    );
    assert!(
        prometheus.contains("deploy/prometheus.yml:/etc/prometheus/prometheus.yml"),
        "{prometheus}"
    );
    let grafana = service_block(&config, "grafana").join("\n");
    assert!(grafana.contains("image: grafana/grafana"), "{grafana}");
    assert!(grafana.contains("published: 3000"), "{grafana}");
    assert!(
        grafana.contains("deploy/grafana/provisioning:/etc/grafana/provisioning"),
        "{grafana}"
    );
    assert!(
        grafana.contains("deploy/grafana/dashboards:/var/lib/grafana/dashboards"),
        "{grafana}"
    );
    assert!(
        grafana.contains("prometheus:"),
        "starts after Prometheus: {grafana}"
    );
}

/// Every `downwatch_*` metric name in a PromQL expression.
fn metric_names(expr: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = expr;
    while let Some(at) = rest.find("downwatch_") {
        let name: String = rest[at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        rest = &rest[at + name.len()..];
        names.push(name);
    }
    names
}

/// Every panel's queries, nested rows included.
fn queries(panels: &Value, out: &mut Vec<(String, Value)>) {
    for panel in panels.as_array().into_iter().flatten() {
        for target in panel["targets"].as_array().into_iter().flatten() {
            let expr = target["expr"].as_str().unwrap_or_default().to_string();
            out.push((expr, target["datasource"].clone()));
        }
        queries(&panel["panels"], out);
    }
}

#[tokio::test]
async fn the_grafana_dashboard_queries_metrics_downwatch_exports() {
    let datasource = repo_file("deploy/grafana/provisioning/datasources/prometheus.yml");
    assert!(datasource.contains("type: prometheus"), "{datasource}");
    assert!(
        datasource.contains("url: http://prometheus:9090"),
        "{datasource}"
    );
    assert!(datasource.contains("uid: prometheus"), "{datasource}");
    let provider = repo_file("deploy/grafana/provisioning/dashboards/downwatch.yml");
    assert!(
        provider.contains("path: /var/lib/grafana/dashboards"),
        "{provider}"
    );
    let dashboard: Value =
        serde_json::from_str(&repo_file("deploy/grafana/dashboards/downwatch.json"))
            .expect("the dashboard is JSON");
    let mut all = Vec::new();
    queries(&dashboard["panels"], &mut all);
    let names: BTreeSet<String> = all.iter().flat_map(|(e, _)| metric_names(e)).collect();
    for (expr, source) in &all {
        assert_eq!(
            source["uid"], "prometheus",
            "{expr}: the provisioned data source"
        );
    }
    // What the issue asks the dashboard to show.
    for wanted in [
        "downwatch_reports_counted_total",
        "downwatch_reports_rejected_total",
        "downwatch_http_request_duration_seconds_bucket",
        "downwatch_redis_call_duration_seconds_bucket",
        "downwatch_redis_errors_total",
        "downwatch_detector_tick_duration_seconds_bucket",
        "downwatch_active_incidents",
        "downwatch_rate_limited_total",
    ] {
        assert!(names.contains(wanted), "the dashboard shows no {wanted}");
    }

    // A running app, after a request and a refused report, exports each.
    let app = common::spawn_app().await;
    let refused = app
        .post_report(&json!({"service": "no-such-service", "symptom": "login"}))
        .await;
    assert_eq!(refused.status(), 404);
    let metrics = app.get("/metrics").await.text().await.expect("metrics");
    let exported: BTreeSet<&str> = metrics
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split(['{', ' ']).next())
        .collect();
    let missing: Vec<&String> = names
        .iter()
        .filter(|n| !exported.contains(n.as_str()))
        .collect();
    assert!(missing.is_empty(), "not in /metrics: {missing:?}");
}

#[test]
fn prometheus_scrapes_the_downwatch_service() {
    let prometheus = repo_file("deploy/prometheus.yml");
    assert!(
        prometheus.contains("metrics_path: /metrics"),
        "{prometheus}"
    );
    // The compose service name and the port downwatch listens on.
    assert!(prometheus.contains("\"downwatch:8080\""), "{prometheus}");
    assert!(repo_file("docker-compose.yml").contains("DOWNWATCH_LISTEN: 0.0.0.0:8080"));
}

#[test]
fn dockerfile_is_multi_stage_non_root_and_health_checked() {
    let dockerfile = repo_file("Dockerfile");
    // Instructions with their continuation lines joined.
    let joined = dockerfile
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("\\\n", " ");
    let instructions: Vec<(&str, &str)> = joined
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.trim().split_once(' ').unwrap_or((l.trim(), "")))
        .collect();
    let known = [
        "FROM",
        "WORKDIR",
        "COPY",
        "RUN",
        "USER",
        "EXPOSE",
        "ENV",
        "HEALTHCHECK",
        "STOPSIGNAL",
        "ENTRYPOINT",
        "CMD",
    ];
    for (op, _) in &instructions {
        assert!(known.contains(op), "unexpected instruction {op}");
    }
    let stages: Vec<usize> = instructions
        .iter()
        .enumerate()
        .filter(|(_, (op, _))| *op == "FROM")
        .map(|(i, _)| i)
        .collect();
    assert!(stages.len() >= 2, "not multi-stage");
    let runtime = &instructions[stages[stages.len() - 1]..];
    let last = |op: &str| {
        runtime
            .iter()
            .rev()
            .find(|(o, _)| *o == op)
            .map(|(_, args)| *args)
            .unwrap_or_else(|| panic!("no {op} in the runtime stage"))
    };
    let user = last("USER");
    assert!(user != "root" && user != "0", "runs as {user}");
    let healthcheck = last("HEALTHCHECK");
    assert!(
        healthcheck.contains(r#"CMD ["/usr/local/bin/downwatch", "healthcheck"]"#),
        "{healthcheck}"
    );
    assert!(last("COPY").starts_with("--from=build "));
    assert!(last("ENV").contains("DOWNWATCH_LISTEN=0.0.0.0:8080"));
    assert_eq!(last("ENTRYPOINT"), r#"["/usr/local/bin/downwatch"]"#);

    // The subcommand the HEALTHCHECK runs exists.
    let help = Command::new(env!("CARGO_BIN_EXE_downwatch"))
        .args(["healthcheck", "--help"])
        .output()
        .expect("run downwatch");
    assert!(help.status.success());
    // The build context leaves the local build tree out.
    assert!(
        repo_file(".dockerignore")
            .lines()
            .any(|l| l.trim() == "target")
    );
}
