//! `/badge/{slug}.svg`: an embeddable status badge (service name and
//! "ok", "possible" or "outage" in its colour, and for a service with an
//! official status page what that page says), for READMEs and status
//! pages elsewhere. Unknown services get a grey "unknown service" badge
//! with 404.

use super::PageError;
use super::feed::xml_escape;
use crate::detect::OfficialLevel;
use crate::state::AppState;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};

/// Approximate width of one character at 11px Verdana.
const CHAR_WIDTH: usize = 7;
const PADDING: usize = 12;
/// Longest label drawn, in characters.
const MAX_LABEL: usize = 40;

/// The colour of a status.
fn colour(status: &str) -> &'static str {
    match status {
        "ok" => "#2e7d32",
        "possible" => "#c77700",
        "outage" => "#c62828",
        _ => "#757575",
    }
}

/// A two-part badge: `label` on grey, `value` on its colour.
pub fn svg(label: &str, value: &str, colour: &str) -> String {
    svg_parts(label, &[(value, colour)])
}

/// `label` on grey, then each (value, colour) part: the crowd's status,
/// and the official one where the service has a status page.
pub fn svg_parts(label: &str, parts: &[(&str, &str)]) -> String {
    let label: String = label.chars().take(MAX_LABEL).collect();
    let left = label.chars().count() * CHAR_WIDTH + PADDING;
    let widths: Vec<usize> = parts
        .iter()
        .map(|(v, _)| v.chars().count() * CHAR_WIDTH + PADDING)
        .collect();
    let width = left + widths.iter().sum::<usize>();
    let label = xml_escape(&label);
    let values: Vec<String> = parts.iter().map(|(v, _)| xml_escape(v)).collect();
    let all = values.join(", ");
    let (mut rects, mut texts) = (String::new(), String::new());
    let mut x = left;
    for ((value, (_, colour)), w) in values.iter().zip(parts).zip(&widths) {
        rects.push_str(&format!(
            "<rect x=\"{x}\" width=\"{w}\" height=\"20\" fill=\"{colour}\"/>"
        ));
        texts.push_str(&format!(
            "<text x=\"{}\" y=\"14\">{value}</text>",
            x + w / 2
        ));
        x += w;
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"20\" role=\"img\" aria-label=\"{label}: {all}\">\
<title>{label}: {all}</title>\
<rect width=\"{left}\" height=\"20\" fill=\"#555\"/>{rects}\
<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\">\
<text x=\"{lx}\" y=\"14\">{label}</text>{texts}</g></svg>",
        lx = left / 2,
    )
}

/// The official part of a badge: "official: major" in the level's colour.
fn official_part(level: Option<OfficialLevel>) -> (String, &'static str) {
    match level {
        None => ("official: unavailable".to_string(), colour("")),
        Some(l) => (
            format!("official: {}", l.as_str()),
            match l {
                OfficialLevel::Ok => colour("ok"),
                OfficialLevel::Maintenance => "#1565c0",
                OfficialLevel::Minor => colour("possible"),
                OfficialLevel::Major => colour("outage"),
            },
        ),
    }
}

fn respond(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("image/svg+xml; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=60"))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::CONTENT_SECURITY_POLICY, "default-src 'none'"))
        .body(body)
}

pub async fn badge(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let Some(service) = state.catalog.service(&slug) else {
        return Ok(respond(
            StatusCode::NOT_FOUND,
            svg("downwatch", "unknown service", colour("")),
        ));
    };
    // The service's view, computed once and shared with its page and API
    // answer: a badge embedded in many pages costs no store read of its own.
    let version = state.views.version().await;
    let view = state.views.service(&service.slug, version).await?;
    let value = view.value.status.status.as_str();
    let Some(official) = &view.value.official else {
        return Ok(respond(
            StatusCode::OK,
            svg(&service.name, value, colour(value)),
        ));
    };
    let (text, official_colour) = official_part(official.shown_level());
    Ok(respond(
        StatusCode::OK,
        svg_parts(
            &service.name,
            &[(value, colour(value)), (&text, official_colour)],
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_and_widths_follow_the_text() {
        let s = svg("A&B <x>", "outage", colour("outage"));
        assert!(s.contains("A&amp;B &lt;x&gt;"), "{s}");
        assert!(!s.contains("<x>"));
        assert!(s.contains("#c62828"));
        let both = svg_parts(
            "X",
            &[("outage", colour("outage")), ("official: ok", colour("ok"))],
        );
        assert!(both.contains(">outage</text>") && both.contains(">official: ok</text>"));
        assert!(
            both.contains("aria-label=\"X: outage, official: ok\""),
            "{both}"
        );
        let long = svg(&"n".repeat(500), "ok", colour("ok"));
        assert!(long.len() < 1500, "labels are cut");
    }
}
