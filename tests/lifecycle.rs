//! The real `downwatch` binary as an operator runs it: graceful shutdown on
//! SIGTERM and SIGINT under load (exit 0, every accepted report stored) and
//! with an open event stream, the `healthcheck` subcommand the container
//! image uses, and what the log says of client mistakes and admin token
//! guesses.

mod common;

use common::{RedisServer, free_port};
use serde_json::json;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_downwatch");

/// The server on `port`, counting every report (no dedupe, no limits),
/// with a busy detector; its log goes to `log`.
fn serve(port: u16, redis: &RedisServer, log: &std::fs::File, extra: &[&str]) -> Child {
    Command::new(BIN)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .args(extra)
        .args(["--redis-url", &redis.url()])
        .args(["--dedupe-minutes", "0", "--detector-interval-ms", "50"])
        .args(["--reports-per-minute-per-ip", "0"])
        .args(["--reports-per-minute-per-prefix", "0"])
        .args(["--reports-per-minute-per-ipv6-prefix", "0"])
        .args(["--geoip-poll-secs", "0"])
        .env("RUST_LOG", "info")
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(log.try_clone().expect("log file"))
        .spawn()
        .expect("start downwatch")
}

/// A started, healthy server process, killed if still running when
/// dropped.
struct Running {
    child: Option<Child>,
    port: u16,
    client: reqwest::Client,
    log_path: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

impl Running {
    async fn start(redis: &RedisServer, extra: &[&str]) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let log_path = dir.path().join("downwatch.log");
        let log = std::fs::File::create(&log_path).expect("log");
        let port = free_port();
        let child = serve(port, redis, &log, extra);
        downwatch::install_tls_provider();
        let client = reqwest::Client::builder()
            .no_proxy()
            .build()
            .expect("client");
        wait_healthy(&client, port).await;
        Self {
            child: Some(child),
            port,
            client,
            log_path,
            _dir: dir,
        }
    }
}

impl Running {
    /// Sends `signal` ("TERM", "INT"), waits for the process to exit,
    /// asserts it exited 0 and returns its log.
    async fn stop_with(&mut self, signal: &str) -> String {
        let mut child = self.child.take().expect("running");
        let sent = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .expect("kill");
        assert!(sent.success());
        let status = tokio::task::spawn_blocking(move || wait_exit(&mut child))
            .await
            .expect("waiter");
        let log = std::fs::read_to_string(&self.log_path).expect("log");
        assert!(status.success(), "exit {status:?}; log:\n{log}");
        log
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

async fn wait_healthy(client: &reqwest::Client, port: u16) {
    for _ in 0..300 {
        let r = client
            .get(format!("http://127.0.0.1:{port}/healthz"))
            .send()
            .await;
        if r.is_ok_and(|r| r.status() == 200) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("downwatch never became healthy");
}

fn wait_exit(child: &mut Child) -> ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    panic!("downwatch did not exit after the signal");
}

/// Posts reports from several clients until the server stops answering,
/// sends `signal` once 300 reports were accepted, and checks the exit
/// status and the stored count.
async fn shutdown_under_load(signal: &str) {
    let redis = RedisServer::start();
    let mut server = Running::start(&redis, &[]).await;
    let port = server.port;

    let accepted = Arc::new(AtomicU64::new(0));
    let unknown = Arc::new(AtomicU64::new(0));
    let signalled = Arc::new(AtomicBool::new(false));
    let mut posters = Vec::new();
    for _ in 0..8 {
        let (client, accepted, unknown, signalled) = (
            server.client.clone(),
            accepted.clone(),
            unknown.clone(),
            signalled.clone(),
        );
        posters.push(tokio::spawn(async move {
            loop {
                let r = client
                    .post(format!("http://127.0.0.1:{port}/api/v1/reports"))
                    .json(&json!({"service": "spotify", "symptom": "login"}))
                    .send()
                    .await;
                match r {
                    Ok(r) if r.status() == 202 => {
                        accepted.fetch_add(1, Ordering::SeqCst);
                    }
                    Ok(r) => panic!("unexpected answer {}", r.status()),
                    // Cut off while stopping: the report may or may not
                    // have been stored.
                    Err(_) if signalled.load(Ordering::SeqCst) => {
                        unknown.fetch_add(1, Ordering::SeqCst);
                        return;
                    }
                    Err(e) => panic!("request failed before the signal: {e}"),
                }
            }
        }));
    }
    while accepted.load(Ordering::SeqCst) < 300 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    signalled.store(true, Ordering::SeqCst);
    let log = server.stop_with(signal).await;
    for p in posters {
        p.await.expect("poster");
    }
    assert!(log.contains("stopped"), "{log}");
    // Request log lines carry their request id.
    assert!(
        log.lines()
            .any(|l| l.contains("request finished") && l.contains("request_id=")),
        "{log}"
    );

    let accepted = accepted.load(Ordering::SeqCst);
    let unknown = unknown.load(Ordering::SeqCst);
    let stored = redis.reports_stored("spotify");
    assert!(
        accepted <= stored && stored <= accepted + unknown,
        "accepted {accepted}, unknown {unknown}, stored {stored}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_under_load_exits_0_with_every_accepted_report_stored() {
    shutdown_under_load("TERM").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigint_under_load_exits_0_with_every_accepted_report_stored() {
    shutdown_under_load("INT").await;
}

#[tokio::test]
async fn sigterm_ends_open_event_streams_instead_of_waiting_on_them() {
    let redis = RedisServer::start();
    // A drain long enough that waiting on the stream would fail the test.
    let mut server = Running::start(&redis, &["--shutdown-timeout-secs", "600"]).await;
    let mut events = server
        .client
        .get(format!("http://127.0.0.1:{}/api/v1/events", server.port))
        .send()
        .await
        .expect("event stream");
    assert_eq!(events.status(), 200);
    let hello = events.chunk().await.expect("first chunk");
    assert!(hello.is_some_and(|c| c.starts_with(b": downwatch events")));

    server.stop_with("TERM").await;
    // The stream was ended by the server, not cut.
    loop {
        match events.chunk().await {
            Ok(Some(_)) => continue,
            Ok(None) => break,
            Err(e) => panic!("the event stream was cut, not ended: {e}"),
        }
    }
}

#[tokio::test]
async fn healthcheck_subcommand_passes_on_a_live_server_and_fails_otherwise() {
    let redis = RedisServer::start();
    let server = Running::start(&redis, &[]).await;
    let port = server.port;

    let check = |listen: String| {
        Command::new(BIN)
            .args(["healthcheck", "--listen", &listen])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run healthcheck")
    };
    assert!(check(format!("127.0.0.1:{port}")).success());
    // The container listens on 0.0.0.0 and checks itself on loopback.
    assert!(check(format!("0.0.0.0:{port}")).success());
    assert!(!check(format!("127.0.0.1:{}", free_port())).success());
}

#[tokio::test]
async fn client_mistakes_are_no_errors_and_admin_refusals_warn_without_the_token() {
    let redis = RedisServer::start();
    let mut server = Running::start(&redis, &["--admin-token", "the-real-admin-token"]).await;
    let port = server.port;

    // A request actix-http cannot parse, and a malformed JSON report.
    for raw in [
        "GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n".to_string(),
        "POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{bad}".to_string(),
    ] {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .expect("connect");
        stream.write_all(raw.as_bytes()).await.expect("send");
        let mut answer = Vec::new();
        let _ = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer)).await;
        assert!(answer.starts_with(b"HTTP/1.1 400"), "{}", String::from_utf8_lossy(&answer));
    }
    let r = server
        .client
        .get(format!(
            "http://127.0.0.1:{port}/api/v1/admin/services/spotify/webhooks"
        ))
        .bearer_auth("guessed-token-4711")
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), 401);

    let log = server.stop_with("TERM").await;
    assert!(!log.contains(" ERROR "), "{log}");
    assert!(
        log.lines()
            .any(|l| l.contains(" WARN ") && l.contains("admin authentication refused")),
        "{log}"
    );
    assert!(!log.contains("guessed-token-4711"), "{log}");
}

#[tokio::test]
async fn encoded_paths_are_logged_by_their_route_and_refused_streams_stay_quiet() {
    let redis = RedisServer::start();
    let mut server = Running::start(
        &redis,
        &[
            "--admin-token",
            "the-real-admin-token",
            "--max-event-streams",
            "1",
        ],
    )
    .await;
    let port = server.port;
    let url = |path: &str| format!("http://127.0.0.1:{port}{path}");

    // One letter encoded: still the admin route, and refused as such.
    let r = server
        .client
        .post(url("/api/v1/%61dmin/services/netflix/webhooks"))
        .json(&json!({"url": "https://attacker.example.com/h"}))
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), 401);

    // Junk resume ids start from now; then the one slot is taken and
    // further streams are refused.
    let huge = "9".repeat(5000);
    let mut refused = 0;
    let open = |id: Option<String>| {
        let client = server.client.clone();
        let url = url("/api/v1/events");
        async move {
            let mut request = client.get(url);
            if let Some(id) = id {
                request = request.header("last-event-id", id);
            }
            request.send().await.expect("sse")
        }
    };
    // Waits for the one slot (the stream before may still be closing).
    let mut held = None;
    for id in [
        Some("99999999999999999999-0".to_string()),
        Some("18446744073709551615-18446744073709551615".to_string()),
        Some("1-99999999999999999999".to_string()),
        Some(huge.clone()),
        None,
    ] {
        held = None;
        for _ in 0..50 {
            let r = open(id.clone()).await;
            if r.status() != 503 {
                held = Some(r);
                break;
            }
            refused += 1;
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(held.as_ref().map(|r| r.status().as_u16()), Some(200));
    }
    for _ in 0..20 {
        assert_eq!(open(None).await.status(), 503);
        refused += 1;
    }
    let metrics = server
        .client
        .get(url("/metrics"))
        .send()
        .await
        .expect("metrics")
        .text()
        .await
        .expect("text");
    assert!(
        metrics.contains(&format!(
            "downwatch_rate_limited_total{{limit=\"stream\"}} {refused}"
        )),
        "{refused} refused; {metrics}"
    );
    drop(held);

    let log = server.stop_with("TERM").await;
    assert!(!log.contains(" ERROR "), "{log}");
    let warnings: Vec<&str> = log
        .lines()
        // (The official status polls find no internet here; not ours.)
        .filter(|l| {
            l.contains(" WARN ")
                && l.contains("request{")
                && !l.contains("admin authentication refused")
        })
        .collect();
    assert!(warnings.is_empty(), "{warnings:#?}");
    assert!(
        log.lines().any(
            |l| l.contains("route=/api/v1/admin/services/{service}/webhooks")
                && l.contains("status=401")
        ),
        "{log}"
    );
    assert!(!log.contains("route=unmatched"), "{log}");
}
