//! The read API: service list and detail, timeseries, heatmap.

use crate::common::{assert_error, spawn_app};
use chrono::Duration;
use serde_json::json;

#[tokio::test]
async fn service_list_has_every_catalog_service_with_recent_counts() {
    let app = spawn_app().await;
    for _ in 0..3 {
        app.post_report(&json!({"service": "deezer", "symptom": "app"}))
            .await;
    }

    let body = app.get_json("/api/v1/services").await;

    let services = body["services"].as_array().expect("array");
    assert!(services.len() >= 60);
    let deezer = services
        .iter()
        .find(|s| s["slug"] == "deezer")
        .expect("deezer");
    assert_eq!(deezer["name"], "Deezer");
    assert_eq!(deezer["category"], "music");
    assert_eq!(deezer["status"], "ok");
    assert_eq!(deezer["reports_last_15m"], 3);
    let tidal = services
        .iter()
        .find(|s| s["slug"] == "tidal")
        .expect("tidal");
    assert_eq!(tidal["reports_last_15m"], 0);
}

#[tokio::test]
async fn windows_slide_with_time() {
    let app = spawn_app().await;
    app.post_report(&json!({"service": "spotify", "symptom": "login"}))
        .await;
    app.clock.advance(Duration::minutes(10));
    app.post_report(&json!({"service": "spotify", "symptom": "login"}))
        .await;
    app.clock.advance(Duration::minutes(50));
    app.post_report(&json!({"service": "spotify", "symptom": "app"}))
        .await;

    let d = app.get_json("/api/v1/services/spotify").await;
    assert_eq!(
        d["reports"],
        json!({"last_5m": 1, "last_15m": 1, "last_60m": 2, "last_24h": 3})
    );

    app.clock
        .advance(Duration::hours(23) + Duration::minutes(55));
    let d = app.get_json("/api/v1/services/spotify").await;
    assert_eq!(
        d["reports"]["last_24h"], 1,
        "reports older than 24 h drop out"
    );
}

#[tokio::test]
async fn detail_ranks_symptoms_with_shares_and_regions_with_names() {
    let app = spawn_app().await;
    for (ip, symptom, n) in [
        ("8.8.8.8", "streaming", 5),
        ("81.2.69.142", "login", 3),
        ("89.160.20.112", "app", 2),
    ] {
        for _ in 0..n {
            app.post_report_from(ip, &json!({"service": "spotify", "symptom": symptom}))
                .await;
        }
    }

    let d = app.get_json("/api/v1/services/spotify").await;

    assert_eq!(d["status"], "ok");
    assert_eq!(d["service"]["name"], "Spotify");
    assert_eq!(
        d["top_symptoms"],
        json!([
            {"symptom": "streaming", "label": "Streaming", "count": 5, "share": 0.5},
            {"symptom": "login", "label": "Login", "count": 3, "share": 0.3},
            {"symptom": "app", "label": "App", "count": 2, "share": 0.2},
        ])
    );
    assert_eq!(
        d["top_regions"],
        json!([
            {"region": "US", "name": "United States", "count": 5},
            {"region": "GB", "name": "United Kingdom", "count": 3},
            {"region": "SE", "name": "Sweden", "count": 2},
        ])
    );
    let r = app.get("/api/v1/services/myspace").await;
    assert_error(r, 404, "unknown_service").await;
}

#[tokio::test]
async fn timeseries_buckets_counts_by_step_and_region() {
    let app = spawn_app().await;
    // 12:00:30 -> two reports; 12:20 -> one from GB; 12:47 -> one from US.
    app.post_report_from("8.8.8.8", &json!({"service": "spotify", "symptom": "app"}))
        .await;
    app.post_report_from("8.8.8.8", &json!({"service": "spotify", "symptom": "app"}))
        .await;
    app.clock.advance(Duration::minutes(20));
    app.post_report_from(
        "81.2.69.142",
        &json!({"service": "spotify", "symptom": "app"}),
    )
    .await;
    app.clock.advance(Duration::minutes(27));
    app.post_report_from("8.8.8.8", &json!({"service": "spotify", "symptom": "app"}))
        .await;

    let t = app
        .get_json("/api/v1/services/spotify/timeseries?hours=24&step=15m")
        .await;
    let buckets = t["buckets"].as_array().expect("buckets");
    assert_eq!(buckets.len(), 96);
    let last4: Vec<u64> = buckets[92..]
        .iter()
        .map(|b| b["count"].as_u64().expect("n"))
        .collect();
    assert_eq!(last4, [2, 1, 0, 1], "12:00, 12:15, 12:30, 12:45");
    assert_eq!(buckets[95]["start"], "2026-03-02T12:45:00Z");
    assert_eq!(buckets[0]["start"], "2026-03-01T13:00:00Z");

    let us = app
        .get_json("/api/v1/services/spotify/timeseries?hours=1&step=5m&region=US")
        .await;
    let counts: Vec<u64> = us["buckets"]
        .as_array()
        .expect("b")
        .iter()
        .map(|b| b["count"].as_u64().expect("n"))
        .collect();
    assert_eq!(
        counts,
        [0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1],
        "11:50 .. 12:45 in 5-minute steps"
    );

    let ca = app
        .get_json("/api/v1/services/spotify/timeseries?hours=2&step=1h&region=US-CA")
        .await;
    let counts: Vec<u64> = ca["buckets"]
        .as_array()
        .expect("b")
        .iter()
        .map(|b| b["count"].as_u64().expect("n"))
        .collect();
    assert_eq!(counts, [0, 3]);

    let minutes = app
        .get_json("/api/v1/services/spotify/timeseries?hours=1&step=1m")
        .await;
    assert_eq!(minutes["buckets"].as_array().expect("b").len(), 60);
}

#[tokio::test]
async fn timeseries_rejects_bad_queries() {
    let app = spawn_app().await;
    for q in [
        "step=2m",
        "hours=0",
        "hours=49&step=15m",
        "hours=193&step=1h",
        "hours=-1",
        "hours=abc",
        "region=usa",
        "region=US-TOOLONG",
    ] {
        let r = app
            .get(&format!("/api/v1/services/spotify/timeseries?{q}"))
            .await;
        assert_error(r, 400, "invalid_query").await;
    }
    let r = app.get("/api/v1/services/nope/timeseries").await;
    assert_error(r, 404, "unknown_service").await;
    // 8 days at hourly resolution are served.
    let week = app
        .get_json("/api/v1/services/spotify/timeseries?hours=192&step=1h")
        .await;
    assert_eq!(week["buckets"].as_array().expect("b").len(), 192);
}

#[tokio::test]
async fn heatmap_counts_regions_with_coordinates() {
    let app = spawn_app().await;
    for ip in ["8.8.8.8", "8.8.4.4", "81.2.69.142", "1.1.1.1"] {
        app.post_report_from(ip, &json!({"service": "spotify", "symptom": "app"}))
            .await;
    }
    app.post_report_from(
        "81.2.69.142",
        &json!({"service": "netflix", "symptom": "app"}),
    )
    .await;

    let h = app
        .get_json("/api/v1/heatmap?service=spotify&window=15m&level=country")
        .await;
    assert_eq!(h["total"], 4);
    assert_eq!(h["located"], 3);
    let regions = h["regions"].as_array().expect("regions");
    assert_eq!(regions.len(), 2);
    assert_eq!(regions[0]["region"], "US");
    assert_eq!(regions[0]["count"], 2);
    assert_eq!(regions[0]["name"], "United States");
    assert!(
        regions[0]["lat"]
            .as_f64()
            .is_some_and(|l| (30.0..50.0).contains(&l))
    );
    assert!(regions[0]["lon"].as_f64().is_some_and(|l| l < -60.0));

    let all = app.get_json("/api/v1/heatmap").await;
    let gb = all["regions"]
        .as_array()
        .expect("r")
        .iter()
        .find(|r| r["region"] == "GB")
        .expect("GB");
    assert_eq!(gb["count"], 2, "all services together");

    let subs = app
        .get_json("/api/v1/heatmap?level=subdivision&window=1h")
        .await;
    let ca = subs["regions"]
        .as_array()
        .expect("r")
        .iter()
        .find(|r| r["region"] == "US-CA")
        .expect("US-CA");
    assert_eq!(ca["count"], 2);
    assert_eq!(ca["country"], "US");

    for q in ["window=7m", "level=planet", "service=nope"] {
        let r = app.get(&format!("/api/v1/heatmap?{q}")).await;
        let status = r.status().as_u16();
        assert!(status == 400 || status == 404, "{q}: {status}");
    }
}
