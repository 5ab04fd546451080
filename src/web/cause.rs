//! Shared causes on the pages: the status page's banner ("Probably not
//! Spotify: …"), the home page's big picture and the map page's failing
//! networks. All text goes through maud, which escapes it.

use crate::catalog::Service;
use crate::cause::{Cause, CauseKind};
use crate::detect::GLOBAL;
use maud::{Markup, html};

fn place(region: &str) -> String {
    if region == GLOBAL {
        "several countries".to_string()
    } else {
        crate::countries::region_name(region)
    }
}

/// The banner's sentence for `service` labelled by `cause`.
pub fn banner_text(service: &str, cause: &Cause) -> String {
    let subject = &cause.subject;
    let where_ = place(&cause.region);
    match cause.kind {
        CauseKind::Isp => {
            let rest = if cause.others_as_usual == Some(false) {
                "other networks rose far less"
            } else {
                "other networks are fine"
            };
            format!(
                "Probably not {service}: reports come mostly from {subject}'s network in {where_}; {rest}. Many services there are failing at once: the problem is likely the connection, not {service}."
            )
        }
        CauseKind::Upstream => format!(
            "Probably not {service} itself: {n} services that run on {subject} are failing at once, and {subject} is having problems too.",
            n = cause
                .members
                .iter()
                .map(|m| &m.service)
                .collect::<std::collections::BTreeSet<_>>()
                .len()
        ),
        CauseKind::Sympathy => format!(
            "Likely sympathy reports: {subject} has a large outage in {where_}, and reports for {service} rose far less for its size. People may be reporting {service} because they cannot reach {subject}'s customers."
        ),
    }
}

/// The evidence under a banner: shares, timings and confidence.
fn evidence(cause: &Cause) -> String {
    let mut parts = Vec::new();
    if let Some(now) = cause.share_now {
        let usual = cause
            .usual_share
            .map_or_else(|| "not known yet".to_string(), percent);
        parts.push(format!(
            "{} of the reports come from {}'s network now (usually {usual})",
            percent(now),
            cause.subject
        ));
    }
    if let (Some(s), Some(m)) = (cause.subject_rise, cause.member_rise) {
        parts.push(format!(
            "{} rose {:.0}x its usual level, the others at most {:.1}x",
            cause.subject,
            s + 1.0,
            m + 1.0
        ));
    }
    parts.push(format!(
        "first problem {}, labelled {}",
        cause.first_onset.format("%H:%M UTC"),
        cause.labelled_at.format("%H:%M UTC")
    ));
    parts.push(format!("confidence {}", percent(cause.confidence)));
    parts.join(" · ")
}

fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// The status page's banners, one per cause labelling the service.
pub fn banners(service: &Service, causes: &[Cause]) -> Markup {
    html! {
        @for c in causes {
            section.cause-banner.{ "cause-" (c.kind.as_str()) } role="note" aria-label="Probable cause" data-cause=(c.id) {
                p.cause-text { strong { (banner_text(&service.name, c)) } }
                p.cause-evidence.muted { (evidence(c)) }
                p.cause-note.muted {
                    "The status above still follows the reports for " (service.name) "; this only explains them."
                }
            }
        }
    }
}

/// The home page's "big picture" line.
pub fn big_picture(causes: &[Cause]) -> Markup {
    html! {
        @if !causes.is_empty() {
            section.big-picture aria-labelledby="big-picture-h" #big-picture {
                h2 #big-picture-h { "The big picture" }
                ul {
                    @for c in causes {
                        li data-cause=(c.id) {
                            (c.summary) " "
                            span.muted { "(" (c.members.len()) " labelled, confidence " (percent(c.confidence)) ")" }
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
pub fn failing_networks(causes: &[Cause], catalog: &crate::catalog::Catalog) -> Markup {
    let isp: Vec<&Cause> = causes.iter().filter(|c| c.kind == CauseKind::Isp).collect();
    html! {
        @if !isp.is_empty() {
            section.failing-networks aria-labelledby="networks-h" #failing-networks {
                h2 #networks-h { "Failing networks" }
                ul {
                    @for c in &isp {
                        li data-cause=(c.id) {
                            strong { (c.subject) } " in " (place(&c.region))
                            @if !c.asns.is_empty() {
                                " (" (c.asns.iter().map(|a| format!("AS{a}")).collect::<Vec<_>>().join(", ")) ")"
                            }
                            @if let Some(now) = c.share_now {
                                ": " (percent(now)) " of the reports now"
                                @if let Some(u) = c.usual_share { " (usually " (percent(u)) ")" }
                            }
                            ". Failing on it: "
                            @for (i, slug) in member_services(c).iter().enumerate() {
                                @if i > 0 { ", " }
                                a href={ "/status/" (slug) } {
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
