//! Hardened HTTP: request ids (never one holding an address), `nosniff` on
//! every answer, slow clients cut off (headers and bodies), and error
//! bodies that never show internal details.

use crate::common::{
    AppOptions, RedisServer, assert_error, free_port, spawn_app, spawn_app_on, spawn_app_with,
    test_start,
};
use serde_json::json;
use std::time::Duration;
use tokio::io::AsyncWriteExt;

fn request_id(r: &reqwest::Response) -> String {
    r.headers()["x-request-id"]
        .to_str()
        .expect("ascii request id")
        .to_string()
}

#[tokio::test]
async fn every_answer_carries_a_request_id_and_an_incoming_sane_one_is_echoed() {
    let app = spawn_app().await;

    let first = request_id(&app.get("/healthz").await);
    let second = request_id(&app.get("/api/v1/no-such-endpoint").await);
    assert_eq!(first.len(), 32, "{first}");
    assert!(first.bytes().all(|b| b.is_ascii_hexdigit()), "{first}");
    assert_ne!(first, second);

    let r = app
        .client
        .get(app.url("/api/v1/services"))
        .header("x-request-id", "lb-7f3a.2:xyz_1")
        .send()
        .await
        .expect("request");
    assert_eq!(request_id(&r), "lb-7f3a.2:xyz_1");
}

#[tokio::test]
async fn a_garbage_or_oversized_request_id_is_replaced() {
    let app = spawn_app().await;
    for incoming in [
        "<script>alert(1)</script>",
        "two words",
        &"a".repeat(65),
        "",
        "c-91.198.174.33",
        "req-2a02:cf40::1",
    ] {
        let r = app
            .client
            .get(app.url("/healthz"))
            .header("x-request-id", incoming)
            .send()
            .await
            .expect("request");
        let id = request_id(&r);
        assert_ne!(id, incoming);
        assert_eq!(id.len(), 32, "{id}");
    }
}

#[tokio::test]
async fn json_answers_and_errors_say_nosniff() {
    let app = spawn_app_with(AppOptions {
        tweak: Some(Box::new(|s| s.reports_per_minute_per_ip = 1)),
        ..AppOptions::default()
    })
    .await;
    let login = json!({"service": "spotify", "symptom": "login"});
    let answers = [
        app.get("/api/v1/services").await,
        app.get("/api/v1/nope").await,
        app.post_report(&login).await,
        app.post_report(&login).await,
        app.get("/metrics").await,
    ];
    let statuses: Vec<u16> = answers.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(statuses, [200, 404, 202, 429, 200]);
    for r in &answers {
        assert_eq!(r.headers()["x-content-type-options"], "nosniff", "{r:?}");
        assert!(r.headers().contains_key("x-request-id"), "{r:?}");
    }
}

#[tokio::test]
async fn a_client_sending_headers_byte_by_byte_is_cut_off() {
    let app = spawn_app_with(AppOptions {
        tweak: Some(Box::new(|s| s.client_request_timeout_ms = 1000)),
        ..AppOptions::default()
    })
    .await;
    let request = format!(
        "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: {}\r\n\r\n",
        "a".repeat(2000)
    );
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", app.port))
        .await
        .expect("connect");

    // One byte every 20 ms would take 40 s; the server must not wait.
    let mut sent = 0;
    let mut answer = Vec::new();
    let mut cut_off = false;
    for byte in request.bytes() {
        if stream.write_all(&[byte]).await.is_err() {
            cut_off = true;
            break;
        }
        sent += 1;
        tokio::time::sleep(Duration::from_millis(20)).await;
        let mut buf = [0u8; 512];
        match stream.try_read(&mut buf) {
            Ok(0) => {
                cut_off = true;
                break;
            }
            Ok(n) => answer.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(_) => {
                cut_off = true;
                break;
            }
        }
        if !answer.is_empty() {
            cut_off = true;
            break;
        }
    }
    assert!(cut_off, "the slow client was served to the end");
    assert!(sent < request.len());
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
        "{answer}"
    );
    // The server itself is fine (a retry in case this busy machine kept
    // even a normal client past the short timeout).
    let mut healthy = false;
    for _ in 0..10 {
        if app.get("/healthz").await.status() == 200 {
            healthy = true;
            break;
        }
    }
    assert!(healthy, "the server stopped answering");
}

#[tokio::test]
async fn a_body_that_trickles_in_is_answered_408() {
    let app = spawn_app_with(AppOptions {
        tweak: Some(Box::new(|s| s.client_body_timeout_ms = 300)),
        ..AppOptions::default()
    })
    .await;
    let body = r#"{"service":"spotify","symptom":"login"}"#;
    let head = format!(
        "POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", app.port))
        .await
        .expect("connect");
    stream.write_all(head.as_bytes()).await.expect("head");

    // One byte every 100 ms: the whole body would take 4 s.
    let mut answer = Vec::new();
    for byte in body.bytes() {
        let mut buf = [0u8; 1024];
        match stream.try_read(&mut buf) {
            Ok(n) if n > 0 => {
                answer.extend_from_slice(&buf[..n]);
                break;
            }
            Ok(_) => break,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(_) => break,
        }
        if stream.write_all(&[byte]).await.is_err() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    if answer.is_empty() {
        let _ = tokio::time::timeout(
            Duration::from_secs(10),
            tokio::io::AsyncReadExt::read_to_end(&mut stream, &mut answer),
        )
        .await;
    }

    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\"request_timeout\""), "{answer}");
    let d = app.get_json("/api/v1/services/spotify").await;
    assert_eq!(d["reports"]["last_5m"], 0);
}

#[tokio::test]
async fn errors_with_redis_down_show_no_internal_details() {
    let port = free_port();
    let app = spawn_app_with(AppOptions {
        redis_url: Some(format!("redis://127.0.0.1:{port}/")),
        ..AppOptions::default()
    })
    .await;
    let answers = [
        app.post_report(&json!({"service": "spotify", "symptom": "login"}))
            .await,
        app.get("/readyz").await,
        app.get("/api/v1/services/spotify").await,
        app.get("/api/v1/outages").await,
    ];
    for r in answers {
        let body = assert_error(r, 503, "store_unavailable").await.to_string();
        for secret in [
            port.to_string().as_str(),
            "127.0.0.1",
            "redis://",
            "refused",
            "os error",
            "/src/",
            ".rs",
        ] {
            assert!(!body.contains(secret), "{secret} in {body}");
        }
    }
}

#[tokio::test]
async fn a_store_failure_is_a_plain_500_without_the_redis_error() {
    let redis = RedisServer::start();
    let app = spawn_app_on(&redis).await;
    // The current minute's bucket is not a hash: the record script fails
    // with WRONGTYPE, which is no client's fault.
    let minute = test_start().timestamp() / 60;
    let mut conn = redis.client();
    let _: () =
        redis::Commands::set(&mut conn, format!("dw:{{spotify}}:m:{minute}"), "x").expect("set");

    let r = app
        .post_report(&json!({"service": "spotify", "symptom": "login"}))
        .await;
    let body = assert_error(r, 500, "internal_error").await;
    assert_eq!(body["message"], "internal error");
    let text = body.to_string().to_lowercase();
    assert!(
        !text.contains("wrongtype") && !text.contains("script"),
        "{text}"
    );
}
