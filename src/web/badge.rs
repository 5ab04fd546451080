//! `/badge/{slug}.svg`: an embeddable status badge (service name and
//! "ok", "possible" or "outage" in its colour), for READMEs and status
//! pages elsewhere. Unknown services get a grey "unknown service" badge
//! with 404.

use super::PageError;
use super::feed::xml_escape;
use crate::read::status;
use crate::startup::AppState;
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
    let label: String = label.chars().take(MAX_LABEL).collect();
    let left = label.chars().count() * CHAR_WIDTH + PADDING;
    let right = value.chars().count() * CHAR_WIDTH + PADDING;
    let width = left + right;
    let (label, value) = (xml_escape(&label), xml_escape(value));
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"20\" role=\"img\" aria-label=\"{label}: {value}\">\
<title>{label}: {value}</title>\
<rect width=\"{left}\" height=\"20\" fill=\"#555\"/>\
<rect x=\"{left}\" width=\"{right}\" height=\"20\" fill=\"{colour}\"/>\
<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\">\
<text x=\"{lx}\" y=\"14\">{label}</text><text x=\"{vx}\" y=\"14\">{value}</text></g></svg>",
        lx = left / 2,
        vx = left + right / 2,
    )
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
    let st = status::statuses(state.store.as_ref(), &[service.slug.as_str()])
        .await?
        .pop()
        .unwrap_or_default();
    let value = match st.status.as_str() {
        "outage" | "possible" => st.status.as_str(),
        _ => "ok",
    };
    Ok(respond(
        StatusCode::OK,
        svg(&service.name, value, colour(value)),
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
        let long = svg(&"n".repeat(500), "ok", colour("ok"));
        assert!(long.len() < 1500, "labels are cut");
    }
}
