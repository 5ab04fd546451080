//! Several real `downwatch serve` processes on one Redis, as behind a load
//! balancer: reports spread over them are counted exactly, their detectors
//! declare one incident between them, and a process stopped with SIGTERM
//! in the middle of traffic loses nothing it acknowledged.

use crate::common::{RedisServer, free_port};
use redis::Commands;
use serde_json::{Value, json};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct ServerProcess {
    child: Child,
    address: String,
}

impl ServerProcess {
    /// `downwatch serve` on a free port against `redis_url`, with loopback
    /// as the trusted proxy and rate limits off (the load comes from one
    /// test through X-Forwarded-For).
    async fn start(redis_url: &str) -> Self {
        let port = free_port();
        let child = Command::new(env!("CARGO_BIN_EXE_downwatch"))
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .args(["--redis-url", redis_url, "--trusted-proxy", "127.0.0.1"])
            .args(["--detector-interval-ms", "200", "--geoip-poll-secs", "0"])
            .args(["--reports-per-minute-per-ip", "0"])
            .args(["--reports-per-minute-per-prefix", "0"])
            .args(["--reports-per-minute-per-ipv6-prefix", "0"])
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start downwatch");
        let server = Self {
            child,
            address: format!("http://127.0.0.1:{port}"),
        };
        downwatch::install_tls_provider();
        let client = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            let ready = client
                .get(format!("{}/readyz", server.address))
                .send()
                .await
                .is_ok_and(|r| r.status() == 200);
            if ready {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("downwatch serve did not get ready on port {port}");
    }

    fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
    }

    fn wait(&mut self) -> std::process::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(40);
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status;
            }
            assert!(Instant::now() < deadline, "downwatch did not exit");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A distinct public address (and /24 network) per report.
fn client_ip(n: usize) -> String {
    format!("{}.{}.{}.7", 24 + n / 65_536, (n / 256) % 256, n % 256)
}

/// Posts `count` Discord reports to `address`, one every few ms, and
/// returns how many were acknowledged with 202; stops at the first
/// connection failure (the process went away).
async fn post_reports(client: reqwest::Client, address: String, first: usize, count: usize) -> u64 {
    let mut acknowledged = 0;
    for n in first..first + count {
        let response = client
            .post(format!("{address}/api/v1/reports"))
            .header("x-forwarded-for", client_ip(n))
            .json(&json!({"service": "discord", "symptom": "server_connection"}))
            .send()
            .await;
        match response {
            Ok(r) if r.status() == 202 => acknowledged += 1,
            Ok(r) => assert_eq!(r.status(), 503, "unexpected answer"),
            Err(_) => break,
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    acknowledged
}

#[tokio::test]
async fn three_processes_count_exactly_detect_once_and_stop_without_loss() {
    let redis = RedisServer::start();
    let mut servers = Vec::new();
    for _ in 0..3 {
        servers.push(ServerProcess::start(&redis.url()).await);
    }
    downwatch::install_tls_provider();
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client");

    // 36 clients, 12 per process, each sending 30 reports.
    let mut tasks = Vec::new();
    for c in 0..36 {
        let address = servers[c % 3].address.clone();
        tasks.push(tokio::spawn(post_reports(
            client.clone(),
            address,
            c * 30,
            30,
        )));
    }
    // Stop the third process while its clients are still sending.
    tokio::time::sleep(Duration::from_millis(150)).await;
    servers[2].terminate();
    let status = servers[2].wait();
    assert!(status.success(), "SIGTERM exit: {status}");

    let mut acknowledged = 0;
    let mut by_process = [0u64; 3];
    for (c, task) in tasks.into_iter().enumerate() {
        let n = task.await.expect("client");
        by_process[c % 3] += n;
        acknowledged += n;
    }
    assert_eq!(
        by_process[0],
        12 * 30,
        "the running processes take every report"
    );
    assert_eq!(by_process[1], 12 * 30);
    assert!(
        by_process[2] < 12 * 30,
        "the stopped process should have refused some reports: {by_process:?}"
    );

    // Every acknowledged report is in Redis, none twice.
    let mut conn = redis.client();
    let hour = chrono::Utc::now().timestamp() / 3600;
    let mut stored = 0;
    for h in hour - 1..=hour {
        let t: Option<u64> = conn
            .hget(format!("dw:{{discord}}:h:{h}"), "t")
            .expect("hget");
        stored += t.unwrap_or(0);
    }
    assert_eq!(
        stored, acknowledged,
        "stored vs acknowledged {by_process:?}"
    );

    // Hundreds of people in a minute on a quiet service is an outage; the
    // two detectors left declare it once. The detector steps on completed
    // minutes, so this can take until the minute after the reports ends.
    let outages_of = |v: &Value| -> usize {
        v["outages"]
            .as_array()
            .map_or(0, |a| a.iter().filter(|o| o["region"] == "global").count())
    };
    let discord_outages = |address: &str| {
        let request = client.get(format!("{address}/api/v1/outages?service=discord"));
        async move {
            let response = request.send().await.expect("outages");
            response.json::<Value>().await.expect("json")
        }
    };
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let v = discord_outages(&servers[0].address).await;
        if outages_of(&v) > 0 {
            break;
        }
        assert!(Instant::now() < deadline, "no outage declared: {v}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(1000)).await;
    for server in &servers[..2] {
        let v = discord_outages(&server.address).await;
        assert_eq!(outages_of(&v), 1, "{v}");
    }
    let events: Vec<(String, Vec<(String, String)>)> = redis::cmd("XRANGE")
        .arg("dw:events")
        .arg("-")
        .arg("+")
        .query(&mut conn)
        .expect("xrange");
    let opened = events
        .iter()
        .flat_map(|(_, fields)| fields.iter().map(|(_, v)| v))
        .filter(|e| e.contains("\"kind\":\"opened\"") && e.contains("\"region\":\"global\""))
        .count();
    assert_eq!(opened, 1);
}
