//! Detection inside the server: the detector task on the server's clock,
//! incidents and status through the API, live events, and two processes on
//! one Redis producing one incident, not two.

use crate::common::{
    AppOptions, MANY_NETWORKS, RedisServer, quiet_hour_then_surge, report_spotify, spawn_app_with,
};
use chrono::Duration;
use serde_json::{Value, json};
use std::time::Duration as StdDuration;

fn global_incidents(outages: &Value) -> Vec<Value> {
    outages["outages"]
        .as_array()
        .expect("outages")
        .iter()
        .filter(|o| o["service"] == "spotify" && o["region"] == "global")
        .cloned()
        .collect()
}

#[tokio::test]
async fn a_surge_opens_an_outage_with_evidence_and_events_then_resolves() {
    let app = spawn_app_with(AppOptions {
        detector_interval_ms: 20,
        ..AppOptions::default()
    })
    .await;
    let events = app
        .client
        .get(app.url("/api/v1/events"))
        .send()
        .await
        .expect("sse");
    assert_eq!(events.headers()["content-type"], "text/event-stream");
    let mut events = events;

    quiet_hour_then_surge(&[&app], &MANY_NETWORKS).await;

    // The global series may cross its threshold a minute before the US
    // one: wait for the step that links the US incident to it.
    let lists_us = |i: &Value| {
        i["affected_regions"]
            .as_array()
            .is_some_and(|r| r.iter().any(|r| r == "US"))
    };
    let outages = app
        .wait_for_json("/api/v1/outages?active=true&service=spotify", |v| {
            global_incidents(v).iter().any(lists_us)
        })
        .await;
    let incident = &global_incidents(&outages)[0];
    let id = incident["id"].as_str().expect("id");
    assert_eq!(incident["state"], "outage");
    assert_eq!(incident["suspect"], false);
    assert!(
        incident["busiest_network_share"]
            .as_f64()
            .is_some_and(|s| s < 0.5)
    );
    assert!(
        incident["detection"]["observed"].as_f64() > incident["detection"]["expected"].as_f64()
    );
    assert!(
        incident["affected_regions"]
            .as_array()
            .expect("regions")
            .iter()
            .any(|r| r == "US")
    );
    assert_eq!(incident["top_symptoms"][0]["symptom"], "streaming");

    let services = app.get_json("/api/v1/services").await;
    let spotify = services["services"]
        .as_array()
        .expect("list")
        .iter()
        .find(|s| s["slug"] == "spotify")
        .cloned()
        .expect("spotify");
    assert_eq!(spotify["status"], "outage");
    assert!(
        spotify["expected_last_15m"]
            .as_f64()
            .is_some_and(|e| e > 0.0)
    );
    let detail = app.get_json("/api/v1/services/spotify").await;
    assert_eq!(detail["status"], "outage");
    assert_eq!(detail["regions_status"]["US"], "outage");
    let series = app
        .get_json("/api/v1/services/spotify/timeseries?hours=2&step=5m")
        .await;
    assert!(
        series["buckets"]
            .as_array()
            .expect("b")
            .iter()
            .all(|b| b["baseline"].as_f64().is_some())
    );

    let full = app.get_json(&format!("/api/v1/outages/{id}")).await;
    assert!(full["timeline"].as_array().is_some_and(|t| !t.is_empty()));
    let r = app.get("/api/v1/outages/spotify.global.1").await;
    assert_eq!(r.status(), 404);
    let r = app.get("/api/v1/outages/not-a-service.x.1").await;
    assert_eq!(r.status(), 404);

    // The event stream announced it.
    let mut seen = String::new();
    let deadline = tokio::time::Instant::now() + StdDuration::from_secs(10);
    while !seen.contains("event: incident.opened") && tokio::time::Instant::now() < deadline {
        if let Ok(Ok(Some(chunk))) =
            tokio::time::timeout(StdDuration::from_secs(1), events.chunk()).await
        {
            seen.push_str(&String::from_utf8_lossy(&chunk));
        }
    }
    assert!(seen.contains("event: incident.opened"), "{seen}");
    assert!(seen.contains(id), "{seen}");

    // Back to normal for half an hour: resolved.
    for _ in 0..30 {
        report_spotify(&[&app], 2, &MANY_NETWORKS).await;
        app.clock.advance(Duration::minutes(1));
    }
    let path = format!("/api/v1/outages/{id}");
    let done = app.wait_for_json(&path, |v| v["state"] == "resolved").await;
    assert!(done["resolved_at"].is_string());
    let active = app
        .get_json("/api/v1/outages?active=true&service=spotify")
        .await;
    assert!(global_incidents(&active).is_empty());
}

#[tokio::test]
async fn two_processes_on_one_redis_declare_one_incident() {
    let redis = RedisServer::start();
    let first = spawn_app_with(AppOptions {
        redis_url: Some(redis.url()),
        detector_interval_ms: 20,
        ..AppOptions::default()
    })
    .await;
    let second = spawn_app_with(AppOptions {
        redis_url: Some(redis.url()),
        detector_interval_ms: 20,
        clock: Some(first.clock.clone()),
        ..AppOptions::default()
    })
    .await;

    quiet_hour_then_surge(&[&first, &second], &MANY_NETWORKS).await;
    second
        .wait_for_json("/api/v1/outages?service=spotify", |v| {
            !global_incidents(v).is_empty()
        })
        .await;
    // Give both detectors time to do anything they would do twice.
    tokio::time::sleep(StdDuration::from_millis(500)).await;

    for app in [&first, &second] {
        let outages = app.get_json("/api/v1/outages?service=spotify").await;
        assert_eq!(global_incidents(&outages).len(), 1, "{outages}");
    }
    let events: Vec<(String, String)> = {
        let mut conn = redis.client();
        let raw: Vec<(String, Vec<(String, String)>)> = redis::cmd("XRANGE")
            .arg("dw:events")
            .arg("-")
            .arg("+")
            .query(&mut conn)
            .expect("xrange");
        raw.into_iter()
            .flat_map(|(id, f)| f.into_iter().map(move |(_, v)| (id.clone(), v)))
            .collect()
    };
    let opened_global = events
        .iter()
        .filter(|(_, e)| e.contains("\"kind\":\"opened\"") && e.contains("\"region\":\"global\""))
        .count();
    assert_eq!(opened_global, 1, "{events:?}");
}

#[tokio::test]
async fn outage_queries_are_validated() {
    let app = spawn_app_with(AppOptions::default()).await;
    let r = app.get("/api/v1/outages?active=maybe").await;
    assert_eq!(r.status(), 400);
    let r = app.get("/api/v1/outages?service=nope").await;
    assert_eq!(r.status(), 404);
    let v = app.get_json("/api/v1/outages").await;
    assert_eq!(v["outages"], json!([]));
}

#[tokio::test]
async fn a_surge_from_one_network_is_suspect_not_an_outage() {
    let app = spawn_app_with(AppOptions {
        detector_interval_ms: 20,
        ..AppOptions::default()
    })
    .await;

    quiet_hour_then_surge(&[&app], &["81.2.69.142"]).await;

    let outages = app
        .wait_for_json("/api/v1/outages?active=true&service=spotify", |v| {
            !global_incidents(v).is_empty()
        })
        .await;
    let incident = &global_incidents(&outages)[0];
    assert_eq!(incident["suspect"], true);
    assert!(
        incident["busiest_network_share"]
            .as_f64()
            .is_some_and(|s| s > 0.5)
    );
    let detail = app
        .wait_for_json("/api/v1/services/spotify", |v| v["status"] != "ok")
        .await;
    assert_eq!(
        detail["status"], "possible",
        "suspect incidents are not announced"
    );
    let page = app.get("/status/spotify").await.text().await.expect("page");
    assert!(page.contains("possible problems at Spotify"), "{page}");
    assert!(page.contains("coordinated reporting"), "{page}");
}

#[tokio::test]
async fn two_processes_split_the_services_between_their_detectors() {
    let redis = RedisServer::start();
    let mut apps = Vec::new();
    for _ in 0..2 {
        apps.push(
            spawn_app_with(AppOptions {
                redis_url: Some(redis.url()),
                detector_interval_ms: 20,
                ..AppOptions::default()
            })
            .await,
        );
    }
    let mut conn = redis.client();
    let mut owners: std::collections::HashMap<String, usize> = Default::default();
    for _ in 0..100 {
        tokio::time::sleep(StdDuration::from_millis(100)).await;
        let keys: Vec<String> = redis::cmd("KEYS")
            .arg("dw:{*}:lease")
            .query(&mut conn)
            .expect("keys");
        owners.clear();
        for k in &keys {
            let owner: String = redis::cmd("GET").arg(k).query(&mut conn).expect("get");
            *owners.entry(owner).or_default() += 1;
        }
        // Settled: two owners, between them every service of the catalog.
        if owners.len() == 2 && owners.values().sum::<usize>() == keys.len() && keys.len() > 100 {
            break;
        }
    }
    assert_eq!(owners.len(), 2, "lease holders: {owners:?}");
    for (owner, n) in &owners {
        assert!(*n >= 25, "{owner} holds only {n} of the leases: {owners:?}");
    }
}

#[tokio::test]
async fn a_flood_flips_the_status_before_its_minute_completes() {
    let app = spawn_app_with(AppOptions {
        detector_interval_ms: 20,
        ..AppOptions::default()
    })
    .await;
    // An hour of 2 reports a minute, learned.
    tokio::time::sleep(StdDuration::from_millis(200)).await;
    for _ in 0..60 {
        report_spotify(&[&app], 2, &MANY_NETWORKS).await;
        app.clock.advance(Duration::minutes(1));
    }
    app.wait_for_json("/api/v1/services/spotify", |v| v["status"] == "ok")
        .await;
    // Twenty seconds into a minute, 60 people from many networks: the
    // clock stays in that minute.
    app.clock.advance(Duration::seconds(20));
    report_spotify(&[&app], 60, &MANY_NETWORKS).await;
    let detail = app
        .wait_for_json("/api/v1/services/spotify", |v| v["status"] == "outage")
        .await;
    assert_eq!(detail["status"], "outage", "{detail}");
    // No incident yet: the completed minute opens it.
    let outages = app
        .get_json("/api/v1/outages?active=true&service=spotify")
        .await;
    assert!(global_incidents(&outages).is_empty(), "{outages}");
    let page = app.get("/status/spotify").await.text().await.expect("page");
    assert!(!page.contains("No current problems"), "{page}");
}
