//! Feeds with one item per update (AWS's Service Health Dashboard RSS):
//! each item has its own `guid` (`…#ec2-us-east-1_1469840887`), so items
//! are grouped into one incident per event by the guid's family (the part
//! before `_`) and the title without its status prefix; "[RESOLVED]"
//! anywhere in a title closes the event (docs/official-status.md).

use super::feed::{Entry, MAX_AGE_DAYS, STALE_HOURS, impact_of, web_link};
use super::model::{OfficialUpdate, UPDATES_KEPT, clip};
use super::reading::ReadIncident;
use super::text::{html_to_text, one_line};
use crate::detect::OfficialLevel;
use chrono::{DateTime, Duration, Utc};

/// The family of an update-per-item guid: `ec2-us-east-1` in
/// `http://status.aws.amazon.com/#ec2-us-east-1_1469840887`.
pub(super) fn family(guid: &str) -> Option<&str> {
    let (_, fragment) = guid.trim().rsplit_once('#')?;
    let (name, stamp) = fragment.rsplit_once('_')?;
    (!name.is_empty() && !stamp.is_empty() && stamp.chars().all(|c| c.is_ascii_digit()))
        .then_some(name)
}

/// AWS's status prefixes and the level each shows.
const AWS_PREFIXES: [(&str, Option<OfficialLevel>); 4] = [
    ("service is operating normally", Some(OfficialLevel::Ok)),
    ("informational message", Some(OfficialLevel::Minor)),
    ("performance issues", Some(OfficialLevel::Minor)),
    ("service disruption", Some(OfficialLevel::Major)),
];

/// A title split into its status prefix (the publisher's words), whether it
/// says resolved, and the event's own title.
pub(super) fn split_title(title: &str) -> (Option<String>, bool, String) {
    let resolved = title.to_ascii_lowercase().contains("[resolved]");
    let mut rest = title.trim();
    let mut prefix = None;
    if let Some((head, tail)) = rest.split_once(':')
        && AWS_PREFIXES
            .iter()
            .any(|(p, _)| head.trim().eq_ignore_ascii_case(p))
    {
        prefix = Some(head.trim().to_string());
        rest = tail;
    }
    let mut own = String::new();
    let mut left = rest;
    while let Some(at) = left.to_ascii_lowercase().find("[resolved]") {
        own.push_str(&left[..at]);
        left = &left[at + "[resolved]".len()..];
    }
    own.push_str(left);
    let own = own.split_whitespace().collect::<Vec<_>>().join(" ");
    (prefix, resolved, own)
}

fn prefix_level(prefix: Option<&str>) -> Option<OfficialLevel> {
    let p = prefix?.to_lowercase();
    AWS_PREFIXES
        .iter()
        .find(|(w, _)| *w == p)
        .and_then(|(_, l)| *l)
}

struct Item {
    guid: String,
    family: String,
    at: DateTime<Utc>,
    prefix: Option<String>,
    resolved: bool,
    title: String,
    text: String,
    link: Option<String>,
}

/// Items grouped into one incident per event: same family and title, in
/// time order; an item after the event was resolved opens a new one,
/// unless it says resolved too.
pub(super) fn events(entries: Vec<Entry>, now: DateTime<Utc>) -> Vec<ReadIncident> {
    let mut items: Vec<Item> = entries
        .into_iter()
        .filter_map(|e| {
            let at = e.changed()?.with_timezone(&Utc);
            let (prefix, resolved, title) = split_title(&one_line(&e.title));
            Some(Item {
                family: family(&e.id)?.to_string(),
                guid: e.id.trim().to_string(),
                at,
                prefix,
                resolved,
                title,
                text: html_to_text(&e.text),
                link: e.link,
            })
        })
        .collect();
    items.sort_by(|a, b| {
        (&a.family, a.title.to_lowercase(), a.at).cmp(&(&b.family, b.title.to_lowercase(), b.at))
    });
    let mut groups: Vec<Vec<Item>> = Vec::new();
    for item in items {
        let joins = groups.last().is_some_and(|g| {
            let last = &g[g.len() - 1];
            last.family == item.family
                && last.title.eq_ignore_ascii_case(&item.title)
                && (!last.resolved || item.resolved)
        });
        match groups.last_mut() {
            Some(g) if joins => {
                // The same update listed twice adds nothing.
                if !g.iter().any(|i| i.guid == item.guid && i.at == item.at) {
                    g.push(item);
                }
            }
            _ => groups.push(vec![item]),
        }
    }
    groups.into_iter().filter_map(|g| event(g, now)).collect()
}

fn event(items: Vec<Item>, now: DateTime<Utc>) -> Option<ReadIncident> {
    let first = items.first()?;
    let last = items.last()?;
    if now - last.at > Duration::days(MAX_AGE_DAYS) {
        return None;
    }
    let stale = now - last.at > Duration::hours(STALE_HOURS);
    let resolved_at = (last.resolved || stale).then_some(last.at);
    let status = if last.resolved {
        "resolved".to_string()
    } else {
        last.prefix
            .clone()
            .unwrap_or_else(|| "investigating".to_string())
    };
    let words: String = items
        .iter()
        .map(|i| i.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let impact = items
        .iter()
        .filter_map(|i| prefix_level(i.prefix.as_deref()))
        .filter(|l| *l != OfficialLevel::Ok)
        .max()
        .unwrap_or_else(|| impact_of(&last.title, &words));
    let mut updates: Vec<OfficialUpdate> = items
        .iter()
        .rev()
        .take(UPDATES_KEPT)
        .map(|i| OfficialUpdate {
            at: i.at,
            status: if i.resolved {
                "resolved".to_string()
            } else {
                i.prefix.clone().unwrap_or_else(|| "update".to_string())
            },
            body: clip(&i.text),
        })
        .collect();
    updates.sort_by_key(|u| std::cmp::Reverse(u.at));
    Some(ReadIncident {
        id: clip(&first.guid),
        title: clip(&last.title),
        url: web_link(last.link.clone()),
        impact,
        status,
        created_at: first.at,
        resolved_at,
        updates,
        components: vec![clip(&first.family)],
        maintenance: false,
    })
}
