//! Who a client is, as counting and limits see it: only the forwarding
//! header the operator names is believed (`--client-ip-header`), and an
//! IPv6 /64 is one client for reporter identity, dedupe and every
//! per-client limit, with the /48 limit on a budget of its own.

use crate::common::{AppOptions, TestApp, assert_error, spawn_app_with};
use downwatch::config::Settings;
use downwatch::geo::ClientIpHeader;
use serde_json::{Value, json};

async fn app_with(
    dedupe_minutes: u64,
    tweak: impl FnOnce(&mut Settings) + Send + 'static,
) -> TestApp {
    spawn_app_with(AppOptions {
        dedupe_minutes,
        tweak: Some(Box::new(tweak)),
        ..AppOptions::default()
    })
    .await
}

fn report() -> Value {
    json!({"service": "spotify", "symptom": "login"})
}

/// Posts a report through the trusted loopback proxy with `headers`.
async fn post_with(app: &TestApp, headers: &[(&str, String)]) -> reqwest::Response {
    let mut request = app.client.post(app.url("/api/v1/reports")).json(&report());
    for (name, value) in headers {
        request = request.header(*name, value);
    }
    request.send().await.expect("request")
}

async fn counted_last_5m(app: &TestApp) -> u64 {
    let d = app.get_json("/api/v1/services/spotify").await;
    d["reports"]["last_5m"].as_u64().expect("count")
}

#[tokio::test]
async fn a_forwarded_header_the_proxy_passes_through_names_nobody() {
    // The proxy appends to X-Forwarded-For (the default header); the
    // client makes up a new Forwarded address every time.
    let app = app_with(30, |_| {}).await;

    for n in 1..=12 {
        let r = post_with(
            &app,
            &[
                ("x-forwarded-for", "8.8.8.8".to_string()),
                ("forwarded", format!("for=89.160.{n}.7")),
            ],
        )
        .await;
        assert_eq!(r.status(), 202);
    }

    assert_eq!(counted_last_5m(&app).await, 1, "one person counts once");
    let d = app.get_json("/api/v1/services/spotify").await;
    assert_eq!(d["reporters"]["last_5m"], 1, "{d}");
}

#[tokio::test]
async fn the_operator_may_name_forwarded_and_then_x_forwarded_for_is_ignored() {
    let app = app_with(30, |s| s.client_ip_header = ClientIpHeader::Forwarded).await;

    for n in 1..=5 {
        let r = post_with(
            &app,
            &[
                ("forwarded", "for=81.2.69.142;proto=https".to_string()),
                ("x-forwarded-for", format!("89.160.{n}.7")),
            ],
        )
        .await;
        assert_eq!(r.status(), 202);
        let body: Value = r.json().await.expect("json");
        assert_eq!(body["region"]["country"], "GB", "{body}");
    }

    assert_eq!(counted_last_5m(&app).await, 1);
}

#[tokio::test]
async fn one_ipv6_64_is_one_reporter() {
    let app = app_with(30, |_| {}).await;

    for host in 1..=10 {
        let r = app
            .post_report_from(&format!("2a02:cf40:0:1::{host:x}"), &report())
            .await;
        assert_eq!(r.status(), 202);
    }
    // Another /64 of the same network is another home.
    let r = app.post_report_from("2a02:cf40:0:2::1", &report()).await;
    assert_eq!(r.status(), 202);

    assert_eq!(counted_last_5m(&app).await, 2);
}

#[tokio::test]
async fn one_ipv6_64_shares_one_report_limit() {
    let app = app_with(0, |s| s.reports_per_minute_per_ip = 3).await;

    for host in 1..=3 {
        let r = app
            .post_report_from(&format!("2a02:cf40:0:1::{host}"), &report())
            .await;
        assert_eq!(r.status(), 202);
    }
    let r = app
        .post_report_from("2a02:cf40:0:1:ffff:ffff:ffff:ffff", &report())
        .await;
    assert_error(r, 429, "rate_limited").await;
    let r = app.post_report_from("2a02:cf40:0:2::1", &report()).await;
    assert_eq!(r.status(), 202);

    assert_eq!(counted_last_5m(&app).await, 4);
}

#[tokio::test]
async fn an_ipv6_48_has_a_report_budget_of_its_own() {
    let app = app_with(0, |s| {
        s.reports_per_minute_per_ip = 100;
        s.reports_per_minute_per_prefix = 100;
        s.reports_per_minute_per_ipv6_prefix = 2;
    })
    .await;

    for subnet in 1..=2 {
        let r = app
            .post_report_from(&format!("2a02:cf40:7:{subnet}::1"), &report())
            .await;
        assert_eq!(r.status(), 202);
    }
    let r = app.post_report_from("2a02:cf40:7:3::1", &report()).await;
    assert_error(r, 429, "rate_limited").await;
    // IPv4 networks keep their own, wider budget.
    for host in 1..=3 {
        let r = app
            .post_report_from(&format!("81.2.69.{host}"), &report())
            .await;
        assert_eq!(r.status(), 202);
    }
}

#[tokio::test]
async fn one_ipv6_64_shares_one_read_limit() {
    let app = app_with(0, |s| s.reads_per_minute_anonymous = 2).await;
    let read = |ip: &'static str| {
        app.client
            .get(app.url("/api/v1/services"))
            .header("x-forwarded-for", ip)
            .send()
    };

    assert_eq!(read("2a02:cf40:0:1::1").await.expect("get").status(), 200);
    assert_eq!(read("2a02:cf40:0:1::2").await.expect("get").status(), 200);
    let r = read("2a02:cf40:0:1::3").await.expect("get");
    assert_error(r, 429, "rate_limited").await;
    assert_eq!(read("2a02:cf40:0:2::1").await.expect("get").status(), 200);
}
