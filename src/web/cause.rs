//! Shared causes on the pages: the status page's banner ("Probably not
//! Spotify: …"), the home page's big picture and the map page's failing
//! networks. All text goes through maud, which escapes it.

use crate::catalog::Service;
use crate::cause::{Cause, CauseKind};
use crate::detect::GLOBAL;
use crate::i18n::Lang;
use crate::t;
use maud::{Markup, html};

fn place(lang: Lang, region: &str) -> String {
    if region == GLOBAL {
        t!(lang, "cause-several-countries")
    } else {
        crate::countries::region_name_in(lang, region)
    }
}

/// How the other networks fare beside an ISP cause's.
fn others_words(lang: Lang, cause: &Cause) -> String {
    if cause.others_as_usual == Some(false) {
        t!(lang, "cause-others-less")
    } else {
        t!(lang, "cause-others-fine")
    }
}

/// The banner's sentence for `service` labelled by `cause`.
pub fn banner_text(lang: Lang, service: &str, cause: &Cause) -> String {
    let subject = cause.subject.as_str();
    let where_ = place(lang, &cause.region);
    match cause.kind {
        CauseKind::Isp => {
            let others = others_words(lang, cause);
            t!(
                lang,
                "cause-isp",
                service = service,
                subject = subject,
                place = where_,
                others = others
            )
        }
        CauseKind::Upstream => t!(
            lang,
            "cause-upstream",
            service = service,
            subject = subject,
            count = cause
                .members
                .iter()
                .map(|m| &m.service)
                .collect::<std::collections::BTreeSet<_>>()
                .len()
        ),
        CauseKind::Sympathy => t!(
            lang,
            "cause-sympathy",
            service = service,
            subject = subject,
            place = where_
        ),
    }
}

/// What a cause is, without a service: its own summary in English (the
/// cause module's, with its details), the same sentence from the
/// language's messages elsewhere.
pub fn summary_text(lang: Lang, cause: &Cause) -> String {
    if lang == Lang::En {
        return cause.summary.clone();
    }
    let subject = cause.subject.as_str();
    let services = member_services(cause).len();
    match cause.kind {
        CauseKind::Isp => {
            let others = others_words(lang, cause);
            t!(
                lang,
                "cause-summary-isp",
                subject = subject,
                place = place(lang, &cause.region),
                others = others,
                count = services
            )
        }
        CauseKind::Upstream => t!(
            lang,
            "cause-summary-upstream",
            subject = subject,
            count = services
        ),
        CauseKind::Sympathy => t!(
            lang,
            "cause-summary-sympathy",
            subject = subject,
            place = place(lang, &cause.region)
        ),
    }
}

/// The evidence under a banner: shares, timings and confidence.
fn evidence(lang: Lang, cause: &Cause) -> String {
    let mut parts = Vec::new();
    let subject = cause.subject.as_str();
    if let Some(now) = cause.share_now {
        let usual = cause
            .usual_share
            .map_or_else(|| t!(lang, "cause-usual-unknown"), percent);
        parts.push(t!(
            lang,
            "cause-share",
            share = percent(now),
            subject = subject,
            usual = usual
        ));
    }
    if let (Some(s), Some(m)) = (cause.subject_rise, cause.member_rise) {
        parts.push(t!(
            lang,
            "cause-rise",
            subject = subject,
            rise = format!("{:.0}", s + 1.0),
            others = decimal(lang, m + 1.0)
        ));
    }
    parts.push(t!(
        lang,
        "cause-times",
        first = cause.first_onset.format("%H:%M UTC").to_string(),
        labelled = cause.labelled_at.format("%H:%M UTC").to_string()
    ));
    parts.push(t!(
        lang,
        "cause-confidence",
        share = percent(cause.confidence)
    ));
    parts.join(" · ")
}

fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// One decimal, with the language's decimal sign ("1.5", "1,5").
fn decimal(lang: Lang, x: f64) -> String {
    let text = format!("{x:.1}");
    match lang {
        Lang::En | Lang::Ja => text,
        _ => text.replace('.', ","),
    }
}

/// The status page's banners, one per cause labelling the service.
pub fn banners(lang: Lang, service: &Service, causes: &[Cause]) -> Markup {
    html! {
        @for c in causes {
            section.cause-banner.{ "cause-" (c.kind.as_str()) } role="note" aria-label=(t!(lang, "cause-label")) data-cause=(c.id) {
                p.cause-text { strong { (banner_text(lang, &service.name, c)) } }
                p.cause-evidence.muted { (evidence(lang, c)) }
                p.cause-note.muted { (t!(lang, "cause-note", name = service.name.as_str())) }
            }
        }
    }
}

/// The home page's "big picture" line.
pub fn big_picture(lang: Lang, causes: &[Cause]) -> Markup {
    html! {
        @if !causes.is_empty() {
            section.big-picture aria-labelledby="big-picture-h" #big-picture {
                h2 #big-picture-h { (t!(lang, "big-picture")) }
                ul {
                    @for c in causes {
                        li data-cause=(c.id) {
                            (summary_text(lang, c)) " "
                            span.muted { (t!(lang, "big-picture-count", count = c.members.len(), share = percent(c.confidence))) }
                        }
                    }
                }
            }
        }
    }
}

/// The map page's list of failing networks: each ISP cause with its
/// operator, country, AS numbers, share of the reports and the services
/// failing on it.
pub fn failing_networks(lang: Lang, causes: &[Cause], catalog: &crate::catalog::Catalog) -> Markup {
    let isp: Vec<&Cause> = causes.iter().filter(|c| c.kind == CauseKind::Isp).collect();
    html! {
        @if !isp.is_empty() {
            section.failing-networks aria-labelledby="networks-h" #failing-networks {
                h2 #networks-h { (t!(lang, "networks-heading")) }
                ul {
                    @for c in &isp {
                        li data-cause=(c.id) {
                            strong { (c.subject) } " " (t!(lang, "network-in", place = place(lang, &c.region)))
                            @if !c.asns.is_empty() {
                                " (" (c.asns.iter().map(|a| format!("AS{a}")).collect::<Vec<_>>().join(", ")) ")"
                            }
                            @if let Some(now) = c.share_now {
                                (t!(lang, "network-share", share = percent(now)))
                                @if let Some(u) = c.usual_share { " " (t!(lang, "network-usual", share = percent(u))) }
                            }
                            (t!(lang, "network-failing")) " "
                            @for (i, slug) in member_services(c).iter().enumerate() {
                                @if i > 0 { ", " }
                                a href=(lang.href(&format!("/status/{slug}"))) {
                                    (catalog.service(slug).map_or(slug.as_str(), |s| s.name.as_str()))
                                }
                            }
                            "."
                        }
                    }
                }
            }
        }
    }
}

fn member_services(c: &Cause) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in &c.members {
        if !out.contains(&m.service) {
            out.push(m.service.clone());
        }
    }
    out
}
