//! The page shell (head, header, footer) and small pieces every page uses.

use crate::detect::Status;
use crate::i18n::Lang;
use crate::t;
use chrono::{DateTime, Utc};
use maud::{DOCTYPE, Markup, html};

/// A full page in English without language alternates (the API
/// documentation). `live` names what the script should follow
/// ("service:spotify", "all"); the page's `[data-live]` parts are
/// refreshed on events. `demo`: the server runs the demo, and every page
/// says so.
pub fn page(demo: bool, title: &str, live: &str, body: Markup) -> Markup {
    shell(
        &Shell {
            lang: Lang::En,
            origin: "",
            path: None,
            demo,
            title,
            live,
            feed: None,
        },
        body,
    )
}

/// What the shell of a page needs to know.
pub struct Shell<'a> {
    pub lang: Lang,
    /// The site's address (`--public-url`), for the absolute `hreflang`
    /// alternates search engines ask for; "" when not configured.
    pub origin: &'a str,
    /// The page's path without the language prefix ("/status/spotify"),
    /// for the `hreflang` alternates and the language switcher; `None`:
    /// the page has no versions in other languages.
    pub path: Option<&'a str>,
    pub demo: bool,
    pub title: &'a str,
    pub live: &'a str,
    /// The path of the page's Atom feed.
    pub feed: Option<&'a str>,
}

/// A full page in `s.lang`, linking its versions in every language.
pub fn shell(s: &Shell, body: Markup) -> Markup {
    let lang = s.lang;
    let home = if s.path.is_some() {
        lang.href("/")
    } else {
        "/".to_string()
    };
    html! {
        (DOCTYPE)
        html lang=(lang.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (s.title) " · downwatch" }
                meta name="description" content=(t!(lang, "meta-description"));
                meta name="theme-color" content=(super::install::THEME_COLOR);
                link rel="manifest" href=(super::install::manifest_url(lang));
                link rel="icon" href=(super::assets::url("icon.svg")) type="image/svg+xml";
                link rel="apple-touch-icon" href=(super::assets::url("icon-192.png"));
                link rel="stylesheet" href=(super::assets::url("app.css"));
                @if let Some(path) = s.path {
                    @for l in Lang::ALL {
                        link rel="alternate" hreflang=(l.tag()) href={ (s.origin) (l.href(path)) };
                    }
                    link rel="alternate" hreflang="x-default" href={ (s.origin) (path) };
                }
                @if let Some(feed) = s.feed {
                    link rel="alternate" type="application/atom+xml" title=(t!(lang, "feed-title", name = s.title)) href=(feed);
                }
                script src=(super::assets::url("app.js")) defer {}
            }
            body data-live-scope=(s.live) {
                a.skip href="#main" { (t!(lang, "skip-to-content")) }
                @if s.demo {
                    p.demo-banner #demo-banner role="note" {
                        strong { (t!(lang, "demo-banner-title")) }
                        " " (t!(lang, "demo-banner-text"))
                    }
                }
                p.offline-note #offline-note role="status" hidden {
                    (t!(lang, "offline-note")) " " span data-saved-at {}
                }
                header.top {
                    a.brand href=(home) { "downwatch" }
                    nav aria-label=(t!(lang, "nav-label")) {
                        a href=(home) { (t!(lang, "nav-services")) }
                        a href=(if s.path.is_some() { lang.href("/map") } else { "/map".to_string() }) { (t!(lang, "nav-map")) }
                    }
                }
                main #main { (body) }
                div.install-hint #install-hint hidden {
                    p { (t!(lang, "install-hint")) }
                    button type="button" #install-button { (t!(lang, "install-button")) }
                    " "
                    button type="button" #install-dismiss { (t!(lang, "install-dismiss")) }
                }
                footer {
                    p {
                        (t!(lang, "footer-counted")) " "
                        a href="/docs" { (t!(lang, "footer-api-docs")) }
                        " · " a href="/api/v1/openapi.json" { "OpenAPI" }
                        "."
                    }
                    nav.languages aria-label=(t!(lang, "footer-languages")) {
                        ul {
                            @for l in Lang::ALL {
                                li {
                                    a href=(l.href(s.path.unwrap_or("/"))) hreflang=(l.tag()) lang=(l.tag())
                                        data-lang=(l.segment()) aria-current=[(l == lang).then_some("true")] {
                                        (l.native_name())
                                    }
                                }
                            }
                        }
                    }
                    p.small { (t!(lang, "footer-map-data")) }
                    p.small.network-data {
                        @let network = t!(lang, "footer-network-data", name = "\u{1}");
                        @let (before, after) = split_link(&network);
                        (before) a href="https://db-ip.com" { "IP Geolocation by DB-IP" } (after)
                    }
                }
            }
        }
    }
}

/// A message with `inner` (a time, a link) where the message has the
/// `\u{1}` it was given in place of it: markup stays markup, the message
/// stays escaped text.
pub fn around(message: &str, inner: Markup) -> Markup {
    fill(message, &[inner])
}

/// A message with markup in place of the `\u{1}`, `\u{2}`, … it was
/// given for it (`parts[0]`, `parts[1]`, …), in whatever order the
/// language puts them; the rest of the message is escaped text.
pub fn fill(message: &str, parts: &[Markup]) -> Markup {
    let mut out = String::with_capacity(message.len());
    let mut text = String::new();
    for c in message.chars() {
        match (c as usize).checked_sub(1).and_then(|i| parts.get(i)) {
            Some(part) => {
                out.push_str(&html! { (text) }.into_string());
                text.clear();
                out.push_str(&part.0);
            }
            None => text.push(c),
        }
    }
    out.push_str(&html! { (text) }.into_string());
    maud::PreEscaped(out)
}

/// A message split around the `\u{1}` that stands for a link.
fn split_link(message: &str) -> (&str, &str) {
    message.split_once('\u{1}').unwrap_or((message, ""))
}

/// A page with a heading and one sentence, in `lang`.
pub fn html_message_page(lang: Lang, title: &str, text: &str) -> Markup {
    shell(
        &Shell {
            lang,
            origin: "",
            path: None,
            demo: false,
            title,
            live: "",
            feed: None,
        },
        html! {
            h1 { (title) }
            p { (text) }
            p { a href=(lang.href("/")) { (t!(lang, "back-to-services")) } }
        },
    )
}

/// The status badge of a service ("ok", "possible", "outage").
pub fn lang_badge(lang: Lang, status: Status) -> Markup {
    let (class, id) = match status {
        Status::Outage => ("badge outage", "status-outage"),
        Status::Possible => ("badge possible", "status-possible"),
        Status::Ok => ("badge ok", "status-ok"),
    };
    html! { span class=(class) { (lang.t(id)) } }
}

/// "1 report", "1.234 Meldungen": a count of reports in `lang`.
pub fn lang_reports(lang: Lang, n: u64) -> String {
    t!(lang, "reports", count = n)
}

/// A time as "14:05 UTC" in a `<time>` element; the page script shows it
/// in the visitor's time zone (`data-tz`: how much to show).
pub fn clock_time(at: DateTime<Utc>) -> Markup {
    html! {
        time datetime=(at.to_rfc3339()) data-tz="time" { (at.format("%H:%M")) " UTC" }
    }
}

/// A date and time as "2 Mar 2026, 14:05 UTC" ("2.3.2026, 14:05 UTC"
/// in German), localised like [`clock_time`].
pub fn lang_date_time(lang: Lang, at: DateTime<Utc>) -> Markup {
    html! {
        time datetime=(at.to_rfc3339()) data-tz="date" { (lang.date_time(at)) " UTC" }
    }
}

/// "Times are in UTC." in `lang`, which the page script turns into the
/// visitor's zone (its replacement text comes with it).
pub fn lang_zone_note(lang: Lang) -> Markup {
    html! {
        span.tz-note data-tz-note=(t!(lang, "times-in-your-zone")) { (t!(lang, "times-in-utc")) }
    }
}
