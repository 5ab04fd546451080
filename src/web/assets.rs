//! The embedded stylesheet, script, app icons and map outlines, served under
//! `/assets/`. Pages link them by fingerprinted names (`app.<hash>.css`),
//! which never change meaning, so browsers and CDNs keep them for a year;
//! the plain names still answer, with a short cache time. Each file is
//! compressed once, at first use.

use super::{PageError, secure, subresource};
use crate::http_cache::{IMMUTABLE, Rendered};
use actix_web::{HttpRequest, HttpResponse, web};
use sha2::{Digest, Sha256};
use std::sync::LazyLock;

/// Cache time of the plain (unfingerprinted) names.
const PLAIN_CACHE: &str = "public, max-age=300";

struct Asset {
    /// The plain name ("app.css").
    name: &'static str,
    /// The fingerprinted name ("app.0123abcd4567.css").
    fingerprinted: String,
    rendered: Rendered,
}

fn asset(name: &'static str, content_type: &'static str, body: impl Into<Vec<u8>>) -> Asset {
    let body: Vec<u8> = body.into();
    let digest = hex::encode(Sha256::digest(&body));
    let fingerprinted = match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{}.{ext}", &digest[..12]),
        None => format!("{name}.{}", &digest[..12]),
    };
    Asset {
        name,
        fingerprinted,
        rendered: Rendered::new(content_type, body),
    }
}

static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    vec![
        asset(
            "app.css",
            "text/css; charset=utf-8",
            include_str!("../../assets/web/app.css").to_string(),
        ),
        asset(
            "app.js",
            "text/javascript; charset=utf-8",
            include_str!("../../assets/web/app.js").to_string(),
        ),
        asset(
            "follow.js",
            "text/javascript; charset=utf-8",
            include_str!("../../assets/web/follow.js").to_string(),
        ),
        // The app icon (installable app, favicon): the SVG is the source,
        // the PNGs were made from it (README: "App icons").
        asset(
            "icon.svg",
            "image/svg+xml",
            include_str!("../../assets/web/icon.svg"),
        ),
        asset(
            "icon-192.png",
            "image/png",
            include_bytes!("../../assets/web/icon-192.png").as_slice(),
        ),
        asset(
            "icon-512.png",
            "image/png",
            include_bytes!("../../assets/web/icon-512.png").as_slice(),
        ),
        asset(
            "world.svg",
            "image/svg+xml",
            super::world::OUTLINES_SVG.clone(),
        ),
    ]
});

/// The URL pages link `name` ("app.css") by: its fingerprinted one.
pub fn url(name: &str) -> String {
    ASSETS.iter().find(|a| a.name == name).map_or_else(
        || format!("/assets/{name}"),
        |a| format!("/assets/{}", a.fingerprinted),
    )
}

pub async fn serve(req: HttpRequest, name: web::Path<String>) -> Result<HttpResponse, PageError> {
    let (asset, cache) = ASSETS
        .iter()
        .find_map(|a| {
            if a.fingerprinted == *name {
                Some((a, IMMUTABLE))
            } else if a.name == *name {
                Some((a, PLAIN_CACHE))
            } else {
                None
            }
        })
        .ok_or(PageError::NotFound)?;
    // An SVG can be opened as a document: it gets the pages' policy. The
    // other assets are only ever loaded by a page, whose policy governs
    // them; theirs would be bytes on every first visit and nothing else.
    let document = asset.name.ends_with(".svg");
    Ok(asset.rendered.respond(&req, cache, |r| {
        if document {
            secure(r);
        } else {
            subresource(r);
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_follow_the_content() {
        let css = url("app.css");
        assert!(
            css.starts_with("/assets/app.") && css.ends_with(".css"),
            "{css}"
        );
        assert_ne!(css, "/assets/app.css");
        assert!(url("world.svg").starts_with("/assets/world."));
        assert_eq!(url("nope.txt"), "/assets/nope.txt");
    }
}
