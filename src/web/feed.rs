//! `/status/{slug}/feed.atom`: a service's incidents as an Atom feed
//! (RFC 4287), newest first, each with its evidence and official updates,
//! linking to the status page. Written by hand: a handful of elements,
//! every text escaped.

use super::PageError;
use crate::catalog::{Catalog, Service};
use crate::cause::Cause;
use crate::countries::region_name;
use crate::detect::{GLOBAL, Incident};
use crate::i18n::Lang;
use crate::read;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, SecondsFormat, Utc};
use std::fmt::Write;

/// Entries in the feed at most.
const ENTRIES: usize = 50;

/// Escapes text for XML content and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The scheme and host the client used, for absolute links.
fn base_url(req: &HttpRequest) -> String {
    let info = req.connection_info();
    format!("{}://{}", info.scheme(), info.host())
}

pub async fn feed(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let service = super::not_found::service(&state.catalog, &slug)?;
    let incidents = read::incidents(state.store.as_ref(), &service.slug, ENTRIES).await?;
    let causes = crate::cause::load_causes(state.store.as_ref())
        .await?
        .causes;
    let changes = match service.official_status {
        Some(_) => crate::official::load(state.store.as_ref(), &service.slug)
            .await?
            .map(|d| d.changes)
            .unwrap_or_default(),
        None => Vec::new(),
    };
    let mut xml = atom(
        &state.catalog,
        service,
        &incidents,
        &causes,
        &base_url(&req),
        state.clock.now(),
    );
    official_entries(&mut xml, service, &changes, &base_url(&req));
    Ok(HttpResponse::Ok()
        .content_type("application/atom+xml; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=60"))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .body(xml))
}

/// Entries for the changes of what the official status page says
/// (`official.changed`), put before the feed's end.
fn official_entries(
    xml: &mut String,
    service: &Service,
    changes: &[crate::official::model::Change],
    base: &str,
) {
    let Some(end) = xml.rfind("</feed>") else {
        return;
    };
    let page = format!("{base}/status/{}", service.slug);
    let mut entries = String::new();
    for c in changes {
        let _ = write!(
            entries,
            "<entry>\n\
             <id>urn:downwatch:official:{slug}:{at}</id>\n\
             <title>{title}</title>\n\
             <published>{published}</published>\n\
             <updated>{published}</updated>\n\
             <link rel=\"alternate\" type=\"text/html\" href=\"{page}\"/>\n\
             <category term=\"official.changed\"/>\n\
             <summary type=\"text\">{summary}</summary>\n\
             </entry>\n",
            slug = xml_escape(&service.slug),
            at = c.at.timestamp(),
            title = xml_escape(&format!("{}'s status page: {}", service.name, c.text)),
            published = rfc3339(c.at),
            page = xml_escape(&page),
            summary = xml_escape(&c.text),
        );
    }
    xml.insert_str(end, &entries);
}

/// The last change to an incident: the detector's or an official update.
fn last_change(i: &Incident) -> DateTime<Utc> {
    i.updates
        .iter()
        .map(|u| u.at)
        .chain([i.updated_at])
        .max()
        .unwrap_or(i.updated_at)
}

fn title(service: &Service, i: &Incident) -> String {
    let place = if i.region == GLOBAL {
        String::new()
    } else {
        format!(" in {}", region_name(&i.region))
    };
    let what = match (i.is_active(), i.suspect) {
        (true, false) => "Outage",
        (true, true) => "Possible problems",
        (false, _) => "Resolved: outage",
    };
    format!("{what} at {}{place}", service.name)
}

/// "1 minute", "15 minutes".
fn minutes(n: i64) -> String {
    if n == 1 {
        "1 minute".to_string()
    } else {
        format!("{n} minutes")
    }
}

/// "1 report", "42 reports".
fn reports(n: u64) -> String {
    super::layout::reports(n)
}

/// The shared cause that labels an open incident now, in `lang`
/// (`feed-cause`): "Probably not Spotify: reports come mostly from
/// Deutsche Telekom's network in Germany."
fn cause_text(service: &Service, i: &Incident, causes: &[Cause], lang: Lang) -> Option<String> {
    let cause = causes
        .iter()
        .find(|c| i.is_active() && c.labels(&i.service, &i.region))?;
    Some(crate::t!(
        lang,
        "feed-cause",
        kind = cause.kind.as_str(),
        name = service.name.as_str(),
        subject = cause.subject.as_str(),
        place = region_name(&cause.region),
    ))
}

fn summary(catalog: &Catalog, i: &Incident) -> String {
    let d = &i.detection;
    let mut s = format!(
        "Started {}, detected {}{}. Evidence: {} in {} where about {:.0} were expected. Peak {} a minute; {} in all.",
        rfc3339(i.started_at),
        rfc3339(i.detected_at),
        i.resolved_at
            .map(|r| format!(", resolved {}", rfc3339(r)))
            .unwrap_or_default(),
        reports(d.observed),
        minutes(i64::from(d.window_minutes)),
        d.expected,
        reports(i.peak_reports_per_minute.round() as u64),
        reports(i.total_reports),
    );
    if !i.top_symptoms.is_empty() {
        let labels: Vec<&str> = i
            .top_symptoms
            .iter()
            .take(3)
            .map(|t| catalog.symptom_label(&t.symptom).unwrap_or(&t.symptom))
            .collect();
        let _ = write!(s, " Most reported: {}.", labels.join(", "));
    }
    if i.suspect {
        s.push_str(" Most reports come from one network: possibly coordinated reporting.");
    }
    if let (Some(at), Some(lag)) = (i.official_acknowledged_at, i.acknowledgement_lag_minutes) {
        let _ = write!(
            s,
            " Acknowledged by the service {} ({}).",
            rfc3339(at),
            super::official::lag_words(lag)
        );
    }
    for u in &i.updates {
        let _ = write!(
            s,
            "\nOfficial update ({}, {}): {}",
            u.status.as_str(),
            rfc3339(u.at),
            u.message
        );
    }
    s
}

/// The feed document.
pub fn atom(
    catalog: &Catalog,
    service: &Service,
    incidents: &[Incident],
    causes: &[Cause],
    base: &str,
    now: DateTime<Utc>,
) -> String {
    let page = format!("{base}/status/{}", service.slug);
    let updated = incidents.iter().map(last_change).max().unwrap_or(now);
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = write!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n\
         <id>urn:downwatch:service:{slug}</id>\n\
         <title>{title}</title>\n\
         <updated>{updated}</updated>\n\
         <author><name>downwatch</name></author>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{self_link}\"/>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{page}\"/>\n",
        slug = xml_escape(&service.slug),
        title = xml_escape(&format!("{} incidents (downwatch)", service.name)),
        updated = rfc3339(updated),
        self_link = xml_escape(&format!("{page}/feed.atom")),
        page = xml_escape(&page),
    );
    for i in incidents {
        let _ = write!(
            xml,
            "<entry>\n\
             <id>urn:downwatch:incident:{id}</id>\n\
             <title>{title}</title>\n\
             <published>{published}</published>\n\
             <updated>{updated}</updated>\n\
             <link rel=\"alternate\" type=\"text/html\" href=\"{page}\"/>\n\
             <summary type=\"text\">{summary}</summary>\n\
             </entry>\n",
            id = xml_escape(&i.id),
            title = xml_escape(&title(service, i)),
            published = rfc3339(i.detected_at),
            updated = rfc3339(last_change(i)),
            page = xml_escape(&page),
            summary = xml_escape(&match cause_text(service, i, causes, Lang::En) {
                Some(cause) => format!("{cause} {}", summary(catalog, i)),
                None => summary(catalog, i),
            }),
        );
    }
    xml.push_str("</feed>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_names_the_cause_of_each_kind() {
        for lang in Lang::ALL {
            let text = |kind: &str| {
                crate::t!(
                    lang,
                    "feed-cause",
                    kind = kind,
                    name = "Spotify",
                    subject = "Deutsche Telekom",
                    place = "Germany",
                )
            };
            let (isp, upstream, sympathy) = (text("isp"), text("upstream"), text("sympathy"));
            for t in [&isp, &upstream, &sympathy] {
                assert!(
                    t.contains("Deutsche Telekom") && t.contains("Spotify"),
                    "{t}"
                );
                assert!(!t.contains(crate::i18n::MISSING_OPEN), "{t}");
            }
            assert!(isp.contains("Germany"), "{isp}");
            assert!(sympathy.contains("Germany"), "{sympathy}");
            assert!(isp != upstream && upstream != sympathy && isp != sympathy);
        }
    }

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(
            xml_escape("a<b>&\"c\"'d'\u{1}"),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;"
        );
    }
}
