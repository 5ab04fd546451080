//! The page shell (head, header, footer) and small pieces every page uses.

use chrono::{DateTime, Utc};
use maud::{DOCTYPE, Markup, html};

/// A full page. `live` names what the script should follow ("service:spotify",
/// "all"); the page's `[data-live]` parts are refreshed on events. `demo`:
/// the server runs the demo, and every page says so.
pub fn page(demo: bool, title: &str, live: &str, body: Markup) -> Markup {
    page_with_feed(demo, title, live, None, body)
}

/// A page that also names its Atom feed (`feed`: its path).
pub fn page_with_feed(
    demo: bool,
    title: &str,
    live: &str,
    feed: Option<&str>,
    body: Markup,
) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · downwatch" }
                link rel="stylesheet" href=(super::assets::url("app.css"));
                @if let Some(feed) = feed {
                    link rel="alternate" type="application/atom+xml" title={ (title) " incidents" } href=(feed);
                }
                script src=(super::assets::url("app.js")) defer {}
            }
            body data-live-scope=(live) {
                a.skip href="#main" { "Skip to content" }
                @if demo {
                    p.demo-banner #demo-banner role="note" {
                        strong { "Demo." }
                        " These reports and outages are simulated, not real; the detection is real."
                    }
                }
                header.top {
                    a.brand href="/" { "downwatch" }
                    nav aria-label="Main" {
                        a href="/" { "Services" }
                        a href="/map" { "Outage map" }
                    }
                }
                main #main { (body) }
                footer {
                    p {
                        "Crowd-sourced reports, counted once per person. "
                        a href="/docs" { "API documentation" }
                        " · " a href="/api/v1/openapi.json" { "OpenAPI" }
                        "."
                    }
                    p.small {
                        "Map data: world-atlas (Natural Earth). Contains information from world-countries "
                        "(mledoze/countries), made available under the Open Database License (ODbL) v1.0."
                    }
                    p.small.network-data {
                        "Network data: RouteViews, the regional internet registries (NRO) and "
                        a href="https://db-ip.com" { "IP Geolocation by DB-IP" }
                        ", under CC BY 4.0, via ip-location-db."
                    }
                }
            }
        }
    }
}

/// A page with a heading and one sentence (errors, 404).
pub fn message_page(title: &str, text: &str) -> Markup {
    page(
        false,
        title,
        "",
        html! {
            h1 { (title) }
            p { (text) }
            p { a href="/" { "Back to all services" } }
        },
    )
}

/// The status badge of a service ("ok", "possible", "outage").
pub fn badge(status: &str) -> Markup {
    let (class, text) = match status {
        "outage" => ("badge outage", "Problems"),
        "possible" => ("badge possible", "Possible problems"),
        _ => ("badge ok", "No problems"),
    };
    html! { span class=(class) { (text) } }
}

/// "1 report", "3 reports".
pub fn reports(n: u64) -> String {
    if n == 1 {
        "1 report".to_string()
    } else {
        format!("{n} reports")
    }
}

/// Severity for ordering: outage before possible before ok.
pub fn severity(status: &str) -> u8 {
    match status {
        "outage" => 2,
        "possible" => 1,
        _ => 0,
    }
}

/// A time as "14:05 UTC" in a `<time>` element; the page script shows it
/// in the visitor's time zone (`data-tz`: how much to show).
pub fn clock_time(at: DateTime<Utc>) -> Markup {
    html! {
        time datetime=(at.to_rfc3339()) data-tz="time" { (at.format("%H:%M")) " UTC" }
    }
}

/// A date and time as "2 Mar 2026, 14:05 UTC", localised like
/// [`clock_time`].
pub fn date_time(at: DateTime<Utc>) -> Markup {
    html! {
        time datetime=(at.to_rfc3339()) data-tz="date" { (at.format("%-d %b %Y, %H:%M")) " UTC" }
    }
}

/// "Times are in UTC.", which the page script turns into the visitor's
/// zone.
pub fn zone_note() -> Markup {
    html! { span.tz-note data-tz-note { "Times are in UTC." } }
}
