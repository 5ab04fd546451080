//! Report submission: accepted reports, regions, and every bad input.

use crate::common::{AppOptions, GEO_ANSWERS, assert_error, spawn_app, spawn_app_with};
use downwatch::geo::ClientIpHeader;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Sends raw bytes and returns what the server answered.
async fn raw_http(port: u16, request: &[u8]) -> String {
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .expect("connect");
    stream.write_all(request).await.expect("write");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn a_valid_report_is_accepted_and_placed() {
    let app = spawn_app().await;

    let r = app
        .post_report_from(
            "8.8.8.8",
            &json!({"service": "spotify", "symptom": "login", "platform": "android"}),
        )
        .await;

    assert_eq!(r.status(), 202);
    let body: serde_json::Value = r.json().await.expect("json");
    assert_eq!(body["counted"], true);
    assert_eq!(body["region"]["country"], "US");
    assert_eq!(body["region"]["subdivision"], "US-CA");
    assert_eq!(body["region"]["city"], "Mountain View");
    let detail = app.get_json("/api/v1/services/spotify").await;
    assert_eq!(detail["reports"]["last_5m"], 1);
}

#[tokio::test]
async fn regions_come_from_the_database_and_special_ranges_are_unknown() {
    let app = spawn_app().await;
    for (ip, country, subdivision) in GEO_ANSWERS {
        let r = app
            .post_report_from(ip, &json!({"service": "netflix", "symptom": "streaming"}))
            .await;
        assert_eq!(r.status(), 202, "{ip}");
        let body: serde_json::Value = r.json().await.expect("json");
        assert_eq!(body["region"]["country"].as_str(), *country, "{ip}: {body}");
        assert_eq!(
            body["region"]["subdivision"].as_str(),
            *subdivision,
            "{ip}: {body}"
        );
    }
    // Unknown regions still count globally.
    let detail = app.get_json("/api/v1/services/netflix").await;
    assert_eq!(detail["reports"]["last_5m"], GEO_ANSWERS.len());
}

#[tokio::test]
async fn forwarded_headers_from_an_untrusted_peer_are_ignored() {
    // The peer is 127.0.0.1, trusted in tests; an untrusted peer is tested in
    // the unit tests of geo::client_ip. Here: the RFC 7239 header through a
    // trusted peer that is said to set it, and a chain with a spoofed left
    // part (tests/api/client_ip.rs has the header the proxy does not set).
    let forwarding = spawn_app_with(AppOptions {
        tweak: Some(Box::new(|s| s.client_ip_header = ClientIpHeader::Forwarded)),
        ..AppOptions::default()
    })
    .await;
    let r = forwarding
        .client
        .post(forwarding.url("/api/v1/reports"))
        .header("forwarded", "for=\"[2a02:cf40::1]:5000\"")
        .json(&json!({"service": "spotify", "symptom": "app"}))
        .send()
        .await
        .expect("request");
    let body: serde_json::Value = r.json().await.expect("json");
    assert_eq!(body["region"]["country"], "DE");

    let app = spawn_app().await;
    let r = app
        .post_report_from(
            "8.8.8.8, 81.2.69.142",
            &json!({"service": "spotify", "symptom": "app"}),
        )
        .await;
    let body: serde_json::Value = r.json().await.expect("json");
    assert_eq!(
        body["region"]["country"], "GB",
        "rightmost untrusted hop wins"
    );
}

#[tokio::test]
async fn the_web_form_redirects_to_the_status_page() {
    let app = spawn_app().await;

    let r = app
        .post_raw(
            "application/x-www-form-urlencoded",
            "service=spotify&symptom=streaming&platform=",
        )
        .await;

    assert_eq!(r.status(), 303);
    assert_eq!(
        r.headers()["location"].to_str().expect("ascii"),
        "/status/spotify?reported=counted"
    );
    let detail = app.get_json("/api/v1/services/spotify").await;
    assert_eq!(detail["top_symptoms"][0]["symptom"], "streaming");
}

#[tokio::test]
async fn unknown_service_is_404() {
    let app = spawn_app().await;
    let r = app
        .post_report(&json!({"service": "myspace", "symptom": "login"}))
        .await;
    let body = assert_error(r, 404, "unknown_service").await;
    assert!(body["message"].as_str().expect("msg").contains("myspace"));
}

#[tokio::test]
async fn unknown_symptom_is_422_and_lists_valid_ones() {
    let app = spawn_app().await;
    let r = app
        .post_report(&json!({"service": "spotify", "symptom": "teleport"}))
        .await;
    let body = assert_error(r, 422, "unknown_symptom").await;
    let message = body["message"].as_str().expect("msg");
    assert!(
        message.contains("teleport") && message.contains("login") && message.contains("streaming"),
        "{message}"
    );
}

#[tokio::test]
async fn unknown_platform_is_422_and_lists_valid_ones() {
    let app = spawn_app().await;
    let r = app
        .post_report(&json!({"service": "spotify", "symptom": "login", "platform": "amiga"}))
        .await;
    let body = assert_error(r, 422, "unknown_platform").await;
    let message = body["message"].as_str().expect("msg");
    assert!(
        message.contains("android") && message.contains("ios"),
        "{message}"
    );
}

#[tokio::test]
async fn malformed_json_and_wrong_types_are_400() {
    let app = spawn_app().await;
    for body in [
        "{\"service\": \"spotify\", ",
        "not json",
        "{\"service\": 5, \"symptom\": \"login\"}",
        "{\"service\": \"spotify\"}",
        "[1, 2]",
        "",
        "{\"service\": \"spotify\", \"symptom\": \"login\", \"platform\": 7}",
    ] {
        let r = app.post_raw("application/json", body).await;
        assert_error(r, 400, "invalid_body").await;
    }
    let r = app
        .post_raw("application/json", vec![0xff_u8, 0xfe, 0x00])
        .await;
    assert_error(r, 400, "invalid_body").await;
}

#[tokio::test]
async fn an_invalid_form_post_goes_back_to_the_page_with_a_message() {
    let app = spawn_app().await;
    for (body, location) in [
        ("service=spotify", "/status/spotify?reported=invalid"),
        (
            "service=spotify&symptom=nope",
            "/status/spotify?reported=invalid",
        ),
        ("service=nope&symptom=login", "/?reported=invalid"),
    ] {
        let r = app
            .post_raw("application/x-www-form-urlencoded", body)
            .await;
        assert_eq!(r.status(), 303, "{body}");
        assert_eq!(r.headers()["location"], location, "{body}");
    }
    let page = app.get("/status/spotify?reported=invalid").await;
    assert!(
        page.text()
            .await
            .expect("body")
            .contains("Please pick what is not working")
    );
}

#[tokio::test]
async fn unknown_fields_are_ignored() {
    let app = spawn_app().await;
    let r = app
        .post_report(&json!({"service": "spotify", "symptom": "login", "comment": "again?"}))
        .await;
    assert_eq!(r.status(), 202);
}

#[tokio::test]
async fn bodies_over_4_kib_are_413() {
    let app = spawn_app().await;
    let big = format!(
        "{{\"service\": \"spotify\", \"symptom\": \"login\", \"pad\": \"{}\"}}",
        "x".repeat(5000)
    );
    let r = app.post_raw("application/json", big.clone()).await;
    assert_error(r, 413, "payload_too_large").await;

    // Without a Content-Length (chunked), the limit still holds.
    let mut request = String::from(
        "POST /api/v1/reports HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n\
         Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
    );
    for chunk in big.as_bytes().chunks(512) {
        request.push_str(&format!(
            "{:x}\r\n{}\r\n",
            chunk.len(),
            String::from_utf8_lossy(chunk)
        ));
    }
    request.push_str("0\r\n\r\n");
    let answer = raw_http(app.port, request.as_bytes()).await;
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("payload_too_large"), "{answer}");

    let detail = app.get_json("/api/v1/services/spotify").await;
    assert_eq!(detail["reports"]["last_24h"], 0, "nothing half-written");
}

#[tokio::test]
async fn other_content_types_are_415() {
    let app = spawn_app().await;
    let r = app
        .post_raw(
            "text/plain",
            "{\"service\": \"spotify\", \"symptom\": \"login\"}",
        )
        .await;
    assert_error(r, 415, "unsupported_media_type").await;
    let r = app
        .client
        .post(app.url("/api/v1/reports"))
        .body("service=spotify&symptom=login")
        .send()
        .await
        .expect("request");
    assert_error(r, 415, "unsupported_media_type").await;
}

#[tokio::test]
async fn wrong_method_and_unknown_paths_answer_json() {
    let app = spawn_app().await;
    let r = app.get("/api/v1/reports").await;
    assert_error(r, 405, "method_not_allowed").await;
    let r = app.get("/api/v1/nothing-here").await;
    assert_error(r, 404, "not_found").await;
}
