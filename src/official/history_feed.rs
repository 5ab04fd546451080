//! The updates in the body of a history feed's entry (Statuspage's
//! `history.rss` and `history.atom`, one entry per incident): paragraphs
//! of `<small>Jan  1, 09:09 PST</small><br><strong>Resolved</strong> -
//! text`, newest first (docs/official-status.md).

use super::model::{OfficialUpdate, clip};
use super::text::{html_to_text, one_line};
use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};

/// Zone names status pages print after an update's time, and their
/// offsets in minutes.
const ZONES: [(&str, i32); 16] = [
    ("UTC", 0),
    ("GMT", 0),
    ("Z", 0),
    ("PST", -480),
    ("PDT", -420),
    ("MST", -420),
    ("MDT", -360),
    ("CST", -360),
    ("CDT", -300),
    ("EST", -300),
    ("EDT", -240),
    ("BST", 60),
    ("CET", 60),
    ("CEST", 120),
    ("JST", 540),
    ("AEST", 600),
];

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The time of a history feed's update (`Jan  1, 09:09 PST`, `Nov 14,
/// 2023 - 14:07 UTC`): the year, when not printed, and the zone, when
/// its name is not known, are the entry's own (`reference`).
fn update_time(text: &str, reference: DateTime<FixedOffset>) -> Option<DateTime<Utc>> {
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty() && *t != "-")
        .collect();
    let month = tokens.iter().find_map(|t| {
        let t = t.to_lowercase();
        MONTHS.iter().position(|m| t.len() >= 3 && t.starts_with(m))
    })?;
    let day: u32 = tokens
        .iter()
        .find_map(|t| t.parse().ok().filter(|d| (1..=31).contains(d)))?;
    let year: Option<i32> = tokens
        .iter()
        .find_map(|t| (t.len() == 4).then(|| t.parse().ok()).flatten());
    let time = tokens
        .iter()
        .find_map(|t| NaiveTime::parse_from_str(t, "%H:%M").ok())?;
    let offset = tokens
        .iter()
        .find_map(|t| ZONES.iter().find(|(z, _)| z == t).map(|(_, m)| *m))
        .and_then(|m| FixedOffset::east_opt(m * 60))
        .unwrap_or(*reference.offset());
    let at = |y: i32| {
        NaiveDate::from_ymd_opt(y, month as u32 + 1, day)
            .map(|d| d.and_time(time))
            .and_then(|n| offset.from_local_datetime(&n).single())
    };
    let mut when = at(year.unwrap_or(reference.year()))?;
    if year.is_none() && when > reference + Duration::days(1) {
        when = at(reference.year() - 1)?;
    }
    Some(when.with_timezone(&Utc))
}

/// The updates in a history feed's body: paragraphs of
/// `<small>time</small><br><strong>Status</strong> - text`, newest first.
/// Empty when the body is not of that shape.
pub(super) fn updates(html: &str, reference: DateTime<FixedOffset>) -> Vec<OfficialUpdate> {
    // ASCII only, so byte offsets in `lower` are offsets in `html`.
    let lower = html.to_ascii_lowercase();
    let mut updates = Vec::new();
    let mut from = 0;
    while let Some(s) = lower[from..].find("<strong>").map(|i| i + from) {
        let Some(e) = lower[s..].find("</strong>").map(|i| i + s) else {
            break;
        };
        let status = one_line(&html[s + "<strong>".len()..e]).to_lowercase();
        let next = lower[e..].find("<strong>").map_or(html.len(), |i| i + e);
        // The time is in the <small> before the status word.
        let before = &lower[from..s];
        let at = before.rfind("<small>").and_then(|m| {
            let m = from + m;
            let end = lower[m..s].find("</small>").map_or(s, |i| i + m);
            update_time(&one_line(&html[m..end]), reference)
        });
        // The text runs to the next update's <small>, or its <strong>.
        let end = lower[e..next].rfind("<small>").map_or(next, |i| i + e);
        let body = html_to_text(&html[e + "</strong>".len()..end]);
        let body = body
            .trim_start_matches([' ', '-', '–', '—'])
            .trim()
            .to_string();
        if let (Some(at), false) = (at, status.is_empty()) {
            updates.push(OfficialUpdate {
                at,
                status: clip(&status),
                body: clip(&body),
            });
        }
        from = end.max(e);
    }
    updates.sort_by_key(|u| std::cmp::Reverse(u.at));
    updates
}
