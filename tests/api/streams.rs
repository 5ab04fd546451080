//! The event stream's defences: open streams are capped per client (an
//! IPv4 address or an IPv6 /64) and in total, a slot comes back when its
//! client goes, and a `Last-Event-ID` that is not an id of the log resumes
//! from now instead of replaying the whole log.

use crate::common::{AppOptions, RedisServer, TestApp, assert_error, spawn_app_with};
use std::time::Duration;

async fn open_stream(app: &TestApp, client_ip: &str) -> reqwest::Response {
    app.client
        .get(app.url("/api/v1/events"))
        .header("x-forwarded-for", client_ip)
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn streams_are_capped_per_client_and_in_total() {
    let app = spawn_app_with(AppOptions {
        tweak: Some(Box::new(|s| {
            s.max_event_streams = 3;
            s.max_event_streams_per_client = 2;
        })),
        ..AppOptions::default()
    })
    .await;

    let first = open_stream(&app, "2a02:cf40:0:1::1").await;
    let second = open_stream(&app, "2a02:cf40:0:1::2").await;
    assert_eq!(first.status(), 200);
    assert_eq!(second.status(), 200);
    let r = open_stream(&app, "2a02:cf40:0:1::3").await;
    assert!(r.headers().contains_key("retry-after"));
    assert_error(r, 429, "too_many_streams").await;

    let third = open_stream(&app, "8.8.8.8").await;
    assert_eq!(third.status(), 200);
    let r = open_stream(&app, "8.8.4.4").await;
    assert!(r.headers().contains_key("retry-after"));
    assert_error(r, 503, "streams_full").await;
    // Health checks still answer.
    assert_eq!(app.get("/healthz").await.status(), 200);

    // A client that goes gives its slot back.
    drop(first);
    let mut reopened = None;
    for _ in 0..400 {
        let r = open_stream(&app, "2a02:cf40:0:1::4").await;
        if r.status() == 200 {
            reopened = Some(r);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(reopened.is_some(), "the slot never came back");
    drop((second, third));
}

/// Reads the stream until an `id:` frame; its text.
async fn next_event(stream: &mut reqwest::Response) -> String {
    let mut text = String::new();
    loop {
        let chunk = tokio::time::timeout(Duration::from_secs(30), stream.chunk())
            .await
            .expect("an event within 30 s")
            .expect("chunk")
            .expect("the stream goes on");
        text.push_str(&String::from_utf8_lossy(&chunk));
        if let Some(at) = text.find("id: ") {
            return text[at..].to_string();
        }
    }
}

#[tokio::test]
async fn an_unknown_last_event_id_resumes_from_now() {
    let redis = RedisServer::start();
    let app = spawn_app_with(AppOptions {
        redis_url: Some(redis.url()),
        ..AppOptions::default()
    })
    .await;
    let log = |body: &str| {
        let _: String = redis::cmd("XADD")
            .arg("dw:events")
            .arg("*")
            .arg("event")
            .arg(body)
            .query(&mut redis.client())
            .expect("xadd");
    };
    for n in 0..3 {
        log(&format!("{{\"kind\":\"opened\",\"old\":{n}}}"));
    }

    let r = app
        .client
        .get(app.url("/api/v1/events"))
        .header("last-event-id", "not-an-id")
        .send()
        .await
        .expect("sse");
    assert_eq!(r.status(), 200);
    let mut stream = r;
    // The server follows the log every 250 ms: give it a moment to have
    // the old events behind it.
    tokio::time::sleep(Duration::from_millis(600)).await;
    log("{\"kind\":\"opened\",\"fresh\":true}");

    let event = next_event(&mut stream).await;
    assert!(event.contains("\"fresh\":true"), "{event}");
    assert!(!event.contains("\"old\""), "{event}");
}

#[tokio::test]
async fn a_junk_last_event_id_resumes_from_now_without_an_error() {
    let redis = RedisServer::start();
    let on_redis = spawn_app_with(AppOptions {
        redis_url: Some(redis.url()),
        ..AppOptions::default()
    })
    .await;
    let in_memory = spawn_app_with(AppOptions::default()).await;
    let huge = "9".repeat(5000);
    for app in [&on_redis, &in_memory] {
        for id in [
            "99999999999999999999-0",
            "18446744073709551615-18446744073709551615",
            "1-99999999999999999999",
            "18446744073709551616",
            huge.as_str(),
            "-1",
            "1-2-3",
        ] {
            let r = app
                .client
                .get(app.url("/api/v1/events"))
                .header("last-event-id", id)
                .send()
                .await
                .expect("sse");
            assert_eq!(r.status(), 200, "{}", &id[..id.len().min(40)]);
        }
    }
}

/// A stream on a raw connection from 81.2.69.142, if its slot is free:
/// the client closes the socket by dropping it.
async fn open_raw(app: &TestApp) -> Option<tokio::net::TcpStream> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut socket = tokio::net::TcpStream::connect(("127.0.0.1", app.port))
        .await
        .expect("connect");
    socket
        .write_all(
            b"GET /api/v1/events HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 81.2.69.142\r\n\r\n",
        )
        .await
        .expect("send");
    let mut head = [0u8; 12];
    socket.read_exact(&mut head).await.expect("status line");
    (&head == b"HTTP/1.1 200").then_some(socket)
}

/// [`open_raw`], tried for at most 3 s.
async fn open_raw_within_3s(app: &TestApp) -> Option<tokio::net::TcpStream> {
    for _ in 0..30 {
        if let Some(socket) = open_raw(app).await {
            return Some(socket);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    None
}

#[tokio::test]
async fn a_closed_stream_gives_its_slot_back_at_once() {
    let app = spawn_app_with(AppOptions {
        tweak: Some(Box::new(|s| s.max_event_streams_per_client = 1)),
        ..AppOptions::default()
    })
    .await;
    let mut stream = open_raw(&app).await.expect("the first stream");
    assert!(open_raw(&app).await.is_none(), "one stream per client");
    // Each time the client closes its stream, the slot is free again well
    // before the first keep-alive comment (15 s) could find it gone.
    for round in 0..3 {
        drop(stream);
        stream = open_raw_within_3s(&app)
            .await
            .unwrap_or_else(|| panic!("round {round}: the slot was still taken after 3 s"));
    }
}
