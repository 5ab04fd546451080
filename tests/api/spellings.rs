//! One decision per request, whatever its spelling: every route of the
//! OpenAPI document (and the pages that matter) is requested under other
//! spellings of its path — each unreserved character percent-encoded
//! (upper- and lower-case hex), doubled slashes, a trailing slash, `;`
//! parameters, `.` and `..` segments, an encoded `/` — and must get the
//! same authorization, the same rate limit and the same route label in the
//! metrics (the label the request log carries too) as the plain path, or
//! be refused with the router's 404.
//!
//! Requests go over a raw socket: an HTTP client library would resolve the
//! dot segments (and `%2e`) before sending, and the server must be probed
//! with the bytes an attacker sends.

use crate::common::{AppOptions, TestApp, spawn_app_with};
use downwatch::ingest::Secret;
use serde_json::Value;
use std::collections::HashMap;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const TOKEN: &str = "spelling-admin-token";

/// One answer read off the socket.
struct Answer {
    status: u16,
    headers: HashMap<String, String>,
    body: Vec<u8>,
}

impl Answer {
    /// The JSON error code, if the body is a JSON error.
    fn code(&self) -> Option<String> {
        serde_json::from_slice::<Value>(&self.body)
            .ok()?
            .get("error")?
            .as_str()
            .map(str::to_string)
    }
}

/// Sends `method target` with exactly these bytes as the target, from
/// `client` (named in X-Forwarded-For to the trusted loopback proxy).
async fn send(app: &TestApp, method: &str, target: &str, client: &str, extra: &str) -> Answer {
    let body = if matches!(method, "POST" | "DELETE") {
        "{}"
    } else {
        ""
    };
    let request = format!(
        "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\
         X-Forwarded-For: {client}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n{extra}\r\n{body}",
        body.len()
    );
    tokio::time::timeout(Duration::from_secs(10), async {
        let mut socket = tokio::net::TcpStream::connect(("127.0.0.1", app.port))
            .await
            .expect("connect");
        socket
            .write_all(request.as_bytes())
            .await
            .expect("write request");
        let mut buf = Vec::new();
        let mut chunk = [0u8; 8192];
        let head_end = loop {
            let n = socket.read(&mut chunk).await.expect("read");
            assert!(n > 0, "{method} {target}: closed without an answer");
            buf.extend_from_slice(&chunk[..n]);
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("status line");
        let headers: HashMap<String, String> = head
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        // Only sized bodies are read (an event stream never ends).
        let length: usize = headers
            .get("content-length")
            .and_then(|l| l.parse().ok())
            .unwrap_or(0);
        while buf.len() < head_end + length {
            let n = socket.read(&mut chunk).await.expect("read body");
            if n == 0 {
                break;
            }
            buf.extend_from_slice(&chunk[..n]);
        }
        let end = buf.len().min(head_end + length);
        Answer {
            status,
            headers,
            body: buf[head_end..end].to_vec(),
        }
    })
    .await
    .unwrap_or_else(|_| panic!("{method} {target}: no answer in time"))
}

/// A fresh client address for each probe, so no probe meets another's
/// limit or admin backoff.
struct Clients(u32);

impl Clients {
    fn next(&mut self) -> String {
        self.0 += 1;
        format!("198.18.{}.{}", self.0 / 250, self.0 % 250 + 1)
    }
}

/// Every (method, route pattern) to probe: the OpenAPI document's, and the
/// pages a person acts through (status page with the report form, the
/// follow links in mails).
async fn routes(app: &TestApp) -> Vec<(String, String)> {
    let doc = app.get_json("/api/v1/openapi.json").await;
    let mut routes = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in ["get", "post", "delete", "put", "patch"] {
            if item.get(method).is_some() {
                routes.push((method.to_uppercase(), path.clone()));
            }
        }
    }
    assert!(routes.len() >= 20, "{routes:?}");
    for (method, path) in [
        ("GET", "/"),
        ("GET", "/map"),
        ("GET", "/status/{slug}"),
        ("GET", "/status/{slug}/history"),
        ("GET", "/status/{slug}/feed.atom"),
        ("GET", "/badge/{slug}.svg"),
        ("GET", "/assets/{name}"),
        ("GET", "/follow/{service}/{id}/confirm"),
        ("GET", "/follow/{service}/{id}/unsubscribe"),
        ("POST", "/follow/{service}/{id}/unsubscribe"),
    ] {
        routes.push((method.to_string(), path.to_string()));
    }
    routes
}

/// The pattern with its parameters filled in.
fn concrete(pattern: &str) -> String {
    pattern
        .replace("{slug}", "netflix")
        .replace("{service}", "netflix")
        .replace("{name}", "app.css")
        .replace("{id}", "x1")
}

fn escape(byte: u8, upper: bool) -> String {
    if upper {
        format!("%{byte:02X}")
    } else {
        format!("%{byte:02x}")
    }
}

fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

/// Other spellings of `path` (which starts with `/`).
fn spellings(path: &str) -> Vec<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::new();
    // Each unreserved character escaped alone, in both cases of hex.
    for (i, &b) in bytes.iter().enumerate() {
        if unreserved(b) {
            let escaped = escape(b, i % 2 == 0);
            out.push(format!("{}{escaped}{}", &path[..i], &path[i + 1..]));
        }
    }
    // Every one escaped at once, each case.
    for upper in [true, false] {
        out.push(
            bytes
                .iter()
                .map(|&b| {
                    if unreserved(b) {
                        escape(b, upper)
                    } else {
                        (b as char).to_string()
                    }
                })
                .collect(),
        );
    }
    let slashes: Vec<usize> = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'/')
        .map(|(i, _)| i)
        .collect();
    for &i in &slashes {
        let (before, after) = (&path[..i], &path[i..]);
        // A doubled slash, dot segments, and a `..` back to here.
        out.push(format!("{before}/{after}"));
        out.push(format!("{before}/.{after}"));
        out.push(format!("{before}/%2e{after}"));
        out.push(format!("{before}/x/..{after}"));
        out.push(format!("{before}/x/%2E%2E{after}"));
        if i > 0 {
            // A `;` parameter on the segment before, and this slash encoded.
            out.push(format!("{before};x=1{after}"));
            out.push(format!("{before}%2F{}", &after[1..]));
            out.push(format!("{before}%2f{}", &after[1..]));
        }
    }
    out.push(format!("{path}/"));
    out.push(format!("{path}/."));
    out.push(format!("{path};x=1"));
    out.sort();
    out.dedup();
    out.retain(|s| s != path);
    out
}

/// Request counts by (route label, method) from `/metrics`.
async fn route_counts(app: &TestApp, clients: &mut Clients) -> HashMap<(String, String), u64> {
    let answer = send(app, "GET", "/metrics", &clients.next(), "").await;
    let text = String::from_utf8(answer.body).expect("utf-8 metrics");
    let mut counts = HashMap::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("downwatch_http_request_duration_seconds_count{") else {
            continue;
        };
        let (labels, value) = rest.split_once("} ").expect("a count line");
        let label = |name: &str| {
            labels
                .split(',')
                .find_map(|l| l.strip_prefix(&format!("{name}=\"")))
                .map(|v| v.trim_end_matches('"').to_string())
                .expect("label")
        };
        *counts.entry((label("route"), label("method"))).or_default() +=
            value.parse::<u64>().expect("count");
    }
    counts
}

/// The one (route, method) whose count grew between two scrapes, the
/// later scrape's own request left out.
fn grown(
    before: &HashMap<(String, String), u64>,
    after: &HashMap<(String, String), u64>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (key, &count) in after {
        let mut delta = count - before.get(key).copied().unwrap_or(0);
        if key.0 == "/metrics" && key.1 == "GET" {
            delta -= 1;
        }
        for _ in 0..delta {
            out.push(key.clone());
        }
    }
    out
}

/// The router's refusal of a path it does not have (not a handler's 404
/// about a name it does not know).
fn refused(answer: &Answer) -> bool {
    answer.status == 404
        && (answer.code().as_deref() == Some("not_found")
            || answer
                .headers
                .get("content-type")
                .is_some_and(|t| t.starts_with("text/html")))
}

#[tokio::test]
async fn every_route_under_every_spelling_gets_the_plain_spellings_authorization_and_route() {
    // Arrange: the admin API on, one API key, no limits (they are the next
    // test's), no global admin budget (each probe is a fresh client).
    let app = spawn_app_with(AppOptions {
        tweak: Some(Box::new(|s| {
            s.admin_token = Some(Secret::new(TOKEN));
            s.api_keys = vec![Secret::new("a-real-key")];
            s.admin_failures_per_minute = 0;
        })),
        ..AppOptions::default()
    })
    .await;
    let mut clients = Clients(0);
    let mut failures = Vec::new();
    let mut probes = 0;
    // A bogus API key: a read is refused (401 invalid_api_key); an admin
    // call without a token is refused (401 missing_admin_token).
    let bogus_key = "X-Api-Key: not-a-key\r\n";
    for (method, pattern) in routes(&app).await {
        let plain = concrete(&pattern);
        let mut before = route_counts(&app, &mut clients).await;
        let expected = send(&app, &method, &plain, &clients.next(), bogus_key).await;
        let after = route_counts(&app, &mut clients).await;
        assert_eq!(
            grown(&before, &after),
            vec![(pattern.clone(), method.clone())],
            "{method} {plain}: the plain path is labelled by its pattern"
        );
        before = after;
        for spelled in spellings(&plain) {
            probes += 1;
            let answer = send(&app, &method, &spelled, &clients.next(), bogus_key).await;
            let after = route_counts(&app, &mut clients).await;
            let labels = grown(&before, &after);
            before = after;
            let same_route = labels == vec![(pattern.clone(), method.clone())];
            let authorization_kept = !matches!(expected.status, 401 | 403)
                || (answer.status == expected.status && answer.code() == expected.code());
            let ok = if same_route {
                authorization_kept
            } else {
                refused(&answer)
            };
            if !ok {
                failures.push(format!(
                    "{method} {spelled}: {} {:?} labelled {labels:?}; plain {plain}: {} {:?}",
                    answer.status,
                    answer.code(),
                    expected.status,
                    expected.code()
                ));
            }
        }
    }
    assert!(probes > 1000, "{probes} spellings tried");
    assert!(
        failures.is_empty(),
        "{} of {probes} spellings decided differently:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn every_route_under_every_spelling_draws_on_the_plain_spellings_rate_limit() {
    // Arrange: every limit at one request a minute per client.
    let app = spawn_app_with(AppOptions {
        tweak: Some(Box::new(|s| {
            s.admin_token = Some(Secret::new(TOKEN));
            s.admin_failures_per_minute = 0;
            s.reports_per_minute_per_ip = 1;
            s.reads_per_minute_anonymous = 1;
            s.pages_per_minute_per_ip = 1;
            s.follow.follow_requests_per_minute_per_ip = 1;
        })),
        ..AppOptions::default()
    })
    .await;
    let mut clients = Clients(0);
    let mut failures = Vec::new();
    let mut limited_routes = 0;
    let mut unlimited = Vec::new();
    let mut probes = 0;
    let token = format!("Authorization: Bearer {TOKEN}\r\n");
    for (method, pattern) in routes(&app).await {
        let plain = concrete(&pattern);
        // The admin token for admin calls (elsewhere it would be a bad key).
        let token = if pattern.starts_with("/api/v1/admin/") {
            token.as_str()
        } else {
            ""
        };
        // Which routes are limited at all: a second plain request is 429.
        let client = clients.next();
        let first = send(&app, &method, &plain, &client, token).await;
        let second = send(&app, &method, &plain, &client, token).await;
        assert_ne!(first.status, 429, "{method} {plain}");
        if second.status != 429 {
            unlimited.push(format!("{method} {pattern}"));
            continue;
        }
        limited_routes += 1;
        for spelled in spellings(&plain) {
            probes += 1;
            // Act: the plain path spends the client's allowance, then the
            // other spelling comes from the same client.
            let client = clients.next();
            let plain_answer = send(&app, &method, &plain, &client, token).await;
            assert_ne!(plain_answer.status, 429, "{method} {plain}");
            let answer = send(&app, &method, &spelled, &client, token).await;
            if !(answer.status == 429 || refused(&answer)) {
                failures.push(format!(
                    "{method} {spelled}: {} {:?} after the plain path spent the allowance",
                    answer.status,
                    answer.code()
                ));
            }
        }
    }
    // Reports, reads (and admin), pages, follow endpoints.
    assert_eq!(
        limited_routes, 28,
        "{limited_routes} limited routes; not: {unlimited:?}"
    );
    assert!(
        failures.is_empty(),
        "{} of {probes} spellings escaped the limit:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
