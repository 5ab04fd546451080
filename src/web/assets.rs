//! The embedded stylesheet and script, served under `/assets/`.

use super::{PageError, secure};
use actix_web::http::header;
use actix_web::{HttpResponse, web};

const FILES: &[(&str, &str, &str)] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("../../assets/web/app.css"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/web/app.js"),
    ),
];

pub async fn asset(name: web::Path<String>) -> Result<HttpResponse, PageError> {
    let (_, content_type, body) = FILES
        .iter()
        .find(|(n, _, _)| *n == name.as_str())
        .ok_or(PageError::NotFound)?;
    let mut response = HttpResponse::Ok();
    secure(&mut response);
    Ok(response
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .content_type(*content_type)
        .body(*body))
}
