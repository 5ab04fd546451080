//! What a notice says. A [`Notice`] is what the fan-out knows of the
//! incident when it queues the delivery (no catalog there); [`render`]
//! turns it into words with the catalog's names when it is sent: the
//! service, the region when the incident is regional, the top symptoms,
//! since when, the official acknowledgement when there is one, the
//! probable shared cause when one is labelled (an ISP, an upstream,
//! sympathy reports), and the status page.

use crate::catalog::Catalog;
use crate::countries::region_name_in;
use crate::detect::{GLOBAL, Incident, ProbableCause};
use crate::i18n::Lang;
use crate::t;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Symptoms named in a notice.
const SYMPTOMS_NAMED: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// An incident opened.
    Problems,
    /// A resolved incident went back into outage: "down again".
    ProblemsAgain,
    /// The incident resolved.
    Back,
    /// A shared cause was labelled on the incident after it opened: its
    /// followers hear that it is probably not the service.
    Cause,
}

/// The facts of one notice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub kind: NoticeKind,
    pub service: String,
    pub incident: String,
    pub region: String,
    /// Symptom slugs, most reported first.
    pub symptoms: Vec<String>,
    pub since: DateTime<Utc>,
    pub back_at: Option<DateTime<Utc>>,
    /// When the service's owner acknowledged it, and in what words (their
    /// latest update, or their status page's incident title).
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub official: Option<String>,
    /// The shared cause labelled on the incident (docs/shared-cause.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probable_cause: Option<ProbableCause>,
}

impl Notice {
    pub fn new(kind: NoticeKind, i: &Incident) -> Self {
        let official = i
            .updates
            .last()
            .map(|u| u.message.clone())
            .or_else(|| i.official_incident.as_ref().map(|o| o.title.clone()));
        Self {
            kind,
            service: i.service.clone(),
            incident: i.id.clone(),
            region: i.region.clone(),
            symptoms: i
                .top_symptoms
                .iter()
                .take(SYMPTOMS_NAMED)
                .map(|s| s.symptom.clone())
                .collect(),
            // A reopened incident is news from its reopening on.
            since: i.reopened_at.unwrap_or(i.started_at),
            back_at: i.resolved_at,
            acknowledged_at: i
                .official_acknowledged_at
                .or(i.updates.first().map(|u| u.at)),
            official,
            probable_cause: i.probable_cause.clone(),
        }
    }
}

/// A notice in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoticeText {
    pub title: String,
    pub body: String,
    /// The status page, from the site's root.
    pub path: String,
}

/// "12:03 UTC on 2 Mar", "2.3. um 12:03 UTC".
fn when(lang: Lang, at: DateTime<Utc>) -> String {
    let date = at.format(&lang.t("date-short-format")).to_string();
    t!(
        lang,
        "notice-when",
        time = at.format("%H:%M").to_string(),
        date = date
    )
}

/// What a notice says of the shared cause labelling its incident: in
/// English the cause module's own summary (its figures and reasons); in
/// another language the same words as the Atom feed (`feed-cause`), which
/// name the kind, the subject and the place.
fn cause_sentence(lang: Lang, name: &str, c: &ProbableCause) -> String {
    if lang == Lang::En {
        return t!(lang, "notice-cause", name = name, summary = &c.summary);
    }
    t!(
        lang,
        "feed-cause",
        kind = c.kind.as_str(),
        name = name,
        subject = c.subject.as_str(),
        place = c
            .country()
            .map(|country| region_name_in(lang, country))
            .unwrap_or_default(),
    )
}

/// " in Germany" after a title in `lang` (the feed's too); nothing for a
/// global incident.
pub fn place_suffix(lang: Lang, region: &str) -> String {
    if region == GLOBAL {
        return String::new();
    }
    format!(
        " {}",
        t!(lang, "notice-place", region = region_name_in(lang, region))
    )
}

/// A notice in `lang` (the language the follow was made in).
pub fn render(notice: &Notice, catalog: &Catalog, lang: Lang) -> NoticeText {
    let name = catalog
        .service(&notice.service)
        .map_or(notice.service.as_str(), |s| s.name.as_str());
    let place = place_suffix(lang, &notice.region);
    let symptoms: Vec<&str> = notice
        .symptoms
        .iter()
        .map(|s| catalog.symptom_label_in(lang, s).unwrap_or(s))
        .collect();
    let official = match (&notice.official, notice.acknowledged_at) {
        (Some(words), Some(at)) => format!(
            " {}",
            t!(
                lang,
                "notice-acknowledged-words",
                name = name,
                when = when(lang, at),
                words = words
            )
        ),
        (Some(words), None) => format!(" {}", t!(lang, "notice-says", name = name, words = words)),
        (None, Some(at)) => format!(
            " {}",
            t!(
                lang,
                "notice-acknowledged",
                name = name,
                when = when(lang, at)
            )
        ),
        (None, None) => String::new(),
    };
    let cause = notice
        .probable_cause
        .as_ref()
        .map(|c| format!(" {}", cause_sentence(lang, name, c)))
        .unwrap_or_default();
    let since = when(lang, notice.since);
    let (title, body) = match notice.kind {
        NoticeKind::Cause => {
            let subject = notice
                .probable_cause
                .as_ref()
                .map_or_else(|| t!(lang, "notice-shared-cause"), |c| c.subject.clone());
            (
                t!(
                    lang,
                    "notice-cause-title",
                    name = name,
                    place = place.as_str(),
                    subject = subject
                ),
                t!(
                    lang,
                    "notice-cause-body",
                    name = name,
                    place = place.as_str(),
                    when = since,
                    cause = cause
                ),
            )
        }
        NoticeKind::Problems | NoticeKind::ProblemsAgain => {
            let what = if symptoms.is_empty() {
                t!(lang, "notice-no-symptoms")
            } else {
                t!(lang, "notice-symptoms", list = symptoms.join(", "))
            };
            let title = if notice.kind == NoticeKind::ProblemsAgain {
                "notice-again-title"
            } else {
                "notice-problems-title"
            };
            (
                t!(lang, title, name = name, place = place.as_str()),
                t!(
                    lang,
                    "notice-problems-body",
                    name = name,
                    place = place.as_str(),
                    when = since,
                    what = what,
                    cause = cause,
                    official = official
                ),
            )
        }
        NoticeKind::Back => (
            t!(
                lang,
                "notice-back-title",
                name = name,
                place = place.as_str()
            ),
            t!(
                lang,
                "notice-back-body",
                name = name,
                place = place.as_str(),
                back = notice
                    .back_at
                    .map(|at| format!(" {}", t!(lang, "notice-back-since", when = when(lang, at))))
                    .unwrap_or_default(),
                when = since,
                official = official
            ),
        ),
    };
    NoticeText {
        title,
        body,
        path: lang.href(&format!("/status/{}", notice.service)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn render_en(notice: &Notice, catalog: &Catalog) -> NoticeText {
        render(notice, catalog, Lang::En)
    }

    fn notice(kind: NoticeKind, region: &str) -> Notice {
        Notice {
            kind,
            service: "spotify".into(),
            incident: "spotify.global.1".into(),
            region: region.into(),
            symptoms: vec!["streaming".into(), "login".into()],
            since: Utc
                .with_ymd_and_hms(2026, 3, 2, 12, 3, 0)
                .single()
                .expect("t"),
            back_at: Utc.with_ymd_and_hms(2026, 3, 2, 13, 5, 0).single(),
            acknowledged_at: Utc.with_ymd_and_hms(2026, 3, 2, 12, 20, 0).single(),
            official: Some("We are looking into it.".into()),
            probable_cause: None,
        }
    }

    #[test]
    fn a_notice_names_service_region_symptoms_time_and_the_acknowledgement() {
        let catalog = Catalog::bundled().expect("catalog");
        let t = render_en(&notice(NoticeKind::Problems, "DE"), &catalog);
        assert_eq!(t.title, "Spotify: problems reported in Germany");
        assert!(
            t.body.starts_with(
                "People report problems with Spotify in Germany since 12:03 UTC on 2 Mar: "
            ),
            "{}",
            t.body
        );
        let streaming = catalog.symptom_label("streaming").expect("label");
        assert!(t.body.contains(streaming), "{}", t.body);
        assert!(
            t.body.ends_with(
                "Spotify acknowledged it at 12:20 UTC on 2 Mar: “We are looking into it.”"
            ),
            "{}",
            t.body
        );
        assert_eq!(t.path, "/en/status/spotify");

        let back = render_en(&notice(NoticeKind::Back, "global"), &catalog);
        assert_eq!(back.title, "Spotify is back");
        assert!(back.body.starts_with("Reports about Spotify are back to the usual level since 13:05 UTC on 2 Mar. Problems were reported from 12:03 UTC on 2 Mar."), "{}", back.body);
    }

    #[test]
    fn a_notice_during_a_shared_cause_says_so() {
        let catalog = Catalog::bundled().expect("catalog");
        let cause = ProbableCause {
            id: "isp:DE:deutsche-telekom".into(),
            kind: "isp".into(),
            subject: "Deutsche Telekom".into(),
            summary: "Reports come mostly from Deutsche Telekom's network in Germany; other networks are fine.".into(),
            confidence: 0.9,
        };
        let mut n = notice(NoticeKind::Problems, "DE");
        n.probable_cause = Some(cause);
        let t = render_en(&n, &catalog);
        assert!(
            t.body.contains("Probably not Spotify: Reports come mostly from Deutsche Telekom's network in Germany; other networks are fine."),
            "{}",
            t.body
        );
        n.kind = NoticeKind::Cause;
        let t = render_en(&n, &catalog);
        assert_eq!(
            t.title,
            "Spotify in Germany: probably Deutsche Telekom, not Spotify"
        );
        assert!(t.body.contains("Deutsche Telekom's network"), "{}", t.body);
        // In the follower's language, not the cause module's English.
        n.kind = NoticeKind::Problems;
        let de = render(&n, &catalog, Lang::De);
        assert!(!de.body.contains("Reports come mostly"), "{}", de.body);
        assert!(de.body.contains("Deutsche Telekom"), "{}", de.body);
        assert!(de.body.contains("Deutschland"), "{}", de.body);
    }

    #[test]
    fn a_notice_comes_in_the_followers_language() {
        let catalog = Catalog::bundled().expect("catalog");
        let t = render(&notice(NoticeKind::Problems, "DE"), &catalog, Lang::De);
        assert_eq!(t.title, "Spotify: Probleme gemeldet (Deutschland)");
        assert!(
            t.body.starts_with(
                "Nutzer melden seit 2.3. um 12:03 UTC Probleme bei Spotify (Deutschland): "
            ),
            "{}",
            t.body
        );
        assert!(t.body.contains("Anmeldung"), "{}", t.body);
        assert_eq!(t.path, "/de/status/spotify");
        let back = render(&notice(NoticeKind::Back, "global"), &catalog, Lang::Ja);
        assert_eq!(back.title, "Spotify が復旧しました");
        assert!(back.body.contains("3月2日"), "{}", back.body);
    }
}
