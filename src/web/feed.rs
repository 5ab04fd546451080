//! `/status/{slug}/feed.atom`: a service's incidents as an Atom feed
//! (RFC 4287), newest first, each with its evidence and official updates,
//! linking to the status page. Written by hand: a handful of elements,
//! every text escaped.

use super::PageError;
use crate::catalog::{Catalog, Service};
use crate::cause::Cause;
use crate::countries::region_name_in;
use crate::detect::Incident;
use crate::events::follow::text::place_suffix;
use crate::i18n::Lang;
use crate::state::AppState;
use crate::t;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, SecondsFormat, Utc};
use std::fmt::Write;

/// Entries in the feed at most.
const ENTRIES: usize = 50;

/// The address of `slug`'s feed in `lang`: English keeps the unprefixed
/// one it always had (feed readers keep the address they were given).
pub fn feed_href(lang: Lang, slug: &str) -> String {
    let path = format!("/status/{slug}/feed.atom");
    if lang == Lang::En {
        path
    } else {
        lang.href(&path)
    }
}

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
    // The feed's unprefixed address is the English one.
    let lang = super::lang_of(&req);
    let service = super::not_found::service(&state.catalog, &slug)?;
    // The incidents and causes as the read views cache them: a feed
    // reader costs the store no read of its own for them.
    let version = state.views.version().await;
    let listed = state.views.incidents(&service.slug, version).await?;
    let incidents = &listed.value[..listed.value.len().min(ENTRIES)];
    let causes = state.views.causes(version).await?;
    let changes = match service.official_status {
        Some(_) => crate::official::load(state.store.as_ref(), &service.slug)
            .await?
            .map(|d| d.changes)
            .unwrap_or_default(),
        None => Vec::new(),
    };
    let base = base_url(&req);
    let feed = Feed {
        lang,
        base: &base,
        prefixed: req.app_data::<Lang>().is_some(),
    };
    let mut xml = atom(
        &feed,
        &state.catalog,
        service,
        incidents,
        &causes.value,
        state.clock.now(),
    );
    official_entries(&feed, &mut xml, service, &changes);
    Ok(HttpResponse::Ok()
        .content_type("application/atom+xml; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=60"))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .body(xml))
}

/// Entries for the changes of what the official status page says
/// (`official.changed`), put before the feed's end.
fn official_entries(
    feed: &Feed,
    xml: &mut String,
    service: &Service,
    changes: &[crate::official::model::Change],
) {
    let Some(end) = xml.rfind("</feed>") else {
        return;
    };
    let page = feed.page(service);
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
            title = xml_escape(&t!(
                feed.lang,
                "feed-official-title",
                name = service.name.as_str(),
                text = c.text.as_str()
            )),
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

/// Who the feed is for: its language, and where its links point.
struct Feed<'a> {
    lang: Lang,
    /// The scheme and host the client used.
    base: &'a str,
    /// Asked for under a language prefix: its links keep it.
    prefixed: bool,
}

impl Feed<'_> {
    /// The absolute address of `service`'s status page.
    fn page(&self, service: &Service) -> String {
        let path = format!("/status/{}", service.slug);
        if self.prefixed {
            format!("{}{}", self.base, self.lang.href(&path))
        } else {
            format!("{}{path}", self.base)
        }
    }
}

fn title(lang: Lang, service: &Service, i: &Incident) -> String {
    let place = place_suffix(lang, &i.region);
    let what = match (i.is_active(), i.suspect) {
        (true, false) => "feed-outage",
        (true, true) => "feed-possible",
        (false, _) => "feed-resolved",
    };
    t!(lang, what, name = service.name.as_str(), place = place)
}

/// The shared cause that labels an open incident now, in `lang`
/// (`feed-cause`): "Probably not Spotify: reports come mostly from
/// Deutsche Telekom's network in Germany."
fn cause_text(service: &Service, i: &Incident, causes: &[Cause], lang: Lang) -> Option<String> {
    let cause = causes
        .iter()
        .find(|c| i.is_active() && c.labels(&i.service, &i.region))?;
    Some(t!(
        lang,
        "feed-cause",
        kind = cause.kind.as_str(),
        name = service.name.as_str(),
        subject = cause.subject.as_str(),
        place = region_name_in(lang, &cause.region),
    ))
}

fn summary(lang: Lang, catalog: &Catalog, i: &Incident) -> String {
    let d = &i.detection;
    let reports = |n: u64| super::layout::lang_reports(lang, n);
    let mut s = t!(
        lang,
        "feed-summary",
        started = rfc3339(i.started_at),
        detected = rfc3339(i.detected_at),
        resolved = i
            .resolved_at
            .map(|r| t!(lang, "feed-resolved-at", time = rfc3339(r)))
            .unwrap_or_default(),
        observed = reports(d.observed),
        window = t!(lang, "minutes", count = u64::from(d.window_minutes)),
        expected = lang.number(d.expected.round().max(0.0) as u64),
        peak = reports(i.peak_reports_per_minute.round() as u64),
        total = reports(i.total_reports)
    );
    if !i.top_symptoms.is_empty() {
        let labels: Vec<&str> = i
            .top_symptoms
            .iter()
            .take(3)
            .map(|t| {
                catalog
                    .symptom_label_in(lang, &t.symptom)
                    .unwrap_or(&t.symptom)
            })
            .collect();
        s.push(' ');
        s.push_str(&t!(lang, "feed-most-reported", list = labels.join(", ")));
    }
    if i.suspect {
        s.push(' ');
        s.push_str(&t!(lang, "feed-suspect"));
    }
    if let (Some(at), Some(lag)) = (i.official_acknowledged_at, i.acknowledgement_lag_minutes) {
        s.push(' ');
        s.push_str(&t!(
            lang,
            "feed-acknowledged",
            time = rfc3339(at),
            lag = super::official::lag_words(lang, lag)
        ));
    }
    for u in &i.updates {
        s.push('\n');
        s.push_str(&t!(
            lang,
            "feed-official-update",
            status = super::official::state_words(lang, u.status.as_str()),
            time = rfc3339(u.at),
            message = u.message.as_str()
        ));
    }
    s
}

/// The feed document.
fn atom(
    feed: &Feed,
    catalog: &Catalog,
    service: &Service,
    incidents: &[Incident],
    causes: &[Cause],
    now: DateTime<Utc>,
) -> String {
    let lang = feed.lang;
    let page = feed.page(service);
    let updated = incidents.iter().map(last_change).max().unwrap_or(now);
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = write!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n\
         <id>urn:downwatch:service:{slug}</id>\n\
         <title>{title}</title>\n\
         <updated>{updated}</updated>\n\
         <author><name>downwatch</name></author>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{self_link}\"/>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{page}\"/>\n",
        lang = lang.tag(),
        slug = xml_escape(&service.slug),
        title = xml_escape(&format!(
            "{} (downwatch)",
            t!(lang, "feed-title", name = service.name.as_str())
        )),
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
            title = xml_escape(&title(lang, service, i)),
            published = rfc3339(i.detected_at),
            updated = rfc3339(last_change(i)),
            page = xml_escape(&page),
            summary = xml_escape(&match cause_text(service, i, causes, lang) {
                Some(cause) => format!("{cause}{}{}", lang.gap(), summary(lang, catalog, i)),
                None => summary(lang, catalog, i),
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
