//! The Atom feed of a service's incidents and the SVG status badge.

use crate::common::{AppOptions, MANY_NETWORKS, quiet_hour_then_surge, spawn_app, spawn_app_with};
use downwatch::ingest::Secret;
use quick_xml::Reader;
use quick_xml::events::Event;
use serde_json::json;
use std::collections::HashMap;

/// An element of the feed: its text and attributes.
#[derive(Debug, Default, Clone)]
struct Element {
    text: String,
    attrs: HashMap<String, String>,
}

/// A parsed feed: its own children by name, and each entry's children by
/// name. Fails on anything that is not well-formed XML.
#[derive(Debug, Default)]
struct Feed {
    root: String,
    namespace: String,
    children: HashMap<String, Vec<Element>>,
    entries: Vec<HashMap<String, Vec<Element>>>,
}

fn entity(name: &str) -> char {
    match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        other => panic!("undefined entity &{other};"),
    }
}

fn parse_feed(xml: &str) -> Feed {
    let mut reader = Reader::from_str(xml);
    let mut feed = Feed::default();
    let mut stack: Vec<(String, Element)> = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) if stack.is_empty() && feed.root.is_empty() => {
                feed.root = e.local_name().as_ref().to_string();
                for a in e.attributes() {
                    let a = a.expect("attribute");
                    if a.key.as_ref() == "xmlns" {
                        feed.namespace = a
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .expect("value")
                            .to_string();
                    }
                }
                stack.push((feed.root.clone(), Element::default()));
            }
            start @ (Event::Start(_) | Event::Empty(_)) => {
                let (e, empty) = match &start {
                    Event::Start(e) => (e, false),
                    Event::Empty(e) => (e, true),
                    _ => unreachable!(),
                };
                let name = e.local_name().as_ref().to_string();
                let mut element = Element::default();
                for a in e.attributes() {
                    let a = a.expect("attribute");
                    element.attrs.insert(
                        a.key.as_ref().to_string(),
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .expect("value")
                            .to_string(),
                    );
                }
                if name == "entry" {
                    feed.entries.push(HashMap::new());
                }
                stack.push((name, element));
                if empty {
                    close(&mut stack, &mut feed);
                }
            }
            Event::Text(t) => {
                if let Some((_, el)) = stack.last_mut() {
                    el.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, el)) = stack.last_mut() {
                    el.text.push(entity(&r));
                }
            }
            Event::End(_) => close(&mut stack, &mut feed),
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unclosed elements");
    feed
}

fn close(stack: &mut Vec<(String, Element)>, feed: &mut Feed) {
    let (name, element) = stack.pop().expect("open element");
    let parent = stack.last().map(|(n, _)| n.as_str());
    match parent {
        Some("entry") => feed
            .entries
            .last_mut()
            .expect("entry")
            .entry(name)
            .or_default()
            .push(element),
        Some("feed") if name != "entry" => {
            feed.children.entry(name).or_default().push(element);
        }
        _ => {}
    }
}

fn text<'a>(children: &'a HashMap<String, Vec<Element>>, name: &str) -> &'a str {
    children
        .get(name)
        .and_then(|v| v.first())
        .map(|e| e.text.as_str())
        .unwrap_or_else(|| panic!("no <{name}>"))
}

#[tokio::test]
async fn the_atom_feed_lists_incidents_with_evidence_and_official_updates() {
    let app = spawn_app_with(AppOptions {
        detector_interval_ms: 20,
        tweak: Some(Box::new(|s| {
            s.admin_token = Some(Secret::new("feed-token"))
        })),
        ..AppOptions::default()
    })
    .await;
    let empty = app.get("/status/spotify/feed.atom").await;
    assert_eq!(empty.status(), 200);
    let empty = parse_feed(&empty.text().await.expect("body"));
    assert!(empty.entries.is_empty());

    quiet_hour_then_surge(&[&app], &MANY_NETWORKS).await;
    let id = app.active_global_outage().await;
    let r = app
        .client
        .post(app.url(&format!(
            "/api/v1/admin/services/spotify/incidents/{id}/updates"
        )))
        .bearer_auth("feed-token")
        .json(&json!({"status": "identified", "message": "DNS & <CDN> trouble"}))
        .send()
        .await
        .expect("update");
    assert_eq!(r.status(), 201);

    let r = app.get("/status/spotify/feed.atom").await;
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers()["content-type"].to_str().expect("type"),
        "application/atom+xml; charset=utf-8"
    );
    let feed = parse_feed(&r.text().await.expect("body"));
    assert_eq!(feed.root, "feed");
    assert_eq!(feed.namespace, "http://www.w3.org/2005/Atom");
    assert_eq!(text(&feed.children, "id"), "urn:downwatch:service:spotify");
    assert!(text(&feed.children, "title").contains("Spotify"));
    assert!(chrono::DateTime::parse_from_rfc3339(text(&feed.children, "updated")).is_ok());
    let entry = feed
        .entries
        .iter()
        .find(|e| text(e, "id") == format!("urn:downwatch:incident:{id}"))
        .expect("an entry for the incident");
    assert_eq!(text(entry, "title"), "Outage at Spotify");
    assert!(chrono::DateTime::parse_from_rfc3339(text(entry, "updated")).is_ok());
    let link = &entry["link"][0].attrs;
    assert_eq!(link["rel"], "alternate");
    assert!(link["href"].ends_with("/status/spotify"), "{link:?}");
    let summary = text(entry, "summary");
    assert!(summary.contains("Evidence:"), "{summary}");
    assert!(
        summary.contains("Official update (Identified") && summary.contains("DNS & <CDN> trouble"),
        "{summary}"
    );

    let page = app.get("/status/spotify").await.text().await.expect("page");
    assert!(
        page.contains(r#"<link rel="alternate" type="application/atom+xml""#)
            && page.contains(r#"href="/status/spotify/feed.atom""#),
        "{page}"
    );
    let badge = app
        .get("/badge/spotify.svg")
        .await
        .text()
        .await
        .expect("svg");
    assert!(badge.contains(">outage</text>"), "{badge}");
    assert_eq!(app.get("/status/nope/feed.atom").await.status(), 404);
}

#[tokio::test]
async fn the_badge_shows_the_service_and_its_status() {
    let app = spawn_app().await;

    let r = app.get("/badge/spotify.svg").await;
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers()["content-type"].to_str().expect("type"),
        "image/svg+xml; charset=utf-8"
    );
    assert!(
        r.headers()["cache-control"]
            .to_str()
            .expect("cache")
            .contains("max-age=60")
    );
    let svg = r.text().await.expect("svg");
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{svg}"
    );
    assert!(
        svg.contains(">Spotify</text>") && svg.contains(">ok</text>"),
        "{svg}"
    );

    let r = app.get("/badge/no-such-service.svg").await;
    assert_eq!(r.status(), 404);
    assert!(r.text().await.expect("svg").contains("unknown service"));
}
