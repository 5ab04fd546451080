//! Atom (RFC 4287) and RSS 2.0 incident feeds, read the way each
//! publisher means them (docs/official-status.md):
//!
//! - **one item per update** (AWS's Service Health Dashboard): each item
//!   has its own `guid` (`…#ec2-us-east-1_1469840887`), so items are
//!   grouped into one incident per event by the guid's family (the part
//!   before `_`) and the title without its status prefix; "[RESOLVED]"
//!   anywhere in a title closes the event;
//! - **one entry per incident with its updates in the body** (Statuspage
//!   history feeds, and any feed whose body has their shape): the body's
//!   paragraphs are the updates, newest first, each with its time and
//!   status word;
//! - anything else: an entry is an incident, its status and impact read
//!   from the words of its title and text.
//!
//! Times are RFC 3339 or RFC 822/2822 in any zone (chrono, which also
//! knows the North American zone names RFC 822 allows). Items dated after
//! the reader's clock are not published yet and are skipped, so a capture
//! reads as it did on its day under a clock set to that day.
//!
//! Read with `quick-xml` events, no DOM: a few elements are wanted, and a
//! huge or hostile document costs no more than its (capped) size. Custom
//! entities are never expanded.

use super::model::{OfficialUpdate, UPDATES_KEPT, clip};
use super::reading::{ParseError, ReadIncident, Reading};
use super::text::{html_to_text, one_line};
use super::update_feed::family;
use super::{history_feed, update_feed};
use crate::detect::OfficialLevel;
use chrono::{DateTime, Duration, FixedOffset, Utc};
use quick_xml::Reader;
use quick_xml::events::Event;

/// Entries last changed longer ago than this are history, not news.
pub(super) const MAX_AGE_DAYS: i64 = 7;
/// An entry still open after this long without a change is taken as over:
/// many feeds never post a "resolved".
pub(super) const STALE_HOURS: i64 = 24;
/// Deepest element nesting accepted.
const MAX_DEPTH: usize = 64;
/// Entries read at most.
const MAX_ENTRIES: usize = 200;
/// Clock skew allowed before an entry counts as from the future.
const SKEW_MINUTES: i64 = 5;

/// An entry (Atom) or item (RSS) as read.
#[derive(Default)]
pub(super) struct Entry {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) link: Option<String>,
    pub(super) published: Option<DateTime<FixedOffset>>,
    pub(super) updated: Option<DateTime<FixedOffset>>,
    /// The body as sent (HTML for most status pages).
    pub(super) text: String,
}

impl Entry {
    /// When the entry was last changed, in its own zone.
    pub(super) fn changed(&self) -> Option<DateTime<FixedOffset>> {
        match (self.published, self.updated) {
            (Some(p), Some(u)) => Some(if u > p { u } else { p }),
            (p, u) => p.or(u),
        }
    }
}

/// The element whose text is being collected.
#[derive(Clone, Copy, PartialEq)]
enum Field {
    Id,
    Title,
    Link,
    Published,
    Updated,
    Text,
}

fn field_of(name: &str) -> Option<Field> {
    match name {
        "id" | "guid" => Some(Field::Id),
        "title" => Some(Field::Title),
        "link" => Some(Field::Link),
        "published" | "pubDate" | "issued" => Some(Field::Published),
        "updated" | "modified" | "date" => Some(Field::Updated),
        "summary" | "content" | "description" | "encoded" => Some(Field::Text),
        _ => None,
    }
}

/// The local part of a qualified name (`content:encoded` -> `encoded`).
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// RFC 3339 (Atom) or RFC 822/2822 (RSS), keeping the zone it was given in.
fn parse_date(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    DateTime::parse_from_rfc3339(s)
        .or_else(|_| DateTime::parse_from_rfc2822(s))
        .ok()
}

/// Status words, as status pages write them.
const STATUS_WORDS: [&str; 10] = [
    "resolved",
    "completed",
    "postmortem",
    "monitoring",
    "identified",
    "investigating",
    "in progress",
    "verifying",
    "scheduled",
    "update",
];

/// The first status word of `text` (lowercase), if any.
pub fn first_status(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    STATUS_WORDS
        .iter()
        .filter_map(|w| lower.find(w).map(|at| (at, *w)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, w)| w)
}

fn is_over(status: &str) -> bool {
    matches!(status, "resolved" | "completed" | "postmortem")
}

/// How bad an entry says it is, from its words.
pub fn impact_of(title: &str, text: &str) -> OfficialLevel {
    let words = format!("{title} {text}").to_lowercase();
    let minor = [
        "partial",
        "degraded",
        "elevated",
        "increased",
        "some users",
        "intermittent",
        "delay",
        "slow",
    ];
    let major = [
        "outage",
        "unavailable",
        "not available",
        "down",
        "disruption",
    ];
    if minor.iter().any(|w| words.contains(w)) {
        OfficialLevel::Minor
    } else if major.iter().any(|w| words.contains(w)) {
        OfficialLevel::Major
    } else {
        OfficialLevel::Minor
    }
}

pub fn parse(body: &[u8], now: DateTime<Utc>) -> Result<Reading, ParseError> {
    let (entries, page_url) = read_entries(body)?;
    // Not published yet at `now` (a capture read under its own day's clock).
    let entries: Vec<Entry> = entries
        .into_iter()
        .filter(|e| {
            e.changed()
                .is_some_and(|t| t.with_timezone(&Utc) <= now + Duration::minutes(SKEW_MINUTES))
        })
        .collect();
    let (per_update, per_entry): (Vec<Entry>, Vec<Entry>) =
        entries.into_iter().partition(|e| family(&e.id).is_some());
    let mut incidents = update_feed::events(per_update, now);
    incidents.extend(per_entry.into_iter().filter_map(|e| incident(e, now)));
    incidents.sort_by_key(|i| std::cmp::Reverse(i.created_at));
    let level = incidents
        .iter()
        .filter(|i| i.resolved_at.is_none())
        .map(|i| i.impact)
        .max()
        .unwrap_or(OfficialLevel::Ok);
    Ok(Reading {
        level,
        description: None,
        components: Vec::new(),
        incidents,
        page_url: page_url
            .map(|u| u.trim().trim_end_matches('/').to_string())
            .filter(|u| super::statuspage::is_web_url(u)),
    })
}

pub(super) fn web_link(link: Option<String>) -> Option<String> {
    link.map(|l| l.trim().to_string())
        .filter(|l| super::statuspage::is_web_url(l))
}

/// An entry as an incident; None for old news and future maintenance.
fn incident(e: Entry, now: DateTime<Utc>) -> Option<ReadIncident> {
    let reference = e.changed()?;
    let mut updates = history_feed::updates(&e.text, reference);
    let title = clip(&one_line(&e.title));
    let text = clip(&html_to_text(&e.text));
    let from_body = !updates.is_empty();
    let (status, created_at, changed) = if from_body {
        let newest = &updates[0];
        let oldest = &updates[updates.len() - 1];
        (newest.status.clone(), oldest.at, newest.at)
    } else {
        let lower_title = title.to_lowercase();
        let status = if lower_title.starts_with("resolved") || lower_title.contains("[resolved]") {
            "resolved"
        } else {
            first_status(&text).unwrap_or("investigating")
        };
        let created = e.published.unwrap_or(reference).with_timezone(&Utc);
        (status.to_string(), created, reference.with_timezone(&Utc))
    };
    if now - changed > Duration::days(MAX_AGE_DAYS) {
        return None;
    }
    let maintenance = title.to_lowercase().contains("maintenance")
        || matches!(
            status.as_str(),
            "scheduled" | "in progress" | "verifying" | "completed"
        );
    if status == "scheduled" {
        return None;
    }
    // A history feed always posts its "resolved"; other feeds may never.
    let stale = !from_body && now - changed > Duration::hours(STALE_HOURS);
    let resolved_at = (is_over(&status) || stale).then_some(changed);
    let id = if e.id.trim().is_empty() {
        e.link.clone().unwrap_or_else(|| title.clone())
    } else {
        e.id.trim().to_string()
    };
    if !from_body {
        updates = vec![OfficialUpdate {
            at: changed,
            status: status.clone(),
            body: text.clone(),
        }];
    }
    updates.truncate(UPDATES_KEPT);
    let words: String = updates
        .iter()
        .map(|u| u.body.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Some(ReadIncident {
        impact: if maintenance {
            OfficialLevel::Maintenance
        } else {
            impact_of(&title, &words)
        },
        id: clip(&id),
        url: web_link(e.link),
        status,
        created_at,
        resolved_at,
        updates,
        components: Vec::new(),
        maintenance,
        title,
    })
}

fn bad(reason: impl std::fmt::Display) -> ParseError {
    ParseError::Feed(reason.to_string())
}

/// The entries (Atom) or items (RSS) of a feed, and the feed's own link
/// (the human status page).
fn read_entries(body: &[u8]) -> Result<(Vec<Entry>, Option<String>), ParseError> {
    let mut reader = Reader::from_reader(body);
    reader.config_mut().check_end_names = true;
    let mut buf = Vec::new();
    let mut depth = 0usize;
    let mut root: Option<String> = None;
    let mut entries = Vec::new();
    let mut entry: Option<Entry> = None;
    // The feed's own elements, outside any entry: only its link is kept.
    let mut channel = Entry::default();
    let mut field: Option<(Field, usize)> = None;
    let mut text = String::new();
    loop {
        let event = reader.read_event_into(&mut buf).map_err(bad)?;
        match event {
            Event::Start(ref s) | Event::Empty(ref s) => {
                let empty = matches!(event, Event::Empty(_));
                let name = local(s.name().as_ref()).to_string();
                if root.is_none() {
                    if !matches!(name.as_str(), "feed" | "rss" | "RDF") {
                        return Err(bad(format!("root element <{name}>")));
                    }
                    root = Some(name.clone());
                }
                if !empty {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(bad("nested too deep"));
                    }
                }
                if matches!(name.as_str(), "entry" | "item") && !empty {
                    entry = Some(Entry::default());
                    field = None;
                } else {
                    let in_entry = entry.is_some();
                    let e = entry.as_mut().unwrap_or(&mut channel);
                    let f = field_of(&name).filter(|f| in_entry || *f == Field::Link);
                    if f == Some(Field::Link) {
                        // Atom: <link rel="alternate" href="…"/>.
                        let mut href = None;
                        let mut alternate = true;
                        for a in s.attributes().flatten() {
                            let value = a.value.to_string();
                            match a.key.as_ref() {
                                "href" => href = Some(value),
                                "rel" => alternate = value == "alternate",
                                _ => {}
                            }
                        }
                        if let (Some(h), true, None) = (href, alternate, &e.link) {
                            e.link = Some(h);
                        }
                    }
                    if let (None, false, Some(f)) = (field, empty, f) {
                        field = Some((f, depth));
                        text.clear();
                    }
                }
            }
            Event::End(_) => {
                if let Some((f, at)) = field
                    && at == depth
                {
                    let e = entry.as_mut().unwrap_or(&mut channel);
                    let value = std::mem::take(&mut text);
                    match f {
                        Field::Id => e.id = value,
                        Field::Title => e.title = value,
                        Field::Link => {
                            if e.link.is_none() && !value.trim().is_empty() {
                                e.link = Some(value.trim().to_string());
                            }
                        }
                        Field::Published => e.published = parse_date(&value),
                        Field::Updated => e.updated = parse_date(&value).or(e.updated),
                        Field::Text => {
                            if value.len() > e.text.len() {
                                e.text = value;
                            }
                        }
                    }
                    field = None;
                }
                depth = depth.saturating_sub(1);
                if let Some(done) = entry.take_if(|_| field.is_none() && is_entry_end(depth, &root))
                    && entries.len() < MAX_ENTRIES
                {
                    entries.push(done);
                }
            }
            Event::Text(t) if field.is_some() => text.push_str(&t),
            Event::CData(t) if field.is_some() => text.push_str(&t),
            Event::GeneralRef(r) if field.is_some() => {
                let name: &str = &r;
                match super::text::entity(name) {
                    Some(c) => text.push(c),
                    None => {
                        text.push('&');
                        text.push_str(name);
                        text.push(';');
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if root.is_none() {
        return Err(bad("no root element"));
    }
    if depth != 0 {
        return Err(bad("the document ends inside an element"));
    }
    Ok((entries, channel.link))
}

/// Whether closing an element at `depth` (after the close) ends an entry:
/// Atom entries sit at depth 1 (`feed/entry`), RSS items at 2
/// (`rss/channel/item`) or 1 (RSS 1.0 `rdf:RDF/item`).
fn is_entry_end(depth: usize, root: &Option<String>) -> bool {
    match root.as_deref() {
        Some("rss") => depth == 2,
        _ => depth == 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 15, 0, 0)
            .single()
            .expect("time")
    }

    const ATOM: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>tag:status.example.com,2005:/history</id>
  <title>Example Status - Incident History</title>
  <entry>
    <id>tag:status.example.com,2005:Incident/42</id>
    <published>2026-03-02T14:32:00Z</published>
    <updated>2026-03-02T14:50:00Z</updated>
    <link rel="alternate" type="text/html" href="https://status.example.com/incidents/42"/>
    <title>Login outage &amp; errors</title>
    <content type="html">&lt;p&gt;&lt;strong&gt;Identified&lt;/strong&gt; - A bad deploy.&lt;/p&gt;&lt;p&gt;&lt;strong&gt;Investigating&lt;/strong&gt; - Looking.&lt;/p&gt;</content>
  </entry>
  <entry>
    <id>tag:status.example.com,2005:Incident/41</id>
    <published>2026-03-02T10:00:00Z</published>
    <updated>2026-03-02T11:00:00Z</updated>
    <link rel="alternate" href="https://status.example.com/incidents/41"/>
    <title>Degraded search</title>
    <content type="html"><![CDATA[<p><strong>Resolved</strong> - Fixed.</p>]]></content>
  </entry>
  <entry>
    <id>ancient</id>
    <published>2025-01-02T10:00:00Z</published>
    <title>Old</title>
  </entry>
</feed>"#;

    #[test]
    fn atom_entries_become_incidents() {
        let r = parse(ATOM.as_bytes(), now()).expect("parses");
        assert_eq!(r.incidents.len(), 2);
        let open = &r.incidents[0];
        assert_eq!(open.title, "Login outage & errors");
        assert_eq!(open.status, "identified");
        assert_eq!(open.impact, OfficialLevel::Major);
        assert_eq!(open.resolved_at, None);
        assert_eq!(
            open.url.as_deref(),
            Some("https://status.example.com/incidents/42")
        );
        assert!(
            open.updates[0]
                .body
                .starts_with("Identified - A bad deploy.")
        );
        let over = &r.incidents[1];
        assert_eq!(over.status, "resolved");
        assert_eq!(over.impact, OfficialLevel::Minor);
        assert!(over.resolved_at.is_some());
        assert_eq!(r.level, OfficialLevel::Major);
    }

    #[test]
    fn rss_items_become_incidents() {
        let rss = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Status</title>
<item><title>Service disruption: payments</title><guid>p-1</guid>
<link>https://status.example.org/p-1</link>
<pubDate>Mon, 02 Mar 2026 14:40:00 GMT</pubDate>
<description>Investigating - payments unavailable</description></item>
</channel></rss>"#;
        let r = parse(rss.as_bytes(), now()).expect("parses");
        assert_eq!(r.incidents.len(), 1);
        let i = &r.incidents[0];
        assert_eq!(i.id, "p-1");
        assert_eq!(i.status, "investigating");
        assert_eq!(i.impact, OfficialLevel::Major);
        assert_eq!(i.url.as_deref(), Some("https://status.example.org/p-1"));
        assert_eq!(r.level, OfficialLevel::Major);
    }

    #[test]
    fn stale_open_entries_are_taken_as_over() {
        let rss = r#"<rss><channel><item><title>Slow API</title><guid>s</guid>
<pubDate>Sat, 28 Feb 2026 10:00:00 GMT</pubDate><description>Investigating</description></item>
</channel></rss>"#;
        let r = parse(rss.as_bytes(), now()).expect("parses");
        assert!(r.incidents[0].resolved_at.is_some());
        assert_eq!(r.level, OfficialLevel::Ok);
    }

    #[test]
    fn malformed_feeds_are_refused() {
        for bad in [
            "<feed><entry><title>x</entry></feed>",
            "<html><body>not a feed</body></html>",
            "<feed><entry>",
            "",
        ] {
            assert!(parse(bad.as_bytes(), now()).is_err(), "{bad}");
        }
        let deep = format!("<feed>{}{}</feed>", "<a>".repeat(100), "</a>".repeat(100));
        assert!(parse(deep.as_bytes(), now()).is_err());
    }

    #[test]
    fn non_ascii_titles_and_bodies_read_without_panic() {
        let atom = r#"<feed><entry><id>x</id><published>2026-03-02T14:00:00Z</published>
<title>İstanbul [RESOLVED] Größe</title>
<content type="html">&lt;p&gt;&lt;small&gt;Mar 2, 14:00 UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;İnvestigating ÇA&lt;/strong&gt; - Ça ne marche pas ß&lt;/p&gt;</content></entry></feed>"#;
        let r = parse(atom.as_bytes(), now()).expect("parses");
        assert_eq!(r.incidents.len(), 1);
        assert_eq!(r.incidents[0].updates[0].body, "Ça ne marche pas ß");
        assert_eq!(update_feed::split_title("İ [RESOLVED] ß").2, "İ ß");
    }
}
