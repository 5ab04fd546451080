//! A fake official status page for tests: a local HTTP server answering
//! what the test says (Statuspage v2 JSON, an Atom feed, errors, a hang,
//! an endless body), 304 to a request naming its ETag, recording every
//! request; and a test catalog naming such pages.
#![allow(dead_code)]

use super::{MANY_NETWORKS, TestApp, report_spotify};
use chrono::{DateTime, Duration as Minutes, SecondsFormat, Utc};
use downwatch::clock::Clock;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// What the fake status page answers.
#[derive(Clone)]
pub enum Page {
    /// 200 with this body and ETag; 304 to a request naming the ETag.
    Body {
        body: String,
        etag: String,
        content_type: &'static str,
    },
    Status(u16),
    /// Never answers (until the client gives up).
    Hang,
    /// A body of this many bytes, without a Content-Length.
    Endless(usize),
}

/// One request the page got.
#[derive(Debug, Clone)]
pub struct Request {
    pub headers: HashMap<String, String>,
    pub answered: u16,
}

#[derive(Clone)]
pub struct StatusPage {
    pub url: String,
    page: Arc<Mutex<Page>>,
    got: Arc<Mutex<Vec<Request>>>,
}

impl StatusPage {
    pub async fn start(path: &str, page: Page) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}{path}", listener.local_addr().expect("addr"));
        let this = Self {
            url,
            page: Arc::new(Mutex::new(page)),
            got: Arc::default(),
        };
        let server = this.clone();
        tokio::spawn(async move {
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    return;
                };
                let server = server.clone();
                tokio::spawn(async move { server.answer(socket).await });
            }
        });
        this
    }

    async fn answer(&self, mut socket: tokio::net::TcpStream) {
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
            match socket.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        let text = String::from_utf8_lossy(&buf).to_string();
        let headers: HashMap<String, String> = text
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let page = self.page.lock().expect("lock").clone();
        let (status, head, body): (u16, String, Vec<u8>) = match page {
            Page::Body {
                body,
                etag,
                content_type,
            } => {
                if headers.get("if-none-match") == Some(&etag) {
                    (304, format!("ETag: {etag}\r\n"), Vec::new())
                } else {
                    (
                        200,
                        format!("ETag: {etag}\r\nContent-Type: {content_type}\r\n"),
                        body.into_bytes(),
                    )
                }
            }
            Page::Status(code) => (code, String::new(), b"oops".to_vec()),
            Page::Hang => {
                self.log(headers, 0);
                tokio::time::sleep(Duration::from_secs(30)).await;
                return;
            }
            Page::Endless(n) => {
                self.log(headers, 200);
                let _ = socket
                    .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{\"status\": \"")
                    .await;
                let filler = vec![b'x'; 64 * 1024];
                let mut sent = 0;
                while sent < n {
                    if socket.write_all(&filler).await.is_err() {
                        return;
                    }
                    sent += filler.len();
                }
                return;
            }
        };
        self.log(headers, status);
        let length = if status == 304 {
            String::new()
        } else {
            format!("Content-Length: {}\r\n", body.len())
        };
        let reply = format!("HTTP/1.1 {status} X\r\n{head}{length}Connection: close\r\n\r\n");
        let _ = socket.write_all(reply.as_bytes()).await;
        let _ = socket.write_all(&body).await;
        let _ = socket.shutdown().await;
    }

    fn log(&self, headers: HashMap<String, String>, answered: u16) {
        self.got
            .lock()
            .expect("lock")
            .push(Request { headers, answered });
    }

    pub fn set(&self, page: Page) {
        *self.page.lock().expect("lock") = page;
    }

    pub fn requests(&self) -> Vec<Request> {
        self.got.lock().expect("lock").clone()
    }

    /// Waits until the page got `n` requests in all.
    pub async fn wait_for_requests(&self, n: usize) -> Vec<Request> {
        for _ in 0..400 {
            let got = self.requests();
            if got.len() >= n {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!(
            "the status page got {} requests, not {n}",
            self.requests().len()
        );
    }
}

pub fn time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// An incident of [`summary`]: impact, creation and (status, body) updates.
pub type PageIncident<'a> = (&'a str, DateTime<Utc>, &'a [(&'a str, &'a str)]);

/// A Statuspage v2 summary: operational, or with one incident.
pub fn summary(indicator: &str, component: &str, incident: Option<PageIncident<'_>>) -> String {
    let incidents: Vec<Value> = incident
        .into_iter()
        .map(|(impact, created, updates)| {
            json!({
                "id": "inc-1", "name": "Playback fails for many users", "status": updates.last().map_or("investigating", |u| u.0),
                "impact": impact, "created_at": time(created), "updated_at": time(created),
                "shortlink": "https://stspg.io/inc-1",
                "incident_updates": updates.iter().enumerate().map(|(n, (status, body))| json!({
                    "id": format!("u{n}"), "status": status, "body": body,
                    "created_at": time(created + Minutes::minutes(n as i64)),
                })).collect::<Vec<_>>(),
                "components": [{"name": "Streaming"}],
            })
        })
        .collect();
    json!({
        "page": {"id": "p", "name": "Spotify", "url": "https://status.example.test"},
        "status": {"indicator": indicator, "description": if indicator == "none" { "All Systems Operational" } else { "Major Service Outage" }},
        "components": [
            {"id": "c1", "name": "Streaming", "status": component},
            {"id": "c2", "name": "Login", "status": "operational"},
        ],
        "incidents": incidents,
        "scheduled_maintenances": [],
    })
    .to_string()
}

pub fn json_page(body: String, etag: &str) -> Page {
    Page::Body {
        body,
        etag: format!("\"{etag}\""),
        content_type: "application/json",
    }
}

/// A catalog of Spotify (official page at `spotify`) and Deezer (at
/// `deezer`, if given).
pub fn catalog(dir: &std::path::Path, spotify: &str, deezer: Option<&str>) -> PathBuf {
    let mut text = format!(
        r#"[symptoms]
streaming = "Streaming"
login = "Login"

[[category]]
slug = "music"
name = "Music streaming"

[[service]]
slug = "spotify"
name = "Spotify"
category = "music"
official_status = "{spotify}"
symptoms = ["streaming", "login"]
"#
    );
    if let Some(url) = deezer {
        text.push_str(&format!(
            "\n[[service]]\nslug = \"deezer\"\nname = \"Deezer\"\ncategory = \"music\"\nofficial_status = \"{url}\"\nsymptoms = [\"streaming\"]\n"
        ));
    }
    let path = dir.join("catalog.toml");
    std::fs::write(&path, text).expect("write catalog");
    path
}

/// Drives `app` (detector on, polling `page` for Spotify every virtual
/// minute) to a crowd outage that the page admits as a major outage
/// `lag` minutes after detection, people reporting all along; returns
/// the outage's id once the API shows the lag.
pub async fn crowd_outage_admitted_late(app: &TestApp, page: &StatusPage, lag: i64) -> String {
    app.quiet_hour_then_surge().await;
    let outage = app.active_global_outage().await;
    let incident = app.get_json(&format!("/api/v1/outages/{outage}")).await;
    let detected: DateTime<Utc> = incident["detected_at"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("detected_at");
    let created = detected + Minutes::minutes(lag);
    keep_reporting_until(app, created + Minutes::minutes(1)).await;
    page.set(json_page(
        summary(
            "major",
            "major_outage",
            Some((
                "critical",
                created,
                &[("investigating", "We are looking into playback failures.")],
            )),
        ),
        "late",
    ));
    app.clock.advance(Minutes::seconds(67));
    app.wait_for_json(&format!("/api/v1/outages/{outage}"), |v| {
        v["acknowledgement_lag_minutes"] == lag
    })
    .await;
    outage
}

/// 40 Spotify reports a minute until the app's clock reaches `until`, so
/// the crowd's outage stays open while virtual time passes.
pub async fn keep_reporting_until(app: &TestApp, until: DateTime<Utc>) {
    while app.clock.now() < until {
        report_spotify(&[app], 40, &MANY_NETWORKS).await;
        app.clock.advance(Minutes::minutes(1));
    }
}
