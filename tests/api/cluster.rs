//! The whole server on a real three-master Redis Cluster: two processes
//! ingest into it, their detectors share the work through leases, and one
//! incident comes out.

use crate::common::{
    AppOptions, MANY_NETWORKS, RedisCluster, quiet_hour_then_surge, spawn_app_with,
};
use redis::Commands;
use serde_json::Value;
use std::time::Duration as StdDuration;

fn global_spotify_incidents(outages: &Value) -> usize {
    outages["outages"]
        .as_array()
        .expect("outages")
        .iter()
        .filter(|o| o["service"] == "spotify" && o["region"] == "global")
        .count()
}

#[tokio::test]
async fn two_processes_ingest_and_detect_on_a_redis_cluster() {
    let cluster = RedisCluster::start();
    let first = spawn_app_with(AppOptions {
        redis_url: Some(cluster.url()),
        detector_interval_ms: 20,
        ..AppOptions::default()
    })
    .await;
    let second = spawn_app_with(AppOptions {
        redis_url: Some(cluster.url()),
        detector_interval_ms: 20,
        clock: Some(first.clock.clone()),
        ..AppOptions::default()
    })
    .await;
    let start_hour = first.clock_minute() / 60;

    quiet_hour_then_surge(&[&first, &second], &MANY_NETWORKS).await;
    second
        .wait_for_json("/api/v1/outages?active=true&service=spotify", |v| {
            global_spotify_incidents(v) == 1
        })
        .await;
    tokio::time::sleep(StdDuration::from_millis(500)).await;
    for app in [&first, &second] {
        let outages = app.get_json("/api/v1/outages?service=spotify").await;
        assert_eq!(global_spotify_incidents(&outages), 1, "{outages}");
        let status = app.get_json("/api/v1/services/spotify").await;
        assert_eq!(status["status"], "outage", "{status}");
    }

    // Every report is in the cluster: 60 quiet minutes of 2, then 5 of 40.
    let mut conn = cluster.client();
    let end_hour = first.clock_minute() / 60;
    let mut stored = 0u64;
    for hour in start_hour..=end_hour {
        let t: Option<u64> = conn
            .hget(format!("dw:{{spotify}}:h:{hour}"), "t")
            .expect("hget");
        stored += t.unwrap_or(0);
    }
    assert_eq!(stored, 60 * 2 + 5 * 40);
    let incident_ids: Vec<String> = conn
        .zrange("dw:{spotify}:incidents:by_start", 0, -1)
        .expect("zrange");
    assert!(!incident_ids.is_empty());
}
